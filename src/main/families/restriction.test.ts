import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Connection } from '../core/casebook'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { okaforFamily } from '../testing/fixtures'

let t: TempCasebook
const as: Record<string, Connection> = {}
const ids: Record<string, string> = {}

async function account(username: string, role: string) {
  await t.ok('users.create', { displayName: `${username[0]!.toUpperCase()}${username.slice(1)}`, username, role, temporaryPassword: 'temporary passphrase' })
  const c = t.casebook.connect()
  unwrap(await c.invoke('auth.signIn', { username, password: 'temporary passphrase' }))
  const user = unwrap<{ id: string }>(
    await c.invoke('auth.changePassword', {
      currentPassword: 'temporary passphrase',
      newPassword: 'a chosen passphrase',
      confirmPassword: 'a chosen passphrase'
    })
  )
  as[username] = c
  ids[username] = user.id
}

beforeEach(async () => {
  t = await tempCasebook('restricted')
  await account('rita', 'reception')
  await account('rob', 'reception')
  await account('molly', 'manager')
})
afterEach(async () => {
  await t.dispose()
})

describe('a restricted family', () => {
  it('opens only for the users named on it and managers; others find that it exists and whom to ask', async () => {
    const family = await t.ok('families.register', okaforFamily())
    const restricted = unwrap<{ version: number }>(
      await as.molly!.invoke('families.setRestriction', { id: family.id, version: 1, restricted: true, allowedUserIds: [ids.rita] })
    )
    expect(restricted.version).toBe(2)

    const view = unwrap<any>(await as.rita!.invoke('families.get', { id: family.id }))
    expect(view.family.restricted).toBe(true)
    expect(view.allowedUsers).toEqual([{ id: ids.rita, displayName: 'Rita' }])
    expect(await as.molly!.invoke('families.get', { id: family.id })).toMatchObject({ ok: true })

    const refused = await as.rob!.invoke('families.get', { id: family.id })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: "This family's record is restricted. Ask Rita or a hub manager if you need to see it." }
    })
    const catherine = view.members.find((m: { givenName: string }) => m.givenName === 'Catherine')
    for (const [channel, input] of [
      ['families.update', { id: family.id, version: 2, family: view.family }],
      ['families.addMember', { familyId: family.id, member: { kind: 'unborn', familyName: 'Okafor', expectedDate: view.members.at(-1).expectedDate } }],
      ['people.update', { id: catherine.id, version: 1, member: { ...catherine, ethnicity: 'BAFR' } }],
      ['people.move', { id: catherine.id, version: 1, toFamilyReference: 'TH-000001' }],
      ['consent.record', { familyId: family.id, givenById: catherine.id, scope: 'CONTACT', method: 'VERBAL', givenOn: '2026-01-01' }]
    ] as const) {
      expect({ channel, result: await as.rob!.invoke(channel, input) }).toMatchObject({ channel, result: { ok: false, error: { code: 'FORBIDDEN' } } })
    }
    const refusals = await t.casebook.core.db.query(`SELECT actor, record_type AS type, changes FROM audit_entry WHERE action = 'permission-refused'`)
    expect(refusals).toHaveLength(6)
    expect(refusals[0]).toEqual({ actor: 'rob', type: 'family', changes: '{"reason":"restricted"}' })

    // Search still finds them, by name only, so nobody registers them twice.
    const hits = unwrap<any>(await as.rob!.invoke('people.search', { text: 'catherine okafor' })).hits
    expect(hits).toEqual([
      expect.objectContaining({
        givenName: 'Catherine',
        familyReference: family.reference,
        restricted: true,
        dateOfBirth: null,
        addressLine1: '',
        postcode: ''
      })
    ])
    const ritaHits = unwrap<any>(await as.rita!.invoke('people.search', { text: 'catherine okafor' })).hits
    expect(ritaHits[0]).toMatchObject({ restricted: true, dateOfBirth: '2019-07-03', postcode: 'B33 8TH' })
    // The duplicate check names them too, on their names alone: it cannot confirm a date of birth.
    const dupes = unwrap<any>(await as.rob!.invoke('people.checkDuplicates', { givenName: 'Kathryn', familyName: 'Okafor', dateOfBirth: '2019-07-03' })).matches
    expect(dupes).toEqual([
      expect.objectContaining({
        band: 'possible',
        familyReference: family.reference,
        dateOfBirth: null,
        addressLine1: '',
        reason: 'On a restricted record: ask Rita or a hub manager whether this is the same person'
      })
    ])
  })

  it('is lifted by a manager, and its change is audited', async () => {
    const family = await t.ok('families.register', okaforFamily())
    unwrap(await as.molly!.invoke('families.setRestriction', { id: family.id, version: 1, restricted: true, allowedUserIds: [ids.rita] }))
    expect(await as.molly!.invoke('families.setRestriction', { id: family.id, version: 1, restricted: false })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' }
    })
    unwrap(await as.molly!.invoke('families.setRestriction', { id: family.id, version: 2, restricted: false }))
    expect(await as.rob!.invoke('families.get', { id: family.id })).toMatchObject({ ok: true })
    const changes = (await t.casebook.core.db.query(`SELECT changes FROM audit_entry WHERE action = 'update' AND record_type = 'family' ORDER BY seq`)).map(
      (r: { changes: string }) => JSON.parse(r.changes)
    )
    expect(changes).toEqual([
      { restricted: { from: false, to: true }, allowedUsers: ['rita'] },
      { restricted: { from: true, to: false }, allowedUsers: [] }
    ])
  })

  it('takes a name off by revoking it, never deleting it, and naming them again un-revokes the same row', async () => {
    const family = await t.ok('families.register', okaforFamily())
    const access = () =>
      t.casebook.core.db.query(
        `SELECT user_id AS "userId", granted_at AS "grantedAt", granted_by_user_id AS "grantedBy", revoked_at AS "revokedAt", revoked_by_user_id AS "revokedBy"
         FROM family_access WHERE family_id = ? ORDER BY user_id`,
        [family.id]
      )
    const restrict = async (version: number, allowedUserIds: string[], restricted = true) =>
      unwrap(await as.molly!.invoke('families.setRestriction', { id: family.id, version, restricted, allowedUserIds }))
    const ritaFinds = async (text: string) => unwrap<any>(await as.rita!.invoke('people.search', { text })).hits.length

    await restrict(1, [ids.rita!, ids.rob!])
    const [first] = (await access()).filter((r: { userId: string }) => r.userId === ids.rita)
    expect(first).toMatchObject({ grantedBy: ids.molly, revokedAt: null, revokedBy: null })
    expect(await ritaFinds('okafor 3/7/2019')).toBe(1)

    await restrict(2, [ids.rob!])
    expect(await access()).toEqual(
      expect.arrayContaining([
        { ...first, revokedAt: expect.stringMatching(/Z$/), revokedBy: ids.molly },
        expect.objectContaining({ userId: ids.rob, revokedAt: null })
      ])
    )
    expect(await as.rita!.invoke('families.get', { id: family.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: "This family's record is restricted. Ask Rob or a hub manager if you need to see it." }
    })
    expect(unwrap<any>(await as.rob!.invoke('families.get', { id: family.id })).allowedUsers).toEqual([{ id: ids.rob, displayName: 'Rob' }])
    // A revoked name matches on details no more than one never named: the date of birth finds nothing.
    expect(await ritaFinds('okafor 3/7/2019')).toBe(0)
    const dupes = unwrap<any>(await as.rita!.invoke('people.checkDuplicates', { givenName: 'Catherine', familyName: 'Okafor', dateOfBirth: '2019-07-03' }))
    expect(dupes.matches).toEqual([
      expect.objectContaining({ band: 'possible', dateOfBirth: null, reason: expect.stringContaining('ask Rob or a hub manager') })
    ])

    await restrict(3, [ids.rob!, ids.rita!])
    const again = (await access()).find((r: { userId: string }) => r.userId === ids.rita)
    expect(again).toEqual({ userId: ids.rita, grantedAt: expect.stringMatching(/Z$/), grantedBy: ids.molly, revokedAt: null, revokedBy: null })
    expect(again.grantedAt >= first.grantedAt).toBe(true)
    expect(await as.rita!.invoke('families.get', { id: family.id })).toMatchObject({ ok: true })

    // Lifting the restriction revokes everyone; the rows stay.
    await restrict(4, [], false)
    expect((await access()).map((r: { revokedBy: string }) => r.revokedBy)).toEqual([ids.molly, ids.molly])
  })
})

