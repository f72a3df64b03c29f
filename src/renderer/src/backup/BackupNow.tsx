// Back up now: the button, then the run's progress, followed with backup.progress until it ends, and
// how it ended. A run already going (the schedule's, another desk's, the command line's) is followed too.
import type { BackupOverview, BackupRun } from '../../../shared/backup/schemas'
import { invoke } from '../api'
import { ProblemBanner, SuccessBanner } from '../components/ErrorSummary'
import { RunProgress } from '../components/RunProgress'
import { useFollowedRun } from '../components/useFollowedRun'
import { Long } from '../export/format'
import { londonDateTime, megabytes, reasonLabel } from './words'

export function BackupNow({
  overview,
  onStarted,
  onEnded
}: {
  overview: BackupOverview | null
  /** Told when this screen started a run, so the list of runs shows it. */
  onStarted: () => void
  /** Told when a run this screen followed has ended, so the summary and the lists are read again. */
  onEnded: (run: BackupRun) => void
}) {
  const running = overview?.running ?? null
  const { run, problem, starting, start } = useFollowedRun<BackupRun>(running, (id) => invoke('backup.progress', { id }), onEnded)
  const isRunning = run?.status === 'running'
  const blocked = isRunning || starting

  return (
    <section aria-labelledby="backup-now-heading">
      <h2 className="govuk-heading-m" id="backup-now-heading">
        Back up now
      </h2>
      {problem ? <ProblemBanner title="The backup did not start" message={problem.message} /> : null}
      {run && run.status !== 'running' ? <Outcome run={run} /> : null}
      {run && run.status !== 'failed' ? <Progress run={run} /> : null}
      <p className="govuk-body">
        Casebook copies the database while it is in use (nobody needs to stop work), checks the copy, and saves it encrypted in the backup folder.
      </p>
      {isRunning ? (
        <div className="govuk-inset-text" id="backup-blocked">
          A backup is running.
        </div>
      ) : null}
      <button
        type="button"
        className="govuk-button"
        disabled={blocked}
        aria-disabled={blocked || undefined}
        aria-describedby={isRunning ? 'backup-blocked' : undefined}
        onClick={() => void start(() => invoke('backup.start', {}), onStarted)}
      >
        Back up now
      </button>
    </section>
  )
}

/** Full when the backup is done. */
function Progress({ run }: { run: BackupRun }) {
  const done = run.status === 'ok'
  const percent = done ? 100 : Math.round(run.progress * 100)
  return (
    <RunProgress
      id="backup-progress"
      label="Progress of the backup"
      hint={
        <>
          Started {londonDateTime(run.startedAt)}
          {run.startedBy ? ` by ${run.startedBy}` : ''}
          {run.reason === 'manual' ? '' : ` (${reasonLabel(run.reason).toLowerCase()})`}
        </>
      }
      max={100}
      value={percent}
      text={done ? 'Done: copied, checked and saved.' : `${percent}% copied`}
    />
  )
}

function Outcome({ run }: { run: BackupRun }) {
  if (run.status === 'ok') {
    return (
      <SuccessBanner title="Backup taken and checked">
        {run.fileName ? (
          <p className="govuk-body">
            Saved in the backup folder{run.bytes !== null ? ` (${megabytes(run.bytes)})` : ''} as <Long>{run.fileName}</Long>
          </p>
        ) : null}
      </SuccessBanner>
    )
  }
  return (
    <ProblemBanner
      title="The backup did not finish"
      message={`${run.message ?? 'It stopped before the copy was complete.'} The database itself is unchanged.`}
    />
  )
}
