// The history of export runs, and the cursor it holds: the change feed's position of the last run
// that succeeded. A run is a row from its start; it becomes 'succeeded' only after its package is
// renamed into place, in the transaction that records its files and its audit entry. So a run that
// fails or is killed leaves the cursor where it was. One that is killed after the rename but before
// that transaction is finished by the next run, which finds the package complete (recoverRuns).
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import type { EntityManager } from 'typeorm'
import { AppError } from '../core/errors'
import { processAlive } from '../core/files'
import type { Queryable } from '../core/queryable'
import type { CallContext } from '../core/context'
import { writeAudit } from '../audit/audit'
import { SYSTEM_ACTOR_LABEL } from '../../shared/accounts/systemActor'
import { EXPORT_HISTORY_PAGE_SIZE, type ExportKind, type ExportRun, type ExportStatus } from '../../shared/export/schemas'
import type { AuditAnchor } from '../../shared/backup/schemas'

/** A run on another machine (a shared PostgreSQL database) that has not beaten for this long has died. */
const STALE_AFTER_MS = 2 * 60_000

export interface RunFile {
  path: string
  resource: string
  rows: number
  bytes: number
  sha256: string
}

interface RunRow {
  id: string
  kind: ExportKind
  pseudonymised: number | boolean
  status: ExportStatus
  package_sequence: number
  change_from: number
  change_to: number | null
  export_folder: string
  package_name: string | null
  started_at: string
  heartbeat_at: string
  finished_at: string | null
  started_by_user_id: string | null
  started_via: 'app' | 'command-line'
  os_user: string | null
  host: string
  pid: number
  records_done: number
  records_total: number | null
  error: string | null
  started_by_name: string | null
}

const SELECT_RUN = `SELECT r.*, u.display_name AS started_by_name FROM export_run r LEFT JOIN app_user u ON u.id = r.started_by_user_id`

function runOf(row: RunRow, files: RunFile[]): ExportRun {
  return {
    id: row.id,
    kind: row.kind,
    pseudonymised: Boolean(row.pseudonymised),
    status: row.status,
    packageSequence: Number(row.package_sequence),
    changeFrom: Number(row.change_from),
    changeTo: row.change_to === null ? null : Number(row.change_to),
    exportFolder: row.export_folder,
    packageName: row.package_name,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    startedBy: row.started_via === 'command-line' ? `Command line (${row.os_user ?? 'unknown user'})` : (row.started_by_name ?? SYSTEM_ACTOR_LABEL),
    startedVia: row.started_via,
    recordsDone: Number(row.records_done),
    recordsTotal: row.records_total === null ? null : Number(row.records_total),
    error: row.error,
    files
  }
}

async function filesOf(db: Queryable, runIds: string[]): Promise<Map<string, RunFile[]>> {
  const out = new Map<string, RunFile[]>(runIds.map((id) => [id, []]))
  if (runIds.length === 0) return out
  const rows = (await db.query(
    `SELECT run_id, path, resource, row_count, bytes, sha256 FROM export_run_file WHERE run_id IN (${runIds.map(() => '?').join(', ')}) ORDER BY run_id, path`,
    runIds
  )) as { run_id: string; path: string; resource: string; row_count: number; bytes: number; sha256: string }[]
  for (const f of rows) out.get(f.run_id)!.push({ path: f.path, resource: f.resource, rows: Number(f.row_count), bytes: Number(f.bytes), sha256: f.sha256 })
  return out
}

export async function readRun(db: Queryable, id: string): Promise<ExportRun | null> {
  const [row] = (await db.query(`${SELECT_RUN} WHERE r.id = ?`, [id])) as RunRow[]
  if (!row) return null
  return runOf(row, (await filesOf(db, [id])).get(id)!)
}

export async function runningRun(db: Queryable): Promise<ExportRun | null> {
  const [row] = (await db.query(`${SELECT_RUN} WHERE r.status = 'running'`, [])) as RunRow[]
  return row ? runOf(row, []) : null
}

export async function lastSucceeded(db: Queryable, pseudonymised: boolean): Promise<ExportRun | null> {
  const [row] = (await db.query(`${SELECT_RUN} WHERE r.status = 'succeeded' AND r.pseudonymised = ? ORDER BY r.package_sequence DESC LIMIT 1`, [
    pseudonymised
  ])) as RunRow[]
  return row ? runOf(row, (await filesOf(db, [row.id])).get(row.id)!) : null
}

