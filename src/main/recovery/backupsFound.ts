// The backup a restore names, and what the recovery screen says of the folder's backups (the backup
// folder itself is read by ../backup/folder: the folder, not the database, says what there is).
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { BackupFile } from '../../shared/backup/schemas'
import type { BackupSettings } from '../core/config'
import { AppError } from '../core/errors'
import { loadBackupKey, type BackupKey } from '../backup/crypto'
import { backupFolderFor, listBackups, newestGood } from '../backup/folder'

/** The key that decrypts this machine's backups, or null when there is none to be had (reading never makes one). */
export function existingKey(settings: BackupSettings, databasePath: string): BackupKey | null {
  try {
    return loadBackupKey(settings, databasePath, false)
  } catch {
    return null
  }
}

export const ageInHours = (file: BackupFile, now: Date) => Math.max(0, Math.round(((now.getTime() - Date.parse(file.takenAt)) / 3_600_000) * 10) / 10)

/** The backup file a window named, in the backup folder; refused when there is no such file. */
export async function backupPathOf(settings: BackupSettings, databasePath: string, fileName: string): Promise<string> {
  const folder = backupFolderFor(settings, databasePath)
  const path = join(folder, fileName)
  const found = await stat(path).then(
    (s) => s.isFile(),
    () => false
  )
  if (!found) throw new AppError('NOT_FOUND', `There is no backup named ${fileName} in the backup folder (${folder}). Choose one from the list.`)
  return path
}

/** The newest backup this machine's key can restore, and how old it is; none when the folder cannot be read. */
export async function newestBackup(settings: BackupSettings, databasePath: string, now: Date): Promise<{ file: BackupFile | null; ageHours: number | null }> {
  const key = existingKey(settings, databasePath)
  const files = await listBackups(backupFolderFor(settings, databasePath), { keyId: key?.keyId ?? null }).catch(() => [])
  const file = newestGood(files)
  return { file, ageHours: file ? ageInHours(file, now) : null }
}
