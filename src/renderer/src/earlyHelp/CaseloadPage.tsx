import { useCallback, useEffect, useMemo, useState } from 'react'
import type { CaseloadOutput, CaseloadRow, CaseloadSort } from '../../../shared/earlyHelp/schemas'
import { DUE_SOON_DAYS } from '../../../shared/earlyHelp/schemas'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { useSharedChanges } from '../changes/SharedChanges'
import { DataTable, type DataColumn, type TableSort } from '../components/DataTable'
import { ProblemBanner, SuccessBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { ToggleCheckbox } from '../components/fields'
import { Pages } from '../components/Pages'
import { allColumns, leadColumn, MINE_COLUMNS } from './caseloadColumns'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

interface Filters {
  leadUserId: string
  overdueOnly: boolean
  dueSoonOnly: boolean
  longGapOnly: boolean
}
const NO_FILTERS: Filters = { leadUserId: '', overdueOnly: false, dueSoonOnly: false, longGapOnly: false }

/** The same filters the manager's query applies, for the practitioner's whole list in the window. */
const matches = (r: CaseloadRow, f: Filters) =>
  (!f.overdueOnly || r.reviewOverdue || r.overdueActions > 0) && (!f.dueSoonOnly || r.reviewDueSoon || r.actionsDueSoon > 0) && (!f.longGapOnly || r.longGap)

/** "My caseload" for a practitioner; "All open episodes", with reallocation, for a manager. */
export function CaseloadPage({ scope }: { scope: 'mine' | 'all' }) {
  const [list, setList] = useState<CaseloadOutput | null>(null)
  // The filters as ticked, applied with their button; the manager's list pages and sorts on the server.
  const [filter, setFilter] = useState<Filters>(NO_FILTERS)
  const [applied, setApplied] = useState<Filters>(NO_FILTERS)
  const [order, setOrder] = useState<{ sort: CaseloadSort; desc: boolean; page: number }>({ sort: 'opened', desc: false, page: 1 })
  const [leads, setLeads] = useState<{ id: string; displayName: string }[]>([])
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  const [done, setDone] = useState<string | null>(null)
  // The lead chosen in each row's list, applied only with its button (arrow keys change a select).
  const [chosen, setChosen] = useState<Record<string, string>>({})
  // Read again when another desk saves something (a shared database's).
  const changes = useSharedChanges()
  const load = useCallback(async () => {
    const result =
      scope === 'mine' ? await invoke('episodes.mine', {}) : await invoke('episodes.allOpen', { ...applied, ...order, leadUserId: applied.leadUserId || null })
    if (result.ok) setList(result.value)
    else setProblem(result.error)
  }, [scope, applied, order])
  useEffect(() => {
    void load()
  }, [load, changes])
  useEffect(() => {
    if (scope === 'all') void invoke('episodes.leads', {}).then((r) => r.ok && setLeads(r.value.users))
  }, [scope])

  const reallocate = useCallback(
    async (row: CaseloadRow, leadUserId: string) => {
      setProblem(null)
      const result = await invoke('episodes.reallocate', { id: row.episodeId, version: row.version, leadUserId })
      if (!result.ok) return setProblem(result.error)
      setDone(`${row.familyReference} is now led by ${leads.find((l) => l.id === leadUserId)?.displayName ?? 'the new lead'}.`)
      await load()
    },
    [leads, load]
  )
  const columns = useMemo(() => {
    if (scope === 'mine') return MINE_COLUMNS
    const lead: DataColumn<CaseloadRow> = {
      ...leadColumn,
      cell: (r) => (
        <>
          <label className="govuk-visually-hidden" htmlFor={`lead-${r.episodeId}`}>
            Lead for {r.familyReference}
          </label>
          <div className="app-button-row">
            <select
              className="govuk-select"
              id={`lead-${r.episodeId}`}
              value={chosen[r.episodeId] ?? r.leadUserId}
              onChange={(e) => setChosen((c) => ({ ...c, [r.episodeId]: e.target.value }))}
            >
              {leads.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.displayName}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
              disabled={(chosen[r.episodeId] ?? r.leadUserId) === r.leadUserId}
              onClick={() => void reallocate(r, chosen[r.episodeId] ?? r.leadUserId)}
            >
              Change lead<span className="govuk-visually-hidden"> for {r.familyReference}</span>
            </button>
          </div>
        </>
      )
    }
    return allColumns(lead)
  }, [scope, chosen, leads, reallocate])
  const all = list?.episodes
  const rows = useMemo(() => (all && scope === 'mine' ? all.filter((r) => matches(r, applied)) : (all ?? null)), [all, scope, applied])

  if (problem && !rows)
    return (
      <Page title="Caseload">
        <ProblemBanner title="The caseload cannot be shown" message={problem.message} />
      </Page>
    )
  if (!rows || !list) return <Loading />
  const first = (list.page - 1) * list.pageSize + 1
  const last = first + rows.length - 1
  const filtered = applied.overdueOnly || applied.dueSoonOnly || applied.longGapOnly
  const title = scope === 'mine' ? 'My caseload' : 'All open episodes'
  const gap = `No contact for more than ${list.contactGapDays} days`
  const onSort = (next: TableSort) => setOrder({ sort: next.id as CaseloadSort, desc: next.desc, page: 1 })
  return (
    <Page title={title} focusHeading={!done}>
      {done ? <SuccessBanner title={done} /> : null}
      {problem ? <ProblemBanner title="That has not been done" message={problem.message} /> : null}
      <form
        className="app-filter"
        aria-label={`Filter ${title.toLowerCase()}`}
        onSubmit={(e) => {
          e.preventDefault()
          setApplied(filter)
          setOrder((o) => ({ ...o, page: 1 }))
        }}
      >
        {scope === 'all' ? (
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="filter-lead">
              Lead practitioner
            </label>
            <select
              className="govuk-select"
              id="filter-lead"
              value={filter.leadUserId}
              onChange={(e) => setFilter((f) => ({ ...f, leadUserId: e.target.value }))}
            >
              <option value="">Everyone</option>
              {leads.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.displayName}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="govuk-form-group govuk-checkboxes govuk-checkboxes--small">
          <ToggleCheckbox
            id="filter-overdue"
            label="Only those with an overdue review or action"
            checked={filter.overdueOnly}
            onChange={(overdueOnly) => setFilter((f) => ({ ...f, overdueOnly }))}
          />
          <ToggleCheckbox
            id="filter-due-soon"
            label={`Only those with a review or action due within ${DUE_SOON_DAYS} days`}
            checked={filter.dueSoonOnly}
            onChange={(dueSoonOnly) => setFilter((f) => ({ ...f, dueSoonOnly }))}
          />
          <ToggleCheckbox
            id="filter-gap"
            label={`Only those with ${gap.toLowerCase()}`}
            checked={filter.longGapOnly}
            onChange={(longGapOnly) => setFilter((f) => ({ ...f, longGapOnly }))}
          />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show episodes
        </button>
      </form>
      {rows.length ? (
        <p className="govuk-body" role="status">
          {scope === 'all'
            ? `Showing ${first} to ${last} of ${list.total} open ${list.total === 1 ? 'episode' : 'episodes'}${applied.overdueOnly ? ' with something overdue' : ''}${applied.dueSoonOnly ? `${applied.overdueOnly ? ' or' : ' with something'} due within ${DUE_SOON_DAYS} days` : ''}${applied.longGapOnly ? `, ${gap.toLowerCase()}` : ''}`
            : `${plural(rows.length, 'open episode')} · ${plural(rows.filter((r) => r.reviewOverdue).length, 'review')} overdue · ${plural(
                rows.reduce((n, r) => n + r.overdueActions, 0),
                'action'
              )} overdue · ${plural(
                rows.filter((r) => r.reviewDueSoon || r.actionsDueSoon > 0).length,
                'episode'
              )} with something due within ${DUE_SOON_DAYS} days · ${plural(rows.filter((r) => r.longGap).length, 'episode')} with ${gap.toLowerCase()}`}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="govuk-body" role="status">
          {filtered ? 'No open episodes match these filters.' : scope === 'mine' ? 'You lead no open early-help episodes.' : 'No early-help episodes are open.'}
        </p>
      ) : (
        <DataTable
          caption={title}
          rows={rows}
          columns={columns}
          rowKey={(r) => r.episodeId}
          initialSort={scope === 'mine' ? { id: 'opened', desc: false } : null}
          serverSort={scope === 'all' ? { sort: { id: order.sort, desc: order.desc }, onSort } : undefined}
        />
      )}
      {scope === 'all' ? (
        <Pages
          page={list.page}
          pageSize={list.pageSize}
          total={list.total}
          shown={rows.length}
          label="Pages of open episodes"
          go={(page) => setOrder((o) => ({ ...o, page }))}
        />
      ) : null}
    </Page>
  )
}