/**
 * A page of the runs, newest (or oldest) first, of one status or all: sorted and filtered in the query,
 * so over the whole history. Runs started at the same moment go by id (unique, and the index's second
 * column): one order every time, on SQLite and PostgreSQL alike, so no run is on two pages or none.
 */
export async function history(
  db: Queryable,
  { page, oldestFirst = false, status = null }: { page: number; oldestFirst?: boolean; status?: ExportStatus | null }
): Promise<{ runs: ExportRun[]; total: number; page: number; pageSize: number }> {
  const where = status ? 'WHERE r.status = ?' : ''
  const params = status ? [status] : []
  const [{ n }] = (await db.query(`SELECT count(*) AS n FROM export_run r ${where}`, params)) as [{ n: number }]
  const order = oldestFirst ? 'ASC' : 'DESC'
  const rows = (await db.query(`${SELECT_RUN} ${where} ORDER BY r.started_at ${order}, r.id ${order} LIMIT ? OFFSET ?`, [
    ...params,
    EXPORT_HISTORY_PAGE_SIZE,
    (page - 1) * EXPORT_HISTORY_PAGE_SIZE
  ])) as RunRow[]
  const files = await filesOf(
    db,
    rows.map((r) => r.id)
  )
  return { runs: rows.map((r) => runOf(r, files.get(r.id)!)), total: Number(n), page, pageSize: EXPORT_HISTORY_PAGE_SIZE }
}

export interface Starter {
  userId: string | null
  via: 'app' | 'command-line'
  osUser: string | null
}

interface BegunRun {
  id: string
  kind: ExportKind
  packageSequence: number
  changeFrom: number
}

/**
 * Deals with runs left 'running' by a process that died (recover decides: finished if its package
 * is there and complete, else interrupted), then starts this one: the kind asked for, except that an
 * incremental run with nothing before it is a full one. At most one run at a time is a constraint.
 */
