// `restore <backup>` on the command line: IT restores a backup with the key it holds, on the machine
// itself, while the app is closed. The backup is decrypted and checked as the app checks it; the
// database it replaces is kept beside it (as `.replaced-` when it was sound, `.damaged-` when opening
// would have refused it); then the restored database is opened once, which upgrades it if it is older
// (after its own pre-migration copy). A database in use, from a newer Casebook, on a network drive or
// not Casebook's is refused and left as it was. Exit code 0 restored, 1 not.
import { existsSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { BACKUP_FILE_NAME } from '../../shared/backup/schemas'
import { loadBackupKey } from '../backup/crypto'
import { backupFolderFor } from '../backup/folder'
import { loggedRestore, prepareRestore, readSettled, restoreAuditEntry, settleSideFiles, swapIn, type KeptAs } from '../backup/restore'
import { openCasebook } from '../core/casebook'
import type { BackupSettings, DatabaseSource } from '../core/config'
import { AppError } from '../core/errors'
import { checkDatabaseFile, OpeningRefusal } from '../core/opening'
import { hubCodeIn } from '../hub/code'
import type { Log } from '../log/log'
import { hubCodeOfFile } from './hubOfFile'

export interface RestoreCommandOptions {
  /** The backup as IT named it: a path, or the name of a file in the backup folder. */
  file: string
  databasePath: string
  source: DatabaseSource
  settings: BackupSettings
  /** A key file for this restore instead of the machine's (a backup made with another key). */
  keyFile?: string
  /** Who ran it, for the audit trail (cli:<user name>). */
  actor: string
  log: Log
  out: (line: string) => void
}

/** What to do with the database a restore would replace: keep it as sound or as damaged, or refuse. */
async function whatIsThere(databasePath: string, source: DatabaseSource): Promise<KeptAs | null> {
  try {
    const check = await checkDatabaseFile(databasePath, 'existing', source)
    await check.tidy()
    return 'replaced'
  } catch (error) {
    if (!(error instanceof OpeningRefusal)) throw error
    switch (error.kind) {
      case 'missing':
        if (existsSync(resolve(databasePath, '..'))) return null
        throw error
      case 'damaged':
      case 'notDatabase':
      case 'empty':
      case 'unfinished':
      case 'unreadable':
        return 'damaged'
      case 'newer':
        throw new AppError(
          'CONFLICT',
          `${error.message} A backup was not restored over it: that would lose everything saved with the newer version. If that is what you want, move the file away first.`
        )
      default:
        throw error
    }
  }
}

/** The backup IT named: the path given, else a file of that name in the backup folder. */
function namedBackup(file: string, settings: BackupSettings, databasePath: string): string {
  const given = resolve(file)
  if (existsSync(given)) return given
  const inFolder = join(backupFolderFor(settings, databasePath), basename(file))
  if (BACKUP_FILE_NAME.test(basename(file)) && existsSync(inFolder)) return inFolder
  throw new AppError(
    'NOT_FOUND',
    `There is no backup at ${given}, nor one named ${basename(file)} in the backup folder (${backupFolderFor(settings, databasePath)}).`
  )
}

/**
 * The hub the database a restore would replace is: read on the file itself once it is settled (sound),
 * from a copy when opening refused it (damaged), none when there is no file.
 */
async function hubCodeOfReplaced(databasePath: string, kept: KeptAs | null): Promise<string | null> {
  if (kept === 'replaced') return readSettled(databasePath, hubCodeIn)
  return kept === 'damaged' ? hubCodeOfFile(databasePath) : null
}

export async function restoreCommand(options: RestoreCommandOptions): Promise<number> {
  const { databasePath, settings, log, out } = options
  try {
    return await loggedRestore(log, { file: basename(options.file), by: 'command line' }, async (restore) => {
      const backupPath = namedBackup(options.file, settings, databasePath)
      const key = options.keyFile
        ? loadBackupKey({ ...settings, key: null, keyFile: resolve(options.keyFile) }, databasePath, false)
        : loadBackupKey(settings, databasePath, false)
      const kept = await whatIsThere(databasePath, options.source)
      // Refused before the long part when another program has it open; checked again at the swap.
      if (kept === 'replaced') await settleSideFiles(databasePath)
      // Only this hub's backup goes over this hub's database; with no hub to be read (none there, or damaged past reading) any hub's, named below.
      const hubCode = await hubCodeOfReplaced(databasePath, kept)
      const checked = await prepareRestore({ backupPath, databasePath, key, hubCode })
      const { keptAt } = await swapIn(checked, {
        databasePath,
        kept: kept ?? 'replaced',
        at: new Date(),
        audit: (keptAt, replacedHead) =>
          restoreAuditEntry({
            id: restore.id,
            at: new Date().toISOString(),
            actor: options.actor,
            backup: basename(backupPath),
            header: checked.header,
            keptAt,
            changes: { replacedHead }
          })
      })
      out(`Restored the backup taken ${checked.header.takenAt} (${basename(backupPath)}) to ${databasePath}.`)
      if (!hubCode)
        out(
          `It is a backup of ${checked.header.hubCode ? `hub ${checked.header.hubCode}` : 'a database with no hub code'}: no hub could be read in the database it replaced, so check it is this desk’s.`
        )
      if (keptAt) out(`The database it replaced${kept === 'damaged' ? ' (damaged)' : ''} is kept at ${keptAt}.`)
      // Opened once: an older backup is upgraded now, after its own pre-migration copy, not at the app's next start.
      const casebook = await openCasebook({ databasePath, mode: 'existing', source: options.source, log, backup: settings })
      const upgradedFrom = casebook.backupPath
      await casebook.close()
      if (upgradedFrom) out(`It was made by an earlier version of Casebook and has been upgraded (a copy from before the upgrade: ${upgradedFrom}).`)
      return { result: 0, done: { keptAt, migrated: checked.behind } }
    })
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    out(error.message)
    return 1
  }
}
