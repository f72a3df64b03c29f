// Taking one backup: settle runs a killed process left 'running', record this one ('running'), then in
// the background: copy the database with SQLite's online backup to a plaintext file beside it
// (./sqliteBackup), check it, encrypt it into `<name>.partial` in the backup folder (flushed), rename it
// to its name, delete the plaintext copy, and record its size, SHA-256 and the audit head it holds, in
// one transaction with its audit entry. Then retention (./retention). A run that fails, or is stopped
// because Casebook is closing, is recorded as failed with a plain message, and leaves no `.partial`
// and no plaintext copy. A run killed at any moment leaves at worst a `.partial` and a copy named for
// its run, which no listing takes for a backup; once its alive note has gone untouched for a minute
// (./folder: the heartbeat) the run is dead, and the next run, or the schedule's next look (the first
// is as the app opens), records it as failed and removes them.
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { BackupReason, BackupRun } from '../../shared/backup/schemas'
import { AppError } from '../core/errors'
import type { Core } from '../core/context'
import { processAlive, sha256OfFile } from '../core/files'
import { hubCodeIn } from '../hub/code'
import { errorFields } from '../log/log'
import { loadBackupKey, readBackupHeader } from './crypto'
import {
  aliveNoteFresh,
  alivePathFor,
  backupFolderFor,
  copyPathFor,
  folderProblem,
  freeName,
  HEARTBEAT_MS,
  PARTIAL_SUFFIX,
  removeOrphans,
  removeRunFiles,
  writeBackupFile
} from './folder'
import { checkCopy, copyDatabase, CopyCheckFailed } from './sqliteBackup'
import { applyRetention } from './retention'
import { beginRun, failRun, finishRun, markPruned, readRunRow, runningRows, runOf, startedInWords, type RunRow } from './runs'

export interface BackupRequest {
  reason: BackupReason
  /** The administrator who asked; null for the schedule, a sign-in's own backup and the command line. */
  userId: string | null
  /** The audit trail's actor. */
  actor: string
  /** A folder for this run only (the command line's --to); else the core's. */
  folder?: string
}

export interface StartedBackup {
  run: BackupRun
  /** Settles when the run has ended, either way, with how it ended; never rejects. */
  done: Promise<BackupRun>
}

/** Runs this process is carrying out: a run's alive note naming this process is believed only for these. */
const liveRuns = new Set<string>()

/**
 * Whether the process that began a run is still carrying it out (on this machine: SQLite's file is
 * never shared): its alive note was touched within the last minute, and names a live process that is
 * not this one. An untouched note is dead whatever its pid says (the pid may have been reused).
 */
export async function runAlive(databasePath: string, runId: string): Promise<boolean> {
  if (liveRuns.has(runId)) return true
  if (!(await aliveNoteFresh(databasePath, runId))) return false
  try {
    const { pid } = JSON.parse(await readFile(alivePathFor(databasePath, runId), 'utf8')) as { pid: number }
    return pid !== process.pid && Number.isInteger(pid) && processAlive(pid)
  } catch {
    return false
  }
}

