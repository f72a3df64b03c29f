// The recovery screen, shown instead of sign-in when Casebook could not open its database as it
// should: what happened in plain words, the newest good backup and its age, and the ways back the
// core offers (restore that backup, or open what can be read, read-only). A database from a newer
// Casebook, or one on a network drive, has no way back from this window: only what IT must do.
import { useState, type ReactNode } from 'react'
import type { RecoveryProblem, RecoveryStatus } from '../../../shared/recovery/schemas'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { ProblemBanner } from '../components/ErrorSummary'
import { Page } from '../components/Page'
import { SummaryRow } from '../components/SummaryRow'
import { Long } from '../export/format'
import { ageInWords, londonDateTime } from '../backup/words'
import { RecoveryRestoreForm } from './RecoveryRestoreForm'
import type { Unopened } from './useRecoveryStatus'

const TITLES: Record<RecoveryProblem, string> = {
  damaged: 'Casebook’s database is damaged',
  unreadable: 'Casebook cannot read its database',
  newer: 'This database was made by a newer Casebook',
  network: 'Casebook’s database is on a network drive',
  missing: 'Casebook’s database is not there'
}

/** What IT must do where this window can do nothing. */
const FOR_IT: Partial<Record<RecoveryProblem, ReactNode>> = {
  newer: (
    <p className="govuk-body">
      Install the version of Casebook that made this database (or a later one) on this computer. This version has not changed the file, and cannot open it.
      Restoring a backup instead would lose everything saved since that backup was taken.
    </p>
  ),
  network: (
    <p className="govuk-body">
      Move the database file to this computer’s own disk, and set the database’s path in Casebook’s machine-wide configuration to it. Backups may stay on the
      network share. For several desks sharing one hub’s records, set up a shared PostgreSQL database instead: the README says how.
    </p>
  )
}

export function RecoveryPage({ status, onOpened }: { status: Unopened; onOpened: (status: RecoveryStatus) => void }) {
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  const [opening, setOpening] = useState(false)
  const backup = status.newestBackup
  const forIt = FOR_IT[status.problem]

  const openReadOnly = async () => {
    setOpening(true)
    setProblem(null)
    const result = await invoke('recovery.openReadOnly', {})
    setOpening(false)
    if (result.ok) onOpened(result.value)
    else setProblem(result.error)
  }

  return (
    <Page title={TITLES[status.problem]}>
      {problem ? <ProblemBanner title="What can be read could not be opened" message={problem.message} /> : null}
      {/* The core's words name the file: a long path without spaces may break anywhere rather than widen the page. */}
      <p className="govuk-body-l" id="recovery-message" style={{ overflowWrap: 'anywhere' }}>
        {status.message}
      </p>
      <dl className="govuk-summary-list">
        <SummaryRow label="Database file">
          <Long>{status.databasePath}</Long>
        </SummaryRow>
        {forIt ? null : (
          <SummaryRow label="Newest good backup">
            {backup ? (
              <>
                Taken {londonDateTime(backup.takenAt)}
                {status.newestBackupAgeHours !== null ? ` (${ageInWords(status.newestBackupAgeHours)})` : ''}
              </>
            ) : (
              'None found in the backup folder'
            )}
          </SummaryRow>
        )}
        {/* Which hub this database is could not be read: a shared backup folder may hold several hubs' backups, so say whose this one is. */}
        {!forIt && backup && status.hubCode === null && status.newestBackupHubCode ? (
          <SummaryRow label="Backup of hub" valueId="recovery-backup-hub">
            {status.newestBackupHubCode}. Casebook could not read which hub this database is: check this is your hub’s code before restoring.
          </SummaryRow>
        ) : null}
      </dl>

      {forIt ? (
        <>
          <h2 className="govuk-heading-m">What IT must do</h2>
          {forIt}
          <p className="govuk-body">If you are not IT, show them this page. Nothing has been changed.</p>
        </>
      ) : (
        <>
          {status.canRestore && backup ? (
            <section aria-labelledby="restore-heading">
              <h2 className="govuk-heading-m" id="restore-heading">
                Restore this backup
              </h2>
              <p className="govuk-body">
                The hub’s records go back to how they were at {londonDateTime(backup.takenAt)}. Anything saved after that is not in the backup. The damaged file
                is kept as it is, beside it, for IT.
              </p>
              <RecoveryRestoreForm backup={backup} />
            </section>
          ) : null}
          {status.canOpenReadOnly ? (
            <section aria-labelledby="read-only-heading">
              <h2 className="govuk-heading-m" id="read-only-heading">
                Open what can be read
              </h2>
              <p className="govuk-body">
                Casebook opens a copy of what can still be read, to look things up. Nothing can be saved in it, and some records may be missing. The damaged
                file is not changed.
              </p>
              <button
                type="button"
                className="govuk-button govuk-button--secondary"
                disabled={opening}
                aria-disabled={opening || undefined}
                onClick={() => void openReadOnly()}
              >
                Open what can be read (read-only)
              </button>
            </section>
          ) : null}
          {!(status.canRestore && backup) && !status.canOpenReadOnly ? (
            <p className="govuk-body">There is no way back from this window. Show this page to IT: they can restore a backup from the command line.</p>
          ) : null}
        </>
      )}
    </Page>
  )
}
