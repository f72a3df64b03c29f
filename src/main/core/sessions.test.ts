// The core, not the page, keeps a window's session honest: it follows the account on every call,
// locks a window that has gone quiet, and writes refused calls to the audit trail at a steady rate.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Casebook, Connection } from './casebook'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { signedInUser } from '../testing/accounts'
import { okaforFamily } from '../testing/fixtures'
import { IDLE_GRACE_SECONDS } from '../../shared/accounts/schemas'
import { REFUSAL_BURST } from './session'

let casebook: Casebook
let now: Date
let t: TempCasebook
/** The test's database (on SQLite or, in the PostgreSQL project, on the test server). */
let made: TempCasebook
let admin: Connection
const clock = { now: () => now }
const later = (ms: number) => (now = new Date(now.getTime() + ms))
const minutes = (n: number) => n * 60_000

beforeEach(async () => {
  now = new Date('2026-11-23T09:00:00Z')
  made = await tempCasebook('sessions', { clock, hub: { name: 'Hub', code: 'TH', localAuthorityCode: '999' } })
  casebook = made.casebook
  admin = casebook.connect({ name: 'admin' })
  t = {
    casebook,
    connection: admin,
    ok: async (channel: string, input: unknown) => unwrap(await admin.invoke(channel, input), channel)
  } as unknown as TempCasebook
})
afterEach(() => made.dispose())

const userRow = async (username: string) => (await casebook.core.db.query('SELECT id, version FROM app_user WHERE username = ?', [username]))[0]
const noteCount = async () => (await casebook.core.db.query('SELECT count(*) AS n FROM case_note'))[0].n as number

async function practitionerWithFamily() {
  const pat = await signedInUser(t, 'pat', 'practitioner')
  const family = await t.ok('families.register', okaforFamily())
  const note = { familyId: family.id, occurredOn: '2026-11-20', occurredAt: '10:00', type: 'PHONE_CALL', text: 'Spoke to mum.' }
  unwrap(await pat.connection.invoke('notes.add', note))
  return { pat, family, note }
}

describe('a session follows its account', () => {
  it('ends at the next call once the account is disabled: nothing more is read or written', async () => {
    const { pat, family, note } = await practitionerWithFamily()
    expect(await pat.connection.invoke('chronology.get', { familyId: family.id })).toMatchObject({ ok: true })
    const row = await userRow('pat')
    await t.ok('users.setDisabled', { id: row.id, version: row.version, disabled: true })
    const disabled = 'This account has been disabled. Ask an administrator if you need it again.'
    expect(await pat.connection.invoke('chronology.get', { familyId: family.id })).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: disabled } })
    expect(await pat.connection.invoke('notes.add', note)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await noteCount()).toBe(1)
    expect(unwrap(await pat.connection.invoke('auth.status', {}))).toMatchObject({ user: null, signedOutBecause: disabled })
  })

  it('ends when an administrator resets the password, and when the role changes', async () => {
    const { pat, family } = await practitionerWithFamily()
    const rob = await signedInUser(t, 'rob', 'practitioner')
    const row = await userRow('pat')
    await t.ok('users.resetPassword', { id: row.id, version: row.version, temporaryPassword: 'violet engine canopy' })
    expect(await pat.connection.invoke('episodes.mine', {})).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: 'An administrator has reset your password. Sign in with the temporary password they gave you.' }
    })
    const robRow = await userRow('rob')
    await t.ok('users.update', { id: robRow.id, version: robRow.version, displayName: 'Rob', role: 'reception' })
    expect(await rob.connection.invoke('chronology.get', { familyId: family.id })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: 'An administrator has changed your role. Sign in again to carry on with your new role.' }
    })
    // Signing in again gives the new role, and only its permissions.
    unwrap(await rob.connection.invoke('auth.signIn', { username: 'rob', password: 'a chosen passphrase' }))
    expect(await rob.connection.invoke('chronology.get', { familyId: family.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('ends in the other windows of a user who changes their own password, and carries on in theirs', async () => {
    const pat = await signedInUser(t, 'pat', 'practitioner')
    const other = casebook.connect()
    unwrap(await other.invoke('auth.signIn', { username: 'pat', password: 'a chosen passphrase' }))
    unwrap(
      await pat.connection.invoke('auth.changePassword', {
        currentPassword: 'a chosen passphrase',
        newPassword: 'kettle harbour moss',
        confirmPassword: 'kettle harbour moss'
      })
    )
    expect(await pat.connection.invoke('episodes.mine', {})).toMatchObject({ ok: true })
    expect(await other.invoke('episodes.mine', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: /changed in another window/ } })
  })

  it('is not ended by an answer about the account that a change in the same window has overtaken', async () => {
    const pat = await signedInUser(t, 'pat', 'practitioner')
    // Hold back the next read of the account (a slow disk), while the window changes its own password.
    const db = casebook.core.db
    const createQueryBuilder = db.createQueryBuilder.bind(db)
    let release = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    let held = false
    db.createQueryBuilder = ((...args: Parameters<typeof createQueryBuilder>) => {
      const builder = createQueryBuilder(...args)
      const getRawOne = builder.getRawOne.bind(builder)
      builder.getRawOne = async <T>() => {
        const answer = await getRawOne<T>()
        if (!held) {
          held = true
          await gate
        }
        return answer
      }
      return builder
    }) as typeof db.createQueryBuilder
    const slow = pat.connection.invoke('episodes.mine', {})
    await expect.poll(() => held).toBe(true)
    unwrap(
      await pat.connection.invoke('auth.changePassword', {
        currentPassword: 'a chosen passphrase',
        newPassword: 'kettle harbour moss',
        confirmPassword: 'kettle harbour moss'
      })
    )
    release()
    db.createQueryBuilder = createQueryBuilder
    expect(await slow).toMatchObject({ ok: true })
    expect(await pat.connection.invoke('episodes.mine', {})).toMatchObject({ ok: true })
  })

  it('takes a new display name without ending the session', async () => {
    const pat = await signedInUser(t, 'pat', 'practitioner')
    const row = await userRow('pat')
    await t.ok('users.update', { id: row.id, version: row.version, displayName: 'Pat Okoro', role: 'practitioner' })
    expect(unwrap(await pat.connection.invoke('auth.status', {}))).toMatchObject({ user: { displayName: 'Pat Okoro' } })
    expect(await pat.connection.invoke('episodes.mine', {})).toMatchObject({ ok: true })
  })

  it('cannot take the last active administrator away by a change of role', async () => {
    const ivy = await signedInUser(t, 'ivy', 'admin')
    const row = await userRow('ivy')
    expect(await ivy.connection.invoke('users.update', { id: row.id, version: row.version, displayName: 'Ivy', role: 'manager' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'You cannot change the role of the last active administrator. Add another administrator first.' }
    })
  })
})

