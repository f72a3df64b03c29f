import { describe, expect, it } from 'vitest'
import { familyName, familyPeopleName, personName, type NamedPerson } from './familyName'

const adult = (givenName: string, familyName: string): NamedPerson => ({ kind: 'adult', givenName, familyName })
const child = (givenName: string, familyName: string): NamedPerson => ({ kind: 'child', givenName, familyName })
const unborn = (givenName: string | null, familyName: string): NamedPerson => ({ kind: 'unborn', givenName, familyName })

describe('familyName', () => {
  const cases: [what: string, people: NamedPerson[] | null, name: string][] = [
    ['one adult', [adult('Grace', 'Okafor')], 'Okafor family (RV-000001)'],
    ['adults sharing a surname, and their children', [adult('Grace', 'Okafor'), adult('Ben', 'Okafor'), child('Ada', 'Okafor')], 'Okafor family (RV-000001)'],
    ['the same surname typed in another case or without its accent', [adult('Zoë', 'Zoltán'), adult('Ian', 'zoltan ')], 'Zoltán family (RV-000001)'],
    ['adults with different surnames', [adult('Grace', 'Okafor'), adult('Tom', 'Reid'), child('Ada', 'Reid')], 'Grace Okafor and Tom Reid (RV-000001)'],
    [
      'three adults with different surnames',
      [adult('Grace', 'Okafor'), adult('Tom', 'Reid'), adult('Ann', 'Bell')],
      'Grace Okafor, Tom Reid and Ann Bell (RV-000001)'
    ],
    [
      'four adults: two named and the rest counted',
      [adult('Grace', 'Okafor'), adult('Tom', 'Reid'), adult('Ann', 'Bell'), adult('Joe', 'Bell')],
      'Grace Okafor, Tom Reid and 2 others (RV-000001)'
    ],
    [
      'a double-barrelled surname differs from either half',
      [adult('Grace', 'Okafor-Reid'), adult('Tom', 'Reid')],
      'Grace Okafor-Reid and Tom Reid (RV-000001)'
    ],
    ['children only: their surname', [child('Ada', 'Okafor'), child('Obi', 'Okafor')], 'Okafor family (RV-000001)'],
    ['children only, with different surnames: the children', [child('Ada', 'Okafor'), child('Tyler', 'Mottram')], 'Ada Okafor and Tyler Mottram (RV-000001)'],
    ['children are not named when there is an adult', [adult('Kerry', 'Mottram'), child('Tyler', 'Smith')], 'Mottram family (RV-000001)'],
    ['an unborn baby alone', [unborn(null, 'Okafor')], 'Okafor family (RV-000001)'],
    ['unborn twins of different surnames, one not yet named', [unborn(null, 'Okafor'), unborn('Sam', 'Reid')], 'Unborn baby Okafor and Sam Reid (RV-000001)'],
    ['a child before an unborn baby', [unborn(null, 'Reid'), child('Ada', 'Okafor')], 'Okafor family (RV-000001)'],
    ['no members (everyone has moved out)', [], 'Family RV-000001'],
    ['a restricted family the viewer may not see', null, 'Family RV-000001']
  ]
  it.each(cases)('%s', (_what, people, name) => {
    expect(familyName('RV-000001', people)).toBe(name)
  })

  it('gives no name without people, so a caller can fall back to the reference', () => {
    expect(familyPeopleName([])).toBeNull()
    expect(familyPeopleName([adult('Grace', 'Okafor')])).toBe('Okafor family')
  })

  it('names an unborn baby without a first name', () => {
    expect(personName({ kind: 'unborn', givenName: null, familyName: 'Okafor' })).toBe('Unborn baby Okafor')
    expect(personName({ kind: 'child', givenName: 'Ada', familyName: 'Okafor' })).toBe('Ada Okafor')
  })
})
