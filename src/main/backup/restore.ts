// Restoring a backup: decrypt it to a temporary file beside the live database, check that copy
// (SQLite's integrity and foreign key checks, its migrations, its audit chain), and only then swap
// it in: the live file is kept beside it (a hard link, else a copy), any -wal or -shm of the old file
// is gone, and the checked file is renamed over the live path, which is atomic. Killed at any moment,
// the live path holds either the old database or the restored one, whole; a temporary file left by a
// killed restore is removed by the next one. The caller closes the live database first and opens it
// again after (../core/casebook's replace, the recovery core, or the command line), which migrates an
// older backup after its own pre-migration copy.
import { randomUUID } from 'node:crypto'
import { constants, existsSync } from 'node:fs'
import { copyFile, link, open, rename, rm, unlink } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import sqlite3 from 'sqlite3'
import { migrations } from '../../../migrations'
import type { AuditAnchor } from '../../shared/backup/schemas'
import { readAuditHead } from '../audit/anchors'
import { writeAudit, type AuditInput } from '../audit/audit'
import { RESTORE_ACTION, verifyAuditChain } from '../audit/verify'
import { openReader } from '../core/database'
import { AppError } from '../core/errors'
import { all, checkFindings, closeRaw, KNOWN_MIGRATIONS, openRaw, rawQueries, SQLITE_HEADER } from '../core/opening'
import { hubCodeIn } from '../hub/code'
import { errorFields, type Log } from '../log/log'
import { markedName, removeMarked } from '../recovery/copyBeside'
import { decryptFile, readBackupHeader, type BackupHeader, type BackupKey } from './crypto'
import { processesHolding } from './openElsewhere'

/** Where a restore has got to: a test stops it at each (and kills it there). */
export type RestoreStep = 'decrypting' | 'checking' | 'checked' | 'settled' | 'kept' | 'swapped'
export type OnStep = (step: RestoreStep) => void | Promise<void>

/** How the database a restore replaces is kept beside it: sound (replaced) or refused by the checks at opening (damaged). */
export type KeptAs = 'replaced' | 'damaged'

/** The checks name at most this many findings: the first few say enough. */
const FINDINGS = 3

export interface CheckedBackup {
  header: BackupHeader
  /** The decrypted, checked copy, beside the live database. */
  tempPath: string
  /** Migrations the copy does not have yet: opening it runs them. */
  behind: number
  auditEntries: number
  /** Removes the copy (and anything SQLite left beside it); swapIn does when it fails. */
  discard(): Promise<void>
}

const notRestored = (backupPath: string, why: string) =>
  new AppError('VALIDATION', `The backup ${basename(backupPath)} cannot be restored: ${why} Nothing was changed.`)

/** A share may hold several hubs' backups under one key: another hub's database must never replace this one's. */
function refuseOtherHub(backupPath: string, backupHub: string | null, hubCode: string | null | undefined): void {
  if (!hubCode || backupHub === hubCode) return
  throw notRestored(backupPath, `it is a backup of ${backupHub ? `hub ${backupHub}` : 'a database with no hub code'}, not of this hub (${hubCode}).`)
}

async function removeWithSideFiles(path: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(path + suffix, { force: true })
}

/** The backup's last migration must be one this Casebook knows: a newer one's database is not opened here. */
function refuseNewer(backupPath: string, names: string[]): void {
  const unknown = names.filter((name) => !KNOWN_MIGRATIONS.has(name))
  if (unknown.length)
    throw notRestored(
      backupPath,
      `it was made by a newer version of Casebook (it has changes this version does not know: ${unknown.join(', ')}). Install that version to restore it.`
    )
}

/**
 * Decrypts the backup beside the live database and checks the copy. Throws, with the reason in
 * plain words and nothing left behind, when the key is wrong, the file is damaged or altered, or the
 * copy fails a check.
 */
