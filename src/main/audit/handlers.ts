import { defineHandlers } from '../core/router'
import type { Core } from '../core/context'
import { exportSeriesFolders } from '../export/exporter'
import { verifyAuditTrail } from './verify'
import { backupFolderFor } from '../backup/folder'
import { heldBackupKey } from '../backup/crypto'
import type { AnchorPlaces } from './anchors'
import { listAudit } from './list'
import { dialectOf } from '../core/dialect'

/**
 * Where this core's backups and packages are: the anchors outside the database. A shared database has
 * no file for backups to sit beside (its "path" is the server's address), so there only a backup
 * folder and key IT names are read: a hub moved there from one desk keeps its old backups' anchors
 * that way, the trail on the server being the file's.
 */
export function anchorPlacesOf(core: Core): AnchorPlaces {
  const settings = core.backupSettings
  const onFile = dialectOf(core.db) === 'sqlite'
  return {
    backupFolder: onFile || settings.folder ? backupFolderFor(settings, core.databasePath) : null,
    exportFolders: exportSeriesFolders(core.exportFolder),
    backupKey: onFile || settings.key || settings.keyFile ? heldBackupKey(settings, core.databasePath) : null
  }
}

export const auditHandlers = defineHandlers({
  'audit.verify': (_input, { core }) => verifyAuditTrail(core.db, anchorPlacesOf(core)),
  'audit.list': listAudit
})
