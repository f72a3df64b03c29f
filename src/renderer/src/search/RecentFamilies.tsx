import type { RecentFamily } from '../../../shared/search/schemas'
import { familyHref } from '../app/router'

/** Before anything is typed: the families this user opened lately, to go back to in one key. */
export function RecentFamilies({ families }: { families: RecentFamily[] }) {
  if (families.length === 0) return null
  return (
    <section aria-labelledby="recent-families-heading">
      <h2 className="govuk-heading-s" id="recent-families-heading">
        Families you opened recently
      </h2>
      <ul className="govuk-list app-recent-families">
        {families.map((f) => (
          <li key={f.familyId}>
            <a className="govuk-link" href={familyHref(f.familyId)}>
              {f.name}
            </a>
            {f.addressLine1 ? <span className="govuk-hint app-recent-families__address">{`${f.addressLine1}, ${f.town}, ${f.postcode}`}</span> : null}
            {f.restricted && !f.addressLine1 ? <strong className="govuk-tag govuk-tag--grey govuk-!-margin-left-2">Restricted record</strong> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