/** Touches a run's alive note every `everyMs` until stopped (the answer stops it). */
export function heartbeat(path: string, everyMs = HEARTBEAT_MS): () => void {
  const timer = setInterval(() => {
    const now = new Date()
    void utimes(path, now, now).catch(() => undefined)
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}

const clockNow = (core: Core) => core.clock.now().toISOString()

/**
 * Ends the runs a killed process left 'running': finished, if its file made it into the folder whole
 * (it is renamed only when whole), else failed. Their leftovers go at once. Answers a run still alive, if any.
 */
async function settleDeadRuns(core: Core, actor: string): Promise<RunRow | null> {
  let alive: RunRow | null = null
  for (const row of await runningRows(core.db)) {
    if (await runAlive(core.databasePath, row.id)) {
      alive = row
      continue
    }
    const file = row.file_name ? join(row.folder, row.file_name) : null
    if (file && existsSync(file)) {
      try {
        const { header } = await readBackupHeader(file)
        const [{ size }, sha256] = await Promise.all([stat(file), sha256OfFile(file)])
        await finishRun(
          core.writes,
          row.id,
          { bytes: size, sha256, auditHead: header.auditHead, keyId: header.keyId },
          clockNow(core),
          actor,
          'Finished by the next run: the file was complete.'
        )
      } catch {
        await failRun(core.writes, row.id, 'The backup stopped just as it finished, and its file cannot be read. It was not kept.', clockNow(core), actor)
      }
    } else {
      await failRun(
        core.writes,
        row.id,
        'The backup stopped before it finished (Casebook was closed or the computer restarted). Nothing was kept from it.',
        clockNow(core),
        actor
      )
    }
    await removeRunFiles(core.databasePath, row.id)
    if (row.file_name) await rm(join(row.folder, `${row.file_name}${PARTIAL_SUFFIX}`), { force: true }).catch(() => undefined)
  }
  return alive
}

/**
 * Records the runs a killed process left as failed (or finished), and removes at once the plaintext
 * copies dead runs left beside the database: as the app opens and at each look of the schedule, not
 * only when the next backup is taken. Nothing on a read-only core.
 */
export async function tidyDeadRuns(core: Core, actor: string): Promise<void> {
  if (!core.snapshot) return
  await settleDeadRuns(core, actor)
  await removeOrphans(core.databasePath, null, null, liveRuns, Date.now())
}

export interface RunHooks {
  onProgress(fraction: number): void
  signal: AbortSignal
}

/** Records the run and starts it; `done` settles when it has ended. Refused on a read-only core, or while another process's run is alive. */
export async function startBackup(core: Core, request: BackupRequest, hooks: RunHooks): Promise<StartedBackup> {
  if (!core.snapshot) throw new AppError('UNAVAILABLE', 'This Casebook was opened to read only: it cannot take a backup.')
  const alive = await settleDeadRuns(core, request.actor)
  if (alive) throw new AppError('CONFLICT', `A backup is already running (started ${startedInWords(alive.started_at)}). Wait for it to finish.`)
  const folder = request.folder ?? backupFolderFor(core.backupSettings, core.databasePath)
  const hubCode = await hubCodeIn(core.db)
  const takenAt = core.clock.now()
  const id = randomUUID()
  const fileName = freeName(folder, hubCode, takenAt)
  // The alive note first: a row that is 'running' always has one while its process lives.
  liveRuns.add(id)
  let stopBeating: () => void = () => undefined
  try {
    await writeFile(alivePathFor(core.databasePath, id), JSON.stringify({ pid: process.pid, runId: id }))
    stopBeating = heartbeat(alivePathFor(core.databasePath, id))
    await beginRun(core.writes, { id, reason: request.reason, userId: request.userId, folder, fileName, at: takenAt.toISOString(), actor: request.actor })
  } catch (error) {
    stopBeating()
    liveRuns.delete(id)
    await removeRunFiles(core.databasePath, id)
    throw error
  }
  const run = runOf((await readRunRow(core.db, id))!, 0)
  const begun: Begun = { id, request, folder, fileName, takenAt, hubCode }
  const done = carryOut(core, begun, hooks)
    .catch((error: unknown) => ended(begun, failureMessage(error, 'record', folder)))
    .finally(async () => {
      stopBeating()
      liveRuns.delete(id)
      await removeRunFiles(core.databasePath, id)
    })
  return { run, done }
}

/** Stopped because Casebook is closing. */
class Stopped extends Error {
  constructor() {
    super('Casebook was closed before the backup finished. Nothing was kept from it.')
    this.name = 'Stopped'
  }
}

type Stage = 'prepare' | 'copy' | 'check' | 'write' | 'record'

/** Why a run failed, in words for an administrator (never a record's contents: SQLite's and the system's codes only). */
function failureMessage(error: unknown, stage: Stage, folder: string): string {
  if (error instanceof AppError || error instanceof CopyCheckFailed || error instanceof Stopped) return error.message
  if ((error as Error)?.name === 'AbortError') return new Stopped().message
  const code = String((error as { code?: unknown })?.code ?? '')
  if (/ENOSPC|SQLITE_FULL/.test(code))
    return stage === 'write'
      ? `There is not enough space in the backup folder ${folder}. Nothing was kept. Ask IT to make space there.`
      : 'There is not enough space on the database’s disk for the backup’s temporary copy. Nothing was kept. Ask IT to make space on the disk.'
  if (stage === 'write' && /^E[A-Z]+$/.test(code))
    return `The backup could not be written to the backup folder ${folder} (${code}). Nothing was kept. Ask IT to check the folder.`
  return `The backup failed${code ? ` (${code})` : ''}. Nothing was kept; the database itself is unchanged.`
}

interface Begun {
  id: string
  request: BackupRequest
  folder: string
  fileName: string
  takenAt: Date
  hubCode: string | null
}

async function carryOut(core: Core, begun: Begun, hooks: RunHooks): Promise<BackupRun> {
  const { id, request, folder, fileName } = begun
  const started = performance.now()
  const copy = copyPathFor(core.databasePath, id)
  const ms = () => Math.round(performance.now() - started)
  let stage: Stage = 'prepare'
  let renamed = false
  core.log.info('backup.started', { run: id, reason: request.reason, folder })
  const go = (next: Stage, progress: number) => {
    if (hooks.signal.aborted) throw new Stopped()
    stage = next
    hooks.onProgress(progress)
  }
  try {
    const key = loadBackupKey(core.backupSettings, core.databasePath, true)
    const problem = await folderProblem(folder, core.databasePath)
    if (problem) throw new AppError('UNAVAILABLE', problem)
    await removeOrphans(core.databasePath, folder, begun.hubCode, liveRuns, Date.now())
    go('copy', 0.02)
    await copyDatabase(core.databasePath, copy)
    go('check', 0.2)
    // Checked before it is encrypted, not beside it: on 2 busy cores the two at once cost a desk's
    // saves more (p99 91-180 ms against 50-65 ms) to save about 1.5 s of a 5 s backup of 247 MB.
    const checked = await checkCopy(copy)
    // The header names the hub as the run's file name does, should the copy somehow have no hub row.
    const facts = { ...checked, hubCode: checked.hubCode ?? begun.hubCode }
    go('write', 0.45)
    const written = await writeBackupFile({
      copy,
      facts,
      folder,
      fileName,
      key,
      takenAt: begun.takenAt,
      reason: request.reason,
      onBytes: (bytes) => hooks.onProgress(0.45 + 0.5 * Math.min(1, bytes / Math.max(1, facts.bytes))),
      signal: hooks.signal,
      beforeRename: () => go('record', 0.96)
    })
    renamed = true
    // The plaintext copy goes as soon as the encrypted one is in place.
    await removeRunFiles(core.databasePath, id)
    await finishRun(core.writes, id, { ...written, auditHead: facts.auditHead, keyId: key.keyId }, clockNow(core), request.actor)
    core.log.info('backup.finished', { run: id, reason: request.reason, file: fileName, bytes: written.bytes, plainBytes: facts.bytes, ms: ms() })
    hooks.onProgress(1)
    await prune(core, begun).catch((error: unknown) => core.log.warn('backup.prune-failed', { run: id, ...errorFields(error) }))
  } catch (error) {
    // writeBackupFile removed its `.partial`.
    await removeRunFiles(core.databasePath, id)
    const message = renamed
      ? `The backup ${fileName} was written to the backup folder, but the database could not record it. The next backup records it.`
      : failureMessage(error, stage, folder)
    core.log.error('backup.failed', { run: id, reason: request.reason, stage, ms: ms(), ...errorFields(error) })
    // A file renamed into place is whole and checked: if only its record failed, the next run records it.
    if (!renamed) await failRun(core.writes, id, message, clockNow(core), request.actor).catch(() => undefined)
    const row = await readRunRow(core.db, id).catch(() => null)
    return row && row.status !== 'running' ? runOf(row, 1) : ended(begun, message)
  }
  return runOf((await readRunRow(core.db, id))!, 1)
}

/** How a run ended, when the database could not be told (it was closing): as backup.progress will say it. */
function ended(begun: Begun, message: string): BackupRun {
  return {
    id: begun.id,
    reason: begun.request.reason,
    status: 'failed',
    startedAt: begun.takenAt.toISOString(),
    finishedAt: new Date().toISOString(),
    fileName: begun.fileName,
    bytes: null,
    sha256: null,
    message,
    startedBy: null,
    progress: 1
  }
}

async function prune(core: Core, begun: Begun): Promise<void> {
  if (!begun.hubCode) return
  const deleted = await applyRetention(begun.folder, begun.hubCode, core.clock.now())
  if (deleted.length === 0) return
  await markPruned(core.writes, begun.id, begun.folder, deleted, clockNow(core), begun.request.actor)
  core.log.info('backup.pruned', { run: begun.id, files: deleted.length, folder: begun.folder })
}
