// Restoring a backup, after a page that says plainly what will happen: the backup is checked first,
// the records go back to the moment it was taken, the database in use now is kept beside it, and
// everyone is signed out. Then this window starts again on the sign-in page, which says what was restored.
import { useEffect, useState } from 'react'
import type { BackupFile } from '../../../shared/backup/schemas'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { SummaryRow } from '../components/SummaryRow'
import { Warning } from '../components/Warning'
import { Long } from '../export/format'
import { startAgainRestored } from './restored'
import { RestoringStatus } from './RestoringStatus'
import { backupsHref } from './routes'
import { ageInWords, londonDateTime, megabytes, reasonLabel } from './words'

export function RestorePage({ fileName }: { fileName: string }) {
  const [file, setFile] = useState<BackupFile | null | undefined>(undefined)
  const [problem, setProblem] = useState<{ title: string; error: AppErrorValue } | null>(null)
  const [restoring, setRestoring] = useState(false)

  useEffect(() => {
    void invoke('backup.list', {}).then((r) => {
      if (r.ok) setFile(r.value.files.find((f) => f.fileName === fileName) ?? null)
      else setProblem({ title: 'The backups cannot be listed', error: r.error })
    })
  }, [fileName])

  const restore = async () => {
    if (!file) return
    setRestoring(true)
    setProblem(null)
    const result = await invoke('backup.restore', { fileName })
    if (result.ok) return startAgainRestored({ takenAt: file.takenAt, keptAt: result.value.replacedKeptAt })
    setRestoring(false)
    setProblem({ title: 'The backup was not restored', error: result.error })
  }

  return (
    <Page title="Restore a backup" caption="Backups">
      {problem ? <ProblemBanner title={problem.title} message={problem.error.message} /> : null}
      {file === undefined ? (
        problem ? null : (
          <Loading />
        )
      ) : file === null ? (
        <p className="govuk-body">
          This backup is not in the backup folder any more.{' '}
          <a className="govuk-link" href={backupsHref}>
            Go back to Backups
          </a>
        </p>
      ) : (
        <Confirm file={file} restoring={restoring} onRestore={() => void restore()} />
      )}
    </Page>
  )
}

function Confirm({ file, restoring, onRestore }: { file: BackupFile; restoring: boolean; onRestore: () => void }) {
  const when = londonDateTime(file.takenAt)
  const ageHours = Math.max(0, (Date.now() - Date.parse(file.takenAt)) / 3_600_000)
  return (
    <>
      <dl className="govuk-summary-list">
        <SummaryRow label="Taken">{`${when} (${ageInWords(ageHours)})`}</SummaryRow>
        <SummaryRow label="Why">{reasonLabel(file.reason)}</SummaryRow>
        <SummaryRow label="Size">{megabytes(file.bytes)}</SummaryRow>
        <SummaryRow label="File">
          <Long>{file.fileName}</Long>
        </SummaryRow>
      </dl>
      <Warning>Restoring puts this backup in place of the database everyone is using now.</Warning>
      <h2 className="govuk-heading-m">What will happen</h2>
      <ol className="govuk-list govuk-list--number">
        <li>
          Casebook checks the backup first: that it can be read with this computer’s key, that nothing in it is damaged, and that its audit trail is whole. If a
          check fails, nothing changes.
        </li>
        <li>
          The hub’s records go back to how they were at {when}. <strong>Anything saved since then is not in the backup</strong>, and will not be in Casebook
          after the restore.
        </li>
        <li>The database in use now is not deleted: it is kept beside it, in the database’s folder, so IT can go back to it.</li>
        <li>Everyone using Casebook, on every desk, is signed out and must sign in again. Ask them to finish what they are typing first.</li>
      </ol>
      <RestoringStatus restoring={restoring} />
      <div className="govuk-button-group">
        <button type="button" className="govuk-button govuk-button--warning" disabled={restoring} aria-disabled={restoring || undefined} onClick={onRestore}>
          Restore this backup
        </button>
        <a className="govuk-link" href={backupsHref}>
          Cancel
        </a>
      </div>
    </>
  )
}
