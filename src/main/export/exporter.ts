// One export run, from the window or the command line: begin the run (runs.ts), then, in one snapshot
// of the database, run the validation report (errors end the run 'blocked') and read every file's rows
// (the change feed's position read in it is the package's upper bound), write the package
// (package/packageFolder.ts: a hidden folder renamed into place when whole), and only then move the
// cursor. Rows stream a page of records at a time, so memory does not grow with the hub.
import { BEGIN_SNAPSHOT, dialectOf } from '../core/dialect'
import { mkdir, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { DataSource } from 'typeorm'
import { writableFolderProblem } from '../core/files'
import { AppError } from '../core/errors'
import type { CallContext } from '../core/context'
import { RESOURCES, type ExportRow } from './resources'
import { countKeys, GROUPS, type GroupOptions, type KeyPage, type Query, type Range, type RecordGroup } from './groups'
import { pseudonymisedSchema, pseudonymiser } from './pseudonymise'
import { aboutToRename, beat, beginRun, failRun, finishRun, readRun, type RunFile, type Starter } from './runs'
import { FAILED_PREFIX, packageFolderName, writePackage, type PackageGroup, type PackageRow } from './package/packageFolder'
import { verifyWrittenPackage } from './verifyPackage'
import { runValidation } from './validation'
import { EXPORT_FORMAT_VERSION } from '../../shared/export/records'
import type { ExportKind, ExportRun } from '../../shared/export/schemas'
import type { ValidationReport } from '../../shared/export/validation'
import { HUB_CODE_PATTERN, LOCAL_AUTHORITY_CODE_PATTERN } from '../../shared/hub/schemas'
import { readAuditHead } from '../audit/anchors'
import { anchorMac, exportAnchorKey } from '../audit/anchorMac'
import { errorFields } from '../log/log'

/** Records read per query: large enough that SQL costs little per row, small enough to stay flat. */
const PAGE = 1000
/** The pseudonymised series' folder, inside the export folder. */
const PSEUDONYMISED_FOLDER = 'pseudonymised'
/** The folder each series of packages goes to: the hub's records, and the pseudonymised ones. None without an export folder. */
export function exportSeriesFolders(exportFolder: string | null): string[] {
  return exportFolder ? [exportFolder, join(exportFolder, PSEUDONYMISED_FOLDER)] : []
}
/** How often a run says where it has got to (and that it is alive). */
const BEAT_MS = 1000

interface ExportRequest {
  kind: ExportKind
  pseudonymised: boolean
  starter: Starter
}

interface StartedExport {
  run: ExportRun
  /** Settles when the run has finished, either way; never rejects. */
  done: Promise<ExportRun>
}

/** The validation report, run in the export's own snapshot, found errors: the run ends 'blocked'. */
class ExportBlocked extends Error {
  constructor(readonly report: ValidationReport) {
    const rules = report.rules.filter((r) => r.severity === 'error' && r.count > 0).map((r) => `${r.code} ×${r.count}`)
    super(
      `Nothing was sent: the validation report has ${report.counts.error} error${report.counts.error === 1 ? '' : 's'} to fix first (${rules.join(', ')}). Open Export to see them.`
    )
  }
}

/**
 * How runs this process carried out ended, for when the database could not be told (another
 * program held its write lock for longer than the retries): export.progress answers with this rather
 * than 'running' for ever, and the next run finds the row and deals with it (runs.ts).
 */
const outcomes = new WeakMap<object, Map<string, ExportRun>>()
export const localOutcome = (ctx: CallContext, runId: string): ExportRun | null => outcomes.get(ctx.core)?.get(runId) ?? null

/** A busy database (another program's long write) gets a few chances, each after its busy timeout. */
async function withRetries<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work()
    } catch (error) {
      if (attempt >= attempts || !/SQLITE_BUSY|database is locked/i.test(String(error))) throw error
    }
  }
}

