import { useEffect, useState } from 'react'
import type { HubRecord } from '../../../shared/hub/schemas'
import { formatDate, todayIso } from '../../../shared/dates'
import { invoke } from '../api'
import { episodeHref } from '../app/router'
import { Loading, Page } from '../components/Page'
import { ProblemBanner, SuccessBanner } from '../components/ErrorSummary'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { personName } from '../families/format'
import { memberNames, participants, useEpisode } from './useEpisode'
import { OutcomeBlock } from './PlanSection'

/**
 * The family plan as a plain document the family can keep: printed, or saved as a PDF from the
 * print dialogue. No codes, no system words, none of the screen's chrome (print.scss): no
 * navigation, no focus ring, no colour that carries meaning.
 */
export function PlanPrintPage({ id, episodeId }: { id: string; episodeId: string }) {
  const { view, episode, error } = useEpisode(id, episodeId)
  const [hub, setHub] = useState<HubRecord | null>(null)
  const [saved, setSaved] = useState<{ path: string } | { problem: string } | null>(null)
  useEffect(() => {
    void invoke('hub.get', {}).then((r) => r.ok && setHub(r.value))
  }, [])
  if (error) return <FamilyNotFound error={error} />
  if (!view || !episode || !hub) return <Loading />
  const plan = episode.plan
  if (!plan)
    return (
      <Page title="No plan yet">
        <p className="govuk-body">
          <a className="govuk-link" href={episodeHref(id, episodeId)}>
            Back to the episode
          </a>
        </p>
      </Page>
    )
  const peopleNames = memberNames(view)
  const people = participants(view, episode)
  const latest = episode.reviews.at(-1)
  const today = todayIso()
  return (
    <div className="app-print-document">
      <div className="app-no-print">
        {saved && 'path' in saved ? (
          <SuccessBanner title="The plan has been saved as a PDF">
            <p className="govuk-body">{saved.path}</p>
          </SuccessBanner>
        ) : null}
        {saved && 'problem' in saved ? <ProblemBanner title="The plan has not been saved as a PDF" message={saved.problem} /> : null}
        <div className="app-button-row">
          <button type="button" className="govuk-button" onClick={() => window.print()}>
            Print
          </button>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={async () => {
              const r = await invoke('plan.savePdf', { episodeId, fileName: `Family plan ${view.family.reference} ${plan.agreedOn}.pdf` })
              if (!r.ok) setSaved({ problem: r.error.message })
              else setSaved(r.value.path ? { path: r.value.path } : null)
            }}
          >
            Save as PDF
          </button>
          <a className="govuk-link govuk-!-margin-top-2" href={episodeHref(id, episodeId)}>
            Back to the episode
          </a>
        </div>
      </div>
      <Page title="Our family plan" caption={hub.name}>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Family</dt>
            <dd className="govuk-summary-list__value">{view.members.map((m) => personName(m)).join(', ')}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Our reference</dt>
            <dd className="govuk-summary-list__value">{view.family.reference}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Agreed on</dt>
            <dd className="govuk-summary-list__value">{formatDate(plan.agreedOn)}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Your lead worker</dt>
            <dd className="govuk-summary-list__value">
              {episode.leadName}, {hub.name}
            </dd>
          </div>
          {episode.nextReviewOn ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Next review</dt>
              <dd className="govuk-summary-list__value">{formatDate(episode.nextReviewOn)}</dd>
            </div>
          ) : null}
        </dl>
        <h2 className="govuk-heading-m">What we want to be different</h2>
        {plan.outcomes.map((o, i) => (
          <div className="app-outcome" key={o.id}>
            <OutcomeBlock outcome={o} index={i} people={people} peopleNames={peopleNames} today={today} printed />
            {latest ? (
              <p className="govuk-body-s">{`At the review on ${formatDate(latest.heldOn)} we scored this ${latest.scores.find((s) => s.outcomeId === o.id)?.score ?? '–'} out of 10.`}</p>
            ) : null}
          </div>
        ))}
        {episode.team.length ? (
          <>
            <h2 className="govuk-heading-m">The people helping us</h2>
            <ul className="govuk-list">
              {episode.team.map((t) => (
                <li key={t.id}>{[t.name, t.role, t.agency, t.phone, t.email].filter(Boolean).join(', ')}</li>
              ))}
            </ul>
          </>
        ) : null}
      </Page>
    </div>
  )
}
