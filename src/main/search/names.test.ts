import { describe, expect, it } from 'vitest'
import { foldName, nameTokens, queryTerms, queryToken, soundKeys, soundsAlike } from './names'
import { parseQuery } from './parseQuery'

describe('name folding', () => {
  it('drops accents and case, and folds letters that have no decomposition', () => {
    expect(foldName('Zoë Brontë')).toBe('zoe bronte')
    expect(foldName('Łukasz Wiśniewski')).toBe('lukasz wisniewski')
    expect(foldName('Straße Ærøskøbing')).toBe('strasse aeroskobing')
    expect(foldName('SIOBHÁN')).toBe('siobhan')
  })

  it('indexes hyphenated and apostrophised names by each part and joined up', () => {
    expect(nameTokens('Grace', "O'Neill-Okafor")).toEqual(['grace', 'o', 'neill', 'okafor', 'oneillokafor'])
    expect(nameTokens('Li Na', 'Smith-Jones')).toEqual(['li', 'na', 'lina', 'smith', 'jones', 'smithjones'])
    expect(nameTokens(null, 'D’Souza')).toEqual(['d', 'souza', 'dsouza'])
  })

  it('reads a typed word with apostrophes and hyphens removed', () => {
    expect(queryToken("O'Neill")).toBe('oneill')
    expect(queryToken('Smith-Jones')).toBe('smithjones')
    expect(queryToken('"*(:)^')).toBe('')
  })

  it('gives names that sound alike a shared key, and short words none', () => {
    expect(soundsAlike('Smith', 'Smyth')).toBe(true)
    expect(soundsAlike('Mohammed', 'Muhammad')).toBe(true)
    expect(soundsAlike('Catherine', 'Kathryn')).toBe(true)
    expect(soundsAlike('Aisha', 'Ayesha')).toBe(true)
    expect(soundsAlike('Smith', 'Jones')).toBe(false)
    expect(soundKeys('a')).toEqual([])
    expect(soundKeys('12')).toEqual([])
  })
})

describe('name particles and joiners', () => {
  // [name on record, the words it is found by]
  const indexed: [string, string[]][] = [
    ['MacDonald', ['macdonald']],
    ['Mac Donald', ['mac', 'donald', 'macdonald']],
    ['Mc Kenzie', ['mc', 'kenzie', 'mckenzie']],
    ['de Souza', ['de', 'souza', 'desouza']],
    ['van der Berg', ['van', 'der', 'berg', 'vanderberg']],
    ['Garcia Lopez', ['garcia', 'lopez', 'garcialopez']],
    ['Garcia-Lopez', ['garcia', 'lopez', 'garcialopez']],
    ['Maria de la Cruz', ['maria', 'de', 'la', 'cruz', 'mariadelacruz', 'delacruz']]
  ]
  for (const [name, tokens] of indexed) {
    it(`indexes ${name} as ${tokens.join(', ')}`, () => {
      expect(nameTokens(name)).toEqual(tokens)
    })
  }

  // [as typed, the terms matched: each term's words apart, or joined]
  const typed: [string, string[][]][] = [
    ['mac donald', [['mac', 'donald']]],
    ['macdonald', [['macdonald']]],
    ['mc kenzie', [['mc', 'kenzie']]],
    ['van der berg', [['van', 'der', 'berg']]],
    ['van der', [['van', 'der']]],
    ['garcia-lopez', [['garcialopez']]],
    ['rosa de souza', [['rosa'], ['de', 'souza']]],
    ['de', [['de']]]
  ]
  for (const [text, terms] of typed) {
    it(`reads "${text}" as ${terms.map((t) => t.join('+')).join(' and ')}`, () => {
      const tokens = text.split(/\s+/).map(queryToken)
      expect(queryTerms(tokens)).toEqual(terms.map((words) => ({ words, joined: words.join('') })))
    })
  }
})

describe('reading the search box', () => {
  it('splits a name from a date, postcode or NHS number typed with it', () => {
    expect(parseQuery('smith 3/7/2019')).toMatchObject({ nameTokens: ['smith'], date: '2019-07-03' })
    expect(parseQuery('jones b33 8th')).toMatchObject({ nameTokens: ['jones'], postcodeKey: 'B338TH' })
    expect(parseQuery('943 476 5919')).toMatchObject({ nameTokens: [], nhsNumber: '9434765919' })
    expect(parseQuery('3rd July 2019').understoodAs).toEqual(['Date 3 July 2019'])
    expect(parseQuery('RV 12')).toMatchObject({ reference: 'RV-000012' })
  })

  it('reads a two-digit year as the most recent past one, and a postcode’s first half as its district', () => {
    expect(parseQuery('zoe 3/7/19', '2026-11-24')).toMatchObject({ nameTokens: ['zoe'], date: '2019-07-03' })
    expect(parseQuery('03.07.19', '2026-11-24')).toMatchObject({ nameTokens: [], date: '2019-07-03' })
    expect(parseQuery('1/12/26', '2026-11-24')).toMatchObject({ date: '1926-12-01' })
    expect(parseQuery('B33')).toMatchObject({ postcodeDistrict: 'B33', nameTokens: [], understoodAs: ['Postcode district B33'] })
    expect(parseQuery('smith ls11')).toMatchObject({ postcodeDistrict: 'LS11', nameTokens: ['smith'] })
    expect(parseQuery('B33 8TH')).toMatchObject({ postcodeKey: 'B338TH', postcodeDistrict: null })
    // LS1 is also a family reference: both are searched.
    expect(parseQuery('LS1')).toMatchObject({ reference: 'LS-000001', postcodeDistrict: 'LS1' })
    // Not a district: a letter Royal Mail never puts first, or not letters then a digit.
    expect(parseQuery('Q1 smith')).toMatchObject({ postcodeDistrict: null })
  })

  it('leaves an invalid NHS number or impossible date as words, which match no one', () => {
    expect(parseQuery('943 476 5918')).toMatchObject({ nhsNumber: null, nameTokens: ['943', '476', '5918'] })
    expect(parseQuery('31/2/2019')).toMatchObject({ date: null })
  })
})

describe('as the user starts typing', () => {
  it('waits for a second letter before searching by name alone, but not with another criterion', () => {
    expect(parseQuery('s').nameTokens).toEqual([])
    expect(parseQuery('sm').nameTokens).toEqual(['sm'])
    expect(parseQuery('s 3/7/2019')).toMatchObject({ nameTokens: ['s'], date: '2019-07-03' })
  })
})
