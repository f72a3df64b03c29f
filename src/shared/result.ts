// Every call across the IPC boundary answers a Result: errors are values, never thrown.

export const ERROR_CODES = [
  'VALIDATION', // the input broke a rule; `fields` says which, by path (members.0.nhsNumber)
  'NOT_FOUND',
  'CONFLICT', // someone else saved the record since it was opened
  'DUPLICATE_UNCONFIRMED', // a possible duplicate has not been looked at
  'UNKNOWN_CHANNEL',
  'UNAUTHENTICATED', // nobody is signed in, or the username or password was not right
  'LOCKED', // the screen is locked: the user must enter their password again
  'PASSWORD_CHANGE_REQUIRED',
  'FORBIDDEN',
  'UNAVAILABLE', // the database is busy or closed; trying again may work
  'OFFLINE', // the hub's shared database server cannot be reached; the same call works once it is back
  'INTERNAL'
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface AppErrorValue {
  code: ErrorCode
  message: string
  fields?: Record<string, string>
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorValue }

/**
 * Said in every refusal where a save failed for a reason outside the form (a full disk, a read-only
 * folder): the form keeps the typing. A draft's own notice says it differently, so it leaves this out.
 */
export const NOTHING_SAVED = 'Nothing was saved; what you typed is still here.'
