// The Team Around the Family: the professionals working with the family in this episode.
import { z } from 'zod'
import { emailField, idField, phoneField, requiredName, requiredText, versionField } from '../fields'

export const teamMember = z.object({
  id: idField,
  name: z.string(),
  agency: z.string(),
  role: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  version: versionField
})
export type TeamMember = z.infer<typeof teamMember>

/** Adds a member (no id) or changes one (id and the version that was read). */
export const saveTeamMemberInput = z.object({
  episodeId: idField,
  id: idField.nullable().default(null),
  version: versionField.nullable().default(null),
  name: requiredName('Enter their name', 'Name', 200),
  agency: requiredText('Enter the agency they work for', 200, 'Agency'),
  role: requiredText('Enter their role, like health visitor', 200, 'Role'),
  phone: phoneField,
  email: emailField
})

export const removeTeamMemberInput = z.object({ id: idField, version: versionField })

/**
 * Who does an action or attends a review: a member of the Team Around the Family or of the family,
 * as 'taf:<id>' or 'person:<id>', so one field can name either.
 */
export const participantKey = z.string().regex(/^(taf|person):[0-9a-f-]{36}$/, { error: 'Select who will do it' })
