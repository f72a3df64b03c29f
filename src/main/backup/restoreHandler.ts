// backup.restore: an administrator restores a backup from the backup folder over the open database.
// The backup is decrypted and checked while the app carries on; then the core closes its connections,
// the checked copy is swapped in (the database it replaces kept beside it), and the core opens it
// again, migrating it if it is older. Every window is signed out. The restore's audit entry is written
// into the checked copy just before the swap, so the restored database goes live with it (a restore
// killed between the swap and a later write would otherwise be on no trail).
import { randomUUID } from 'node:crypto'
import type { RestoreResult } from '../../shared/backup/schemas'
import { RESTORE_ACTION } from '../audit/verify'
import { databaseControl } from '../core/casebook'
import type { CallContext } from '../core/context'
import { AppError } from '../core/errors'
import { errorFields } from '../log/log'
import { backupPathOf } from '../recovery/backupsFound'
import { loadBackupKey } from './crypto'
import { hubCodeOf, oneRestoreAtATime, prepareRestore, swapIn } from './restore'

export const restoreHandler = async (input: { fileName: string }, ctx: CallContext): Promise<RestoreResult> => {
  const { core } = ctx
  const control = databaseControl(core)
  if (!control) throw new AppError('UNAVAILABLE', 'Casebook opened this database read-only, so a backup cannot be restored over it.')
  // Marked as under way before anything waits: from here BackupService refuses to start a backup (restoreUnderWay).
  return oneRestoreAtATime(core.databasePath, async () => {
    const backupPath = await backupPathOf(core.backupSettings, core.databasePath, input.fileName)
    // Its copy is read from the live database: the swap would find it in use, after the long part.
    refuseWhileBackingUp()
    const restoreId = randomUUID()
    const started = performance.now()
    const ms = () => Math.round(performance.now() - started)
    core.log.info('restore.started', { restoreId, file: input.fileName, by: 'backups screen' })
    try {
      const key = loadBackupKey(core.backupSettings, core.databasePath, false)
      const checked = await prepareRestore({ backupPath, databasePath: core.databasePath, key, hubCode: await hubCodeOf(core.db) })
      core.log.info('restore.checked', { restoreId, auditEntries: checked.auditEntries, migrationsToRun: checked.behind, ms: ms() })
      let restoredAt = ctx.now
      const { keptAt } = await control
        .replace(() => {
          // Checked again at the last moment: one started while the copy was checked reads the database about to go.
          refuseWhileBackingUp()
          return swapIn(checked, {
            databasePath: core.databasePath,
            kept: 'replaced',
            at: core.clock.now(),
            audit: (keptAt, replacedHead) => {
              // The moment of the swap: backups taken before it describe the database it replaced.
              restoredAt = core.clock.now().toISOString()
              return {
                at: restoredAt,
                actor: ctx.actor.name,
                action: RESTORE_ACTION,
                recordType: 'database',
                recordId: restoreId,
                changes: { backup: input.fileName, takenAt: checked.header.takenAt, backupHead: checked.header.auditHead, replacedHead, keptAt }
              }
            }
          })
        })
        .catch(async (error: unknown) => {
          await checked.discard()
          throw error
        })
      core.log.info('restore.finished', { restoreId, file: input.fileName, keptAt, migrated: checked.behind, ms: ms() })
      return { restoredFrom: input.fileName, replacedKeptAt: keptAt ?? '', restoredAt }
    } catch (error) {
      core.log.error('restore.failed', { restoreId, file: input.fileName, ...errorFields(error), ms: ms() })
      throw error
    }
  })

  function refuseWhileBackingUp(): void {
    if (core.backups.current()) throw new AppError('CONFLICT', 'A backup is being taken now. Restore when it has finished. Nothing was changed.')
  }
}
