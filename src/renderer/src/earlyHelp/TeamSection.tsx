import { useState } from 'react'
import type { EpisodeDetail } from '../../../shared/earlyHelp/schemas'
import { invoke } from '../api'
import { ProblemBanner } from '../components/ErrorSummary'
import { navigate } from '../app/router'
import { TableHead } from '../components/TableHead'
import { TableScroll } from '../components/TableScroll'

/** The Team Around the Family on the episode's page: who they are and how to reach them. */
export function TeamSection({
  familyId,
  episode,
  editable,
  onChange
}: {
  familyId: string
  episode: EpisodeDetail
  editable: boolean
  onChange: () => Promise<void>
}) {
  const [problem, setProblem] = useState<string | null>(null)
  const base = `#/families/${familyId}/episodes/${episode.id}/team`
  const remove = async (member: EpisodeDetail['team'][number]) => {
    if (!window.confirm(`Remove ${member.name} from the Team Around the Family?`)) return
    const result = await invoke('team.remove', { id: member.id, version: member.version })
    if (!result.ok) return setProblem(result.error.message)
    setProblem(null)
    await onChange()
  }
  return (
    <section aria-labelledby="team-heading">
      <h2 className="govuk-heading-m" id="team-heading">
        Team Around the Family
      </h2>
      {problem ? <ProblemBanner title="That member has not been removed" message={problem} /> : null}
      {episode.team.length === 0 ? (
        <p className="govuk-body">No one has been added to the team yet.</p>
      ) : (
        <TableScroll label="Team Around the Family">
          <table className="govuk-table">
            <TableHead
              caption="Team Around the Family"
              columns={['Name', 'Role', 'Agency', 'Contact', ...(editable ? [{ label: 'Actions', hidden: true }] : [])]}
            />
            <tbody className="govuk-table__body">
              {episode.team.map((m) => (
                <tr className="govuk-table__row" key={m.id}>
                  <th scope="row" className="govuk-table__header">
                    {m.name}
                  </th>
                  <td className="govuk-table__cell">{m.role}</td>
                  <td className="govuk-table__cell">{m.agency}</td>
                  <td className="govuk-table__cell">{[m.phone, m.email].filter(Boolean).join(' · ') || 'Not given'}</td>
                  {editable ? (
                    <td className="govuk-table__cell">
                      <a className="govuk-link" href={`${base}/${m.id}`}>
                        Change<span className="govuk-visually-hidden"> {m.name}</span>
                      </a>{' '}
                      <button type="button" className="app-link-button govuk-link" onClick={() => void remove(m)}>
                        Remove<span className="govuk-visually-hidden"> {m.name}</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {editable ? (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate(`${base}/new`)}>
          Add a team member
        </button>
      ) : null}
    </section>
  )
}
