import { formatDate } from '../../../shared/dates'
import type { FamilyRecord } from '../../../shared/families/schemas'
import { familyHref } from '../app/router'
import { useFamilyInWindowTitle } from './useFamilyInWindowTitle'
import { FamilyNameText } from '../components/FamilyNameText'

/** Where the family stands in early help, in one line: who leads it, and whether it is closing. */
function episodeLine(episode: FamilyRecord['episode']): string {
  if (!episode) return 'No early-help episode open'
  const lead = `led by ${episode.leadName}`
  return episode.status === 'closing'
    ? `Early-help closure waiting for a manager’s approval (open since ${formatDate(episode.openedOn)}, ${lead})`
    : `Early-help episode open since ${formatDate(episode.openedOn)}, ${lead}`
}

/** The family's identity bar, kept in view on every page about them: who they are, where they stand, what to know at once. */
export function FamilyHeader({ family, members }: { family: FamilyRecord; members: number }) {
  useFamilyInWindowTitle(family.name)
  return (
    <div className="app-identity-bar" role="region" aria-label="Family">
      <p className="app-identity-bar__title">
        <a className="govuk-link govuk-link--no-visited-state" href={familyHref(family.id)}>
          <FamilyNameText name={family.name} />
        </a>
        {family.restricted ? (
          <>
            {' '}
            <strong className="govuk-tag govuk-tag--red app-identity-bar__tag">Restricted record</strong>
          </>
        ) : null}
      </p>
      <p className="app-identity-bar__details">
        {family.addressLine1}, {family.town}, {family.postcode} · {members} {members === 1 ? 'member' : 'members'}
        {family.phone ? ` · ${family.phone}` : ''}
        {family.interpreterNeeded ? ` · Interpreter needed (${family.mainLanguage})` : ''}
      </p>
      <p className="app-identity-bar__details">{episodeLine(family.episode)}</p>
      {family.alerts.length ? (
        <ul className="app-identity-bar__alerts" aria-label="Alerts">
          {family.alerts.map((alert) => (
            <li key={alert}>
              <strong>{alert}</strong>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
