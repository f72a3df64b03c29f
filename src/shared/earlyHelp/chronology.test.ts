// The chronology's filters as the screen sends them: the date boxes' value (datePartsToValue), checked
// by the contract's own schema.
import { describe, expect, it } from 'vitest'
import { datePartsToValue, type DateParts } from '../dates'
import { chronologyInput } from './chronology'

const familyId = '00000000-0000-4000-8000-000000000000'
const typed = (day: string, month: string, year: string): DateParts => ({ day, month, year })
const problems = (from: DateParts, to: DateParts) =>
  Object.fromEntries(
    (chronologyInput.safeParse({ familyId, from: datePartsToValue(from), to: datePartsToValue(to) }).error?.issues ?? []).map((i) => [
      i.path.join('.'),
      i.message
    ])
  )

describe("the chronology's date range, as typed in its boxes", () => {
  it('tells a day before 1900 the earliest day the filter takes, a year before 1000 too', () => {
    expect(problems(typed('1', '1', '0999'), typed('31', '12', '1899'))).toEqual({
      from: 'Start date must be 1 January 1900 or later',
      to: 'End date must be 1 January 1900 or later'
    })
    expect(problems(typed('1', '1', '0001'), typed('', '', ''))).toEqual({ from: 'Start date must be 1 January 1900 or later' })
  })

  it('still tells a day that is in no calendar that it is not a real date', () => {
    expect(problems(typed('29', '2', '0999'), typed('30', '2', '2026'))).toEqual({ from: 'Start date must be a real date', to: 'End date must be a real date' })
  })

  it('takes 1 January 1900 and later', () => {
    expect(problems(typed('1', '1', '1900'), typed('3', '7', '2026'))).toEqual({})
  })
})
