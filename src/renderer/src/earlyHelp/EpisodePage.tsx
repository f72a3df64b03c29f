import { CONSENT_METHOD, HEADLINE } from '../../../shared/codes'
import { formatDate, todayIso, utcToLondon } from '../../../shared/dates'
import { approveClosureHref, navigate } from '../app/router'
import { SuccessBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { FamilyHeader } from '../families/FamilyHeader'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { memberNames, participants, useEpisode } from './useEpisode'
import { TeamSection } from './TeamSection'
import { DueDate, PlanSection, ReviewsList } from './PlanSection'
import { EarlierVersions } from './EarlierVersions'
import { ClosureSummary } from './ClosureSummary'
import { referOnHref } from '../referrals/outboundRoutes'
import { newStepUpHref, stepUpHref } from '../referrals/stepUpRoutes'
import { FamilyReferrals } from '../referrals/FamilyReferrals'

// Waiting for approval, an episode is still open: its tag says so, and is not the grey of a closed one.
const STATUS = { open: 'Open', closing: 'Open: closure awaiting approval', closed: 'Closed' } as const
const STATUS_TAG = { open: 'govuk-tag', closing: 'govuk-tag govuk-tag--yellow', closed: 'govuk-tag govuk-tag--grey' } as const

/** One early-help episode: its team, assessment, plan, reviews and progress, on one page. */
export function EpisodePage({
  id,
  episodeId,
  notice,
  canWrite,
  canManage
}: {
  id: string
  episodeId: string
  notice?: string
  canWrite: boolean
  canManage: boolean
}) {
  const { view, episode, error, reload } = useEpisode(id, episodeId)
  if (error) return <FamilyNotFound error={error} />
  if (!view || !episode) return <Loading />
  const open = episode.status === 'open'
  const editable = open && canWrite
  const base = `#/families/${id}/episodes/${episode.id}`
  const people = participants(view, episode)
  const peopleNames = memberNames(view)
  const consent = view.consents.find((c) => c.id === episode.consentId)
  const assessment = episode.assessment
  const today = todayIso()
  const row = (key: string, value: React.ReactNode, reactKey = key) => (
    <div className="govuk-summary-list__row" key={reactKey}>
      <dt className="govuk-summary-list__key">{key}</dt>
      <dd className="govuk-summary-list__value">{value}</dd>
    </div>
  )
  return (
    <>
      <FamilyHeader family={view.family} members={view.members.length} />
      <Page title="Early-help episode" caption={view.family.name} focusHeading={!notice}>
        {notice ? <SuccessBanner title={notice} /> : null}
        <dl className="govuk-summary-list">
          {row('Status', <strong className={STATUS_TAG[episode.status]}>{STATUS[episode.status]}</strong>)}
          {row('Opened', formatDate(episode.openedOn))}
          {episode.closedOn && episode.status === 'closed' ? row('Closed', formatDate(episode.closedOn)) : null}
          {row('Lead practitioner', episode.leadName)}
          {row('Why', episode.reason)}
          {row('Headlines', episode.headlines.map((h) => HEADLINE.label(h)).join('; '))}
          {row(
            'Consent to early help',
            consent
              ? `Given by ${consent.givenByName} on ${formatDate(consent.givenOn)} (${CONSENT_METHOD.label(consent.method).toLowerCase()})${consent.withdrawnOn ? `, withdrawn ${formatDate(consent.withdrawnOn)}` : ''}`
              : 'Not recorded with the episode'
          )}
          {row(
            'Next review',
            episode.nextReviewOn ? <DueDate iso={episode.nextReviewOn} late={open && episode.nextReviewOn < today} /> : 'Set when the plan is agreed'
          )}
          {episode.reopenings.map((r, i) =>
            row(`Reopened${episode.reopenings.length > 1 ? ` (${i + 1})` : ''}`, `${formatDate(utcToLondon(r.at).slice(0, 10))} by ${r.by}: ${r.reason}`, r.at)
          )}
        </dl>
        <div className="app-button-row">
          {canWrite ? (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate(`#/families/${id}/notes/new`)}>
              Add a case note
            </button>
          ) : null}
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate(`#/families/${id}/chronology`)}>
            Chronology
          </button>
          {editable ? (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate(referOnHref(id, { episodeId: episode.id }))}>
              Refer on
            </button>
          ) : null}
          {editable ? (
            <button type="button" className="govuk-button govuk-button--warning" onClick={() => navigate(`#/families/${id}/early-help/close`)}>
              Close the episode
            </button>
          ) : null}
          {episode.status === 'closing' && canManage ? (
            <button type="button" className="govuk-button" onClick={() => navigate(approveClosureHref(id, episode.id))}>
              Approve closure
            </button>
          ) : null}
          {episode.status === 'closed' && canManage ? (
            <button type="button" className="govuk-button" onClick={() => navigate(`${base}/reopen`)}>
              Reopen the episode
            </button>
          ) : null}
        </div>
        {episode.stepUpId ? (
          <p className="govuk-body">
            <a className="govuk-link" href={stepUpHref(episode.stepUpId)}>
              The step-up to children’s social care
            </a>
          </p>
        ) : episode.closure?.reason === 'STEPPED_UP' && canWrite ? (
          <p className="govuk-body">
            Closed as stepped up, and no step-up is recorded yet:{' '}
            <a className="govuk-link" href={newStepUpHref(id, episode.id)}>
              make the step-up to children’s social care
            </a>
          </p>
        ) : null}
        {!open ? (
          <p className="govuk-inset-text">
            {episode.status === 'closed'
              ? 'This episode is closed, so its record is read-only.'
              : 'This episode is still open: its closure has been recorded and is waiting for a manager’s approval. Until then its record is read-only.'}
          </p>
        ) : null}
        <ClosureSummary episode={episode} />

        <TeamSection familyId={id} episode={episode} editable={editable} onChange={reload} />

        <h2 className="govuk-heading-m">Assessment</h2>
        <p className="govuk-body">
          {!assessment
            ? 'Not started.'
            : assessment.completedOn
              ? `Completed ${formatDate(assessment.completedOn)} by ${assessment.completedBy}. Headlines found: ${assessment.identified.map((h) => HEADLINE.label(h)).join('; ') || 'none'}.`
              : `Started ${formatDate(assessment.startedOn)}, not yet completed. Last saved by ${assessment.updatedBy}.`}
        </p>
        {editable ? (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate(`${base}/assessment`)}>
            {!assessment ? 'Start the assessment' : assessment.completedOn ? 'Change the assessment' : 'Continue the assessment'}
          </button>
        ) : null}
        {!editable && assessment ? (
          <a className="govuk-link govuk-body" href={`${base}/assessment`}>
            Read the assessment
          </a>
        ) : null}
        <EarlierVersions
          familyId={id}
          episodeId={episode.id}
          document="assessment"
          currentVersion={assessment?.version ?? null}
          kept={episode.versionsKept.assessment}
        />

        <h2 className="govuk-heading-m">Family plan</h2>
        <PlanSection episode={episode} people={people} peopleNames={peopleNames} />
        <div className="app-button-row">
          {editable ? (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate(`${base}/plan`)}>
              {episode.plan ? 'Change the plan' : 'Write the family plan'}
            </button>
          ) : null}
          {episode.plan ? (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate(`${base}/plan/print`)}>
              Print the plan
            </button>
          ) : null}
        </div>
        <EarlierVersions
          familyId={id}
          episodeId={episode.id}
          document="family-plan"
          currentVersion={episode.plan?.version ?? null}
          kept={episode.versionsKept['family-plan']}
        />

        <h2 className="govuk-heading-m">Reviews</h2>
        <ReviewsList episode={episode} people={people} />
        {editable && episode.plan ? (
          <button type="button" className="govuk-button" onClick={() => navigate(`${base}/review`)}>
            Record a review
          </button>
        ) : null}

        <FamilyReferrals familyId={id} episodeId={episode.id} />
      </Page>
    </>
  )
}
