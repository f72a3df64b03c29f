import { useEffect, useState } from 'react'
import { chronologyInput, type ChronologyAnswer, type ChronologyQuery } from '../../../shared/earlyHelp/chronology'
import type { AppErrorValue } from '../../../shared/result'
import { formatDate } from '../../../shared/dates'
import { invoke } from '../api'
import { navigate } from '../app/router'
import { ProblemBanner, SuccessBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { PrintFrame } from '../components/PrintFrame'
import { ToggleCheckbox } from '../components/fields'
import { FamilyHeader } from '../families/FamilyHeader'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { useFamily } from '../families/useFamily'
import { ChronologyFilters, describeFilter } from './ChronologyFilters'

const when = (value: string) => (value.length > 10 ? `${formatDate(value.slice(0, 10))}, ${value.slice(11, 16)}` : formatDate(value))

/**
 * The family's chronology, newest first, in the MoJ timeline pattern, filtered by kind, person and
 * dates (the core applies the filter). It prints with the protective marking on every page.
 */
export function ChronologyPage({ id, notice }: { id: string; notice?: string }) {
  const { view, error } = useFamily(id)
  const [significantOnly, setSignificantOnly] = useState(false)
  const [filter, setFilter] = useState<ChronologyQuery>(() => chronologyInput.parse({ familyId: id }))
  const [answer, setAnswer] = useState<ChronologyAnswer | null>(null)
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  useEffect(() => {
    // Only the answer to the latest filter is shown, however the answers arrive.
    let latest = true
    void invoke('chronology.get', { ...filter, significantOnly }).then((r) => {
      if (!latest) return
      if (r.ok) setAnswer(r.value)
      else setProblem(r.error)
    })
    return () => {
      latest = false
    }
  }, [filter, significantOnly])
  if (error) return <FamilyNotFound error={error} />
  if (problem)
    return (
      <Page title="Chronology">
        <ProblemBanner title="The chronology cannot be shown" message={problem.message} />
      </Page>
    )
  if (!view || !answer) return <Loading />
  const { entries, total } = answer
  const described = describeFilter({ ...filter, significantOnly }, answer.people)
  return (
    <PrintFrame title={`Chronology of ${view.family.name}`}>
      <FamilyHeader family={view.family} members={view.members.length} />
      <Page title="Chronology" caption={view.family.name} focusHeading={!notice}>
        {notice ? <SuccessBanner title={notice} /> : null}
        <div className="app-button-row app-no-print">
          <button type="button" className="govuk-button" onClick={() => navigate(`#/families/${id}/notes/new`)}>
            Add a case note
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => window.print()}>
            Print
          </button>
        </div>
        <div className="govuk-form-group app-no-print">
          <div className="govuk-checkboxes govuk-checkboxes--small">
            <ToggleCheckbox id="significant-only" label="Significant events only" checked={significantOnly} onChange={setSignificantOnly} />
          </div>
        </div>
        <ChronologyFilters familyId={id} people={answer.people} onApply={setFilter} />
        <p className="govuk-body" role="status" aria-live="polite">
          {total === entries.length ? `${total} ${total === 1 ? 'entry' : 'entries'}` : `Showing ${entries.length} of ${total} entries`}
          {described ? `: ${described}` : ''}
        </p>
        {entries.length === 0 && total > 0 ? <p className="govuk-body">No entries match these filters. Change or clear the filters to see more.</p> : null}
        <ol className="app-timeline">
          {entries.map((e) => (
            <li className={`app-timeline__item${e.significant ? ' app-timeline__item--significant' : ''}`} key={e.id}>
              <h2 className="govuk-heading-s app-timeline__title">
                {e.title}
                {e.significant ? (
                  <>
                    {' '}
                    <strong className="govuk-tag govuk-tag--red">Significant</strong>
                  </>
                ) : null}
              </h2>
              <p className="govuk-body-s app-timeline__meta">
                {when(e.when)} · by {e.by}
                {e.people.length ? ` · with ${e.people.join(', ')}` : ''}
              </p>
              {e.text ? <p className="govuk-body app-timeline__text">{e.text}</p> : null}
            </li>
          ))}
        </ol>
      </Page>
    </PrintFrame>
  )
}
