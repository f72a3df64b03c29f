// Drafts: what someone is typing in a long form, saved as they type, per user, in the database,
// so a crash, a closed window or the idle lock never loses it.
import { z } from 'zod'

/** A form's draft key names what is being written: 'case-note:<family id>'. */
export const draftKey = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z-]+:[0-9a-f-]{36}$/, { error: 'Not a draft key' })

export const saveDraftInput = z.object({ key: draftKey, payload: z.record(z.string(), z.unknown()) })
export const draftKeyInput = z.object({ key: draftKey })
/** On a save: the draft the form was typed in, discarded in the same transaction as the save. */
export const savedDraftKey = z.string().max(200).nullable().default(null)

export const draftRecord = z.object({ payload: z.record(z.string(), z.unknown()), savedAt: z.string() }).nullable()
