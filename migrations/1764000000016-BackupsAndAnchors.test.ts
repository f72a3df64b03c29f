// Backups and anchors. Run on a database as migration 15 left it, with a hub, an account, families,
// a trail and export runs (one that sent a package, with its files, one that failed): nothing that was
// there changes but the export runs gaining two empty columns (the audit head, which runs before this
// one never recorded) and the hub its database id; backup_run is there, empty, with its rules: one reason and status of its own
// lists, finished exactly when not running, a good run names its file, size and checksum, at most one
// runs at a time, and the one who started it is an account. The database id is made for the hub there
// is, made for a hub row inserted later (a new database's, after the migrations), never changed once made.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BackupsAndAnchors1764000000016 } from './1764000000016-BackupsAndAnchors'
import { changedTables, databaseBefore, refusal, refusedInsert, type MigrationDb } from '../src/main/testing/migrationDb'
import { hubRow, rows13, userRow } from '../src/main/testing/migrationRows'

let db: MigrationDb
const AT = '2026-04-02T09:30:00.000Z'
const LATER = '2026-04-02T09:31:00.000Z'

const exportRuns = [
  {
    id: 'r1',
    kind: 'full',
    pseudonymised: 0,
    status: 'succeeded',
    package_sequence: 1,
    change_from: 0,
    change_to: 42,
    export_folder: '/exports',
    package_name: 'RV-20260402T093000Z-000001',
    started_at: AT,
    heartbeat_at: LATER,
    finished_at: LATER,
    started_by_user_id: userRow.id,
    started_via: 'app',
    os_user: null,
    host: 'desk-1',
    pid: 4242,
    records_done: 10,
    records_total: 10,
    error: null
  },
  {
    id: 'r2',
    kind: 'incremental',
    pseudonymised: 0,
    status: 'failed',
    package_sequence: 2,
    change_from: 42,
    change_to: null,
    export_folder: '/exports',
    package_name: null,
    started_at: LATER,
    heartbeat_at: LATER,
    finished_at: LATER,
    started_by_user_id: null,
    started_via: 'command-line',
    os_user: 'it-admin',
    host: 'desk-1',
    pid: 4343,
    records_done: 0,
    records_total: null,
    error: 'The export folder cannot be reached.'
  }
]
const exportFiles = [{ run_id: 'r1', path: 'families.csv', resource: 'families', row_count: 2, bytes: 512, sha256: 'a'.repeat(64) }]

beforeEach(async () => {
  db = await databaseBefore(BackupsAndAnchors1764000000016)
  for (const [table, rows] of rows13) await db.insert(table, rows)
  await db.insert('export_run', exportRuns)
  await db.insert('export_run_file', exportFiles)
})
afterEach(async () => {
  await db.dispose()
})

/** A backup run's row, as the backup engine writes one, with `more` changed. */
const backupRun = (id: string, more: Record<string, unknown> = {}) => ({
  id,
  reason: 'schedule',
  status: 'running',
  started_at: AT,
  folder: '/backups',
  file_name: 'casebook-rv-20260402t093000000z.cbbackup',
  ...more
})
const insertRun = (row: Record<string, unknown>) => refusedInsert(db, 'backup_run', row)

