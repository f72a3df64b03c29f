// A draft belongs to one user and one record that user may still open: drafts are not a way round
// the record's own access rules, nor a place to store anything at all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { signedInUser } from '../testing/accounts'
import { okaforFamily, yearsAgo } from '../testing/fixtures'
import type { Connection } from '../core/casebook'
import { MAX_DRAFTS_PER_USER } from './service'

let t: TempCasebook
let pat: { connection: Connection; id: string }
let family: { id: string; version: number }
beforeEach(async () => {
  t = await tempCasebook('drafts')
  pat = await signedInUser(t, 'pat', 'practitioner')
  const registered = await t.ok('families.register', okaforFamily())
  family = { id: registered.id, version: 1 }
})
afterEach(async () => {
  await t.dispose()
})

const note = (familyId: string) => `case-note:${familyId}`

describe('drafts', () => {
  it('are kept only of the forms that have them, about records that exist', async () => {
    expect(await pat.connection.invoke('drafts.save', { key: `anything-at-all:${family.id}`, payload: { text: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { key: 'Casebook keeps drafts only of its own forms' } }
    })
    expect(await pat.connection.invoke('drafts.save', { key: note(randomUUID()), payload: { text: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    })
    expect(await pat.connection.invoke('drafts.save', { key: `family-plan:${randomUUID()}`, payload: { text: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    })
  })

  it("are each user's own", async () => {
    unwrap(await pat.connection.invoke('drafts.save', { key: note(family.id), payload: { text: 'Half a sentence' } }))
    const paula = await signedInUser(t, 'paula', 'practitioner')
    expect(unwrap(await paula.connection.invoke('drafts.get', { key: note(family.id) }))).toBeNull()
    expect(unwrap(await pat.connection.invoke('drafts.get', { key: note(family.id) }))).toMatchObject({ payload: { text: 'Half a sentence' } })
  })

  it('are out of reach once the user may no longer open the family, and of roles without casework', async () => {
    unwrap(await pat.connection.invoke('drafts.save', { key: note(family.id), payload: { text: 'Mum disclosed ...' } }))
    const molly = await signedInUser(t, 'molly', 'manager')
    unwrap(await molly.connection.invoke('families.setRestriction', { id: family.id, version: family.version, restricted: true, allowedUserIds: [] }))
    for (const channel of ['drafts.get', 'drafts.save', 'drafts.discard']) {
      const answer = await pat.connection.invoke(channel, { key: note(family.id), payload: { text: 'more' } })
      expect({ channel, answer }).toMatchObject({ channel, answer: { ok: false, error: { code: 'FORBIDDEN' } } })
    }
    const rita = await signedInUser(t, 'rita', 'reception')
    expect(await rita.connection.invoke('drafts.save', { key: note(family.id), payload: { text: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
  })

  it('are not read by a window that must first choose a new password', async () => {
    unwrap(await pat.connection.invoke('drafts.save', { key: note(family.id), payload: { text: 'secret note' } }))
    const row = (await t.casebook.core.db.query(`SELECT id, version FROM app_user WHERE username = 'pat'`))[0]
    await t.ok('users.resetPassword', { id: row.id, version: row.version, temporaryPassword: 'violet engine canopy' })
    const window = t.casebook.connect()
    unwrap(await window.invoke('auth.signIn', { username: 'pat', password: 'violet engine canopy' }))
    expect(await window.invoke('drafts.get', { key: note(family.id) })).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } })
  })

  it('are at most a fixed number per user, so no one can fill the disk with them', async () => {
    const ids: string[] = []
    const letters = 'abcdefghij'
    for (let i = 0; i < MAX_DRAFTS_PER_USER + 1; i++) {
      const familyName = `Family${letters[i % 10]}${letters[Math.floor(i / 10)]}`
      const adult = { kind: 'adult', givenName: 'Sam', familyName, dateOfBirth: yearsAgo(30, i), sex: 'M', ethnicity: 'WBRI', relationship: 'PARENT_CARER' }
      ids.push((await t.ok('families.register', { ...okaforFamily(), members: [{ member: adult }] })).id)
    }
    for (const id of ids.slice(0, MAX_DRAFTS_PER_USER)) unwrap(await pat.connection.invoke('drafts.save', { key: note(id), payload: { text: 'typing' } }))
    expect(await pat.connection.invoke('drafts.save', { key: note(ids.at(-1)!), payload: { text: 'one too many' } })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/unsaved drafts already/) }
    })
    // The ones already kept go on being saved.
    unwrap(await pat.connection.invoke('drafts.save', { key: note(ids[0]!), payload: { text: 'typing more' } }))
  })
})