/** Writes that record how a run ended are tried again: a long write by another program must not leave it 'running'. */
async function recordEnd(ctx: CallContext, run: ExportRun, status: 'failed' | 'blocked', message: string): Promise<ExportRun> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await failRun(ctx, run.id, status, message)
      return (await readRun(ctx.core.db, run.id))!
    } catch {
      // The database was busy (each try waits its busy timeout first): try again.
    }
  }
  const ended: ExportRun = { ...run, status, error: message, finishedAt: ctx.core.clock.now().toISOString() }
  if (!outcomes.has(ctx.core)) outcomes.set(ctx.core, new Map())
  outcomes.get(ctx.core)!.set(run.id, ended)
  return ended
}

/** Why the export folder cannot take a package now, in words for a manager; null when it can. */
export async function folderProblem(folder: string | null): Promise<string | null> {
  if (!folder) return 'No export folder is set. IT sets exportFolder in the machine-wide config.'
  switch (await writableFolderProblem(folder)) {
    case null:
      return null
    case 'not a full path':
      return `The export folder ${folder} is not a full path. IT sets exportFolder in the machine-wide config.`
    case 'not a folder':
      return `The export folder ${folder} is a file, not a folder. Ask IT to check exportFolder in the machine-wide config.`
    default:
      return `The export folder ${folder} cannot be reached or written to. Ask IT to check it.`
  }
}

interface HubForExport {
  code: string
  localAuthorityCode: string
  noteText: boolean
  pseudonymKey: string
}

/** The hub's codes and export settings; makes the pseudonym key on first use (a hub made before it had one). */
async function hubForExport(ctx: CallContext): Promise<HubForExport> {
  const read = async () =>
    (
      (await ctx.core.db.query('SELECT code, local_authority_code, export_note_text, pseudonym_key FROM hub WHERE id = 1', [])) as {
        code: string
        local_authority_code: string
        export_note_text: number | boolean
        pseudonym_key: string
      }[]
    )[0]
  let hub = await read()
  if (!hub) throw new AppError('UNAVAILABLE', 'This database has no hub settings yet.')
  if (!hub.pseudonym_key) {
    await ctx.core.writes.run((m) => m.query(`UPDATE hub SET pseudonym_key = ? WHERE id = 1 AND pseudonym_key = ''`, [randomBytes(32).toString('hex')]))
    hub = (await read())!
  }
  // Set up and changed only through the app's own checks; checked again because they name and describe every package.
  if (!HUB_CODE_PATTERN.test(hub.code) || !LOCAL_AUTHORITY_CODE_PATTERN.test(hub.local_authority_code)) {
    throw new AppError(
      'UNAVAILABLE',
      'The hub code or the local authority code in Hub settings is not valid, so no package can be named. Ask IT to correct them.'
    )
  }
  return { code: hub.code, localAuthorityCode: hub.local_authority_code, noteText: Boolean(hub.export_note_text), pseudonymKey: hub.pseudonym_key }
}

/**
 * Begins a run and carries it on in the background: the window follows it with export.progress,
 * the command line awaits `done`. The validation report runs inside the run, on the snapshot the
 * package is read from, so what is checked is what is sent; with errors the run ends 'blocked'.
 */
