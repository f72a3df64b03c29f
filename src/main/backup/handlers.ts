// The backup's channels (administrators). The folder and the key are IT's machine-wide settings (the
// command line's --to aside), never the window's: a window names a backup only by a file name the
// folder's listing gave it.
import { defineHandlers } from '../core/router'
import { AppError } from '../core/errors'
import type { CallContext } from '../core/context'
import { existsSync } from 'node:fs'
import { basename } from 'node:path'
import { hubCodeIn } from '../hub/code'
import { ageInHours, backupFolderFor, folderProblem, isDefaultFolder, listBackups, newestGood } from './folder'
import { RETENTION_WORDS } from './retention'
import { lastEnded, recentRuns, recordedHashes, runningRows, runOf, startedInWords } from './runs'
import { restoreHandler } from './restoreHandler'
import { refuseOnSharedDatabase } from './sharedDatabase'
import { runAlive } from './backups'
import { heldBackupKey, keyBesideDatabase, loadBackupKey, type BackupKey, type KeySource } from './crypto'
import type { BackupFile, BackupRun } from '../../shared/backup/schemas'

/**
 * A read-only copy's core is given the real database's key file beside it as its keyFile (the copy sits
 * in a folder of its own): that is still the key beside the database, not IT's backupKeyFile.
 */
const keyBesideTheDatabase = (ctx: CallContext) => {
  const { key, keyFile } = ctx.core.backupSettings
  return !key && (!keyFile || (!ctx.core.snapshot && basename(keyFile) === basename(keyBesideDatabase(ctx.core.databasePath))))
}

const keySourceOf = (ctx: CallContext): KeySource => (ctx.core.backupSettings.key ? 'config' : keyBesideTheDatabase(ctx) ? 'beside the database' : 'key file')

/** A run going on this long has stopped making progress (a 250 MB database takes seconds): IT should look. */
const LONG_RUN_MS = 60 * 60_000

/** The default folder before the first backup made it: there are no backups yet, which is not a problem. */
const notMadeYet = (ctx: CallContext, folder: string) => isDefaultFolder(folder, ctx.core.databasePath) && !existsSync(folder)

/**
 * The backup folder, whether it is the default one not made yet (on a read-only core, which makes
 * nothing, not even that folder), and why backups cannot be written to it (null when they can).
 */
async function folderState(ctx: CallContext): Promise<{ folder: string; none: boolean; problem: string | null }> {
  const folder = backupFolderFor(ctx.core.backupSettings, ctx.core.databasePath)
  const none = !ctx.core.snapshot && notMadeYet(ctx, folder)
  const problem = none ? null : await folderProblem(folder, ctx.core.databasePath, ctx.core.snapshot !== null)
  return { folder, none, problem }
}

/** This hub's backups in the folder, newest first, each with the SHA-256 recorded when it was written; `key`: the key this machine holds. */
async function folderFiles(ctx: CallContext, folder: string, key: BackupKey | null): Promise<BackupFile[]> {
  const [hubCode, recorded] = await Promise.all([hubCodeIn(ctx.core.db), recordedHashes(ctx.core.db, folder)])
  const recordedBytes = new Map([...recorded].flatMap(([name, r]) => (r.bytes === null ? [] : [[name, r.bytes] as const])))
  const files = await listBackups(folder, { keyId: key?.keyId ?? null, hubCode, now: ctx.core.clock.now(), recordedBytes })
  return files.map((f) => ({ ...f, sha256: recorded.get(f.fileName)?.sha256 ?? null }))
}

/** Who asked: an administrator in the app, or IT on the command line (a trusted caller with no account). */
const requestOf = (ctx: CallContext) => ({
  reason: ctx.actor.userId ? ('manual' as const) : ('command' as const),
  userId: ctx.actor.userId,
  actor: ctx.actor.name
})

export const backupHandlers = defineHandlers({
  'backup.overview': async (_input, ctx) => {
    refuseOnSharedDatabase(ctx, 'back it up')
    const { folder, none, problem } = await folderState(ctx)
    // The key file is read once (reading only: nothing is made): for the listing, and for the warning when it cannot be.
    let key: BackupKey | null = null
    let keyError: string | null = null
    try {
      key = loadBackupKey(ctx.core.backupSettings, ctx.core.databasePath, false)
    } catch (error) {
      keyError = error instanceof Error ? error.message : String(error)
    }
    const files = problem || none ? [] : await folderFiles(ctx, folder, key).catch(() => [])
    const newest = newestGood(files)
    const live = ctx.core.backups.current()
    // Another process's run, if it is still alive (a dead one is settled by the schedule's next look, or the next run).
    const [other] = live ? [] : await runningRows(ctx.core.db)
    const runningElsewhere = other && (await runAlive(ctx.core.databasePath, other.id)) ? other : null
    const last = await lastEnded(ctx.core.db)
    let keyProblem: string | null = null
    // The key IT set (in the config or a key file) must be there and be a key.
    if (!keyBesideTheDatabase(ctx)) keyProblem = keyError
    else if (!ctx.core.snapshot) {
      // A read-only core takes no backup, so it never makes the key: without one, nothing here can be restored.
      const path = ctx.core.backupSettings.keyFile ?? keyBesideDatabase(ctx.core.databasePath)
      if (!existsSync(path))
        keyProblem = `There is no backup key beside the database (${path}), so this computer cannot restore the backups in the folder. Ask IT for the key.`
    }
    const running: BackupRun | null = live ? await ctx.core.backups.read(live.id) : runningElsewhere ? runOf(runningElsewhere, null) : null
    const longRun =
      running && ctx.core.clock.now().getTime() - Date.parse(running.startedAt) > LONG_RUN_MS
        ? `A backup has been running since ${startedInWords(running.startedAt).slice(3)}, which is far longer than a backup takes. Ask IT to check the computer’s disk and the backup folder.`
        : null
    const lastFailed =
      last?.status === 'failed' ? `The last backup, started ${startedInWords(last.started_at)}, failed: ${last.message ?? 'no reason was recorded.'}` : null
    return {
      folder,
      keySource: keySourceOf(ctx),
      everyHours: ctx.core.backupSettings.everyHours,
      retention: RETENTION_WORDS,
      newestGood: newest,
      newestGoodAgeHours: newest ? ageInHours(newest, ctx.core.clock.now()) : null,
      running,
      warning: problem ?? keyProblem ?? longRun ?? ctx.core.backups.scheduler.warning() ?? lastFailed
    }
  },
  'backup.list': async (input, ctx) => {
    refuseOnSharedDatabase(ctx, 'back it up')
    // A read-only core here is the command line's backup list.
    const { folder, none, problem } = await folderState(ctx)
    if (problem) throw new AppError('UNAVAILABLE', problem)
    const live = ctx.core.backups.current()
    const rows = await recentRuns(ctx.core.db, input.limit)
    return {
      files: none ? [] : (await folderFiles(ctx, folder, heldBackupKey(ctx.core.backupSettings, ctx.core.databasePath))).slice(0, input.limit),
      runs: rows.map((row) => runOf(row, live?.id === row.id ? live.progress : null))
    }
  },
  'backup.start': async (_input, ctx) => {
    refuseOnSharedDatabase(ctx, 'back it up')
    return (await ctx.core.backups.start(requestOf(ctx))).run
  },
  'backup.progress': async (input, ctx) => {
    refuseOnSharedDatabase(ctx, 'back it up')
    const run = await ctx.core.backups.read(input.id)
    if (!run) throw new AppError('NOT_FOUND', 'There is no such backup run.')
    return run
  },
  'backup.restore': restoreHandler
})
