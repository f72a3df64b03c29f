import { describe, expect, it } from 'vitest'
import { foldName, nameTokens, queryToken, soundKeys, soundsAlike } from './names'
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
    expect(nameTokens('Li Na', 'Smith-Jones')).toEqual(['li', 'na', 'smith', 'jones', 'smithjones'])
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

describe('reading the search box', () => {
  it('splits a name from a date, postcode or NHS number typed with it', () => {
    expect(parseQuery('smith 3/7/2019')).toMatchObject({ nameTokens: ['smith'], date: '2019-07-03' })
    expect(parseQuery('jones b33 8th')).toMatchObject({ nameTokens: ['jones'], postcodeKey: 'B338TH' })
    expect(parseQuery('943 476 5919')).toMatchObject({ nameTokens: [], nhsNumber: '9434765919' })
    expect(parseQuery('3rd July 2019').understoodAs).toEqual(['Date 3 July 2019'])
    expect(parseQuery('RV 12')).toMatchObject({ reference: 'RV-000012' })
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
