// Restoring a backup, on real files: through the open app (backup.restore), from the command line,
// each check that refuses a backup, and a restore killed with SIGKILL at each step and at random
// moments in a process of its own, after which the live database is always whole and opens.
import { createHash, randomBytes } from 'node:crypto'
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrations } from '../../../migrations'
import { signedInUser } from '../testing/accounts'
import { startChild } from '../testing/childProcess'
import { okaforFamily } from '../testing/fixtures'
import { tempCasebook, TEST_SCRYPT, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { seedFamilies } from '../seed/seed'
import { openCasebook, SIGNED_OUT_BY_RESTORE, type Casebook, type Connection } from '../core/casebook'
import { openDatabase } from '../core/database'
import { logOver, type LogValue } from '../log/log'
import { headlessArguments } from '../electron/headless'
import { backupForTests, NO_SETTINGS, otherHubsBackup, type TestBackup } from '../testing/backupForTests'
import { runCommand } from '../testing/commandLine'
import { rawAll, rawExec } from '../testing/rawDb'
import { keyBesideDatabase, keyIdOf, loadBackupKey, readBackupHeader, type BackupKey } from './crypto'
import { prepareRestore, restoreUnderWay, swapIn, type RestoreStep } from './restore'

let t: TempCasebook
let admin: Connection
const opened: Casebook[] = []

beforeEach(async () => {
  t = await tempCasebook('restore')
  admin = (await signedInUser(t, 'ivy', 'admin')).connection
  await seedFamilies(t.casebook, { families: 6, seed: 1 })
})
afterEach(async () => {
  for (const casebook of opened.splice(0)) await casebook.close()
  await t.dispose()
})

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')
const references = async (casebook: Casebook = t.casebook) =>
  ((await casebook.core.db.query('SELECT reference FROM family ORDER BY reference')) as { reference: string }[]).map((r) => r.reference)
const leftovers = () => readdirSync(t.dir).filter((name) => name.includes('.restoring-'))
const keptFiles = (kind = 'replaced') => readdirSync(t.dir).filter((name) => name.includes(`.${kind}-`))

async function openedReadOnly(path: string): Promise<Casebook> {
  const casebook = await openCasebook({ databasePath: path, mode: 'readOnly', passwordCost: TEST_SCRYPT })
  opened.push(casebook)
  return casebook
}

/** Opens the database given and says "open", then waits: no statement, so no lock and no -wal. */
const HOLDER = `const sqlite3 = require('sqlite3'); const db = new sqlite3.Database(process.argv[1], sqlite3.OPEN_READWRITE, (e) => { console.log(e ? 'ERR ' + e.message : 'open') }); setInterval(() => {}, 1000)`

/** A family registered after the backup: a restore takes it away. */
const registerLater = () => t.ok('families.register', { ...okaforFamily(), family: { ...okaforFamily().family, postcode: 'M1 1AE' } })

describe('restoring a backup over the open database', () => {
  it('puts the backup in place: later edits gone, the replaced database kept and opening, every window signed out, the restore audited', async () => {
    const backup = await backupForTests(t.databasePath)
    const backedUp = await references()
    await registerLater()
    const beforeRestore = await references()
    expect(beforeRestore.length).toBe(backedUp.length + 1)
    const events: { event: string; fields: Record<string, LogValue> }[] = []
    t.casebook.core.log = logOver((_level, event, fields) => events.push({ event, fields: fields ?? {} }))

    const result = unwrap<{ restoredFrom: string; replacedKeptAt: string; restoredAt: string }>(
      await admin.invoke('backup.restore', { fileName: backup.fileName })
    )

    expect(result.restoredFrom).toBe(backup.fileName)
    expect(result.replacedKeptAt).toMatch(/casebook\.sqlite\.replaced-\d{8}t\d{9}z\.sqlite$/)
    expect(await references()).toEqual(backedUp)
    // The database it replaced, kept beside it, opens and holds what was there.
    expect(await references(await openedReadOnly(result.replacedKeptAt))).toEqual(beforeRestore)
    // Every window was signed out, and is told why; the core carries on.
    expect(await admin.invoke('hub.get', {})).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: SIGNED_OUT_BY_RESTORE } })
    unwrap(await admin.invoke('auth.signIn', { username: 'ivy', password: 'a chosen passphrase' }))
    await registerLater()
    const [entry] = (await t.casebook.core.db.query(
      `SELECT actor, action, record_type AS "recordType", changes FROM audit_entry WHERE action = 'restore' ORDER BY seq DESC LIMIT 1`
    )) as { actor: string; action: string; recordType: string; changes: string }[]
    expect(entry).toMatchObject({ actor: 'ivy', action: 'restore', recordType: 'database' })
    expect(JSON.parse(entry!.changes)).toMatchObject({ backup: backup.fileName, takenAt: backup.header.takenAt, keptAt: result.replacedKeptAt })
    expect(await t.ok('audit.verify', {})).toMatchObject({ intact: true })
    expect(leftovers()).toEqual([])
    expect(events.map((e) => e.event).filter((e) => e.startsWith('restore.'))).toEqual(['restore.started', 'restore.checked', 'restore.finished'])
    expect(events.find((e) => e.event === 'restore.finished')!.fields).toMatchObject({ file: backup.fileName, keptAt: result.replacedKeptAt })
  })

  it('upgrades an older backup after its own pre-migration copy', async () => {
    const previous = migrations.at(-2)!.name
    const backup = await backupForTests(t.databasePath, {
      header: { schemaVersion: previous },
      alter: async (copy) => {
        const { dataSource } = await openDatabase(copy)
        await dataSource.undoLastMigration({ transaction: 'all' })
        await dataSource.destroy()
      }
    })
    unwrap(await admin.invoke('backup.restore', { fileName: backup.fileName }))
    const applied = (await t.casebook.core.db.query('SELECT name FROM migrations ORDER BY id')) as { name: string }[]
    expect(applied.map((m) => m.name)).toEqual(migrations.map((m) => m.name))
    // The upgrade's own backup, taken of the restored database before it was migrated.
    expect(t.casebook.backupPath).not.toBeNull()
    expect(t.casebook.backupPath).not.toBe(backup.path)
    expect((await readBackupHeader(t.casebook.backupPath!)).header).toMatchObject({ reason: 'before-upgrade', schemaVersion: previous })
  })

  it('refuses a backup that fails a check, and changes nothing', async () => {
    const other: BackupKey = (() => {
      const key = randomBytes(32)
      return { key, keyId: keyIdOf(key), source: 'config', path: null }
    })()
    const cases: [string, () => Promise<TestBackup>, RegExp][] = [
      [
        'damaged',
        () =>
          backupForTests(t.databasePath, {
            alter: async (copy) => {
              const [table] = await rawAll<{ rootpage: number }>(copy, `SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'person'`)
              const [page] = await rawAll<{ page_size: number }>(copy, 'PRAGMA page_size')
              const fd = openSync(copy, 'r+')
              writeSync(fd, Buffer.alloc(24, 0xff), 0, 24, (table!.rootpage - 1) * page!.page_size + 8)
              closeSync(fd)
            }
          }),
        /cannot be restored: SQLite's check of it found damage \(.+\)\. Nothing was changed\./
      ],
      [
        'newer (its header)',
        () => backupForTests(t.databasePath, { header: { schemaVersion: 'FutureThing1999999999999' } }),
        /cannot be restored: it was made by a newer version of Casebook \(it has changes this version does not know: FutureThing1999999999999\)\. Install that version to restore it\./
      ],
      [
        'newer (its migrations)',
        () =>
          backupForTests(t.databasePath, {
            alter: (copy) => rawExec(copy, `INSERT INTO migrations (timestamp, name) VALUES (1999999999999, 'FutureThing1999999999999')`)
          }),
        /it was made by a newer version of Casebook/
      ],
      [
        'an altered audit trail',
        () =>
          backupForTests(t.databasePath, {
            alter: (copy) => rawExec(copy, `DROP TRIGGER audit_entry_no_update; UPDATE audit_entry SET actor = 'someone else' WHERE seq = 2`)
          }),
        /cannot be restored: its audit trail does not verify\. Entry 2 has been altered/
      ],
      [
        'rows pointing at nothing',
        () =>
          backupForTests(t.databasePath, {
            alter: (copy) =>
              rawExec(
                copy,
                `PRAGMA foreign_keys = OFF; UPDATE family_membership SET person_id = '00000000-0000-4000-8000-000000000000' WHERE rowid = (SELECT min(rowid) FROM family_membership)`
              )
          }),
        /cannot be restored: \d+ of its rows point at rows it does not hold \(.+\)\./
      ],
      [
        'another key',
        () => backupForTests(t.databasePath, { key: other }),
        /This backup was encrypted with a different key \(key [0-9a-f]{16}\); the key this machine holds is/
      ],
      [
        'altered after it was written',
        async () => {
          const backup = await backupForTests(t.databasePath)
          const bytes = readFileSync(backup.path)
          bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0x01
          writeFileSync(backup.path, bytes)
          return backup
        },
        /is damaged or has been altered: its contents fail the encryption's check/
      ],
      [
        'not a backup',
        async () => {
          const backup = await backupForTests(t.databasePath)
          writeFileSync(backup.path, randomBytes(4096))
          return backup
        },
        /is not a Casebook backup, or it is damaged/
      ]
    ]
    const before = await references()
    for (const [what, make, message] of cases) {
      const backup = await make()
      const answer = await admin.invoke('backup.restore', { fileName: backup.fileName })
      expect({ what, answer }).toMatchObject({ what, answer: { ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(message) } } })
      expect(await references(), what).toEqual(before)
      expect(keptFiles(), what).toEqual([])
      expect(leftovers(), what).toEqual([])
      // Nothing was swapped, so nobody was signed out.
      expect(await admin.invoke('users.list', {}), what).toMatchObject({ ok: true })
    }
    expect(await admin.invoke('backup.restore', { fileName: 'casebook-th-20260105t100000000z.cbbackup' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('There is no backup named casebook-th-20260105t100000000z.cbbackup in the backup folder') }
    })
  })

  it('refuses while another program has the database open, and goes ahead once it is closed', async () => {
    const backup = await backupForTests(t.databasePath)
    await registerLater()
    const before = await references()
    const other = await openedReadOnly(t.databasePath)
    expect(await admin.invoke('backup.restore', { fileName: backup.fileName })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', message: expect.stringMatching(/^The database at .+ is in use by another program/) }
    })
    expect(await references()).toEqual(before)
    expect(keptFiles()).toEqual([])
    expect(await admin.invoke('users.list', {})).toMatchObject({ ok: true })
    await other.close()
    opened.splice(opened.indexOf(other), 1)
    unwrap(await admin.invoke('backup.restore', { fileName: backup.fileName }))
    expect((await references()).length).toBe(before.length - 1)
  })
})

