import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fullNamesFor, SUPPLEMENT } from './nicknames'
import { NAMES_CSV } from './nicknames/namesCsv'

describe('short forms and nicknames', () => {
  const cases: [string, string[]][] = [
    // From the upstream list.
    ['kate', ['katherine', 'kathryn']],
    ['alex', ['alexander', 'alexandra']],
    ['bill', ['william']],
    ['cathy', ['catherine', 'katherine']],
    // From our supplement, which the upstream list lacks.
    ['mohd', ['mohammad', 'mohammed', 'muhammad']],
    ['md', ['mohammad', 'mohammed', 'muhammad']],
    ['olek', ['aleksander']]
  ]
  for (const [short, fulls] of cases) {
    it(`reads ${short} as short for ${fulls.join(', ')}`, () => {
      expect(fullNamesFor(short)).toEqual(expect.arrayContaining(fulls))
    })
  }

  it('finds nothing for a word that is no short form', () => {
    expect(fullNamesFor('okafor')).toEqual([])
    expect(fullNamesFor('')).toEqual([])
  })

  it('gives every supplementary short form its reason, and none the upstream list already has', () => {
    const upstream = new Set(NAMES_CSV.split('\n').map((l) => l.trim()))
    for (const [full, short, why] of SUPPLEMENT) {
      expect(why.length).toBeGreaterThan(10)
      expect(upstream.has(`${full},has_nickname,${short}`)).toBe(false)
    }
  })

  it('holds exactly the vendored names.csv', () => {
    const csv = readFileSync(join(__dirname, 'nicknames', 'names.csv'), 'utf8').replace(/\r\n/g, '\n')
    expect(NAMES_CSV).toBe(csv)
  })
})
