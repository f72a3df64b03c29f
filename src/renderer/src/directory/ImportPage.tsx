import { useEffect, useRef, useState } from 'react'
import type { z } from 'zod'
import type { DirectoryImportResult, directoryFeedOutput } from '../../../shared/directory/schemas'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { TableHead } from '../components/TableHead'
import { TableScroll } from '../components/TableScroll'
import { directoryHref } from './routes'
import { SummaryRows } from './SummaryRows'

type Feed = z.output<typeof directoryFeedOutput>

/** Managers: importing the directory from the Open Referral UK feed IT set, and what the import did. */
export function ImportPage() {
  const [feed, setFeed] = useState<Feed | null>(null)
  const [running, setRunning] = useState(false)
  const [result, setResult] = useState<DirectoryImportResult | null>(null)
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  const outcome = useRef<HTMLDivElement>(null)
  useEffect(() => {
    void invoke('directory.feed', {}).then((r) => (r.ok ? setFeed(r.value) : setProblem(r.error)))
  }, [])
  useEffect(() => {
    if (result) outcome.current?.focus()
  }, [result])
  if (!feed && !problem) return <Loading />
  const start = async () => {
    setRunning(true)
    setProblem(null)
    setResult(null)
    const r = await invoke('directory.import', {})
    setRunning(false)
    if (r.ok) setResult(r.value)
    else setProblem(r.error)
  }
  return (
    <Page title="Import from the feed" caption="Directory" focusHeading={!result && !problem}>
      {problem ? <ProblemBanner title="The directory feed was not imported" message={problem.message} /> : null}
      {result ? <ImportResult result={result} focusRef={outcome} /> : null}
      {feed?.feed ? (
        <>
          <p className="govuk-body">
            Casebook imports the directory from the Open Referral UK feed IT set up: <span className="govuk-!-text-break-word">{feed.feed}</span>
          </p>
          <p className="govuk-body">
            Importing again updates the services it brought in before and adds new ones. A service the feed no longer lists is made inactive, never removed.
            Services added by hand are not touched.
          </p>
          {running ? (
            <p className="govuk-body" role="status">
              Importing… A large feed can take a minute.
            </p>
          ) : null}
          <button type="button" className="govuk-button" disabled={running} aria-disabled={running} onClick={() => void start()}>
            Import from the feed
          </button>
        </>
      ) : feed ? (
        <div className="govuk-inset-text">
          No directory feed is set up. IT sets it as <code>directoryFeed</code> in the machine-wide config file,{' '}
          <span className="govuk-!-text-break-word">{feed.configFile}</span>: the feed’s web address, or the path of a JSON file saved from it.
        </div>
      ) : null}
      <p className="govuk-body">
        <a className="govuk-link" href={directoryHref()}>
          Back to the directory
        </a>
      </p>
    </Page>
  )
}

function ImportResult({ result: r, focusRef }: { result: DirectoryImportResult; focusRef: React.RefObject<HTMLDivElement | null> }) {
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="region" aria-labelledby="import-title" tabIndex={-1} ref={focusRef}>
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="import-title">
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <h3 className="govuk-notification-banner__heading">The directory feed has been imported.</h3>
        <SummaryRows
          rows={[
            ['Feed', `Open Referral UK version ${r.shape === 'v3' ? 3 : 1}${r.complete ? '' : ', part of the feed only: no service was made inactive'}`],
            ['Organisations', `${r.organisations.added} added, ${r.organisations.updated} updated, ${r.organisations.unchanged} unchanged`],
            [
              'Services',
              `${r.services.added} added, ${r.services.updated} updated, ${r.services.unchanged} unchanged, ${r.services.madeInactive} made inactive`
            ],
            ['Skipped', String(r.skippedTotal)]
          ]}
        />
        {r.skipped.length ? (
          <ImportList
            caption={r.skippedTotal > r.skipped.length ? `Services skipped (the first ${r.skipped.length} of ${r.skippedTotal})` : 'Services skipped'}
            rows={r.skipped.map((s) => [s.name ?? '(no name)', s.feedId ?? '(no id)', s.reason])}
            columns={['Service', 'Its id in the feed', 'Why']}
          />
        ) : null}
        {r.notes.length ? (
          <ImportList
            caption={r.notesTotal > r.notes.length ? `Changed to fit (the first ${r.notes.length} of ${r.notesTotal})` : 'Changed to fit'}
            rows={r.notes.map((n) => [n.name, n.feedId, n.note])}
            columns={['Service', 'Its id in the feed', 'What was changed']}
          />
        ) : null}
      </div>
    </div>
  )
}

function ImportList({ caption, columns, rows }: { caption: string; columns: string[]; rows: string[][] }) {
  return (
    <>
      <h4 className="govuk-heading-s">{caption}</h4>
      <TableScroll label={caption}>
        <table className="govuk-table">
          <TableHead caption={caption} columns={columns} />
          <tbody className="govuk-table__body">
            {rows.map((cells, i) => (
              <tr className="govuk-table__row" key={i}>
                {cells.map((cell, j) => (
                  <td className="govuk-table__cell govuk-!-text-break-word" key={j}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  )
}
