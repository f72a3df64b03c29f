// Taking a backup, on real files: it decrypts to the live database's rows, it is checked and
// recorded (size, SHA-256, audit head) with its audit entries, a wrong key is refused by name, the
// file without its key holds none of the hub's words, a failure is recorded in plain words and leaves
// nothing behind, and what a killed run left is tidied (or finished) by the next run; a run is dead once
// its alive note goes untouched, whatever pid it names; the folder's listing believes no file whose
// unauthenticated header the file itself, its name or the history contradicts.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { BackupListOutput, BackupOverview, BackupRun } from '../../shared/backup/schemas'
import { okaforFamily } from '../testing/fixtures'
import { seedFamilies } from '../seed/seed'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { rewriteBackupHeader } from '../testing/backupForTests'
import { rawAll, rawExec } from '../testing/rawDb'
import { openCasebook } from '../core/casebook'
import { DEFAULT_BACKUP_SETTINGS } from '../core/config'
import { decryptFile, keyIdOf, loadBackupKey, newKeyText, readBackupHeader, type BackupHeader, type BackupKey } from './crypto'
import { ALIVE_FOR_MS, alivePathFor, backupFileNameFor, copyPathFor } from './folder'
import { heartbeat } from './backups'
import { checkCopy, CopyCheckFailed } from './sqliteBackup'
import { migrations } from '../../../migrations'

let t: TempCasebook
beforeEach(async () => {
  t = await tempCasebook('backups')
})
afterEach(async () => {
  await t.dispose()
})

const backups = () => join(t.dir, 'Backups')
const keyOf = () => loadBackupKey(t.casebook.core.backupSettings, t.databasePath, false)

/** A backup through the channel, waited for: the run as backup.progress answers it once it has ended. */
async function backUp(): Promise<BackupRun> {
  const started = await t.ok<BackupRun>('backup.start', {})
  await t.casebook.core.backups.whenIdle()
  return t.ok<BackupRun>('backup.progress', { id: started.id })
}

/** Garbage over the first page of `table`'s b-tree, as a failing disk would leave it. */
async function damagePage(path: string, table: string): Promise<void> {
  const [{ rootpage }] = (await rawAll<{ rootpage: number }>(path, `SELECT rootpage FROM sqlite_schema WHERE name = '${table}'`)) as [{ rootpage: number }]
  const bytes = readFileSync(path)
  const pageSize = bytes.readUInt16BE(16)
  bytes.fill(0x5a, pageSize * (rootpage - 1), pageSize * rootpage)
  writeFileSync(path, bytes)
}

async function decrypted(fileName: string, key: BackupKey = keyOf()): Promise<string> {
  const out = join(t.dir, `restored-${fileName}.sqlite`)
  await decryptFile(join(backups(), fileName), out, key)
  return out
}

/** The files beside the database and in the backup folder that a run makes on its way. */
const leftovers = () => [
  ...readdirSync(t.dir).filter((n) => n.startsWith('casebook.sqlite.backup-')),
  ...(existsSync(backups()) ? readdirSync(backups()).filter((n) => n.endsWith('.partial')) : [])
]

