import { useMemo } from 'react'
import type { z } from 'zod'
import { saveAssessmentInput } from '../../../shared/earlyHelp/assessment'
import type { EpisodeDetail } from '../../../shared/earlyHelp/schemas'
import type { FamilyView } from '../../../shared/contract'
import { ASSESSMENT_DOMAIN, HEADLINE, NEED_LEVEL } from '../../../shared/codes'
import { datePartsToValue, formatDate, isoToDateParts, todayIso, type DateParts } from '../../../shared/dates'
import { invoke } from '../api'
import { episodeHref, navigate } from '../app/router'
import { useContractForm } from '../accounts/useContractForm'
import { useDraft } from '../drafts/useDraft'
import { DraftFormPage } from '../drafts/DraftFormPage'
import { Loading } from '../components/Page'
import { ContentsList } from '../components/ContentsList'
import { namedByPart } from '../components/formErrors'
import { CheckboxesField, DateField, RadiosField, TextareaField } from '../components/fields'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { personName } from '../families/format'
import { useEpisode } from './useEpisode'

type Domain = { strengths: string; needs: string; level: string }
interface Values {
  /** The version this form started from, kept in the draft so a colleague's save is never overwritten. */
  baseVersion: number | null
  startedOn: DateParts
  completedOn: DateParts
  subjects: { personId: string | null; domains: Record<string, Domain> }[]
  familyVoice: string
  identified: string[]
  evidence: Record<string, string>
}

/** What each domain covers, from the early help assessment's guidance. */
const DOMAIN_HINTS: Record<string, string> = {
  CHILD_DEVELOPMENT: 'Health, emotional and social development, behaviour, identity, relationships, self-care, learning.',
  PARENTS_CARERS: 'Basic care, ensuring safety, emotional warmth, guidance and boundaries, stimulation.',
  FAMILY_ENVIRONMENT: 'Family history and functioning, wider family, housing, work and money, community resources.'
}

const emptyDomains = () => Object.fromEntries(ASSESSMENT_DOMAIN.items.map((d) => [d.code, { strengths: '', needs: '', level: '' }]))

function initialValues(view: FamilyView, episode: EpisodeDetail): Values {
  const a = episode.assessment
  const children = view.members.filter((m) => m.kind === 'child').map((m) => m.id)
  const saved = a?.subjects ?? []
  const subjects = [
    ...saved.map((s) => ({
      personId: s.personId,
      domains: Object.fromEntries(Object.entries(s.domains).map(([k, d]) => [k, { strengths: d.strengths ?? '', needs: d.needs ?? '', level: d.level ?? '' }]))
    })),
    // Children who joined since the assessment was started, and the parents' section if it is missing.
    ...children.filter((id) => !saved.some((s) => s.personId === id)).map((personId) => ({ personId, domains: emptyDomains() })),
    ...(saved.some((s) => s.personId === null) ? [] : [{ personId: null, domains: emptyDomains() }])
  ]
  return {
    baseVersion: a?.version ?? null,
    startedOn: isoToDateParts(a?.startedOn ?? todayIso()),
    completedOn: isoToDateParts(a?.completedOn),
    subjects,
    familyVoice: a?.familyVoice ?? '',
    identified: a?.identified ?? [],
    evidence: Object.fromEntries(Object.entries(a?.evidence ?? {}).map(([k, v]) => [k, v ?? '']))
  }
}

export function AssessmentPage({ id, episodeId }: { id: string; episodeId: string }) {
  const { view, episode, error } = useEpisode(id, episodeId)
  if (error) return <FamilyNotFound error={error} />
  if (!view || !episode) return <Loading />
  return <AssessmentForm view={view} episode={episode} />
}

