import { useCallback, useEffect, useState } from 'react'
import { TableScroll } from '../components/TableScroll'
import type { CaseloadOutput, CaseloadRow } from '../../../shared/earlyHelp/schemas'
import type { AppErrorValue } from '../../../shared/result'
import { formatDate } from '../../../shared/dates'
import { invoke } from '../api'
import { episodeHref } from '../app/router'
import { DueDate } from './PlanSection'
import { ProblemBanner, SuccessBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { TableHead } from '../components/TableHead'
import { ToggleCheckbox } from '../components/fields'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** "My caseload" for a practitioner; "All open episodes", with reallocation, for a manager. */
export function CaseloadPage({ scope }: { scope: 'mine' | 'all' }) {
  const [list, setList] = useState<CaseloadOutput | null>(null)
  const rows = list?.episodes ?? null
  // The manager's filters, applied with their button; the page moves with Previous and Next.
  const [filter, setFilter] = useState({ leadUserId: '', overdueOnly: false })
  const [query, setQuery] = useState({ leadUserId: '', overdueOnly: false, page: 1 })
  const [leads, setLeads] = useState<{ id: string; displayName: string }[]>([])
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  const [done, setDone] = useState<string | null>(null)
  // The lead chosen in each row's list, applied only with its button (arrow keys change a select).
  const [chosen, setChosen] = useState<Record<string, string>>({})
  const load = useCallback(async () => {
    const result = scope === 'mine' ? await invoke('episodes.mine', {}) : await invoke('episodes.allOpen', { ...query, leadUserId: query.leadUserId || null })
    if (result.ok) setList(result.value)
    else setProblem(result.error)
  }, [scope, query])
  useEffect(() => {
    void load()
  }, [load])
  useEffect(() => {
    if (scope === 'all') void invoke('episodes.leads', {}).then((r) => r.ok && setLeads(r.value.users))
  }, [scope])
  if (problem && !rows)
    return (
      <Page title="Caseload">
        <ProblemBanner title="The caseload cannot be shown" message={problem.message} />
      </Page>
    )
  if (!rows || !list) return <Loading />
  const first = (list.page - 1) * list.pageSize + 1
  const last = first + rows.length - 1

  const reallocate = async (row: CaseloadRow, leadUserId: string) => {
    setProblem(null)
    const result = await invoke('episodes.reallocate', { id: row.episodeId, version: row.version, leadUserId })
    if (!result.ok) return setProblem(result.error)
    setDone(`${row.familyReference} is now led by ${leads.find((l) => l.id === leadUserId)?.displayName ?? 'the new lead'}.`)
    await load()
  }
  const title = scope === 'mine' ? 'My caseload' : 'All open episodes'
  return (
    <Page title={title} focusHeading={!done}>
      {done ? <SuccessBanner title={done} /> : null}
      {problem ? <ProblemBanner title="That has not been done" message={problem.message} /> : null}
      {scope === 'all' ? (
        <form
          className="app-filter"
          onSubmit={(e) => {
            e.preventDefault()
            setQuery({ ...filter, page: 1 })
          }}
        >
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
          <div className="govuk-form-group govuk-checkboxes govuk-checkboxes--small">
            <ToggleCheckbox
              id="filter-overdue"
              label="Only those with an overdue review or action"
              checked={filter.overdueOnly}
              onChange={(overdueOnly) => setFilter((f) => ({ ...f, overdueOnly }))}
            />
          </div>
          <button type="submit" className="govuk-button govuk-button--secondary">
            Show episodes
          </button>
        </form>
      ) : null}
      {rows.length ? (
        <p className="govuk-body" role="status">
          {scope === 'all'
            ? `Showing ${first} to ${last} of ${list.total} open ${list.total === 1 ? 'episode' : 'episodes'}${query.overdueOnly ? ' with something overdue' : ''}`
            : `${rows.length} open ${rows.length === 1 ? 'episode' : 'episodes'} · ${plural(rows.filter((r) => r.reviewOverdue).length, 'review')} overdue · ${plural(
                rows.reduce((n, r) => n + r.overdueActions, 0),
                'action'
              )} overdue`}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="govuk-body">{scope === 'mine' ? 'You lead no open early-help episodes.' : 'No early-help episodes are open.'}</p>
      ) : (
        <TableScroll label={title}>
          <table className="govuk-table">
            <TableHead
              caption={title}
              columns={[
                'Family',
                'Opened',
                { label: 'Days open', numeric: true },
                'Last contact',
                'Next review',
                { label: 'Overdue actions', numeric: true },
                { label: 'Notes', numeric: true },
                'Lead'
              ]}
            />
            <tbody className="govuk-table__body">
              {rows.map((r) => (
                <tr className="govuk-table__row" key={r.episodeId}>
                  <td className="govuk-table__cell">
                    <a className="govuk-link" href={episodeHref(r.familyId, r.episodeId)}>
                      <span className="app-nowrap">{r.familyReference}</span> {r.familyNames}
                    </a>
                  </td>
                  <td className="govuk-table__cell">{formatDate(r.openedOn)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{r.daysOpen}</td>
                  <td className="govuk-table__cell">{r.lastContactAt ? formatDate(r.lastContactAt.slice(0, 10)) : 'None yet'}</td>
                  <td className="govuk-table__cell">{r.nextReviewOn ? <DueDate iso={r.nextReviewOn} late={r.reviewOverdue} /> : 'No plan yet'}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">
                    {r.overdueActions ? (
                      <strong className="govuk-tag govuk-tag--red">
                        {r.overdueActions}
                        <span className="govuk-visually-hidden"> overdue</span>
                      </strong>
                    ) : (
                      0
                    )}
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{r.notes}</td>
                  <td className="govuk-table__cell">
                    {scope === 'all' ? (
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
                    ) : (
                      r.leadName
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {scope === 'all' && list.total > list.pageSize ? (
        <nav className="govuk-pagination" aria-label="Pages of open episodes">
          {list.page > 1 ? (
            <div className="govuk-pagination__prev">
              <button type="button" className="app-link-button govuk-link govuk-pagination__link" onClick={() => setQuery((q) => ({ ...q, page: q.page - 1 }))}>
                Previous<span className="govuk-visually-hidden"> page</span>
              </button>
            </div>
          ) : null}
          {last < list.total ? (
            <div className="govuk-pagination__next">
              <button type="button" className="app-link-button govuk-link govuk-pagination__link" onClick={() => setQuery((q) => ({ ...q, page: q.page + 1 }))}>
                Next<span className="govuk-visually-hidden"> page</span>
              </button>
            </div>
          ) : null}
        </nav>
      ) : null}
    </Page>
  )
}
