import { useEffect, useRef } from 'react'
import type { DuplicateMatch } from '../../../shared/search/schemas'
import { formatDate } from '../../../shared/dates'
import { familyHref, hrefFor } from '../app/router'
import { personName } from './format'

const BAND_TAG = { certain: 'govuk-tag--red', likely: 'govuk-tag--orange', possible: 'govuk-tag--yellow' } as const

/**
 * Shown before saving a person who may already be on record: open theirs, or confirm not them.
 * `level` keeps the page's headings in order: 2 under the page's title, 4 inside a member's section.
 */
export function DuplicateWarning({
  who,
  matches,
  onDifferent,
  focus,
  level
}: {
  who: string
  matches: DuplicateMatch[]
  onDifferent: () => void
  focus: boolean
  level: 2 | 3 | 4
}) {
  const Heading = `h${level}` as const
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (focus) ref.current?.focus()
  }, [focus])
  return (
    <div className="app-duplicate" ref={ref} tabIndex={-1} role="region" aria-label={`Possible duplicates of ${who}`}>
      <Heading className="govuk-heading-m">{who} may already be on record</Heading>
      <p className="govuk-body">Check these records before saving. Open the existing record instead, or confirm this is a different person.</p>
      <ul className="govuk-list">
        {matches.map((m) => (
          <li key={m.personId} className="govuk-!-margin-bottom-3">
            <strong className={`govuk-tag ${BAND_TAG[m.band]}`}>{m.band}</strong> <span className="govuk-body govuk-!-font-weight-bold">{personName(m)}</span>
            {m.dateOfBirth ? `, born ${formatDate(m.dateOfBirth)}` : ''}, {m.familyReference}, {m.addressLine1}, {m.postcode}
            <br />
            <span className="govuk-body-s">{m.reason}. </span>
            <a className="govuk-link" href={hrefFor(familyHref(m.familyId))}>
              Open existing record<span className="govuk-visually-hidden"> for {personName(m)}</span>
            </a>
          </li>
        ))}
      </ul>
      <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick={onDifferent}>
        This is a different person
      </button>
    </div>
  )
}
