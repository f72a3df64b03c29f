import { join } from 'node:path'
import { defineHandlers } from '../core/router'
import type { Core } from '../core/context'
import { PSEUDONYMISED_FOLDER } from '../export/exporter'
import { verifyAuditTrail } from './verify'
import { backupFolderFor } from '../backup/folder'
import { heldBackupKey } from '../backup/crypto'
import type { AnchorPlaces } from './anchors'
import { listAudit } from './list'

/** Where this core's backups and packages are: the anchors outside the database. */
const anchorPlaces = (core: Core): AnchorPlaces => ({
  backupFolder: backupFolderFor(core.backupSettings, core.databasePath),
  exportFolders: core.exportFolder ? [core.exportFolder, join(core.exportFolder, PSEUDONYMISED_FOLDER)] : [],
  backupKey: heldBackupKey(core.backupSettings, core.databasePath)
})

export const auditHandlers = defineHandlers({
  'audit.verify': (_input, { core }) => verifyAuditTrail(core.db, anchorPlaces(core)),
  'audit.list': listAudit
})
