// Who could have given consent, and on which day: the rule the core applies with the person's
// record (src/main/consent/consent.test.ts), here on its own, birthdays and bounds included.
import { describe, expect, it } from 'vitest'
import { consentProblems, couldGiveConsent, recordConsentInput } from './schemas'
import { addYears, todayIso } from '../dates'

const today = '2026-11-23'
const adult = { kind: 'adult' as const, dateOfBirth: '1990-05-01' }
const child = (dateOfBirth: string | null) => ({ kind: 'child' as const, dateOfBirth })
const unborn = { kind: 'unborn' as const, dateOfBirth: null }

describe('who could have given consent', () => {
  it('an adult of the household, on any day of the last 10 years', () => {
    expect(consentProblems(adult, today, today)).toBeNull()
    expect(consentProblems(adult, '2016-11-23', today)).toBeNull()
  })

  it('a child from their 16th birthday, and not the day before', () => {
    expect(consentProblems(child('2010-11-23'), '2026-11-23', today)).toBeNull()
    expect(consentProblems(child('2010-11-23'), '2026-11-22', today)).toEqual({
      givenById: 'They were under 16 on the date consent was given. Select an adult or a young person aged 16 or over'
    })
    // Born on 29 February (16 years on is always a leap year, until 2100).
    expect(consentProblems(child('2008-02-29'), '2024-02-28', today)?.givenById).toMatch(/^They were under 16/)
    expect(consentProblems(child('2008-02-29'), '2024-02-29', today)).toBeNull()
  })

  it('never an unborn baby, a younger child, or a child whose date of birth is not known', () => {
    expect(consentProblems(unborn, today, today)).toEqual({
      givenById: 'An unborn baby cannot give consent. Select an adult or a young person aged 16 or over'
    })
    expect(consentProblems(child('2024-08-01'), today, today)?.givenById).toMatch(/^They were under 16/)
    expect(consentProblems(child(null), today, today)).toEqual({ givenById: 'Select an adult or a young person aged 16 or over' })
  })

  it('not on a day before they were born, in the future, or more than 10 years ago', () => {
    expect(consentProblems({ kind: 'adult', dateOfBirth: '2020-01-01' }, '2019-12-31', today)).toEqual({
      givenOn: 'Date consent was given must be on or after the date of birth of the person who gave it'
    })
    expect(consentProblems(adult, '2026-11-24', today)).toEqual({ givenOn: 'Date consent was given must be today or in the past' })
    expect(consentProblems(adult, '2016-11-22', today)).toEqual({ givenOn: 'Date consent was given must be within the last 10 years' })
  })

  it('is what a form offers: those who could give consent today', () => {
    expect([adult, child('2010-11-23'), child('2010-11-24'), unborn].map((p) => couldGiveConsent(p, today))).toEqual([true, true, false, false])
  })
})

describe('the consent form', () => {
  it('refuses a date more than 10 years ago before the core is asked', () => {
    const input = { familyId: '00000000-0000-4000-8000-000000000000', givenById: '00000000-0000-4000-8000-000000000001', scope: 'CONTACT', method: 'VERBAL' }
    expect(recordConsentInput.safeParse({ ...input, givenOn: '1900-01-01' }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['givenOn', 'Date consent was given must be within the last 10 years']
    ])
    expect(recordConsentInput.safeParse({ ...input, givenOn: addYears(todayIso(), -10) }).success).toBe(true)
  })
})
