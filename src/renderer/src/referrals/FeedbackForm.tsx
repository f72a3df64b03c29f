// Telling the person who asked what happened to their request: when and how, with a note.
import type { z } from 'zod'
import { CONTACT_METHOD } from '../../../shared/referrals/codes'
import { datePartsToValue, isoToDateParts, todayIso, type DateParts } from '../../../shared/dates'
import { recordFeedbackInput, type RequestRecord } from '../../../shared/referrals/requests'
import { invoke } from '../api'
import { navigate, requestHref } from '../app/router'
import { useContractForm } from '../accounts/useContractForm'
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary'
import { DateField, RadiosField, TextareaField } from '../components/fields'

interface Values {
  fedBackOn: DateParts
  method: string
  note: string
}

export function FeedbackForm({ request }: { request: RequestRecord }) {
  const toInput = (v: Values) => ({ ...v, id: request.id, version: request.version, fedBackOn: datePartsToValue(v.fedBackOn) })
  const { form, attempt, problem, errors, failed, refused } = useContractForm<Values, typeof recordFeedbackInput>(
    recordFeedbackInput,
    { fedBackOn: isoToDateParts(todayIso()), method: '', note: '' },
    toInput
  )
  const who = request.referrer.name ?? 'the person who asked'
  const onValid = async (input: z.output<typeof recordFeedbackInput>) => {
    const result = await invoke('referrals.recordFeedback', input)
    if (!result.ok) return refused(result.error)
    navigate(requestHref(request.id, `Recorded that ${who} was told what was decided.`))
  }
  return (
    <section aria-labelledby="feedback-heading">
      <h2 className="govuk-heading-m" id="feedback-heading">
        Tell {who}
      </h2>
      <p className="govuk-body">
        Tell them what was decided
        {request.referrer.phone ? `: ${request.referrer.phone}` : ''}
        {request.referrer.email ? `${request.referrer.phone ? ' or' : ':'} ${request.referrer.email}` : ''}. Then record it here.
      </p>
      {problem ? <ProblemBanner title="That has not been recorded" message={problem.message} /> : null}
      <ErrorSummary items={errors} focusKey={attempt} />
      <form noValidate onSubmit={form.handleSubmit(onValid, failed)}>
        <DateField form={form} name="fedBackOn" label="Date they were told" />
        <RadiosField form={form} name="method" label="How they were told" items={CONTACT_METHOD.items} />
        <TextareaField form={form} name="note" label="Note (optional)" rows={3} />
        <button type="submit" className="govuk-button">
          Record that they were told
        </button>
      </form>
    </section>
  )
}
