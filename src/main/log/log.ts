// The log IT reads: what Casebook did and what went wrong, by event name and plain fields. Never a
// name, an address, an identifier or a record's text: callers pass codes, counts, ids of runs,
// paths of files and error codes, and the file log refuses anything else it can recognise (./fileLog).
export type LogLevel = 'info' | 'warn' | 'error'

/** A field's value: a code, a count, a path, a duration. Not free text from a record. */
export type LogValue = string | number | boolean | null

export interface Log {
  /** event: dotted, stable, e.g. 'database.opened', 'backup.failed'. */
  write(level: LogLevel, event: string, fields?: Record<string, LogValue>): void
  info(event: string, fields?: Record<string, LogValue>): void
  warn(event: string, fields?: Record<string, LogValue>): void
  error(event: string, fields?: Record<string, LogValue>): void
}

/** A log that goes nowhere: tests that do not read it, and a core opened without a log folder. */
export const silentLog: Log = {
  write: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined
}

/** The three level methods over one write: every Log is made this way. */
export function logOver(write: Log['write']): Log {
  return {
    write,
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields)
  }
}

const CODE = /^[A-Z][A-Z0-9_]{0,39}$/
const NAME = /^[A-Za-z]{1,40}$/

/**
 * An error as the log may name it: its code (an AppError's, SQLite's, the system's) and its class.
 * Never its message: a database error's message can quote a record's values.
 */
export function errorFields(error: unknown): Record<string, LogValue> {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown }
  return {
    error: typeof code === 'string' && CODE.test(code) ? code : 'unknown',
    type: typeof name === 'string' && NAME.test(name) ? name : 'Error'
  }
}