describe('a backup of another hub, and backups started during a restore', () => {
  const ANOTHER_HUB = /cannot be restored: it is a backup of hub XY, not of this hub \(TH\)\. Nothing was changed\.$/

  it('refuses a backup of another hub, by its header or by the hub inside it, and changes nothing', async () => {
    const other = await otherHubsBackup(t.databasePath, 'XY')
    const relabelled = await backupForTests(t.databasePath, { alter: (copy) => rawExec(copy, `UPDATE hub SET code = 'XY' WHERE id = 1`) })
    expect(relabelled.header.hubCode).toBe('TH')
    const before = await references()
    for (const backup of [other, relabelled])
      expect(await admin.invoke('backup.restore', { fileName: backup.fileName })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringMatching(ANOTHER_HUB) }
      })
    expect(await references()).toEqual(before)
    expect(unwrap<{ code: string }>(await admin.invoke('hub.get', {})).code).toBe('TH')
    expect(keptFiles()).toEqual([])
    expect(leftovers()).toEqual([])
  })

  it('says a restore is under way from its start to its end, and loses no backup started meanwhile', async () => {
    const backup = await backupForTests(t.databasePath)
    const second = (await signedInUser(t, 'abe', 'admin')).connection
    const restoring = admin.invoke('backup.restore', { fileName: backup.fileName })
    await expect.poll(() => restoreUnderWay(t.databasePath), { interval: 1 }).toBe(true)
    const started = await second.invoke('backup.start', {})
    const restored = await restoring
    await t.casebook.core.backups.whenIdle()
    expect(restoreUnderWay(t.databasePath)).toBe(false)
    if (started.ok) {
      // Started before BackupService knew of the restore: the swap is refused, and the run is in the live database.
      expect(restored).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('A backup is being taken now') } })
      const runs = (await t.casebook.core.db.query('SELECT id FROM backup_run WHERE id = ?', [(started.value as { id: string }).id])) as unknown[]
      expect(runs).toHaveLength(1)
    } else {
      expect(restored).toMatchObject({ ok: true })
    }
  })
})

