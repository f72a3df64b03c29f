import { defineHandlers } from '../core/router'
import type { Core } from '../core/context'
import { exportSeriesFolders } from '../export/exporter'
import { verifyAuditTrail } from './verify'
import { backupFolderFor } from '../backup/folder'
import { heldBackupKey } from '../backup/crypto'
import type { AnchorPlaces } from './anchors'
import { listAudit } from './list'

/** Where this core's backups and packages are: the anchors outside the database. */
const anchorPlaces = (core: Core): AnchorPlaces => ({
  backupFolder: backupFolderFor(core.backupSettings, core.databasePath),
  exportFolders: exportSeriesFolders(core.exportFolder),
  backupKey: heldBackupKey(core.backupSettings, core.databasePath)
})

export const auditHandlers = defineHandlers({
  'audit.verify': (_input, { core }) => verifyAuditTrail(core.db, anchorPlaces(core)),
  'audit.list': listAudit
})
