// The Export screen (managers): where packages go and what the next one would send; the checks the
// records must pass (run each time the screen opens, so coming back from fixing a record shows the
// report afresh); Export now with its progress; and the history of every run.
import { useCallback, useEffect, useState } from 'react'
import type { ExportOverview } from '../../../shared/export/schemas'
import type { ValidationReport as Report } from '../../../shared/export/validation'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { SummaryRow } from '../components/SummaryRow'
import { Warning } from '../components/Warning'
import { localDateTime } from '../referrals/format'
import { ExportHistory } from './ExportHistory'
import { ExportNow } from './ExportNow'
import { Long } from './format'
import { count, kindLabel, packagePath, plural } from './words'
import { ValidationReport } from './ValidationReport'

export function ExportPage() {
  const [overview, setOverview] = useState<ExportOverview | null>(null)
  const [report, setReport] = useState<Report | null>(null)
  const [checking, setChecking] = useState(true)
  const [problem, setProblem] = useState<{ title: string; error: AppErrorValue } | null>(null)
  const [historyKey, setHistoryKey] = useState(0)

  const readOverview = useCallback(async () => {
    const r = await invoke('export.overview', {})
    if (r.ok) setOverview(r.value)
    else setProblem({ title: 'Where packages go cannot be shown', error: r.error })
  }, [])
  const check = useCallback(async () => {
    setChecking(true)
    const r = await invoke('export.validate', {})
    setChecking(false)
    if (r.ok) setReport(r.value)
    else setProblem({ title: 'The checks could not run', error: r.error })
  }, [])
  useEffect(() => {
    void readOverview()
    void check()
  }, [readOverview, check])

  return (
    <Page title="Export to the local authority">
      {problem ? <ProblemBanner title={problem.title} message={problem.error.message} /> : null}
      <p className="govuk-body">
        The hub’s records go to the authority’s central system as a package of files, written to a folder the authority collects from.
      </p>
      {overview ? <Where overview={overview} /> : problem ? null : <Loading />}
      <ValidationReport report={report} checking={checking} onCheckAgain={() => void check()} />
      <ExportNow
        overview={overview}
        report={report}
        checking={checking}
        onStarted={() => setHistoryKey((k) => k + 1)}
        onEnded={() => {
          void readOverview()
          setHistoryKey((k) => k + 1)
        }}
        onRefused={() => {
          void readOverview()
          void check()
        }}
      />
      <ExportHistory refresh={historyKey} />
    </Page>
  )
}

/** Where packages go, the last one written, and what has changed since. */
function Where({ overview }: { overview: ExportOverview }) {
  const last = overview.lastSucceeded
  return (
    <>
      {!overview.folder || overview.folderProblem ? (
        <Warning>
          {/* The core's reason already says what IT can do; the screen adds only that the window cannot. */}
          {overview.folderProblem ?? 'No export folder is set for this computer: IT sets it in Casebook’s machine-wide configuration.'} It cannot be chosen in
          this window.
        </Warning>
      ) : null}
      <dl className="govuk-summary-list">
        <SummaryRow label="Where packages go">{overview.folder ? <Long>{overview.folder}</Long> : 'Not set'}</SummaryRow>
        <SummaryRow label="Last package">
          {last ? (
            <>
              Package {count(last.packageSequence)} ({kindLabel(last).toLowerCase()}), {localDateTime(last.finishedAt ?? last.startedAt)}, by {last.startedBy}
              <br />
              <span className="govuk-body-s">
                <Long>{packagePath(last)}</Long>
              </span>
            </>
          ) : (
            'None yet'
          )}
        </SummaryRow>
        <SummaryRow label="Changed since the last package">
          {last ? `${plural(overview.changedSince, 'record')}` : `${plural(overview.changedSince, 'record')} (nothing has been sent yet)`}
        </SummaryRow>
        <SummaryRow label="Case notes' text">
          {overview.noteText
            ? 'Sent with the notes'
            : 'Not sent: only when each note was made and what kind it is. An administrator can change this in Hub settings.'}
        </SummaryRow>
      </dl>
    </>
  )
}
