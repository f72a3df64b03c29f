// Consent is recorded separately from registration: what was agreed, by whom, how and when.
import { z } from 'zod'
import { CONSENT_METHOD, CONSENT_SCOPE } from '../codes'
import { dateField, idField, isoDateTime, notFuture, optionalText, requiredCode, versionField, whenValid } from '../fields'

export const recordConsentInput = z
  .object({
    familyId: idField,
    /** The person who gave consent: a member of the family. */
    givenById: z.uuid({ error: 'Select who gave consent' }),
    scope: requiredCode(CONSENT_SCOPE.schema, 'Select what was agreed'),
    agency: optionalText(200, 'Agency'),
    method: requiredCode(CONSENT_METHOD.schema, 'Select how consent was given'),
    givenOn: dateField('Date consent was given', notFuture('Date consent was given'))
  })
  .superRefine(
    (v, ctx) => {
      if (v.scope === 'SHARING' && !v.agency) {
        ctx.addIssue({ code: 'custom', path: ['agency'], message: 'Enter the agency information may be shared with' })
      }
    },
    whenValid('scope', 'agency')
  )
export type RecordConsentInput = z.input<typeof recordConsentInput>

export const withdrawConsentInput = z.object({ id: idField, version: versionField })

export const consentRecord = z.object({
  id: idField,
  familyId: idField,
  givenById: idField,
  givenByName: z.string(),
  scope: CONSENT_SCOPE.schema,
  agency: z.string().nullable(),
  method: CONSENT_METHOD.schema,
  givenOn: z.string(),
  recordedBy: z.string(),
  recordedAt: isoDateTime,
  withdrawnOn: z.string().nullable(),
  version: versionField
})
export type ConsentRecord = z.infer<typeof consentRecord>
