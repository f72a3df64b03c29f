import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'
import { okaforFamily, yearsAgo } from '../testing/fixtures'
import { SYSTEM_ACTOR_LABEL } from '../../shared/accounts/systemActor'

let t: TempCasebook
beforeEach(async () => {
  t = await tempCasebook('families')
})
afterEach(async () => {
  await t.dispose()
})

describe('registering a family', () => {
  it('saves the household and every member, gives it a hub reference, and survives reopening', async () => {
    const saved = await t.ok<{ id: string; reference: string }>('families.register', okaforFamily())
    expect(saved.reference).toBe('TH-000001')
    const second = await t.ok<{ reference: string }>('families.register', {
      ...okaforFamily(),
      members: [
        { member: { kind: 'adult', givenName: 'Ann', familyName: 'Lee', dateOfBirth: yearsAgo(40), sex: 'F', ethnicity: 'CHNE', relationship: 'PARENT_CARER' } }
      ]
    })
    expect(second.reference).toBe('TH-000002')

    await t.reopen()
    const view = await t.ok('families.get', { id: saved.id })
    expect(view.family).toMatchObject({
      reference: 'TH-000001',
      postcode: 'B33 8TH',
      addressLine1: '12 Acacia Road',
      interpreterNeeded: false,
      heardAbout: 'HEALTH_VISITOR',
      // The test's trusted caller has no account: registered by the system.
      registeredBy: SYSTEM_ACTOR_LABEL
    })
    expect(view.members.map((m: { kind: string }) => m.kind)).toEqual(['adult', 'adult', 'child', 'child', 'unborn'])
    const grace = view.members.find((m: { givenName: string }) => m.givenName === 'Grace')
    expect(grace).toMatchObject({ nhsNumber: '9434765919', parentalResponsibility: true, relationship: 'PARENT_CARER' })
    const catherine = view.members.find((m: { givenName: string }) => m.givenName === 'Catherine')
    expect(catherine).toMatchObject({ upn: 'Q823456789012', school: 'Acacia Primary', disabilities: ['HEAR'], parentalResponsibility: null })
    const unborn = view.members.find((m: { kind: string }) => m.kind === 'unborn')
    expect(unborn).toMatchObject({ givenName: null, dateOfBirth: null })
    expect(unborn.expectedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('refuses invalid input field by field and writes nothing', async () => {
    const bad = okaforFamily()
    bad.family.postcode = 'XX1 1XX1'
    bad.members[0]!.member = { ...bad.members[0]!.member, nhsNumber: '943 476 5918' } as never
    bad.members[2]!.member = { ...bad.members[2]!.member, dateOfBirth: yearsAgo(26), upn: 'A823456789012' } as never
    bad.members[4]!.member = { ...bad.members[4]!.member, expectedDate: yearsAgo(0, 1) } as never
    const result = await t.connection.invoke('families.register', bad)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('VALIDATION')
    expect(result.error.fields).toMatchObject({
      'family.postcode': 'Enter a real UK postcode, like SW1A 1AA',
      'members.0.member.nhsNumber': 'Enter a valid NHS number, like 943 476 5919',
      'members.2.member.dateOfBirth': "A child's date of birth must be within the last 25 years",
      'members.2.member.upn': 'Enter a valid UPN: 13 characters starting with the right check letter',
      'members.4.member.expectedDate': 'Expected date of delivery must be today or in the future'
    })
    const search = await t.ok('people.search', { text: 'Okafor' })
    expect(search.hits).toHaveLength(0)
    const [{ n }] = await t.casebook.core.db.query('SELECT count(*) AS n FROM family')
    expect(n).toBe(0)
  })

  it('names the missing required fields', async () => {
    const result = await t.connection.invoke('families.register', {
      family: { addressLine1: '', town: '', postcode: '', mainLanguage: '' },
      members: [{ member: { kind: 'child', givenName: '', familyName: '' } }]
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.fields).toMatchObject({
      'family.addressLine1': 'Enter address line 1',
      'family.town': 'Enter town or city',
      'family.postcode': 'Enter postcode',
      'family.mainLanguage': 'Enter main language',
      'members.0.member.givenName': 'Enter first name',
      'members.0.member.familyName': 'Enter last name',
      'members.0.member.dateOfBirth': 'Enter date of birth',
      'members.0.member.sex': 'Select sex',
      'members.0.member.ethnicity': 'Select ethnicity'
    })
  })
})

describe('editing a family', () => {
  it('refuses a save made on a stale version and keeps the first save', async () => {
    const { id } = await t.ok('families.register', okaforFamily())
    const opened = await t.ok('families.get', { id })
    const colleague = t.casebook.connect({ name: 'colleague' })
    const first = await colleague.invoke('families.update', { id, version: opened.family.version, family: { ...opened.family, phone: '0121 496 0001' } })
    expect(first.ok).toBe(true)
    const second = await t.connection.invoke('families.update', { id, version: opened.family.version, family: { ...opened.family, town: 'Solihull' } })
    expect(second.ok).toBe(false)
    if (second.ok) return
    expect(second.error.code).toBe('CONFLICT')
    expect(second.error.message).toMatch(/Someone else saved changes to this family/)
    const now = await t.ok('families.get', { id })
    expect(now.family).toMatchObject({ phone: '0121 496 0001', town: 'Birmingham', version: 2 })
  })

  it('updates a person, reindexes their name, and records field-level changes in the audit trail', async () => {
    const { id } = await t.ok('families.register', okaforFamily())
    const view = await t.ok('families.get', { id })
    const samuel = view.members.find((m: { givenName: string }) => m.givenName === 'Samuel')
    const { version } = await t.ok('people.update', {
      id: samuel.id,
      version: samuel.version,
      member: {
        kind: 'adult',
        givenName: 'Samuel',
        familyName: 'Adeyemi',
        dateOfBirth: samuel.dateOfBirth,
        sex: 'M',
        ethnicity: 'BAFR',
        relationship: 'PARENT_CARER',
        parentalResponsibility: true
      }
    })
    expect(version).toBe(2)
    // Samuel first; after him his household, found by his new surname (issue 12, search item 3).
    const found = (await t.ok('people.search', { text: 'adeyemi' })).hits as { givenName: string; familyId: string }[]
    expect(found.map((h) => h.givenName)).toEqual(['Samuel', 'Grace', 'Catherine', 'Mohammed', null])
    expect(new Set(found.map((h) => h.familyId))).toEqual(new Set([id]))
    const audit = await t.casebook.core.db.query(`SELECT action, changes FROM audit_entry WHERE record_id = ? ORDER BY seq`, [samuel.id])
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'update'])
    expect(JSON.parse(audit[1].changes)).toEqual({ familyName: { from: 'Okafor', to: 'Adeyemi' } })
  })

  it('moves a child to another household, keeping their id and history', async () => {
    const a = await t.ok('families.register', okaforFamily())
    const b = await t.ok('families.register', {
      ...okaforFamily(),
      family: { ...okaforFamily().family, addressLine1: '4 Elm Street', postcode: 'M1 1AE' },
      members: [
        {
          member: {
            kind: 'adult',
            givenName: 'Ruth',
            familyName: 'Okafor',
            dateOfBirth: yearsAgo(60),
            sex: 'F',
            ethnicity: 'BAFR',
            relationship: 'PARENT_CARER',
            parentalResponsibility: true
          }
        }
      ]
    })
    const view = await t.ok('families.get', { id: a.id })
    const child = view.members.find((m: { givenName: string }) => m.givenName === 'Mohammed')
    const bad = await t.connection.invoke('people.move', { id: child.id, version: child.version, toFamilyReference: 'TH-999999' })
    expect(bad.ok || bad.error.fields).toEqual({ toFamilyReference: 'No family has the reference TH-999999' })
    const moved = await t.ok('people.move', { id: child.id, version: child.version, toFamilyReference: b.reference.toLowerCase() })
    expect(moved).toMatchObject({ id: child.id, familyId: b.id, version: 2 })
    expect((await t.ok('families.get', { id: a.id })).members).toHaveLength(4)
    expect((await t.ok('families.get', { id: b.id })).members.map((m: { id: string }) => m.id)).toContain(child.id)
    const memberships = await t.casebook.core.db.query('SELECT family_id, left_at FROM family_membership WHERE person_id = ? ORDER BY joined_at', [child.id])
    expect(memberships).toHaveLength(2)
    expect(memberships[0]).toMatchObject({ family_id: a.id })
    expect(memberships[0].left_at).not.toBeNull()
    expect(memberships[1]).toMatchObject({ family_id: b.id, left_at: null })
    const hit = (await t.ok('people.search', { text: 'mohammed okafor' })).hits[0]
    expect(hit).toMatchObject({ personId: child.id, familyReference: b.reference, postcode: 'M1 1AE' })
  })
})
