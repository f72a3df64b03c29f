// Accounts, signing in and the hub's first set-up: one definition for the forms and the core.
import { z } from 'zod'
import { idField, requiredCode, requiredName, requiredText, tooLong, versionField } from '../fields'
import { hubCodeField, localAuthorityCodeField } from '../hub/schemas'
import { roleSchema } from '../roles'

export const MIN_PASSWORD_LENGTH = 12

export const usernameField = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  z
    .string({ error: 'Enter a username' })
    .min(1, { error: 'Enter a username' })
    .max(50, { error: tooLong('Username', 50) })
    .regex(/^[a-z0-9._-]+$/, { error: 'Username can only use letters, numbers, full stops, hyphens and underscores' })
)

/** Far longer than any passphrase, and a bound on what scrypt is given to hash. */
export const MAX_PASSWORD_LENGTH = 200
/** Any password field: its own message when it is missing, and one maximum. */
const password = (missing: string) => z.string({ error: missing }).max(MAX_PASSWORD_LENGTH, { error: tooLong('Password', MAX_PASSWORD_LENGTH) })

/** A new password: long enough here; the core also refuses common ones. */
export const newPasswordField = password('Enter a password').min(MIN_PASSWORD_LENGTH, { error: `Password must be at least ${MIN_PASSWORD_LENGTH} characters` })

const typedPassword = password('Enter your password').min(1, { error: 'Enter your password' })
/** The new password typed again: compared with it, so no rule of its own but a length. */
const confirmedPassword = password('Enter the password again')

export const signInInput = z.object({ username: usernameField, password: typedPassword })
export const unlockInput = z.object({ password: typedPassword })

export const changePasswordInput = z
  .object({ currentPassword: typedPassword, newPassword: newPasswordField, confirmPassword: confirmedPassword })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], error: 'The passwords do not match' })

export const setupInput = z
  .object({
    hubName: requiredText('Enter the hub name', 200, 'Hub name'),
    hubCode: requiredCode(hubCodeField, 'Enter the hub code'),
    localAuthorityCode: localAuthorityCodeField,
    displayName: requiredName('Enter your name', 'Name'),
    username: usernameField,
    password: newPasswordField,
    confirmPassword: confirmedPassword
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], error: 'The passwords do not match' })

export const sessionUser = z.object({
  id: idField,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  mustChangePassword: z.boolean()
})
export type SessionUser = z.infer<typeof sessionUser>

export const authStatus = z.object({
  needsSetup: z.boolean(),
  user: sessionUser.nullable(),
  locked: z.boolean(),
  idleLockMinutes: z.number().int(),
  /** Why this window's session ended without the user signing out (account disabled, password reset, role changed). */
  signedOutBecause: z.string().nullable()
})
export type AuthStatus = z.infer<typeof authStatus>

export const userRecord = sessionUser.extend({
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
  version: versionField
})
export type UserRecord = z.infer<typeof userRecord>

export const createUserInput = z.object({
  displayName: requiredName('Enter their name', 'Name'),
  username: usernameField,
  role: requiredCode(roleSchema, 'Select a role'),
  temporaryPassword: newPasswordField
})
/** An administrator changes someone's name or role; a new role signs their open windows out at their next call. */
export const updateUserInput = z.object({
  id: idField,
  version: versionField,
  displayName: requiredName('Enter their name', 'Name'),
  role: requiredCode(roleSchema, 'Select a role')
})
export const setUserDisabledInput = z.object({ id: idField, version: versionField, disabled: z.boolean() })
export const resetPasswordInput = z.object({ id: idField, version: versionField, temporaryPassword: newPasswordField })

/**
 * The idle lock. The page locks after the hub's idle time without keyboard or mouse use, and tells
 * the core that its user is active at most once per ACTIVITY_REPORT_SECONDS. The core locks the
 * session itself IDLE_GRACE_SECONDS after that, counted from the last call the window made, so a
 * page that stops locking (a fault, a hung script) is locked all the same, and a page that works
 * always locks first, after saving its drafts.
 */
export const ACTIVITY_REPORT_SECONDS = 30
export const IDLE_GRACE_SECONDS = 60
