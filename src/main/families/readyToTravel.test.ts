// Families, people and consent as the authority will receive them (issue 10): staff by user id,
// shown by name; disabilities as rows of their own; why a child's UPN is not known. The pages read
// exactly as before: names where names were, a person's disabilities as a list.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Connection } from '../core/casebook'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { okaforFamily, today, yearsAgo } from '../testing/fixtures'
import { ROLE_PERMISSIONS } from '../../shared/roles'
import { SYSTEM_ACTOR_LABEL } from '../../shared/accounts/systemActor'

let t: TempCasebook
let rita: Connection
let ritaId: string

beforeEach(async () => {
  t = await tempCasebook('ready-to-travel')
  ritaId = (await t.ok('users.create', { displayName: 'Rita Reception', username: 'rita', role: 'manager', temporaryPassword: 'temporary passphrase' })).id
  rita = t.casebook.connect({ name: 'rita', userId: ritaId, permissions: ROLE_PERMISSIONS.manager })
})
afterEach(async () => {
  await t.dispose()
})

const call = async (who: Connection, channel: string, input: unknown) => unwrap<any>(await who.invoke(channel, input), channel)
const query = (sql: string, params: unknown[] = []) => t.casebook.core.db.query(sql, params)
const person = (view: any, givenName: string) => view.members.find((m: { givenName: string }) => m.givenName === givenName)
const child = { kind: 'child', familyName: 'Okafor', sex: 'M', ethnicity: 'BAFR' } as const

describe('staff by user id', () => {
  it('stores who registered, moved, recorded consent and decided by their user id, and shows their names', async () => {
    const family = await call(rita, 'families.register', okaforFamily())
    const other = await call(rita, 'families.register', {
      family: { addressLine1: '3 Elm Row', town: 'Leeds', postcode: 'LS1 4AP', mainLanguage: 'English' },
      members: [
        { member: { kind: 'adult', givenName: 'Ann', familyName: 'Lee', dateOfBirth: yearsAgo(40), sex: 'F', ethnicity: 'CHNE', relationship: 'PARENT_CARER' } }
      ]
    })
    expect(await query('SELECT registered_by_user_id AS id FROM family ORDER BY reference')).toEqual([{ id: ritaId }, { id: ritaId }])
    const view = await call(rita, 'families.get', { id: family.id })
    expect(view.family.registeredBy).toBe('Rita Reception')
    expect(view.family).not.toHaveProperty('registeredByUserId')

    const grace = person(view, 'Grace')
    await call(rita, 'consent.record', { familyId: family.id, givenById: grace.id, scope: 'CONTACT', method: 'VERBAL', givenOn: today })
    expect(await query('SELECT recorded_by_user_id AS id FROM consent')).toEqual([{ id: ritaId }])
    expect((await call(rita, 'families.get', { id: family.id })).consents).toEqual([
      expect.objectContaining({ scope: 'CONTACT', recordedBy: 'Rita Reception' })
    ])

    const samuel = person(view, 'Samuel')
    await call(rita, 'people.move', { id: samuel.id, version: 1, toFamilyReference: other.reference })
    const moves = await query(
      'SELECT family_id AS "familyId", left_at AS "leftAt", recorded_by_user_id AS "byId" FROM family_membership WHERE person_id = ? ORDER BY joined_at',
      [samuel.id]
    )
    expect(moves).toEqual([
      { familyId: family.id, leftAt: expect.any(String), byId: ritaId },
      { familyId: other.id, leftAt: null, byId: ritaId }
    ])
    const chronology = (await call(rita, 'chronology.get', { familyId: other.id, significantOnly: false })).entries
    expect(chronology).toContainEqual(expect.objectContaining({ kind: 'registered', by: 'Rita Reception' }))
    expect(chronology).toContainEqual(expect.objectContaining({ kind: 'joined', by: 'Rita Reception' }))

    // A twin entered as a separate record, confirmed as a different person: the decision is Rita's.
    const twin = { ...child, givenName: 'Mohammad', dateOfBirth: person(view, 'Mohammed').dateOfBirth }
    const [match] = (await call(rita, 'people.checkDuplicates', { givenName: twin.givenName, familyName: 'Okafor', dateOfBirth: twin.dateOfBirth })).matches
    await call(rita, 'families.addMember', { familyId: family.id, member: twin, notDuplicateOf: [match.personId] })
    expect(await query('SELECT other_person_id AS other, decided_by_user_id AS "byId" FROM duplicate_decision')).toEqual([
      { other: match.personId, byId: ritaId }
    ])
  })

  it('stores no id for a caller with no account, and shows the system as having done it', async () => {
    const family = await t.ok('families.register', okaforFamily())
    const grace = person(await t.ok('families.get', { id: family.id }), 'Grace')
    await t.ok('consent.record', { familyId: family.id, givenById: grace.id, scope: 'CONTACT', method: 'VERBAL', givenOn: today })
    expect(await query('SELECT registered_by_user_id AS id FROM family')).toEqual([{ id: null }])
    expect(await query('SELECT DISTINCT recorded_by_user_id AS id FROM family_membership')).toEqual([{ id: null }])
    const view = await call(rita, 'families.get', { id: family.id })
    expect(view.family.registeredBy).toBe(SYSTEM_ACTOR_LABEL)
    expect(view.consents[0].recordedBy).toBe(SYSTEM_ACTOR_LABEL)
    // The audit trail still says who.
    expect(await query(`SELECT actor FROM audit_entry WHERE action = 'create' AND record_type = 'family'`)).toEqual([{ actor: 'tester' }])
  })
})

