import { useEffect, useState, type ReactNode } from 'react'
import type { FamilyView } from '../../../shared/contract'
import type { EpisodeDetail } from '../../../shared/earlyHelp/schemas'
import { DOCUMENT_NAMES, type AssessmentDocument, type DocumentKind, type DocumentVersion, type PlanDocument } from '../../../shared/earlyHelp/history'
import { ACTION_STATUS, ASSESSMENT_DOMAIN, HEADLINE, NEED_LEVEL } from '../../../shared/codes'
import { formatDate } from '../../../shared/dates'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { episodeHref } from '../app/router'
import { ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { FamilyHeader } from '../families/FamilyHeader'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { memberNames, participantName, participants, useEpisode } from './useEpisode'
import { occasionNote, savedWhen, versionHref } from './EarlierVersions'

const TITLES: Record<DocumentKind, string> = { 'family-plan': 'Family plan', assessment: 'Assessment' }

/** One kept version of the plan or the assessment, read-only: when and by whom, what changed, and the document as it was. */
export function DocumentVersionPage({ id, episodeId, document, version }: { id: string; episodeId: string; document: DocumentKind; version: number }) {
  const { view, episode, error } = useEpisode(id, episodeId)
  const [found, setFound] = useState<DocumentVersion | AppErrorValue | null>(null)
  useEffect(() => {
    let current = true
    void invoke('versions.get', { episodeId, document, version }).then((r) => current && setFound(r.ok ? r.value : r.error))
    return () => {
      current = false
    }
  }, [episodeId, document, version])
  if (error) return <FamilyNotFound error={error} />
  if (!view || !episode || !found) return <Loading />
  const back = (
    <p className="govuk-body">
      <a className="govuk-link" href={episodeHref(id, episodeId)}>
        Back to the episode
      </a>
    </p>
  )
  const title = `${TITLES[document]}: version ${version}`
  if ('code' in found)
    return (
      <>
        <FamilyHeader family={view.family} members={view.members.length} />
        <Page title={title} caption={view.family.name}>
          <ProblemBanner title="This version cannot be shown" message={found.message} />
          {back}
        </Page>
      </>
    )
  const currentVersion = (document === 'family-plan' ? episode.plan : episode.assessment)?.version
  return (
    <>
      <FamilyHeader family={view.family} members={view.members.length} />
      <Page title={title} caption={view.family.name}>
        <p className="govuk-body">
          Saved {savedWhen(found.savedAt)} by {found.savedBy}.{occasionNote(found) ? ` ${occasionNote(found)}.` : ''}
        </p>
        <p className="govuk-inset-text">
          {found.version === currentVersion
            ? `This is the current version of the ${DOCUMENT_NAMES[document]}.`
            : `This is an earlier version, kept as it was saved. It cannot be changed. The current version is version ${currentVersion}.`}
        </p>
        <h2 className="govuk-heading-m">{found.previousVersion ? `What changed from version ${found.previousVersion}` : 'What changed'}</h2>
        {found.previousVersion === null ? (
          <p className="govuk-body">
            {found.occasion === 'upgrade'
              ? `This is the ${DOCUMENT_NAMES[document]} as it was when Casebook began keeping versions. Changes before then were not kept.`
              : `This is the first version kept.`}
          </p>
        ) : found.changes.length === 0 ? (
          <p className="govuk-body">Nothing in the {DOCUMENT_NAMES[document]} changed.</p>
        ) : (
          <ul className="govuk-list govuk-list--bullet">
            {found.changes.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
        {found.previousVersion ? (
          <p className="govuk-body">
            <a className="govuk-link" href={versionHref(id, episodeId, document, found.previousVersion)}>
              See version {found.previousVersion}
            </a>
          </p>
        ) : null}
        <h2 className="govuk-heading-m">The {DOCUMENT_NAMES[document]} as it was</h2>
        {found.document === 'family-plan' ? (
          <PlanAsItWas plan={found.plan} view={view} episode={episode} />
        ) : (
          <AssessmentAsItWas assessment={found.assessment} view={view} />
        )}
        {back}
      </Page>
    </>
  )
}

/** The plan's outcomes with their actions as lists, not tables, so a narrow window reads them without scrolling sideways. */
function PlanAsItWas({ plan, view, episode }: { plan: PlanDocument; view: FamilyView; episode: EpisodeDetail }) {
  const peopleNames = memberNames(view)
  const people = participants(view, episode)
  return (
    <>
      <p className="govuk-body">Agreed with the family on {formatDate(plan.agreedOn)}.</p>
      {plan.outcomes.map((o, i) => (
        <div className="app-outcome" key={o.id}>
          <h3 className="govuk-heading-s">
            Outcome {i + 1}: {o.text}
          </h3>
          <p className="govuk-body-s">
            For {peopleNames(o.peopleIds)} · {HEADLINE.label(o.headline)}
          </p>
          <ul className="govuk-list govuk-list--bullet" aria-label={`Actions for outcome ${i + 1}`}>
            {o.actions.map((a) => (
              <li key={a.id}>
                {a.what}: {participantName(people, a.owner ?? '')}, by {formatDate(a.due)}. {ACTION_STATUS.label(a.status)}.
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  )
}

function SummaryRows({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="govuk-summary-list">
      {rows.map(([key, value]) => (
        <div className="govuk-summary-list__row" key={key}>
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  )
}

function AssessmentAsItWas({ assessment, view }: { assessment: AssessmentDocument; view: FamilyView }) {
  const names = memberNames(view)
  return (
    <>
      <SummaryRows
        rows={[
          ['Date started', formatDate(assessment.startedOn)],
          ['Date completed', assessment.completedOn ? formatDate(assessment.completedOn) : 'Not completed'],
          ...(assessment.completedBy ? ([['Completed by', assessment.completedBy]] as [string, ReactNode][]) : [])
        ]}
      />
      {assessment.subjects.map((s) => (
        <section key={s.personId ?? 'parents'} aria-label={s.personId ? names([s.personId]) : 'Parents and carers'}>
          <h3 className="govuk-heading-s">{s.personId ? names([s.personId]) : 'Parents and carers'}</h3>
          <SummaryRows
            rows={ASSESSMENT_DOMAIN.items.flatMap((d): [string, ReactNode][] => {
              const entry = s.domains[d.code]
              return [
                [`${d.label}: strengths`, entry.strengths ?? 'None recorded'],
                [`${d.label}: needs`, entry.needs ?? 'None recorded'],
                [`${d.label}: level of need`, entry.level ? NEED_LEVEL.label(entry.level) : 'Not given']
              ]
            })}
          />
        </section>
      ))}
      <h3 className="govuk-heading-s">The family's own words</h3>
      <p className="govuk-body">{assessment.familyVoice ?? 'None recorded'}</p>
      <h3 className="govuk-heading-s">Supporting Families headlines found</h3>
      {assessment.identified.length ? (
        <SummaryRows rows={assessment.identified.map((h): [string, ReactNode] => [HEADLINE.label(h), assessment.evidence[h] ?? 'No evidence recorded'])} />
      ) : (
        <p className="govuk-body">None</p>
      )}
    </>
  )
}
