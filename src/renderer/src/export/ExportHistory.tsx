// Every export run, newest first, a page at a time: when, who, what was sent, the change feed's
// range, how it ended, and (behind a disclosure, so the table stays narrow) each file's row count
// and SHA-256, which the authority can check the files it collected against.
import { useEffect, useState } from 'react'
import type { ExportHistoryOutput, ExportRun } from '../../../shared/export/schemas'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { ProblemBanner } from '../components/ErrorSummary'
import { Loading } from '../components/Page'
import { TableHead } from '../components/TableHead'
import { TableScroll } from '../components/TableScroll'
import { Pages } from '../referrals/ReferralsTable'
import { localDateTime } from '../referrals/format'
import { Long, RunStatusTag } from './format'
import { changeRange, count, kindLabel, plural } from './words'

/** `refresh` changes when a run ends: the history is read again from its first page. */
export function ExportHistory({ refresh }: { refresh: number }) {
  const [page, setPage] = useState(1)
  const [history, setHistory] = useState<ExportHistoryOutput | null>(null)
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  useEffect(() => setPage(1), [refresh])
  useEffect(() => {
    void invoke('export.history', { page }).then((r) => {
      if (r.ok) {
        setProblem(null)
        setHistory(r.value)
      } else setProblem(r.error)
    })
  }, [page, refresh])
  const first = history ? (history.page - 1) * history.pageSize + 1 : 0
  const last = history ? first + history.runs.length - 1 : 0
  const caption = 'Export runs'
  return (
    <section aria-labelledby="history-heading">
      <h2 className="govuk-heading-m" id="history-heading">
        History
      </h2>
      {problem ? <ProblemBanner title="The history cannot be shown" message={problem.message} /> : null}
      {!history ? (
        problem ? null : (
          <Loading />
        )
      ) : history.total === 0 ? (
        <p className="govuk-body">Nothing has been exported yet.</p>
      ) : (
        <>
          <p className="govuk-body">
            Every export, from this window, other desks and the command line, newest first. Showing {count(first)} to {count(last)} of {count(history.total)}.
          </p>
          <TableScroll label={caption}>
            <table className="govuk-table">
              <TableHead
                caption={caption}
                columns={['Package', 'Started', 'By', 'What was sent', 'Change sequence', { label: 'Records', numeric: true }, 'Status']}
              />
              <tbody className="govuk-table__body">
                {history.runs.map((run) => (
                  <RunRow key={run.id} run={run} />
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pages page={history.page} pageSize={history.pageSize} total={history.total} shown={history.runs.length} label="Pages of export runs" go={setPage} />
        </>
      )}
    </section>
  )
}

/** The records a run sent, or how far it got. */
const records = (run: ExportRun) =>
  run.status === 'succeeded'
    ? count(run.recordsTotal ?? run.recordsDone)
    : run.recordsTotal === null
      ? 'Not counted'
      : `${count(run.recordsDone)} of ${count(run.recordsTotal)}`

/**
 * A run is two rows: what it was, then (across the whole table, so that the main columns stay
 * narrow) why it failed and its files behind a disclosure.
 */
function RunRow({ run }: { run: ExportRun }) {
  const more = run.files.length > 0 || (run.error !== null && run.status !== 'succeeded')
  const cell = more ? { borderBottom: 0 } : undefined
  return (
    <>
      <tr className="govuk-table__row">
        <td className="govuk-table__cell" style={cell}>
          {count(run.packageSequence)}
        </td>
        <td className="govuk-table__cell" style={cell}>
          {localDateTime(run.startedAt)}
        </td>
        <td className="govuk-table__cell" style={cell}>
          {run.startedBy}
        </td>
        <td className="govuk-table__cell" style={cell}>
          {kindLabel(run)}
        </td>
        <td className="govuk-table__cell" style={cell}>
          {changeRange(run)}
        </td>
        <td className="govuk-table__cell govuk-table__cell--numeric" style={cell}>
          {records(run)}
        </td>
        <td className="govuk-table__cell" style={cell}>
          <RunStatusTag status={run.status} />
        </td>
      </tr>
      {more ? (
        <tr className="govuk-table__row">
          <td className="govuk-table__cell" colSpan={7}>
            {run.error && run.status !== 'succeeded' ? <p className="govuk-body-s govuk-!-margin-bottom-2">{run.error}</p> : null}
            {run.files.length > 0 ? <Files run={run} /> : null}
          </td>
        </tr>
      ) : null}
    </>
  )
}

function Files({ run }: { run: ExportRun }) {
  const caption = `Files of package ${run.packageSequence}`
  return (
    <details className="govuk-details govuk-!-margin-bottom-0">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          {plural(run.files.length, 'file')} and their SHA-256 checksums<span className="govuk-visually-hidden">, package {run.packageSequence}</span>
        </span>
      </summary>
      <div className="govuk-details__text">
        <table className="govuk-table govuk-!-font-size-16 govuk-!-margin-bottom-0">
          <TableHead caption={caption} columns={['File', { label: 'Rows', numeric: true }, { label: 'Bytes', numeric: true }, 'SHA-256']} />
          <tbody className="govuk-table__body">
            {run.files.map((file) => (
              <tr className="govuk-table__row" key={file.path}>
                <td className="govuk-table__cell">
                  <Long>{file.path}</Long>
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{count(file.rows)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{count(file.bytes)}</td>
                <td className="govuk-table__cell">
                  <Long>{file.sha256}</Long>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  )
}
