// The only SQLite-specific part of backups: SQLite's online backup API copies the live database into
// a plaintext file beside it (same protection as the live file), and the copy is checked and read.
//
// Measured here (a writer committing in a loop on another connection, 60 MB and 300 MB files):
// - Stepped from a connection with no read transaction of its own, the backup restarts whenever
//   another connection commits between two steps (SQLite's documented behaviour): 5,296 restarts and
//   13.6 s for 60 MB against 0.17 s unloaded; at 300 MB it had not finished after 30 s.
// - A read transaction held open on the source connection across the steps stops the restarts (the
//   snapshot cannot change under it), but the copy's connection, which node-sqlite3 opens itself,
//   commits and fsyncs every step, and those flushes held the writer's commits for up to 98-134 ms.
// - So the copy's connection is ours, with no journal and no fsync (nothing needs the plaintext copy
//   to survive a power cut: it is checked, encrypted and deleted), and the whole database is copied in
//   one step, which holds one read lock for its length (WAL: readers never block writers). The longest
//   commit beside it: 7-9 ms against 9-16 ms with no backup running. Progress is told by stage.
import { constants } from 'node:fs'
import { access } from 'node:fs/promises'
import sqlite3 from 'sqlite3'
import type { AuditAnchor } from '../../shared/backup/schemas'
import { readAuditHead } from '../audit/anchors'
import { all } from '../core/opening'

/** node-sqlite3's Backup object: in its JavaScript, not in its type declarations. */
interface SqliteBackup {
  step(pages: number, callback: (error: Error | null, done: boolean) => void): void
  finish(callback: () => void): void
}
type BackupCapable = sqlite3.Database & {
  backup(filename: string, destName: string, sourceName: string, filenameIsDest: boolean, callback: (error: Error | null) => void): SqliteBackup
}

/** A busy source (another connection recovering the WAL, say) is tried again for up to this long, as a busy timeout would. */
const BUSY_RETRIES = 100
const BUSY_WAIT_MS = 50

const opened = (path: string, flags: number) =>
  new Promise<BackupCapable>((resolve, reject) => {
    const db = new sqlite3.Database(path, flags, (error) => (error ? reject(error) : resolve(db as BackupCapable)))
  })
const closed = (db: sqlite3.Database) => new Promise<void>((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())))
const exec = (db: sqlite3.Database, sql: string) => new Promise<void>((resolve, reject) => db.exec(sql, (error) => (error ? reject(error) : resolve())))
const isBusy = (error: unknown) => /SQLITE_BUSY|SQLITE_LOCKED/.test(String((error as { code?: string })?.code ?? error))

/** The files SQLite may make beside a database, named for it. */
export const SIDE_SUFFIXES = ['-journal', '-wal', '-shm'] as const

/** The copy and the side files SQLite may make beside it: all removed when a backup ends, however it ends. */
export const copyFiles = (copyPath: string) => [copyPath, ...SIDE_SUFFIXES.map((suffix) => `${copyPath}${suffix}`)]

/**
 * Copies the database at `livePath`, as one moment of it, into `copyPath` (a new file). The source is
 * read on a connection the backup opens for itself; nothing is written to the live file.
 */
export async function copyDatabase(livePath: string, copyPath: string): Promise<void> {
  // SQLite would make an empty database where there is none: never back up nothing as if it were the hub.
  await access(livePath, constants.R_OK)
  await access(copyPath).then(
    () => Promise.reject(new Error(`${copyPath} is already there`)),
    () => undefined
  )
  const copy = await opened(copyPath, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE)
  try {
    await exec(copy, 'PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF')
    const backup = await new Promise<SqliteBackup>((resolve, reject) => {
      const started: SqliteBackup = copy.backup(livePath, 'main', 'main', false, (error) => (error ? reject(error) : resolve(started)))
    })
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          const done = await new Promise<boolean>((resolve, reject) => backup.step(-1, (error, finished) => (error ? reject(error) : resolve(finished))))
          if (done) break
        } catch (error) {
          if (!isBusy(error) || attempt >= BUSY_RETRIES) throw error
          await new Promise((resolve) => setTimeout(resolve, BUSY_WAIT_MS))
        }
      }
    } finally {
      await new Promise<void>((resolve) => backup.finish(resolve))
    }
  } finally {
    await closed(copy)
  }
}

/** What the copy says about itself, read from it: so it describes exactly the moment copied. */
export interface CopyFacts {
  bytes: number
  hubCode: string | null
  /** The last migration the copy has. */
  schemaVersion: string
  auditHead: AuditAnchor | null
}

export class CopyCheckFailed extends Error {
  /** `problems`: how many integrity_check listed; null when the damage stopped the check itself. */
  constructor(readonly problems: number | null) {
    const found = problems === null ? 'SQLite could not read it through' : `${problems} problem${problems === 1 ? '' : 's'} found`
    super(`The copy of the database failed SQLite's integrity check (${found}), so it was not kept. Ask IT to check the database.`)
    this.name = 'CopyCheckFailed'
  }
}

const damaged = (error: unknown) => /SQLITE_CORRUPT|SQLITE_NOTADB/.test(String((error as { code?: string })?.code ?? error))

/**
 * integrity_check's page cache: at SQLite's default (2 MB) it read a 247 MB copy's pages over and over
 * (4.2 s on a busy machine); 64 MB took it to 2.9 s, for memory that is given back when the check ends.
 */
const CHECK_CACHE_KIB = 64 * 1024

/**
 * Makes the copy one self-contained file (rollback journal, not WAL: nothing may be needed beside it),
 * reads what its backup's header will say, then runs PRAGMA integrity_check: throws CopyCheckFailed
 * when it finds damage. A backup encrypts the copy only once this has answered (backups.ts says why not beside it).
 */
export async function checkCopy(copyPath: string): Promise<CopyFacts> {
  const copy = await opened(copyPath, sqlite3.OPEN_READWRITE)
  // Damage can stop SQLite reading the copy at all: that is the check failing too.
  const checked = <T>(work: Promise<T>) =>
    work.catch((error: unknown) => {
      throw damaged(error) ? new CopyCheckFailed(null) : error
    })
  try {
    const facts = await checked(
      (async (): Promise<CopyFacts> => {
        // synchronous first: leaving WAL would otherwise fsync the whole copy, and that flush held a save for 182 ms.
        await exec(copy, `PRAGMA synchronous = OFF; PRAGMA journal_mode = DELETE; PRAGMA cache_size = -${CHECK_CACHE_KIB}`)
        const [size] = await all<{ bytes: number }>(copy, 'SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()')
        const [migration] = await all<{ name: string }>(copy, 'SELECT name FROM migrations ORDER BY id DESC LIMIT 1')
        if (!migration) throw new Error('The copy has no migrations: it is not a Casebook database')
        const [hub] = await all<{ code: string }>(copy, 'SELECT code FROM hub WHERE id = 1')
        const auditHead = await readAuditHead({ query: <T>(sql: string, params?: unknown[]) => all(copy, sql, params) as Promise<T> })
        return { bytes: Number(size!.bytes), hubCode: hub?.code ?? null, schemaVersion: migration.name, auditHead }
      })()
    )
    const rows = await checked(all<{ integrity_check: string }>(copy, 'PRAGMA integrity_check'))
    if (rows.length !== 1 || rows[0]!.integrity_check !== 'ok') throw new CopyCheckFailed(rows.length)
    return facts
  } finally {
    await closed(copy)
  }
}