describe('a backup', () => {
  it('decrypts to a database with the live rows, checked and recorded with its size, SHA-256 and audit head', async () => {
    await t.ok('families.register', okaforFamily())
    const run = await backUp()
    expect(run).toMatchObject({
      status: 'ok',
      reason: 'command',
      progress: 1,
      message: null,
      fileName: expect.stringMatching(/^casebook-th-\d{8}t\d{9}z\.cbbackup$/)
    })
    const file = join(backups(), run.fileName!)
    const bytes = readFileSync(file)
    expect(run.bytes).toBe(bytes.length)
    expect(run.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect(leftovers()).toEqual([])

    const copy = await decrypted(run.fileName!)
    expect(await rawAll(copy, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])
    // One file, in rollback mode: nothing else is needed beside it to open it.
    expect(readFileSync(copy).subarray(18, 20)).toEqual(Buffer.from([1, 1]))
    for (const table of ['hub', 'family', 'person', 'consent', 'app_user', 'change_feed']) {
      expect({ table, rows: await rawAll(copy, `SELECT * FROM ${table} ORDER BY rowid`) }).toEqual({
        table,
        rows: await t.casebook.core.db.query(`SELECT * FROM ${table} ORDER BY rowid`)
      })
    }
    // The trail as it was when copied: the live one has gone on (the run's own end is on it).
    const copied = await rawAll<{ seq: number; hash: string }>(copy, 'SELECT seq, hash FROM audit_entry ORDER BY seq')
    const live = (await t.casebook.core.db.query('SELECT seq, hash FROM audit_entry ORDER BY seq')) as { seq: number; hash: string }[]
    expect(live.slice(0, copied.length)).toEqual(copied)
    const { header } = await readBackupHeader(file)
    expect(header).toMatchObject({ reason: 'command', hubCode: 'TH', schemaVersion: migrations.at(-1)!.name, keyId: keyOf().keyId })
    expect(header.auditHead).toMatchObject(copied.at(-1)!)
    expect(header.plainBytes).toBe(readFileSync(copy).length)
    const [row] = await t.casebook.core.db.query('SELECT status, key_id, audit_head_seq, audit_head_hash, folder FROM backup_run')
    expect(row).toEqual({ status: 'ok', key_id: keyOf().keyId, audit_head_seq: copied.at(-1)!.seq, audit_head_hash: copied.at(-1)!.hash, folder: backups() })
    // Its start and its end are on the trail.
    const entries = await t.casebook.core.db.query(`SELECT action, actor, changes FROM audit_entry WHERE record_type = 'backup-run' ORDER BY seq`)
    expect(entries).toEqual([
      { action: 'backup', actor: 'tester', changes: JSON.stringify({ started: 'command', fileName: run.fileName }) },
      { action: 'backup', actor: 'tester', changes: JSON.stringify({ status: 'ok', fileName: run.fileName, bytes: run.bytes, sha256: run.sha256 }) }
    ])
    // The folder is what can be restored; the history says how each run went.
    const list = await t.ok<BackupListOutput>('backup.list', {})
    expect(list.files).toEqual([expect.objectContaining({ fileName: run.fileName, keyMatches: true, sha256: run.sha256, bytes: run.bytes, reason: 'command' })])
    expect(list.runs).toEqual([run])
    const overview = await t.ok<BackupOverview>('backup.overview', {})
    expect(overview).toMatchObject({
      folder: backups(),
      keySource: 'beside the database',
      warning: null,
      running: null,
      newestGood: { fileName: run.fileName }
    })
    expect(overview.newestGoodAgeHours).toBeLessThan(0.1)
  })

  it('cannot be read without its key: a wrong key is refused by name, and the file holds none of the hub’s words', async () => {
    await t.ok('families.register', okaforFamily())
    const run = await backUp()
    const encrypted = readFileSync(join(backups(), run.fileName!))
    const copy = await decrypted(run.fileName!)
    const plain = readFileSync(copy)
    for (const word of ['Okafor', 'Acacia Road', 'B33 8TH', 'Test hub']) {
      // Found in the database itself, so the search would find it if it were there.
      expect({ word, plain: plain.includes(Buffer.from(word)) }).toEqual({ word, plain: true })
      expect({ word, encrypted: encrypted.includes(Buffer.from(word)) }).toEqual({ word, encrypted: false })
    }
    const otherKey = Buffer.from(newKeyText(), 'base64')
    await expect(
      decryptFile(join(backups(), run.fileName!), join(t.dir, 'wrong.sqlite'), { key: otherKey, keyId: keyIdOf(otherKey), source: 'key file', path: '/it/key' })
    ).rejects.toThrow(/This backup was encrypted with a different key \(key [0-9a-f]{16}\); the key this machine holds is [0-9a-f]{16} \(key file: \/it\/key\)/)
    // A key file IT named but did not make is not replaced with a new one.
    t.casebook.core.backupSettings = { ...t.casebook.core.backupSettings, keyFile: join(t.dir, 'missing.key') }
    const failed = await backUp()
    expect(failed).toMatchObject({ status: 'failed', message: expect.stringMatching(/The backup key file .*missing\.key .* does not exist/) })
  })

  it('fails in plain words when the backup folder cannot be reached, and leaves nothing behind', async () => {
    t.casebook.core.backupSettings = { ...t.casebook.core.backupSettings, folder: join(t.dir, 'share-not-connected') }
    const run = await backUp()
    expect(run).toMatchObject({
      status: 'failed',
      fileName: expect.stringMatching(/^casebook-th-/),
      bytes: null,
      message: `The backup folder ${join(t.dir, 'share-not-connected')} cannot be reached (it is not there, or the share is not connected). Ask IT to check backupFolder in the machine-wide config.`
    })
    expect(existsSync(join(t.dir, 'share-not-connected'))).toBe(false)
    expect(leftovers()).toEqual([])
    const overview = await t.ok<BackupOverview>('backup.overview', {})
    expect(overview.warning).toMatch(/cannot be reached/)
    // The app carries on.
    await t.ok('families.register', okaforFamily())
  })

  it('answers the run under way to a second start', async () => {
    const [a, b] = await Promise.all([t.ok<BackupRun>('backup.start', {}), t.ok<BackupRun>('backup.start', {})])
    expect(b.id).toBe(a.id)
    await t.casebook.core.backups.whenIdle()
    expect(await t.casebook.core.db.query('SELECT count(*) AS n FROM backup_run')).toEqual([{ n: 1 }])
  })

  it('is stopped, recorded as failed and tidied when Casebook closes under it', async () => {
    const started = await t.ok<BackupRun>('backup.start', {})
    await t.casebook.close()
    await t.reopen()
    expect(await t.ok<BackupRun>('backup.progress', { id: started.id })).toMatchObject({
      status: 'failed',
      message: 'Casebook was closed before the backup finished. Nothing was kept from it.'
    })
    expect(leftovers()).toEqual([])
    expect(readdirSync(backups()).filter((n) => n.endsWith('.cbbackup'))).toEqual([])
  })

  it('refuses while another process’s run is alive', async () => {
    await t.casebook.core.writes.run((m) =>
      m.query(
        `INSERT INTO backup_run (id, reason, status, started_at, folder, file_name) VALUES ('other', 'command', 'running', ?, ?, 'casebook-th-x.cbbackup')`,
        [new Date().toISOString(), backups()]
      )
    )
    // The process that started it: alive (the test runner's parent).
    writeFileSync(alivePathFor(t.databasePath, 'other'), JSON.stringify({ pid: process.ppid, runId: 'other' }))
    expect(await t.connection.invoke('backup.start', {})).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/^A backup is already running/) }
    })
  })

  it('tidies what a killed run left, and finishes one killed after its file was in place', async () => {
    // A process that has ended: its pid is no longer alive.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString()
    mkdirSync(backups())
    const at = new Date().toISOString()
    const killed = (id: string, file: string) =>
      t.casebook.core.writes.run((m) =>
        m.query(`INSERT INTO backup_run (id, reason, status, started_at, folder, file_name) VALUES (?, 'schedule', 'running', ?, ?, ?)`, [
          id,
          at,
          backups(),
          file
        ])
      )
    // Killed while encrypting: a .partial, its plaintext copy and its side file, its alive note.
    await killed('00000000-0000-4000-8000-00000000000a', 'casebook-th-20260101t000000000z.cbbackup')
    writeFileSync(join(backups(), 'casebook-th-20260101t000000000z.cbbackup.partial'), 'half')
    writeFileSync(copyPathFor(t.databasePath, '00000000-0000-4000-8000-00000000000a'), 'plaintext')
    writeFileSync(`${copyPathFor(t.databasePath, '00000000-0000-4000-8000-00000000000a')}-journal`, 'journal')
    writeFileSync(alivePathFor(t.databasePath, '00000000-0000-4000-8000-00000000000a'), JSON.stringify({ pid: Number(dead) }))
    const first = await backUp()
    expect(first.status).toBe('ok')
    expect(leftovers()).toEqual([])
    const [interrupted] = await t.casebook.core.db.query(`SELECT status, message FROM backup_run WHERE id = '00000000-0000-4000-8000-00000000000a'`)
    expect(interrupted).toEqual({
      status: 'failed',
      message: 'The backup stopped before it finished (Casebook was closed or the computer restarted). Nothing was kept from it.'
    })

    // Killed after the rename, before its row said so: the next run finds the file whole and records it.
    const second = await backUp()
    await t.casebook.core.writes.run((m) =>
      m.query(`UPDATE backup_run SET status = 'running', finished_at = NULL, bytes = NULL, sha256 = NULL WHERE id = ?`, [second.id])
    )
    const third = await backUp()
    expect(third.status).toBe('ok')
    const [finished] = await t.casebook.core.db.query(`SELECT status, sha256, message FROM backup_run WHERE id = ?`, [second.id])
    expect(finished).toEqual({ status: 'ok', sha256: second.sha256, message: 'Finished by the next run: the file was complete.' })
  })
})

