import { describe, expect, it, vi } from 'vitest'
import { addMonths, ageInYears, datePartsToValue, formatDate, hubDay, isoDate, isRealIsoDate, londonToUtc, parseTypedDate, utcToLondon } from './dates'

describe('dates typed as people type them', () => {
  it('reads day-first numeric dates with any separator', () => {
    for (const t of ['3/7/2019', '03/07/2019', '3-7-2019', '3.7.2019', ' 03/7/2019 ']) expect(parseTypedDate(t)).toBe('2019-07-03')
  })
  it('reads month names, full or short, with ordinals', () => {
    for (const t of ['3 July 2019', '3 Jul 2019', '3rd july 2019', '3 JULY 2019']) {
      expect(parseTypedDate(t)).toBe('2019-07-03')
    }
    expect(parseTypedDate('2019-07-03')).toBe('2019-07-03')
  })
  it('refuses impossible dates and non-dates', () => {
    for (const t of ['31/2/2019', '3 Jly 2019', 'smith', '3/7/19', '32/1/2019', '2019', '']) expect(parseTypedDate(t)).toBe(null)
  })
  it('formats en-GB and counts whole years of age', () => {
    expect(formatDate('2019-07-03')).toBe('3 July 2019')
    expect(ageInYears('2019-07-03', '2026-07-02')).toBe(6)
    expect(ageInYears('2019-07-03', '2026-07-03')).toBe(7)
    expect(isRealIsoDate('2024-02-29')).toBe(true)
    expect(isRealIsoDate('2023-02-29')).toBe(false)
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2026-11-23', 10)).toBe('2027-09-23')
  })
  it('turns the three date boxes into the value the schema checks', () => {
    expect(datePartsToValue({ day: '', month: '', year: '' })).toBe(undefined)
    expect(datePartsToValue({ day: '3', month: '7', year: '2019' })).toBe('2019-07-03')
    expect(datePartsToValue({ day: '31', month: '2', year: '2019' })).toBe('31/2/2019')
    expect(datePartsToValue({ day: '3', month: '', year: '2019' })).toBe('3//2019')
  })
  it('sends a day of the calendar before the year 1000 as ISO, for its field to say what it takes', () => {
    expect(datePartsToValue({ day: '1', month: '1', year: '0999' })).toBe('0999-01-01')
    expect(datePartsToValue({ day: '29', month: '2', year: '0996' })).toBe('0996-02-29')
    expect(datePartsToValue({ day: '31', month: '12', year: '0000' })).toBe('0000-12-31')
    // Not a day of any calendar, in any year: as typed.
    expect(datePartsToValue({ day: '29', month: '2', year: '0999' })).toBe('29/2/0999')
    expect(datePartsToValue({ day: '0', month: '1', year: '0999' })).toBe('0/1/0999')
    // Still not a real date to every other field.
    expect(isRealIsoDate('0999-01-01')).toBe(false)
    expect(isoDate(999, 1, 1)).toBe(null)
  })
})

