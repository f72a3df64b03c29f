// Early-help episodes, case notes and the chronology: one definition for forms and core.
import { z } from 'zod'
import { CLOSURE_REASON, CONSENT_METHOD, HEADLINE, HEADLINE_OUTCOME, NOTE_TYPE } from '../codes'
import { dateField, idField, MULTI_LINE, notFuture, optionalCode, optionalText, requiredCode, requiredText, versionField, whenValid } from '../fields'
import { savedDraftKey } from '../drafts/schemas'
import { consentDateField } from '../consent/schemas'
import { MAX_PEOPLE_NAMED } from '../families/schemas'
import { teamMember } from './team'
import { assessmentRecord } from './assessment'
import { planRecord, reviewRecord } from './plan'
import { storedClosure } from './stored'

export const NEW_CONSENT = 'new'

export const openEpisodeInput = z
  .object({
    familyId: idField,
    openedOn: dateField('Date opened', notFuture('Date opened')),
    leadUserId: z.uuid({ error: 'Select the lead practitioner' }),
    reason: requiredText('Enter why early help is needed', 4000, 'Reason', MULTI_LINE),
    headlines: z
      .array(HEADLINE.schema)
      .min(1, { error: 'Select at least one headline the family needs help with' })
      .max(HEADLINE.items.length, { error: 'Select each headline once' }),
    /** The family's consent to early help: one already recorded, or NEW_CONSENT to record it now. */
    consentId: z.union([z.uuid(), z.literal(NEW_CONSENT)], { error: 'Select the family’s consent to early help' }),
    consentGivenById: z.preprocess((v) => (v === '' ? null : v), z.uuid().nullable()).default(null),
    consentMethod: optionalCode(CONSENT_METHOD.schema),
    consentGivenOn: z.preprocess((v) => (v === '' ? null : v), consentDateField.nullable()).default(null)
  })
  .superRefine(
    (v, ctx) => {
      if (v.consentId !== NEW_CONSENT) return
      if (!v.consentGivenById) ctx.addIssue({ code: 'custom', path: ['consentGivenById'], message: 'Select who gave consent' })
      if (!v.consentMethod) ctx.addIssue({ code: 'custom', path: ['consentMethod'], message: 'Select how consent was given' })
      if (!v.consentGivenOn) ctx.addIssue({ code: 'custom', path: ['consentGivenOn'], message: 'Enter the date consent was given' })
    },
    whenValid('consentId', 'consentGivenById', 'consentMethod', 'consentGivenOn')
  )

/** The closure as the screens read it: as stored, with who recorded and who approved it by name. */
export const episodeClosure = storedClosure.extend({ requestedBy: z.string(), approvedBy: z.string().nullable() })
export type EpisodeClosure = z.infer<typeof episodeClosure>

/** Where an episode is. 'closing': closure recorded and awaiting a manager's approval. */
export const episodeStatus = z.enum(['open', 'closing', 'closed'])

export const episodeSummary = z.object({
  id: idField,
  familyId: idField,
  status: episodeStatus,
  closedOn: z.string().nullable(),
  closure: episodeClosure.nullable(),
  openedOn: z.string(),
  leadUserId: idField,
  leadName: z.string(),
  reason: z.string(),
  headlines: z.array(z.string()),
  /** The consent to early help it was opened on (none for episodes opened before consent was asked for). */
  consentId: idField.nullable(),
  version: versionField
})
export type EpisodeSummary = z.infer<typeof episodeSummary>

/** An episode with its work: what the episode page shows and the plan prints from. */
export const episodeDetail = episodeSummary.extend({
  team: z.array(teamMember),
  assessment: assessmentRecord.nullable(),
  plan: planRecord.nullable(),
  reviews: z.array(reviewRecord),
  nextReviewOn: z.string().nullable(),
  /** The hub's weeks between reviews, for the review form's next date. */
  reviewWeeks: z.number().int(),
  reopenings: z.array(z.object({ at: z.string(), by: z.string(), reason: z.string() })),
  /** How many versions of the plan and of the assessment are kept (the current one among them, once kept). */
  versionsKept: z.object({ 'family-plan': z.number().int(), assessment: z.number().int() }),
  /** The step-up made when it closed as stepped up to children's social care, once made. */
  stepUpId: z.string().nullable()
})
export type EpisodeDetail = z.infer<typeof episodeDetail>

/** A family's closed episodes, for reading back and reopening. */
export const pastEpisode = z.object({ id: idField, openedOn: z.string(), closedOn: z.string().nullable(), version: versionField })

/** What reception may know of an episode: that it is open, since when, and who leads it. */
export const episodeNotice = episodeSummary.pick({ id: true, status: true, openedOn: true, leadName: true, version: true }).extend({
  /** The headlines are casework (domestic abuse, say): null for those who may not read early help. */
  headlines: z.array(z.string()).nullable()
})

export const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