describe('restore on the command line', () => {
  it('restores into a closed database, keeps the one it replaced, and is audited under the user', async () => {
    const backup = await backupForTests(t.databasePath)
    const backedUp = await references()
    await registerLater()
    // While the app has it open, it is refused and nothing changes.
    const inUse = await runCommand('restore', backup.path, '--db', t.databasePath)
    expect(inUse).toMatchObject({ code: 1, out: expect.stringMatching(/is in use by another program/) })
    await t.casebook.close()
    const before = sha256(t.databasePath)
    // By name, from the backup folder.
    const done = await runCommand('restore', backup.fileName, '--db', t.databasePath)
    expect(done.code).toBe(0)
    expect(done.out).toMatch(new RegExp(`^Restored the backup taken ${backup.header.takenAt} \\(${backup.fileName}\\) to ${t.databasePath}\\.$`, 'm'))
    const [kept] = keptFiles()
    expect(done.out).toContain(`The database it replaced is kept at ${join(t.dir, kept!)}.`)
    expect(sha256(join(t.dir, kept!))).toBe(before)
    await t.reopen()
    expect(await references()).toEqual(backedUp)
    const [entry] = (await t.casebook.core.db.query(`SELECT actor FROM audit_entry WHERE action = 'restore'`)) as { actor: string }[]
    expect(entry!.actor).toMatch(/^cli:/)
    expect(await t.ok('audit.verify', {})).toMatchObject({ intact: true })
  })

  it('refuses a wrong key, a newer database, and a backup that is not there; exit code 1, nothing changed', async () => {
    const backup = await backupForTests(t.databasePath)
    await t.casebook.close()
    const before = sha256(t.databasePath)
    const otherKey = join(t.dir, 'other.key')
    writeFileSync(otherKey, `${randomBytes(32).toString('base64')}\n`)
    expect(await runCommand('restore', backup.path, '--db', t.databasePath, '--key-file', otherKey)).toMatchObject({
      code: 1,
      out: expect.stringMatching(/^This backup was encrypted with a different key/)
    })
    expect(await runCommand('restore', join(t.dir, 'nothing.cbbackup'), '--db', t.databasePath)).toMatchObject({
      code: 1,
      out: expect.stringMatching(/^There is no backup at .+nothing\.cbbackup/)
    })
    await rawExec(t.databasePath, `INSERT INTO migrations (timestamp, name) VALUES (1999999999999, 'FutureThing1999999999999')`)
    const newer = sha256(t.databasePath)
    expect(await runCommand('restore', backup.path, '--db', t.databasePath)).toMatchObject({
      code: 1,
      out: expect.stringMatching(/was last opened by a newer version of Casebook .+ A backup was not restored over it/)
    })
    expect(sha256(t.databasePath)).toBe(newer)
    expect(before).not.toBe(newer)
    expect(keptFiles()).toEqual([])
    expect(leftovers()).toEqual([])
    expect(await runCommand('restore', '--db', t.databasePath)).toMatchObject({ code: 2 })
  })

  it('restores where there is no database yet, and over a damaged one (kept as damaged)', async () => {
    const backup = await backupForTests(t.databasePath)
    const backedUp = await references()
    await t.casebook.close()
    const elsewhere = join(t.dir, 'new-desk.sqlite')
    const key = keyBesideDatabase(t.databasePath)
    expect(await runCommand('restore', backup.path, '--db', elsewhere, '--key-file', key)).toMatchObject({ code: 0 })
    expect(await references(await openedReadOnly(elsewhere))).toEqual(backedUp)

    writeFileSync(t.databasePath, randomBytes(8192))
    const damaged = sha256(t.databasePath)
    const done = await runCommand('restore', backup.path, '--db', t.databasePath)
    expect(done).toMatchObject({ code: 0, out: expect.stringContaining('The database it replaced (damaged) is kept at') })
    expect(sha256(join(t.dir, keptFiles('damaged')[0]!))).toBe(damaged)
  })

  it('refuses another hub’s backup over this hub; over a database with no hub to read, restores it and names its hub', async () => {
    const other = await otherHubsBackup(t.databasePath, 'XY')
    await t.casebook.close()
    const before = sha256(t.databasePath)
    expect(await runCommand('restore', other.fileName, '--db', t.databasePath)).toMatchObject({
      code: 1,
      out: expect.stringMatching(/it is a backup of hub XY, not of this hub \(TH\)\. Nothing was changed\.$/)
    })
    expect(sha256(t.databasePath)).toBe(before)
    expect(keptFiles()).toEqual([])
    writeFileSync(t.databasePath, randomBytes(8192))
    const done = await runCommand('restore', other.fileName, '--db', t.databasePath)
    expect(done).toMatchObject({ code: 0, out: expect.stringContaining('It is a backup of hub XY: no hub could be read in the database it replaced') })
  })

  it('refuses while another process has the file open but has not read it yet (its -wal would land beside the restored file)', async () => {
    const backup = await backupForTests(t.databasePath)
    await t.casebook.close()
    const before = sha256(t.databasePath)
    const holder = spawn(process.execPath, ['-e', HOLDER, t.databasePath], { stdio: ['pipe', 'pipe', 'inherit'] })
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (d: Buffer) => (String(d).includes('open') ? resolve() : reject(new Error(String(d)))))
      })
      expect(existsSync(`${t.databasePath}-wal`)).toBe(false)
      expect(await runCommand('restore', backup.fileName, '--db', t.databasePath)).toMatchObject({
        code: 1,
        out: expect.stringMatching(/is in use by another program/)
      })
      expect(sha256(t.databasePath)).toBe(before)
    } finally {
      holder.kill('SIGKILL')
      await new Promise((resolve) => holder.once('exit', resolve))
    }
    expect(await runCommand('restore', backup.fileName, '--db', t.databasePath)).toMatchObject({ code: 0 })
  })

  it('is one of the commands the installed app runs without a window', () => {
    expect(headlessArguments(['Casebook.exe', 'restore', 'casebook-rv-20260105t100000000z.cbbackup', '--key-file', 'D:\\key'], true)).toEqual([
      'restore',
      'casebook-rv-20260105t100000000z.cbbackup',
      '--key-file',
      'D:\\key'
    ])
  })
})

