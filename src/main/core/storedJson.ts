// Values the core stored as JSON text are read back through their schema, never cast: a value it
// did not write (edited outside the app, or damaged) is refused in plain words rather than passed on.
import type { z } from 'zod'
import { AppError } from './errors'

/** What a user is told when something stored cannot be read; `why` goes to the log, never the screen. */
export function unreadable(what: string, id: string, why: string): AppError {
  console.error(`casebook: ${what} ${id} cannot be read: ${why}`)
  return new AppError(
    'UNAVAILABLE',
    `This ${what} cannot be read: it is not stored the way Casebook saves it. Nothing has been changed. Ask IT to check the database and, if need be, restore a backup.`
  )
}

/** A value already parsed from JSON, checked with `schema`; `what` and `id` name the record in the message and the log. */
export function checkStored<S extends z.ZodType>(schema: S, json: unknown, what: string, id: string): z.output<S> {
  const parsed = schema.safeParse(json)
  // Only the paths go to the log: the values are a child's record.
  if (!parsed.success) throw unreadable(what, id, parsed.error.issues.map((i) => `${i.path.join('.')} ${i.code}`).join(', '))
  return parsed.data
}

/** JSON text as stored, parsed and checked with `schema`. */
export function readStored<S extends z.ZodType>(schema: S, text: string, what: string, id: string): z.output<S> {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw unreadable(what, id, 'its JSON is damaged')
  }
  return checkStored(schema, json, what, id)
}