describe("the hub's wall clock and UTC", () => {
  it('stores a time typed in England as the UTC instant it was, in winter and in summer', () => {
    expect(londonToUtc('2026-11-24T09:15')).toBe('2026-11-24T09:15:00.000Z')
    expect(londonToUtc('2026-07-03T09:15')).toBe('2026-07-03T08:15:00.000Z')
    // Just after midnight in summer is the day before in UTC.
    expect(londonToUtc('2026-07-01T00:30')).toBe('2026-06-30T23:30:00.000Z')
    expect(utcToLondon('2026-06-30T23:30:00.000Z')).toBe('2026-07-01T00:30')
    // An instant stamped by the app reads to its minute.
    expect(utcToLondon('2026-07-03T08:15:59.999Z')).toBe('2026-07-03T09:15')
  })

  it('refuses a time the clocks skip in spring, or reads it an hour on when asked to', () => {
    // 29 March 2026: at 01:00 GMT the clocks went forward to 02:00 BST.
    expect(londonToUtc('2026-03-29T00:59')).toBe('2026-03-29T00:59:00.000Z')
    expect(londonToUtc('2026-03-29T01:00')).toBeNull()
    expect(londonToUtc('2026-03-29T01:30')).toBeNull()
    expect(londonToUtc('2026-03-29T01:59')).toBeNull()
    expect(londonToUtc('2026-03-29T02:00')).toBe('2026-03-29T01:00:00.000Z')
    expect(londonToUtc('2026-03-29T01:30', 'later')).toBe('2026-03-29T01:30:00.000Z')
    expect(utcToLondon('2026-03-29T01:30:00.000Z')).toBe('2026-03-29T02:30')
  })

  it('reads a time the clocks show twice in autumn as its first occurrence, still in summer time', () => {
    // 25 October 2026: at 02:00 BST the clocks went back to 01:00 GMT, so 01:00-01:59 happened twice.
    expect(londonToUtc('2026-10-25T00:59')).toBe('2026-10-24T23:59:00.000Z')
    expect(londonToUtc('2026-10-25T01:30')).toBe('2026-10-25T00:30:00.000Z')
    expect(londonToUtc('2026-10-25T01:30', 'later')).toBe('2026-10-25T00:30:00.000Z')
    expect(londonToUtc('2026-10-25T02:00')).toBe('2026-10-25T02:00:00.000Z')
    // Both instants read 01:30 on the clock.
    expect(utcToLondon('2026-10-25T00:30:00.000Z')).toBe('2026-10-25T01:30')
    expect(utcToLondon('2026-10-25T01:30:00.000Z')).toBe('2026-10-25T01:30')
  })

  it('gives back the wall clock it was given, for every minute of both days the clocks change', () => {
    for (const day of ['2026-03-29', '2026-10-25']) {
      const start = Date.parse(`${day}T00:00:00.000Z`) - 2 * 3_600_000
      for (let ms = start; ms < start + 28 * 3_600_000; ms += 60_000) {
        const wall = utcToLondon(new Date(ms).toISOString())
        expect(utcToLondon(londonToUtc(wall)!)).toBe(wall)
      }
    }
  })

  it("gives the hub's day of an instant, which in summer starts an hour before UTC's", () => {
    expect(hubDay('2026-06-30T22:59:59.999Z')).toBe('2026-06-30')
    expect(hubDay('2026-06-30T23:00:00.000Z')).toBe('2026-07-01')
    expect(hubDay(new Date('2026-12-31T23:59:00.000Z'))).toBe('2026-12-31')
    expect(hubDay(new Date('2027-01-01T00:00:00.000Z'))).toBe('2027-01-01')
  })

  it("uses England's clocks whatever zone the machine is set to", () => {
    try {
      vi.stubEnv('TZ', 'Pacific/Auckland')
      expect(new Date('2026-07-03T08:15:00.000Z').getHours()).toBe(20)
      expect(londonToUtc('2026-07-03T09:15')).toBe('2026-07-03T08:15:00.000Z')
      expect(utcToLondon('2026-07-03T08:15:00.000Z')).toBe('2026-07-03T09:15')
      // 10:30 on 4 July in Auckland is 23:30 on the 3rd in England.
      expect(new Date('2026-07-03T22:30:00.000Z').getDate()).toBe(4)
      expect(hubDay(new Date('2026-07-03T22:30:00.000Z'))).toBe('2026-07-03')
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('throws on what is not a wall-clock time or an instant: a stored value the app did not write', () => {
    for (const bad of ['2026-02-30T10:00', '2026-01-01T24:00', '2026-01-01T10:60', '2026-01-01 10:00', '2026-01-01T10:00:00']) {
      expect(() => londonToUtc(bad)).toThrow(/Not a wall-clock time/)
    }
    expect(() => utcToLondon('yesterday')).toThrow(/Not an ISO-8601 instant/)
  })
})
