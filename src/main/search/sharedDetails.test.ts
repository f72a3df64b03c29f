import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'
import { searchIndexOf } from './searchIndex'
import { parseQuery } from './parseQuery'

// 1 January is the date of birth given to many people whose own is not known, and a hostel or a
// block of flats gives hundreds of households one postcode: more people than a search or the
// duplicate check may cut to before it looks at their names.
let t: TempCasebook
const SHARING = 520
const SHARED_DATE = '2000-01-01'
const SHARED_POSTCODE = 'M1 1AE'

// Names that neither sound alike nor start alike, and all sort before Zulu: Babibe, Fabibe, Kabibe…
const LETTERS = ['b', 'f', 'k', 'l', 'm', 'n', 'r', 's', 't', 'j']
const word = (i: number, vowel: string) => `${LETTERS[i % 10]!.toUpperCase()}a${LETTERS[Math.floor(i / 10) % 10]}${vowel}${LETTERS[Math.floor(i / 100) % 10]}e`
const adult = (givenName: string, familyName: string) => ({
  member: { kind: 'adult', givenName, familyName, dateOfBirth: SHARED_DATE, sex: 'F', ethnicity: 'WBRI', relationship: 'PARENT_CARER' }
})

beforeAll(async () => {
  t = await tempCasebook('search-shared')
  // Twenty to a household, the most registered at once.
  for (let start = 0; start < SHARING; start += 20) {
    const members = Array.from({ length: 20 }, (_, j) => adult(word(start + j, 'i'), word(start + j, 'o')))
    await t.ok('families.register', {
      family: { addressLine1: `Flat ${start}`, town: 'Manchester', postcode: SHARED_POSTCODE, mainLanguage: 'English' },
      members
    })
  }
  await t.ok('families.register', {
    family: { addressLine1: 'Flat Z', town: 'Manchester', postcode: SHARED_POSTCODE, mainLanguage: 'English' },
    members: [adult('Zed', 'Zulu')]
  })
}, 120_000)
afterAll(async () => {
  await t.dispose()
})

const names = async (text: string) =>
  (await t.ok('people.search', { text })).hits.map((h: { givenName: string; familyName: string }) => `${h.givenName} ${h.familyName}`)

it('finds a name with a date of birth or a postcode that hundreds of others share', async () => {
  const [sharing] = (await t.casebook.core.db.query('SELECT count(*) AS n FROM person WHERE date_of_birth = ?', [SHARED_DATE])) as { n: number }[]
  expect(sharing?.n).toBe(SHARING + 1)
  expect(await names('zulu 1/1/00')).toEqual(['Zed Zulu'])
  expect(await names('zulu M1 1AE')).toEqual(['Zed Zulu'])
  expect(await names('zed zulu 1 January 2000 M11AE')).toEqual(['Zed Zulu'])
})

it('the duplicate check finds the same name among hundreds sharing the date of birth', async () => {
  const { matches } = await t.ok('people.checkDuplicates', { givenName: 'Zed', familyName: 'Zulu', dateOfBirth: SHARED_DATE })
  expect(matches.map((m: { givenName: string; familyName: string; band: string }) => `${m.givenName} ${m.familyName} ${m.band}`)).toEqual(['Zed Zulu likely'])
})

describe('a name with a date of birth or a postcode that hundreds share: only the page is read out, the best-ranked first', () => {
  // kab: six people's own names start so (Kabibe Kabobe, Kabife Kabofe, ...), and their households
  // (twenty to one) hold 114 more with a Kab… surname among them: 120 match, more than a page.
  const people = Array.from({ length: SHARING }, (_, i) => ({ given: word(i, 'i'), family: word(i, 'o'), household: Math.floor(i / 20) }))
  const starts = (name: string) => name.toLowerCase().startsWith('kab')
  const kabHouseholds = new Set(people.filter((p) => starts(p.family)).map((p) => p.household))
  const own = people.filter((p) => starts(p.given) || starts(p.family))
  const byHousehold = people.filter((p) => !own.includes(p) && kabHouseholds.has(p.household))
  const byName = (a: { family: string; given: string }, b: { family: string; given: string }) =>
    a.family.localeCompare(b.family) || a.given.localeCompare(b.given)
  // Today's order: the person's own names first, then their household's surnames, each by name.
  const ranked = [...own.sort(byName), ...byHousehold.sort(byName)].map((p) => `${p.given} ${p.family}`)

  it.each(['kab 1/1/2000', 'kab M1 1AE'])('%s: the first 25 of 120 as they rank, which the search page shows as more than a page', async (text) => {
    expect([own.length, byHousehold.length]).toEqual([6, 114])
    const hits = await names(text)
    expect(hits).toHaveLength(25)
    expect(hits).toEqual(ranked.slice(0, 25))
    const all = (await t.ok('people.search', { text, limit: 100 })).hits.map((h: { givenName: string; familyName: string }) => `${h.givenName} ${h.familyName}`)
    expect(all).toEqual(ranked.slice(0, 100))
  })

  it('reads out no more rows than the page holds, however many share the date', async () => {
    const [statement, ...more] = searchIndexOf(t.casebook.core.db).peopleQueries(parseQuery('kab 1/1/2000'), null)
    expect(more).toEqual([])
    const query = statement!(25)
    // The date still narrows first (core/queryPlans.test.ts): all 521 are looked at, 25 read out.
    expect(((await t.casebook.core.db.query(query.sql, query.params)) as unknown[]).length).toBe(25)
  })
})
