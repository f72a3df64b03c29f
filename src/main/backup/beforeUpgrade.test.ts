// The backup before a migration: the database at its old version, encrypted into the backup folder,
// recorded once the migrations have made its table; the default folder when IT's cannot be reached;
// and no upgrade at all when no backup can be taken.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrations } from '../../../migrations'
import { openCasebook } from '../core/casebook'
import { DEFAULT_BACKUP_SETTINGS } from '../core/config'
import { openDatabase } from '../core/database'
import { logOver, type LogValue } from '../log/log'
import { okaforFamily } from '../testing/fixtures'
import { rawAll } from '../testing/rawDb'
import { TEST_SCRYPT, tempCasebook, type TempCasebook } from '../testing/tempCasebook'
import { decryptFile, loadBackupKey, readBackupHeader } from './crypto'

let t: TempCasebook
beforeEach(async () => {
  t = await tempCasebook('before-upgrade')
  await t.ok('families.register', okaforFamily())
  await t.casebook.close()
  // The database as the version before the last migration left it.
  const { dataSource } = await openDatabase(t.databasePath)
  await dataSource.undoLastMigration({ transaction: 'all' })
  await dataSource.destroy()
})
afterEach(async () => {
  await t.dispose()
})

const previous = migrations.at(-2)!.name
/** Read without opening the database as the app does (which would migrate it). */
const appliedMigrations = async () => (await rawAll<{ n: number }>(t.databasePath, 'SELECT count(*) AS n FROM migrations'))[0]!.n
const noSettings = DEFAULT_BACKUP_SETTINGS

describe('the backup before an upgrade', () => {
  it('is the database at its old version, encrypted in the backup folder, and recorded once the table for it is there', async () => {
    const events: { event: string; fields?: Record<string, LogValue> }[] = []
    t.casebook = await openCasebook({
      databasePath: t.databasePath,
      passwordCost: TEST_SCRYPT,
      log: logOver((_level, event, fields) => events.push({ event, fields }))
    })
    const path = t.casebook.backupPath!
    expect(path).toMatch(new RegExp(`^${join(t.dir, 'Backups').replace(/[/\\]/g, '.')}.casebook-th-\\d{8}t\\d{9}z\\.cbbackup$`))
    const { header } = await readBackupHeader(path)
    expect(header).toMatchObject({ reason: 'before-upgrade', schemaVersion: previous, hubCode: 'TH' })
    const copy = join(t.dir, 'old.sqlite')
    await decryptFile(path, copy, loadBackupKey(noSettings, t.databasePath, false))
    expect(readFileSync(copy).includes(Buffer.from('Okafor'))).toBe(true)
    const [run] = await t.casebook.core.db.query('SELECT reason, status, file_name, bytes, sha256, audit_head_seq FROM backup_run')
    expect(run).toEqual({
      reason: 'before-upgrade',
      status: 'ok',
      file_name: path.split(/[/\\]/).at(-1),
      bytes: readFileSync(path).length,
      sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
      audit_head_seq: header.auditHead!.seq
    })
    expect(await t.casebook.core.db.query(`SELECT action, record_type FROM audit_entry WHERE record_type = 'backup-run'`)).toEqual([
      { action: 'backup', record_type: 'backup-run' }
    ])
    expect(events.filter((e) => e.event.startsWith('backup.'))).toEqual([
      { event: 'backup.finished', fields: { reason: 'before-upgrade', file: run.file_name, bytes: run.bytes, ms: expect.any(Number) } }
    ])
    expect(readdirSync(t.dir).filter((n) => n.includes('.sqlite.backup-') || n.includes('before-upgrade'))).toEqual([])
  })

  it('goes to the folder beside the database when IT’s cannot be reached, and says so in the log', async () => {
    const events: string[] = []
    const share = join(t.dir, 'share-not-connected')
    t.casebook = await openCasebook({
      databasePath: t.databasePath,
      passwordCost: TEST_SCRYPT,
      backup: { ...noSettings, folder: share },
      log: logOver((_level, event) => events.push(event))
    })
    expect(t.casebook.backupPath!.startsWith(join(t.dir, 'Backups'))).toBe(true)
    expect(existsSync(share)).toBe(false)
    expect(events).toContain('backup.folder-unreachable')
    expect(await t.casebook.core.db.query('SELECT folder FROM backup_run')).toEqual([{ folder: join(t.dir, 'Backups') }])
  })

  it('does not upgrade when no backup can be taken, and changes nothing', async () => {
    const before = await appliedMigrations()
    await expect(
      openCasebook({ databasePath: t.databasePath, passwordCost: TEST_SCRYPT, backup: { ...noSettings, keyFile: join(t.dir, 'missing.key') } })
    ).rejects.toThrow(
      `Casebook did not upgrade the database ${t.databasePath}: it takes a backup first, and could not. The backup key file ${join(t.dir, 'missing.key')} (backupKeyFile in the machine-wide config) does not exist. Ask IT to check the path. The database is unchanged.`
    )
    expect(await appliedMigrations()).toBe(before)
    t.casebook = await openCasebook({ databasePath: t.databasePath, passwordCost: TEST_SCRYPT })
  })
})
