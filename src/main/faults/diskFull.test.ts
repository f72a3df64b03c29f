// A full disk and a read-only file or folder, for real: the database on a small filesystem the test
// mounts (tmpfs with a size) and fills to the last byte, and a database file or folder the desk may
// not write (file modes, heeded by a child process that root's overrides were taken from).
// A save then fails with a message a user can act on, leaves nothing of itself (no row of it, no
// audit entry), and the app carries on: when space returns, the next save works and the database is
// sound. A backup on the full disk is refused, or fails part way with the reason, and leaves nothing.
import { createHash } from 'node:crypto'
import { chmodSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { BackupRun } from '../../shared/backup/schemas'
import { NOTHING_SAVED, type Result } from '../../shared/result'
import { todayIso } from '../../shared/dates'
import { verifyAuditChain } from '../audit/verify'
import { openCasebook, type Casebook, type Connection } from '../core/casebook'
import { FamilyGenerator } from '../seed/generator'
import { backupLeftovers } from '../testing/backupFolder'
import { startChild } from '../testing/childProcess'
import { DatabaseWatch } from '../testing/dbChanges'
import { checkFile, SOUND } from '../testing/integrity'
import { mountSmallDisk, type SmallDisk } from '../testing/smallDisk'
import { TEST_HUB, TEST_SCRYPT, tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'

const DISK_FULL = { ok: false, error: { code: 'UNAVAILABLE', message: `The disk is full. ${NOTHING_SAVED} Ask IT to make space on the disk.` } }
const READ_ONLY = {
  ok: false,
  error: {
    code: 'UNAVAILABLE',
    message: `Casebook cannot write to its database: the file or its folder is read-only. ${NOTHING_SAVED} Ask IT to check the folder.`
  }
}
const ONE_SAVE = join(__dirname, 'children/oneSave.ts')

const families = new FamilyGenerator(11, todayIso())

/** Registers a new family marked with `marker`; synthetic families that the duplicate check stops are passed over. */
async function register(desk: Connection, marker: string) {
  for (;;) {
    const input = families.family()
    input.family.email = marker
    const result = await desk.invoke('families.register', input)
    if (result.ok || result.error.code !== 'DUPLICATE_UNCONFIRMED') return result
  }
}

describe('a full disk', () => {
  let disk: SmallDisk
  let casebook: Casebook | undefined
  let watch: DatabaseWatch | undefined

  beforeAll(() => {
    // Room for the database as migrations make it and a few dozen families: then the filler takes the rest.
    disk = mountSmallDisk('full-disk', 16 * 2 ** 20)
  })
  afterAll(async () => {
    await watch?.close().catch(() => undefined)
    await casebook?.close().catch(() => undefined)
    disk?.unmount()
  })

  it('a save fails with the plain message and leaves nothing of itself; when space returns, the next save works', async () => {
    const databasePath = join(disk.dir, 'casebook.sqlite')
    casebook = await openCasebook({ databasePath, mode: 'create', passwordCost: TEST_SCRYPT, hub: TEST_HUB })
    const desk = casebook.connect({ name: 'desk' })
    const saved: string[] = []
    for (let n = 1; n <= 5; n++) {
      unwrap(await register(desk, `before.${n}@example.com`))
      saved.push(`before.${n}@example.com`)
    }
    const [first] = (await casebook.core.db.query(`SELECT id FROM family ORDER BY registered_at LIMIT 1`)) as { id: string }[]
    // Opened before the disk fills (opening a family is itself on the audit trail), as the user had it on screen.
    const view = unwrap<{ family: Record<string, unknown> & { version: number } }>(await desk.invoke('families.get', { id: first!.id }))
    const core = casebook.core
    watch = await DatabaseWatch.open(databasePath, async () => {
      const [{ n }] = await core.writes.run((m) => m.query('SELECT total_changes() AS n'))
      return n
    })

    /**
     * Saves until the disk refuses one (a save that fits, in room the log made earlier, lands whole),
     * then checks the refusal: the plain message, and nothing of it in any table or on the audit trail.
     */
    const saveUntilRefused = async (what: string, save: (n: number) => Promise<Result<unknown>>) => {
      for (let n = 1; n <= 500; n++) {
        const result = await save(n)
        if (result.ok) {
          await watch!.changes()
          continue
        }
        expect({ what, result }).toEqual({ what, result: DISK_FULL })
        expect({ what, changes: await watch!.changes() }).toEqual({ what, changes: { tables: [], audit: [] } })
        return
      }
      throw new Error(`${what}: 500 saves on a full disk, and none refused`)
    }

    // Full to the last byte, and then with a little room left: the save that does not fit fails part
    // way through writing the log, which is what must leave nothing of itself.
    for (const spare of [0, 8 * 1024, 40 * 1024, 120 * 1024]) {
      disk.makeSpace()
      expect(disk.fill(spare)).toBeGreaterThan(0)
      await saveUntilRefused(`registering, ${spare} bytes spare`, async (n) => {
        const marker = `full.${spare}.${n}@example.com`
        const result = await register(desk, marker)
        if (result.ok) saved.push(marker)
        else expect(await casebook!.core.db.query(`SELECT id FROM family WHERE email = ?`, [marker])).toEqual([])
        return result
      })
    }
    // Every other kind of save says the same when it does not fit.
    let version = view.family.version
    await saveUntilRefused('changing a family', async (n) => {
      const result = await desk.invoke('families.update', {
        id: first!.id,
        version,
        family: { ...view.family, phone: `0121 496 ${String(n).padStart(4, '0')}` }
      })
      if (result.ok) version = (result.value as { version: number }).version
      return result
    })
    await saveUntilRefused('saving a draft', (n) => desk.invoke('drafts.save', { key: `case-note:${first!.id}`, payload: { text: `Grace rang ${n} times` } }))
    // A backup is refused the same way, and leaves nothing behind.
    disk.fill()
    const filesNow = readdirSync(disk.dir).sort()
    expect(await desk.invoke('backup.start', {})).toEqual(DISK_FULL)
    await casebook.core.backups.whenIdle()
    expect(readdirSync(disk.dir).sort()).toEqual(filesNow)
    expect(await watch.changes()).toEqual({ tables: [], audit: [] })
    // Finding a family still works: reading needs no space.
    expect(await desk.invoke('people.search', { text: 'Okafor' })).toMatchObject({ ok: true })

    // With room for its record but not for its copy, a backup fails part way, says why, and keeps nothing.
    disk.makeSpace()
    disk.fill(256 * 1024)
    const partWay = unwrap<BackupRun>(await desk.invoke('backup.start', {}))
    await casebook.core.backups.whenIdle()
    expect(await desk.invoke('backup.progress', { id: partWay.id })).toMatchObject({
      ok: true,
      value: { status: 'failed', message: expect.stringContaining('not enough space') }
    })
    expect(await backupLeftovers(databasePath)).toMatchObject({ backups: [], partial: [], runFiles: [], other: [join(disk.dir, '.filler')] })

    disk.makeSpace()
    // The same core carries on: no restart, no reopening.
    unwrap(await register(desk, 'after@example.com'))
    saved.push('after@example.com')
    expect(await desk.invoke('drafts.save', { key: `case-note:${first!.id}`, payload: { text: 'Grace rang about the rent' } })).toMatchObject({ ok: true })

    const backedUp = unwrap<BackupRun>(await desk.invoke('backup.start', {}))
    await casebook.core.backups.whenIdle()
    expect(await desk.invoke('backup.progress', { id: backedUp.id })).toMatchObject({ ok: true, value: { status: 'ok' } })

    const db = casebook.core.db
    expect(await checkFile(databasePath)).toEqual(SOUND)
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true })
    const there = (await db.query(`SELECT email, (SELECT count(*) FROM person p WHERE p.family_id = f.id) AS people FROM family f ORDER BY email`)) as {
      email: string
      people: number
    }[]
    expect(there.map((f) => f.email)).toEqual([...saved].sort())
    expect(there.filter((f) => f.people === 0)).toEqual([])
    // And after the app closes the file is whole by itself: the log checkpointed into it, nothing beside it.
    await watch.close()
    watch = undefined
    await casebook.close()
    casebook = undefined
    expect(readdirSync(disk.dir).sort()).toEqual(['Backups', 'casebook.backup-key', 'casebook.sqlite'])
    // The backup taken once there was room is whole, and holds every family saved.
    const [backup, ...more] = (await backupLeftovers(databasePath)).backups
    expect(more).toEqual([])
    expect({ checks: backup!.checks, families: backup!.familyEmails }).toEqual({ checks: SOUND, families: [...saved].sort() })
    const reopened = await openCasebook({ databasePath, mode: 'readOnly' })
    try {
      expect(await reopened.core.db.query(`SELECT count(*) AS n FROM family`)).toEqual([{ n: saved.length }])
    } finally {
      await reopened.close()
    }
  })
})