describe('BackupsAndAnchors1764000000016', () => {
  it('runs alone, keeps every row, and gives the export runs an empty audit head', async () => {
    const before = await db.everyRow()
    expect(await db.migrate()).toEqual(['BackupsAndAnchors1764000000016'])
    const after = await db.everyRow()
    expect(changedTables(before, after)).toEqual(['export_run', 'hub'])
    expect(after.hub).toEqual([{ ...before.hub![0], database_id: expect.stringMatching(/^[0-9a-f]{32}$/) }])
    expect(after.export_run).toEqual(exportRuns.map((r) => ({ ...r, audit_head_seq: null, audit_head_hash: null })))
    expect(after.export_run_file).toEqual(exportFiles)
    expect(after.backup_run).toEqual([])
    expect((await db.columns('export_run')).filter((c) => c.name.startsWith('audit_head'))).toEqual([
      { name: 'audit_head_seq', type: 'INTEGER', notNull: false, defaultValue: null, primaryKey: 0 },
      { name: 'audit_head_hash', type: 'varchar(64)', notNull: false, defaultValue: null, primaryKey: 0 }
    ])
  })

  it('makes backup_run with the columns the backup engine writes', async () => {
    await db.migrate()
    expect((await db.columns('backup_run')).map((c) => [c.name, c.type, c.notNull])).toEqual([
      ['id', 'varchar(36)', false],
      ['reason', 'varchar(16)', true],
      ['status', 'varchar(8)', true],
      ['started_at', 'varchar(32)', true],
      ['finished_at', 'varchar(32)', false],
      ['started_by_user_id', 'varchar(36)', false],
      ['folder', 'varchar(1000)', true],
      ['file_name', 'varchar(100)', false],
      ['bytes', 'INTEGER', false],
      ['sha256', 'varchar(64)', false],
      ['key_id', 'varchar(32)', false],
      ['audit_head_seq', 'INTEGER', false],
      ['audit_head_hash', 'varchar(64)', false],
      ['message', 'varchar(2000)', false],
      ['pruned_at', 'varchar(32)', false]
    ])
    expect(await db.indexes('backup_run')).toEqual([
      { name: 'backup_run_one_running', unique: true, columns: ['status'], origin: 'c' },
      { name: 'idx_backup_run_started', unique: false, columns: ['started_at', 'id'], origin: 'c' },
      { name: 'sqlite_autoindex_backup_run_1', unique: true, columns: ['id'], origin: 'pk' }
    ])
    expect(await db.foreignKeys('backup_run')).toEqual([{ from: 'started_by_user_id', table: 'app_user', to: 'id' }])
    expect(await db.triggers('backup_run')).toEqual([])
  })

  it('allows one running backup at a time, and holds each run to its rules', async () => {
    await db.migrate()
    await db.insert('backup_run', [backupRun('b1', { started_by_user_id: userRow.id })])
    expect(await insertRun(backupRun('b2'))).toMatch(/UNIQUE constraint failed: backup_run\.status/)
    // Ended, a run says when; running, it does not.
    expect(await refusal(db, `UPDATE backup_run SET status = 'failed' WHERE id = 'b1'`)).toMatch(/backup_run_finished/)
    expect(await refusal(db, `UPDATE backup_run SET finished_at = ? WHERE id = 'b1'`, [LATER])).toMatch(/backup_run_finished/)
    // A good run names its file, its size and its checksum.
    expect(await refusal(db, `UPDATE backup_run SET status = 'ok', finished_at = ? WHERE id = 'b1'`, [LATER])).toMatch(/backup_run_complete/)
    await db.query(`UPDATE backup_run SET status = 'ok', finished_at = ?, bytes = 1024, sha256 = ? WHERE id = 'b1'`, [LATER, 'b'.repeat(64)])
    // The one before has ended: the next may run; a failed run need not name a file.
    await db.insert('backup_run', [backupRun('b2')])
    await db.query(
      `UPDATE backup_run SET status = 'failed', finished_at = ?, file_name = NULL, message = 'The backup folder cannot be reached.' WHERE id = 'b2'`,
      [LATER]
    )
    expect(await insertRun(backupRun('b3', { reason: 'nightly' }))).toMatch(/CHECK constraint failed/)
    expect(await insertRun(backupRun('b3', { status: 'done' }))).toMatch(/CHECK constraint failed/)
    expect(await insertRun(backupRun('b3', { started_by_user_id: 'nobody' }))).toMatch(/FOREIGN KEY constraint failed/)
    for (const reason of ['sign-in', 'schedule', 'before-upgrade', 'manual', 'command']) {
      await db.insert('backup_run', [backupRun(`ok-${reason}`, { reason, status: 'ok', finished_at: LATER, bytes: 1, sha256: 'c'.repeat(64) })])
    }
    expect((await db.rows('backup_run')).map((r) => [r.id, r.status])).toEqual([
      ['b1', 'ok'],
      ['b2', 'failed'],
      ['ok-sign-in', 'ok'],
      ['ok-schedule', 'ok'],
      ['ok-before-upgrade', 'ok'],
      ['ok-manual', 'ok'],
      ['ok-command', 'ok']
    ])
  })

  it('gives a hub row inserted after it (a new database s) an id of its own, and keeps an id once made', async () => {
    await db.migrate()
    const made = (await db.rows('hub'))[0]!.database_id
    await db.query(`DELETE FROM hub`)
    await db.insert('hub', [{ ...hubRow }])
    const second = (await db.rows('hub'))[0]!.database_id
    expect(second).toMatch(/^[0-9a-f]{32}$/)
    expect(second).not.toBe(made)
    expect(await refusal(db, `UPDATE hub SET database_id = ?`, ['f'.repeat(32)])).toMatch(/made once and never changed/)
    expect(await refusal(db, `UPDATE hub SET database_id = ''`)).toMatch(/made once and never changed/)
    await db.query(`UPDATE hub SET name = 'Renamed'`)
    expect((await db.rows('hub'))[0]).toMatchObject({ name: 'Renamed', database_id: second })
    expect(await db.triggers('hub')).toEqual(['hub_database_id_kept', 'hub_database_id_made'])
  })

  it('goes down and up again, the export runs keeping their rows', async () => {
    await db.migrate()
    await db.query(`UPDATE export_run SET audit_head_seq = 3, audit_head_hash = ? WHERE id = 'r1'`, ['d'.repeat(64)])
    const ds = db.manager().connection
    await ds.undoLastMigration({ transaction: 'all' })
    expect(await db.tables()).not.toContain('backup_run')
    expect(await db.rows('export_run')).toEqual(exportRuns)
    expect((await db.rows('hub'))[0]).not.toHaveProperty('database_id')
    expect(await db.triggers('hub')).toEqual([])
    expect(await ds.runMigrations({ transaction: 'all' })).toHaveLength(1)
    expect(await db.tables()).toContain('backup_run')
  })
})
