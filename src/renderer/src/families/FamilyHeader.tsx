import type { FamilyRecord } from '../../../shared/families/schemas'
import { familyHref } from '../app/router'

/** The family's identity bar, kept in view on every page about them. */
export function FamilyHeader({ family, members }: { family: FamilyRecord; members: number }) {
  return (
    <div className="app-identity-bar" role="region" aria-label="Family">
      <p className="app-identity-bar__title">
        <a className="govuk-link govuk-link--no-visited-state" href={familyHref(family.id)}>
          Family {family.reference}
        </a>
      </p>
      <p className="app-identity-bar__details">
        {family.addressLine1}, {family.town}, {family.postcode} · {members} {members === 1 ? 'member' : 'members'}
        {family.phone ? ` · ${family.phone}` : ''}
        {family.interpreterNeeded ? ` · Interpreter needed (${family.mainLanguage})` : ''}
      </p>
    </div>
  )
}
