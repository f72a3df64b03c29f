// The app's way of opening its database: a normal core when the file opens as it should, else a
// recovery core, never a dialog or a blank window. A recovery core answers the recovery channels
// (what happened, the newest good backup, restore it, open what can be read) and every other channel
// UNAVAILABLE. Restoring there swaps the backup in (the damaged file kept beside it) and the core
// becomes a normal one; opening what can be read puts a read-only core over a copy of the damaged
// file, where a window signs in as usual. The file that could not be opened is never written to.
import { existsSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { isChannel } from '../../shared/contract'
import type { RecoveryProblem, RecoveryStatus } from '../../shared/recovery/schemas'
import { loggedRestore, oneRestoreAtATime, prepareRestore, restoreAuditEntry, swapIn } from '../backup/restore'
import { keyBesideDatabase, loadBackupKey } from '../backup/crypto'
import { backupFolderFor, backupPathOf } from '../backup/folder'
import { openCasebook, type Casebook, type Connection, type OpenOptions } from '../core/casebook'
import { systemClock } from '../core/clock'
import { DEFAULT_BACKUP_SETTINGS } from '../core/config'
import { AppError } from '../core/errors'
import { checkDatabaseFile, OpeningRefusal, storageProblem } from '../core/opening'
import { answer } from '../core/router'
import { errorFields, silentLog } from '../log/log'
import { checkAdministrator, RestoreAttempts } from './administrator'
import { newestBackup } from './backupsFound'
import { hubCodeOfFile } from './hubOfFile'
import { copyForReading, type ReadOnlyCopy } from './readOnlyCopy'

/** What went wrong at opening, as the recovery screen tells it, and the ways back it offers. */
export interface Trouble {
  problem: RecoveryProblem
  message: string
  canRestore: boolean
  canOpenReadOnly: boolean
}

/** How each refusal of the file (./opening) is told, and what it offers. */
function troubleOf(error: unknown, databasePath: string): Trouble {
  const refused = (problem: RecoveryProblem, message: string, canRestore: boolean, canOpenReadOnly = false): Trouble => ({
    problem,
    message,
    canRestore,
    canOpenReadOnly
  })
  if (!(error instanceof OpeningRefusal)) {
    const text = `${String((error as { code?: unknown })?.code ?? '')} ${error instanceof Error ? error.message : String(error)}`
    return refused('unreadable', storageProblem(databasePath, text), false)
  }
  switch (error.kind) {
    case 'damaged':
      return refused('damaged', error.message, true, true)
    // A header that is not SQLite's, a file cut to nothing, a database with nothing in it: damage, with nothing to read.
    case 'notDatabase':
      return refused(
        'damaged',
        `The file at ${databasePath} is not a database: its first bytes are not a database's. It may be damaged, or another file may have been put in its place. Nothing was changed. Restore a backup, or ask IT to look at it.`,
        true
      )
    case 'empty':
      return refused('damaged', `The database file at ${databasePath} is empty (0 bytes): what was in it is gone. Nothing was changed. Restore a backup.`, true)
    case 'unfinished':
      return refused(
        'damaged',
        `The database at ${databasePath} has nothing in it. What was saved in it may have been in the file beside it that ends in -wal, which is missing (or was not copied with it). Nothing was changed. Restore a backup, or ask IT to look for that file.`,
        true
      )
    case 'unreadable':
      return refused('unreadable', error.message, true)
    // A restore makes the database where IT said it is: offered when its folder is there.
    case 'missing':
      return refused('missing', error.message, existsSync(dirname(databasePath)))
    // A restore would lose a newer Casebook's work; on a network drive the restored file would be as unsafe.
    case 'newer':
      return refused('newer', error.message, false)
    case 'network':
      return refused('network', error.message, false)
    // The path names something that is not Casebook's (a folder, another application's database): IT's setting is wrong.
    default:
      return refused('unreadable', error.message, false)
  }
}

const UNAVAILABLE = {
  code: 'UNAVAILABLE',
  message: 'Casebook could not open its database, so nothing can be read or saved until a backup is restored or IT puts it right. Nothing was saved.'
} as const
const CLOSING = { code: 'UNAVAILABLE', message: 'Casebook is closing.' } as const

type Phase = { kind: 'recovery' } | { kind: 'readOnlyCopy'; copy: ReadOnlyCopy; casebook: Casebook } | { kind: 'restored'; casebook: Casebook }

/** A database file this small has no tables in it: set up afresh, unless it had backups (see below). */
const NEARLY_EMPTY_BYTES = 64 * 1024

/**
 * Opens the database as the app does: a normal core, or (when the file was refused or failed to open) a
 * recovery core. A desk's own database (mode create) that has nothing in it but has backups is not
 * set up afresh: its saves were in a -wal file that is gone, and the backups are the way back.
 */
export async function openCasebookOrRecovery(options: OpenOptions): Promise<Casebook> {
  try {
    if (options.mode === 'create' && nearlyEmpty(options.databasePath)) {
      const settings = options.backup ?? DEFAULT_BACKUP_SETTINGS
      const emptied = await checkDatabaseFile(options.databasePath, 'existing', options.source).then(
        (check) => check.tidy().then(() => null),
        (refusal: unknown) => (refusal instanceof OpeningRefusal && refusal.kind === 'unfinished' ? refusal : null)
      )
      // Its hub row was in the lost -wal: only the hub it was being set up as (when given) says whose backups count.
      if (emptied && (await newestBackup(settings, options.databasePath, new Date(), options.hub?.code ?? null)).file) return recoveryCasebook(options, emptied)
    }
    return await openCasebook(options)
  } catch (error) {
    return recoveryCasebook(options, error)
  }
}

function nearlyEmpty(path: string): boolean {
  try {
    return statSync(path).size < NEARLY_EMPTY_BYTES
  } catch {
    return false
  }
}

/** A core for a database that could not be opened (`error` says why). */
export function recoveryCasebook(options: OpenOptions, error: unknown): Casebook {
  const databasePath = options.databasePath
  const clock = options.clock ?? systemClock
  const log = options.log ?? silentLog
  const settings = options.backup ?? DEFAULT_BACKUP_SETTINGS
  let trouble = troubleOf(error, databasePath)
  const attempts = new RestoreAttempts()
  let phase: Phase = { kind: 'recovery' }
  let closed = false
  log.warn('recovery.opened', { path: databasePath, problem: trouble.problem, ...errorFields(error) })
  // Read once, from a copy (one on a network drive is not copied across it: no restore is offered there).
  let hub: Promise<string | null> | null = null
  const hubCode = () => (hub ??= trouble.problem === 'network' ? Promise.resolve(null) : hubCodeOfFile(databasePath))

  async function status(): Promise<RecoveryStatus> {
    const newest = await newestBackup(settings, databasePath, clock.now(), await hubCode())
    return {
      state: phase.kind === 'readOnlyCopy' ? 'readOnlyCopy' : 'recovery',
      problem: trouble.problem,
      message: trouble.message,
      databasePath,
      newestBackup: newest.file,
      newestBackupAgeHours: newest.ageHours,
      newestBackupHubCode: newest.hubCode,
      hubCode: await hubCode(),
      canRestore: trouble.canRestore,
      canOpenReadOnly: trouble.canOpenReadOnly
    }
  }

  async function openReadOnly(): Promise<RecoveryStatus> {
    if (phase.kind === 'readOnlyCopy') return status()
    if (!trouble.canOpenReadOnly)
      throw new AppError('CONFLICT', 'There is nothing Casebook can read in this file, so it cannot be opened read-only. Restore a backup instead.')
    let copy: ReadOnlyCopy
    try {
      copy = await copyForReading(databasePath)
    } catch (copyError) {
      log.error('recovery.read-only-failed', { path: databasePath, ...errorFields(copyError) })
      const code = (copyError as NodeJS.ErrnoException).code ?? String(copyError)
      throw new AppError(
        'UNAVAILABLE',
        `Casebook could not copy ${databasePath} to read it (${code}). The file was not changed. Ask IT to check the disk has space.`
      )
    }
    try {
      // The copy sits in a folder of its own: backups are still the real database's, in its folder and under its key.
      const backup = {
        ...settings,
        folder: backupFolderFor(settings, databasePath),
        keyFile: settings.key ? null : (settings.keyFile ?? keyBesideDatabase(databasePath))
      }
      const casebook = await openCasebook({ ...options, backup, mode: 'readOnly', databasePath: copy.path, openWith: copy.open })
      phase = { kind: 'readOnlyCopy', copy, casebook }
    } catch (openError) {
      await copy.remove()
      log.error('recovery.read-only-failed', { path: databasePath, ...errorFields(openError) })
      const why = openError instanceof Error ? openError.message : String(openError)
      throw new AppError('UNAVAILABLE', `Nothing could be read from ${databasePath} (${why}). The file was not changed. Restore a backup instead.`)
    }
    log.info('recovery.read-only-opened', { path: databasePath })
    return status()
  }

  async function restore(input: { username: string; password: string; fileName: string }) {
    if (!trouble.canRestore) {
      const why =
        trouble.problem === 'newer'
          ? 'This database was made by a newer Casebook: restoring a backup over it would lose everything saved with that version. Install the newer Casebook instead.'
          : trouble.problem === 'network'
            ? 'The database is on a network drive: IT must move it to this desk’s own disk first.'
            : 'Casebook will not restore a backup over this file. Ask IT to look at it.'
      throw new AppError('CONFLICT', `${why} Nothing was changed.`)
    }
    attempts.refuseIfWaiting(input.username, clock.now().getTime())
    const backupPath = await backupPathOf(settings, databasePath, input.fileName)
    return oneRestoreAtATime(databasePath, () =>
      loggedRestore(log, { file: input.fileName, by: 'recovery screen', problem: trouble.problem }, async (restore) => {
        const key = loadBackupKey(settings, databasePath, false)
        const checked = await prepareRestore({
          backupPath,
          databasePath,
          key,
          hubCode: await hubCode(),
          authorise: async (tempPath) => {
            try {
              await checkAdministrator(tempPath, input.username, input.password)
            } catch (refusal) {
              attempts.failed(input.username, clock.now().getTime())
              throw refusal
            }
            attempts.succeeded(input.username)
          }
        })
        let restoredAt = clock.now().toISOString()
        // Windows on the copy are signed out with it: the copy is gone, and the restored database is another.
        // (swapIn removes the checked copy when it fails; this is for a failure before it runs.)
        if (phase.kind === 'readOnlyCopy')
          await leaveCopy(phase).catch(async (error: unknown) => {
            await checked.discard()
            throw error
          })
        const { keptAt } = await swapIn(checked, {
          databasePath,
          kept: 'damaged',
          at: clock.now(),
          audit: (keptAt) => {
            restoredAt = clock.now().toISOString()
            const { header } = checked
            return restoreAuditEntry({
              id: restore.id,
              at: restoredAt,
              actor: input.username,
              backup: input.fileName,
              header,
              keptAt,
              changes: { problem: trouble.problem }
            })
          }
        })
        const casebook = await openCasebook({ ...options, mode: 'existing' }).catch((openError: unknown) => {
          // Swapped in but not opened (a migration that failed, say): the screen says what is wrong now.
          trouble = troubleOf(openError, databasePath)
          const why = openError instanceof Error ? openError.message : String(openError)
          throw new AppError('UNAVAILABLE', `The backup was restored, but Casebook could not open it: ${why}`)
        })
        phase = { kind: 'restored', casebook }
        return { result: { restoredFrom: input.fileName, damagedKeptAt: keptAt, restoredAt }, done: { keptAt, migrated: checked.behind } }
      })
    )
  }

  async function leaveCopy(from: Extract<Phase, { kind: 'readOnlyCopy' }>): Promise<void> {
    phase = { kind: 'recovery' }
    await from.casebook.close()
    await from.copy.remove()
  }

  const handlers: Record<string, (input: never) => Promise<unknown>> = {
    'recovery.status': status,
    'recovery.openReadOnly': openReadOnly,
    'recovery.restore': restore
  }

  const current = (): Casebook | null => (phase.kind === 'recovery' ? null : phase.casebook)

  return {
    get core() {
      const casebook = current()
      if (!casebook) throw new Error(`Casebook has no database open: ${trouble.message}`)
      return casebook.core
    },
    get backupPath() {
      return current()?.backupPath ?? null
    },
    connect(trusted, window): Connection {
      // The window's way into whichever core is current: a new one (signed out) whenever the core changes.
      let inner: { of: Casebook; connection: Connection } | null = null
      return {
        async invoke(channel, input) {
          if (closed) return { ok: false, error: CLOSING }
          if (!isChannel(channel)) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Casebook does not know that request.' } }
          const casebook = current()
          // A recovery channel, checked as the router checks every input (no session: the restore asks for an administrator's password).
          if (channel.startsWith('recovery.') && phase.kind !== 'restored') return answer(channel, input, handlers[channel]!, log)
          if (!casebook) return { ok: false, error: UNAVAILABLE }
          if (inner?.of !== casebook) inner = { of: casebook, connection: casebook.connect(trusted, window) }
          return inner.connection.invoke(channel, input)
        }
      }
    },
    async close() {
      if (closed) return
      closed = true
      if (phase.kind === 'readOnlyCopy') await leaveCopy(phase)
      else if (phase.kind === 'restored') await phase.casebook.close()
    }
  }
}
