import { useMemo } from 'react'
import type { z } from 'zod'
import { addReviewInput, nextReviewAfter } from '../../../shared/earlyHelp/plan'
import type { EpisodeDetail } from '../../../shared/earlyHelp/schemas'
import type { FamilyView } from '../../../shared/contract'
import { ACTION_STATUS, HEADLINE } from '../../../shared/codes'
import { datePartsToValue, formatDate, isoToDateParts, todayIso, type DateParts } from '../../../shared/dates'
import { invoke } from '../api'
import { episodeHref, navigate } from '../app/router'
import { useContractForm } from '../accounts/useContractForm'
import { useDraft } from '../drafts/useDraft'
import { DraftFormPage } from '../drafts/DraftFormPage'
import { Loading, Page } from '../components/Page'
import { ContentsList } from '../components/ContentsList'
import { namedByPart } from '../components/formErrors'
import { CheckboxesField, DateField, SelectField, TextareaField, TextField } from '../components/fields'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { participants, useEpisode } from './useEpisode'

interface Values {
  /** The plan's version when the review was started: the review changes its actions. */
  planVersion: number
  heldOn: DateParts
  attendees: string[]
  otherAttendees: string
  scores: { outcomeId: string; score: string; comment: string }[]
  actions: { id: string; status: string }[]
  nextReviewOn: DateParts
}

const SCORES = Array.from({ length: 11 }, (_, n) => ({ code: String(n), label: n === 0 ? '0: no progress yet' : n === 10 ? '10: fully achieved' : String(n) }))

export function ReviewPage({ id, episodeId }: { id: string; episodeId: string }) {
  const { view, episode, error } = useEpisode(id, episodeId)
  if (error) return <FamilyNotFound error={error} />
  if (!view || !episode) return <Loading />
  if (!episode.plan || episode.status !== 'open')
    return (
      <Page title="No review can be recorded">
        <p className="govuk-body">
          A review needs an open episode with an agreed plan.{' '}
          <a className="govuk-link" href={episodeHref(id, episodeId)}>
            Back to the episode
          </a>
        </p>
      </Page>
    )
  return <ReviewForm view={view} episode={episode} />
}

function ReviewForm({ view, episode }: { view: FamilyView; episode: EpisodeDetail }) {
  const plan = episode.plan!
  const familyId = view.family.id
  const key = `review:${episode.id}`
  const blank = useMemo<Values>(() => {
    const today = todayIso()
    // The review is held on the day it was due, unless that is still to come.
    const heldOn = episode.nextReviewOn && episode.nextReviewOn <= today ? episode.nextReviewOn : today
    return {
      planVersion: plan.version,
      heldOn: isoToDateParts(heldOn),
      attendees: [],
      otherAttendees: '',
      scores: plan.outcomes.map((o) => ({ outcomeId: o.id, score: '', comment: '' })),
      actions: plan.outcomes.flatMap((o) => o.actions.map((a) => ({ id: a.id, status: a.status }))),
      nextReviewOn: isoToDateParts(nextReviewAfter(heldOn, episode.reviewWeeks))
    }
  }, [episode, plan])
  const toInput = (v: Values) => ({
    ...v,
    episodeId: episode.id,
    heldOn: datePartsToValue(v.heldOn),
    nextReviewOn: datePartsToValue(v.nextReviewOn),
    attendees: v.attendees || [],
    draftKey: key
  })
  const { form, attempt, problem, errors, failed, refused } = useContractForm<Values, typeof addReviewInput>(addReviewInput, blank, toInput)
  const draft = useDraft(key, form, blank)
  const people = participants(view, episode)
  const actionIndex = new Map(blank.actions.map((a, i) => [a.id, i]))
  const outcomeName = (i: number) => `Outcome ${i + 1} (${HEADLINE.label(plan.outcomes[i]?.headline)})`
  // Scores and actions repeat for every outcome: the summary says which outcome, and which action, each message is about.
  const actionsOf = plan.outcomes.flatMap((o, i) => o.actions.map((a) => ({ outcome: i, what: a.what })))
  const named = namedByPart(
    namedByPart(errors, 'scores', (i) => (plan.outcomes[i] ? outcomeName(i) : null)),
    'actions',
    (k) => (actionsOf[k] ? `${outcomeName(actionsOf[k].outcome)}, action “${actionsOf[k].what}”` : null)
  )
  const contents = [
    { id: 'review-held', label: 'The review' },
    ...plan.outcomes.map((o, i) => ({ id: `review-outcome-${i}`, label: outcomeName(i) })),
    { id: 'review-next', label: 'The next review' }
  ]
  const onValid = async (input: z.output<typeof addReviewInput>) => {
    const result = await draft.saveRecord(() => invoke('reviews.add', input))
    if (result.ok) navigate(episodeHref(familyId, episode.id, `The review has been recorded. The next is on ${formatDate(input.nextReviewOn)}.`))
    else refused(result.error)
  }
  return (
    <DraftFormPage
      family={view.family}
      members={view.members.length}
      title="Record a Team Around the Family review"
      what="review"
      draft={draft}
      stale={form.watch('planVersion') !== blank.planVersion}
      problem={problem}
      errors={named}
      attempt={attempt}
      onSubmit={form.handleSubmit(onValid, failed)}
      submitLabel="Save the review"
      backHref={episodeHref(familyId, episode.id)}
      backLabel="Back to the episode"
      intro={<ContentsList items={contents} />}
    >
      <h2 className="govuk-heading-m" id="review-held" tabIndex={-1}>
        The review
      </h2>
      <DateField form={form} name="heldOn" label="Date of the review" />
      <CheckboxesField form={form} name="attendees" label="Who attended" items={people} />
      <TextField form={form} name="otherAttendees" label="Anyone else who attended (optional)" hint="Names and roles, like “Grandmother, Ruth Bell”." />
      {plan.outcomes.map((o, i) => (
        <section className="app-outcome" key={o.id} aria-labelledby={`review-outcome-${i}`}>
          <h2 className="govuk-heading-m" id={`review-outcome-${i}`} tabIndex={-1}>
            Outcome {i + 1}: {o.text}
          </h2>
          <SelectField
            form={form}
            name={`scores.${i}.score`}
            label={`Progress on outcome ${i + 1}, from 0 to 10`}
            hint="Agreed with the family: 0 is no progress yet, 10 is fully achieved."
            items={SCORES}
          />
          <TextareaField form={form} name={`scores.${i}.comment`} label={`Comment on outcome ${i + 1} (optional)`} rows={2} />
          {o.actions.map((a) => (
            <SelectField
              key={a.id}
              form={form}
              name={`actions.${actionIndex.get(a.id)!}.status`}
              label={`Action: ${a.what} (due ${formatDate(a.due)})`}
              items={ACTION_STATUS.items}
            />
          ))}
        </section>
      ))}
      <h2 className="govuk-heading-m" id="review-next" tabIndex={-1}>
        The next review
      </h2>
      <DateField form={form} name="nextReviewOn" label="Date of the next review" hint={`Usually ${episode.reviewWeeks} weeks after this one.`} />
    </DraftFormPage>
  )
}
