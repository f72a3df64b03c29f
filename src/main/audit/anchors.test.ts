// The trail's end checked against anchors, on real files: backups written in the backup folder in
// Casebook's own format (backup/crypto.ts), real export packages, and a database tampered with as
// someone holding the file would (the guards' triggers dropped first).
// SQLite only (not in ON_POSTGRES): backups exist only on SQLite. Exports' anchors, and what needs
// no backup, are checked on both engines in ./exportAnchors.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'
import { backupForTests, NO_SETTINGS, rewriteBackupHeader } from '../testing/backupForTests'
import { runCommand } from '../testing/commandLine'
import { tamper } from '../testing/rawDb'
import { decryptFile, keyIdOf, loadBackupKey, type BackupKey } from '../backup/crypto'
import { auditHeadOf, exportNowIn, registerFamilies, reopenKeepingExportFolder } from './anchorsTestWorld'
import { writeAudit } from './audit'
import { RESTORE_ACTION } from './verify'
import type { AuditAnchor } from '../../shared/backup/schemas'

let t: TempCasebook
let backups: string
/** The key this database's backups are made with, as the backup engine loads it: verification authenticates anchors with it. */
let backupKey: BackupKey

beforeEach(async () => {
  t = await tempCasebook('anchors')
  backups = join(t.dir, 'Backups')
  mkdirSync(backups)
  backupKey = loadBackupKey(t.casebook.core.backupSettings, t.databasePath)
})
afterEach(async () => {
  await t.dispose()
})

const head = () => auditHeadOf(t)
const register = (n = 1, into: TempCasebook = t) => registerFamilies(into, n)
const exportNow = () => exportNowIn(t)
const reopen = () => reopenKeepingExportFolder(t)

/**
 * A backup in this database's backup folder, under its key, as the backup engine writes one (of this
 * database unless `from` says another's), taken at `takenAt`. `header` changes what its header says
 * (another hub's, an anchor from elsewhere); `key` makes it with another key.
 */
async function backUp(
  takenAt: string,
  options: { header?: { hubCode?: string; auditHead?: AuditAnchor }; from?: TempCasebook; key?: BackupKey } = {}
): Promise<string> {
  const made = await backupForTests((options.from ?? t).databasePath, {
    settings: { ...NO_SETTINGS, folder: backups },
    key: options.key ?? backupKey,
    at: new Date(takenAt),
    header: options.header
  })
  return made.fileName
}

async function verifyOnCommandLine(): Promise<{ code: number; lines: string[] }> {
  await t.casebook.close()
  const { code, out } = await runCommand('audit', 'verify', '--db', t.databasePath)
  await reopen()
  return { code, lines: out.split('\n') }
}

