// The log file IT reads: one line per event, appended, rotated by size.
//
//   2026-11-24T18:30:00.123Z INFO  app:4120 database.opened path=D:\Casebook\hub.sqlite mode=existing state=current
//
// Writing is a synchronous append of one short line (no handle is kept open, so the app and a scheduled
// command on the same desk share the file, and the line is whole on disk before the call goes on). It
// never throws into the caller: a folder that cannot be written is left for the next one the log was
// given, and when none is left the log turns itself off for this process and says so once on stderr,
// so a full or missing log folder never stops a save.
//
// Callers pass only codes, counts, paths and durations. As a second line of defence a string value
// that looks like a record's contents (an email address, a postcode, a phone or NHS number, a date)
// is written as [withheld]: the log is read by people who must not read the records.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { logOver, type Log, type LogLevel, type LogValue } from './log'

export const LOG_FILE = 'casebook.log'
export const LOG_MAX_BYTES = 1024 * 1024
/** Rotated files kept beside the current one: casebook.log.1 (the newest) to casebook.log.5. */
export const LOG_KEEP = 5

/** Whether this process is the app (its window) or one of its commands (the CLI, Casebook.exe run by a scheduled task). */
export type ProcessKind = 'app' | 'command'

export interface FileLogOptions {
  /** The folders to try, in order (./folders). */
  folders: readonly string[]
  process: ProcessKind
  maxBytes?: number
  keep?: number
  now?: () => Date
  /** Where the one notice goes when the log turns itself off: stderr. */
  notice?: (text: string) => void
}

export interface FileLog extends Log {
  /** The file being written; null once the log has turned itself off. */
  readonly path: string | null
}

const EVENT = /^[a-z][a-zA-Z0-9-]*(\.[a-z][a-zA-Z0-9-]*){0,4}$/
const KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/
const BARE = /^[A-Za-z0-9._:/\\@+,-]+$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const MAX_VALUE = 300
const WITHHELD = '[withheld]'

/** What a record's contents look like, never an event's code, count, path or duration. */
const PERSONAL: RegExp[] = [
  /[^\s@"]+@[^\s@"]+\.[A-Za-z]{2,}/, // email address
  /\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b/, // UK postcode, as Casebook stores them (capitals)
  /(?<![A-Za-z0-9])\d(?:[\s-]?\d){9,}(?![A-Za-z0-9])/, // ten or more digits on their own: an NHS number, a phone number
  /\b\d{4}-\d{2}-\d{2}\b/, // a day on its own (a date of birth); a timestamp's day runs on into its time
  /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/ // a day as typed
]

export function looksPersonal(text: string): boolean {
  if (UUID.test(text)) return false // the id of a run or a file (callers never pass a person's)
  return PERSONAL.some((pattern) => pattern.test(text))
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NaN'
  if (typeof value === 'boolean') return String(value)
  if (typeof value !== 'string') return WITHHELD // only the types LogValue allows are written
  const text = value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}...` : value
  if (looksPersonal(text)) return WITHHELD
  return BARE.test(text) ? text : JSON.stringify(text)
}

/** One event as its line (with its newline). */
export function logLine(at: Date, level: LogLevel, kind: ProcessKind, pid: number, event: string, fields: Record<string, LogValue> = {}): string {
  const parts = [at.toISOString(), level.toUpperCase().padEnd(5), `${kind}:${pid}`, EVENT.test(event) ? event : 'unnamed-event']
  for (const [key, value] of Object.entries(fields)) if (KEY.test(key)) parts.push(`${key}=${valueText(value)}`)
  return `${parts.join(' ')}\n`
}

export function openFileLog(options: FileLogOptions): FileLog {
  const maxBytes = options.maxBytes ?? LOG_MAX_BYTES
  const keep = options.keep ?? LOG_KEEP
  const now = options.now ?? (() => new Date())
  const notice = options.notice ?? ((text: string) => void process.stderr.write(`${text}\n`))
  const failures: string[] = []
  let next = 0
  let path: string | null = null
  let off = false

  const failed = (folder: string, error: unknown) => failures.push(`${folder} (${(error as NodeJS.ErrnoException)?.code ?? String(error)})`)

  /** The file to write, trying the next folder after one that failed; null when none is left. */
  const file = (): string | null => {
    while (!path && !off) {
      const folder = options.folders[next++]
      if (folder === undefined) {
        off = true
        notice(
          `Casebook cannot write its log (${failures.join('; ') || 'no log folder'}): logging is off for this ${options.process === 'app' ? 'app' : 'command'}.`
        )
        return null
      }
      try {
        mkdirSync(folder, { recursive: true })
        const candidate = join(folder, LOG_FILE)
        appendFileSync(candidate, '')
        path = candidate
      } catch (error) {
        failed(folder, error)
      }
    }
    return path
  }

  /**
   * casebook.log → .1 → .2 … → .keep (the oldest dropped). Another process sharing the file may rotate
   * at the same moment: a file already moved (ENOENT) is its work, and any other failure only delays the
   * rotation to the next line. Neither loses a line.
   */
  const rotate = (current: string, adding: number) => {
    const size = statSync(current, { throwIfNoEntry: false })?.size ?? 0
    if (size === 0 || size + adding <= maxBytes) return
    try {
      for (let i = keep - 1; i >= 1; i--) {
        try {
          renameSync(`${current}.${i}`, `${current}.${i + 1}`)
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
        }
      }
      renameSync(current, keep >= 1 ? `${current}.1` : `${current}.old`)
    } catch {
      // Tried again at the next line.
    }
  }

  const write: Log['write'] = (level, event, fields) => {
    try {
      const line = logLine(now(), level, options.process, process.pid, event, fields)
      for (let current = file(); current; current = file()) {
        try {
          rotate(current, Buffer.byteLength(line))
          appendFileSync(current, line)
          return
        } catch (error) {
          failed(current, error)
          path = null
        }
      }
    } catch {
      // A log must never be the reason a save fails.
    }
  }

  file()
  const log = logOver(write)
  return {
    ...log,
    get path() {
      return path
    }
  }
}
