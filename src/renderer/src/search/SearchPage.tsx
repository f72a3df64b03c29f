import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { RecentFamily, SearchOutput } from '../../../shared/search/schemas'
import { invoke } from '../api'
import { familyHref, navigate } from '../app/router'
import { Page } from '../components/Page'
import { RecentFamilies } from './RecentFamilies'
import { groupByFamily, SearchResults } from './SearchResults'

const LIMIT = 25

function describeResult(count: number, families: number, understoodAs: string[]): string {
  const what = understoodAs.length ? ` for ${understoodAs.join(', ')}` : ''
  if (count >= LIMIT) return `Showing the first ${LIMIT} people found${what}. Type more to narrow the search.`
  const inFamilies = count > 0 ? ` in ${families} ${families === 1 ? 'family' : 'families'}` : ''
  return `${count} ${count === 1 ? 'person' : 'people'} found${inFamilies}${what}`
}

// What was last typed, and how results were shown, so coming back to the search finds it as it was left.
let lastText = ''
let lastGrouped = false

/** Find a family: one box, answering as the user types; arrows and Enter open a result. */
export function SearchPage() {
  const [text, setText] = useState(lastText)
  const [grouped, setGrouped] = useState(lastGrouped)
  const [result, setResult] = useState<SearchOutput | null>(null)
  const [recent, setRecent] = useState<RecentFamily[]>([])
  const [error, setError] = useState<string | null>(null)
  const [active, setActive] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const links = useRef<(HTMLAnchorElement | null)[]>([])
  const latest = useRef(0)
  // A click that focuses the box keeps the selection focusing made, rather than placing the caret.
  const justFocused = useRef(false)

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

  // Whenever the box is (or becomes) empty, the families this user opened lately: asked each time,
  // so a family opened a moment ago, whose opening the core may have been recording when this page
  // first asked, is there by the time the box is cleared.
  const empty = text.trim().length < 2
  useEffect(() => {
    if (!empty) return
    let current = true
    void invoke('people.search', { text: '', limit: LIMIT }).then((answer) => {
      if (current && answer.ok) setRecent(answer.value.recentFamilies)
    })
    return () => {
      current = false
    }
  }, [empty])

  useEffect(() => {
    lastGrouped = grouped
  }, [grouped])

  // Grouped, the hits are shown (and the arrows move) family by family.
  const hits = useMemo(() => {
    const found = result?.hits ?? []
    return grouped ? groupByFamily(found).flat() : found
  }, [result, grouped])
  const families = useMemo(() => new Set(hits.map((h) => h.familyId)).size, [hits])
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

  const typed = !empty
  return (
    <Page title="Find a family" focusHeading={false}>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="search">
          Search people and families
        </label>
        <div id="search-hint" className="govuk-hint">
          Name, date of birth, postcode (or its first half), NHS number or family reference. Press Enter to open the first result, or the down arrow to choose
          one.
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
          // Coming back to the box, the last search is selected: typing replaces it, an arrow key keeps it.
          onFocus={(event) => {
            event.currentTarget.select()
            justFocused.current = true
          }}
          onMouseUp={(event) => {
            if (justFocused.current) event.preventDefault()
            justFocused.current = false
          }}
        />
      </div>
      <div className="app-search-actions">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate('#/register')}>
          Register a family
        </button>
        <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          <div className="govuk-checkboxes__item">
            <input
              className="govuk-checkboxes__input"
              id="group-by-family"
              type="checkbox"
              checked={grouped}
              onChange={(event) => setGrouped(event.target.checked)}
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="group-by-family">
              Group results by family
            </label>
          </div>
        </div>
      </div>
      <p className="govuk-body" role="status" aria-live="polite">
        {result && typed ? describeResult(hits.length, families, result.understoodAs) : ''}
      </p>
      {!typed ? <RecentFamilies families={recent} /> : null}
      {typed && hits.length > 0 ? (
        <SearchResults
          hits={hits}
          familyNames={result?.familyNames ?? {}}
          grouped={grouped}
          active={active}
          links={links}
          onFocusRow={setActive}
          onKeyRow={onResultKey}
        />
      ) : null}
      {typed && result && hits.length === 0 ? (
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
