// Working days in England: Monday to Friday, less the bank holidays. The holidays come from
// date-holidays (a well-kept library that computes England's bank holidays, substitute days
// included, for any year), and IT can add or remove days in the machine-wide config (a one-off
// holiday declared for a coronation, say) without a new release of Casebook.
import Holidays from 'date-holidays'

export interface BankHolidayChanges {
  /** Days to treat as bank holidays as well, YYYY-MM-DD. */
  add: string[]
  /** Days the library lists that are not to count (moved, or cancelled), YYYY-MM-DD. */
  remove: string[]
}

export const NO_CHANGES: BankHolidayChanges = { add: [], remove: [] }

const england = new Holidays('GB', 'ENG')
const byYear = new Map<number, Set<string>>()

/** England's public holidays of a year, as the library gives them. */
function publicHolidays(year: number): Set<string> {
  let days = byYear.get(year)
  if (!days) {
    days = new Set(
      england
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10))
    )
    byYear.set(year, days)
  }
  return days
}

export class WorkingDays {
  private readonly added: Set<string>
  private readonly removed: Set<string>

  constructor(changes: BankHolidayChanges = NO_CHANGES) {
    this.added = new Set(changes.add)
    this.removed = new Set(changes.remove)
  }

  isBankHoliday(day: string): boolean {
    if (this.added.has(day)) return true
    if (this.removed.has(day)) return false
    return publicHolidays(Number(day.slice(0, 4))).has(day)
  }

  isWorkingDay(day: string): boolean {
    return isWeekday(day) && !this.isBankHoliday(day)
  }

  /**
   * Working days from `from` to `to` (YYYY-MM-DD): how many working days end after `from` and on or
   * before `to`, so a request received on Friday and decided on Monday took one working day, and one
   * decided the day it came took none.
   */
  between(from: string, to: string): number {
    if (to <= from) return 0
    // Counted, not walked: a date typed a thousand years out must not cost a second per row.
    let count = weekdaysThrough(to) - weekdaysThrough(from)
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
      for (const day of this.holidaysOf(year)) if (day > from && day <= to && isWeekday(day)) count--
    }
    return count
  }

  /** The year's bank holidays with IT's changes: the library's, less those removed, and those added. */
  private holidaysOf(year: number): string[] {
    const prefix = String(year).padStart(4, '0')
    const days = new Set([...publicHolidays(year)].filter((d) => !this.removed.has(d)))
    for (const d of this.added) if (d.startsWith(prefix)) days.add(d)
    return [...days]
  }

  /** The day `n` working days after `from`: when something received on `from` is due. */
  after(from: string, n: number): string {
    let day = from
    for (let left = n; left > 0;) {
      day = nextDay(day)
      if (this.isWorkingDay(day)) left--
    }
    return day
  }
}

const DAY_MS = 86_400_000

function isWeekday(day: string): boolean {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6
}

/** How many weekdays (Monday to Friday) there are from a fixed Monday up to and including `day`. */
function weekdaysThrough(day: string): number {
  // Day 0 is Monday 5 January 1970; Date.UTC counts whole days from there without time zones.
  const n = Math.floor((Date.parse(`${day}T00:00:00Z`) - Date.UTC(1970, 0, 5)) / DAY_MS)
  const weeks = Math.floor(n / 7)
  return weeks * 5 + Math.min(n - weeks * 7 + 1, 5)
}

function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}