describe('a run’s liveness', () => {
  const id = '00000000-0000-4000-8000-00000000000b'
  const aMinuteAndMoreAgo = () => new Date(Date.now() - ALIVE_FOR_MS - 60_000)

  it('is its alive note being touched: untouched for a minute, the run is dead whatever pid it names, and is settled with its copy removed', async () => {
    await t.casebook.core.writes.run((m) =>
      m.query(`INSERT INTO backup_run (id, reason, status, started_at, folder, file_name) VALUES (?, 'schedule', 'running', ?, ?, ?)`, [
        id,
        '2026-01-01T00:00:00.000Z',
        backups(),
        'casebook-th-20260101t000000000z.cbbackup'
      ])
    )
    // Pid 1 is always alive: it stands for the killed run's pid, taken by another process after a restart.
    writeFileSync(alivePathFor(t.databasePath, id), JSON.stringify({ pid: 1, runId: id }))
    writeFileSync(copyPathFor(t.databasePath, id), 'SQLite format 3\0 plaintext')
    // Touched within the minute, it is believed; a run going on that long is warned about.
    expect(await t.connection.invoke('backup.start', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await t.ok<BackupOverview>('backup.overview', {})).toMatchObject({
      running: { id, status: 'running' },
      warning:
        'A backup has been running since 00:00 on 1 January 2026, which is far longer than a backup takes. Ask IT to check the computer’s disk and the backup folder.'
    })

    const old = aMinuteAndMoreAgo()
    utimesSync(alivePathFor(t.databasePath, id), old, old)
    expect((await t.ok<BackupOverview>('backup.overview', {})).running).toBeNull()
    expect(await backUp()).toMatchObject({ status: 'ok' })
    expect(await t.casebook.core.db.query(`SELECT status, message FROM backup_run WHERE id = ?`, [id])).toEqual([
      { status: 'failed', message: 'The backup stopped before it finished (Casebook was closed or the computer restarted). Nothing was kept from it.' }
    ])
    expect(leftovers()).toEqual([])
  })

  it('is kept up by the process carrying the run out, which touches the note every few seconds', async () => {
    const note = alivePathFor(t.databasePath, id)
    writeFileSync(note, JSON.stringify({ pid: process.pid, runId: id }))
    const old = aMinuteAndMoreAgo()
    utimesSync(note, old, old)
    const stop = heartbeat(note, 20)
    try {
      await vi.waitFor(() => expect(Date.now() - statSync(note).mtimeMs).toBeLessThan(ALIVE_FOR_MS), { timeout: 5_000 })
    } finally {
      stop()
    }
  })
})

describe('the folder’s listing', () => {
  /** A copy of a backup with its clear header changed (the body as it was: decryption would refuse it, a listing need not). */
  const forged = (from: string, toName: string, change: (header: BackupHeader) => BackupHeader, tail?: Uint8Array) =>
    rewriteBackupHeader(join(backups(), from), join(backups(), toName), change, tail)

  it('leaves out a file cut short or added to, one its name dates otherwise, one dated ahead, and one not the size the history recorded', async () => {
    const older = await backUp()
    const newer = await backUp()
    const after = (seconds: number) => new Date(Date.parse(newer.startedAt) + seconds * 1000)
    const later = async (seconds: number, tail?: Uint8Array) => {
      const name = backupFileNameFor('TH', after(seconds))
      await forged(older.fileName!, name, (h) => ({ ...h, takenAt: after(seconds).toISOString() }), tail)
      return name
    }
    const cut = await later(1)
    truncateSync(join(backups(), cut), statSync(join(backups(), cut)).size - 4096)
    await later(2, Buffer.from('more'))
    await forged(older.fileName!, backupFileNameFor('TH', after(3)), (h) => h)
    const ahead = new Date(Date.now() + 2 * 24 * 3_600_000)
    await forged(older.fileName!, backupFileNameFor('TH', ahead), (h) => ({ ...h, takenAt: ahead.toISOString() }))
    // The newer backup replaced by a file of another size whose header agrees with itself.
    await forged(newer.fileName!, newer.fileName!, (h) => ({ ...h, reason: 'manual' }))

    expect(readdirSync(backups())).toHaveLength(6)
    expect((await t.ok<BackupListOutput>('backup.list', {})).files.map((f) => f.fileName)).toEqual([older.fileName])
    expect((await t.ok<BackupOverview>('backup.overview', {})).newestGood).toMatchObject({ fileName: older.fileName })
  })
})

describe('the overview of a read-only copy', () => {
  it('names a missing key beside the database as that, not as IT’s backupKeyFile', async () => {
    await backUp()
    // As the recovery screen opens one: the copy elsewhere, given the real database's folder and key file beside it.
    const keyFile = join(t.dir, 'elsewhere', 'casebook.backup-key')
    const copy = await openCasebook({
      databasePath: t.databasePath,
      mode: 'readOnly',
      backup: { ...DEFAULT_BACKUP_SETTINGS, folder: backups(), keyFile }
    })
    try {
      expect(unwrap(await copy.connect({ name: 'tester' }).invoke('backup.overview', {}))).toMatchObject({
        keySource: 'beside the database',
        warning: `There is no backup key beside the database (${keyFile}), so this computer cannot restore the backups in the folder. Ask IT for the key.`
      })
    } finally {
      await copy.close()
    }
  })
})

describe('the check of the copy', () => {
  it('refuses a copy SQLite finds damaged', async () => {
    await seedFamilies(t.casebook, { families: 40 })
    const run = await backUp()
    const copy = await decrypted(run.fileName!)
    await damagePage(copy, 'family')
    await expect(checkCopy(copy)).rejects.toThrow(CopyCheckFailed)
  })

  it('fails the backup, and keeps nothing, when the database is damaged on the disk under the running app', async () => {
    await seedFamilies(t.casebook, { families: 40 })
    // Everything in the main file (not the WAL), then garbage over a page of it, as a failing disk would.
    await rawExec(t.databasePath, 'PRAGMA wal_checkpoint(TRUNCATE)')
    await damagePage(t.databasePath, 'person')
    const run = await backUp()
    expect(run).toMatchObject({ status: 'failed', bytes: null, message: expect.stringMatching(/^The copy of the database failed SQLite's integrity check \(/) })
    expect(readdirSync(backups())).toEqual([])
    expect(leftovers()).toEqual([])
  })
})
