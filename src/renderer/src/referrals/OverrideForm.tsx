// Sharing a referral without the family's consent: recorded on the draft, with the safeguarding
// reason and the lawful basis, before the referral is printed, saved or sent, because sharing never
// comes before its justification. The core refuses it where the family has agreed; it is shown
// behind a clear warning, and opened only by choice.
import { useState } from 'react'
import type { z } from 'zod'
import { LAWFUL_BASIS_6, LAWFUL_BASIS_9 } from '../../../shared/referrals/codes'
import { recordOverrideInput, type OutboundRecord } from '../../../shared/referrals/outbound'
import { invoke } from '../api'
import { navigate } from '../app/router'
import { useContractForm } from '../accounts/useContractForm'
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary'
import { RadiosField, TextareaField } from '../components/fields'
import { outboundHref } from './outboundRoutes'

interface Values {
  override: { reason: string; lawfulBasis6: string; lawfulBasis9: string }
}

export function OverrideForm({ referral }: { referral: OutboundRecord }) {
  const [open, setOpen] = useState(false)
  const { form, attempt, problem, errors, failed, refused } = useContractForm<Values, typeof recordOverrideInput>(
    recordOverrideInput,
    { override: { reason: '', lawfulBasis6: '', lawfulBasis9: '' } },
    (v) => ({ id: referral.id, version: referral.version, override: v.override })
  )
  const onValid = async (input: z.output<typeof recordOverrideInput>) => {
    const result = await invoke('referrals.recordOverride', input)
    if (!result.ok) return refused(result.error)
    navigate(outboundHref(referral.id, 'Recorded why the referral is shared without consent. It can now be printed, saved and sent.'))
  }
  return (
    <section aria-labelledby="override-heading">
      <h2 className="govuk-heading-m" id="override-heading">
        Sharing without consent
      </h2>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          Share without consent only where seeking it would put a child at risk or cannot reasonably be expected. This is recorded on the referral, on the audit
          trail and listed for the hub manager.
        </strong>
      </div>
      {open ? (
        <>
          {problem ? <ProblemBanner title="That has not been recorded" message={problem.message} /> : null}
          <ErrorSummary items={errors} focusKey={attempt} />
          <form noValidate onSubmit={form.handleSubmit(onValid, failed)}>
            <TextareaField form={form} name="override.reason" label="The safeguarding reason for sharing without consent" rows={4} />
            <RadiosField form={form} name="override.lawfulBasis6" label="Lawful basis (UK GDPR Article 6)" items={LAWFUL_BASIS_6.items} />
            <RadiosField
              form={form}
              name="override.lawfulBasis9"
              label="Condition for special category data (Article 9 and the Data Protection Act 2018)"
              items={LAWFUL_BASIS_9.items}
            />
            <button type="submit" className="govuk-button govuk-button--warning">
              Record why it is shared without consent
            </button>
          </form>
        </>
      ) : (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setOpen(true)}>
          Share without the family’s consent, for a safeguarding reason
        </button>
      )}
    </section>
  )
}
