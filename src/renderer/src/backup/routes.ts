// The Backups screen's addresses (#/backups, and the confirmation before restoring one of them). router.ts joins them to the app's.
import { BACKUP_FILE_NAME } from '../../../shared/backup/schemas'

export type BackupRoute = { name: 'backups' } | { name: 'restoreBackup'; fileName: string }

/** The route for what follows #/backups, or null when it is none of the backups'. */
export function parseBackupRoute(parts: string[]): BackupRoute | null {
  if (parts.length === 0) return { name: 'backups' }
  // A backup's name needs no escaping (letters, digits, dashes and its extension), so it is matched as it stands.
  const fileName = parts[1] ?? ''
  if (parts[0] === 'restore' && parts.length === 2 && BACKUP_FILE_NAME.test(fileName)) return { name: 'restoreBackup', fileName }
  return null
}

export const backupsHref = '#/backups'
export const restoreHref = (fileName: string) => `#/backups/restore/${fileName}`
