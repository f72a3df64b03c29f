// Export now: what to send (changes since the last package, or everything; pseudonymised or not),
// the button (and why it cannot be pressed yet), then the run's progress, followed with
// export.progress until it ends, and how it ended.
import { useState } from 'react'
import type { ExportKind, ExportOverview, ExportRun } from '../../../shared/export/schemas'
import type { ValidationReport } from '../../../shared/export/validation'
import { invoke } from '../api'
import { ProblemBanner, SuccessBanner } from '../components/ErrorSummary'
import { RunProgress } from '../components/RunProgress'
import { useFollowedRun } from '../components/useFollowedRun'
import { Long } from './format'
import { count, kindLabel, packagePath, plural, progressText, whyNot } from './words'
import { localDateTime } from '../referrals/format'

export function ExportNow({
  overview,
  report,
  checking,
  onStarted,
  onEnded,
  onRefused
}: {
  overview: ExportOverview | null
  report: ValidationReport | null
  checking: boolean
  /** Told when this screen started a run, so the history shows it. */
  onStarted: () => void
  /** Told when a run this screen followed has ended, so the summary and the history are read again. */
  onEnded: (run: ExportRun) => void
  /** Told when the core refused to start, so the checks and the summary are read again. */
  onRefused: () => void
}) {
  const [kind, setKind] = useState<ExportKind>('incremental')
  const [pseudonymised, setPseudonymised] = useState(false)
  // A run already going when the screen opened (another desk's, or the command line's) is followed too.
  const running = overview?.running ?? null
  const { run, problem, starting, start } = useFollowedRun<ExportRun>(running, (runId) => invoke('export.progress', { runId }), onEnded)

  const reason = run?.status === 'running' ? 'An export is running.' : whyNot(overview, report, checking)
  const exportNow = async () => {
    if (!(await start(() => invoke('export.start', { kind, pseudonymised }), onStarted))) onRefused()
  }
  const blocked = reason !== null || starting

  return (
    <section aria-labelledby="export-now-heading">
      <h2 className="govuk-heading-m" id="export-now-heading">
        Export now
      </h2>
      {problem ? <ProblemBanner title="The export did not start" message={problem.message} /> : null}
      {run && run.status !== 'running' ? <Outcome run={run} /> : null}
      {run?.status === 'running' ? <Progress run={run} /> : null}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          if (!blocked) void exportNow()
        }}
      >
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">What to send</legend>
            <div className="govuk-radios govuk-radios--small">
              <Radio
                id="kind-incremental"
                checked={kind === 'incremental'}
                onChange={() => setKind('incremental')}
                label="Changes since the last package (incremental)"
                hint={
                  overview && !overview.lastSucceeded
                    ? 'Every record added, changed or removed since the last package. Nothing has been sent yet, so the first package holds everything.'
                    : `Every record added, changed or removed since the last package${overview ? `: ${plural(overview.changedSince, 'record')} now` : ''}.`
                }
              />
              <Radio
                id="kind-full"
                checked={kind === 'full'}
                onChange={() => setKind('full')}
                label="Everything (full)"
                hint="Every record the hub holds, and every removal. For the first package, or when the authority asks to start again."
              />
            </div>
          </fieldset>
        </div>
        <div className="govuk-form-group">
          <div className="govuk-checkboxes govuk-checkboxes--small">
            <div className="govuk-checkboxes__item">
              <input
                className="govuk-checkboxes__input"
                id="pseudonymised"
                type="checkbox"
                checked={pseudonymised}
                onChange={(e) => setPseudonymised(e.target.checked)}
                aria-describedby="pseudonymised-hint"
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor="pseudonymised">
                Pseudonymised, for performance reporting
              </label>
              <div id="pseudonymised-hint" className="govuk-hint govuk-checkboxes__hint">
                No names, addresses, contact details, identifiers or written notes. Each person and family has a code that stays the same from one package to
                the next.
              </div>
            </div>
          </div>
        </div>
        {reason ? (
          <div className="govuk-inset-text" id="export-blocked">
            {reason}
          </div>
        ) : null}
        <button
          type="submit"
          className="govuk-button"
          disabled={blocked}
          aria-disabled={blocked || undefined}
          aria-describedby={reason ? 'export-blocked' : undefined}
        >
          Export now
        </button>
      </form>
    </section>
  )
}

function Radio({ id, checked, onChange, label, hint }: { id: string; checked: boolean; onChange: () => void; label: string; hint: string }) {
  return (
    <div className="govuk-radios__item">
      <input className="govuk-radios__input" id={id} name="kind" type="radio" checked={checked} onChange={onChange} aria-describedby={`${id}-hint`} />
      <label className="govuk-label govuk-radios__label" htmlFor={id}>
        {label}
      </label>
      <div id={`${id}-hint`} className="govuk-hint govuk-radios__hint">
        {hint}
      </div>
    </div>
  )
}

/** Unknown until the records to send have been counted. */
function Progress({ run }: { run: ExportRun }) {
  const total = run.recordsTotal
  return (
    <RunProgress
      id="export-progress"
      label={<>Writing package {count(run.packageSequence)}</>}
      hint={
        <>
          {kindLabel(run)}, started {localDateTime(run.startedAt)} by {run.startedBy}
        </>
      }
      max={total ?? undefined}
      value={total === null ? undefined : Math.min(run.recordsDone, total)}
      text={progressText(run)}
    />
  )
}

function Outcome({ run }: { run: ExportRun }) {
  if (run.status === 'succeeded') {
    return (
      <SuccessBanner title={`Package ${count(run.packageSequence)} written`}>
        <p className="govuk-body">
          It is in <Long>{packagePath(run)}</Long>
        </p>
        <p className="govuk-body">
          {plural(run.recordsTotal ?? run.recordsDone, 'record')} in {plural(run.files.length, 'file')}. The authority collects it from there.
        </p>
      </SuccessBanner>
    )
  }
  const why =
    run.status === 'blocked'
      ? 'The checks found errors when the export started. Fix them, then export again.'
      : `${run.error ?? 'It stopped before the package was complete.'} No package was written and nothing was marked as sent, so the next export sends the same records again.`
  return <ProblemBanner title={run.status === 'blocked' ? 'The export was stopped by errors' : 'The export did not finish'} message={why} />
}