export const addNoteInput = z.object({
  familyId: idField,
  occurredOn: dateField('Date of the contact', notFuture('Date of the contact')),
  occurredAt: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().regex(TIME, { error: 'Enter the time as hours and minutes, like 14:30' })),
  type: requiredCode(NOTE_TYPE.schema, 'Select the kind of contact'),
  peopleIds: z
    .array(idField)
    .max(MAX_PEOPLE_NAMED, { error: `Select up to ${MAX_PEOPLE_NAMED} people` })
    .default([]),
  text: requiredText('Enter the note', 20000, 'Note', MULTI_LINE),
  significant: z.boolean().default(false),
  draftKey: savedDraftKey
})

// The chronology's own schemas live in ./chronology; the entry's type is also read from here.
export type { ChronologyEntry } from './chronology'

export const leadChoices = z.object({ users: z.array(z.object({ id: idField, displayName: z.string() })) })

export const caseloadRow = z.object({
  episodeId: idField,
  familyId: idField,
  status: z.enum(['open', 'closing']),
  familyReference: z.string(),
  openedOn: z.string(),
  daysOpen: z.number().int(),
  leadUserId: idField,
  leadName: z.string(),
  /** The latest note's time as the clock in England showed it (YYYY-MM-DDTHH:MM); stored as the UTC instant. */
  lastContactAt: z.string().nullable(),
  notes: z.number().int(),
  nextReviewOn: z.string().nullable(),
  reviewOverdue: z.boolean(),
  /** The next review falls today or within DUE_SOON_DAYS. */
  reviewDueSoon: z.boolean(),
  /** Unfinished actions past their due date. */
  overdueActions: z.number().int(),
  /** Unfinished actions due today or within DUE_SOON_DAYS. */
  actionsDueSoon: z.number().int(),
  /** The family as staff read it (src/shared/families/familyName.ts): "Okafor family (RV-000001)". */
  familyName: z.string(),
  /** Whole days since the last contact, or since the episode opened when there has been none. */
  daysSinceContact: z.number().int(),
  /** Longer without contact than the hub's setting (contactGapDays). */
  longGap: z.boolean(),
  version: versionField
})
export type CaseloadRow = z.infer<typeof caseloadRow>
/** "Due soon": today or within this many days. */
export const DUE_SOON_DAYS = 7
export const caseloadOutput = z.object({
  episodes: z.array(caseloadRow),
  /** How many episodes match in all; the manager's list comes a page at a time. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The hub's setting: days without contact after which an episode is flagged. */
  contactGapDays: z.number().int()
})
export type CaseloadOutput = z.infer<typeof caseloadOutput>

/** What the manager's list sorts by, in its query (it comes a page at a time, so the order is the whole list's). */
export const CASELOAD_SORTS = ['family', 'opened', 'daysOpen', 'lastContact', 'nextReview', 'notes', 'lead'] as const
export type CaseloadSort = (typeof CASELOAD_SORTS)[number]

/** The manager's list of every open episode: a page at a time, by lead, only what is overdue, due soon or long without contact, in an order. */
export const allOpenInput = z.object({
  leadUserId: z.preprocess((v) => (v === '' ? null : v), z.uuid().nullable()).default(null),
  overdueOnly: z.boolean().default(false),
  dueSoonOnly: z.boolean().default(false),
  longGapOnly: z.boolean().default(false),
  sort: z.enum(CASELOAD_SORTS).default('opened'),
  desc: z.boolean().default(false),
  page: z.number().int().min(1).max(100_000).default(1)
})
export const CASELOAD_PAGE_SIZE = 50

export const reallocateInput = z.object({ id: idField, version: versionField, leadUserId: z.uuid({ error: 'Select the new lead practitioner' }) })

export const closeEpisodeInput = z
  .object({
    id: idField,
    version: versionField,
    closedOn: dateField('Date closed', notFuture('Date closed')),
    reason: requiredCode(CLOSURE_REASON.schema, 'Select why the episode is closing'),
    note: optionalText(4000, 'Note', MULTI_LINE),
    /**
     * The outcome for each headline the episode was opened for: keyed by headline code, so at most
     * one per headline (a partial record; the core checks every headline of the episode has one).
     */
    outcomes: z
      .partialRecord(
        HEADLINE.schema,
        z.preprocess((v) => (v === '' || v === null ? undefined : v), HEADLINE_OUTCOME.schema.optional())
      )
      .transform((o): Record<string, z.output<typeof HEADLINE_OUTCOME.schema> | undefined> => o),
    familyView: requiredText("Enter the family's view of the help they had", 4000, "The family's view", MULTI_LINE),
    /** Not after today; on or after the day the episode opened is the core's rule (it knows that day). */
    stepUpOn: z.preprocess((v) => (v === '' ? null : v), dateField('Date of the step-up', notFuture('Date of the step-up')).nullable()).default(null)
  })
  .superRefine(
    (v, ctx) => {
      if (v.reason === 'OTHER' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'Say why the episode is closing' })
      if (v.reason === 'STEPPED_UP' && !v.stepUpOn) ctx.addIssue({ code: 'custom', path: ['stepUpOn'], message: 'Enter the date of the step-up' })
    },
    whenValid('reason', 'note', 'stepUpOn')
  )

export const approveClosureInput = z.object({ id: idField, version: versionField })
export const reopenEpisodeInput = z.object({
  id: idField,
  version: versionField,
  reason: requiredText('Enter why the episode is being reopened', 2000, 'Reason', MULTI_LINE)
})
