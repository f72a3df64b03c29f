// SQLite's answer to two or three letters typed alone (sm, smi): read in name order from the names'
// first letters (SEARCH_STARTS, sqliteSearch.ts) instead of sorting every match the full-text index
// finds. Through the real router on a real file: whatever is registered, renamed or moved, the table
// finds for every two letters, and every three it holds, exactly who the index finds, in the same
// order, and the search shows them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'
import { okaforFamily, yearsAgo } from '../testing/fixtures'
import { SEARCH_ROWS, SEARCH_STARTS, SEARCH_TABLE } from './sqliteSearch'

let t: TempCasebook

const adult = (givenName: string, familyName: string) => ({
  member: { kind: 'adult', givenName, familyName, dateOfBirth: yearsAgo(35), sex: 'F', ethnicity: 'WBRI', relationship: 'PARENT_CARER' }
})
const household = (postcode: string, ...members: object[]) => ({
  family: { addressLine1: '2 Low Street', town: 'Leeds', postcode, mainLanguage: 'English' },
  members
})

beforeAll(async () => {
  t = await tempCasebook('two-letters')
  await t.ok('families.register', okaforFamily())
  // Particles, one-letter words, hyphens, accents, a name of two letters, and names sharing their first two letters.
  await t.ok('families.register', household('LS1 4AP', adult('Ng', 'Mac Donald'), adult('Jo', 'de Souza')))
  await t.ok('families.register', household('LS2 7EY', adult('Smita', 'Smith-Jones'), adult('Zoë', 'Smyth')))
  await t.ok('families.register', household('M1 1AE', adult('Ali', 'O Brien'), adult('Aleksander', 'Alexander')))
})
afterAll(async () => {
  await t.dispose()
})

const ids = async (sql: string, param: string) => ((await t.casebook.core.db.query(sql, [param])) as { id: string }[]).map((r) => r.id)
/** The starts for which the table and the full-text index find different people, or the same in another order. */
async function disagreements(): Promise<string[]> {
  const letters = [...'abcdefghijklmnopqrstuvwxyz']
  const held = (await t.casebook.core.db.query(`SELECT DISTINCT start FROM ${SEARCH_STARTS} WHERE length(start) = 3`)) as { start: string }[]
  const differ: string[] = []
  for (const start of [...letters.flatMap((a) => letters.map((b) => a + b)), ...held.map((h) => h.start), 'smz', 'qxj']) {
    const starts = await ids(
      `SELECT r.person_id AS id FROM ${SEARCH_STARTS} s JOIN ${SEARCH_ROWS} r ON r.search_rowid = s.search_rowid WHERE s.start = ? ORDER BY s.sort_key, r.person_id`,
      start
    )
    const index = await ids(`SELECT person_id AS id FROM ${SEARCH_TABLE} WHERE ${SEARCH_TABLE} MATCH ? ORDER BY sort_key, person_id`, `names:"${start}"*`)
    if (JSON.stringify(starts) !== JSON.stringify(index)) differ.push(start)
  }
  return differ
}
const names = async (text: string) =>
  (await t.ok('people.search', { text })).hits.map((h: { givenName: string | null; familyName: string }) => `${h.givenName ?? ''} ${h.familyName}`.trim())

describe('two or three letters typed alone, on SQLite', () => {
  it('finds for every two letters, and every three it holds, who the full-text index finds, in name order', async () => {
    expect(await disagreements()).toEqual([])
    expect(await names('sm')).toEqual(['Smita Smith-Jones', 'Zoë Smyth'])
    // Smith-Jones by her own names first, from the table; Smyth after her, by sound, from the index.
    expect(await names('smi')).toEqual(['Smita Smith-Jones', 'Zoë Smyth'])
    expect(await names('ng')).toEqual(['Ng Mac Donald'])
    // Own names first (Aleksander Alexander, Ali O Brien), then those found by their household's surname.
    expect(await names('al')).toEqual(['Aleksander Alexander', 'Ali O Brien'])
    // The phases after the first still follow it: Md is a short form of Mohammed.
    expect(await names('md')).toEqual(['Mohammed Okafor'])
    expect(await names('qx')).toEqual([])
  })

  it('follows a rename and a move', async () => {
    const [zoe] = (await t.ok('people.search', { text: 'zoe smyth' })).hits
    const view = await t.ok('families.get', { id: zoe.familyId })
    const member = view.members.find((m: { givenName: string }) => m.givenName === 'Zoë')
    const renamed = {
      kind: 'adult',
      givenName: 'Zoë',
      familyName: 'Hallam',
      dateOfBirth: member.dateOfBirth,
      sex: 'F',
      ethnicity: 'WBRI',
      relationship: 'PARENT_CARER'
    }
    await t.ok('people.update', { id: member.id, version: member.version, member: renamed })
    expect(await names('sm')).toEqual(['Smita Smith-Jones'])
    expect(await names('ha')).toEqual(['Zoë Hallam'])
    const okafors = (await t.ok('people.search', { text: 'grace okafor' })).hits[0].familyReference
    await t.ok('people.move', { id: member.id, version: member.version + 1, toFamilyReference: okafors })
    expect(await names('ha')).toEqual(['Zoë Hallam'])
    expect(await disagreements()).toEqual([])
  })
})
