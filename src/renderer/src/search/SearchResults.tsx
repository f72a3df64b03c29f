import type { KeyboardEvent, MutableRefObject } from 'react'
import type { SearchHit } from '../../../shared/search/schemas'
import { formatDate } from '../../../shared/dates'
import { familyHref } from '../app/router'
import { describeAge, personName } from '../families/format'
import { TableHead } from '../components/TableHead'
import { TableScroll } from '../components/TableScroll'

export interface ResultsProps {
  /** The hits in the order shown (grouped by family when `grouped`): arrows move through them in this order. */
  hits: SearchHit[]
  familyNames: Record<string, string>
  grouped: boolean
  active: number
  links: MutableRefObject<(HTMLAnchorElement | null)[]>
  onFocusRow: (index: number) => void
  onKeyRow: (event: KeyboardEvent<HTMLAnchorElement>, index: number) => void
}

/** The hits of one family, each family in the order its first hit was found. */
export function groupByFamily(hits: SearchHit[]): SearchHit[][] {
  const groups = new Map<string, SearchHit[]>()
  for (const hit of hits) {
    const group = groups.get(hit.familyId)
    if (group) group.push(hit)
    else groups.set(hit.familyId, [hit])
  }
  return [...groups.values()]
}

const address = (hit: SearchHit) => (hit.restricted && !hit.addressLine1 ? null : `${hit.addressLine1}, ${hit.town}`)

export function SearchResults({ hits, familyNames, grouped, active, links, onFocusRow, onKeyRow }: ResultsProps) {
  const nameLink = (hit: SearchHit, index: number) => (
    <a
      className="govuk-link"
      href={familyHref(hit.familyId)}
      ref={(el) => {
        links.current[index] = el
      }}
      onFocus={() => onFocusRow(index)}
      onKeyDown={(event) => onKeyRow(event, index)}
    >
      {personName(hit)}
    </a>
  )
  const rowClass = (index: number) => `govuk-table__row${index === active ? ' app-results__row--active' : ''}`
  const restrictedTag = <strong className="govuk-tag govuk-tag--grey">Restricted record</strong>

  if (!grouped) {
    return (
      <TableScroll label="People found">
        <table className="govuk-table app-results">
          <TableHead caption="People found" columns={['Name', 'Born', 'Age', 'Family', 'Address', 'Postcode']} />
          <tbody className="govuk-table__body">
            {hits.map((hit, index) => (
              <tr className={rowClass(index)} key={hit.personId}>
                <td className="govuk-table__cell">{nameLink(hit, index)}</td>
                <td className="govuk-table__cell">{hit.dateOfBirth ? formatDate(hit.dateOfBirth) : ''}</td>
                <td className="govuk-table__cell">{describeAge(hit)}</td>
                <td className="govuk-table__cell">{familyNames[hit.familyId] ?? hit.familyReference}</td>
                <td className="govuk-table__cell">{address(hit) ?? restrictedTag}</td>
                <td className="govuk-table__cell app-nowrap">{hit.postcode}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    )
  }

  let index = 0
  return (
    <div className="app-results">
      {groupByFamily(hits).map((group) => {
        const first = group[0]!
        const where = address(first)
        return (
          <section className="app-results__family" key={first.familyId} aria-label={familyNames[first.familyId] ?? first.familyReference}>
            <h2 className="govuk-heading-s govuk-!-margin-bottom-1">{familyNames[first.familyId] ?? `Family ${first.familyReference}`}</h2>
            <p className="govuk-body-s govuk-!-margin-bottom-2">{where ? `${where}, ${first.postcode}` : restrictedTag}</p>
            <table className="govuk-table app-results__members">
              <TableHead caption={`People found in ${familyNames[first.familyId] ?? first.familyReference}`} columns={['Name', 'Born', 'Age']} />
              <tbody className="govuk-table__body">
                {group.map((hit) => {
                  const i = index++
                  return (
                    <tr className={rowClass(i)} key={hit.personId}>
                      <td className="govuk-table__cell">{nameLink(hit, i)}</td>
                      <td className="govuk-table__cell">{hit.dateOfBirth ? formatDate(hit.dateOfBirth) : ''}</td>
                      <td className="govuk-table__cell">{describeAge(hit)}</td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </section>
        )
      })}
    </div>
  )
}
