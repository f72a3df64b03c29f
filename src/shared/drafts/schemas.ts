// Drafts: what someone is typing in a long form, saved as they type, per user, in the database,
// so a crash, a closed window or the idle lock never loses it.
import { z } from 'zod'
import '../messages'
import { jsonObject } from '../json'

/** A form's draft key names what is being written: 'case-note:<family id>'. */
/** The forms that keep drafts; each key names its form and the record it is about. */
export const DRAFT_FORMS = ['case-note', 'assessment', 'family-plan', 'review'] as const
export type DraftForm = (typeof DRAFT_FORMS)[number]

export const draftKey = z
  .string()
  .min(1)
  .max(200)
  .regex(new RegExp(`^(${DRAFT_FORMS.join('|')}):[0-9a-f-]{36}$`), { error: 'Casebook keeps drafts only of its own forms' })

/**
 * 1 MiB of JSON. A draft must be able to hold anything its form can save: the largest form, an
 * assessment of 30 children and the parents and carers with every box filled to its limit, is about
 * 800,000 bytes of JSON (drafts/schemas.test.ts builds it).
 */
export const DRAFT_MAX_BYTES = 1024 * 1024

export const draftPayload = jsonObject(DRAFT_MAX_BYTES, {
  tooBig: 'This draft is too long to keep (more than 1 MB). Save the form to keep your work, or shorten the longest answers.',
  notPlain: 'Casebook could not read this draft, so it was not kept. Save the form to keep your work.'
})

export const saveDraftInput = z.object({ key: draftKey, payload: draftPayload })
export const draftKeyInput = z.object({ key: draftKey })
/** On a save: the draft the form was typed in, discarded in the same transaction as the save. */
export const savedDraftKey = z.string().max(200).nullable().default(null)

export const draftRecord = z.object({ payload: z.record(z.string(), z.unknown()), savedAt: z.string() }).nullable()
