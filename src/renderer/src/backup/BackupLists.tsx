// The backup folder's files (what can be restored, each with its Restore link) and the recent runs of the
// backup, failures included with why they failed.
import type { BackupFile, BackupListOutput, BackupRun } from '../../../shared/backup/schemas'
import { TableHead } from '../components/TableHead'
import { TableScroll } from '../components/TableScroll'
import { BackupStatusTag } from './format'
import { restoreHref } from './routes'
import { backupName, londonDateTime, megabytes, reasonLabel } from './words'

export function BackupFiles({ list }: { list: BackupListOutput }) {
  const caption = 'Backups in the backup folder'
  return (
    <section aria-labelledby="files-heading">
      <h2 className="govuk-heading-m" id="files-heading">
        Backups you can restore
      </h2>
      {list.files.length === 0 ? (
        <p className="govuk-body">There are no backups in the backup folder yet.</p>
      ) : (
        <>
          <p className="govuk-body">Newest first. Each is a whole copy of the database, encrypted, checked when it was taken.</p>
          <TableScroll label={caption}>
            <table className="govuk-table">
              <TableHead caption={caption} columns={['Taken', 'Why', { label: 'Size', numeric: true }, 'Key']} />
              <tbody className="govuk-table__body">
                {list.files.map((file) => (
                  <FileRow key={file.fileName} file={file} />
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  )
}

/** The date is the row's heading, and the Restore link sits under it, so that on a narrow screen it is in view without scrolling the table. */
function FileRow({ file }: { file: BackupFile }) {
  return (
    <tr className="govuk-table__row">
      <th scope="row" className="govuk-table__header">
        {londonDateTime(file.takenAt)}
        <br />
        {file.keyMatches ? (
          <a className="govuk-link govuk-!-font-weight-regular" href={restoreHref(file.fileName)}>
            Restore<span className="govuk-visually-hidden"> {backupName(file)}</span>
          </a>
        ) : (
          <span className="govuk-body-s govuk-!-font-weight-regular">Cannot be restored here</span>
        )}
      </th>
      <td className="govuk-table__cell">{reasonLabel(file.reason)}</td>
      <td className="govuk-table__cell govuk-table__cell--numeric">
        <span className="app-nowrap">{megabytes(file.bytes)}</span>
      </td>
      <td className="govuk-table__cell">{file.keyMatches ? 'This computer’s key' : <strong className="govuk-tag govuk-tag--red">Another key</strong>}</td>
    </tr>
  )
}

export function BackupRuns({ runs }: { runs: BackupRun[] }) {
  const caption = 'Recent backup runs'
  return (
    <section aria-labelledby="runs-heading">
      <h2 className="govuk-heading-m" id="runs-heading">
        Recent runs
      </h2>
      {runs.length === 0 ? (
        <p className="govuk-body">No backup has run yet.</p>
      ) : (
        <>
          <p className="govuk-body">Every run, from this window, the schedule, other desks and the command line, newest first.</p>
          <TableScroll label={caption}>
            <table className="govuk-table">
              <TableHead caption={caption} columns={['Started', 'Why', 'By', { label: 'Size', numeric: true }, 'Result']} />
              <tbody className="govuk-table__body">
                {runs.map((run) => (
                  <RunRow key={run.id} run={run} />
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  )
}

/** A run is one row, and a second (across the table, so the columns stay narrow) saying why it failed. */
function RunRow({ run }: { run: BackupRun }) {
  const why = run.status === 'failed' ? (run.message ?? 'It stopped before the copy was complete.') : null
  const cell = why ? { borderBottom: 0 } : undefined
  return (
    <>
      <tr className="govuk-table__row">
        <td className="govuk-table__cell" style={cell}>
          {londonDateTime(run.startedAt)}
        </td>
        <td className="govuk-table__cell" style={cell}>
          {reasonLabel(run.reason)}
        </td>
        <td className="govuk-table__cell" style={cell}>
          {run.startedBy ?? (run.reason === 'command' ? 'IT' : 'Casebook')}
        </td>
        <td className="govuk-table__cell govuk-table__cell--numeric" style={cell}>
          <span className="app-nowrap">{run.bytes === null ? '' : megabytes(run.bytes)}</span>
        </td>
        <td className="govuk-table__cell" style={cell}>
          <BackupStatusTag status={run.status} />
        </td>
      </tr>
      {why ? (
        <tr className="govuk-table__row">
          <td className="govuk-table__cell" colSpan={5}>
            <p className="govuk-body-s govuk-!-margin-bottom-0">{why}</p>
          </td>
        </tr>
      ) : null}
    </>
  )
}
