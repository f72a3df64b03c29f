// Inside the core a service may throw an AppError; the router turns it into `{ ok: false, error }`
// so that nothing thrown ever crosses the IPC boundary.
import type { z } from 'zod'
import type { AppErrorValue, ErrorCode } from '../../shared/result'

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>
  ) {
    super(message)
    this.name = 'AppError'
  }

  toValue(): AppErrorValue {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message }
  }
}

/** At most this many fields are named: a form has fewer, and a hostile input cannot make the answer huge. */
export const MAX_FIELD_ERRORS = 50

/** zod issues keyed by dotted path (members.0.member.nhsNumber), first message per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  let count = 0
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_'
    if (key in fields) continue
    if (++count > MAX_FIELD_ERRORS) break
    fields[key] = issue.message
  }
  return fields
}

export const conflict = (what: string) =>
  new AppError(
    'CONFLICT',
    `Someone else saved changes to this ${what} after you opened it. Your changes have not been saved and are still on the screen: copy anything you need, then reload to see their changes.`
  )

/**
 * A save the database refused by a unique rule, because another desk saved the same thing at the
 * same moment (after this save's own check had looked): like a stale version, nothing was saved.
 */
export const savedAtTheSameMoment = () =>
  new AppError(
    'CONFLICT',
    'Someone else saved the same thing at the same moment, so your changes have not been saved. They are still on the screen: copy anything you need, then reload to see what was saved.'
  )

export const notFound = (what: string) => new AppError('NOT_FOUND', `That ${what} could not be found. It may have been moved or removed.`)
