import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { SearchOutput } from '../../../shared/search/schemas'
import { formatDate } from '../../../shared/dates'
import { invoke } from '../api'
import { familyHref, navigate } from '../app/router'
import { Page } from '../components/Page'
import { describeAge, personName } from '../families/format'
import { TableHead } from '../components/TableHead'

const LIMIT = 25

function describeResult(count: number, understoodAs: string[]): string {
  const what = understoodAs.length ? ` for ${understoodAs.join(', ')}` : ''
  if (count >= LIMIT) return `Showing the first ${LIMIT} people found${what}. Type more to narrow the search.`
  return `${count} ${count === 1 ? 'person' : 'people'} found${what}`
}

// What was last typed, so coming back to the search finds it as it was left.
let lastText = ''

/** Find a family: one box, answering as the user types; arrows and Enter open a result. */
export function SearchPage() {
  const [text, setText] = useState(lastText)
  const [result, setResult] = useState<SearchOutput | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [active, setActive] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const links = useRef<(HTMLAnchorElement | null)[]>([])
  const latest = useRef(0)

  useEffect(() => {
    input.current?.focus()
  }, [])

  useEffect(() => {
    lastText = text
    const call = ++latest.current
    if (text.trim().length < 2) {
      setResult(null)
      setError(null)
      return
    }
    // A short pause while typing; an answer to an older query never replaces a newer one.
    const timer = setTimeout(async () => {
      const answer = await invoke('people.search', { text, limit: LIMIT })
      if (call !== latest.current) return
      if (answer.ok) {
        setResult(answer.value)
        setError(null)
        setActive(0)
      } else {
        setError(answer.error.fields?.text ?? answer.error.message)
      }
    }, 80)
    return () => clearTimeout(timer)
  }, [text])

  const hits = result?.hits ?? []
  const open = (index: number) => {
    const hit = hits[index]
    if (hit) navigate(familyHref(hit.familyId))
  }

  const onInputKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault()
      open(active)
    } else if (event.key === 'ArrowDown' && hits.length > 0) {
      event.preventDefault()
      links.current[0]?.focus()
    }
  }

  const onResultKey = (event: KeyboardEvent<HTMLAnchorElement>, index: number) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      links.current[Math.min(index + 1, hits.length - 1)]?.focus()
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      if (index === 0) input.current?.focus()
      else links.current[index - 1]?.focus()
    } else if (event.key === 'Escape') {
      input.current?.focus()
    }
  }

  return (
    <Page title="Find a family" focusHeading={false}>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="search">
          Search people and families
        </label>
        <div id="search-hint" className="govuk-hint">
          Name, date of birth, postcode, NHS number or family reference. Press Enter to open the first result, or the down arrow to choose one.
        </div>
        {error ? (
          <p className="govuk-error-message" id="search-error">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <input
          ref={input}
          className="govuk-input"
          id="search"
          type="search"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`search-hint${error ? ' search-error' : ''}`}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onInputKey}
        />
      </div>
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate('#/register')}>
        Register a family
      </button>
      <p className="govuk-body" role="status" aria-live="polite">
        {result ? describeResult(hits.length, result.understoodAs) : ''}
      </p>
      {hits.length > 0 ? (
        <table className="govuk-table app-results">
          <TableHead caption="People found" columns={['Name', 'Born', 'Age', 'Family', 'Address', 'Postcode']} />
          <tbody className="govuk-table__body">
            {hits.map((hit, index) => (
              <tr className={`govuk-table__row${index === active ? ' app-results__row--active' : ''}`} key={hit.personId}>
                <td className="govuk-table__cell">
                  <a
                    className="govuk-link"
                    href={familyHref(hit.familyId)}
                    ref={(el) => {
                      links.current[index] = el
                    }}
                    onFocus={() => setActive(index)}
                    onKeyDown={(event) => onResultKey(event, index)}
                  >
                    {personName(hit)}
                  </a>
                </td>
                <td className="govuk-table__cell">{hit.dateOfBirth ? formatDate(hit.dateOfBirth) : ''}</td>
                <td className="govuk-table__cell">{describeAge(hit)}</td>
                <td className="govuk-table__cell app-nowrap">{hit.familyReference}</td>
                <td className="govuk-table__cell">
                  {hit.restricted && !hit.addressLine1 ? (
                    <strong className="govuk-tag govuk-tag--grey">Restricted record</strong>
                  ) : (
                    `${hit.addressLine1}, ${hit.town}`
                  )}
                </td>
                <td className="govuk-table__cell app-nowrap">{hit.postcode}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {result && hits.length === 0 ? (
        <p className="govuk-body">
          No one matches. Check the spelling, try part of the name, or{' '}
          <a className="govuk-link" href="#/register">
            register a family
          </a>
          .
        </p>
      ) : null}
    </Page>
  )
}
