import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openCasebook, type Casebook, type Connection } from '../core/casebook'
import { TEST_SCRYPT, tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { refuseInserts } from '../testing/refusedInserts'
import { hashCost, hashPassword, isCommonPassword, OWASP_SCRYPT, verifyPassword } from './passwords'

let dir: string
let t: TempCasebook
let casebook: Casebook
let now: Date
const clock = { now: () => now }

beforeEach(async () => {
  now = new Date('2026-11-23T09:00:00Z')
  // A database with no hub yet, as on first start (on the PostgreSQL test server in that project).
  t = await tempCasebook('accounts', { clock, hub: null })
  casebook = t.casebook
  dir = t.dir
})
afterEach(() => t.dispose())

const SETUP = {
  hubName: 'Riverside Family Hub',
  hubCode: 'rv',
  localAuthorityCode: '330',
  displayName: 'Ivy Admin',
  username: 'Ivy',
  password: 'lantern orchard pebble',
  confirmPassword: 'lantern orchard pebble'
}
const ok = async <T = any>(c: Connection, channel: string, input: unknown = {}): Promise<T> => unwrap<T>(await c.invoke(channel, input), channel)
const auditOf = () => casebook.core.db.query(`SELECT actor, action, record_type AS type, changes FROM audit_entry ORDER BY seq`)

async function setUpWithStaff() {
  const admin = casebook.connect()
  await ok(admin, 'auth.setUp', SETUP)
  await ok(admin, 'users.create', { displayName: 'Rita Reception', username: 'rita', role: 'reception', temporaryPassword: 'marble tugboat violin' })
  return admin
}

describe('first start', () => {
  it('needs set-up until a hub and its first administrator exist, then signs them in', async () => {
    const window = casebook.connect()
    expect(await ok(window, 'auth.status')).toEqual({ needsSetup: true, user: null, locked: false, idleLockMinutes: 10, signedOutBecause: null })
    expect(await window.invoke('hub.get', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    const user = await ok(window, 'auth.setUp', SETUP)
    expect(user).toMatchObject({ username: 'ivy', displayName: 'Ivy Admin', role: 'admin', mustChangePassword: false })
    expect(await ok(window, 'hub.get')).toEqual({ name: 'Riverside Family Hub', code: 'RV', localAuthorityCode: '330' })
    expect(await ok(casebook.connect(), 'auth.status')).toMatchObject({ needsSetup: false, user: null })
    expect(await casebook.connect().invoke('auth.setUp', SETUP)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('refuses a short, common or mismatched password, next to the field', async () => {
    const window = casebook.connect()
    const bad = async (changes: object) => (await window.invoke('auth.setUp', { ...SETUP, ...changes })) as any
    expect((await bad({ password: 'short', confirmPassword: 'short' })).error.fields).toEqual({ password: 'Password must be at least 12 characters' })
    expect((await bad({ password: 'Password1234!', confirmPassword: 'Password1234!' })).error.fields).toEqual({ password: expect.stringMatching(/too common/) })
    expect((await bad({ password: 'qwertyuiop123', confirmPassword: 'qwertyuiop123' })).error.fields).toEqual({ password: expect.stringMatching(/too common/) })
    expect((await bad({ confirmPassword: 'something else!' })).error.fields).toEqual({ confirmPassword: 'The passwords do not match' })
    expect((await bad({ hubCode: 'R1', localAuthorityCode: '33' })).error.fields).toEqual({
      hubCode: 'Hub code must be 2 to 5 letters',
      localAuthorityCode: 'Local authority code must be 3 digits, like 330'
    })
    expect(await ok(window, 'auth.status')).toMatchObject({ needsSetup: true })
  })
})

describe('signing in', () => {
  it('refuses a wrong password, locks the account after five in a row for 15 minutes, and audits every attempt', async () => {
    await setUpWithStaff()
    const window = casebook.connect()
    for (let i = 1; i <= 4; i++) {
      expect(await window.invoke('auth.signIn', { username: 'rita', password: 'wrong password!' })).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED', message: 'The username or password is not right' }
      })
    }
    expect(await window.invoke('auth.signIn', { username: 'rita', password: 'wrong password!' })).toMatchObject({
      ok: false,
      error: { message: /locked for 15 minutes/ }
    })
    expect(await window.invoke('auth.signIn', { username: 'rita', password: 'marble tugboat violin' })).toMatchObject({
      ok: false,
      error: { message: /Too many wrong passwords. Try again after 09:15/ }
    })
    expect(await window.invoke('auth.signIn', { username: 'nobody', password: 'marble tugboat violin' })).toMatchObject({
      ok: false,
      error: { message: 'The username or password is not right' }
    })

    now = new Date('2026-11-23T09:15:01Z')
    expect(await ok(window, 'auth.signIn', { username: ' RITA ', password: 'marble tugboat violin' })).toMatchObject({
      username: 'rita',
      role: 'reception',
      mustChangePassword: true
    })

    const attempts = (await auditOf()).filter((a: { action: string }) => /sign-in/.test(a.action))
    expect(attempts.map((a: { actor: string; action: string }) => `${a.actor} ${a.action}`)).toEqual([
      'ivy sign-in',
      ...Array(7).fill('rita failed-sign-in').slice(0, 6),
      'nobody failed-sign-in',
      'rita sign-in'
    ])
    expect(JSON.parse(attempts[5].changes).reason).toMatch(/wrong password; account locked until 2026-11-23T09:15:00/)
    expect(JSON.parse(attempts[6].changes).reason).toBe('account locked')
  })

  it('makes a user with a reset password choose a new one before anything else', async () => {
    const admin = await setUpWithStaff()
    const window = casebook.connect()
    await ok(window, 'auth.signIn', { username: 'rita', password: 'marble tugboat violin' })
    expect(await window.invoke('people.search', { text: 'x' })).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } })
    expect(
      await window.invoke('auth.changePassword', { currentPassword: 'nope', newPassword: 'kettle harbour moss', confirmPassword: 'kettle harbour moss' })
    ).toMatchObject({ ok: false, error: { fields: { currentPassword: 'Your current password is not right' } } })
    await ok(window, 'auth.changePassword', {
      currentPassword: 'marble tugboat violin',
      newPassword: 'kettle harbour moss',
      confirmPassword: 'kettle harbour moss'
    })
    expect(await ok(window, 'people.search', { text: 'x' })).toMatchObject({ hits: [] })

    const [rita] = (await ok(admin, 'users.list')).users.filter((u: { username: string }) => u.username === 'rita')
    await ok(admin, 'users.resetPassword', { id: rita.id, version: rita.version, temporaryPassword: 'violet engine canopy' })
    const again = casebook.connect()
    expect(await again.invoke('auth.signIn', { username: 'rita', password: 'kettle harbour moss' })).toMatchObject({ ok: false })
    expect(await ok(again, 'auth.signIn', { username: 'rita', password: 'violet engine canopy' })).toMatchObject({ mustChangePassword: true })
  })

  it('keeps out disabled users, and never lets the last active administrator be disabled', async () => {
    const admin = await setUpWithStaff()
    const users = (await ok(admin, 'users.list')).users
    const ivy = users.find((u: { username: string }) => u.username === 'ivy')
    const rita = users.find((u: { username: string }) => u.username === 'rita')
    expect(await admin.invoke('users.setDisabled', { id: ivy.id, version: ivy.version, disabled: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: /last active administrator/ }
    })
    const disabled = await ok(admin, 'users.setDisabled', { id: rita.id, version: rita.version, disabled: true })
    expect(await casebook.connect().invoke('auth.signIn', { username: 'rita', password: 'marble tugboat violin' })).toMatchObject({
      ok: false,
      error: { message: /disabled/ }
    })
    expect(await admin.invoke('users.setDisabled', { id: rita.id, version: rita.version, disabled: false })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' }
    })
    await ok(admin, 'users.setDisabled', { id: rita.id, version: disabled.version, disabled: false })
    await ok(casebook.connect(), 'auth.signIn', { username: 'rita', password: 'marble tugboat violin' })
    expect(
      await admin.invoke('users.create', { displayName: 'R', username: 'RITA', role: 'manager', temporaryPassword: 'marble tugboat violin' })
    ).toMatchObject({ ok: false, error: { fields: { username: 'Someone already has that username' } } })
  })

  it('locks a window without losing the session: nothing but unlock answers until the password is given', async () => {
    await setUpWithStaff()
    const window = casebook.connect()
    await ok(window, 'auth.signIn', { username: 'ivy', password: 'lantern orchard pebble' })
    await ok(window, 'auth.lock')
    expect(await ok(window, 'auth.status')).toMatchObject({ locked: true, user: { username: 'ivy' } })
    expect(await window.invoke('users.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    expect(await window.invoke('auth.unlock', { password: 'not it' })).toMatchObject({
      ok: false,
      error: { fields: { password: 'The password is not right' } }
    })
    await ok(window, 'auth.unlock', { password: 'lantern orchard pebble' })
    expect(await ok(window, 'users.list')).toMatchObject({ users: expect.any(Array) })
    await ok(window, 'auth.signOut')
    expect(await window.invoke('users.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })
})

describe('password hashing', () => {
  it('uses OWASP scrypt parameters by default, in the app and for new hashes', async () => {
    expect(OWASP_SCRYPT).toEqual({ N: 131072, r: 8, p: 1 })
    const app = await openCasebook({ databasePath: join(dir, 'default.sqlite'), mode: 'create' })
    expect(app.core.passwordCost).toEqual(OWASP_SCRYPT)
    await app.close()
    const stored = await hashPassword('lantern orchard pebble')
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/)
    expect(hashCost(stored)).toEqual(OWASP_SCRYPT)
    expect(await verifyPassword('lantern orchard pebble', stored)).toBe(true)
    expect(await verifyPassword('lantern orchard pebbles', stored)).toBe(false)
  })

  it('salts every hash and checks the common list as typed and without trailing digits', async () => {
    expect(await hashPassword('same password', TEST_SCRYPT)).not.toBe(await hashPassword('same password', TEST_SCRYPT))
    expect(await isCommonPassword('Sunshine2026!')).toBe(true)
    expect(await isCommonPassword('1q2w3e4r5t6y')).toBe(true)
    expect(await isCommonPassword('aaaaaaaaaaaa')).toBe(true)
    expect(await isCommonPassword('lantern orchard pebble')).toBe(false)
  })
})

describe('guessing passwords', () => {
  const lockedUntil = async () =>
    (await casebook.core.db.query(`SELECT locked_until AS until, failed_attempts AS failed FROM app_user WHERE username = 'rita'`))[0]
  const failures = async () =>
    (
      (await casebook.core.db.query(`SELECT changes FROM audit_entry WHERE action = 'failed-sign-in' AND actor = 'rita' ORDER BY seq`)) as { changes: string }[]
    ).map((r) => JSON.parse(r.changes) as { reason: string; during: string })

  it('cannot be raced: forty wrong passwords sent at once lock the account after five are checked', async () => {
    await setUpWithStaff()
    const guesses = Array.from({ length: 40 }, (_, i) => casebook.connect().invoke('auth.signIn', { username: 'rita', password: `guess number ${i}` }))
    const answers = await Promise.all(guesses)
    expect(answers.every((a) => !a.ok && a.error.code === 'UNAUTHENTICATED')).toBe(true)
    expect((await lockedUntil()).until).toBe('2026-11-23T09:15:00.000Z')
    const reasons = (await failures()).map((f) => f.reason)
    expect(reasons).toHaveLength(40)
    expect(reasons.filter((r) => r.startsWith('wrong password'))).toHaveLength(5)
    expect(await casebook.connect().invoke('auth.signIn', { username: 'rita', password: 'marble tugboat violin' })).toMatchObject({
      ok: false,
      error: { message: /Too many wrong passwords/ }
    })
  })

  it('cannot slip the right password in among thirty-nine wrong ones and leave the count at nothing', async () => {
    await setUpWithStaff()
    const passwords = Array.from({ length: 40 }, (_, i) => (i === 20 ? 'marble tugboat violin' : `guess number ${i}`))
    const answers = await Promise.all(passwords.map((password) => casebook.connect().invoke('auth.signIn', { username: 'rita', password })))
    // However the attempts interleave, at most five passwords are checked, and the account ends locked.
    expect(answers.filter((a) => a.ok).length).toBeLessThanOrEqual(1)
    expect((await failures()).filter((f) => f.reason.startsWith('wrong password')).length + answers.filter((a) => a.ok).length).toBeLessThanOrEqual(5)
    expect((await lockedUntil()).until).toBe('2026-11-23T09:15:00.000Z')
    expect(await casebook.connect().invoke('auth.signIn', { username: 'rita', password: 'marble tugboat violin' })).toMatchObject({
      ok: false,
      error: { message: /Too many wrong passwords/ }
    })
  })

  it('counts and audits guesses of the current password on the change-password screen', async () => {
    await setUpWithStaff()
    const window = casebook.connect()
    await ok(window, 'auth.signIn', { username: 'rita', password: 'marble tugboat violin' })
    for (let i = 0; i < 5; i++) {
      const answer = await window.invoke('auth.changePassword', {
        currentPassword: `guess ${i}`,
        newPassword: 'kettle harbour moss',
        confirmPassword: 'kettle harbour moss'
      })
      expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { currentPassword: expect.any(String) } } })
    }
    expect(await failures()).toEqual(
      Array.from({ length: 5 }, (_, i) =>
        expect.objectContaining({
          during: 'change-password',
          reason: i < 4 ? 'wrong password' : expect.stringMatching(/^wrong password; account locked until/)
        })
      )
    )
    expect((await lockedUntil()).until).toBe('2026-11-23T09:15:00.000Z')
    // Now even the right current password is refused until the lock ends.
    expect(
      await window.invoke('auth.changePassword', {
        currentPassword: 'marble tugboat violin',
        newPassword: 'kettle harbour moss',
        confirmPassword: 'kettle harbour moss'
      })
    ).toMatchObject({ ok: false, error: { fields: { currentPassword: /Too many wrong passwords/ } } })
  })

  it("lets only one of a user's password change and an administrator's reset at the same moment succeed", async () => {
    const admin = await setUpWithStaff()
    const window = casebook.connect()
    await ok(window, 'auth.signIn', { username: 'rita', password: 'marble tugboat violin' })
    const [rita] = (await ok(admin, 'users.list')).users.filter((u: { username: string }) => u.username === 'rita')
    const [change, reset] = await Promise.all([
      window.invoke('auth.changePassword', {
        currentPassword: 'marble tugboat violin',
        newPassword: 'kettle harbour moss',
        confirmPassword: 'kettle harbour moss'
      }),
      admin.invoke('users.resetPassword', { id: rita.id, version: rita.version, temporaryPassword: 'violet engine canopy' })
    ])
    expect([change.ok, reset.ok].filter(Boolean)).toHaveLength(1)
    // Whichever won, the password is the one it set, and the loser was told.
    const loser = change.ok ? reset : change
    expect(loser).toMatchObject({ ok: false })
    const fresh = casebook.connect()
    const password = change.ok ? 'kettle harbour moss' : 'violet engine canopy'
    expect(await fresh.invoke('auth.signIn', { username: 'rita', password })).toMatchObject({ ok: true })
  })
})

