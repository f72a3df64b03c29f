// Dates cross the IPC boundary as ISO-8601 calendar dates (YYYY-MM-DD) and are shown en-GB.

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const

export function isoDate(year: number, month: number, day: number): string | null {
  return year < 1000 ? null : calendarDay(year, month, day)
}

/**
 * A day of the calendar whose year has four digits (0000 to 9999), as ISO, or null. isoDate takes
 * years from 1000 only; a form's boxes send an earlier day as ISO too, so that its field's schema
 * says what it takes, not that the day is not a real one.
 */
function calendarDay(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null
  if (year < 0 || year > 9999 || month < 1 || month > 12 || day < 1) return null
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0 to 99 as 1900 to 1999.
  const d = new Date(0)
  d.setUTCFullYear(year, month - 1, day)
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export function isRealIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  return m !== null && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === value
}

function monthFromName(name: string): number | null {
  const lower = name.toLowerCase()
  if (lower.length < 3) return null
  const index = MONTHS.findIndex((m) => m.toLowerCase().startsWith(lower.slice(0, 3)) && m.toLowerCase().startsWith(lower))
  return index < 0 ? null : index + 1
}

/**
 * A date typed the way people type one: 3/7/2019, 03-07-2019, 3.7.2019, 3 July 2019, 3 Jul 2019,
 * 2019-07-03. Day first, as in the UK. Returns null for anything else or for an impossible date.
 */
export function parseTypedDate(text: string): string | null {
  const t = text.trim()
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t)
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]))
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t)
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]))
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(t)
  if (m) {
    const month = monthFromName(m[2] as string)
    return month === null ? null : isoDate(Number(m[3]), month, Number(m[1]))
  }
  return null
}

/** 3 July 2019 */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return iso
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`
}

/** Today's date in the local time zone, as ISO. */
export function todayIso(now: Date = new Date()): string {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate()) as string
}

/** Whole years between an ISO birth date and an ISO day. */
export function ageInYears(birthIso: string, onIso: string): number {
  const [by, bm, bd] = birthIso.split('-').map(Number) as [number, number, number]
  const [y, m, d] = onIso.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

/** The ISO date `months` calendar months after `iso` (clamped to the month's last day). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return isoDate(year, month, Math.min(d, last)) as string
}

export function addYears(iso: string, years: number): string {
  return addMonths(iso, years * 12)
}

/** The three boxes of the GOV.UK date input, as typed. */
export interface DateParts {
  day: string
  month: string
  year: string
}

export const EMPTY_DATE_PARTS: DateParts = { day: '', month: '', year: '' }

/**
 * Parts to the value the contract validates: undefined when all three are empty (the field is
 * missing), an ISO date when they make a day of the calendar (0999 as the year too, for the schema
 * to judge), and otherwise the typed text, which the schema refuses as not a real date.
 */
export function datePartsToValue(parts: DateParts | undefined): string | undefined {
  if (!parts) return undefined
  const day = parts.day.trim()
  const month = parts.month.trim()
  const year = parts.year.trim()
  if (!day && !month && !year) return undefined
  const iso = /^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year) ? calendarDay(Number(year), Number(month), Number(day)) : null
  return iso ?? `${day}/${month}/${year}`
}

export function isoToDateParts(iso: string | null | undefined): DateParts {
  if (!iso) return { ...EMPTY_DATE_PARTS }
  const [year, month, day] = iso.split('-')
  return { day: String(Number(day)), month: String(Number(month)), year: year ?? '' }
}

/** The ISO date `days` days after `iso`. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/**
 * The hub's clocks are England's. Times are stored as UTC instants; the times people type and read
 * (a case note's "when") are wall-clock times in this zone, named here rather than taken from the
 * machine, so a desk, a server or a test runner set to another zone stores the same instant.
 */
export const HUB_TIME_ZONE = 'Europe/London'

/** A wall-clock minute in the hub's zone: YYYY-MM-DDTHH:MM. */
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/
const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000

let hubClock: Intl.DateTimeFormat | null = null
/** The zone's offset from UTC (ms) by UTC hour: it changes only on the hour, and Intl is slow to ask. */
const offsets = new Map<number, number>()

function hubOffset(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS)
  let offset = offsets.get(hour)
  if (offset === undefined) {
    hubClock ??= new Intl.DateTimeFormat('en-GB', {
      timeZone: HUB_TIME_ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit'
    })
    const part = Object.fromEntries(hubClock.formatToParts(hour * HOUR_MS).map((p) => [p.type, Number(p.value)])) as Record<string, number>
    offset = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!) - hour * HOUR_MS
    if (offsets.size > 100_000) offsets.clear()
    offsets.set(hour, offset)
  }
  return offset
}

/** The wall clock in the hub's zone at `ms`, to the minute. */
const hubWallClock = (ms: number) => new Date(ms + hubOffset(ms)).toISOString().slice(0, 16)

/** A UTC instant (ISO-8601) as the wall clock in the hub's zone read then: YYYY-MM-DDTHH:MM. */
export function utcToLondon(instant: string): string {
  const ms = Date.parse(instant)
  if (Number.isNaN(ms)) throw new Error(`Not an ISO-8601 instant: ${instant}`)
  return hubWallClock(ms)
}

/** The hub's day (YYYY-MM-DD) at an instant: the day its wall clock showed then, whatever the machine's zone. */
export function hubDay(at: Date | string): string {
  return utcToLondon(typeof at === 'string' ? at : at.toISOString()).slice(0, 10)
}

/**
 * The UTC instant (ISO-8601, `...Z`) at which the hub's wall clock read `local` (YYYY-MM-DDTHH:MM).
 * When the clocks go back, the hour after 01:00 is read twice: such a time is taken as its first
 * occurrence (still British Summer Time). When they go forward, the hour after 01:00 never
 * happens: such a time is null (`skipped: 'refuse'`, for what someone is typing now, who can be
 * asked again), or (`skipped: 'later'`, for times stored before this check) read with the offset
 * before the change, which lands it an hour later on the clock (01:30 becomes 02:30 BST).
 */
export function londonToUtc(local: string, skipped: 'refuse' | 'later' = 'refuse'): string | null {
  const m = WALL_CLOCK.exec(local)
  const [y, mo, d, h, mi] = m ? m.slice(1).map(Number) : []
  if (!m || isoDate(y!, mo!, d!) === null || h! > 23 || mi! > 59) throw new Error(`Not a wall-clock time (YYYY-MM-DDTHH:MM): ${local}`)
  const asIfUtc = Date.UTC(y!, mo! - 1, d!, h!, mi!)
  // The clocks change at most once between a day before and a day after: those two offsets are the candidates.
  const before = hubOffset(asIfUtc - DAY_MS)
  const after = hubOffset(asIfUtc + DAY_MS)
  const matches = [...new Set([before, after])]
    .map((offset) => asIfUtc - offset)
    .filter((ms) => hubWallClock(ms) === local)
    .sort((a, b) => a - b)
  if (matches.length) return new Date(matches[0]!).toISOString()
  return skipped === 'refuse' ? null : new Date(asIfUtc - before).toISOString()
}