describe('a read-only file or folder', () => {
  let t: TempCasebook
  const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

  afterEach(async () => {
    chmodSync(dirname(t.databasePath), 0o700)
    await t.dispose()
  })

  it('a save to a database file the desk may not write fails with the plain message, and the file is not changed', async () => {
    t = await tempCasebook('read-only-file')
    unwrap(await register(t.connection, 'before@example.com'))
    await t.casebook.close()
    chmodSync(t.databasePath, 0o444)
    const before = sha256(t.databasePath)

    const desk = startChild(ONE_SAVE, [t.databasePath, 'read-only@example.com'], { heedFileModes: true })
    expect(await desk.ended).toEqual({ code: 0, signal: null })
    expect(desk.lines).toEqual(['opened', `saved ${JSON.stringify(READ_ONLY)}`])
    expect(sha256(t.databasePath)).toBe(before)
    const reader = await openCasebook({ databasePath: t.databasePath, mode: 'readOnly' })
    try {
      expect(await reader.core.db.query(`SELECT email FROM family`)).toEqual([{ email: 'before@example.com' }])
    } finally {
      await reader.close()
    }
  })

  it('a database in a folder the desk may not write is not opened for saving, and is not changed', async () => {
    t = await tempCasebook('read-only-folder')
    unwrap(await register(t.connection, 'before@example.com'))
    await t.casebook.close()
    chmodSync(dirname(t.databasePath), 0o500)
    const before = sha256(t.databasePath)

    const desk = startChild(ONE_SAVE, [t.databasePath, 'read-only@example.com'], { heedFileModes: true })
    expect(await desk.ended).toEqual({ code: 0, signal: null })
    // SQLite keeps its write-ahead log beside the file: with no way to make one, opening says so, naming the file.
    expect(desk.lines).toEqual([expect.stringMatching(/^refused .*casebook\.sqlite.*Nothing was changed\./)])
    expect(sha256(t.databasePath)).toBe(before)
    expect(readdirSync(dirname(t.databasePath))).toEqual(['casebook.sqlite'])
  })
})