describe("the trail's end, checked against backups and exports", () => {
  it('passes an intact trail, naming the newest anchor it still holds', async () => {
    await register()
    const older = await backUp('2026-11-24T09:00:00.000Z')
    await register()
    const run = await exportNow()
    const exported = await head()
    const newest = await backUp('2026-11-24T18:30:00.000Z')
    const backedUp = await head()
    // The export's run and its package both hold the head its snapshot saw.
    const [row] = await t.casebook.core.db.query('SELECT audit_head_seq AS seq, audit_head_hash AS hash FROM export_run WHERE id = ?', [run.id])
    const descriptor = JSON.parse(readFileSync(join(run.exportFolder, run.packageName!, 'datapackage.json'), 'utf8'))
    expect(descriptor.casebook.auditHead).toEqual({ seq: row.seq, hash: row.hash, firstHash: backedUp.firstHash, databaseId: backedUp.databaseId })
    expect(backedUp.databaseId).toMatch(/^[0-9a-f]{32}$/)
    expect(row.seq).toBeLessThan(exported.seq) // the run's own last entry comes after its snapshot
    expect(backedUp.seq).toBe(exported.seq)

    const verified = await t.ok('audit.verify', {})
    expect(verified).toEqual({
      intact: true,
      entries: backedUp.seq,
      problem: null,
      anchor: {
        source: 'backup file',
        name: newest,
        takenAt: '2026-11-24T18:30:00.000Z',
        seq: backedUp.seq,
        description: `the backup taken on 24 November 2026 at 18:30 (${newest})`
      }
    })
    expect(older).not.toBe(newest)
    const { code, lines } = await verifyOnCommandLine()
    expect(code).toBe(0)
    expect(lines).toEqual([
      `The audit trail is intact: ${backedUp.seq} entries checked. Its end was checked against the backup taken on 24 November 2026 at 18:30 (${newest}), which had seen entry ${backedUp.seq}.`
    ])
  })

  it('finds the newest entries deleted, with the runs that recorded them, from a backup in the backup folder', async () => {
    await register(3)
    const name = await backUp('2026-11-24T18:30:00.000Z')
    const { seq } = await head()
    await t.casebook.close()
    await tamper(t.databasePath, `DELETE FROM audit_entry WHERE seq > 3; DELETE FROM backup_run; DELETE FROM export_run_file; DELETE FROM export_run`)
    await reopen()
    const verified = await t.ok('audit.verify', {})
    expect(verified).toMatchObject({
      intact: false,
      entries: 3,
      problem: { seq: 4, message: `Entries after 3 are missing: the backup taken on 24 November 2026 at 18:30 (${name}) had seen entry ${seq}.` },
      anchor: { source: 'backup file', name, seq }
    })
    const { code, lines } = await verifyOnCommandLine()
    expect(code).toBe(1)
    expect(lines).toEqual([
      `The audit trail is broken. Entries after 3 are missing: the backup taken on 24 November 2026 at 18:30 (${name}) had seen entry ${seq}.`
    ])
  })

  it('finds a trail cut short and then written on, which still holds the anchors taken after the cut', async () => {
    await register()
    await backUp('2026-11-24T09:00:00.000Z')
    const sound = (await head()).seq
    await register(2)
    const cutAway = await backUp('2026-11-24T12:00:00.000Z')
    const { seq } = await head()
    await t.casebook.close()
    await tamper(t.databasePath, `DELETE FROM audit_entry WHERE seq > ${sound + 2}; DELETE FROM backup_run`)
    await reopen()
    // The app carries on past the anchor's entry, and the next backup sees the trail as it now is.
    await register(3)
    await backUp('2026-11-24T18:30:00.000Z')
    expect((await head()).seq).toBeGreaterThan(seq)
    expect(await t.ok('audit.verify', {})).toMatchObject({
      intact: false,
      problem: {
        seq: sound + 1,
        message: `Entries after ${sound} have been removed or replaced: the backup taken on 24 November 2026 at 12:00 (${cutAway}) had seen entry ${seq}, and entry ${seq} is now a different one.`
      },
      anchor: { name: cutAway }
    })
  })

  it('sets aside backups of other databases in the folder: another hub, or another database of this hub', async () => {
    await register()
    const other = await openOther('OH', 'other-hub')
    const sameCode = await openOther('TH', 'same-code')
    try {
      // Both have longer trails than this one, so each would look like a trail cut short were it taken as this one's.
      for (const o of [other, sameCode]) await register(3, o)
      await backUp('2026-11-24T10:00:00.000Z', { header: { hubCode: 'OH' }, from: other })
      await backUp('2026-11-24T11:00:00.000Z', { from: sameCode })
      // An anchor without the first entry's hash (as an older writer might make) is matched by hub code alone.
      await backUp('2026-11-24T12:00:00.000Z', { header: { hubCode: 'OH', auditHead: { seq: 500, hash: 'f'.repeat(64) } } })
    } finally {
      await other.dispose()
      await sameCode.dispose()
    }
    const mine = await backUp('2026-11-24T08:00:00.000Z')
    const verified = await t.ok('audit.verify', {})
    expect(verified).toMatchObject({ intact: true, anchor: { name: mine }, anchorsSetAside: 3 })
    const { code, lines } = await verifyOnCommandLine()
    expect(code).toBe(0)
    expect(lines[1]).toMatch(/^3 backups or exports were not checked: of another database, of the one a restore replaced, or not authenticated/)
  })

  it('finds the trail deleted whole and begun again by the app: the anchors are still this database s', async () => {
    await register(2)
    const name = await backUp('2026-11-24T12:00:00.000Z')
    const { seq, databaseId } = await head()
    await t.casebook.close()
    await tamper(
      t.databasePath,
      `DELETE FROM audit_entry; DELETE FROM backup_run; DELETE FROM export_run_file; DELETE FROM export_run; DELETE FROM sqlite_sequence WHERE name = 'audit_entry'`
    )
    await reopen()
    await register() // a new entry 1, and a first-entry hash unlike the backup's
    const now = await head()
    expect(now.databaseId).toBe(databaseId)
    expect(now.seq).toBeLessThan(seq)
    expect(await t.ok('audit.verify', {})).toMatchObject({
      intact: false,
      problem: {
        seq: 1,
        message: `The whole trail has been replaced: the backup taken on 24 November 2026 at 12:00 (${name}) had seen entry ${seq}, and the trail's first entry is now a different one.`
      }
    })
  })

  it('does not call a trail intact when none of the anchors holds it and this hub s are another database s (its id changed with it)', async () => {
    await register(2)
    const name = await backUp('2026-11-24T12:00:00.000Z')
    await t.casebook.close()
    await tamper(
      t.databasePath,
      `DELETE FROM audit_entry; DELETE FROM backup_run; DELETE FROM export_run_file; DELETE FROM export_run;
       DROP TRIGGER hub_database_id_kept; UPDATE hub SET database_id = '${'0'.repeat(32)}'`
    )
    await reopen()
    await register()
    expect(await t.ok('audit.verify', {})).toMatchObject({
      intact: false,
      anchorsSetAside: 1,
      problem: {
        seq: 1,
        message: `No backup or export holds this trail, but the backup taken on 24 November 2026 at 12:00 (${name}) is of this hub and of another trail: this trail may have been replaced whole. If this hub began a new database, take a backup of it and check again.`
      },
      anchor: { name }
    })
  })

  it('sets aside a backup whose anchor was changed in the share, or made with another key, and never takes it as a cut', async () => {
    await register()
    const real = await backUp('2026-11-24T09:00:00.000Z')
    const { seq, firstHash, databaseId } = await head()
    const forged = { seq: seq + 50, hash: 'f'.repeat(64), firstHash, databaseId }
    // A copy of the real file with its anchor changed: the MAC no longer checks.
    await rewriteBackupHeader(join(backups, real), join(backups, 'casebook-th-20261124t100000000z.cbbackup'), (header) => ({
      ...header,
      takenAt: '2026-11-24T10:00:00.000Z',
      auditHead: forged
    }))
    // A file made with a key this machine does not hold, with a MAC of that key: nothing here can check it.
    const stranger = randomBytes(32)
    await backUp('2026-11-24T11:00:00.000Z', { header: { auditHead: forged }, key: { key: stranger, keyId: keyIdOf(stranger), source: 'config', path: null } })
    // And one without a MAC at all, as a header written before there were MACs.
    const old = await backUp('2026-11-24T12:00:00.000Z', { header: { auditHead: forged } })
    await rewriteBackupHeader(join(backups, old), join(backups, old), ({ anchorMac: _dropped, ...unsigned }) => unsigned)

    expect(await t.ok('audit.verify', {})).toMatchObject({ intact: true, anchor: { name: real }, anchorsSetAside: 3, anchorsUnauthenticated: 3 })
    // Unauthenticated, none of them vouches for the trail either: with the real one gone, nothing is named.
    rmSync(join(backups, real))
    expect(await t.ok('audit.verify', {})).toEqual({ intact: true, entries: seq, problem: null, anchorsSetAside: 3, anchorsUnauthenticated: 3 })
  })

  it('takes an anchor of this hub without the first entry hash as this trail s only when the trail is shorter than it', async () => {
    await register()
    const { seq } = await head()
    const name = await backUp('2026-11-24T12:00:00.000Z', { header: { auditHead: { seq: seq + 5, hash: 'f'.repeat(64) } } })
    expect((await t.ok('audit.verify', {})).problem).toEqual({
      seq: seq + 1,
      message: `Entries after ${seq} are missing: the backup taken on 24 November 2026 at 12:00 (${name}) had seen entry ${seq + 5}.`
    })
  })

  it('sets aside the backups of the database a restore replaced, and checks the ones before it', async () => {
    await register()
    const restored = await backUp('2026-11-24T09:00:00.000Z')
    const restoredHead = await head()
    await register(2)
    await backUp('2026-11-24T12:00:00.000Z') // of the database about to be replaced
    // The backup decrypted over the live file: without the restore on its trail, this is a trail cut short.
    await t.casebook.close()
    for (const suffix of ['', '-wal', '-shm']) rmSync(t.databasePath + suffix, { force: true })
    await decryptFile(join(backups, restored), t.databasePath, backupKey)
    await reopen()
    expect(await head()).toEqual(restoredHead)
    const unexplained = await t.ok('audit.verify', {})
    expect(unexplained).toMatchObject({ intact: false, problem: { seq: restoredHead.seq + 1 } })
    // The restore's entry, as backup.restore writes it at the swap (backup/restoreHandler.ts).
    await t.casebook.core.writes.run((m) =>
      writeAudit(m, {
        at: '2026-11-24T13:00:00.000Z',
        actor: 'admin',
        action: RESTORE_ACTION,
        recordType: 'database',
        recordId: '0b6f3c1a-5d2e-4c7b-9a18-3e4f5a6b7c8d',
        changes: { backup: restored, backupHead: restoredHead }
      })
    )
    await register()
    expect(await t.ok('audit.verify', {})).toMatchObject({ intact: true, anchor: { name: restored }, anchorsSetAside: 1 })
  })

  it('checks the chain first: an entry altered in the middle is named as before', async () => {
    await register()
    await backUp('2026-11-24T12:00:00.000Z')
    await t.casebook.close()
    await tamper(t.databasePath, `UPDATE audit_entry SET actor = 'someone else' WHERE seq = 2`)
    await reopen()
    expect(await t.ok('audit.verify', {})).toEqual({
      intact: false,
      entries: 1,
      problem: { seq: 2, message: 'Entry 2 has been altered: its contents no longer match its hash.' }
    })
  })

  it('passes over a damaged file in the backup folder', async () => {
    await register()
    writeFileSync(join(backups, 'casebook-th-20261124t120000000z.cbbackup'), 'not a backup')
    expect(await t.ok('audit.verify', {})).toEqual({ intact: true, entries: 2, problem: null })
  })
})

/** Another database in a folder of its own, of hub `code`. */
async function openOther(code: string, name: string): Promise<TempCasebook> {
  return tempCasebook(name, code === 'TH' ? {} : { hub: { name: 'Other hub', code, localAuthorityCode: '998' } })
}