describe('a restricted family and the people who may not open it', () => {
  let family: { id: string; reference: string }
  let catherine: { id: string }
  beforeEach(async () => {
    family = await t.ok('families.register', okaforFamily())
    unwrap(await as.molly!.invoke('families.setRestriction', { id: family.id, version: 1, restricted: true, allowedUserIds: [ids.rita] }))
    catherine = (await t.ok('families.get', { id: family.id })).members.find((m: { givenName: string }) => m.givenName === 'Catherine')
  })
  const found = async (who: Connection, text: string) =>
    unwrap<any>(await who.invoke('people.search', { text })).hits.map((h: any) => `${h.givenName ?? ''} ${h.familyName} ${h.dateOfBirth ?? '-'}`.trim())

  it('cannot confirm a date of birth, NHS number, UPN or postcode by searching', async () => {
    for (const text of ['3/7/2019', 'okafor 3/7/2019', 'catherine 3 July 2019', 'B33 8TH', 'b338th', '943 476 5919', 'Q823456789012', 'okafor b33 8th']) {
      expect({ text, hits: await found(as.rob!, text) }).toEqual({ text, hits: [] })
    }
    // The same searches find them for the people named on the family and for managers.
    expect(await found(as.rita!, 'okafor 3/7/2019')).toEqual(['Catherine Okafor 2019-07-03'])
    expect(await found(as.molly!, '943 476 5919')).toHaveLength(1)
    expect(await found(as.molly!, 'B33 8TH')).toHaveLength(5)
    // Names and the reference, which they may see, still find them (without their details).
    expect(await found(as.rob!, 'catherine okafor')).toEqual(['Catherine Okafor -'])
    expect(await found(as.rob!, family.reference)).toHaveLength(5)
  })

  it('gives the same duplicate answer whatever date of birth or identifier is tried', async () => {
    const answer = async (extra: object) =>
      unwrap<any>(await as.rob!.invoke('people.checkDuplicates', { givenName: 'Catherine', familyName: 'Okafor', postcode: 'B33 8TH', ...extra })).matches
    const truth = await answer({ dateOfBirth: '2019-07-03', upn: 'Q823456789012' })
    expect(truth).toEqual([expect.objectContaining({ personId: catherine.id, band: 'possible', restricted: true, dateOfBirth: null, postcode: '' })])
    // Trying every day of a year around the real one teaches nothing: each answer is the same.
    for (let day = 0; day < 366; day += 1) {
      const date = new Date(Date.UTC(2019, 0, 1 + day)).toISOString().slice(0, 10)
      expect({ date, matches: await answer({ dateOfBirth: date }) }).toEqual({ date, matches: truth })
    }
    // An identifier with another name matches nothing at all.
    const byNhs = unwrap<any>(await as.rob!.invoke('people.checkDuplicates', { givenName: 'Zed', familyName: 'Zulu', nhsNumber: '9434765919' })).matches
    expect(byNhs).toEqual([])
    // Those who may open the family get the full answer.
    const forRita = unwrap<any>(
      await as.rita!.invoke('people.checkDuplicates', { givenName: 'Catherine', familyName: 'Okafor', dateOfBirth: '2019-07-03' })
    ).matches
    expect(forRita).toEqual([expect.objectContaining({ personId: catherine.id, band: 'likely', dateOfBirth: '2019-07-03' })])
  })

  it('refuses a registration the same way whatever date is typed, until the user confirms after asking', async () => {
    const child = (dateOfBirth: string, notDuplicateOf: string[] = []) => ({
      family: { addressLine1: '3 Elm Row', town: 'Leeds', postcode: 'LS1 4AP', mainLanguage: 'English' },
      members: [{ member: { kind: 'child', givenName: 'Katherine', familyName: 'Okafor', dateOfBirth, sex: 'F', ethnicity: 'BAFR' }, notDuplicateOf }]
    })
    const right = await as.rob!.invoke('families.register', child('2019-07-03'))
    const wrong = await as.rob!.invoke('families.register', child('2020-01-15'))
    expect(right).toMatchObject({ ok: false, error: { code: 'DUPLICATE_UNCONFIRMED' } })
    expect(wrong).toEqual(right)
    expect(await as.rob!.invoke('families.register', child('2020-01-15', [catherine.id]))).toMatchObject({ ok: true })
  })

  it('keeps an episode of the family off the caseload of a lead who may no longer open it', async () => {
    await account('pia', 'practitioner')
    const grace = (await t.ok('families.get', { id: family.id })).members.find((m: { givenName: string }) => m.givenName === 'Grace')
    unwrap(await as.molly!.invoke('families.setRestriction', { id: family.id, version: 2, restricted: true, allowedUserIds: [ids.pia] }))
    const opened = {
      familyId: family.id,
      openedOn: '2026-01-05',
      leadUserId: ids.pia,
      reason: 'Housing',
      headlines: ['HOUSING'],
      consentId: 'new',
      consentGivenById: grace.id,
      consentMethod: 'VERBAL',
      consentGivenOn: '2026-01-05'
    }
    unwrap(await as.pia!.invoke('episodes.open', opened))
    expect(unwrap<any>(await as.pia!.invoke('episodes.mine', {})).episodes).toHaveLength(1)
    unwrap(await as.molly!.invoke('families.setRestriction', { id: family.id, version: 3, restricted: true, allowedUserIds: [ids.rita] }))
    expect(unwrap<any>(await as.pia!.invoke('episodes.mine', {}))).toMatchObject({ episodes: [], total: 0 })
    // Managers see every open episode, restricted or not.
    expect(unwrap<any>(await as.molly!.invoke('episodes.allOpen', {})).total).toBe(1)
  })
})
