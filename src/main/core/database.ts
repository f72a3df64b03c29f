// Opening the SQLite file: the checks that may refuse it (./opening), pragmas, the SQLite version
// check, an online backup before migrating, then the migrations in one transaction; or, for a
// read-only core, one connection that cannot write. The app's TypeORM connections are all made here;
// raw sqlite3 ones, for work that must not go through TypeORM, by ./opening's openRaw (and by
// ../backup/sqliteBackup, for SQLite's online backup).
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import sqlite3 from 'sqlite3'
import { DataSource } from 'typeorm'
import { migrations } from '../../../migrations'
import { AppError } from './errors'
import { checkDatabaseFile, type FileState, type OpenMode } from './opening'
import { DEFAULT_BACKUP_SETTINGS, type BackupSettings, type DatabaseSource } from './config'
import { backupBeforeUpgrade, type BeforeUpgradeBackup } from '../backup/beforeUpgrade'
import { entities } from './entities'

/** WAL builds before this have a corruption bug (fixed in 3.51.3). */
export const MIN_SQLITE_VERSION = '3.51.3'

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

export interface OpenedDatabase {
  dataSource: DataSource
  /** The backup written before migrating, when migrations ran on an existing file, for its run to be recorded once the migrations have made backup_run (../backup/beforeUpgrade). */
  beforeUpgrade: BeforeUpgradeBackup | null
  migrated: string[]
  /** What opening found (./opening): for the log IT reads. */
  state: FileState
}

/** A file that is already there is opened without SQLite's create flag: if it vanishes, opening fails rather than making an empty one. */
const EXISTING_FILE = sqlite3.OPEN_READWRITE | sqlite3.OPEN_FULLMUTEX
const READ_ONLY = sqlite3.OPEN_READONLY | sqlite3.OPEN_FULLMUTEX

/**
 * sqlite3 as TypeORM is given it. TypeORM calls verbose() on whatever driver it loads, and sqlite3's
 * verbose mode wraps every call to keep its caller's stack: an Error made and the parameters
 * formatted on each query, which measured 1 to 2 s of a 20 s export of a large hub. Errors keep
 * their SQLite code and message without it.
 */
const quietSqlite = { ...sqlite3, verbose: () => quietSqlite }

function dataSourceFor(databasePath: string, flags?: number): DataSource {
  return new DataSource({
    type: 'sqlite',
    driver: quietSqlite,
    database: databasePath,
    flags,
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    // Switching to WAL writes to the file: a read-only connection reads it in whatever mode it is.
    enableWAL: flags !== READ_ONLY,
    busyTimeout: 5000,
    logging: false
  })
}

async function refuseOldSqlite(dataSource: DataSource): Promise<void> {
  const [{ version }] = (await dataSource.query('SELECT sqlite_version() AS version')) as [{ version: string }]
  if (compareVersions(version, MIN_SQLITE_VERSION) < 0) {
    throw new AppError('UNAVAILABLE', `SQLite ${version} is too old: Casebook needs ${MIN_SQLITE_VERSION} or later.`)
  }
}

/**
 * A second connection for reads. TypeORM's sqlite driver serves every caller through one
 * connection, so a read made while another window's write transaction is open would see that
 * write before it commits, or one that is rolled back. On its own connection (WAL) a read sees
 * only what has been committed. query_only makes sure nothing writes through it.
 */
export async function openReader(databasePath: string): Promise<DataSource> {
  const reader = dataSourceFor(databasePath, EXISTING_FILE)
  await reader.initialize()
  await reader.query('PRAGMA query_only = ON')
  return reader
}

export interface OpenDatabaseOptions {
  /** existing (the default) opens only a Casebook database that is there; create may also make one. */
  mode?: Exclude<OpenMode, 'readOnly'>
  /** Where the path came from, for a refusal to say where to correct it. */
  source?: DatabaseSource
  /** IT's backup settings: where the backup taken before migrating goes, and its key. */
  backup?: BackupSettings
}

/** Opens a Casebook database to read and write, after ./opening has checked it, and migrates it. */
export async function openDatabase(databasePath: string, now: () => Date = () => new Date(), options: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  const { state } = await checkDatabaseFile(databasePath, options.mode ?? 'existing', options.source)
  if (state === 'missing') mkdirSync(dirname(databasePath), { recursive: true })
  const dataSource = dataSourceFor(databasePath, state === 'missing' ? undefined : EXISTING_FILE)
  await dataSource.initialize()
  try {
    await dataSource.query('PRAGMA synchronous = FULL')
    await refuseOldSqlite(dataSource)
    let beforeUpgrade: BeforeUpgradeBackup | null = null
    const migrated: string[] = []
    if (await dataSource.showMigrations()) {
      // An encrypted online backup into the backup folder, as every backup is; no backup, no migration.
      if (await hasAppliedMigrations(dataSource)) beforeUpgrade = await backupBeforeUpgrade(databasePath, options.backup ?? DEFAULT_BACKUP_SETTINGS, now)
      const ran = await dataSource.runMigrations({ transaction: 'all' })
      migrated.push(...ran.map((m) => m.name))
    }
    return { dataSource, beforeUpgrade, migrated, state }
  } catch (error) {
    await dataSource.destroy()
    throw error
  }
}

async function hasAppliedMigrations(dataSource: DataSource): Promise<boolean> {
  const rows = (await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'migrations'`)) as unknown[]
  if (rows.length === 0) return false
  const [{ n }] = (await dataSource.query('SELECT count(*) AS n FROM migrations')) as [{ n: number }]
  return n > 0
}

export interface ReadOnlyDatabase {
  /** The one connection: opened read-only, and query_only as well. */
  reader: DataSource
  /** After the reader is closed: removes the side files reading made, where SQLite safely can. */
  release(): Promise<void>
}

/**
 * A database to read and never change (audit verify, search from the command line): checked as
 * any other, then opened read-only. No migrations, no WAL switch, no hub row: a database that
 * needs upgrading was refused by the checks.
 */
export async function openReadOnlyDatabase(databasePath: string, source?: DatabaseSource): Promise<ReadOnlyDatabase> {
  const { tidy } = await checkDatabaseFile(databasePath, 'readOnly', source)
  const reader = dataSourceFor(databasePath, READ_ONLY)
  try {
    await reader.initialize()
    await reader.query('PRAGMA query_only = ON')
    await refuseOldSqlite(reader)
  } catch (error) {
    if (reader.isInitialized) await reader.destroy()
    await tidy()
    throw error
  }
  return { reader, release: tidy }
}
