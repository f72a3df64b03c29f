// The family plan and its reviews. Outcomes say what will be different and for whom, each tied to a
// headline and to the people it concerns; actions under them say what, who and by when. Outcome and
// action ids are made when they are first written, so progress can be followed across reviews.
import { z } from 'zod'
import { ACTION_STATUS, HEADLINE } from '../codes'
import { dateField, idField, MULTI_LINE, notFuture, optionalText, requiredCode, requiredText, versionField, whenValid } from '../fields'
import { participantKey } from './team'
import { savedDraftKey } from '../drafts/schemas'
import { MAX_PEOPLE_NAMED } from '../families/schemas'
import { addDays } from '../dates'
import { storedOutcome } from './stored'

/** Actions still to do: they count towards what is overdue. */
export const isUnfinished = (status: string) => status === 'NOT_STARTED' || status === 'IN_PROGRESS'

/** When the next review falls: the hub's interval after the plan was agreed or the last review. */
export const nextReviewAfter = (iso: string, weeks: number) => addDays(iso, weeks * 7)

/** A plan's size: far more than a family can work on at once, and a bound on what a save carries. */
export const MAX_OUTCOMES = 20
export const MAX_ACTIONS_PER_OUTCOME = 20

export const planAction = z.object({
  id: idField,
  what: requiredText('Enter what will be done', 1000, 'Action', MULTI_LINE),
  owner: requiredCode(participantKey, 'Select who will do it'),
  due: dateField('Due date'),
  status: requiredCode(ACTION_STATUS.schema, 'Select where this action has got to')
})
export type PlanAction = z.infer<typeof planAction>

export const planOutcome = z.object({
  id: idField,
  text: requiredText('Enter what will be different, and for whom', 2000, 'Outcome', MULTI_LINE),
  headline: requiredCode(HEADLINE.schema, 'Select the headline this outcome is for'),
  peopleIds: z
    .array(idField)
    .min(1, { error: 'Select who this outcome is for' })
    .max(MAX_PEOPLE_NAMED, { error: `Select up to ${MAX_PEOPLE_NAMED} people` }),
  actions: z
    .array(planAction)
    .min(1, { error: 'Add at least one action for this outcome' })
    .max(MAX_ACTIONS_PER_OUTCOME, { error: `An outcome can have up to ${MAX_ACTIONS_PER_OUTCOME} actions` })
})
export type PlanOutcome = z.infer<typeof planOutcome>

export const savePlanInput = z.object({
  episodeId: idField,
  /** null for the first save; after that, the version that was read. */
  version: versionField.nullable().default(null),
  agreedOn: dateField('Date the plan was agreed', notFuture('Date the plan was agreed')),
  outcomes: z
    .array(planOutcome)
    .min(1, { error: 'Add at least one outcome' })
    .max(MAX_OUTCOMES, { error: `A plan can have up to ${MAX_OUTCOMES} outcomes` }),
  draftKey: savedDraftKey
})

/** The plan as read back: its stored shape, not the form's rules (see stored.ts). */
export const planRecord = z.object({
  id: idField,
  agreedOn: z.string(),
  outcomes: z.array(storedOutcome),
  updatedBy: z.string(),
  updatedAt: z.string(),
  version: versionField
})
export type PlanRecord = z.infer<typeof planRecord>

const score = z.preprocess(
  (v) => (v === '' || v === null || v === undefined ? undefined : typeof v === 'string' ? Number(v) : v),
  z.number({ error: 'Select a score from 0 to 10' }).int().min(0, { error: 'Select a score from 0 to 10' }).max(10, { error: 'Select a score from 0 to 10' })
)

/** The family's members and the Team Around the Family, with room to spare. */
const MAX_ATTENDEES = 80

export const addReviewInput = z
  .object({
    episodeId: idField,
    /** The plan as it was read: the review updates its actions, so a change in between is a conflict. */
    planVersion: versionField,
    heldOn: dateField('Date of the review', notFuture('Date of the review')),
    attendees: z
      .array(participantKey)
      .max(MAX_ATTENDEES, { error: `Select up to ${MAX_ATTENDEES} people` })
      .default([]),
    otherAttendees: optionalText(1000, 'Others who attended'),
    scores: z.array(z.object({ outcomeId: idField, score, comment: optionalText(2000, 'Comment', MULTI_LINE) })).max(MAX_OUTCOMES),
    actions: z
      .array(z.object({ id: idField, status: requiredCode(ACTION_STATUS.schema, 'Select where this action has got to') }))
      .max(MAX_OUTCOMES * MAX_ACTIONS_PER_OUTCOME)
      .default([]),
    nextReviewOn: dateField('Date of the next review'),
    draftKey: savedDraftKey
  })
  .superRefine(
    (v, ctx) => {
      if (v.attendees.length === 0 && !v.otherAttendees) ctx.addIssue({ code: 'custom', path: ['attendees'], message: 'Select who attended the review' })
      if (v.nextReviewOn <= v.heldOn) ctx.addIssue({ code: 'custom', path: ['nextReviewOn'], message: 'The next review must be after this one' })
    },
    whenValid('attendees', 'otherAttendees', 'heldOn', 'nextReviewOn')
  )

export const reviewRecord = z.object({
  id: idField,
  heldOn: z.string(),
  attendees: z.array(z.string()),
  otherAttendees: z.string().nullable(),
  scores: z.array(z.object({ outcomeId: idField, score: z.number().int(), comment: z.string().nullable() })),
  nextReviewOn: z.string(),
  recordedBy: z.string()
})
export type ReviewRecord = z.infer<typeof reviewRecord>

/** Saving the printed plan as a PDF file: the name offered in the save dialogue. */
export const savePlanPdfInput = z.object({
  episodeId: idField,
  fileName: z.string().regex(/^[\w ,.()-]{1,120}\.pdf$/, { error: 'The file name can only use letters, numbers, spaces and - _ , . ( )' })
})
export const savedPdf = z.object({ saved: z.boolean(), path: z.string().nullable() })
