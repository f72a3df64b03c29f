// Requests for help: logging one, the list, one request as each role may see it, screening it and
// telling the person who asked. One definition for the forms and the core.
import { z } from 'zod'
import { codeList } from '../codes'
import {
  dateField,
  emailField,
  endNotBeforeStart,
  idField,
  isoDateTime,
  MULTI_LINE,
  notFuture,
  recentPast,
  optionalDate,
  optionalName,
  optionalText,
  phoneField,
  requiredCode,
  requiredText,
  versionField,
  whenValid
} from '../fields'
import { MAX_PEOPLE_NAMED } from '../families/schemas'
import { openEpisodeInput, TIME } from '../earlyHelp/schemas'
import { CONTACT_METHOD, FAMILY_AWARENESS, REFERRAL_SOURCE, REQUEST_CHANNEL, REQUEST_STATUS, SCREENING_DECISION, URGENCY } from './codes'
import { stepUpDetails } from './stepUp'

/** A request for help whose source is this has no one to tell of the outcome. */
export const ANONYMOUS_SOURCE = '9'
/** A step-down from children's social care (their case closed with RC9) comes with their reference. */
export const STEP_DOWN_SOURCE = '5A'

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v)
const optionalId = (message: string) => z.preprocess(blankToNull, z.uuid({ error: message }).nullable()).default(null)

export const logRequestInput = z
  .object({
    familyId: idField,
    receivedOn: dateField('Date of the request', recentPast('Date of the request', 5)),
    /** Local time, hours and minutes: with the date, the instant the core keeps. */
    receivedTime: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim() : v),
      z.string({ error: 'Enter the time of the request' }).regex(TIME, { error: 'Enter the time as hours and minutes, like 14:30' })
    ),
    channel: requiredCode(REQUEST_CHANNEL.schema, 'Select how the request came'),
    /** Only an anonymous request (source 9) has no name. */
    referrerName: optionalName('Name of the person who asked'),
    referrerRole: optionalText(200, 'Their role'),
    /** Their agency from the directory, or typed (agency) when it is not there: one or the other. */
    organisationId: optionalId('Choose an agency from the directory'),
    agency: optionalText(200, 'Agency'),
    referrerPhone: phoneField,
    referrerEmail: emailField,
    source: requiredCode(REFERRAL_SOURCE.schema, 'Select where the request came from'),
    socialCareReference: optionalText(50, 'Social care reference'),
    childIds: z
      .array(idField)
      .min(1, { error: 'Select the children the request is about' })
      .max(MAX_PEOPLE_NAMED, { error: `Select up to ${MAX_PEOPLE_NAMED} children` }),
    reason: requiredText('Enter why they asked for help, in their words', 4000, 'Reason', MULTI_LINE),
    awareness: requiredCode(FAMILY_AWARENESS.schema, 'Select what the family knows of the request'),
    urgency: requiredCode(URGENCY.schema, 'Select how urgent it is')
  })
  .superRefine(
    (v, ctx) => {
      if (!v.referrerName && v.source !== ANONYMOUS_SOURCE)
        ctx.addIssue({ code: 'custom', path: ['referrerName'], message: 'Enter the name of the person who asked' })
      if (v.organisationId && v.agency) ctx.addIssue({ code: 'custom', path: ['agency'], message: 'Choose the agency from the directory or type it, not both' })
      if (v.source === STEP_DOWN_SOURCE && !v.socialCareReference)
        ctx.addIssue({ code: 'custom', path: ['socialCareReference'], message: 'Enter the social care reference of the case they closed' })
      if (v.source !== STEP_DOWN_SOURCE && v.socialCareReference)
        ctx.addIssue({
          code: 'custom',
          path: ['socialCareReference'],
          message: 'Only a step-down from children’s social care (source 5A) has a social care reference'
        })
    },
    whenValid('referrerName', 'organisationId', 'agency', 'source', 'socialCareReference')
  )
export type LogRequestInput = z.input<typeof logRequestInput>

/** What the list shows: each a filter of its own; received between two dates narrows any of them. */
export const REQUEST_VIEW = codeList([
  { code: 'all', label: 'All requests' },
  { code: 'waiting', label: 'Waiting for a decision' },
  { code: 'overdue', label: 'Waiting longer than the hub’s target' },
  { code: 'decided', label: 'Decided' },
  { code: 'notFedBack', label: 'Decided, the person who asked not yet told' }
] as const)

export const REQUESTS_PAGE_SIZE = 25

export const listRequestsInput = z
  .object({
    show: REQUEST_VIEW.schema.default('all'),
    receivedFrom: optionalDate('Start date'),
    receivedTo: optionalDate('End date'),
    page: z.number().int().min(1).max(100_000).default(1)
  })
  .superRefine(...endNotBeforeStart('receivedFrom', 'receivedTo'))

/** Working days from receipt to the decision (or to today while waiting), against the hub's target. */
const timing = {
  workingDays: z.number().int(),
  /** Past the target: still waiting, or decided late. */
  overdue: z.boolean()
}

