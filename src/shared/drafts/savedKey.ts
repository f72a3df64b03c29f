// Apart from the rest of the drafts' schemas, which read the registration form's: the forms' own
// schemas (the registration's among them) name the draft their save discards.
import { z } from 'zod'

/** On a save: the draft the form was typed in, discarded in the same transaction as the save. */
export const savedDraftKey = z.string().max(200).nullable().default(null)