export async function startExport(ctx: CallContext, request: ExportRequest, folder: string | null): Promise<StartedExport> {
  const problem = await folderProblem(folder)
  if (problem) throw new AppError('UNAVAILABLE', problem)
  const hub = await hubForExport(ctx)
  // The pseudonymised packages are their own series, in a folder of their own: an importer of the
  // hub's records never meets one, and reporting can be given that folder alone.
  if (request.pseudonymised) {
    folder = join(folder!, PSEUDONYMISED_FOLDER)
    await mkdir(folder, { recursive: false }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST')
        throw new AppError('UNAVAILABLE', `The folder ${folder} cannot be made for the pseudonymised packages. Ask IT to check the export folder.`)
    })
  }
  const begun = await beginRun(ctx, { ...request, folder: folder! }, (run) => verifyWrittenPackage(run))
  const run = (await readRun(ctx.core.db, begun.id))!
  const { log } = ctx.core
  const started = performance.now()
  const ms = () => Math.round(performance.now() - started)
  log.info('export.started', {
    run: begun.id,
    kind: begun.kind,
    pseudonymised: request.pseudonymised,
    packageSequence: begun.packageSequence,
    via: request.starter.via
  })
  const done = carryOut(ctx, begun, request.pseudonymised, folder!, hub)
    .then(
      async () => (await readRun(ctx.core.db, begun.id))!,
      (error: unknown) => {
        // The message is for the manager (it may name a record to fix); the log has the codes.
        if (error instanceof ExportBlocked) log.warn('export.blocked', { run: begun.id, errors: error.report.counts.error, ms: ms() })
        else log.error('export.failed', { run: begun.id, ...errorFields(error), ms: ms() })
        return recordEnd(ctx, run, error instanceof ExportBlocked ? 'blocked' : 'failed', error instanceof Error ? error.message : String(error))
      }
    )
    // Casebook closed under it: the run stays 'running' in the database, and the next run deals with it.
    .catch(() => run)
  return { run, done }
}

