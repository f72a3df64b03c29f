// The history of backup runs (backup_run): every run Casebook took or tried to take, failures
// included, each change in one transaction with its audit entry. The files themselves live in the
// backup folder (./folder); this is what happened. At most one row is 'running' (a unique index), so
// two desks or a scheduled task beside the app never take one backup twice.
import type { DataSource, EntityManager } from 'typeorm'
import { writeAudit } from '../audit/audit'
import type { WriteQueue } from '../core/writeQueue'
import type { AuditAnchor, BackupReason, BackupRun, BackupStatus } from '../../shared/backup/schemas'
import { AppError } from '../core/errors'
import { formatDate, utcToLondon } from '../../shared/dates'

type Db = Pick<DataSource | EntityManager, 'query'>

/** A run's audit entry, in the transaction that changes it. */
const auditRun = (manager: EntityManager, at: string, actor: string, id: string, changes: Record<string, unknown>) =>
  writeAudit(manager, { at, actor, action: 'backup', recordType: 'backup-run', recordId: id, changes })

export interface RunRow {
  id: string
  reason: BackupReason
  status: BackupStatus
  started_at: string
  finished_at: string | null
  started_by_user_id: string | null
  folder: string
  file_name: string | null
  bytes: number | null
  sha256: string | null
  key_id: string | null
  message: string | null
  pruned_at: string | null
  started_by_name: string | null
}

/** "at 18:30 on 24 November 2026", on the hub's clock. */
export function startedInWords(iso: string): string {
  const local = utcToLondon(iso)
  return `at ${local.slice(11, 16)} on ${formatDate(local.slice(0, 10))}`
}

const SELECT_RUN = 'SELECT r.*, u.display_name AS started_by_name FROM backup_run r LEFT JOIN app_user u ON u.id = r.started_by_user_id'

/** A run as the window sees it; `progress` is known only to the process carrying it out. */
export function runOf(row: RunRow, progress: number | null): BackupRun {
  return {
    id: row.id,
    reason: row.reason,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    fileName: row.file_name,
    bytes: row.bytes === null ? null : Number(row.bytes),
    sha256: row.sha256,
    message: row.message,
    startedBy: row.started_by_name,
    progress: row.status === 'running' ? Math.min(1, Math.max(0, progress ?? 0)) : 1
  }
}

export async function readRunRow(db: Db, id: string): Promise<RunRow | null> {
  const [row] = (await db.query(`${SELECT_RUN} WHERE r.id = ?`, [id])) as RunRow[]
  return row ?? null
}

export async function runningRows(db: Db): Promise<RunRow[]> {
  return (await db.query(`${SELECT_RUN} WHERE r.status = 'running'`, [])) as RunRow[]
}

export async function recentRuns(db: Db, limit: number): Promise<RunRow[]> {
  return (await db.query(`${SELECT_RUN} ORDER BY r.started_at DESC, r.id DESC LIMIT ?`, [limit])) as RunRow[]
}

/** When the newest backup that succeeded was started; null when none has. */
export async function lastOkAt(db: Db): Promise<string | null> {
  const [row] = (await db.query(`SELECT MAX(started_at) AS at FROM backup_run WHERE status = 'ok'`, [])) as { at: string | null }[]
  return row?.at ?? null
}

/** The newest run that ended, either way: for the overview's warning when it failed. */
export async function lastEnded(db: Db): Promise<RunRow | null> {
  const [row] = (await db.query(`${SELECT_RUN} WHERE r.status <> 'running' ORDER BY r.started_at DESC, r.id DESC LIMIT 1`, [])) as RunRow[]
  return row ?? null
}

/** The size and SHA-256 each file had when it was written, by file name, for the files a folder holds. */
export async function recordedHashes(db: Db, folder: string): Promise<Map<string, { sha256: string; bytes: number | null }>> {
  const rows = (await db.query(`SELECT file_name, sha256, bytes FROM backup_run WHERE folder = ? AND status = 'ok' AND pruned_at IS NULL`, [folder])) as {
    file_name: string
    sha256: string
    bytes: number | null
  }[]
  return new Map(rows.map((r) => [r.file_name, { sha256: r.sha256, bytes: r.bytes === null ? null : Number(r.bytes) }]))
}

