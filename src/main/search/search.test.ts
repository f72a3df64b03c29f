import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { okaforFamily, yearsAgo } from '../testing/fixtures'
import { signedInUser } from '../testing/accounts'

let t: TempCasebook
let okafor: { id: string; reference: string }

const adult = (givenName: string, familyName: string, extra: object = {}) => ({
  member: { kind: 'adult', givenName, familyName, dateOfBirth: yearsAgo(40), sex: 'F', ethnicity: 'WBRI', relationship: 'PARENT_CARER', ...extra }
})
const child = (givenName: string, familyName: string, dateOfBirth: string, extra: object = {}) => ({
  member: { kind: 'child', givenName, familyName, dateOfBirth, sex: 'M', ethnicity: 'WBRI', ...extra }
})
const family = (postcode: string, ...members: object[]) => ({
  family: { addressLine1: '1 High Street', town: 'Leeds', postcode, mainLanguage: 'English' },
  members
})

beforeAll(async () => {
  t = await tempCasebook('search')
  okafor = await t.ok('families.register', okaforFamily())
  // Each alone in their household, so that only their own names find them.
  await t.ok('families.register', family('LS1 4AP', adult('Sean', 'Smith-Jones')))
  await t.ok('families.register', family('LS1 4AP', adult('Kathryn', 'Smyth')))
  await t.ok('families.register', family('LS1 4AP', adult('Zoë', 'Brontë')))
  await t.ok('families.register', family('M1 1AE', adult('Muhammad', 'Khan')))
  await t.ok('families.register', family('M1 1AE', adult('Jon', 'Jones')))
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
    // Grace herself first; her household (found by her surname) after her.
    expect((await names('oneill'))[0]).toEqual("Grace O'Neill-Okafor")
    expect((await names("o'neill"))[0]).toEqual("Grace O'Neill-Okafor")
    expect((await names('neill'))[0]).toEqual("Grace O'Neill-Okafor")
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

describe('finding anyone, however it is typed (issue 12)', () => {
  let mottram: { id: string; reference: string }
  beforeAll(async () => {
    mottram = await t.ok(
      'families.register',
      family('B33 9QX', adult('Kerry', 'Mottram'), child('Tyler', 'Brookes', yearsAgo(6)), child('Zoe', 'Brookes', '2019-07-03', { sex: 'F' }))
    )
    await t.ok('families.register', family('LS8 2AB', adult('Zofia', 'Nowicka'), child('Aleksander', 'Nowicki', yearsAgo(9))))
    // People whose surname sounds like Nowicka, and sorts before Nowicki: a child found only by sound came after all of them.
    for (let f = 0; f < 3; f++) {
      await t.ok(
        'families.register',
        family('LS8 3BD', ...Array.from({ length: 10 }, (_, i) => adult(`Anna${'abcdefghij'[i]}`, 'Nowak', { dateOfBirth: yearsAgo(20 + f * 10 + i) })))
      )
    }
    await t.ok('families.register', family('NE4 5TT', adult('Fiona', 'MacDonald'), adult('Kenny', 'Mc Kenzie')))
    await t.ok('families.register', family('NE6 1AA', adult('Rosa', 'de Souza'), adult('Pieter', 'van der Berg')))
    await t.ok('families.register', family('NE6 2BB', adult('Lucia', 'Garcia Lopez')))
    await t.ok('families.register', family('NE6 3DD', adult('Catherine', 'Whitlock'), adult('Olek', 'Zielinski'), adult('Mohammed', 'Rahman')))
  })

  it('reads a date with a two-digit year, alone or with a name (zoe 3/7/19)', async () => {
    for (const text of ['zoe 3/7/19', 'zoe 03.07.19', 'zoe 3-7-19', '3/7/19 zoe']) expect(await names(text)).toEqual(['Zoe Brookes'])
    expect(await names('3/7/19')).toEqual(['Zoe Brookes', 'Catherine Okafor'])
    expect((await t.ok('people.search', { text: 'zoe 3/7/19' })).understoodAs).toEqual(['Name zoe', 'Date 3 July 2019'])
  })

  it('finds a child by a two-letter household surname typed in full (li), not by surnames that start with it', async () => {
    await t.ok('families.register', family('M1 1AE', adult('Mei', 'Li'), child('Oscar', 'Quimby', yearsAgo(7))))
    await t.ok('families.register', family('M1 1AE', adult('Anna', 'Lister'), child('Ivy', 'Pell', yearsAgo(8))))
    expect(await names('li')).toEqual(['Mei Li', 'Anna Lister', 'Oscar Quimby'])
  })

  it('finds a child by the other surnames of their household, after those the name is theirs (mottram: Kerry, then Tyler)', async () => {
    expect(await names('mottram')).toEqual(['Kerry Mottram', 'Tyler Brookes', 'Zoe Brookes'])
    expect(await names('tyler mottram')).toEqual(['Tyler Brookes'])
    // Her son second: before the thirty people whose surname only sounds like hers.
    const nowicka = await names('nowicka')
    expect(nowicka.slice(0, 2)).toEqual(['Zofia Nowicka', 'Aleksander Nowicki'])
    expect(nowicka.slice(2).every((n: string) => n.endsWith('Nowak'))).toBe(true)
  })

  it('keeps a household in step when someone in it is renamed or moves', async () => {
    const view = await t.ok('families.get', { id: mottram.id })
    const kerry = view.members.find((m: { givenName: string }) => m.givenName === 'Kerry')
    const member = {
      kind: 'adult',
      givenName: 'Kerry',
      familyName: 'Hallam',
      dateOfBirth: kerry.dateOfBirth,
      sex: 'F',
      ethnicity: 'WBRI',
      relationship: 'PARENT_CARER'
    }
    await t.ok('people.update', { id: kerry.id, version: kerry.version, member })
    expect(await names('mottram')).toEqual([])
    expect(await names('hallam')).toEqual(['Kerry Hallam', 'Tyler Brookes', 'Zoe Brookes'])
    await t.ok('people.update', { id: kerry.id, version: kerry.version + 1, member: { ...member, familyName: 'Mottram' } })
    expect(await names('mottram')).toEqual(['Kerry Mottram', 'Tyler Brookes', 'Zoe Brookes'])

    // Tyler moves to the Nowickas in Leeds: found by their surname and district now, not Kerry's.
    const tyler = view.members.find((m: { givenName: string }) => m.givenName === 'Tyler')
    const nowickas = (await t.ok('people.search', { text: 'zofia nowicka' })).hits[0].familyReference
    await t.ok('people.move', { id: tyler.id, version: tyler.version, toFamilyReference: nowickas })
    expect(await names('mottram')).toEqual(['Kerry Mottram', 'Zoe Brookes'])
    expect((await names('nowicka')).slice(0, 3)).toEqual(['Zofia Nowicka', 'Tyler Brookes', 'Aleksander Nowicki'])
    expect(await names('brookes ls8')).toEqual(['Tyler Brookes', 'Zofia Nowicka', 'Aleksander Nowicki'])
    await t.ok('people.move', { id: tyler.id, version: tyler.version + 1, toFamilyReference: mottram.reference })
    expect(await names('mottram')).toEqual(['Kerry Mottram', 'Tyler Brookes', 'Zoe Brookes'])
  })

  it('finds names with particles and joiners typed with or without a space or hyphen', async () => {
    const cases: [string, string][] = [
      ['mac donald', 'Fiona MacDonald'],
      ['macdonald', 'Fiona MacDonald'],
      ['mc kenzie', 'Kenny Mc Kenzie'],
      ['mckenzie', 'Kenny Mc Kenzie'],
      ['de souza', 'Rosa de Souza'],
      ['desouza', 'Rosa de Souza'],
      ['van der berg', 'Pieter van der Berg'],
      ['vanderberg', 'Pieter van der Berg'],
      ['van der', 'Pieter van der Berg'],
      ['garcia-lopez', 'Lucia Garcia Lopez'],
      ['garcia lopez', 'Lucia Garcia Lopez'],
      ['garcialopez', 'Lucia Garcia Lopez'],
      ['lucia lopez', 'Lucia Garcia Lopez']
    ]
    for (const [text, found] of cases) expect((await names(text))[0], text).toBe(found)
  })

  it('finds the full name from a short form or nickname, after the names typed', async () => {
    expect(await names('kate whitlock')).toEqual(['Catherine Whitlock'])
    expect(await names('cathy whitlock')).toEqual(['Catherine Whitlock'])
    expect(await names('md rahman')).toEqual(['Mohammed Rahman'])
    expect(await names('mohd rahman')).toEqual(['Mohammed Rahman'])
    expect(await names('alex nowicki')).toEqual(['Aleksander Nowicki'])
    expect(await names('olek nowicki')).toEqual(['Aleksander Nowicki'])
    // Someone actually called Olek comes before Aleksanders.
    expect((await names('olek'))[0]).toBe('Olek Zielinski')
    expect(await names('olek')).toContain('Aleksander Nowicki')
  })

  it("finds a postcode district's families by its first half (B33), in postcode order, each family together", async () => {
    const b33 = await t.ok('people.search', { text: 'B33' })
    expect(b33.understoodAs).toEqual(['Postcode district B33'])
    expect(b33.hits.map((h: { postcode: string }) => h.postcode)).toEqual([...Array(5).fill('B33 8TH'), ...Array(3).fill('B33 9QX')])
    expect(await names('b33 zoe')).toEqual(['Zoe Brookes'])
    expect(await names('brookes b33')).toEqual(['Tyler Brookes', 'Zoe Brookes', 'Kerry Mottram'])
    expect(await names('brookes ls11')).toEqual([])
    // The family moves to Leeds: the district follows in the same save.
    const { family } = await t.ok('families.get', { id: mottram.id })
    const moved = { ...family, postcode: 'LS11 5AB' }
    await t.ok('families.update', { id: mottram.id, version: family.version, family: moved })
    expect(await names('brookes ls11')).toEqual(['Tyler Brookes', 'Zoe Brookes', 'Kerry Mottram'])
    expect(await names('brookes b33')).toEqual([])
    await t.ok('families.update', { id: mottram.id, version: family.version + 1, family: { ...family, postcode: 'B33 9QX' } })
    expect(await names('B3')).toEqual([])
    // A reference that is also a district (TH1): the family first.
    const th1 = await t.ok('people.search', { text: 'th1' })
    expect(th1.understoodAs).toEqual(['Family reference TH-000001', 'Postcode district TH1'])
    expect(th1.hits).toHaveLength(5)
  })

  it('names each family of the results as its people, and lists the families opened lately before anything is typed', async () => {
    const result = await t.ok('people.search', { text: 'tyler' })
    expect(result.familyNames).toEqual({ [mottram.id]: `Mottram family (${mottram.reference})` })
    // The same names as the family's own record gives, whatever the household.
    const everyone = await t.ok('people.search', { text: 'B33', limit: 100 })
    for (const [id, name] of Object.entries(everyone.familyNames)) expect(name).toBe((await t.ok('families.get', { id })).family.name)
    const rita = await signedInUser(t, 'rita', 'reception', 'Rita Williams')
    const sam = await signedInUser(t, 'sam', 'reception', 'Sam Patel')
    const recent = async (user: typeof rita) =>
      unwrap<{ recentFamilies: { familyId: string }[] }>(await user.connection.invoke('people.search', { text: '' })).recentFamilies
    expect(await recent(rita)).toEqual([])
    for (const id of [okafor.id, mottram.id, okafor.id]) unwrap(await rita.connection.invoke('families.get', { id }))
    expect((await recent(rita)).map((f) => f.familyId)).toEqual([okafor.id, mottram.id])
    expect((await recent(rita))[0]).toMatchObject({
      familyReference: okafor.reference,
      name: `Samuel Okafor and Grace O'Neill-Okafor (${okafor.reference})`,
      postcode: 'B33 8TH'
    })
    // Each user's own: Sam has opened nothing.
    expect(await recent(sam)).toEqual([])
    // Restricted since Rita opened it, and not to her: its reference alone, as search shows it.
    const { family } = await t.ok('families.get', { id: mottram.id })
    await t.ok('families.setRestriction', { id: mottram.id, version: family.version, restricted: true, allowedUserIds: [] })
    expect((await recent(rita))[1]).toMatchObject({ name: `Family ${mottram.reference}`, restricted: true, addressLine1: '', town: '', postcode: '' })
    const asRita = unwrap<{ familyNames: Record<string, string> }>(await rita.connection.invoke('people.search', { text: 'tyler' }))
    expect(asRita.familyNames).toEqual({ [mottram.id]: `Family ${mottram.reference}` })
    await t.ok('families.setRestriction', { id: mottram.id, version: family.version + 1, restricted: false, allowedUserIds: [] })
  })
})

describe("two-digit years, on the hub's clock", () => {
  it('reads a two-digit year as the latest such year up to the hub’s today, not the computer’s', async () => {
    // The hub's today is 1 January 2026: 3 July 2026 is yet to come, so 26 is 1926.
    const c = await tempCasebook('search-clock', { clock: { now: () => new Date('2026-01-01T12:00:00Z') } })
    try {
      expect((await c.ok('people.search', { text: '3/7/26' })).understoodAs).toEqual(['Date 3 July 1926'])
      expect((await c.ok('people.search', { text: '1/1/26' })).understoodAs).toEqual(['Date 1 January 2026'])
    } finally {
      await c.dispose()
    }
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

  it('is likely for a first name close by spelling with a surname that sounds alike and the same date of birth, never for twins', async () => {
    const born = yearsAgo(5)
    await t.ok('families.register', family('L4 0TH', child('Sean', 'Byrne', born), child('Kacper', 'Kowalski', born), child('Oliver', 'Pemberton', born)))
    const cases: [string, string, string[]][] = [
      ['Shaun', 'Byrne', ['likely Sean']],
      ['Shaun', 'Burn', ['likely Sean']],
      ['Kasper', 'Kowalski', ['likely Kacper']],
      ['Olivia', 'Pemberton', []],
      ['Harvey', 'Byrne', []],
      ['Shaun', 'Jones', []]
    ]
    for (const [givenName, familyName, bands] of cases)
      expect(await check({ givenName, familyName, dateOfBirth: born }), `${givenName} ${familyName}`).toEqual(bands)
    expect(await check({ givenName: 'Shaun', familyName: 'Byrne', dateOfBirth: yearsAgo(5, 1) })).toEqual([])
  })

  describe('weighs the recorded sex: a name close to another of the other sex is another person (boy-and-girl twins)', () => {
    const born = yearsAgo(7)
    const sexOf = (sex: string | null) => sex ?? 'not given'
    // [on record, its sex, typed, its sex (null: not given), surname, the band, or none]
    const ROWS: [string, string, string, string | null, string, string | null][] = [
      ['Francis', 'M', 'Frances', 'F', 'Quinlan', null],
      ['Francis', 'M', 'Frances', 'U', 'Quinlan', 'likely'],
      ['Francis', 'M', 'Frances', null, 'Quinlan', 'likely'],
      ['Francis', 'U', 'Frances', 'F', 'Ashdown', 'likely'],
      ['Francis', 'M', 'Frances', 'M', 'Quinlan', 'likely'],
      ['Francis', 'M', 'Francis', 'F', 'Quinlan', 'possible'],
      ['Sean', 'M', 'Shaun', 'M', 'Doyle', 'likely'],
      ['Sean', 'M', 'Shaun', 'F', 'Doyle', null],
      ['Oliver', 'M', 'Olivia', 'F', 'Fairbrother', null],
      ['Oliver', 'M', 'Olivia', 'U', 'Fairbrother', null],
      ['Louis', 'M', 'Louise', 'F', 'Garside', null],
      ['Louis', 'M', 'Louise', null, 'Garside', 'likely']
    ]
    beforeAll(async () => {
      const onRecord = [...new Map(ROWS.map(([given, sex, , , surname]) => [`${given} ${surname}`, child(given, surname, born, { sex })])).values()]
      await t.ok('families.register', family('L8 1XZ', ...onRecord))
    })
    for (const [recorded, recordedSex, typed, typedSex, surname, band] of ROWS) {
      it(`${recorded} (${recordedSex}) on record, ${typed} (${sexOf(typedSex)}) typed, same date of birth: ${band ?? 'no warning'}`, async () => {
        expect(await check({ givenName: typed, familyName: surname, dateOfBirth: born, sex: typedSex })).toEqual(band ? [`${band} ${recorded}`] : [])
      })
    }
    it('registers the twin of the other sex without asking, and still asks when the sex is not known', async () => {
      const twin = (sex: string) => family('L8 2AB', child('Frances', 'Quinlan', born, { sex }))
      expect(await t.connection.invoke('families.register', twin('U'))).toMatchObject({ ok: false, error: { code: 'DUPLICATE_UNCONFIRMED' } })
      await t.ok('families.register', twin('F'))
    })
    it('never lets the sex outweigh an NHS number, or a same first name at the same postcode', async () => {
      expect(await check({ givenName: 'Anne', familyName: 'Other', nhsNumber: '9434765919', sex: 'M' })).toEqual(['certain Grace'])
      expect(await check({ givenName: 'Catherine', familyName: 'Bell', dateOfBirth: '2019-07-03', postcode: 'B338TH', sex: 'M' })).toEqual([
        'possible Catherine'
      ])
    })
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