async function carryOut(
  ctx: CallContext,
  run: { id: string; kind: ExportKind; packageSequence: number; changeFrom: number },
  pseudonymised: boolean,
  folder: string,
  hub: HubForExport
): Promise<void> {
  if (!ctx.core.snapshot) throw new AppError('UNAVAILABLE', 'This Casebook was opened to read only: it cannot export.')
  const began = performance.now()
  const snapshot: DataSource = await ctx.core.snapshot()
  let validation: Promise<ValidationReport> | undefined
  try {
    // Every read below sees the database as it was at this first read.
    await snapshot.query(BEGIN_SNAPSHOT[dialectOf(snapshot)])
    // The audit trail's end as this snapshot sees it: the package and its run record it, and
    // verification checks that the trail still holds it (../audit/verify.ts).
    const auditHead = await readAuditHead(snapshot.manager)
    const [{ top }] = (await snapshot.query('SELECT COALESCE(MAX(seq), 0) AS top FROM change_feed')) as [{ top: number }]
    const changeTo = Math.max(Number(top), run.changeFrom)
    // What is checked is what is sent: an incremental package's records only (an error in a record
    // it does not carry is not the authority's to refuse in it), every record in a full one.
    // The report runs while the package is written, in the same snapshot (its queries take turns with
    // the pages' on the one connection, and are mostly the database's work while the writing is
    // JavaScript's): nothing is renamed into place until it has found no error, and an error stops the
    // writing, whose hidden folder is then removed as any failed run's is.
    const stop = new AbortController()
    const checking = runValidation(snapshot.manager, run.kind === 'incremental' ? { changes: { from: run.changeFrom, to: changeTo } } : {})
    validation = checking
    checking.then(
      (report) => report.blocked && stop.abort(),
      () => stop.abort()
    )
    const validated = async () => {
      const report = await checking
      if (report.blocked) throw new ExportBlocked(report)
    }
    const query: Query = (sql, params) => snapshot.query(sql, params) as Promise<Record<string, unknown>[]>
    const options: GroupOptions = { noteText: hub.noteText && !pseudonymised, dialect: dialectOf(snapshot) }
    const range: Range = { kind: run.kind, from: run.changeFrom, to: changeTo }

    const totals = new Map<RecordGroup, number>()
    for (const group of GROUPS) totals.set(group, await countKeys(query, group, range))
    // Progress counts records, each once: a group's files are written in one pass.
    const total = [...totals.values()].reduce((sum, n) => sum + n, 0)
    let done = 0
    let lastBeat = 0
    const progress = async (more: number) => {
      done += more
      if (Date.now() - lastBeat < BEAT_MS) return
      lastBeat = Date.now()
      await alive(done)
    }
    // A beat that cannot be written (another program holding the write lock) is only a progress bar
    // behind: the run carries on.
    const alive = (n: number) => beat(ctx, run.id, n, total, ctx.core.clock.now().toISOString()).catch(() => undefined)
    await alive(0)

    const createdAt = new Date(ctx.core.clock.now().getTime())
    const packageName = packageFolderName(hub.code, createdAt, run.packageSequence)
    const deletions: ExportRow[] = []
    const shapes = new Map(
      RESOURCES.map((resource) => [
        resource.name,
        {
          definition: { ...resource, schema: pseudonymised ? pseudonymisedSchema(resource) : resource.schema },
          shape: pseudonymised ? pseudonymiser(resource, hub.pseudonymKey) : (row: ExportRow) => row
        }
      ])
    )
    // A group's files are written in one pass of its records: a page read once feeds all of them.
    const resources: PackageGroup[] = [
      ...GROUPS.map((group) => ({
        definitions: group.files.map((file) => shapes.get(file)!.definition),
        rows: () => groupRows(query, group, range, options, shapes, deletions, progress)
      })),
      { definitions: [shapes.get('deletions')!.definition], rows: () => deletionRows(deletions, shapes.get('deletions')!.shape) }
    ]
    const written = await writePackage({
      signal: stop.signal,
      exportFolder: folder,
      createdAt,
      title: `Casebook export from hub ${hub.code}`,
      description: `${run.kind === 'full' ? 'Everything' : 'What changed'} up to change ${changeTo}${pseudonymised ? ', pseudonymised' : ''}.`,
      metadata: {
        formatVersion: EXPORT_FORMAT_VERSION,
        hubCode: hub.code,
        localAuthorityCode: hub.localAuthorityCode,
        packageSequence: run.packageSequence,
        kind: run.kind,
        changeSequence: { from: run.changeFrom, to: changeTo },
        pseudonymised,
        caseNoteText: options.noteText,
        auditHead,
        // The package lies on a share: its anchor is believed only with this (keyed by the pseudonym key, never exported).
        ...(auditHead
          ? { auditHeadMac: anchorMac(exportAnchorKey(hub.pseudonymKey), { hubCode: hub.code, takenAt: createdAt.toISOString(), anchor: auditHead }) }
          : {})
      },
      resources,
      // Said just before the rename, so that a run killed between the rename and its last transaction
      // is finished by the next; from then on its number is never given to another package.
      beforeRename: async (name) => {
        await validated()
        await withRetries(() => aboutToRename(ctx, run.id, changeTo, name, auditHead))
      }
    }).catch(async (error: unknown) => {
      // Stopped by the report, or failed while it was still running: the report's answer comes first.
      await validated()
      throw error
    })
    if (written.name !== packageName) throw new Error(`The package was named ${written.name}, not ${packageName}`)
    await snapshot.query('COMMIT')
    const files: RunFile[] = [
      ...written.files,
      ...written.spreadsheetCopies,
      { resource: 'datapackage', path: 'datapackage.json', rows: 0, bytes: written.descriptorFile.bytes, sha256: written.descriptorFile.sha256 }
    ].map((f) => ({ path: f.path, resource: f.resource, rows: f.rows, bytes: f.bytes, sha256: f.sha256 }))
    try {
      await alive(total)
      await withRetries(() => finishRun(ctx, run.id, files))
      // Said here, before anyone can see the run has finished (and close Casebook after it).
      ctx.core.log.info('export.finished', {
        run: run.id,
        package: written.name,
        records: total,
        files: files.length,
        ms: Math.round(performance.now() - began)
      })
    } catch (error) {
      // The package is in place but its run could not be recorded: moved out of sight, so that nothing
      // complete stands under a number the next run will use again. (Were the process killed here
      // instead, the next run would find the package whole and record it: runs.ts.)
      await rename(written.folder, join(folder, `${FAILED_PREFIX}${written.name}`))
      throw error
    }
  } finally {
    // A run that failed before the report ended waits for it: its queries are on this snapshot.
    await validation?.catch(() => undefined)
    await snapshot.destroy()
  }
}

