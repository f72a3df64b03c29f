// The plan and the assessment as they are stored and read back (schema version 1): their shape only.
// The forms' rules (lengths, required answers, names) belong to saving; reading must not apply
// them, or a rule tightened later would make every record saved before it unreadable. A change
// of shape is a new schema version (src/shared/earlyHelp/history.ts), never an edit of this one.
import { z } from 'zod'
import { ACTION_STATUS, HEADLINE, NEED_LEVEL } from '../codes'

export const storedAction = z.object({
  id: z.string(),
  what: z.string(),
  /** 'person:<id>' or 'taf:<id>'. */
  owner: z.string(),
  due: z.string(),
  status: ACTION_STATUS.schema
})

export const storedOutcome = z.object({
  id: z.string(),
  text: z.string(),
  headline: HEADLINE.schema,
  peopleIds: z.array(z.string()),
  actions: z.array(storedAction)
})

const storedDomain = z.object({ strengths: z.string().nullable(), needs: z.string().nullable(), level: NEED_LEVEL.schema.nullable() })

export const storedSubject = z.object({
  /** A child of the family; null for the parents and carers together. */
  personId: z.string().nullable(),
  domains: z.object({ CHILD_DEVELOPMENT: storedDomain, PARENTS_CARERS: storedDomain, FAMILY_ENVIRONMENT: storedDomain })
})

/**
 * An episode's closure as stored on it: the reason, the outcome per headline, and who closed and
 * approved it by user id (null: the system or the command line, as on the audit trail).
 */
export const storedClosure = z.object({
  reason: z.string(),
  note: z.string().nullable(),
  outcomes: z.record(z.string(), z.string()),
  familyView: z.string(),
  stepUpOn: z.string().nullable(),
  requestedByUserId: z.string().nullable(),
  /** False while it waits for a manager's approval. */
  approved: z.boolean(),
  approvedByUserId: z.string().nullable()
})
export type StoredClosure = z.output<typeof storedClosure>

/** Each reopening of an episode (when: a UTC instant; who: a user id), with the closure it undid. */
export const storedReopenings = z.array(
  z.object({ at: z.string(), byUserId: z.string().nullable(), reason: z.string(), closure: storedClosure.nullable().optional() })
)

/** A review's score per outcome. */
export const storedScores = z.array(z.object({ outcomeId: z.string(), score: z.number(), comment: z.string().nullable() }))