export const requestRow = z.object({
  id: idField,
  familyId: idField,
  familyReference: z.string(),
  /** familyName: "Okafor family (RV-000001)"; "Family RV-000001" where the caller may not open a restricted family. */
  familyName: z.string(),
  /** A restricted family the user may not open: its reference and the request's progress only. */
  restricted: z.boolean(),
  receivedAt: z.string(),
  referrerName: z.string().nullable(),
  referrerAgency: z.string().nullable(),
  source: REFERRAL_SOURCE.schema.nullable(),
  urgency: URGENCY.schema.nullable(),
  status: REQUEST_STATUS.schema,
  decision: SCREENING_DECISION.schema.nullable(),
  decidedAt: z.string().nullable(),
  /** Decided, not anonymous, and the person who asked not yet told. */
  awaitingFeedback: z.boolean(),
  /** The person who asked has been told what was decided. */
  fedBack: z.boolean(),
  ...timing
})
export type RequestRow = z.infer<typeof requestRow>

export const listRequestsOutput = z.object({
  requests: z.array(requestRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The hub's target, in working days from receipt to decision. */
  targetDays: z.number().int()
})
export type ListRequestsOutput = z.infer<typeof listRequestsOutput>

const serviceNamed = z.object({ id: idField, name: z.string(), organisationName: z.string() })

/** One request. `details` is the casework (what was asked, why it was decided so): null for reception. */
export const requestRecord = z.object({
  id: idField,
  familyId: idField,
  familyReference: z.string(),
  /** familyName: "Okafor family (RV-000001)"; "Family RV-000001" where the caller may not open a restricted family. */
  familyName: z.string(),
  receivedAt: isoDateTime,
  channel: REQUEST_CHANNEL.schema,
  referrer: z.object({
    name: z.string().nullable(),
    role: z.string().nullable(),
    organisationId: idField.nullable(),
    /** The directory organisation's name, or the agency as typed. */
    agency: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable()
  }),
  source: REFERRAL_SOURCE.schema,
  children: z.array(z.object({ id: idField, name: z.string() })),
  urgency: URGENCY.schema,
  status: REQUEST_STATUS.schema,
  decision: SCREENING_DECISION.schema.nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  ...timing,
  targetDays: z.number().int(),
  feedback: z.object({ on: z.string(), method: CONTACT_METHOD.schema, by: z.string(), note: z.string().nullable() }).nullable(),
  /** Anonymous: no one to tell of the outcome. */
  anonymous: z.boolean(),
  loggedAt: z.string(),
  loggedBy: z.string(),
  details: z
    .object({
      reason: z.string(),
      awareness: FAMILY_AWARENESS.schema,
      socialCareReference: z.string().nullable(),
      declineReason: z.string().nullable(),
      service: serviceNamed.nullable(),
      familyTold: z.string().nullable(),
      episodeId: idField.nullable(),
      /** The step-up an escalation made. */
      stepUpId: idField.nullable()
    })
    .nullable(),
  version: versionField
})
export type RequestRecord = z.infer<typeof requestRecord>

/** The decisions screening can make, in the order the form offers them. */
export const SCREENING_CHOICES = SCREENING_DECISION.items

/**
 * A decision, with the answers of the one decided (the others are left out or null): accept opens
 * an early-help episode with the open-episode form's own fields, consent step and all; signpost
 * names an active service of the directory and what the family was told; decline says why;
 * escalate makes the step-up to children's social care (the concern, the children, the day) in the
 * same transaction as the decision.
 */
export const screenRequestInput = z
  .object({
    id: idField,
    version: versionField,
    decision: requiredCode(SCREENING_DECISION.schema, 'Select what you decided'),
    accept: z.preprocess(blankToNull, openEpisodeInput.nullable()).default(null),
    signpost: z
      .object({
        serviceId: z.uuid({ error: 'Choose the service the family was signposted to' }),
        familyTold: requiredText('Enter what the family was told', 2000, 'What the family was told', MULTI_LINE)
      })
      .nullable()
      .default(null),
    decline: z
      .object({ reason: requiredText('Enter why the request was declined', 2000, 'Reason', MULTI_LINE) })
      .nullable()
      .default(null),
    escalate: stepUpDetails.nullable().default(null)
  })
  .superRefine(
    (v, ctx) => {
      const missing = { ACCEPT: !v.accept, SIGNPOST: !v.signpost, DECLINE: !v.decline, ESCALATE: !v.escalate }[
        v.decision as z.infer<typeof SCREENING_DECISION.schema>
      ]
      if (missing) ctx.addIssue({ code: 'custom', path: ['decision'], message: 'Answer the questions of the decision you chose' })
    },
    whenValid('decision', 'accept', 'signpost', 'decline', 'escalate')
  )
export type ScreenRequestInput = z.output<typeof screenRequestInput>

export const recordFeedbackInput = z.object({
  id: idField,
  version: versionField,
  fedBackOn: dateField('Date they were told', notFuture('Date they were told')),
  method: requiredCode(CONTACT_METHOD.schema, 'Select how they were told'),
  note: optionalText(2000, 'Note', MULTI_LINE)
})
