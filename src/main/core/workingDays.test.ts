import { describe, expect, it } from 'vitest'
import { WorkingDays } from './workingDays'

describe('working days in England', () => {
  const days = new WorkingDays()

  it("knows England's bank holidays, substitute days included", () => {
    expect(days.isBankHoliday('2026-04-03')).toBe(true) // Good Friday
    expect(days.isBankHoliday('2026-04-06')).toBe(true) // Easter Monday
    expect(days.isBankHoliday('2026-12-28')).toBe(true) // Boxing Day falls on a Saturday: the Monday instead
    expect(days.isBankHoliday('2026-03-17')).toBe(false) // St Patrick's Day is Northern Ireland's, not England's
    expect(days.isBankHoliday('2026-11-30')).toBe(false) // St Andrew's Day is Scotland's
  })

  it('counts across a weekend and a bank holiday', () => {
    // Thursday 2 April 2026 to Tuesday 7 April: Good Friday, the weekend and Easter Monday do not count.
    expect(days.between('2026-04-02', '2026-04-07')).toBe(1)
    // Friday to Monday is one working day; the same day is none.
    expect(days.between('2026-11-20', '2026-11-23')).toBe(1)
    expect(days.between('2026-11-23', '2026-11-23')).toBe(0)
    // Christmas 2026: Friday 25th, Saturday 26th (its holiday moves to Monday 28th).
    expect(days.between('2026-12-24', '2026-12-29')).toBe(1)
  })

  it('says when something is due, a number of working days on', () => {
    expect(days.after('2026-04-02', 2)).toBe('2026-04-08')
    expect(days.after('2026-11-20', 2)).toBe('2026-11-24')
  })

  it('takes the days IT adds or removes', () => {
    const adjusted = new WorkingDays({ add: ['2026-11-24'], remove: ['2026-12-28'] })
    expect(adjusted.between('2026-11-23', '2026-11-25')).toBe(1)
    expect(adjusted.between('2026-12-24', '2026-12-29')).toBe(2)
  })

  it('counts the same as walking the days one by one, over any span, holidays and IT changes included', () => {
    const adjusted = new WorkingDays({ add: ['2025-06-03', '2026-11-24'], remove: ['2026-12-28', '2025-05-26'] })
    const walk = (wd: WorkingDays, from: string, to: string) => {
      let n = 0
      for (let d = from; d < to;) {
        d = new Date(Date.parse(`${d}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
        if (wd.isWorkingDay(d)) n++
      }
      return n
    }
    // Every start over two years against ends up to 60 days on: weekends, Easter, Christmas, both directions of IT's changes.
    for (let start = Date.UTC(2025, 0, 1); start < Date.UTC(2027, 0, 1); start += 5 * 86_400_000) {
      const from = new Date(start).toISOString().slice(0, 10)
      for (const span of [0, 1, 2, 3, 6, 7, 13, 60]) {
        const to = new Date(start + span * 86_400_000).toISOString().slice(0, 10)
        expect(days.between(from, to), `${from} to ${to}`).toBe(walk(days, from, to))
        expect(adjusted.between(from, to), `${from} to ${to}, adjusted`).toBe(walk(adjusted, from, to))
      }
    }
    // Across a thousand years (a year typed 1026 for 2026): counted, not walked, and still right at the end.
    expect(days.between('1026-04-02', '2026-04-02')).toBe(days.between('1026-04-02', '2026-04-01') + 1)
  })
})
