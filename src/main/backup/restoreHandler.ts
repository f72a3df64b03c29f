// backup.restore: an administrator restores a backup from the backup folder over the open database.
// The backup is decrypted and checked while the app carries on; then the core closes its connections,
// the checked copy is swapped in (the database it replaces kept beside it), and the core opens it
// again, migrating it if it is older. Every window is signed out. The restore's audit entry is written
// into the checked copy just before the swap, so the restored database goes live with it (a restore
// killed between the swap and a later write would otherwise be on no trail).
import type { RestoreResult } from '../../shared/backup/schemas'
import { databaseControl } from '../core/casebook'
import type { CallContext } from '../core/context'
import { AppError } from '../core/errors'
import { hubCodeIn } from '../hub/code'
import { loadBackupKey } from './crypto'
import { backupPathOf } from './folder'
import { loggedRestore, oneRestoreAtATime, prepareRestore, restoreAuditEntry, swapIn } from './restore'
import { refuseOnSharedDatabase } from './sharedDatabase'

export const restoreHandler = async (input: { fileName: string }, ctx: CallContext): Promise<RestoreResult> => {
  refuseOnSharedDatabase(ctx, 'restore it')
  const { core } = ctx
  const control = databaseControl(core)
  if (!control) throw new AppError('UNAVAILABLE', 'Casebook opened this database read-only, so a backup cannot be restored over it.')
  // Marked as under way before anything waits: from here BackupService refuses to start a backup (restoreUnderWay).
  return oneRestoreAtATime(core.databasePath, async () => {
    const backupPath = await backupPathOf(core.backupSettings, core.databasePath, input.fileName)
    // Its copy is read from the live database: the swap would find it in use, after the long part.
    refuseWhileBackingUp()
    return loggedRestore(core.log, { file: input.fileName, by: 'backups screen' }, async (restore) => {
      const key = loadBackupKey(core.backupSettings, core.databasePath, false)
      const hubCode = await hubCodeIn(core.db).catch(() => null)
      const checked = await prepareRestore({ backupPath, databasePath: core.databasePath, key, hubCode })
      core.log.info('restore.checked', { restoreId: restore.id, auditEntries: checked.auditEntries, migrationsToRun: checked.behind, ms: restore.ms() })
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
              const { header } = checked
              return restoreAuditEntry({
                id: restore.id,
                at: restoredAt,
                actor: ctx.actor.name,
                backup: input.fileName,
                header,
                keptAt,
                changes: { replacedHead }
              })
            }
          })
        })
        // swapIn removes the copy when it fails; this is for a refusal before it runs (a backup started, Casebook closing).
        .catch(async (error: unknown) => {
          await checked.discard()
          throw error
        })
      return { result: { restoredFrom: input.fileName, replacedKeptAt: keptAt ?? '', restoredAt }, done: { keptAt, migrated: checked.behind } }
    })
  })

  function refuseWhileBackingUp(): void {
    if (core.backups.current()) throw new AppError('CONFLICT', 'A backup is being taken now. Restore when it has finished. Nothing was changed.')
  }
}
