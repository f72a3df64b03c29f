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
})
