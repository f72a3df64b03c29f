// The Backups screen (administrators): how old the newest good backup is, where backups go and how
// they are kept, Back up now with its progress, the backups that can be restored, and the recent runs.
import { useCallback, useEffect, useState } from 'react'
import type { BackupListOutput, BackupOverview } from '../../../shared/backup/schemas'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { SummaryRow } from '../components/SummaryRow'
import { Warning } from '../components/Warning'
import { Long } from '../export/format'
import { BackupFiles, BackupRuns } from './BackupLists'
import { BackupNow } from './BackupNow'
import { ageInWords, isStale, keySourceInWords, londonDateTime, scheduleInWords } from './words'

export function BackupsPage() {
  const [overview, setOverview] = useState<BackupOverview | null>(null)
  const [list, setList] = useState<BackupListOutput | null>(null)
  const [problems, setProblems] = useState<{ overview: AppErrorValue | null; list: AppErrorValue | null }>({ overview: null, list: null })

  const readOverview = useCallback(async () => {
    const r = await invoke('backup.overview', {})
    if (r.ok) setOverview(r.value)
    setProblems((p) => ({ ...p, overview: r.ok ? null : r.error }))
  }, [])
  const readList = useCallback(async () => {
    const r = await invoke('backup.list', {})
    if (r.ok) setList(r.value)
    setProblems((p) => ({ ...p, list: r.ok ? null : r.error }))
  }, [])
  useEffect(() => {
    void readOverview()
    void readList()
  }, [readOverview, readList])

  return (
    <Page title="Backups">
      {problems.overview ? <ProblemBanner title="The backups’ settings cannot be shown" message={problems.overview.message} /> : null}
      <p className="govuk-body">
        Casebook keeps encrypted copies of the hub’s database in a backup folder IT chose. If the database is lost or damaged, one of them can be put back.
      </p>
      {overview ? <Summary overview={overview} /> : problems.overview ? null : <Loading />}
      <BackupNow
        overview={overview}
        onStarted={() => void readList()}
        onEnded={() => {
          void readOverview()
          void readList()
        }}
      />
      {/* A refusal of both (a shared database, which IT backs up) is said once, at the top. */}
      {problems.list && problems.list.message !== problems.overview?.message ? (
        <ProblemBanner
          title="The backups cannot be listed"
          // The folder's problem is already the warning at the top: said once.
          message={problems.list.message === overview?.warning ? 'See the warning at the top of the page.' : problems.list.message}
        />
      ) : null}
      {list ? (
        <>
          <BackupFiles list={list} />
          <BackupRuns runs={list.runs} />
        </>
      ) : problems.list ? null : (
        <Loading />
      )}
    </Page>
  )
}

/** The newest good backup's age first (in a warning when it is over a day old, or there is none), then the settings IT chose. */
function Summary({ overview }: { overview: BackupOverview }) {
  const newest = overview.newestGood
  const age = overview.newestGoodAgeHours
  const stale = isStale(age)
  const key = keySourceInWords(overview.keySource)
  return (
    <>
      {overview.warning ? <Warning id="backup-warning">{overview.warning}</Warning> : null}
      {stale ? (
        <Warning id="backup-age-warning">
          {newest && age !== null
            ? `The newest good backup was taken ${ageInWords(age)}. Back up now, and ask IT why the schedule has not run.`
            : 'There is no good backup yet. Back up now.'}
        </Warning>
      ) : null}
      {key.warn ? <Warning id="backup-key-warning">{key.text}</Warning> : null}
      <dl className="govuk-summary-list">
        <SummaryRow label="Newest good backup">
          {newest && age !== null ? (
            <>
              <span className={stale ? 'app-overdue' : 'govuk-!-font-weight-bold'}>{ageInWords(age)}</span> ({londonDateTime(newest.takenAt)})
            </>
          ) : (
            <span className="app-overdue">None</span>
          )}
        </SummaryRow>
        <SummaryRow label="Backup folder">
          <Long>{overview.folder}</Long>
        </SummaryRow>
        <SummaryRow label="Encryption key">{key.warn ? 'Made by Casebook, beside the database (see the warning above)' : key.text}</SummaryRow>
        <SummaryRow label="When backups are taken">{scheduleInWords(overview)}</SummaryRow>
        <SummaryRow label="How long they are kept">{overview.retention}</SummaryRow>
      </dl>
      <p className="govuk-body-s">
        IT sets the folder, the key and the schedule in Casebook’s machine-wide configuration: they cannot be changed in this window.
      </p>
    </>
  )
}