export async function beginRun(
  ctx: CallContext,
  request: { kind: ExportKind; pseudonymised: boolean; folder: string; starter: Starter },
  recover: (run: ExportRun) => Promise<RunFile[] | null>
): Promise<BegunRun> {
  const running = (await ctx.core.db.query(`${SELECT_RUN} WHERE r.status = 'running'`, [])) as RunRow[]
  for (const row of running) {
    // On this machine the process itself says whether the run is alive; from another desk (a shared
    // database) only its heartbeat can.
    const dead = row.host === hostname() ? !processAlive(row.pid) : Date.parse(ctx.now) - Date.parse(row.heartbeat_at) > STALE_AFTER_MS
    if (!dead) {
      throw new AppError(
        'CONFLICT',
        `An export is already running (started ${row.started_at} ${row.started_via === 'app' ? 'in the app' : 'from the command line'}). Wait for it to finish.`
      )
    }
    const files = row.package_name && row.change_to !== null ? await recover(runOf(row, [])) : null
    await ctx.core.writes.run(async (manager) => {
      if (files) await succeed(manager, ctx, row.id, files, 'finished by the next run: its package was complete')
      else {
        // A run that had named its package may have renamed it into place before it stopped, and the
        // authority may have collected it since: never say nothing was sent when that cannot be known.
        const why = row.package_name
          ? `The run stopped just as it finished (the program was closed or the computer restarted). Its package ${row.package_name} is not in the export folder: it was not finished, or it has been collected. The next package sends its records again.`
          : 'The run stopped before its package was complete (the program was closed or the computer restarted). Nothing was sent; the next run includes its records.'
        await manager.query(`UPDATE export_run SET status = 'interrupted', finished_at = ?, error = ? WHERE id = ? AND status = 'running'`, [
          ctx.now,
          why,
          row.id
        ])
      }
    })
  }
  return ctx.core.writes.run(async (manager) => {
    const previous = (await manager.query(
      `SELECT package_sequence, change_to FROM export_run WHERE status = 'succeeded' AND pseudonymised = ? ORDER BY package_sequence DESC LIMIT 1`,
      [request.pseudonymised]
    )) as { package_sequence: number; change_to: number }[]
    const kind: ExportKind = previous.length === 0 ? 'full' : request.kind
    // A number once given to a package that may have reached the folder is never given again, so two
    // packages never share one; a run that failed at its last step leaves a gap instead, which the
    // change ranges explain (docs/export-format.md).
    const [{ n }] = (await manager.query(
      `SELECT COALESCE(MAX(package_sequence), 0) AS n FROM export_run WHERE pseudonymised = ? AND package_name IS NOT NULL`,
      [request.pseudonymised]
    )) as [{ n: number }]
    const run: BegunRun = {
      id: randomUUID(),
      kind,
      packageSequence: Number(n) + 1,
      changeFrom: kind === 'full' ? 0 : Number(previous[0]!.change_to)
    }
    try {
      await manager.query(
        `INSERT INTO export_run (id, kind, pseudonymised, status, package_sequence, change_from, export_folder, started_at, heartbeat_at,
           started_by_user_id, started_via, os_user, host, pid) VALUES (?, ?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          run.id,
          run.kind,
          request.pseudonymised,
          run.packageSequence,
          run.changeFrom,
          request.folder,
          ctx.now,
          ctx.now,
          request.starter.userId,
          request.starter.via,
          request.starter.osUser,
          hostname(),
          process.pid
        ]
      )
    } catch (error) {
      if (/UNIQUE|unique/.test(String(error))) throw new AppError('CONFLICT', 'An export is already running. Wait for it to finish.')
      throw error
    }
    await writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'export',
      recordType: 'export-run',
      recordId: run.id,
      changes: { started: run.kind, pseudonymised: request.pseudonymised, packageSequence: run.packageSequence, changeFrom: run.changeFrom }
    })
    return run
  })
}

/** A run's record of where it has got to: for the progress bar here and on other desks, and to show it is alive. */
export function beat(ctx: CallContext, id: string, done: number, total: number | null, at: string): Promise<void> {
  return ctx.core.writes.run(async (manager) => {
    await manager.query(`UPDATE export_run SET records_done = ?, records_total = ?, heartbeat_at = ? WHERE id = ? AND status = 'running'`, [
      done,
      total,
      at,
      id
    ])
  })
}

/**
 * Just before the rename: what the package will be, so that a run killed after it can be finished,
 * and the audit trail's end the package records (an anchor: ../audit/verify.ts).
 */
export function aboutToRename(ctx: CallContext, id: string, changeTo: number, packageName: string, auditHead: AuditAnchor | null): Promise<void> {
  return ctx.core.writes.run(async (manager) => {
    await manager.query(`UPDATE export_run SET change_to = ?, package_name = ?, audit_head_seq = ?, audit_head_hash = ? WHERE id = ? AND status = 'running'`, [
      changeTo,
      packageName,
      auditHead?.seq ?? null,
      auditHead?.hash ?? null,
      id
    ])
  })
}

/** Now, from the core's clock: a run ends long after the call that started it (ctx.now). */
const clockNow = (ctx: CallContext) => ctx.core.clock.now().toISOString()

async function succeed(manager: EntityManager, ctx: CallContext, id: string, files: RunFile[], note: string | null): Promise<void> {
  const at = clockNow(ctx)
  const [current] = (await manager.query(`SELECT status FROM export_run WHERE id = ?`, [id])) as { status: string }[]
  if (current?.status !== 'running') throw new AppError('CONFLICT', 'This export run was finished elsewhere.')
  await manager.query(`UPDATE export_run SET status = 'succeeded', finished_at = ?, error = ? WHERE id = ?`, [at, note, id])
  for (const f of files) {
    await manager.query(`INSERT INTO export_run_file (run_id, path, resource, row_count, bytes, sha256) VALUES (?, ?, ?, ?, ?, ?)`, [
      id,
      f.path,
      f.resource,
      f.rows,
      f.bytes,
      f.sha256
    ])
  }
  await writeAudit(manager, {
    at,
    actor: ctx.actor.name,
    action: 'export',
    recordType: 'export-run',
    recordId: id,
    changes: { status: 'succeeded', files: files.map((f) => ({ path: f.path, rows: f.rows, sha256: f.sha256 })) }
  })
}

/** The package is in place: the cursor moves, with the files and their hashes, in one transaction. */
export function finishRun(ctx: CallContext, id: string, files: RunFile[]): Promise<void> {
  return ctx.core.writes.run((manager) => succeed(manager, ctx, id, files, null))
}

export function failRun(ctx: CallContext, id: string, status: 'failed' | 'blocked', message: string): Promise<void> {
  return ctx.core.writes.run(async (manager) => {
    const at = clockNow(ctx)
    await manager.query(`UPDATE export_run SET status = ?, finished_at = ?, error = ? WHERE id = ? AND status = 'running'`, [
      status,
      at,
      message.slice(0, 4000),
      id
    ])
    await writeAudit(manager, {
      at,
      actor: ctx.actor.name,
      action: 'export',
      recordType: 'export-run',
      recordId: id,
      changes: { status, error: message.slice(0, 500) }
    })
  })
}