export async function prepareRestore(options: {
  backupPath: string
  databasePath: string
  key: BackupKey
  onStep?: OnStep
  onBytes?: (bytes: number) => void
  /** Runs on the decrypted copy before the checks (the recovery screen's administrator, as the backup holds them): a refusal ends the restore there. */
  authorise?: (tempPath: string) => Promise<void>
  /**
   * The hub the database being replaced is: a backup of another hub (its header, then the decrypted
   * copy's hub row) is refused. Null only where the hub cannot be known (no database, or one with no
   * readable hub): then any hub's backup is restored, and the caller says whose it was.
   */
  hubCode: string | null
}): Promise<CheckedBackup> {
  const { backupPath, databasePath, key, onStep } = options
  // What a killed restore left beside the database: its copies and their -wal, -shm or -journal.
  await removeMarked(databasePath, 'restoring')
  const { header } = await readBackupHeader(backupPath)
  refuseOtherHub(backupPath, header.hubCode || null, options.hubCode)
  refuseNewer(backupPath, [header.schemaVersion])
  // Beside the database (same disk, same protection), marked so that a later restore can tidy it.
  const tempPath = join(dirname(databasePath), `${markedName(databasePath, 'restoring')}${randomUUID().slice(0, 8)}.sqlite`)
  const discard = () => removeWithSideFiles(tempPath)
  try {
    await onStep?.('decrypting')
    await decryptFile(backupPath, tempPath, key, options.onBytes)
    await options.authorise?.(tempPath)
    await onStep?.('checking')
    const checked = await checkRestorable(backupPath, tempPath, options.hubCode)
    await onStep?.('checked')
    return { header, tempPath, ...checked, discard }
  } catch (error) {
    await discard()
    throw error
  }
}

/** The copy's checks, on a connection of its own that can write (so that closing it leaves no -wal beside the copy). */
async function checkRestorable(backupPath: string, tempPath: string, hubCode: string | null): Promise<{ behind: number; auditEntries: number }> {
  const head = Buffer.alloc(SQLITE_HEADER.length)
  const file = await open(tempPath, 'r')
  try {
    await file.read(head, 0, head.length, 0)
  } finally {
    await file.close()
  }
  if (!head.equals(SQLITE_HEADER)) throw notRestored(backupPath, 'what it holds is not a database.')
  let db: sqlite3.Database | null = null
  try {
    db = await openRaw(tempPath, sqlite3.OPEN_READWRITE)
    const findings = checkFindings(await all(db, `PRAGMA integrity_check(${FINDINGS})`))
    if (findings) throw notRestored(backupPath, `SQLite's check of it found damage (${findings.slice(0, FINDINGS).join('; ')}).`)
    const orphans = await all<{ table: string; parent: string }>(db, 'PRAGMA foreign_key_check')
    if (orphans.length) {
      const tables = [...new Set(orphans.map((o) => `${o.table} → ${o.parent}`))].slice(0, FINDINGS).join(', ')
      throw notRestored(backupPath, `${orphans.length} of its rows point at rows it does not hold (${tables}).`)
    }
    const hasMigrations = (await all(db, `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'`)).length > 0
    const applied = hasMigrations ? (await all<{ name: string }>(db, 'SELECT name FROM migrations ORDER BY id')).map((m) => String(m.name)) : []
    if (applied[0] !== migrations[0]!.name) throw notRestored(backupPath, 'it is not a Casebook database.')
    refuseNewer(backupPath, applied)
    // The header said this hub; the database inside must say so too.
    refuseOtherHub(backupPath, await hubCodeIn(rawQueries(db)).catch(() => null), hubCode)
    const trail = await verifyAuditChain(rawQueries(db))
    if (!trail.intact) throw notRestored(backupPath, `its audit trail does not verify. ${trail.problem?.message ?? ''}`.trim())
    return { behind: migrations.length - applied.length, auditEntries: trail.entries }
  } catch (error) {
    if (error instanceof AppError) throw error
    const text = `${String((error as { code?: unknown }).code ?? '')} ${(error as Error).message ?? String(error)}`
    if (/SQLITE_CORRUPT|SQLITE_NOTADB/.test(text)) throw notRestored(backupPath, `SQLite found it damaged (${text.trim()}).`)
    throw error
  } finally {
    if (db) await closeRaw(db)
  }
}