function AssessmentForm({ view, episode }: { view: FamilyView; episode: EpisodeDetail }) {
  const familyId = view.family.id
  const key = `assessment:${episode.id}`
  const editable = episode.status === 'open'
  const blank = useMemo(() => initialValues(view, episode), [view, episode])
  const toInput = (v: Values) => ({
    ...v,
    episodeId: episode.id,
    version: v.baseVersion,
    startedOn: datePartsToValue(v.startedOn),
    completedOn: datePartsToValue(v.completedOn) ?? null,
    identified: v.identified || [],
    draftKey: key
  })
  const { form, attempt, problem, errors, failed, refused } = useContractForm<Values, typeof saveAssessmentInput>(saveAssessmentInput, blank, toInput)
  const draft = useDraft(key, form, blank)
  const identified = form.watch('identified') || []
  const names = new Map(view.members.map((m) => [m.id, personName(m)]))
  const subjectName = (personId: string | null) => (personId ? (names.get(personId) ?? 'A former member') : 'Parents and carers')
  // The same questions are asked of each child and of the parents: the summary says whose answer is wrong.
  const named = namedByPart(errors, 'subjects', (i) => (blank.subjects[i] ? subjectName(blank.subjects[i].personId) : null))
  const contents = [
    ...blank.subjects.map((s, i) => ({ id: `subject-${i}`, label: subjectName(s.personId) })),
    { id: 'assessment-voice', label: "The family's own words" },
    { id: 'assessment-headlines', label: 'Supporting Families headlines' }
  ]
  const onValid = async (input: z.output<typeof saveAssessmentInput>) => {
    const result = await draft.saveRecord(() => invoke('assessment.save', input))
    if (result.ok)
      navigate(
        episodeHref(familyId, episode.id, input.completedOn ? 'The assessment is complete.' : 'The assessment has been saved. You can carry on with it later.')
      )
    else refused(result.error)
  }
  return (
    <DraftFormPage
      family={view.family}
      members={view.members.length}
      title="Early help assessment"
      what="assessment"
      draft={draft}
      stale={form.watch('baseVersion') !== blank.baseVersion}
      problem={problem}
      errors={named}
      attempt={attempt}
      onSubmit={form.handleSubmit(onValid, failed)}
      submitLabel="Save assessment"
      backHref={episodeHref(familyId, episode.id)}
      backLabel="Back to the episode"
      readOnly={!editable}
      intro={
        <>
          {episode.assessment?.completedBy ? (
            <p className="govuk-body">
              Completed by {episode.assessment.completedBy} on {formatDate(episode.assessment.completedOn!)}.
            </p>
          ) : null}
          <ContentsList items={contents} />
        </>
      }
    >
      <DateField form={form} name="startedOn" label="Date started" />
      {blank.subjects.map((s, i) => (
        <section key={s.personId ?? 'parents'} aria-labelledby={`subject-${i}`}>
          <h2 className="govuk-heading-m" id={`subject-${i}`} tabIndex={-1}>
            {subjectName(s.personId)}
          </h2>
          {ASSESSMENT_DOMAIN.items.map((d) => (
            <div className="app-fieldset-box" key={d.code}>
              <h3 className="govuk-heading-s">{d.label}</h3>
              <p className="govuk-hint">{DOMAIN_HINTS[d.code]}</p>
              <TextareaField form={form} name={`subjects.${i}.domains.${d.code}.strengths` as never} label={`Strengths: ${d.label.toLowerCase()}`} rows={3} />
              <TextareaField form={form} name={`subjects.${i}.domains.${d.code}.needs` as never} label={`Needs: ${d.label.toLowerCase()}`} rows={3} />
              <RadiosField
                form={form}
                name={`subjects.${i}.domains.${d.code}.level` as never}
                label={`Level of need: ${d.label.toLowerCase()}`}
                items={NEED_LEVEL.items}
              />
            </div>
          ))}
        </section>
      ))}
      <h2 className="govuk-heading-m" id="assessment-voice" tabIndex={-1}>
        The family's own words
      </h2>
      <TextareaField
        form={form}
        name="familyVoice"
        label="The voice of the child and family"
        hint="What the children and the adults say about their lives, in their own words."
        rows={6}
      />
      <h2 className="govuk-heading-m" id="assessment-headlines" tabIndex={-1}>
        Supporting Families headlines
      </h2>
      <CheckboxesField form={form} name="identified" label="Headlines the assessment found" hint="Select all that apply." items={HEADLINE.items} />
      {HEADLINE.items
        .filter((h) => identified.includes(h.code))
        .map((h) => (
          <TextareaField key={h.code} form={form} name={`evidence.${h.code}` as never} label={`Evidence: ${h.label}`} rows={3} />
        ))}
      <DateField
        form={form}
        name="completedOn"
        label="Date completed"
        hint="Leave blank until the assessment is finished. Completing it asks for every level of need, the family's words and the evidence for each headline."
      />
    </DraftFormPage>
  )
}
