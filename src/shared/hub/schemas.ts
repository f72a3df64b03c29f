import { z } from 'zod'
import { requiredCode, requiredText, versionField } from '../fields'
import { STEP_UP_SOURCE } from '../referrals/codes'

export const hubRecord = z.object({
  name: z.string(),
  code: z.string(),
  localAuthorityCode: z.string()
})

export const hubSettings = hubRecord.extend({
  idleLockMinutes: z.number().int(),
  closureNeedsApproval: z.boolean(),
  reviewWeeks: z.number().int(),
  requestDecisionDays: z.number().int(),
  referralAckDays: z.number().int(),
  stepUpSource: STEP_UP_SOURCE.schema,
  exportNoteText: z.boolean(),
  contactGapDays: z.number().int(),
  version: z.number().int()
})

/** Lists flag an open episode with no contact for longer than the hub's setting: 28 days unless changed. */
export const DEFAULT_CONTACT_GAP_DAYS = 28
const CONTACT_GAP_RANGE = 'Days without contact must be 7 to 180'

/** A hub code: the prefix of family references, and the start of every export package's name. */
export const HUB_CODE_PATTERN = /^[A-Z]{2,5}$/
/** A local authority code: DfE's three-digit local authority number. */
export const LOCAL_AUTHORITY_CODE_PATTERN = /^\d{3}$/

/** The authority's three-digit code (DfE's local authority number), given at set-up and changed by an administrator. */
export const localAuthorityCodeField = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : v),
  z
    .string({ error: 'Enter the local authority code' })
    .min(1, { error: 'Enter the local authority code', abort: true })
    .regex(LOCAL_AUTHORITY_CODE_PATTERN, { error: 'Local authority code must be 3 digits, like 330' })
)

function workingDaysField(range: string, max: number) {
  return z.coerce
    .number({ error: 'Enter a number of working days' })
    .int({ error: 'Enter a whole number of working days' })
    .min(1, { error: range })
    .max(max, { error: range })
}

/** What an administrator can change. The hub code is fixed at set-up: it is in every reference. */
export const updateHubInput = z.object({
  version: versionField,
  name: requiredText('Enter the hub name', 200, 'Hub name'),
  localAuthorityCode: localAuthorityCodeField,
  idleLockMinutes: z.coerce
    .number({ error: 'Enter a number of minutes' })
    .int({ error: 'Enter a whole number of minutes' })
    .min(1, { error: 'The screen must lock after 1 to 60 minutes' })
    .max(60, { error: 'The screen must lock after 1 to 60 minutes' }),
  /** Whether a practitioner's closure of an episode waits for a manager's approval. */
  closureNeedsApproval: z.boolean(),
  reviewWeeks: z.coerce
    .number({ error: 'Enter a number of weeks' })
    .int({ error: 'Enter a whole number of weeks' })
    .min(1, { error: 'Reviews must be 1 to 26 weeks apart' })
    .max(26, { error: 'Reviews must be 1 to 26 weeks apart' }),
  /** The hub's target for deciding a request for help, in working days from its receipt. */
  requestDecisionDays: workingDaysField('Requests must be decided within 1 to 10 working days', 10),
  /** How long a referral on may wait for the service to acknowledge it, in working days. */
  referralAckDays: workingDaysField('Referrals must be acknowledged within 1 to 20 working days', 20),
  /** How the authority codes the hub's step-ups to children's social care. */
  stepUpSource: requiredCode(STEP_UP_SOURCE.schema, 'Select how the authority codes the hub’s step-ups'),
  /** Whether the export to the authority carries case notes' text, not only when and what kind each was. */
  exportNoteText: z.boolean(),
  /** Days without a contact after which an open episode is flagged in the caseload lists. */
  contactGapDays: z.preprocess(
    // Left blank is "enter a number", not a number out of range (a plain coercion would read it as 0).
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v),
    z
      .number({ error: 'Enter a number of days' })
      .int({ error: 'Enter a whole number of days' })
      .min(7, { error: CONTACT_GAP_RANGE })
      .max(180, { error: CONTACT_GAP_RANGE })
  )
})
export type HubRecord = z.infer<typeof hubRecord>

export const hubCodeField = z.string().trim().toUpperCase().regex(HUB_CODE_PATTERN, { error: 'Hub code must be 2 to 5 letters' })