/** `<db>.<kept>-<UTC stamp>.sqlite`, numbered when that name is taken. */
function keptPathFor(databasePath: string, kept: KeptAs, at: Date): string {
  const stamp = at.toISOString().replace(/[-:.]/g, '').toLowerCase()
  let path = `${databasePath}.${kept}-${stamp}.sqlite`
  for (let n = 2; existsSync(path) || existsSync(`${path}-wal`); n++) path = `${databasePath}.${kept}-${stamp}-${n}.sqlite`
  return path
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r')
  try {
    await handle.sync()
  } catch (error) {
    // Windows cannot open a folder to flush it; NTFS journals the rename itself.
    if (!['EISDIR', 'EPERM', 'EACCES', 'EINVAL'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error
  } finally {
    await handle.close()
  }
}

const fsyncFolder = (path: string) => fsyncPath(dirname(path)).catch(() => undefined)

const inUse = (databasePath: string) =>
  new AppError(
    'UNAVAILABLE',
    `The database at ${databasePath} is in use by another program (another Casebook window or command, or a backup or export still running), so the backup was not restored. Nothing was changed. Close it and try again.`
  )

/**
 * Makes sure nothing of the closed, sound database is left beside it: SQLite checkpoints its log and
 * removes its -wal and -shm when the last connection closes, so this opens and closes one. A -wal
 * still there after that belongs to a connection some other program holds: the swap must not go
 * ahead (that log, applied to the restored file, would damage it).
 */
export async function settleSideFiles(databasePath: string): Promise<void> {
  if (existsSync(`${databasePath}-wal`)) {
    const db = await openRaw(databasePath, sqlite3.OPEN_READWRITE).catch(() => null)
    if (db) {
      await all(db, 'PRAGMA schema_version').catch(() => undefined)
      await closeRaw(db)
    }
    if (existsSync(`${databasePath}-wal`)) throw inUse(databasePath)
  }
  // A -shm without its -wal is what a killed process left: nothing reads it.
  await rm(`${databasePath}-shm`, { force: true })
}

/**
 * Reads the closed, settled live file (settleSideFiles) on a connection of its own that can write, so
 * that closing it leaves no -wal or -shm beside it; null if it cannot be read.
 */
export async function readSettled<T>(databasePath: string, read: (db: ReturnType<typeof rawQueries>) => Promise<T>): Promise<T | null> {
  const db = await openRaw(databasePath, sqlite3.OPEN_READWRITE).catch(() => null)
  if (!db) return null
  try {
    return await read(rawQueries(db))
  } catch {
    return null
  } finally {
    await closeRaw(db)
  }
}

/** Keeps `from` at `to`: a hard link (the same bytes, nothing copied), else a copy made durable, else (a file nobody can read) moved. */
async function keep(from: string, to: string, mayMove: boolean): Promise<void> {
  try {
    await link(from, to)
    return
  } catch {
    // No hard links on this file system (FAT, some shares), or not allowed: copy it.
  }
  try {
    await copyFile(from, to, constants.COPYFILE_EXCL)
    await fsyncPath(to)
  } catch (error) {
    await rm(to, { force: true })
    if (!mayMove) throw error
    await rename(from, to)
  }
}

/** Writes the restore's audit entry into the checked copy, so that the copy and its entry go live in the same rename. */
async function auditInto(tempPath: string, entry: AuditInput): Promise<void> {
  const writer = await openReader(tempPath)
  try {
    await writer.query('PRAGMA query_only = OFF')
    await writer.transaction((manager) => writeAudit(manager, entry))
  } finally {
    await writer.destroy()
  }
}

/** A restore's audit entry: the backup (its name, when it was taken, its trail's head), what else the caller says, and where the replaced file is kept. */
export function restoreAuditEntry(restore: {
  id: string
  at: string
  actor: string
  backup: string
  header: BackupHeader
  keptAt: string | null
  changes?: Record<string, unknown>
}): AuditInput {
  const { header } = restore
  return {
    at: restore.at,
    actor: restore.actor,
    action: RESTORE_ACTION,
    recordType: 'database',
    recordId: restore.id,
    changes: { backup: restore.backup, takenAt: header.takenAt, backupHead: header.auditHead, ...restore.changes, keptAt: restore.keptAt }
  }
}

/** What a restore's finished line adds: where the replaced file is kept, and how many migrations the restored one had to run. */
export interface RestoreDone {
  keptAt: string | null
  migrated: number
}

/**
 * A restore in IT's log: restore.started, then restore.finished or restore.failed, each with the
 * restore's id (its audit entry's record id), `fields` (who asked, which file) and, when it ended, how
 * long it took. `work` answers its result and what the finished line adds.
 */
export async function loggedRestore<T>(
  log: Log,
  fields: Record<string, unknown>,
  work: (restore: { id: string; ms: () => number }) => Promise<{ result: T; done: RestoreDone }>
): Promise<T> {
  const id = randomUUID()
  const started = performance.now()
  const ms = () => Math.round(performance.now() - started)
  log.info('restore.started', { restoreId: id, ...fields })
  try {
    const { result, done } = await work({ id, ms })
    log.info('restore.finished', { restoreId: id, ...fields, ...done, ms: ms() })
    return result
  } catch (error) {
    log.error('restore.failed', { restoreId: id, ...fields, ...errorFields(error), ms: ms() })
    throw error
  }
}

export interface SwapOptions {
  databasePath: string
  kept: KeptAs
  at: Date
  /** The restore's audit entry, given where the replaced file is kept and the trail's head it had. */
  audit: (keptAt: string | null, replacedHead: AuditAnchor | null) => AuditInput
  onStep?: OnStep
}

/**
 * Swaps the checked copy in for the closed live database: keeps the live file (and, for a damaged one,
 * its -wal: it may hold the last saves) beside it, removes its -wal and -shm, then renames the copy
 * over the live path. Answers where the live file was kept (null when there was none). When it fails,
 * the copy is removed (the live file is as it was).
 */
export async function swapIn(checked: CheckedBackup, options: SwapOptions): Promise<{ keptAt: string | null }> {
  try {
    return await swap(checked, options)
  } catch (error) {
    await checked.discard()
    throw error
  }
}

async function swap(checked: CheckedBackup, options: SwapOptions): Promise<{ keptAt: string | null }> {
  const { databasePath, kept, onStep } = options
  const exists = existsSync(databasePath)
  // A sound database is settled (its log checkpointed into it); a damaged one is never opened.
  if (kept === 'replaced' && exists) await settleSideFiles(databasePath)
  // The live file's head, read before it is replaced, for the restore's audit entry.
  const replacedHead = kept === 'replaced' && exists ? await readSettled(databasePath, readAuditHead) : null
  await onStep?.('settled')
  const keptAt = exists ? keptPathFor(databasePath, kept, options.at) : null
  await auditInto(checked.tempPath, options.audit(keptAt, replacedHead))
  // The entry must be in the file itself: a -wal of the copy's would not follow it through the rename.
  for (const suffix of ['-wal', '-journal']) {
    if (existsSync(checked.tempPath + suffix)) throw new Error(`The checked copy's ${suffix} file was left beside it: the restore stopped before the swap.`)
  }
  if (keptAt) {
    await keep(databasePath, keptAt, kept === 'damaged')
    if (kept === 'damaged' && existsSync(`${databasePath}-wal`)) await keep(`${databasePath}-wal`, `${keptAt}-wal`, true)
    await fsyncFolder(databasePath)
  }
  await onStep?.('kept')
  // The old file's log must not meet the new file: gone before the rename, never after. A damaged file's
  // (kept above) is removed; beside a sound one, settled above, a log now is another program's: stop.
  if (kept === 'damaged') for (const suffix of ['-wal', '-shm', '-journal']) await unlink(databasePath + suffix).catch(() => undefined)
  for (const suffix of ['-wal', '-shm', '-journal']) if (existsSync(databasePath + suffix)) throw inUse(databasePath)
  // A program that opened the old file and has not read it yet would, reading after the swap, write the
  // old file's pages into a -wal beside the new one (./openElsewhere says why nothing else shows it).
  if (exists && (await processesHolding(databasePath)).length) throw inUse(databasePath)
  await fsyncPath(checked.tempPath)
  try {
    await rename(checked.tempPath, databasePath)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? ''
    // Windows refuses to replace a file another program holds open.
    if (['EBUSY', 'EPERM', 'EACCES'].includes(code)) throw inUse(databasePath)
    throw error
  }
  // One that started reading in the moment between that check and the rename: its log is the old file's, so the old file goes back.
  if (keptAt && ['-wal', '-shm', '-journal'].some((suffix) => existsSync(databasePath + suffix))) {
    await rename(keptAt, databasePath)
    await fsyncFolder(databasePath)
    throw inUse(databasePath)
  }
  await fsyncFolder(databasePath)
  await onStep?.('swapped')
  return { keptAt }
}

const restoring = new Set<string>()

/**
 * Whether a restore of this database is under way in this process (from its first check to the
 * reopening): a backup started meanwhile would read the database about to be replaced, and its run
 * would be lost with it, so BackupService refuses to start one.
 */
export const restoreUnderWay = (databasePath: string): boolean => restoring.has(resolve(databasePath))

/** One restore of a database at a time in this process (a second would swap under the first). Marked before `work` first waits. */
export async function oneRestoreAtATime<T>(databasePath: string, work: () => Promise<T>): Promise<T> {
  const path = resolve(databasePath)
  if (restoring.has(path)) throw new AppError('CONFLICT', 'A backup is already being restored. Wait for it to finish.')
  restoring.add(path)
  try {
    return await work()
  } finally {
    restoring.delete(path)
  }
}
