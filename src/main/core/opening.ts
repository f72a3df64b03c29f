// What opening checks before anything can change the file: that it is there (or may be made), that
// it is an SQLite file, that it is Casebook's and from a version this one knows, and that SQLite's
// own quick check finds it sound. The header is read with fs and the rest through a read-only
// connection, so a refused file is left exactly as it was, and each refusal names the file and
// says what to do.
import { existsSync, statSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { dirname } from 'node:path'
import sqlite3 from 'sqlite3'
import { migrations } from '../../../migrations'
import { AppError } from './errors'
import { machineConfigPath, type DatabaseSource } from './config'
import { networkDriveOf, type NetworkDrive } from './networkDrive'
import type { Queryable } from './queryable'

/**
 * existing: a Casebook database that is already there (the default). create: the same, or a new
 * one where there is no file (init, a desk's first start). readOnly: read it, never write to it.
 */
export type OpenMode = 'existing' | 'create' | 'readOnly'

/**
 * missing: nothing there yet (create only). unfinished: a set-up that stopped before its first
 * migration was recorded (create only). behind: migrations to run. current: up to date.
 */
export type FileState = 'missing' | 'unfinished' | 'behind' | 'current'

export interface FileCheck {
  state: FileState
  /** Removes the -wal and -shm files a read-only connection made, once nothing has the file open. */
  tidy(): Promise<void>
}

/** The first bytes of every SQLite database file. */
export const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')
/** quick_check stops after this many findings: the first few say enough, and a badly damaged file is refused sooner. */
const FINDINGS_SHOWN = 3

/**
 * Why a file was refused, for whoever must decide what comes next (the recovery screen offers a
 * restore for damage but never over a newer Casebook's work): missing (no file, and not to be made),
 * folder (the path is a folder), empty (0 bytes), notDatabase (not an SQLite file: a damaged header
 * looks the same), notCasebook (another application's database), newer (a newer Casebook's), damaged
 * (SQLite found damage), unreadable (the file or folder cannot be read), unfinished (a set-up that
 * stopped), behind (needs upgrading, and may not be: read-only), network (on a network drive).
 */
export type RefusalKind =
  'missing' | 'folder' | 'empty' | 'notDatabase' | 'notCasebook' | 'newer' | 'damaged' | 'unreadable' | 'unfinished' | 'behind' | 'network'

/** A refusal of the file, in the words given: they name a path, which must reach IT exactly as it is. */
export class OpeningRefusal extends AppError {
  constructor(
    readonly kind: RefusalKind,
    message: string
  ) {
    super('UNAVAILABLE', message)
  }
}

const refuse = (kind: RefusalKind, message: string) => new OpeningRefusal(kind, message)

function whereToCheck(source: DatabaseSource | undefined): string {
  switch (source) {
    case 'argument':
      return 'Check the path given with --db.'
    case 'environment':
      return 'Check the path in the CASEBOOK_DB environment variable.'
    case 'machine config':
      return `Check databasePath in the machine-wide config file (${machineConfigPath()}).`
    case 'user data':
      return ''
    default:
      return 'Check the path.'
  }
}

const initCommand = (path: string) => `npm run casebook -- init --db "${path}"`

/** The migrations this version of Casebook knows: a database (or a backup) with any other was made by a newer one. */
export const KNOWN_MIGRATIONS: ReadonlySet<string> = new Set(migrations.map((m) => m.name))

/** `networkCheck`: what the network-drive check says of the path; a test names one, otherwise the operating system is asked (./networkDrive). */
export async function checkDatabaseFile(
  path: string,
  mode: OpenMode,
  source?: DatabaseSource,
  networkCheck: (path: string) => Promise<NetworkDrive | null> = networkDriveOf
): Promise<FileCheck> {
  const where = whereToCheck(source)
  // Only the live database must be on the desk's own disk: reading a copy from a share changes nothing.
  if (mode !== 'readOnly') {
    const network = await networkCheck(path)
    if (network) throw refuse('network', onNetworkDrive(path, network))
  }
  const size = fileSize(path, where)
  if (size === null) {
    if (mode === 'create') return { state: 'missing', tidy: async () => undefined }
    const folder = existsSync(dirname(path)) ? '' : ` (the folder ${dirname(path)} does not exist either)`
    throw refuse(
      'missing',
      `There is no Casebook database at ${path}${folder}. ${where} If there should be a new database there, ask IT to create it with: ${initCommand(path)}`
    )
  }
  if (size === 0) {
    throw refuse(
      'empty',
      `The file ${path} is empty (0 bytes), so it is not a Casebook database. Nothing was changed. ${where} If a set-up that did not finish left it there, ask IT to delete it, then try again.`
    )
  }
  const header = await readHeader(path, where)
  if (!header.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) {
    throw refuse('notDatabase', `The file ${path} is not a Casebook database: it is not a database file at all. Nothing was changed. ${where}`)
  }
  // Bytes 18 and 19 are 2 for a database in WAL mode: the one kind of file whose reading leaves -wal and -shm files beside it.
  const walMode = header[18] === 2 && header[19] === 2
  const before = { wal: existsSync(`${path}-wal`), shm: existsSync(`${path}-shm`) }
  const tidy = () => (walMode && !before.wal && !before.shm ? tidySideFiles(path) : Promise.resolve())
  try {
    return { state: await inspect(path, mode, where), tidy }
  } catch (error) {
    await tidy()
    throw error
  }
}

/** The file's size, or null when there is no file there. */
function fileSize(path: string, where: string): number | null {
  try {
    const stats = statSync(path)
    if (!stats.isFile()) throw refuse('folder', `${path} is a folder, not a Casebook database. ${where}`)
    return stats.size
  } catch (error) {
    if (error instanceof AppError) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return null
    throw refuse(
      'unreadable',
      `Casebook cannot read ${path} (${code ?? String(error)}). Nothing was changed. Ask IT to check that the file and its folder can be read.`
    )
  }
}

/** The first 100 bytes: SQLite's file header. */
async function readHeader(path: string, where: string): Promise<Buffer> {
  try {
    const file = await open(path, 'r')
    try {
      const header = Buffer.alloc(100)
      await file.read(header, 0, 100, 0)
      return header
    } finally {
      await file.close()
    }
  } catch (error) {
    throw refuse('unreadable', `Casebook cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)}). Nothing was changed. ${where}`)
  }
}

async function inspect(path: string, mode: OpenMode, where: string): Promise<FileState> {
  const notOurs = refuse(
    'notCasebook',
    `The file ${path} is a database, but not a Casebook one: it belongs to another application. Nothing was changed. ${where}`
  )
  let db: sqlite3.Database | null = null
  try {
    db = await openRaw(path, sqlite3.OPEN_READONLY)
    const tables = (await all<{ name: string }>(db, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`)).map(
      (t) => t.name
    )
    let applied: string[] = []
    if (tables.includes('migrations')) {
      // A migrations table without TypeORM's columns is some other program's.
      const rows = await all<{ name: unknown }>(db, 'SELECT name FROM migrations ORDER BY id').catch((error: Error) => {
        throw /SQLITE_ERROR: no such column/.test(error.message) ? notOurs : error
      })
      applied = rows.map((r) => String(r.name))
    } else if (tables.length > 0) {
      throw notOurs
    }
    // Nothing but an empty migrations table (or nothing at all): Casebook's own set-up stopped
    // before its first migration was recorded, and only set-up may carry on from there.
    const unfinished = applied.length === 0
    if (unfinished && tables.length > 1) throw notOurs
    if (!unfinished && applied[0] !== migrations[0]!.name) throw notOurs
    const unknown = applied.filter((name) => !KNOWN_MIGRATIONS.has(name))
    if (unknown.length > 0) {
      throw refuse(
        'newer',
        `The database at ${path} was last opened by a newer version of Casebook (it has changes this version does not know: ${unknown.join(', ')}). Nothing was changed. Install the newer version of Casebook on this computer (restoring a backup would lose the work done since).`
      )
    }
    const findings = checkFindings(await all(db, `PRAGMA quick_check(${FINDINGS_SHOWN})`))
    if (findings) throw damaged(path, findings.slice(0, FINDINGS_SHOWN).join('; '))
    if (unfinished) {
      if (mode === 'create') return 'unfinished'
      throw refuse(
        'unfinished',
        `The database at ${path} has nothing in it yet: its set-up did not finish. Nothing was changed. Ask IT to finish it with: ${initCommand(path)}`
      )
    }
    const state = applied.length < migrations.length ? 'behind' : 'current'
    if (state === 'behind' && mode === 'readOnly') {
      throw refuse(
        'behind',
        `The database at ${path} was made by an earlier version of Casebook and must be upgraded before it can be read. Nothing was changed. Open it with the Casebook app, or run: ${initCommand(path)}, then try again.`
      )
    }
    return state
  } catch (error) {
    if (error instanceof AppError) throw error
    const text = `${String((error as { code?: unknown }).code ?? '')} ${error instanceof Error ? error.message : String(error)}`
    if (/SQLITE_CORRUPT|SQLITE_NOTADB/.test(text)) throw damaged(path, error instanceof Error ? error.message : text)
    throw refuse('unreadable', storageProblem(path, text))
  } finally {
    if (db) await closeRaw(db)
  }
}

/**
 * What the disk's answer means for whoever must put it right, in plain words: a read-only file or
 * folder is not one that "cannot be read", and a full disk is neither. The code stays, for IT.
 */
export function storageProblem(path: string, text: string): string {
  const code = text.match(/SQLITE_[A-Z_]+|E[A-Z]{2,}/)?.[0] ?? 'no code'
  if (/SQLITE_FULL|ENOSPC/.test(text))
    return `The disk that holds the database at ${path} is full (${code}). Nothing was changed. Ask IT to make space on it, then start Casebook again.`
  if (/SQLITE_READONLY|SQLITE_PERM|EROFS|EACCES|EPERM/.test(text))
    return `Casebook cannot write to the database at ${path} (${code}): the file, its folder, or the files beside it ending in -wal and -shm are read-only for this account. Nothing was changed. Ask IT to let the accounts that use Casebook change them (and to delete a -shm file left read-only), then start Casebook again.`
  if (/SQLITE_IOERR|EIO\b/.test(text))
    return `The disk that holds the database at ${path} could not be read or written (${code}). Nothing was changed. Ask IT to check the disk.`
  return `Casebook cannot read the database at ${path} (${text.trim()}). Nothing was changed. Ask IT to check that the file and its folder can be read.`
}

/** What SQLite's quick_check or integrity_check answered, as findings: null when it found the file sound. */
export function checkFindings(rows: Record<string, unknown>[]): string[] | null {
  const said = rows.map((row) => String(Object.values(row)[0]))
  if (said.length === 1 && said[0] === 'ok') return null
  // One finding per line, after a heading naming the schema ("*** in database main ***").
  return said.flatMap((f) => f.split('\n')).filter((line) => line.trim() && !line.startsWith('***'))
}

const damaged = (path: string, found: string) =>
  refuse('damaged', `The database at ${path} is damaged (SQLite's check found: ${found}). Nothing was changed. Ask IT to restore it from a backup.`)

/** What IT is told of a live database on a network drive, and what to do instead. */
function onNetworkDrive(path: string, drive: NetworkDrive): string {
  return (
    `The database at ${path} is on a network drive (${drive.where}). Casebook keeps its database in one SQLite file, which must be on this ` +
    `desk's own disk: on a network drive a dropped connection or a second desk can damage it. Nothing was changed. Ask IT to move the database ` +
    `to this desk's own disk (the backup folder may stay on the network share: backups are encrypted and safe there), or, for several desks ` +
    `sharing one hub's records, to set up a shared PostgreSQL database for them.`
  )
}

/**
 * A read-only connection to a WAL-mode file makes -wal and -shm files beside it and cannot remove
 * them: only a connection that can write may, and only as the last one to close. So, when they were
 * not there before and the log is still empty, this asks SQLite to do it the one safe way: a
 * connection that reads and closes. It deletes them under an exclusive lock, or leaves them if
 * anyone else has the file open; with an empty log there is nothing to copy back, so the database
 * file itself is not written.
 */
async function tidySideFiles(path: string): Promise<void> {
  try {
    if (statSync(`${path}-wal`).size !== 0) return
    const db = await openRaw(path, sqlite3.OPEN_READWRITE)
    try {
      await all(db, 'PRAGMA schema_version')
    } finally {
      await closeRaw(db)
    }
  } catch {
    // Gone already, or not ours to remove: the next connection to close tidies them.
  }
}

/**
 * A plain sqlite3 connection, for work on a file that must not go through TypeORM (no entities, no
 * WAL switch, no migrations): this file's checks; a restore's checks of the decrypted backup, and its
 * settling and reading of the live file just before it replaces it (../backup/restore); the recovery
 * screen's reads of a file that would not open, and of the administrators a backup holds (../recovery).
 */
export function openRaw(path: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, mode | sqlite3.OPEN_FULLMUTEX, (error) => {
      if (error) return reject(error)
      // As the app's own connections wait: another desk's write or checkpoint is not a reason to refuse.
      db.configure('busyTimeout', 5000)
      resolve(db)
    })
  })
}

export function all<T>(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<T[]> {
  return new Promise((resolve, reject) => db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as T[]))))
}

export function closeRaw(db: sqlite3.Database): Promise<void> {
  return new Promise((resolve) => db.close(() => resolve()))
}

/** A raw connection as the helpers that only read take a database (a Queryable, and the audit trail's readers): its query alone. */
export const rawQueries = (db: sqlite3.Database) =>
  ({
    query: <T = unknown>(sql: string, params?: unknown[]) => all(db, sql, params) as Promise<T>
  }) satisfies Queryable
