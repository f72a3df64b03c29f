import { useEffect, useState } from 'react'
import type { ChronologyEntry } from '../../../shared/earlyHelp/schemas'
import type { AppErrorValue } from '../../../shared/result'
import { formatDate } from '../../../shared/dates'
import { invoke } from '../api'
import { navigate } from '../app/router'
import { ProblemBanner, SuccessBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { ToggleCheckbox } from '../components/fields'
import { FamilyHeader } from '../families/FamilyHeader'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { useFamily } from '../families/useFamily'

const when = (value: string) => (value.length > 10 ? `${formatDate(value.slice(0, 10))}, ${value.slice(11, 16)}` : formatDate(value))

/** The family's chronology, newest first, in the MoJ timeline pattern; it prints as it reads. */
export function ChronologyPage({ id, notice }: { id: string; notice?: string }) {
  const { view, error } = useFamily(id)
  const [significantOnly, setSignificantOnly] = useState(false)
  const [entries, setEntries] = useState<ChronologyEntry[] | null>(null)
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  useEffect(() => {
    void invoke('chronology.get', { familyId: id, significantOnly }).then((r) => (r.ok ? setEntries(r.value.entries) : setProblem(r.error)))
  }, [id, significantOnly])
  if (error) return <FamilyNotFound error={error} />
  if (problem)
    return (
      <Page title="Chronology">
        <ProblemBanner title="The chronology cannot be shown" message={problem.message} />
      </Page>
    )
  if (!view || !entries) return <Loading />
  return (
    <>
      <FamilyHeader family={view.family} members={view.members.length} />
      <Page title="Chronology" caption={`Family ${view.family.reference}`} focusHeading={!notice}>
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
        <p className="govuk-body" role="status" aria-live="polite">
          {entries.length} {entries.length === 1 ? 'entry' : 'entries'}
        </p>
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
    </>
  )
}
