// Recording what happened to a referral: only the moves the shared transition table allows from where
// it is. Sending asks how it was sent; without the family's consent to share with the organisation
// it says so and links to recording that consent; sharing without it is recorded on the draft first
// (OverrideForm), before the referral is printed. The core decides either way.
import type { z } from 'zod'
import { CONTACT_METHOD } from '../../../shared/referrals/codes'
import { moveOutboundInput, OUTBOUND_ACTION, REFERRAL_OUTCOME, type OutboundRecord } from '../../../shared/referrals/outbound'
import { formatDate } from '../../../shared/dates'
import { invoke } from '../api'
import { navigate } from '../app/router'
import { useContractForm } from '../accounts/useContractForm'
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary'
import { RadiosField, TextareaField } from '../components/fields'
import { consentForHref, outboundHref } from './outboundRoutes'

interface Values {
  to: string
  method: string
  outcome: string
  reason: string
}

const REASON_LABEL: Record<string, string> = {
  declined: 'Why the service declined it',
  completed: 'Why it was or was not successful',
  withdrawn: 'Why the referral is withdrawn'
}

const DONE: Record<string, string> = {
  sent: 'Recorded that the referral was sent.',
  acknowledged: 'Recorded that the service acknowledged the referral.',
  accepted: 'Recorded that the service accepted the referral.',
  declined: 'Recorded that the service declined the referral.',
  completed: 'Recorded the referral’s outcome.',
  withdrawn: 'The referral has been withdrawn.'
}

export function OutboundMoveForm({ referral }: { referral: OutboundRecord }) {
  const toInput = (v: Values) => ({
    id: referral.id,
    version: referral.version,
    to: v.to,
    method: v.to === 'sent' ? v.method || null : null,
    outcome: v.to === 'completed' ? v.outcome || null : null,
    reason: REASON_LABEL[v.to] ? v.reason : null
  })
  const { form, attempt, problem, errors, failed, refused } = useContractForm<Values, typeof moveOutboundInput>(
    moveOutboundInput,
    {
      to: referral.next.length === 1 ? referral.next[0] : '',
      method: '',
      outcome: '',
      reason: ''
    },
    toInput
  )
  const to = form.watch('to')
  const onValid = async (input: z.output<typeof moveOutboundInput>) => {
    const result = await invoke('referrals.moveOutbound', input)
    if (!result.ok) return refused(result.error)
    navigate(outboundHref(referral.id, DONE[input.to]))
  }
  const actions = referral.next.map((code) => ({ code, label: OUTBOUND_ACTION[code] }))
  return (
    <section aria-labelledby="move-heading">
      <h2 className="govuk-heading-m" id="move-heading">
        What happened next
      </h2>
      {problem ? <ProblemBanner title="That has not been recorded" message={problem.message} /> : null}
      <ErrorSummary items={errors} focusKey={attempt} />
      <form noValidate onSubmit={form.handleSubmit(onValid, failed)}>
        <RadiosField form={form} name="to" label="What to record" items={actions} />
        {to === 'sent' ? (
          <>
            <ConsentGate referral={referral} />
            <RadiosField form={form} name="method" label="How it was sent" hint="Send the saved PDF by the hub’s secure email." items={CONTACT_METHOD.items} />
          </>
        ) : null}
        {to === 'completed' ? <RadiosField form={form} name="outcome" label="Outcome" items={REFERRAL_OUTCOME.items} inline /> : null}
        {REASON_LABEL[to] ? <TextareaField form={form} name="reason" label={REASON_LABEL[to]} rows={4} /> : null}
        <button type="submit" className={`govuk-button${to === 'withdrawn' ? ' govuk-button--warning' : ''}`}>
          {to ? OUTBOUND_ACTION[to as keyof typeof OUTBOUND_ACTION] : 'Record it'}
        </button>
      </form>
    </section>
  )
}

/** Whether the family has agreed to share with the organisation; if not, where to record it. */
export function ConsentGate({ referral }: { referral: OutboundRecord }) {
  const { consent, organisation } = referral
  if (referral.override)
    return (
      <div className="govuk-inset-text" id="consent">
        Shared without the family’s consent, for the safeguarding reason recorded by {referral.override.by}.
      </div>
    )
  if (consent.consentId)
    return (
      <div className="govuk-inset-text" id="consent">
        {consent.givenBy} agreed to share information with {organisation.name}
        {consent.givenOn ? ` on ${formatDate(consent.givenOn)}` : ''}.
      </div>
    )
  return (
    <div className="govuk-error-summary" id="consent" tabIndex={-1}>
      <h3 className="govuk-error-summary__title">The family has not agreed to share information with {organisation.name}</h3>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">
          {consent.withdrawnOn ? `They withdrew their consent on ${formatDate(consent.withdrawnOn)}. ` : ''}
          The referral cannot be sent until their consent to share with {organisation.name} is recorded, or you record why sharing without consent is justified.
        </p>
        <p className="govuk-body">
          <a className="govuk-link" href={consentForHref(referral.familyId, organisation, referral.id)}>
            Record the family’s consent to share with {organisation.name}
          </a>
        </p>
      </div>
    </div>
  )
}
