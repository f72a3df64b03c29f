// Referrals on to a service in the directory: THE state machine (one transition table, read by the
// core to refuse a move and by the screens to offer only the moves it allows), the inputs that
// create and move a referral, and what a referral looks like to those who may read it.
import { z } from 'zod'
import { codeList } from '../codes'
import { idField, isoDateTime, MULTI_LINE, requiredCode, requiredText, versionField, whenValid } from '../fields'
import { MAX_PEOPLE_NAMED } from '../families/schemas'
import { CONTACT_METHOD, LAWFUL_BASIS_6, LAWFUL_BASIS_9 } from './codes'

export const OUTBOUND_STATUS = codeList([
  { code: 'draft', label: 'Draft' },
  { code: 'sent', label: 'Sent' },
  { code: 'acknowledged', label: 'Acknowledged' },
  { code: 'accepted', label: 'Accepted' },
  { code: 'declined', label: 'Declined' },
  { code: 'completed', label: 'Completed' },
  { code: 'withdrawn', label: 'Withdrawn' }
] as const)
export type OutboundStatus = z.infer<typeof OUTBOUND_STATUS.schema>

/** Where a referral may go from each status. Declined, completed and withdrawn are final. */
export const OUTBOUND_TRANSITIONS: Readonly<Record<OutboundStatus, readonly OutboundStatus[]>> = {
  draft: ['sent', 'withdrawn'],
  sent: ['acknowledged', 'withdrawn'],
  acknowledged: ['accepted', 'declined', 'withdrawn'],
  accepted: ['completed'],
  declined: [],
  completed: [],
  withdrawn: []
}

/** The statuses a move may go to (draft is only ever where a referral starts). */
export const OUTBOUND_TARGET = OUTBOUND_STATUS.schema.exclude(['draft'])
export type OutboundTarget = z.infer<typeof OUTBOUND_TARGET>

export const canMove = (from: OutboundStatus, to: OutboundStatus): boolean => OUTBOUND_TRANSITIONS[from].includes(to)
export const isFinal = (status: OutboundStatus): boolean => OUTBOUND_TRANSITIONS[status].length === 0

/** How each move is offered on the referral's page: the button and what it records. */
export const OUTBOUND_ACTION: Readonly<Record<OutboundTarget, string>> = {
  sent: 'Record that it was sent',
  acknowledged: 'Record that they acknowledged it',
  accepted: 'Record that they accepted it',
  declined: 'Record that they declined it',
  completed: 'Record the outcome',
  withdrawn: 'Withdraw the referral'
}

export const REFERRAL_OUTCOME = codeList([
  { code: 'successful', label: 'Successful' },
  { code: 'unsuccessful', label: 'Not successful' }
] as const)
export type Outcome = z.infer<typeof REFERRAL_OUTCOME.schema>

/** What the hub may share with the service: the user ticks these, and the print shows only those ticked. */
export const SHARED_PART = codeList([
  { code: 'identifiers', label: 'Identifiers (dates of birth, NHS numbers and UPNs; names are on every referral)' },
  { code: 'address', label: 'Address and contact details' },
  { code: 'plan', label: 'The family plan' },
  { code: 'assessment', label: 'The assessment summary' }
] as const)
export type SharedPart = z.infer<typeof SHARED_PART.schema>

export const MAX_REASON = 4000
const reasonText = (missing: string, label: string) => requiredText(missing, 2000, label, MULTI_LINE)

export const createOutboundInput = z.object({
  familyId: idField,
  /** From an episode's page; or requestId, from screening a request. */
  episodeId: idField.nullable().default(null),
  requestId: idField.nullable().default(null),
  serviceId: z.uuid({ error: 'Choose the service to refer the family to' }),
  reason: requiredText('Enter why the family is being referred', MAX_REASON, 'Reason', MULTI_LINE),
  personIds: z
    .array(idField)
    .min(1, { error: 'Select the people the referral is about' })
    .max(MAX_PEOPLE_NAMED, { error: `Select up to ${MAX_PEOPLE_NAMED} people` }),
  shared: z.array(SHARED_PART.schema).min(1, { error: 'Select what will be shared with the service' }).max(SHARED_PART.items.length)
})
export type CreateOutboundInput = z.input<typeof createOutboundInput>

