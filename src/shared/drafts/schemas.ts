// Drafts: what someone is typing in a long form, saved as they type, per user, in the database,
// so a crash, a closed window or the idle lock never loses it.
import { z } from 'zod'
import '../messages'
import { jsonObject } from '../json'
import { registerFamilyInput } from '../families/schemas'
import { draftOf } from './draftOf'
export { savedDraftKey } from './savedKey'

/** The forms that keep drafts of a record; each key names its form and the record: 'case-note:<family id>'. */
export const RECORD_DRAFT_FORMS = ['case-note', 'assessment', 'family-plan', 'review'] as const
export type DraftForm = (typeof RECORD_DRAFT_FORMS)[number] | 'registration'

/**
 * A registration has no record until it is saved, so its key names none. Drafts are kept per user,
 * so this is the registration that user has started and not saved: one at a time, as one person at
 * one desk registers one family at a time, and found again after a crash without knowing anything
 * but who signed in. (A key made up per registration would need a list of them to find it again,
 * and would leave one behind for every registration abandoned.)
 */
export const REGISTRATION_DRAFT_KEY = 'registration:new'

export const draftKey = z
  .string()
  .min(1)
  .max(200)
  .regex(new RegExp(`^((${RECORD_DRAFT_FORMS.join('|')}):[0-9a-f-]{36}|${REGISTRATION_DRAFT_KEY})$`), { error: 'Casebook keeps drafts only of its own forms' })

/**
 * 1 MiB of JSON. A draft must be able to hold anything its form can save: the largest form, an
 * assessment of 30 children and the parents and carers with every box filled to its limit, is about
 * 800,000 bytes of JSON (drafts/schemas.test.ts builds it).
 */
export const DRAFT_MAX_BYTES = 1024 * 1024

const NOT_PLAIN = 'Casebook could not read this draft, so it was not kept. Save the form to keep your work.'

export const draftPayload = jsonObject(DRAFT_MAX_BYTES, {
  tooBig: 'This draft is too long to keep (more than 1 MB). Save the form to keep your work, or shorten the longest answers.',
  notPlain: NOT_PLAIN
})

/**
 * A registration's draft: what the registration form would send part-way through (registerFamilyInput,
 * as its form turns its boxes into the contract's input), any answer still blank or unfinished, none
 * longer than the form allows and none the form does not have. Checked on saving and again on reading.
 */
// The draft of an object's schema is an object's.
export const registrationDraft = draftOf(registerFamilyInput.omit({ draftKey: true })) as z.ZodType<Record<string, unknown>>

const REGISTRATION_TOO_LONG = 'This registration is too long to keep as a draft: an answer is longer than the form allows. Shorten it to keep your work.'

export const saveDraftInput = z.object({ key: draftKey, payload: draftPayload }).superRefine(
  ({ key, payload }, ctx) => {
    if (key !== REGISTRATION_DRAFT_KEY) return
    const issues = registrationDraft.safeParse(payload).error?.issues ?? []
    if (issues.length === 0) return
    // A person can type more than an answer may hold; only a caller other than the form sends the rest.
    const tooLong = issues.every((i) => i.code === 'too_big')
    ctx.addIssue({ code: 'custom', path: ['payload'], message: tooLong ? REGISTRATION_TOO_LONG : NOT_PLAIN })
  },
  { when: (check) => check.issues.length === 0 }
)
export const draftKeyInput = z.object({ key: draftKey })

export const draftRecord = z.object({ payload: z.record(z.string(), z.unknown()), savedAt: z.string() }).nullable()