describe('a sign-out or a lock that has answered', () => {
  const PASSWORD = 'a chosen passphrase'
  it('is not undone by an unlock whose password was still being checked', async () => {
    const pat = await signedInUser(t, 'pat', 'practitioner')
    unwrap(await pat.connection.invoke('auth.lock', {}))
    const [, signedOut] = await Promise.all([pat.connection.invoke('auth.unlock', { password: PASSWORD }), pat.connection.invoke('auth.signOut', {})])
    expect(signedOut).toMatchObject({ ok: true })
    expect(unwrap(await pat.connection.invoke('auth.status', {}))).toMatchObject({ user: null })
    expect(await pat.connection.invoke('episodes.mine', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('is not undone by a change of password still on its way', async () => {
    // Whichever comes first (the change may even be refused because the lock came first), the lock
    // and the sign-out that answered hold afterwards.
    const pat = await signedInUser(t, 'pat', 'practitioner')
    const change = (newPassword: string, currentPassword: string) =>
      pat.connection.invoke('auth.changePassword', { currentPassword, newPassword, confirmPassword: newPassword })
    const [changed, locked] = await Promise.all([change('kettle harbour moss', PASSWORD), pat.connection.invoke('auth.lock', {})])
    expect(locked).toMatchObject({ ok: true })
    expect(unwrap(await pat.connection.invoke('auth.status', {}))).toMatchObject({ locked: true })
    const password = changed.ok ? 'kettle harbour moss' : PASSWORD
    unwrap(await pat.connection.invoke('auth.unlock', { password }))
    const [, signedOut] = await Promise.all([change('violet engine canopy', password), pat.connection.invoke('auth.signOut', {})])
    expect(signedOut).toMatchObject({ ok: true })
    expect(unwrap(await pat.connection.invoke('auth.status', {}))).toMatchObject({ user: null })
  })

  it("is on the trail when someone signs in over a locked window's session", async () => {
    const pat = await signedInUser(t, 'pat', 'practitioner')
    await signedInUser(t, 'sam', 'practitioner')
    unwrap(await pat.connection.invoke('auth.lock', {}))
    unwrap(await pat.connection.invoke('auth.signIn', { username: 'sam', password: PASSWORD }))
    const [entry] = await casebook.core.db.query(`SELECT actor, changes FROM audit_entry WHERE action = 'sign-out' ORDER BY seq DESC LIMIT 1`)
    expect(entry).toEqual({ actor: 'pat', changes: '{"by":"another sign-in"}' })
  })
})

describe('the idle lock, kept by the core', () => {
  const idle = minutes(10) + IDLE_GRACE_SECONDS * 1000

  it('locks a window that has made no call for the idle time and its grace, whatever the page does', async () => {
    const { pat, family } = await practitionerWithFamily()
    later(idle - 1000)
    expect(await pat.connection.invoke('chronology.get', { familyId: family.id })).toMatchObject({ ok: true })
    later(idle + 1000)
    expect(await pat.connection.invoke('chronology.get', { familyId: family.id })).toEqual({
      ok: false,
      error: { code: 'LOCKED', message: 'The screen is locked. Enter your password to continue.' }
    })
    expect(unwrap(await pat.connection.invoke('auth.status', {}))).toMatchObject({ locked: true, user: { username: 'pat' } })
    unwrap(await pat.connection.invoke('auth.unlock', { password: 'a chosen passphrase' }))
    expect(await pat.connection.invoke('chronology.get', { familyId: family.id })).toMatchObject({ ok: true })
  })

  it('counts the activity the page reports, and not a status read', async () => {
    const pat = await signedInUser(t, 'pat', 'practitioner')
    for (let i = 0; i < 6; i++) {
      later(minutes(5))
      unwrap(await pat.connection.invoke('auth.activity', {}))
    }
    expect(await pat.connection.invoke('episodes.mine', {})).toMatchObject({ ok: true })
    for (let i = 0; i < 3; i++) {
      later(minutes(5))
      unwrap(await pat.connection.invoke('auth.status', {}))
    }
    expect(await pat.connection.invoke('episodes.mine', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
  })

  it("follows the hub's idle time", async () => {
    const pat = await signedInUser(t, 'pat', 'practitioner')
    const hub = await t.ok('hub.settings', {})
    await t.ok('hub.update', { ...hub, idleLockMinutes: 2 })
    later(minutes(2) + IDLE_GRACE_SECONDS * 1000 + 1000)
    expect(await pat.connection.invoke('episodes.mine', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
  })
})

describe('refused calls from windows that are signed out or locked', () => {
  const refusals = () =>
    casebook.core.db.query(`SELECT actor, record_id AS channel, changes FROM audit_entry WHERE action = 'permission-refused' ORDER BY seq`) as Promise<
      { actor: string; channel: string; changes: string }[]
    >

  it('are on the audit trail, with the record they named and why', async () => {
    const { pat, family } = await practitionerWithFamily()
    const stranger = casebook.connect()
    expect(await stranger.invoke('families.get', { id: family.id })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    unwrap(await pat.connection.invoke('auth.lock', {}))
    expect(await pat.connection.invoke('chronology.get', { familyId: family.id })).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    // Locking itself and reporting activity are not attempts on a record.
    await pat.connection.invoke('auth.activity', {})
    expect((await refusals()).map((r) => ({ ...r, changes: JSON.parse(r.changes) }))).toEqual([
      { actor: 'not signed in', channel: 'families.get', changes: { reason: 'not signed in', record: family.id } },
      { actor: 'pat', channel: 'chronology.get', changes: { reason: 'screen locked', record: family.id } }
    ])
  })

  it('nor can a signed-in window refused a channel or a restricted family', async () => {
    const { family } = await practitionerWithFamily()
    const rita = await signedInUser(t, 'rita', 'reception')
    await t.ok('families.setRestriction', { id: family.id, version: 1, restricted: true, allowedUserIds: [] })
    const before = (await refusals()).length
    for (let i = 0; i < 300; i++) {
      await rita.connection.invoke('audit.list', {})
      await rita.connection.invoke('families.get', { id: family.id })
    }
    expect((await refusals()).length - before).toBe(REFUSAL_BURST)
  })

  it('cannot flood the trail: a looping window is written down at a steady rate, with a count of the rest', async () => {
    const { family } = await practitionerWithFamily()
    const stranger = casebook.connect()
    for (let i = 0; i < 500; i++) await stranger.invoke('families.get', { id: family.id })
    expect(await refusals()).toHaveLength(REFUSAL_BURST)
    later(60_000)
    await stranger.invoke('families.get', { id: family.id })
    const last = (await refusals()).at(-1)!
    expect(JSON.parse(last.changes)).toMatchObject({ reason: 'not signed in', refusedBeforeNotRecorded: 500 - REFUSAL_BURST })
  })
})
