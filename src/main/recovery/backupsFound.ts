// The backup a restore names, and what the recovery screen says of the folder's backups (the backup
// folder itself is read by ../backup/folder: the folder, not the database, says what there is).
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { BackupFile } from '../../shared/backup/schemas'
import type { BackupSettings } from '../core/config'
import { AppError } from '../core/errors'
import { loadBackupKey, readBackupHeader, type BackupKey } from '../backup/crypto'
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

/**
 * The newest backup this machine's key can restore, how old it is, and the hub it is of; none when the
 * folder cannot be read. `hubCode`: the hub the database is, where it can be known (only its backups
 * count); null: any hub's, and the caller shows whose it is (a share may hold several hubs' backups).
 */
export async function newestBackup(
  settings: BackupSettings,
  databasePath: string,
  now: Date,
  hubCode: string | null
): Promise<{ file: BackupFile | null; ageHours: number | null; hubCode: string | null }> {
  const key = existingKey(settings, databasePath)
  const folder = backupFolderFor(settings, databasePath)
  const files = await listBackups(folder, { keyId: key?.keyId ?? null, hubCode }).catch(() => [])
  const file = newestGood(files)
  if (!file) return { file: null, ageHours: null, hubCode: null }
  const of =
    hubCode ??
    (await readBackupHeader(join(folder, file.fileName)).then(
      ({ header }) => header.hubCode || null,
      () => null
    ))
  return { file, ageHours: ageInHours(file, now), hubCode: of }
}
