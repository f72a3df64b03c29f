// One registration: the same person twice is caught on the later one's field, and a registration
// adds at most MAX_MEMBERS_AT_REGISTRATION people.
import { describe, expect, it } from 'vitest'
import { addMonths, addYears, todayIso } from '../dates'
import { MAX_MEMBERS_AT_REGISTRATION, registerFamilyInput, type MemberInput } from './schemas'

const today = todayIso()
const family = { addressLine1: '12 Acacia Road', town: 'Birmingham', postcode: 'B33 8TH', mainLanguage: 'English' }
const adult = (more: Partial<MemberInput> = {}) =>
  ({
    kind: 'adult',
    givenName: 'Grace',
    familyName: 'Okafor',
    dateOfBirth: addYears(today, -31),
    sex: 'F',
    ethnicity: 'BAFR',
    relationship: 'PARENT_CARER',
    ...more
  }) as MemberInput
const child = (more: Partial<MemberInput> = {}) =>
  ({ kind: 'child', givenName: 'Catherine', familyName: 'Okafor', dateOfBirth: '2019-07-03', sex: 'F', ethnicity: 'BAFR', ...more }) as MemberInput
const unborn = (more: Partial<MemberInput> = {}) => ({ kind: 'unborn', familyName: 'Okafor', expectedDate: addMonths(today, 3), ...more }) as MemberInput

function problems(...members: MemberInput[]) {
  const result = registerFamilyInput.safeParse({ family, members: members.map((member) => ({ member })) })
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]))
}

describe('the same person twice in one registration', () => {
  it('is caught by kind, name and date of birth, whatever the case, accents, spaces or hyphens', () => {
    expect(problems(adult(), child(), child({ givenName: 'CATHERINE', familyName: ' okafor ' }))).toEqual({
      'members.2.member.givenName': 'You have already added this person as Child 1'
    })
    expect(problems(child({ givenName: 'Zoë', familyName: "O'Neill-Okafor" }), child({ givenName: 'Zoe', familyName: 'ONeill Okafor' }))).toEqual({
      'members.1.member.givenName': 'You have already added this person as Child 1'
    })
  })

  it('is caught by an NHS number or a UPN given twice, whoever they are', () => {
    expect(problems(adult({ nhsNumber: '943 476 5919' }), adult({ givenName: 'Samuel', nhsNumber: '9434765919' }))).toEqual({
      'members.1.member.nhsNumber': 'Adult 1 already has this NHS number'
    })
    expect(problems(adult({ nhsNumber: '9434765919' }), child({ nhsNumber: '943-476-5919' }))).toEqual({
      'members.1.member.nhsNumber': 'Adult 1 already has this NHS number'
    })
    expect(problems(child({ upn: 'Q823456789012' }), child({ givenName: 'Mohammed', dateOfBirth: '2021-01-01', upn: 'q823456789012' }))).toEqual({
      'members.1.member.upn': 'Child 1 already has this UPN'
    })
  })

  it('is found even when other fields of the members are wrong, so every problem is listed at once', () => {
    expect(problems(child({ sex: '' as never }), child())).toEqual({
      'members.0.member.sex': 'Select sex',
      'members.1.member.givenName': 'You have already added this person as Child 1'
    })
  })

  it('lets twins, a parent and child with one name, and unnamed unborn twins through', () => {
    expect(problems(child({ givenName: 'Ada' }), child({ givenName: 'Grace' }))).toEqual({})
    expect(problems(adult({ givenName: 'Samuel' }), child({ givenName: 'Samuel', dateOfBirth: '2019-07-03' }))).toEqual({})
    expect(problems(adult(), unborn(), unborn())).toEqual({})
    expect(problems(adult(), unborn({ givenName: 'Ada' }), unborn({ givenName: 'Ada' }))).toEqual({
      'members.2.member.givenName': 'You have already added this person as Unborn baby 1'
    })
  })
})

describe('the size of a registration', () => {
  it(`takes up to ${MAX_MEMBERS_AT_REGISTRATION} members, and says what to do with more`, () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => child({ givenName: 'Child', familyName: `Okafor${'a'.repeat(i)}` }))
    expect(problems(...many(MAX_MEMBERS_AT_REGISTRATION))).toEqual({})
    expect(problems(...many(MAX_MEMBERS_AT_REGISTRATION + 1))).toEqual({
      members: 'Register up to 20 members at a time, then add the others to the family'
    })
  })
})
