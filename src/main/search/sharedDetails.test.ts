import { afterAll, beforeAll, expect, it } from 'vitest'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'

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
