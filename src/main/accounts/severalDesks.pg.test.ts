// Accounts at several desks on one PostgreSQL database (issue 13): what one desk does to an account
// holds at the others at once, because every desk reads the account from the database at each call
// and counts guesses there, in turn. Two cores on the same test database are two workstations.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openCasebook, type Casebook, type Connection } from '../core/casebook'
import { TEST_SCRYPT, tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'

const now = new Date('2026-11-23T09:00:00Z')
const clock = { now: () => now }
const ADMIN = { displayName: 'Ivy Admin', username: 'ivy', password: 'lantern orchard pebble' }
const RITA = 'marble tugboat violin'

let t: TempCasebook
let other: Casebook

beforeEach(async () => {
  t = await tempCasebook('desks', { clock, hub: null })
  other = await openCasebook({ databasePath: t.databasePath, postgres: t.postgres, mode: 'existing', clock, passwordCost: TEST_SCRYPT })
  const admin = t.casebook.connect()
  unwrap(
    await admin.invoke('auth.setUp', {
      hubName: 'Riverside Family Hub',
      hubCode: 'RV',
      localAuthorityCode: '330',
      ...ADMIN,
      confirmPassword: ADMIN.password
    })
  )
  unwrap(await admin.invoke('users.create', { displayName: 'Rita Reception', username: 'rita', role: 'reception', temporaryPassword: RITA }))
  unwrap(await admin.invoke('users.create', { displayName: 'Mo Admin', username: 'mo', role: 'admin', temporaryPassword: 'violet engine canopy' }))
})
afterEach(async () => {
  await other.close()
  await t.dispose()
})

async function signedIn(casebook: Casebook, username: string, password: string): Promise<Connection> {
  const window = casebook.connect()
  unwrap(await window.invoke('auth.signIn', { username, password }))
  return window
}

const account = async (username: string) =>
  (await t.casebook.core.db.query(`SELECT id, version, disabled, locked_until AS "lockedUntil" FROM app_user WHERE username = ?`, [username]))[0]

describe('accounts at two desks', () => {
  it('count guesses together: forty wrong passwords sent from both desks at once lock the account after five are checked', async () => {
    const desks = [t.casebook, other]
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => desks[i % 2]!.connect().invoke('auth.signIn', { username: 'rita', password: `guess number ${i}` }))
    )
    expect(answers.every((a) => !a.ok && a.error.code === 'UNAUTHENTICATED')).toBe(true)
    const reasons = (
      (await t.casebook.core.db.query(`SELECT changes FROM audit_entry WHERE action = 'failed-sign-in' AND actor = 'rita' ORDER BY seq`)) as {
        changes: string
      }[]
    ).map((r) => (JSON.parse(r.changes) as { reason: string }).reason)
    expect(reasons).toHaveLength(40)
    expect(reasons.filter((r) => r.startsWith('wrong password'))).toHaveLength(5)
    expect((await account('rita')).lockedUntil).toBe('2026-11-23T09:15:00.000Z')
    // Locked at both desks, even with the right password.
    for (const desk of desks)
      expect(await desk.connect().invoke('auth.signIn', { username: 'rita', password: RITA })).toMatchObject({
        ok: false,
        error: { message: /Too many wrong passwords/ }
      })
  })

  it('end a session at one desk when an administrator at another disables the account: nothing more is read there', async () => {
    const rita = await signedIn(other, 'rita', RITA)
    unwrap(await rita.invoke('auth.status', {}))
    const admin = await signedIn(t.casebook, 'ivy', ADMIN.password)
    const { id, version } = await account('rita')
    unwrap(await admin.invoke('users.setDisabled', { id, version, disabled: true }))
    expect(await rita.invoke('people.search', { query: 'okafor' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(unwrap(await rita.invoke('auth.status', {}))).toMatchObject({ user: null, signedOutBecause: expect.stringMatching(/disabled/) })
  })

  it('keep one active administrator when two, at two desks, disable each other at the same moment', async () => {
    const ivy = await signedIn(t.casebook, 'ivy', ADMIN.password)
    // Mo's temporary password must be changed before anything else.
    const mo = await signedIn(other, 'mo', 'violet engine canopy')
    unwrap(
      await mo.invoke('auth.changePassword', {
        currentPassword: 'violet engine canopy',
        newPassword: 'kettle harbour moss',
        confirmPassword: 'kettle harbour moss'
      })
    )
    const [ivyRow, moRow] = [await account('ivy'), await account('mo')]
    const answers = await Promise.all([
      ivy.invoke('users.setDisabled', { id: moRow.id, version: moRow.version, disabled: true }),
      mo.invoke('users.setDisabled', { id: ivyRow.id, version: ivyRow.version, disabled: true })
    ])
    // One wins; the other is refused (its session ended, or the last administrator kept), never both.
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    const active = (await t.casebook.core.db.query(`SELECT username FROM app_user WHERE role = 'admin' AND disabled = false`)) as { username: string }[]
    expect(active).toHaveLength(1)
  })
})
