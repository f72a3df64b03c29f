import type { z } from 'zod'
import { closeEpisodeInput } from '../../../shared/earlyHelp/schemas'
import { CLOSURE_REASON, HEADLINE, HEADLINE_OUTCOME } from '../../../shared/codes'
import { datePartsToValue, EMPTY_DATE_PARTS, isoToDateParts, todayIso, type DateParts } from '../../../shared/dates'
import { invoke } from '../api'
import { familyHref, navigate } from '../app/router'
import { newStepUpHref } from '../referrals/stepUpRoutes'
import { useContractForm } from '../accounts/useContractForm'
import { Loading, Page } from '../components/Page'
import { DateField, RadiosField, TextareaField } from '../components/fields'
import { FamilyFormPage } from '../families/FamilyFormPage'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { useFamily } from '../families/useFamily'

interface Values {
  closedOn: DateParts
  reason: string
  note: string
  stepUpOn: DateParts
  outcomes: Record<string, string>
  familyView: string
}

/** Closing the family's episode: why, what came of each headline, and what the family thinks. */
export function CloseEpisodePage({ id }: { id: string }) {
  const { view, error } = useFamily(id)
  const episode = view?.openEpisode
  const toInput = (v: Values) => ({
    ...v,
    id: episode?.id,
    version: episode?.version,
    closedOn: datePartsToValue(v.closedOn),
    // Only a step-up has a date of the step-up: one typed before the reason changed is not sent.
    stepUpOn: v.reason === 'STEPPED_UP' ? (datePartsToValue(v.stepUpOn) ?? null) : null
  })
  const { form, attempt, problem, errors, failed, refused } = useContractForm<Values, typeof closeEpisodeInput>(
    closeEpisodeInput,
    { closedOn: isoToDateParts(todayIso()), reason: '', note: '', stepUpOn: { ...EMPTY_DATE_PARTS }, outcomes: {}, familyView: '' },
    toInput
  )
  const reason = form.watch('reason')
  if (error) return <FamilyNotFound error={error} />
  if (!view) return <Loading />
  if (!episode || episode.status !== 'open')
    return (
      <Page title="No open episode">
        <p className="govuk-body">
          <a className="govuk-link" href={familyHref(id)}>
            Back to the family
          </a>
        </p>
      </Page>
    )
  const onValid = async (input: z.output<typeof closeEpisodeInput>) => {
    const result = await invoke('episodes.close', input)
    // Closed as a step-up, the referral itself is the next thing to do: its form follows at once.
    if (result.ok) navigate(input.reason === 'STEPPED_UP' ? newStepUpHref(id, input.id) : familyHref(id, 'The episode’s closure has been recorded.'))
    else refused(result.error)
  }
  return (
    <FamilyFormPage
      family={view.family}
      members={view.members.length}
      title="Close the early-help episode"
      problemTitle="The episode has not been closed"
      problem={problem}
      errors={errors}
      attempt={attempt}
      onSubmit={form.handleSubmit(onValid, failed)}
      submitLabel="Close the episode"
      backHref={familyHref(id)}
      backLabel="Cancel"
    >
      <DateField form={form} name="closedOn" label="Date closed" />
      <RadiosField form={form} name="reason" label="Why the episode is closing" items={CLOSURE_REASON.items} />
      {reason === 'STEPPED_UP' ? <DateField form={form} name="stepUpOn" label="Date of the step-up" /> : null}
      <TextareaField form={form} name="note" label={reason === 'OTHER' ? 'Why it is closing' : 'Anything to add (optional)'} rows={3} />
      {(episode.headlines ?? []).map((h) => (
        <RadiosField key={h} form={form} name={`outcomes.${h}` as never} label={`Outcome: ${HEADLINE.label(h)}`} items={HEADLINE_OUTCOME.items} inline />
      ))}
      <TextareaField form={form} name="familyView" label="The family's view of the help they had" hint="In their own words where you can." rows={4} />
    </FamilyFormPage>
  )
}