/**
 * The group's record keys a page at a time: every record (full), or those the change feed names in
 * the range. (Exported for the hot queries' plan test, core/queryPlans.test.ts.)
 */
export async function* keyPages(query: Query, group: RecordGroup, range: Range): AsyncGenerator<KeyPage> {
  let after = ''
  for (;;) {
    let page: KeyPage
    if (range.kind === 'full') {
      // Every key of the table in (after, last]: only the page's size and its last key come back, as
      // one row. (Its 1,000 keys, each made a JavaScript object for nothing else, were 15% of the
      // time spent reading a hub's rows.) The keys are ids the app made, in one order in every collation.
      const [edge] = await query(
        `SELECT count(*) AS n, max(k) AS last FROM (SELECT ${group.key} AS k FROM ${group.table} WHERE ${group.key} > ? ORDER BY ${group.key} LIMIT ?) page`,
        [after, PAGE]
      )
      const count = Number(edge?.n ?? 0)
      if (count === 0) return
      page = { count, keys: null, range: { after, last: String(edge!.last) } }
    } else {
      const rows = await query(
        'SELECT DISTINCT record_key AS k FROM change_feed WHERE record_type = ? AND seq > ? AND seq <= ? AND record_key > ? ORDER BY record_key LIMIT ?',
        [group.record, range.from, range.to, after, PAGE]
      )
      if (rows.length === 0) return
      const keys = rows.map((r) => String(r.k))
      page = { count: keys.length, keys, range: null }
    }
    yield page
    if (page.count < PAGE) return
    after = page.range ? page.range.last : page.keys[page.keys.length - 1]!
  }
}

/** The group's rows, shaped for the package, a page of records at a time (the package writer loops over a page without an await per row). */
async function* groupRows(
  query: Query,
  group: RecordGroup,
  range: Range,
  options: GroupOptions,
  shapes: Map<string, { shape: (row: ExportRow) => ExportRow }>,
  deletions: ExportRow[],
  progress: (records: number) => Promise<void>
): AsyncGenerator<readonly PackageRow[]> {
  const files = group.files.map((file) => shapes.get(file)!.shape)
  const pages = keyPages(query, group, range)
  const readNext = async () => {
    const next = await pages.next()
    return next.done ? null : { keys: next.value, page: await group.read(query, next.value, options) }
  }
  // One page read ahead: the database reads the next page (on its own thread) while this one is
  // shaped and written, where each used to wait for the other.
  // Marked handled at once, so that a read failing while the writer is still busy, or after the
  // writer has stopped on an error of its own, is never an unhandled rejection; awaited, it still throws.
  let ahead = readNext()
  ahead.catch(() => undefined)
  try {
    for (;;) {
      const current = await ahead
      if (current === null) return
      ahead = readNext()
      ahead.catch(() => undefined)
      const { keys, page } = current
      const rows: PackageRow[] = []
      for (const [index, file] of group.files.entries()) {
        for (const row of page.rows.get(file) ?? []) rows.push([index, files[index]!(row)])
      }
      yield rows
      deletions.push(...page.deletions)
      await progress(keys.count)
    }
  } finally {
    // A writer that stops early (an error of its own) waits for the read in flight, so that the
    // snapshot is never closed or rolled back under it.
    await ahead.catch(() => undefined)
  }
}

async function* deletionRows(deletions: ExportRow[], shape: (row: ExportRow) => ExportRow): AsyncGenerator<readonly PackageRow[]> {
  for (let start = 0; start < deletions.length; start += PAGE) yield deletions.slice(start, start + PAGE).map((row): PackageRow => [0, shape(row)])
}