/**
 * Sharing without the family's consent: why it is justified (a safeguarding reason, as Working
 * Together allows) and the lawful basis, Article 6 and the Article 9 condition.
 */
export const overrideInput = z.object({
  reason: reasonText('Enter the safeguarding reason for sharing without consent', 'Safeguarding reason'),
  lawfulBasis6: requiredCode(LAWFUL_BASIS_6.schema, 'Select the lawful basis (Article 6)'),
  lawfulBasis9: requiredCode(LAWFUL_BASIS_9.schema, 'Select the condition for special category data (Article 9)')
})

/**
 * Recording, on a draft, why it is shared without consent: before it is printed or saved as the PDF
 * that goes, so that sharing never comes before its justification.
 */
export const recordOverrideInput = z.object({ id: idField, version: versionField, override: overrideInput })

/**
 * One move of the state machine, with the details of the status it goes to (the others are left out
 * or null): sent says how (and, without consent, the override); declined, completed and withdrawn say
 * why; completed says whether it worked.
 */
export const moveOutboundInput = z
  .object({
    id: idField,
    version: versionField,
    to: requiredCode(OUTBOUND_TARGET, 'Select what happened'),
    method: CONTACT_METHOD.schema.nullable().default(null),
    override: overrideInput.nullable().default(null),
    outcome: REFERRAL_OUTCOME.schema.nullable().default(null),
    reason: z.preprocess((v) => (v === '' ? null : v), reasonText('Enter the reason', 'Reason').nullable()).default(null)
  })
  .superRefine(
    (v, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
      if (v.to === 'sent' && !v.method) issue('method', 'Select how the referral was sent')
      if (v.to !== 'sent' && (v.method || v.override)) issue('to', 'Only sending says how it was sent, or why without consent')
      if (v.to === 'completed' && !v.outcome) issue('outcome', 'Select whether the referral was successful')
      if (v.to !== 'completed' && v.outcome) issue('outcome', 'Only a completed referral has an outcome')
      const why = {
        declined: 'Enter why the service declined the referral',
        completed: 'Enter the reason for the outcome',
        withdrawn: 'Enter why the referral is withdrawn'
      }
      const needsReason = why[v.to as keyof typeof why]
      if (needsReason && !v.reason) issue('reason', needsReason)
      if (!needsReason && v.reason) issue('reason', 'Only declining, completing or withdrawing a referral has a reason')
    },
    whenValid('to', 'method', 'override', 'outcome', 'reason')
  )
export type MoveOutboundInput = z.input<typeof moveOutboundInput>

export const OUTBOUND_PAGE_SIZE = 25

export const listOutboundInput = z
  .object({
    familyId: idField.nullable().default(null),
    episodeId: idField.nullable().default(null),
    page: z.number().int().min(1).max(100_000).default(1)
  })
  .refine((v) => Boolean(v.familyId) !== Boolean(v.episodeId), { error: 'Give a family or an episode' })

/** Working days since sending, while a referral waits for its acknowledgement, against the hub's target. */
const ackTiming = {
  /** Null once acknowledged, or before sending. */
  waitingDays: z.number().int().nullable(),
  overdue: z.boolean()
}

export const outboundRow = z.object({
  id: idField,
  familyId: idField,
  episodeId: idField.nullable(),
  serviceName: z.string(),
  organisationName: z.string(),
  status: OUTBOUND_STATUS.schema,
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** Sent without consent, on a recorded override. */
  overridden: z.boolean(),
  ...ackTiming
})
export type OutboundRowView = z.infer<typeof outboundRow>

