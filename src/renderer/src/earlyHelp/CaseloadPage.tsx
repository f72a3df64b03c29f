import { useCallback, useEffect, useState } from 'react'
import type { CaseloadRow } from '../../../shared/earlyHelp/schemas'
import type { AppErrorValue } from '../../../shared/result'
import { formatDate } from '../../../shared/dates'
import { invoke } from '../api'
import { episodeHref } from '../app/router'
import { DueDate } from './PlanSection'
import { ProblemBanner, SuccessBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'

/** "My caseload" for a practitioner; "All open episodes", with reallocation, for a manager. */
export function CaseloadPage({ scope }: { scope: 'mine' | 'all' }) {
  const [rows, setRows] = useState<CaseloadRow[] | null>(null)
  const [leads, setLeads] = useState<{ id: string; displayName: string }[]>([])
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  const [done, setDone] = useState<string | null>(null)
  // The lead chosen in each row's list, applied only with its button (arrow keys change a select).
  const [chosen, setChosen] = useState<Record<string, string>>({})
  const load = useCallback(async () => {
    const result = await invoke(scope === 'mine' ? 'episodes.mine' : 'episodes.allOpen', {})
    if (result.ok) setRows(result.value.episodes)
    else setProblem(result.error)
  }, [scope])
  useEffect(() => {
    void load()
    if (scope === 'all') void invoke('episodes.leads', {}).then((r) => r.ok && setLeads(r.value.users))
  }, [load, scope])
  if (problem && !rows) return <Page title="Caseload"><ProblemBanner title="The caseload cannot be shown" message={problem.message} /></Page>
  if (!rows) return <Loading />

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
      {rows.length === 0 ? <p className="govuk-body">{scope === 'mine' ? 'You lead no open early-help episodes.' : 'No early-help episodes are open.'}</p> : (
        <table className="govuk-table">
          <caption className="govuk-visually-hidden">{title}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Family</th>
              <th scope="col" className="govuk-table__header">Opened</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Days open</th>
              <th scope="col" className="govuk-table__header">Last contact</th>
              <th scope="col" className="govuk-table__header">Next review</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Overdue actions</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Notes</th>
              <th scope="col" className="govuk-table__header">Lead</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((r) => (
              <tr className="govuk-table__row" key={r.episodeId}>
                <td className="govuk-table__cell"><a className="govuk-link" href={episodeHref(r.familyId, r.episodeId)}><span className="app-nowrap">{r.familyReference}</span> {r.familyNames}</a></td>
                <td className="govuk-table__cell">{formatDate(r.openedOn)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{r.daysOpen}</td>
                <td className="govuk-table__cell">{r.lastContactAt ? formatDate(r.lastContactAt.slice(0, 10)) : 'None yet'}</td>
                <td className="govuk-table__cell">{r.nextReviewOn ? <DueDate iso={r.nextReviewOn} late={r.reviewOverdue} /> : 'No plan yet'}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{r.overdueActions ? <strong className="govuk-tag govuk-tag--red">{r.overdueActions}<span className="govuk-visually-hidden"> overdue</span></strong> : 0}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{r.notes}</td>
                <td className="govuk-table__cell">
                  {scope === 'all' ? (
                    <>
                      <label className="govuk-visually-hidden" htmlFor={`lead-${r.episodeId}`}>Lead for {r.familyReference}</label>
                      <div className="app-button-row">
                        <select className="govuk-select" id={`lead-${r.episodeId}`} value={chosen[r.episodeId] ?? r.leadUserId} onChange={(e) => setChosen((c) => ({ ...c, [r.episodeId]: e.target.value }))}>
                          {leads.map((l) => <option key={l.id} value={l.id}>{l.displayName}</option>)}
                        </select>
                        <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={(chosen[r.episodeId] ?? r.leadUserId) === r.leadUserId}
                          onClick={() => void reallocate(r, chosen[r.episodeId] ?? r.leadUserId)}>
                          Change lead<span className="govuk-visually-hidden"> for {r.familyReference}</span>
                        </button>
                      </div>
                    </>
                  ) : r.leadName}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  )
}
