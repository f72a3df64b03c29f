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
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay()
    return weekday !== 0 && weekday !== 6 && !this.isBankHoliday(day)
  }

  /**
   * Working days from `from` to `to` (YYYY-MM-DD): how many working days end after `from` and on or
   * before `to`, so a request received on Friday and decided on Monday took one working day, and one
   * decided the day it came took none.
   */
  between(from: string, to: string): number {
    if (to <= from) return 0
    let count = 0
    for (let day = nextDay(from); day <= to; day = nextDay(day)) if (this.isWorkingDay(day)) count++
    return count
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

function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}
