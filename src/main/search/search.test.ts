import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'
import { okaforFamily, yearsAgo } from '../testing/fixtures'

let t: TempCasebook
let okafor: { id: string; reference: string }

const adult = (givenName: string, familyName: string, extra: object = {}) => ({
  member: { kind: 'adult', givenName, familyName, dateOfBirth: yearsAgo(40), sex: 'F', ethnicity: 'WBRI', relationship: 'PARENT_CARER', ...extra }
})
const family = (postcode: string, ...members: object[]) => ({
  family: { addressLine1: '1 High Street', town: 'Leeds', postcode, mainLanguage: 'English' },
  members
})

beforeAll(async () => {
  t = await tempCasebook('search')
  okafor = await t.ok('families.register', okaforFamily())
  await t.ok('families.register', family('LS1 4AP', adult('Sean', 'Smith-Jones'), adult('Kathryn', 'Smyth'), adult('Zoë', 'Brontë')))
  await t.ok('families.register', family('M1 1AE', adult('Muhammad', 'Khan'), adult('Jon', 'Jones')))
})
afterAll(async () => {
  await t.dispose()
})

const names = async (text: string) =>
  (await t.ok('people.search', { text })).hits.map((h: { givenName: string | null; familyName: string }) => `${h.givenName ?? ''} ${h.familyName}`.trim())

describe('people search', () => {
  it('finds any part of a name as it is typed, ignoring case', async () => {
    expect(await names('cath')).toEqual(['Catherine Okafor'])
    expect(await names('OKAF')).toHaveLength(5)
    expect(await names('samuel ok')).toEqual(['Samuel Okafor'])
  })

  it('ignores accents, apostrophes and hyphens', async () => {
    expect(await names('oneill')).toEqual(["Grace O'Neill-Okafor"])
    expect(await names("o'neill")).toEqual(["Grace O'Neill-Okafor"])
    expect(await names('neill')).toEqual(["Grace O'Neill-Okafor"])
    expect(await names('smith jones')).toEqual(['Sean Smith-Jones'])
    expect(await names('smithjones')).toEqual(['Sean Smith-Jones'])
    expect(await names('zoe bronte')).toEqual(['Zoë Brontë'])
  })

  it('finds names that sound alike, literal matches first', async () => {
    expect(await names('smyth')).toEqual(['Kathryn Smyth', 'Sean Smith-Jones'])
    expect(await names('smith')).toEqual(['Sean Smith-Jones', 'Kathryn Smyth'])
    expect(await names('mohammed')).toEqual(['Mohammed Okafor', 'Muhammad Khan'])
    expect(await names('catherine')).toEqual(['Catherine Okafor', 'Kathryn Smyth'])
  })

  it('finds by date of birth however it is typed', async () => {
    for (const text of ['3/7/2019', '03/07/2019', '3 July 2019', '3 jul 2019', '2019-07-03']) {
      expect(await names(text)).toEqual(['Catherine Okafor'])
    }
    const result = await t.ok('people.search', { text: '3 July 2019' })
    expect(result.understoodAs).toEqual(['Date 3 July 2019'])
  })

  it('finds by postcode with or without its space, NHS number with or without spaces, UPN and family reference', async () => {
    expect(await names('b33 8th')).toHaveLength(5)
    expect(await names('B338TH')).toHaveLength(5)
    expect(await names('943 476 5919')).toEqual(["Grace O'Neill-Okafor"])
    expect(await names('9434765919')).toEqual(["Grace O'Neill-Okafor"])
    expect(await names('Q823456789012')).toEqual(['Catherine Okafor'])
    expect(await names(okafor.reference)).toHaveLength(5)
    expect(await names('th1')).toHaveLength(5)
  })

  it('combines a name with a date or postcode', async () => {
    expect(await names('okafor 3/7/2019')).toEqual(['Catherine Okafor'])
    expect(await names('jones M1 1AE')).toEqual(['Jon Jones'])
  })

  it('shows age, reference, address and postcode for each result, and nothing for empty or unmatched text', async () => {
    const hit = (await t.ok('people.search', { text: 'catherine okafor' })).hits[0]
    expect(hit).toMatchObject({
      dateOfBirth: '2019-07-03',
      familyReference: okafor.reference,
      addressLine1: '12 Acacia Road',
      town: 'Birmingham',
      postcode: 'B33 8TH',
      kind: 'child'
    })
    expect(await names('')).toEqual([])
    expect(await names('   ')).toEqual([])
    expect(await names('zzzzqqq')).toEqual([])
    expect(await names('"*(:)^')).toEqual([])
  })
})

