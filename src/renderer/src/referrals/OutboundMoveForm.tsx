// Recording what happened to a referral: only the moves the shared transition table allows from where
// it is. Sending asks how it was sent; without the family's consent to share with the organisation
// it says so, links to recording that consent, and offers the override (a safeguarding reason with
// the lawful basis) behind a clear warning. The core decides either way.
import type { z } from 'zod'
import { CONTACT_METHOD, LAWFUL_BASIS_6, LAWFUL_BASIS_9 } from '../../../shared/referrals/codes'
import { moveOutboundInput, OUTBOUND_ACTION, REFERRAL_OUTCOME, type OutboundRecord } from '../../../shared/referrals/outbound'
import { formatDate } from '../../../shared/dates'
import { invoke } from '../api'
import { navigate } from '../app/router'
import { useContractForm } from '../accounts/useContractForm'
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary'
import { CheckboxField, RadiosField, TextareaField } from '../components/fields'
import { consentForHref, outboundHref } from './outboundRoutes'

interface Values {
  to: string
  method: string
  outcome: string
  reason: string
  withoutConsent: boolean
  override: { reason: string; lawfulBasis6: string; lawfulBasis9: string }
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
    override: v.to === 'sent' && v.withoutConsent ? v.override : null,
    outcome: v.to === 'completed' ? v.outcome || null : null,
    reason: REASON_LABEL[v.to] ? v.reason : null
  })
  const { form, attempt, problem, errors, failed, refused } = useContractForm<Values, typeof moveOutboundInput>(
    moveOutboundInput,
    {
      to: referral.next.length === 1 ? referral.next[0] : '',
      method: '',
      outcome: '',
      reason: '',
      withoutConsent: false,
      override: { reason: '', lawfulBasis6: '', lawfulBasis9: '' }
    },
    toInput
  )
  const to = form.watch('to')
  const withoutConsent = form.watch('withoutConsent')
  const hasConsent = Boolean(referral.consent.consentId)
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
            {hasConsent ? null : (
              <>
                <CheckboxField form={form} name="withoutConsent" label="Send without the family’s consent, for a safeguarding reason" />
                {withoutConsent ? (
                  <div className="govuk-inset-text">
                    <div className="govuk-warning-text">
                      <span className="govuk-warning-text__icon" aria-hidden="true">
                        !
                      </span>
                      <strong className="govuk-warning-text__text">
                        <span className="govuk-visually-hidden">Warning</span>
                        Share without consent only where seeking it would put a child at risk or cannot reasonably be expected. This is recorded on the
                        referral, on the audit trail and listed for the hub manager.
                      </strong>
                    </div>
                    <TextareaField form={form} name="override.reason" label="The safeguarding reason for sharing without consent" rows={4} />
                    <RadiosField form={form} name="override.lawfulBasis6" label="Lawful basis (UK GDPR Article 6)" items={LAWFUL_BASIS_6.items} />
                    <RadiosField
                      form={form}
                      name="override.lawfulBasis9"
                      label="Condition for special category data (Article 9 and the Data Protection Act 2018)"
                      items={LAWFUL_BASIS_9.items}
                    />
                  </div>
                ) : null}
              </>
            )}
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
