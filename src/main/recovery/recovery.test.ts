// The recovery core, on real files damaged as disks and people damage them: a damaged header, a file
// cut short, garbage pages in the middle, a database copied without the -wal that held its saves, a
// newer Casebook's database, one on a network drive, one that is not there. In every case the file is
// left byte for byte as it was, recovery.status says what happened, every other channel answers
// UNAVAILABLE, what can be read is read from a copy, and a backup is restored only for an
// administrator's password as the backup holds it.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { RecoveryStatus } from '../../shared/recovery/schemas'
import { signedInUser } from '../testing/accounts'
import { okaforFamily } from '../testing/fixtures'
import { payloadsFor } from '../testing/ipcValues'
import { tempCasebook, TEST_SCRYPT, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { CHOSEN_PASSWORD } from '../testing/channelSamples'
import { seedFamilies } from '../seed/seed'
import type { Casebook, Connection } from '../core/casebook'
import { checkDatabaseFile } from '../core/opening'
import { backupForTests, otherHubsBackup, type TestBackup } from '../testing/backupForTests'
import { garbage, personLeafPages } from '../testing/damage'
import { rawExec } from '../testing/rawDb'
import { openCasebookOrRecovery, recoveryCasebook } from './recoveryCasebook'
import { READ_ONLY_COPY } from './readOnlyCopy'
import { NOT_AN_ADMINISTRATOR } from './administrator'

let t: TempCasebook
let backup: TestBackup
let backedUp: string[]
const opened: Casebook[] = []

beforeEach(async () => {
  t = await tempCasebook('recovery')
  await signedInUser(t, 'ivy', 'admin')
  await signedInUser(t, 'molly', 'manager')
  await seedFamilies(t.casebook, { families: 60, seed: 1 })
  backup = await backupForTests(t.databasePath)
  backedUp = await references(t.casebook)
  // Saved after the backup: what a restore gives up.
  await t.ok('families.register', { ...okaforFamily(), family: { ...okaforFamily().family, postcode: 'M1 1AE' } })
})
afterEach(async () => {
  for (const casebook of opened.splice(0)) await casebook.close()
  await t.dispose()
})

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')
async function references(casebook: Casebook): Promise<string[]> {
  return ((await casebook.core.db.query('SELECT reference FROM family ORDER BY reference')) as { reference: string }[]).map((r) => r.reference)
}
const besideDatabase = (mark: string) => readdirSync(t.dir).filter((name) => name.includes(mark))

async function openApp(mode: 'existing' | 'create' = 'existing'): Promise<Casebook> {
  const casebook = await openCasebookOrRecovery({ databasePath: t.databasePath, mode, passwordCost: TEST_SCRYPT })
  opened.push(casebook)
  return casebook
}

interface Damage {
  /** Damages the closed database (or, given the open one, takes what a copy without its -wal would be). */
  make(): Promise<void>
  problem: RecoveryStatus extends infer S ? (S extends { problem: infer P } ? P : never) : never
  message: RegExp
  canRestore: boolean
  canOpenReadOnly: boolean
  /** The hub read from a copy of the damaged file: none where it cannot be read. */
  hubCode: string | null
}

const DAMAGES: Record<string, Damage> = {
  'a damaged header': {
    async make() {
      await t.casebook.close()
      garbage(t.databasePath, 0, 100)
    },
    problem: 'damaged',
    message: /is not a database: its first bytes are not a database's/,
    canRestore: true,
    canOpenReadOnly: false,
    hubCode: null
  },
  'a file cut short': {
    async make() {
      await t.casebook.close()
      truncateSync(t.databasePath, Math.floor(statSync(t.databasePath).size * 0.55))
    },
    problem: 'damaged',
    message: /is damaged \(SQLite's check found: .+\)\. Nothing was changed\./,
    canRestore: true,
    canOpenReadOnly: true,
    // The hub's page is past the cut.
    hubCode: null
  },
  'garbage pages in the middle': {
    async make() {
      await t.casebook.close()
      const { pages, pageSize } = await personLeafPages(t.databasePath)
      const middle = Math.floor(pages.length / 2)
      for (const page of pages.slice(middle, middle + 2)) garbage(t.databasePath, (page - 1) * pageSize, pageSize)
    },
    problem: 'damaged',
    message: /is damaged \(SQLite's check found: .+\)\. Nothing was changed\./,
    canRestore: true,
    canOpenReadOnly: true,
    hubCode: 'TH'
  },
  'a copy made without the -wal that held its saves': {
    async make() {
      // The file alone, as a copy of it (or a -wal lost in a crash) leaves it: every save since it was made is in the -wal.
      expect(statSync(`${t.databasePath}-wal`).size).toBeGreaterThan(0)
      const alone = readFileSync(t.databasePath)
      await t.casebook.close()
      writeFileSync(t.databasePath, alone)
    },
    problem: 'damaged',
    message: /has nothing in it\. What was saved in it may have been in the file beside it that ends in -wal, which is missing/,
    canRestore: true,
    canOpenReadOnly: false,
    hubCode: null
  },
  'a database from a newer Casebook': {
    async make() {
      await t.casebook.close()
      await rawExec(t.databasePath, `INSERT INTO migrations (timestamp, name) VALUES (1999999999999, 'FutureThing1999999999999')`)
    },
    problem: 'newer',
    message: /was last opened by a newer version of Casebook/,
    canRestore: false,
    canOpenReadOnly: false,
    hubCode: 'TH'
  }
}

/** Every channel but the recovery screen's answers UNAVAILABLE; a name that is no channel, UNKNOWN_CHANNEL. */
async function expectOnlyRecovery(window: Connection): Promise<void> {
  for (const channel of ['auth.status', 'auth.signIn', 'hub.get', 'families.register', 'backup.list', 'backup.restore', 'audit.verify']) {
    const answer = await window.invoke(channel, {})
    expect({ channel, answer }).toMatchObject({
      channel,
      answer: { ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('could not open its database') } }
    })
  }
  expect(await window.invoke('no.such.channel', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
}

describe('the recovery core', () => {
  for (const [what, damage] of Object.entries(DAMAGES)) {
    it(`on ${what}: says so, answers nothing else, ${damage.canRestore ? 'restores for an administrator of the backup' : 'offers no restore'}, and never changes the file`, async () => {
      await damage.make()
      const original = sha256(t.databasePath)
      const app = await openApp()
      const window = app.connect()

      const status = unwrap<RecoveryStatus>(await window.invoke('recovery.status', {}))
      expect(status).toEqual({
        state: 'recovery',
        problem: damage.problem,
        message: expect.stringMatching(damage.message),
        databasePath: t.databasePath,
        newestBackup: expect.objectContaining({ fileName: backup.fileName, takenAt: backup.header.takenAt, keyMatches: true }),
        newestBackupAgeHours: expect.any(Number),
        newestBackupHubCode: 'TH',
        hubCode: damage.hubCode,
        canRestore: damage.canRestore,
        canOpenReadOnly: damage.canOpenReadOnly
      })
      expect(status.state !== 'ok' && status.message).toContain(t.databasePath)
      await expectOnlyRecovery(window)
      if (!damage.canOpenReadOnly) expect(await window.invoke('recovery.openReadOnly', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })

      const restore = (password: string, username = 'ivy') => window.invoke('recovery.restore', { username, password, fileName: backup.fileName })
      if (!damage.canRestore) {
        expect(await restore(CHOSEN_PASSWORD)).toMatchObject({
          ok: false,
          error: { code: 'CONFLICT', message: expect.stringMatching(/Nothing was changed\.$/) }
        })
        expect(sha256(t.databasePath)).toBe(original)
        return
      }
      // A wrong password, or a user who is not an administrator in the backup: refused, nothing swapped.
      for (const [username, password] of [
        ['ivy', 'not the password'],
        ['molly', CHOSEN_PASSWORD],
        ['nobody', CHOSEN_PASSWORD]
      ]) {
        expect(await restore(password!, username)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: NOT_AN_ADMINISTRATOR } })
      }
      expect(sha256(t.databasePath)).toBe(original)
      expect(besideDatabase('.damaged-')).toEqual([])
      expect(besideDatabase('.restoring-')).toEqual([])

      const restored = unwrap<{ restoredFrom: string; damagedKeptAt: string | null }>(await restore(CHOSEN_PASSWORD))
      expect(restored.restoredFrom).toBe(backup.fileName)
      expect(sha256(restored.damagedKeptAt!)).toBe(original)
      // A normal core now: sign-in, the backup's records, the restore on the trail.
      expect(await window.invoke('recovery.status', {})).toEqual({ ok: true, value: { state: 'ok' } })
      unwrap(await window.invoke('auth.signIn', { username: 'molly', password: CHOSEN_PASSWORD }))
      expect(await references(app)).toEqual(backedUp)
      const [entry] = (await app.core.db.query(`SELECT actor, record_type AS "recordType", changes FROM audit_entry WHERE action = 'restore'`)) as {
        actor: string
        recordType: string
        changes: string
      }[]
      expect(entry).toMatchObject({ actor: 'ivy', recordType: 'database' })
      expect(JSON.parse(entry!.changes)).toMatchObject({ backup: backup.fileName, problem: damage.problem, keptAt: restored.damagedKeptAt })
      expect(await window.invoke('audit.verify', {})).toMatchObject({ ok: true, value: { intact: true } })
      expect(besideDatabase('.restoring-')).toEqual([])
    })
  }

  it('opens what can be read from a copy: sign-in and reading work, every save is refused, the damaged file is never touched', async () => {
    await DAMAGES['garbage pages in the middle']!.make()
    const original = sha256(t.databasePath)
    const app = await openApp()
    const manager = app.connect()
    const admin = app.connect()
    expect(unwrap<RecoveryStatus>(await manager.invoke('recovery.openReadOnly', {}))).toMatchObject({ state: 'readOnlyCopy', problem: 'damaged' })
    expect(besideDatabase('.read-only-copy-')).toHaveLength(1)

    unwrap(await manager.invoke('auth.signIn', { username: 'molly', password: CHOSEN_PASSWORD }))
    unwrap(await admin.invoke('auth.signIn', { username: 'ivy', password: CHOSEN_PASSWORD }))
    expect(unwrap<{ users: unknown[] }>(await admin.invoke('users.list', {})).users.length).toBe(2)
    // Reading: every family either opens or is refused as damaged, never a failure of Casebook's own.
    const hits = unwrap<{ hits: { familyId: string }[] }>(await manager.invoke('people.search', { text: 'TH-000001' })).hits
    expect(hits.length).toBeGreaterThan(0)
    expect(await manager.invoke('families.get', { id: hits[0]!.familyId })).toMatchObject({ ok: true })
    const families = (await app.core.db.query('SELECT id FROM family')) as { id: string }[]
    const answers = await Promise.all(families.map((f) => manager.invoke('families.get', { id: f.id })))
    expect(answers.filter((a) => a.ok).length).toBeGreaterThan(families.length / 2)
    for (const answer of answers.filter((a) => !a.ok))
      expect(answer).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('damaged') } })
    // Saving: refused, whoever tries, whatever it is.
    const refused = { ok: false, error: { code: 'UNAVAILABLE', message: READ_ONLY_COPY } }
    const bells = {
      ...okaforFamily(),
      family: { ...okaforFamily().family, postcode: 'M1 1AE' },
      members: [
        {
          member: { kind: 'adult', givenName: 'Ruth', familyName: 'Bell', dateOfBirth: '1970-01-01', sex: 'F', ethnicity: 'WBRI', relationship: 'PARENT_CARER' }
        }
      ]
    }
    expect(await manager.invoke('families.register', bells)).toEqual(refused)
    expect(
      await admin.invoke('users.create', { displayName: 'Rita', username: 'rita', role: 'reception', temporaryPassword: 'marble tugboat violin' })
    ).toEqual(refused)
    expect(await manager.invoke('drafts.save', { key: `case-note:${hits[0]!.familyId}`, payload: { text: 'typing' } })).toEqual(refused)
    // Nor is the copy backed up, nor restored over: backups and restores are of the real database.
    const backups = readdirSync(join(t.dir, 'Backups'))
    expect(await admin.invoke('backup.start', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
    await app.core.backups.whenIdle()
    expect(readdirSync(join(t.dir, 'Backups'))).toEqual(backups)
    expect(await admin.invoke('backup.restore', { fileName: backup.fileName })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
    expect(await manager.invoke('recovery.status', {})).toMatchObject({ ok: true, value: { state: 'readOnlyCopy', canRestore: true } })
    expect(sha256(t.databasePath)).toBe(original)

    // Restoring from here ends the copy, and every window's session on it.
    unwrap(await admin.invoke('recovery.restore', { username: 'ivy', password: CHOSEN_PASSWORD, fileName: backup.fileName }))
    expect(besideDatabase('.read-only-copy-')).toEqual([])
    expect(await manager.invoke('auth.status', {})).toMatchObject({ ok: true, value: { user: null } })
    expect(await manager.invoke('families.register', okaforFamily())).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(sha256(join(t.dir, besideDatabase('.damaged-')[0]!))).toBe(original)
  })

  it('on a network drive: tells IT what to do instead, and offers no restore', async () => {
    await t.casebook.close()
    const original = sha256(t.databasePath)
    const refusal = await checkDatabaseFile(t.databasePath, 'existing', 'machine config', async () => ({
      kind: 'unc',
      where: '\\\\hubserver\\casebook'
    })).catch((error: unknown) => error)
    expect(refusal).toMatchObject({ kind: 'network', code: 'UNAVAILABLE' })
    const app = recoveryCasebook({ databasePath: t.databasePath }, refusal)
    opened.push(app)
    const window = app.connect()
    const status = unwrap<RecoveryStatus>(await window.invoke('recovery.status', {}))
    expect(status).toMatchObject({ state: 'recovery', problem: 'network', canRestore: false, canOpenReadOnly: false })
    expect(status.state !== 'ok' && status.message).toMatch(
      /^The database at .+ is on a network drive \(\\\\hubserver\\casebook\)\. .+ Ask IT to move the database to this desk's own disk \(the backup folder may stay on the network share: backups are encrypted and safe there\), or, for several desks sharing one hub's records, to set up a shared PostgreSQL database for them\.$/
    )
    await expectOnlyRecovery(window)
    expect(await window.invoke('recovery.restore', { username: 'ivy', password: CHOSEN_PASSWORD, fileName: backup.fileName })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('network drive') }
    })
    expect(sha256(t.databasePath)).toBe(original)
  })

  it('where there is no database: restores one there', async () => {
    await t.casebook.close()
    rmSync(t.databasePath)
    const app = await openApp()
    const window = app.connect()
    expect(unwrap<RecoveryStatus>(await window.invoke('recovery.status', {}))).toMatchObject({ problem: 'missing', canRestore: true, canOpenReadOnly: false })
    expect(unwrap(await window.invoke('recovery.restore', { username: 'ivy', password: CHOSEN_PASSWORD, fileName: backup.fileName }))).toMatchObject({
      damagedKeptAt: null
    })
    expect(await references(app)).toEqual(backedUp)
  })

  it("a desk's own database with nothing in it but backups beside it is not set up afresh; without backups it is", async () => {
    await DAMAGES['a copy made without the -wal that held its saves']!.make()
    const original = sha256(t.databasePath)
    const app = await openApp('create')
    expect(await app.connect().invoke('recovery.status', {})).toMatchObject({ ok: true, value: { state: 'recovery', problem: 'damaged', canRestore: true } })
    expect(sha256(t.databasePath)).toBe(original)
    await app.close()
    rmSync(join(t.dir, 'Backups'), { recursive: true })
    const fresh = await openApp('create')
    expect(await fresh.connect().invoke('auth.status', {})).toMatchObject({ ok: true, value: { needsSetup: true } })
  })

  it('offers and restores only this hub’s backups where its hub can be read; where it cannot, names the hub of the one it offers', async () => {
    const other = await otherHubsBackup(t.databasePath, 'XY', new Date(Date.parse(backup.header.takenAt) + 60_000))
    await DAMAGES['garbage pages in the middle']!.make()
    const original = sha256(t.databasePath)
    const app = await openApp()
    const window = app.connect()
    expect(unwrap<RecoveryStatus>(await window.invoke('recovery.status', {}))).toMatchObject({
      newestBackup: { fileName: backup.fileName },
      newestBackupHubCode: 'TH',
      hubCode: 'TH'
    })
    expect(await window.invoke('recovery.restore', { username: 'ivy', password: CHOSEN_PASSWORD, fileName: other.fileName })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('it is a backup of hub XY, not of this hub (TH). Nothing was changed.') }
    })
    expect(sha256(t.databasePath)).toBe(original)
    await app.close()

    // Past reading: every hub's backups count, and the screen is told whose the newest is.
    garbage(t.databasePath, 0, 100)
    const unknown = unwrap<RecoveryStatus>(await (await openApp()).connect().invoke('recovery.status', {}))
    expect(unknown).toMatchObject({ newestBackup: { fileName: other.fileName }, newestBackupHubCode: 'XY', hubCode: null })
    expect(besideDatabase('.hub-check-')).toEqual([])
  })

  it('counts wrong passwords: five for a name, then restores wait', async () => {
    await DAMAGES['a damaged header']!.make()
    const window = (await openApp()).connect()
    const restore = (password: string) => window.invoke('recovery.restore', { username: 'ivy', password, fileName: backup.fileName })
    for (let i = 0; i < 5; i++)
      expect(await restore(`wrong guess ${i}`)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: NOT_AN_ADMINISTRATOR } })
    expect(await restore(CHOSEN_PASSWORD)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/^Too many wrong passwords\. Try again after \d\d:\d\d\.$/) }
    })
  })

  it('answers whatever a window sends with a Result, never a failure of its own, and leaves the file as it was', async () => {
    await DAMAGES['garbage pages in the middle']!.make()
    const original = sha256(t.databasePath)
    const window = (await openApp()).connect()
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const samples: Record<string, unknown> = {
      'recovery.status': {},
      'recovery.restore': { username: 'ivy', password: 'not the password', fileName: backup.fileName },
      'recovery.openReadOnly': {},
      'hub.get': {},
      'auth.signIn': { username: 'ivy', password: 'not the password' }
    }
    let calls = 0
    for (const channel of ['recovery.status', 'recovery.restore', 'recovery.openReadOnly', 'hub.get', 'auth.signIn'] as const) {
      await fc.assert(
        fc.asyncProperty(payloadsFor(samples[channel], ['ivy', backup.fileName]), async (payload) => {
          calls++
          const answer = await window.invoke(channel, payload.value)
          expect(answer.ok === true || ['VALIDATION', 'UNAUTHENTICATED', 'UNAVAILABLE', 'CONFLICT', 'NOT_FOUND'].includes(answer.error.code)).toBe(true)
        }),
        { numRuns: 60, seed: 20261124 }
      )
    }
    expect(calls).toBeGreaterThanOrEqual(300)
    expect(sha256(t.databasePath)).toBe(original)
    expect(existsSync(`${t.databasePath}-wal`)).toBe(false)
  })
})