describe('a restore killed part way', () => {
  const CHILD = join(__dirname, '../faults/children/restoreInChild.ts')

  /** A closed database with a family registered after its backup, so old and restored can be told apart. */
  async function closedWithBackup(): Promise<{ backup: TestBackup; backedUp: string[]; old: string[]; oldSha: string }> {
    const backup = await backupForTests(t.databasePath)
    const backedUp = await references()
    await registerLater()
    const old = await references()
    await t.casebook.close()
    return { backup, backedUp, old, oldSha: sha256(t.databasePath) }
  }

  /** The live database opens as the app opens it, is sound, and holds one of the two databases, whole. */
  async function expectWhole(expected: string[]): Promise<void> {
    const casebook = await openCasebook({ databasePath: t.databasePath, mode: 'existing', passwordCost: TEST_SCRYPT })
    opened.push(casebook)
    const [check] = (await casebook.core.db.query('PRAGMA integrity_check')) as { integrity_check: string }[]
    expect(check!.integrity_check).toBe('ok')
    expect(await references(casebook)).toEqual(expected)
    expect(unwrap(await casebook.connect({ name: 'tester' }).invoke('audit.verify', {}))).toMatchObject({ intact: true })
    await casebook.close()
    opened.splice(opened.indexOf(casebook), 1)
  }

  const steps: RestoreStep[] = ['decrypting', 'checking', 'checked', 'settled', 'kept', 'swapped']
  for (const step of steps) {
    it(`at "${step}": the live database is the old one${step === 'swapped' ? ' or' : ', and'} whole, and the next restore tidies what was left`, async () => {
      const { backup, backedUp, old, oldSha } = await closedWithBackup()
      const child = startChild(CHILD, [backup.path, t.databasePath, keyBesideDatabase(t.databasePath), 'replaced', step])
      await child.waitFor(new RegExp(`^step ${step}$`))
      await child.kill()
      if (step === 'swapped') {
        await expectWhole(backedUp)
        expect(sha256(join(t.dir, keptFiles()[0]!))).toBe(oldSha)
      } else {
        expect(sha256(t.databasePath)).toBe(oldSha)
        await expectWhole(old)
      }
      // The next restore removes what the killed one left, and goes ahead.
      const checked = await prepareRestore({
        backupPath: backup.path,
        databasePath: t.databasePath,
        key: loadBackupKey(NO_SETTINGS, t.databasePath, false),
        hubCode: 'TH'
      })
      await swapIn(checked, { databasePath: t.databasePath, kept: 'replaced', at: new Date(), audit: restoreEntry })
      expect(leftovers()).toEqual([])
      await expectWhole(backedUp)
    })
  }

  it('at random moments: the live database is always the old one or the restored one, whole', async () => {
    const { backup, backedUp, old } = await closedWithBackup()
    const restoreIn = (databasePath: string) => startChild(CHILD, [backup.path, databasePath, keyBesideDatabase(t.databasePath), 'replaced', 'none'])
    // How long a whole restore takes here, from its first step: on a copy, run to the end.
    const copy = join(t.dir, 'timing.sqlite')
    writeFileSync(copy, readFileSync(t.databasePath))
    const timing = restoreIn(copy)
    await timing.waitFor(/^step decrypting$/)
    const begun = performance.now()
    await timing.waitFor(/^done$/)
    const takes = performance.now() - begun
    let afterSwap = 0
    for (let kill = 0; kill < 10; kill++) {
      const before = sha256(t.databasePath)
      const child = restoreIn(t.databasePath)
      await child.waitFor(/^step decrypting$/)
      await new Promise((resolve) => setTimeout(resolve, Math.random() * takes * 1.5))
      await child.kill()
      // Either the file is as it was, or the restored one is in its place.
      const swapped = sha256(t.databasePath) !== before
      if (swapped) afterSwap++
      await expectWhole(afterSwap > 0 ? backedUp : old)
    }
    console.log(`restore (${Math.round(takes)} ms from its first step) killed 10 times at random moments, ${afterSwap} of them after the swap`)
  })

  it('over a damaged file, after keeping it: the damaged file and its -wal are as they were', async () => {
    const { backup } = await closedWithBackup()
    writeFileSync(`${t.databasePath}-wal`, randomBytes(4096))
    writeFileSync(t.databasePath, randomBytes(statSync(t.databasePath).size))
    const shas = { db: sha256(t.databasePath), wal: sha256(`${t.databasePath}-wal`) }
    const child = startChild(CHILD, [backup.path, t.databasePath, keyBesideDatabase(t.databasePath), 'damaged', 'kept'])
    await child.waitFor(/^step kept$/)
    await child.kill()
    expect({ db: sha256(t.databasePath), wal: sha256(`${t.databasePath}-wal`) }).toEqual(shas)
    const [kept] = keptFiles('damaged').filter((name) => name.endsWith('.sqlite'))
    expect({ db: sha256(join(t.dir, kept!)), wal: sha256(join(t.dir, `${kept!}-wal`)) }).toEqual(shas)
    expect(existsSync(t.databasePath)).toBe(true)
  })
})

const restoreEntry = () => ({
  at: new Date().toISOString(),
  actor: 'tester',
  action: 'restore' as const,
  recordType: 'database' as const,
  recordId: null,
  changes: null
})
