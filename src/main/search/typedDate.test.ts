import { describe, expect, it } from 'vitest'
import { parseSearchDate } from './typedDate'

const TODAY = '2026-11-24'

describe('dates typed with a two-digit year', () => {
  const cases: [string, string | null][] = [
    ['3/7/19', '2019-07-03'],
    ['03.07.19', '2019-07-03'],
    ['3-7-19', '2019-07-03'],
    ['03/07/19', '2019-07-03'],
    // Today and yesterday are this century; a day later would be in the future, so the last.
    ['24/11/26', '2026-11-24'],
    ['23/11/26', '2026-11-23'],
    ['25/11/26', '1926-11-25'],
    ['1/1/27', '1927-01-01'],
    ['31/12/99', '1999-12-31'],
    ['1/1/00', '2000-01-01'],
    // 2000 was a leap year; 2025 and 1925 were not, so 29 February 25 is no date at all.
    ['29/2/00', '2000-02-29'],
    ['29/2/25', null],
    ['31/4/19', null],
    ['3/13/19', null],
    ['3/7/1', null],
    ['3/7/019', null],
    // Every form a form accepts still reads the same.
    ['3/7/2019', '2019-07-03'],
    ['3 July 2019', '2019-07-03'],
    ['2019-07-03', '2019-07-03'],
    ['smith', null]
  ]
  for (const [typed, expected] of cases) {
    it(`reads ${typed} as ${expected ?? 'no date'}`, () => {
      expect(parseSearchDate(typed, TODAY)).toBe(expected)
    })
  }
})
