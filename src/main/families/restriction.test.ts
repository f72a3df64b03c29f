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
    const dupes = unwrap<any>(await as.rob!.invoke('people.checkDuplicates', { givenName: 'Kathryn', familyName: 'Okafor', dateOfBirth: '2019-07-03' })).matches
    expect(dupes).toEqual([expect.objectContaining({ band: 'likely', familyReference: family.reference, addressLine1: '' })])
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
})
