// The backup taken before migrations change an existing database: the same online copy, check and
// encryption as every backup (reason 'before-upgrade'), taken while the database is still at its old
// version. backup_run may not exist yet (it came with a migration), so the run is recorded once the
// migrations have run (recordBeforeUpgrade). If IT's backup folder cannot be reached, the backup goes
// to the default folder beside the database instead: an upgrade is never made without one, and the
// app is not kept from starting by a share that is down.
import { randomUUID } from 'node:crypto'
import { dirname, join } from 'node:path'
import type { AuditAnchor } from '../../shared/backup/schemas'
import { SYSTEM_ACTOR_LABEL } from '../../shared/accounts/systemActor'
import type { BackupSettings } from '../core/config'
import { AppError } from '../core/errors'
import type { WriteQueue } from '../core/writeQueue'
import type { Log } from '../log/log'
import { errorFields } from '../log/log'
import { loadBackupKey } from './crypto'
import { backupFolderFor, copyPathFor, DEFAULT_BACKUP_FOLDER, folderProblem, freeName, removeRunFiles, writeBackupFile } from './folder'
import { checkCopy, copyDatabase } from './sqliteBackup'
import { recordFinishedRun } from './runs'

export interface BeforeUpgradeBackup {
  path: string
  folder: string
  fileName: string
  takenAt: string
  finishedAt: string
  bytes: number
  sha256: string
  keyId: string
  auditHead: AuditAnchor | null
  ms: number
  /** IT's folder, when it could not be reached and the default folder was used instead. */
  unreachableFolder: string | null
}

/** Backs up the database at `databasePath` before it is migrated; throws (so nothing is migrated) if no backup could be written. */
export async function backupBeforeUpgrade(databasePath: string, settings: BackupSettings, now: () => Date): Promise<BeforeUpgradeBackup> {
  try {
    return await backUp(databasePath, settings, now)
  } catch (error) {
    const why = error instanceof AppError ? error.message : `The backup failed (${String((error as { code?: unknown }).code ?? 'error')}).`
    throw new AppError(
      'UNAVAILABLE',
      `Casebook did not upgrade the database ${databasePath}: it takes a backup first, and could not. ${why} The database is unchanged.`
    )
  }
}

async function backUp(databasePath: string, settings: BackupSettings, now: () => Date): Promise<BeforeUpgradeBackup> {
  const started = performance.now()
  const takenAt = now()
  const key = loadBackupKey(settings, databasePath, true)
  const runId = `before-upgrade-${randomUUID()}`
  const copy = copyPathFor(databasePath, runId)
  const configured = backupFolderFor(settings, databasePath)
  const fallback = join(dirname(databasePath), DEFAULT_BACKUP_FOLDER)
  const problems: string[] = []
  try {
    await copyDatabase(databasePath, copy)
    const facts = await checkCopy(copy)
    for (const folder of configured === fallback ? [configured] : [configured, fallback]) {
      const problem = await folderProblem(folder, databasePath)
      if (problem) {
        problems.push(problem)
        continue
      }
      const fileName = freeName(folder, facts.hubCode, takenAt)
      try {
        const written = await writeBackupFile({ copy, facts, folder, fileName, key, takenAt, reason: 'before-upgrade' })
        return {
          path: join(folder, fileName),
          folder,
          fileName,
          takenAt: takenAt.toISOString(),
          finishedAt: now().toISOString(),
          bytes: written.bytes,
          sha256: written.sha256,
          keyId: key.keyId,
          auditHead: facts.auditHead,
          ms: Math.round(performance.now() - started),
          unreachableFolder: folder === configured ? null : configured
        }
      } catch (error) {
        problems.push(`The backup could not be written to ${folder} (${String((error as { code?: unknown }).code ?? 'error')}).`)
      }
    }
  } finally {
    await removeRunFiles(databasePath, runId)
  }
  throw new AppError('UNAVAILABLE', problems.join(' '))
}

/** The before-upgrade backup's run, in the migrated database's history (with its audit entry), and in IT's log. */
export async function recordBeforeUpgrade(writes: WriteQueue, backup: BeforeUpgradeBackup, log: Log): Promise<void> {
  if (backup.unreachableFolder)
    log.warn('backup.folder-unreachable', { reason: 'before-upgrade', folder: backup.unreachableFolder, usedInstead: backup.folder })
  log.info('backup.finished', { reason: 'before-upgrade', file: backup.fileName, bytes: backup.bytes, ms: backup.ms })
  try {
    await recordFinishedRun(writes, {
      id: randomUUID(),
      reason: 'before-upgrade',
      userId: null,
      folder: backup.folder,
      fileName: backup.fileName,
      at: backup.takenAt,
      finishedAt: backup.finishedAt,
      actor: SYSTEM_ACTOR_LABEL,
      bytes: backup.bytes,
      sha256: backup.sha256,
      keyId: backup.keyId,
      auditHead: backup.auditHead
    })
  } catch (error) {
    // The file is in the folder, which is what a restore reads; only the history lacks it.
    log.error('backup.record-failed', { reason: 'before-upgrade', file: backup.fileName, ...errorFields(error) })
  }
}
