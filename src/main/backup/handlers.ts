// The backup's channels (administrators). The folder and the key are IT's machine-wide settings (the
// command line's --to aside), never the window's: a window names a backup only by a file name the
// folder's listing gave it.
import { defineHandlers } from '../core/router'
import { AppError } from '../core/errors'
import type { CallContext } from '../core/context'
import { ageInHours, existingKey } from '../recovery/backupsFound'
import { backupFolderFor, folderProblem, listBackups, newestGood } from './folder'
import { RETENTION_WORDS } from './retention'
import { lastEnded, recentRuns, recordedHashes, runningRows, runOf, startedInWords } from './runs'
import { restoreHandler } from './restoreHandler'
import { runAlive } from './backups'
import { loadBackupKey, type KeySource } from './crypto'
import type { BackupFile } from '../../shared/backup/schemas'

const keySourceOf = (ctx: CallContext): KeySource =>
  ctx.core.backupSettings.key ? 'config' : ctx.core.backupSettings.keyFile ? 'key file' : 'beside the database'

async function hubCodeOf(ctx: CallContext): Promise<string | null> {
  const [hub] = (await ctx.core.db.query('SELECT code FROM hub WHERE id = 1', [])) as { code: string }[]
  return hub?.code ?? null
}

/** This hub's backups in the folder, newest first, each with the SHA-256 recorded when it was written. */
async function folderFiles(ctx: CallContext, folder: string): Promise<BackupFile[]> {
  const key = existingKey(ctx.core.backupSettings, ctx.core.databasePath)
  const [files, hashes] = await Promise.all([
    listBackups(folder, { keyId: key?.keyId ?? null, hubCode: await hubCodeOf(ctx) }),
    recordedHashes(ctx.core.db, folder)
  ])
  return files.map((f) => ({ ...f, sha256: hashes.get(f.fileName) ?? null }))
}

/** Who asked: an administrator in the app, or IT on the command line (a trusted caller with no account). */
const requestOf = (ctx: CallContext) => ({
  reason: ctx.actor.userId ? ('manual' as const) : ('command' as const),
  userId: ctx.actor.userId,
  actor: ctx.actor.name
})

export const backupHandlers = defineHandlers({
  'backup.overview': async (_input, ctx) => {
    const folder = backupFolderFor(ctx.core.backupSettings, ctx.core.databasePath)
    const problem = await folderProblem(folder, ctx.core.databasePath)
    const files = problem ? [] : await folderFiles(ctx, folder).catch(() => [])
    const newest = newestGood(files)
    const live = ctx.core.backups.current()
    // Another process's run, if it is still alive (one that was killed is tidied by the next run).
    const [running] = live ? [] : await runningRows(ctx.core.db)
    const runningElsewhere = running && (await runAlive(ctx.core.databasePath, running.id)) ? running : null
    const last = await lastEnded(ctx.core.db)
    let keyProblem: string | null = null
    if (ctx.core.backupSettings.key || ctx.core.backupSettings.keyFile) {
      try {
        // Reading only: the key file IT named must be there and hold a key.
        loadBackupKey(ctx.core.backupSettings, ctx.core.databasePath, false)
      } catch (error) {
        keyProblem = error instanceof Error ? error.message : String(error)
      }
    }
    const lastFailed =
      last?.status === 'failed' ? `The last backup, started ${startedInWords(last.started_at)}, failed: ${last.message ?? 'no reason was recorded.'}` : null
    return {
      folder,
      keySource: keySourceOf(ctx),
      everyHours: ctx.core.backupSettings.everyHours,
      retention: RETENTION_WORDS,
      newestGood: newest,
      newestGoodAgeHours: newest ? ageInHours(newest, ctx.core.clock.now()) : null,
      running: live ? await ctx.core.backups.read(live.id) : runningElsewhere ? runOf(runningElsewhere, null) : null,
      warning: problem ?? keyProblem ?? ctx.core.backups.scheduler.warning() ?? lastFailed
    }
  },
  'backup.list': async (input, ctx) => {
    const folder = backupFolderFor(ctx.core.backupSettings, ctx.core.databasePath)
    // A read-only core (the command line's backup list) makes nothing, not even the default folder.
    const problem = await folderProblem(folder, ctx.core.databasePath, ctx.core.snapshot !== null)
    if (problem) throw new AppError('UNAVAILABLE', problem)
    const live = ctx.core.backups.current()
    const rows = await recentRuns(ctx.core.db, input.limit)
    return {
      files: (await folderFiles(ctx, folder)).slice(0, input.limit),
      runs: rows.map((row) => runOf(row, live?.id === row.id ? live.progress : null))
    }
  },
  'backup.start': async (_input, ctx) => (await ctx.core.backups.start(requestOf(ctx))).run,
  'backup.progress': async (input, ctx) => {
    const run = await ctx.core.backups.read(input.id)
    if (!run) throw new AppError('NOT_FOUND', 'There is no such backup run.')
    return run
  },
  'backup.restore': restoreHandler
})
