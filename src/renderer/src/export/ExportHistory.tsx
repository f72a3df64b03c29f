// Every export run, newest (or oldest) first, of one status or all, a page at a time: when, who,
// what was sent, the change feed's range, how it ended, and (behind a disclosure, so the table stays
// narrow) each file's row count and SHA-256, which the authority can check the files it collected against.
import { useEffect, useState } from 'react'
import { EXPORT_STATUS, type ExportHistoryOutput, type ExportRun, type ExportStatus } from '../../../shared/export/schemas'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { ProblemBanner } from '../components/ErrorSummary'
import { Loading } from '../components/Page'
import { TableHead } from '../components/TableHead'
import { DataTable, type DataColumn } from '../components/DataTable'
import { Pages } from '../components/Pages'
import { localDateTime } from '../referrals/format'
import { Long, RunStatusTag, STATUS } from './format'
import { changeRange, count, kindLabel, plural } from './words'

/** The history's columns: it sorts by when each run started, in the query (so over every page; runs started at the same moment by id). */
const COLUMNS: DataColumn<ExportRun>[] = [
  { id: 'package', header: 'Package', cell: (run) => count(run.packageSequence) },
  { id: 'started', header: 'Started', sortValue: (run) => run.startedAt, cell: (run) => localDateTime(run.startedAt) },
  { id: 'by', header: 'By', cell: (run) => run.startedBy },
  { id: 'kind', header: 'What was sent', cell: kindLabel },
  { id: 'range', header: 'Change sequence', cell: changeRange },
  { id: 'records', header: 'Records', numeric: true, cell: (run) => records(run) },
  { id: 'status', header: 'Status', cell: (run) => <RunStatusTag status={run.status} /> }
]

const STATUS_ITEMS = EXPORT_STATUS.map((code) => ({ code, label: STATUS[code].text }))

/** Why a run failed, and its files behind a disclosure: on a row of their own across the table. */
const detail = (run: ExportRun) =>
  run.files.length > 0 || (run.error !== null && run.status !== 'succeeded') ? (
    <>
      {run.error && run.status !== 'succeeded' ? <p className="govuk-body-s govuk-!-margin-bottom-2">{run.error}</p> : null}
      {run.files.length > 0 ? <Files run={run} /> : null}
    </>
  ) : null

/** `refresh` changes when a run ends: the history is read again from its first page. */
export function ExportHistory({ refresh }: { refresh: number }) {
  const [query, setQuery] = useState<{ page: number; oldestFirst: boolean; status: ExportStatus | null }>({ page: 1, oldestFirst: false, status: null })
  const [status, setStatus] = useState('')
  const [history, setHistory] = useState<ExportHistoryOutput | null>(null)
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  useEffect(() => setQuery((q) => ({ ...q, page: 1 })), [refresh])
  useEffect(() => {
    void invoke('export.history', query).then((r) => {
      if (r.ok) {
        setProblem(null)
        setHistory(r.value)
      } else setProblem(r.error)
    })
  }, [query, refresh])
  const first = history ? (history.page - 1) * history.pageSize + 1 : 0
  const last = history ? first + history.runs.length - 1 : 0
  const caption = 'Export runs'
  const filtered = query.status !== null
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
      ) : history.total === 0 && !filtered ? (
        <p className="govuk-body">Nothing has been exported yet.</p>
      ) : (
        <>
          <form
            className="app-filter"
            aria-label="Filter the export runs"
            onSubmit={(e) => {
              e.preventDefault()
              setQuery((q) => ({ ...q, page: 1, status: (status || null) as ExportStatus | null }))
            }}
          >
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="history-status">
                Status
              </label>
              <select className="govuk-select" id="history-status" value={status} onChange={(e) => setStatus(e.target.value)}>
                <option value="">Any status</option>
                {STATUS_ITEMS.map((i) => (
                  <option key={i.code} value={i.code}>
                    {i.label}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="govuk-button govuk-button--secondary">
              Show runs
            </button>
          </form>
          <p className="govuk-body" role="status">
            {history.total === 0
              ? 'No export runs match this filter.'
              : `Every export, from this window, other desks and the command line, ${query.oldestFirst ? 'oldest' : 'newest'} first. Showing ${count(first)} to ${count(last)} of ${count(history.total)}.`}
          </p>
          {history.runs.length ? (
            <DataTable
              caption={caption}
              rows={history.runs}
              columns={COLUMNS}
              rowKey={(run) => run.id}
              detail={detail}
              serverSort={{
                sort: { id: 'started', desc: !query.oldestFirst },
                onSort: (next) => setQuery((q) => ({ ...q, page: 1, oldestFirst: !next.desc }))
              }}
            />
          ) : null}
          <Pages
            page={history.page}
            pageSize={history.pageSize}
            total={history.total}
            shown={history.runs.length}
            label="Pages of export runs"
            go={(page) => setQuery((q) => ({ ...q, page }))}
          />
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
