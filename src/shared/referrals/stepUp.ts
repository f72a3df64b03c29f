// Step-ups to children's social care: made from screening (escalation) or from an episode closed as
// stepped up, the manager's list, one step-up with its acknowledgement, and its documents (the
// referral as a PDF, and per child the Children in Need census file). One definition for the forms
// and the core.
import { z } from 'zod'
import { codeList, DISABILITY, ETHNICITY, MEMBER_KIND, SEX } from '../codes'
import { dateField, idField, MULTI_LINE, notFuture, optionalCode, requiredText, versionField } from '../fields'
import { MAX_PEOPLE_NAMED } from '../families/schemas'
import { REFERRAL_SOURCE, STEP_UP_SOURCE, UPN_UNKNOWN } from './codes'

/** What every step-up says, wherever it is made: the concern, the children, the day. */
export const stepUpDetails = z.object({
  concern: requiredText('Enter the concern for the children', 4000, 'The concern', MULTI_LINE),
  childIds: z
    .array(idField)
    .min(1, { error: 'Select the children the step-up is about' })
    .max(MAX_PEOPLE_NAMED, { error: `Select up to ${MAX_PEOPLE_NAMED} children` }),
  steppedUpOn: dateField('Date of the step-up', notFuture('Date of the step-up'))
})
export type StepUpDetails = z.output<typeof stepUpDetails>

/** A step-up from an episode closed (or closing) as "stepped up to children's social care". */
export const stepUpFromEpisodeInput = stepUpDetails.extend({ episodeId: idField })

export const STEP_UP_VIEW = codeList([
  { code: 'all', label: 'All step-ups' },
  { code: 'waiting', label: 'Not yet acknowledged by children’s social care' },
  { code: 'acknowledged', label: 'Acknowledged' }
] as const)

export const STEP_UPS_PAGE_SIZE = 25

export const listStepUpsInput = z.object({
  show: STEP_UP_VIEW.schema.default('all'),
  page: z.number().int().min(1).max(100_000).default(1)
})

const acknowledgement = z.object({ on: z.string(), reference: z.string(), by: z.string() })

export const stepUpRow = z.object({
  id: idField,
  familyId: idField,
  familyReference: z.string(),
  /** familyName: "Okafor family (RV-000001)"; "Family RV-000001" where the caller may not open a restricted family. */
  familyName: z.string(),
  /** A restricted family the manager may not open: its reference and the step-up's progress only. */
  restricted: z.boolean(),
  steppedUpOn: z.string(),
  from: z.enum(['request', 'episode']),
  referralSource: STEP_UP_SOURCE.schema,
  madeBy: z.string(),
  acknowledgement: acknowledgement.nullable()
})
export type StepUpRow = z.infer<typeof stepUpRow>

export const listStepUpsOutput = z.object({
  stepUps: z.array(stepUpRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int()
})
export type ListStepUpsOutput = z.infer<typeof listStepUpsOutput>

/** A child of a step-up as its census file will describe them, and what the file still lacks. */
export const stepUpChild = z.object({
  id: idField,
  name: z.string(),
  kind: MEMBER_KIND.schema,
  dateOfBirth: z.string().nullable(),
  expectedDate: z.string().nullable(),
  sex: SEX.schema.nullable(),
  ethnicity: ETHNICITY.schema.nullable(),
  upn: z.string().nullable(),
  disabilities: z.array(DISABILITY.schema),
  /** What must be recorded before the census file can be made (beyond why a missing UPN is not known). */
  missing: z.array(z.string())
})
export type StepUpChild = z.infer<typeof stepUpChild>

export const stepUpRecord = z.object({
  id: idField,
  familyId: idField,
  familyReference: z.string(),
  /** familyName: "Okafor family (RV-000001)"; "Family RV-000001" where the caller may not open a restricted family. */
  familyName: z.string(),
  hubName: z.string(),
  concern: z.string(),
  steppedUpOn: z.string(),
  referralSource: STEP_UP_SOURCE.schema,
  madeBy: z.string(),
  madeAt: z.string(),
  children: z.array(stepUpChild),
  /** Escalated from screening: who asked and when, and who screened it. */
  request: z
    .object({
      id: idField,
      receivedAt: z.string(),
      referrer: z.string(),
      source: REFERRAL_SOURCE.schema,
      reason: z.string(),
      decidedBy: z.string()
    })
    .nullable(),
  /** Stepped up from an early-help episode: what the hub did. */
  episode: z.object({ id: idField, openedOn: z.string(), closedOn: z.string().nullable(), leadName: z.string(), reason: z.string() }).nullable(),
  acknowledgement: acknowledgement.nullable(),
  version: versionField
})
export type StepUpRecord = z.infer<typeof stepUpRecord>

export const acknowledgeStepUpInput = z.object({
  id: idField,
  version: versionField,
  acknowledgedOn: dateField('Date social care acknowledged it', notFuture('Date social care acknowledged it')),
  socialCareReference: requiredText('Enter social care’s reference', 50, 'Social care’s reference')
})

const fileName = (extension: string) =>
  z.string().regex(new RegExp(`^[\\w ,.()-]{1,120}\\.${extension}$`), { error: 'The file name can only use letters, numbers, spaces and - _ , . ( )' })

/** Saving the printed referral as a PDF file: the name offered in the save dialogue. */
export const saveStepUpPdfInput = z.object({ id: idField, fileName: fileName('pdf') })

/** Writing one child's census file; a child without a UPN needs the census's reason it is not known. */
export const saveCinFileInput = z.object({
  id: idField,
  personId: idField,
  upnUnknown: optionalCode(UPN_UNKNOWN.schema),
  fileName: fileName('xml')
})
export const savedFile = z.object({ saved: z.boolean(), path: z.string().nullable() })