export const listOutboundOutput = z.object({
  referrals: z.array(outboundRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  targetDays: z.number().int()
})

const step = z.object({ at: z.string(), by: z.string() }).nullable()

/** The consent that would let it be sent (or that it was sent on), as the gate sees it. */
export const consentGate = z.object({
  /** A consent to share with the organisation, not withdrawn. */
  consentId: idField.nullable(),
  givenOn: z.string().nullable(),
  givenBy: z.string().nullable(),
  /** A consent to this organisation that was withdrawn, when there is no other. */
  withdrawnOn: z.string().nullable()
})

export const outboundRecord = z.object({
  id: idField,
  familyId: idField,
  familyReference: z.string(),
  /** familyName: "Okafor family (RV-000001)"; "Family RV-000001" where the caller may not open a restricted family. */
  familyName: z.string(),
  episodeId: idField.nullable(),
  requestId: idField.nullable(),
  service: z.object({ id: idField, name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }),
  organisation: z.object({ id: idField, name: z.string() }),
  reason: z.string(),
  people: z.array(z.object({ id: idField, name: z.string() })),
  shared: z.array(SHARED_PART.schema),
  status: OUTBOUND_STATUS.schema,
  /** The moves the transition table allows from here. */
  next: z.array(OUTBOUND_TARGET),
  created: step,
  sent: z.object({ at: z.string(), by: z.string(), method: CONTACT_METHOD.schema }).nullable(),
  acknowledged: step,
  responded: step,
  declineReason: z.string().nullable(),
  completed: step,
  outcome: REFERRAL_OUTCOME.schema.nullable(),
  outcomeReason: z.string().nullable(),
  withdrawn: step,
  withdrawnReason: z.string().nullable(),
  /** The consent relied on, once sent; before, the one that would be. */
  consent: consentGate,
  override: z
    .object({ reason: z.string(), lawfulBasis6: LAWFUL_BASIS_6.schema, lawfulBasis9: LAWFUL_BASIS_9.schema, at: z.string(), by: z.string() })
    .nullable(),
  ...ackTiming,
  targetDays: z.number().int(),
  version: versionField
})
export type OutboundRecord = z.infer<typeof outboundRecord>

/** The managers' list: referrals sent without consent, newest first. */
export const listOverridesInput = z.object({ page: z.number().int().min(1).max(100_000).default(1) })
export const overrideRow = z.object({
  id: idField,
  familyId: idField,
  familyReference: z.string(),
  /** familyName: "Okafor family (RV-000001)"; "Family RV-000001" where the caller may not open a restricted family. */
  familyName: z.string(),
  serviceName: z.string(),
  organisationName: z.string(),
  status: OUTBOUND_STATUS.schema,
  reason: z.string(),
  lawfulBasis6: LAWFUL_BASIS_6.schema,
  lawfulBasis9: LAWFUL_BASIS_9.schema,
  at: isoDateTime,
  by: z.string()
})
export const listOverridesOutput = z.object({
  overrides: z.array(overrideRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int()
})

/** The referral as it is printed for the service: only the parts the user ticked are filled in. */
export const outboundPrint = z.object({
  referral: outboundRecord,
  hubName: z.string(),
  identifiers: z
    .array(
      z.object({
        name: z.string(),
        dateOfBirth: z.string().nullable(),
        expectedDate: z.string().nullable(),
        nhsNumber: z.string().nullable(),
        upn: z.string().nullable()
      })
    )
    .nullable(),
  address: z.object({ lines: z.array(z.string()), postcode: z.string(), phone: z.string().nullable(), email: z.string().nullable() }).nullable(),
  /** Null when not ticked; an empty list when ticked and there is no plan. */
  plan: z
    .object({
      agreedOn: z.string().nullable(),
      outcomes: z.array(z.object({ text: z.string(), headline: z.string(), actions: z.array(z.object({ what: z.string(), due: z.string() })) }))
    })
    .nullable(),
  assessment: z
    .object({
      completedOn: z.string().nullable(),
      /** The Supporting Families headlines it found, each with its evidence. */
      headlines: z.array(z.object({ headline: z.string(), evidence: z.string().nullable() })),
      familyVoice: z.string().nullable()
    })
    .nullable()
})
export type OutboundPrint = z.infer<typeof outboundPrint>

export const saveOutboundPdfInput = z.object({
  id: idField,
  fileName: z.string().regex(/^[\w ,.()-]{1,120}\.pdf$/, { error: 'The file name can only use letters, numbers, spaces and - _ , . ( )' })
})