export interface NewRun {
  id: string
  reason: BackupReason
  userId: string | null
  folder: string
  fileName: string
  at: string
  actor: string
}

/** The run's row, 'running', with its audit entry. Refused while another run is. */
export async function beginRun(writes: WriteQueue, run: NewRun): Promise<void> {
  await writes.run(async (manager) => {
    try {
      await manager.query(
        `INSERT INTO backup_run (id, reason, status, started_at, started_by_user_id, folder, file_name) VALUES (?, ?, 'running', ?, ?, ?, ?)`,
        [run.id, run.reason, run.at, run.userId, run.folder, run.fileName]
      )
    } catch (error) {
      if (/UNIQUE|unique/.test(String(error))) throw new AppError('CONFLICT', 'A backup is already running. Wait for it to finish.')
      throw error
    }
    await auditRun(manager, run.at, run.actor, run.id, { started: run.reason, fileName: run.fileName })
  })
}

export interface Written {
  bytes: number
  sha256: string
  auditHead: AuditAnchor | null
  /** Which key encrypted it (keyIdOf: a hash of the key, never the key). */
  keyId: string
}

export async function finishRun(writes: WriteQueue, id: string, written: Written, at: string, actor: string, note: string | null = null): Promise<void> {
  await writes.run(async (manager) => {
    const [current] = (await manager.query(`SELECT status, file_name FROM backup_run WHERE id = ?`, [id])) as { status: string; file_name: string }[]
    if (current?.status !== 'running') throw new AppError('CONFLICT', 'This backup run was ended elsewhere.')
    await manager.query(
      `UPDATE backup_run SET status = 'ok', finished_at = ?, bytes = ?, sha256 = ?, key_id = ?, audit_head_seq = ?, audit_head_hash = ?, message = ? WHERE id = ?`,
      [at, written.bytes, written.sha256, written.keyId, written.auditHead?.seq ?? null, written.auditHead?.hash ?? null, note, id]
    )
    await auditRun(manager, at, actor, id, {
      status: 'ok',
      fileName: current.file_name,
      bytes: written.bytes,
      sha256: written.sha256,
      ...(note ? { note } : {})
    })
  })
}

export async function failRun(writes: WriteQueue, id: string, message: string, at: string, actor: string): Promise<void> {
  await writes.run(async (manager) => {
    await manager.query(`UPDATE backup_run SET status = 'failed', finished_at = ?, message = ? WHERE id = ? AND status = 'running'`, [
      at,
      message.slice(0, 2000),
      id
    ])
    await auditRun(manager, at, actor, id, { status: 'failed', error: message.slice(0, 500) })
  })
}

/** A run that finished before its row could be written (the backup before an upgrade, taken before the table existed). */
export async function recordFinishedRun(writes: WriteQueue, run: NewRun & Written & { finishedAt: string }): Promise<void> {
  await writes.run(async (manager) => {
    await manager.query(
      `INSERT INTO backup_run (id, reason, status, started_at, finished_at, started_by_user_id, folder, file_name, bytes, sha256, key_id, audit_head_seq, audit_head_hash)
       VALUES (?, ?, 'ok', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        run.id,
        run.reason,
        run.at,
        run.finishedAt,
        run.userId,
        run.folder,
        run.fileName,
        run.bytes,
        run.sha256,
        run.keyId,
        run.auditHead?.seq ?? null,
        run.auditHead?.hash ?? null
      ]
    )
    await auditRun(manager, run.finishedAt, run.actor, run.id, {
      status: 'ok',
      reason: run.reason,
      fileName: run.fileName,
      bytes: run.bytes,
      sha256: run.sha256
    })
  })
}

/** Marks the runs whose files retention deleted, with one audit entry naming the files (under the run that deleted them). */
export async function markPruned(writes: WriteQueue, runId: string, folder: string, fileNames: string[], at: string, actor: string): Promise<void> {
  if (fileNames.length === 0) return
  await writes.run(async (manager) => {
    await manager.query(
      `UPDATE backup_run SET pruned_at = ? WHERE folder = ? AND pruned_at IS NULL AND file_name IN (${fileNames.map(() => '?').join(', ')})`,
      [at, folder, ...fileNames]
    )
    await auditRun(manager, at, actor, runId, { pruned: fileNames })
  })
}