describe('a refused attempt and its audit entry', () => {
  it('are written together: no lock is ever set without its entry on the trail', async () => {
    await setUpWithStaff()
    const lock = async () => (await casebook.core.db.query(`SELECT locked_until AS until FROM app_user WHERE username = 'rita'`))[0].until
    // The trail refuses the entry (as a full disk would refuse any write).
    const refused = await refuseInserts(casebook.core, {
      name: 'test_refuse_failure',
      table: 'audit_entry',
      message: 'refused',
      when: "NEW.action = 'failed-sign-in'"
    })
    for (let i = 0; i < 7; i++) {
      expect(await casebook.connect().invoke('auth.signIn', { username: 'rita', password: `guess number ${i}` })).toMatchObject({ ok: false })
    }
    // Each guess was still counted before it was checked (the one thing written without an entry),
    // but the lock could not be written without its entry, so it was not written.
    expect(await lock()).toBeNull()
    await refused.lift()
    expect(await casebook.connect().invoke('auth.signIn', { username: 'rita', password: 'marble tugboat violin' })).toMatchObject({
      ok: false,
      error: { message: /Too many wrong passwords/ }
    })
    expect(await lock()).toBe('2026-11-23T09:15:00.000Z')
    const [entry] = await casebook.core.db.query(`SELECT changes FROM audit_entry WHERE action = 'failed-sign-in' ORDER BY seq DESC LIMIT 1`)
    expect(JSON.parse(entry.changes)).toEqual({ reason: 'account locked', during: 'sign-in' })
  })
})