describe('duplicate check', () => {
  const check = async (input: object) =>
    (await t.ok('people.checkDuplicates', input)).matches.map((m: { band: string; givenName: string }) => `${m.band} ${m.givenName}`)

  it('is certain for a matching NHS number or UPN, whatever the name', async () => {
    expect(await check({ givenName: 'Anne', familyName: 'Other', nhsNumber: '9434765919' })).toEqual(['certain Grace'])
    expect(await check({ givenName: 'Anne', familyName: 'Other', upn: 'Q823456789012' })).toEqual(['certain Catherine'])
  })

  it('is likely for a sound-alike name with the same date of birth', async () => {
    expect(await check({ givenName: 'Kathryn', familyName: 'Okafor', dateOfBirth: '2019-07-03' })).toEqual(['likely Catherine'])
    expect(await check({ givenName: 'Kathryn', familyName: 'Okafor', dateOfBirth: '2019-07-04' })).toEqual([])
    expect(await check({ givenName: 'Peter', familyName: 'Okafor', dateOfBirth: '2019-07-03' })).toEqual([])
  })

  it('is possible for the same first name and date of birth at the same postcode', async () => {
    expect(await check({ givenName: 'Catherine', familyName: 'Bell', dateOfBirth: '2019-07-03', postcode: 'B338TH' })).toEqual(['possible Catherine'])
    expect(await check({ givenName: 'Catherine', familyName: 'Bell', dateOfBirth: '2019-07-03', postcode: 'M1 1AE' })).toEqual([])
  })

  it('leaves out the person being edited', async () => {
    const [{ personId }] = (await t.ok('people.checkDuplicates', { familyName: 'x', nhsNumber: '9434765919' })).matches
    expect(await check({ familyName: 'x', nhsNumber: '9434765919', excludePersonId: personId })).toEqual([])
  })

  it('refuses to register a duplicate until the user confirms it is a different person, and stores that decision', async () => {
    const input = family('B33 8TH', {
      member: { kind: 'child', givenName: 'Kathryn', familyName: 'Okafor', dateOfBirth: '2019-07-03', sex: 'F', ethnicity: 'BAFR' }
    })
    const refused = await t.connection.invoke('families.register', input)
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    expect(refused.error.code).toBe('DUPLICATE_UNCONFIRMED')
    expect(refused.error.fields?.['members.0.member']).toMatch(/Kathryn Okafor may already be on record \(likely: Catherine Okafor/)
    const [match] = (await t.ok('people.checkDuplicates', { givenName: 'Kathryn', familyName: 'Okafor', dateOfBirth: '2019-07-03' })).matches
    const saved = await t.ok('families.register', { ...input, members: [{ ...input.members[0], notDuplicateOf: [match.personId] }] })
    const decisions = await t.casebook.core.db.query(
      `SELECT d.other_person_id, d.decided_by_user_id FROM duplicate_decision d JOIN person p ON p.id = d.person_id WHERE p.family_id = ?`,
      [saved.id]
    )
    // The test's trusted caller has no account: decided by the system (the audit trail names them).
    expect(decisions).toEqual([{ other_person_id: match.personId, decided_by_user_id: null }])
  })
})

describe('duplicates when editing someone already on record', () => {
  it('refuses a change that makes them match someone else, until confirmed; a confirmed pair is not asked about again', async () => {
    const { id } = await t.ok('families.register', family('LS6 1AN', adult('Aoife', 'Byrne', { nhsNumber: null })))
    const view = await t.ok('families.get', { id })
    const aoife = view.members[0]
    const edited = { ...aoife, kind: 'adult', nhsNumber: '943 476 5919', relationship: 'PARENT_CARER', parentalResponsibility: false }
    const member = {
      kind: 'adult',
      givenName: 'Aoife',
      familyName: 'Byrne',
      dateOfBirth: aoife.dateOfBirth,
      sex: 'F',
      ethnicity: 'WBRI',
      relationship: 'PARENT_CARER',
      nhsNumber: edited.nhsNumber
    }
    const refused = await t.connection.invoke('people.update', { id: aoife.id, version: aoife.version, member })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'DUPLICATE_UNCONFIRMED', fields: { member: expect.stringMatching(/certain: Grace O'Neill-Okafor/) } }
    })
    expect(await t.ok('people.checkDuplicates', { familyName: 'Byrne', nhsNumber: '9434765919', excludePersonId: aoife.id })).toMatchObject({
      matches: [{ band: 'certain' }]
    })

    const grace = (await t.ok('people.checkDuplicates', { familyName: 'x', nhsNumber: '9434765919' })).matches[0]
    await t.ok('people.update', { id: aoife.id, version: aoife.version, member, notDuplicateOf: [grace.personId] })
    // Decided once: neither this person's later edits nor the check ask again.
    expect(await t.ok('people.checkDuplicates', { familyName: 'Byrne', nhsNumber: '9434765919', excludePersonId: aoife.id })).toEqual({ matches: [] })
    await t.ok('people.update', { id: aoife.id, version: aoife.version + 1, member: { ...member, givenName: 'Aoife Mary' } })
  })
})