describe("a person's disabilities", () => {
  it('are rows of their own, changed code by code, and read back as the list they were', async () => {
    const family = await call(rita, 'families.register', okaforFamily())
    const catherine = person(await call(rita, 'families.get', { id: family.id }), 'Catherine')
    expect(catherine.disabilities).toEqual(['HEAR'])
    // Which write made each row: a row deleted and written again gets a new rowid on SQLite, and on
    // PostgreSQL a new xmin (the transaction that wrote it), so an unchanged one shows it was left alone.
    const writtenBy = t.postgres ? '(xmin::text)::bigint' : 'rowid'
    const rows = () => query(`SELECT ${writtenBy} AS n, code FROM person_disability WHERE person_id = ? ORDER BY code`, [catherine.id])
    const [hearing] = await rows()
    expect(hearing).toEqual({ n: expect.any(Number), code: 'HEAR' })

    const update = async (version: number, disabilities: string[]) =>
      call(rita, 'people.update', { id: catherine.id, version, member: { ...catherine, upnUnknown: null, disabilities } })
    await update(1, ['VIS', 'HEAR', 'AUT'])
    // Hearing's row is the one written at registration: only what changed was written.
    expect(await rows()).toEqual([{ n: expect.any(Number), code: 'AUT' }, hearing, { n: expect.any(Number), code: 'VIS' }])
    expect(person(await call(rita, 'families.get', { id: family.id }), 'Catherine').disabilities).toEqual(['HEAR', 'VIS', 'AUT'])
    const [changes] = await query(`SELECT changes FROM audit_entry WHERE action = 'update' AND record_id = ? ORDER BY seq DESC LIMIT 1`, [catherine.id])
    expect(JSON.parse(changes.changes)).toEqual({ disabilities: { from: ['HEAR'], to: ['HEAR', 'VIS', 'AUT'] } })

    await update(2, [])
    expect(await rows()).toEqual([])
    expect(person(await call(rita, 'families.get', { id: family.id }), 'Catherine').disabilities).toEqual([])
  })
})

describe("why a child's UPN is not known", () => {
  it('is kept for a child with no UPN, refused beside one, and never kept for an adult', async () => {
    const family = await call(rita, 'families.register', {
      ...okaforFamily(),
      members: [
        ...okaforFamily().members.slice(0, 3),
        { member: { ...child, givenName: 'Mohammed', dateOfBirth: yearsAgo(2, 3), upnUnknown: 'UN1' } },
        { member: { ...okaforFamily().members[0]!.member, givenName: 'Ruth', nhsNumber: null, upnUnknown: 'UN1' } }
      ]
    })
    const view = await call(rita, 'families.get', { id: family.id })
    expect(person(view, 'Mohammed')).toMatchObject({ upn: null, upnUnknown: 'UN1' })
    expect(person(view, 'Catherine')).toMatchObject({ upn: 'Q823456789012', upnUnknown: null })
    expect(person(view, 'Ruth')).toMatchObject({ kind: 'adult', upnUnknown: null })

    const mohammed = person(view, 'Mohammed')
    const both = await rita.invoke('people.update', { id: mohammed.id, version: 1, member: { ...mohammed, upn: 'Q823456789012' } })
    expect(both).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: expect.any(String), fields: { 'member.upnUnknown': 'Enter the UPN or say why it is not known, not both' } }
    })
    const registerBoth = await rita.invoke('families.register', {
      ...okaforFamily(),
      members: [{ member: { ...child, givenName: 'Zain', dateOfBirth: yearsAgo(5), upn: 'Q823456789012', upnUnknown: 'UN4' } }]
    })
    expect(registerBoth).toMatchObject({
      ok: false,
      error: { fields: { 'members.0.member.upnUnknown': 'Enter the UPN or say why it is not known, not both' } }
    })

    await call(rita, 'people.update', { id: mohammed.id, version: 1, member: { ...mohammed, upnUnknown: 'UN4' } })
    expect(await query('SELECT upn, upn_unknown AS reason FROM person WHERE id = ?', [mohammed.id])).toEqual([{ upn: null, reason: 'UN4' }])
    await call(rita, 'people.update', { id: mohammed.id, version: 2, member: { ...mohammed, upn: 'E823456789013', upnUnknown: '' } })
    expect(await query('SELECT upn, upn_unknown AS reason FROM person WHERE id = ?', [mohammed.id])).toEqual([{ upn: 'E823456789013', reason: null }])
  })
})
