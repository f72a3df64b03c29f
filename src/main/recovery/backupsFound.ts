// What the recovery screen says of the folder's backups (the backup folder itself is read by
// ../backup/folder: the folder, not the database, says what there is).
import { join } from 'node:path'
import type { BackupFile } from '../../shared/backup/schemas'
import type { BackupSettings } from '../core/config'
import { heldBackupKey, readBackupHeader } from '../backup/crypto'
import { ageInHours, backupFolderFor, listBackups, newestGood } from '../backup/folder'

// For ../backup/handlers.ts until it imports these from their homes (its owner's edit): remove then.
export { ageInHours } from '../backup/folder'
export { heldBackupKey as existingKey } from '../backup/crypto'

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
  const key = heldBackupKey(settings, databasePath)
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
