// The export to the authority, measured (issue 10): a full export of the bench's hub and of a smaller
// hub built the same way (seed, early help, referrals), an incremental export after 1% of the records
// change, and the bare loop (exportRunner.ts) for the ratio. Each export and each bare loop runs in a
// child process of its own (exportRunner.ts), so its peak RSS is its own and not the seeding's here.
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { openCasebook, type Casebook } from '../core/casebook'
import { seedFamilies } from '../seed/seed'
import { benchEarlyHelp } from './earlyHelp'
import { benchReferrals } from './referrals'
import { time } from './stats'
import { SERVICE_TYPE } from '../../shared/referrals/codes'

const RUNNER = join(__dirname, 'exportRunner.ts')
/** A few samples for the smaller hub's early-help and referral measures, which only help build it here. */
const SMALL_HUB_SAMPLES = 5

export interface ExportFigures {
  kind: 'full' | 'incremental'
  /** Rows in the package's CSV files; the spreadsheet copies hold the same rows again and are not counted. */
  rows: number
  files: number
  /** Size of the package's CSV files; of the spreadsheet copies (in spreadsheet/, not in rows). */
  megabytes: number
  copyMegabytes: number
  /** Changes in the run's range of the change feed. */
  changes: number
  /** What the child did, timed inside it: open the database, validate, export, close (the command line's main). */
  seconds: number
  rowsPerSecond: number
  /** From the run's start (export.start, before validation) to its last heartbeat (after the rename). */
  startToLastBeatSeconds: number
  /** Spawn to exit, with Node's and tsx's start-up. */
  processSeconds: number
  cpuSeconds: number
  peakRssMb: number
}

export interface BareFigures {
  rows: number
  seconds: number
  rowsPerSecond: number
  cpuSeconds: number
  peakRssMb: number
  /** Files whose row count differs from the full package's: none, or the bare loop is not the same rows. */
  rowMismatches: Record<string, { bare: number; package: number }>
}

export interface HubExportFigures {
  families: number
  people: number
  validationSeconds: number
  validation: { errors: number; warnings: number }
  full: ExportFigures
  bare: BareFigures
  /** The full export's seconds over the bare loop's. */
  ratio: number
}

export interface ExportBench {
  /** The process that loads the core, opens the large hub's database and closes it: the floor under every peak. */
  openOnlyPeakRssMb: number
  small: HubExportFigures
  large: HubExportFigures & {
    change: { how: string; records: number; ofRecords: number; changeFeedRows: number }
    incremental: ExportFigures
  }
  peakRssDifferenceMb: number
  targets: { fullSeconds: number; ratio: number; incrementalSeconds: number; peakRssDifferenceMb: number }
}

interface Child {
  result: Record<string, any>
  processMs: number
}

/**
 * Writes what earlier steps left in the page cache (seeding, the bare loop's unsynced files) to the
 * disk first, so that a measure does not pay for them: an ext4 fsync in the export's package can wait
 * for other files' data too, and a run straight after copying the database took 2.5 s longer.
 * (No `sync` command on Windows, where the bench is not measured.)
 */
function flushPageCache(): void {
  if (process.platform !== 'win32') execFileSync('sync')
}

function runChild(args: string[]): Promise<Child> {
  flushPageCache()
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', RUNNER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      const processMs = performance.now() - started
      const last = out.trim().split('\n').at(-1) ?? ''
      if (code !== 0 || !last.startsWith('{')) return reject(new Error(`exportRunner ${args.join(' ')} exited with ${code}: ${err || out}`))
      resolve({ result: JSON.parse(last) as Record<string, any>, processMs })
    })
  })
}

const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places

/** Runs one export through the command line's code in a child, then reads what the run recorded. */
async function exportOnce(databasePath: string, folder: string, kind: 'full' | 'incremental'): Promise<ExportFigures> {
  mkdirSync(folder, { recursive: true })
  const { result, processMs } = await runChild(['export', databasePath, folder, ...(kind === 'full' ? ['--full'] : [])])
  if (result.code !== 0) throw new Error(`The ${kind} export failed (exit code ${result.code}): ${result.line}`)
  const reader = await openCasebook({ databasePath, mode: 'readOnly' })
  try {
    const [run] = (await reader.core.db.query(
      `SELECT id, kind, change_from, change_to, started_at, heartbeat_at FROM export_run WHERE status = 'succeeded' ORDER BY package_sequence DESC LIMIT 1`
    )) as { id: string; kind: string; change_from: number; change_to: number; started_at: string; heartbeat_at: string }[]
    if (!run || run.kind !== kind) throw new Error(`The last run is not the ${kind} export just made`)
    const files = (await reader.core.db.query(`SELECT path, row_count, bytes FROM export_run_file WHERE run_id = ?`, [run.id])) as {
      path: string
      row_count: number
      bytes: number
    }[]
    const exact = files.filter((f) => f.path.endsWith('.csv') && !f.path.includes('/'))
    const copies = files.filter((f) => f.path.includes('/'))
    const rows = exact.reduce((sum, f) => sum + Number(f.row_count), 0)
    const seconds = result.ms / 1000
    return {
      kind,
      rows,
      files: exact.length,
      megabytes: round(exact.reduce((sum, f) => sum + Number(f.bytes), 0) / 1e6, 1),
      copyMegabytes: round(copies.reduce((sum, f) => sum + Number(f.bytes), 0) / 1e6, 1),
      changes: Number(run.change_to) - Number(run.change_from),
      seconds: round(seconds),
      rowsPerSecond: Math.round(rows / seconds),
      startToLastBeatSeconds: round((Date.parse(run.heartbeat_at) - Date.parse(run.started_at)) / 1000),
      processSeconds: round(processMs / 1000),
      cpuSeconds: round(result.cpuMs / 1000),
      peakRssMb: result.peakRssMb
    }
  } finally {
    await reader.close()
  }
}

/** The bare loop in a child, its row counts checked file by file against the full package's. */
async function bareOnce(databasePath: string, folder: string): Promise<BareFigures> {
  mkdirSync(folder, { recursive: true })
  const { result } = await runChild(['bare', databasePath, folder])
  const reader = await openCasebook({ databasePath, mode: 'readOnly' })
  const packageRows = new Map<string, number>()
  try {
    const files = (await reader.core.db.query(
      `SELECT resource, row_count FROM export_run_file WHERE run_id = (SELECT id FROM export_run WHERE status = 'succeeded' AND kind = 'full' ORDER BY package_sequence DESC LIMIT 1)
       AND path NOT LIKE '%/%' AND path LIKE '%.csv'`
    )) as { resource: string; row_count: number }[]
    for (const f of files) packageRows.set(f.resource, Number(f.row_count))
  } finally {
    await reader.close()
  }
  const rowMismatches: BareFigures['rowMismatches'] = {}
  for (const [name, bare] of Object.entries(result.rowsPerFile as Record<string, number>)) {
    if (packageRows.get(name) !== bare) rowMismatches[name] = { bare, package: packageRows.get(name) ?? -1 }
  }
  const seconds = result.ms / 1000
  return {
    rows: result.rows,
    seconds: round(seconds),
    rowsPerSecond: Math.round(result.rows / seconds),
    cpuSeconds: round(result.cpuMs / 1000),
    peakRssMb: result.peakRssMb,
    rowMismatches
  }
}

async function validate(casebook: Casebook): Promise<{ seconds: number; errors: number; warnings: number }> {
  const [ms, report] = await time(() => casebook.connect({ name: 'bench' }).invoke('export.validate', {}))
  if (!report.ok) throw new Error(report.error.message)
  const counts = (report.value as { counts: { error: number; warning: number } }).counts
  if (counts.error > 0) {
    const rules = (report.value as { rules: { code: string; severity: string; count: number }[] }).rules.filter((r) => r.severity === 'error' && r.count > 0)
    throw new Error(`The bench's hub has validation errors, so the export would refuse it: ${rules.map((r) => `${r.code} ×${r.count}`).join(', ')}`)
  }
  return { seconds: round(ms / 1000), errors: counts.error, warnings: counts.warning }
}

/**
 * What the bench's early-help seeding (earlyHelp.ts) makes that the export's validation refuses: closed
 * episodes with no closure (CB401) and case notes dated after now (CB602); and what the referrals seeding
 * makes that the package's Table Schema refuses: a service type off the list. Put right in SQL before the
 * export is measured, with a closure as the app would store it (storedClosure).
 */
async function putRightForExport(casebook: Casebook): Promise<{ closures: number; notes: number; services: number }> {
  return casebook.core.writes.run(async (m) => {
    const [closures] = (await m.query(`SELECT count(*) AS n FROM episode WHERE status IN ('closing', 'closed') AND closure IS NULL`)) as { n: number }[]
    await m.query(
      `UPDATE episode SET closure = json_object('reason', 'OUTCOMES_ACHIEVED', 'note', NULL,
         'outcomes', (SELECT json_group_object(h.code, 'ACHIEVED') FROM episode_headline h WHERE h.episode_id = episode.id),
         'familyView', 'Synthetic view of the help they had.', 'stepUpOn', NULL, 'requestedByUserId', lead_user_id,
         'approved', json('true'), 'approvedByUserId', NULL)
       WHERE status IN ('closing', 'closed') AND closure IS NULL`
    )
    const now = new Date().toISOString()
    const [notes] = (await m.query(`SELECT count(*) AS n FROM case_note WHERE occurred_at > ?`, [now])) as { n: number }[]
    await m.query(`UPDATE case_note SET occurred_at = strftime('%Y-%m-%dT%H:%M:%fZ', ?, '-' || (rowid % 30 + 1) || ' days') WHERE occurred_at > ?`, [now, now])
    // The referrals seeding's FAMILY_SUPPORT is not a SERVICE_TYPE code (and no validation rule looks at services).
    const types = SERVICE_TYPE.items.map((i) => i.code)
    const offList = `service_type NOT IN (${types.map(() => '?').join(', ')})`
    const [services] = (await m.query(`SELECT count(*) AS n FROM directory_service WHERE ${offList}`, types)) as { n: number }[]
    await m.query(`UPDATE directory_service SET service_type = 'OTHER' WHERE ${offList}`, types)
    return { closures: Number(closures!.n), notes: Number(notes!.n), services: Number(services!.n) }
  })
}

/** A full export and the bare loop of one hub, whose casebook the caller holds open. */
async function measureHub(casebook: Casebook, databasePath: string, label: string, log: (line: string) => void): Promise<HubExportFigures> {
  const putRight = await putRightForExport(casebook)
  log(
    `Before the export: gave ${putRight.closures} closed episodes a closure, moved ${putRight.notes} case notes dated in the future into the past, gave ${putRight.services} services a listed type`
  )
  const [counts] = (await casebook.core.db.query('SELECT (SELECT count(*) FROM family) AS families, (SELECT count(*) FROM person) AS people')) as {
    families: number
    people: number
  }[]
  const { seconds: validationSeconds, ...validation } = await validate(casebook)
  const folder = join(dirname(databasePath), `export-${label}`)
  const full = await exportOnce(databasePath, join(folder, 'packages'), 'full')
  const bare = await bareOnce(databasePath, join(folder, 'bare'))
  return {
    families: Number(counts!.families),
    people: Number(counts!.people),
    validationSeconds,
    validation,
    full,
    bare,
    ratio: round(full.seconds / bare.seconds)
  }
}

/**
 * 1% of the records of each table named here change through plain SQL UPDATEs in one transaction: the
 * change feed's triggers (migration 15) record them as they would the app's writes; no audit rows.
 */
async function changeOnePercent(casebook: Casebook): Promise<ExportBench['large']['change']> {
  const now = new Date().toISOString()
  const updates: [table: string, set: string, params: unknown[]][] = [
    ['family', 'phone = ?, updated_at = ?', ['0161 496 0100', now]],
    ['person', 'school = ?, updated_at = ?', ['Bench Primary School', now]],
    ['episode', 'reason = ?, updated_at = ?', ['Synthetic reason, looked at again', now]],
    ['taf_member', 'phone = ?, updated_at = ?', ['0121 496 0001', now]],
    ['assessment', 'updated_at = ?', [now]],
    ['family_plan', 'updated_at = ?', [now]],
    ['review', 'other_attendees = ?', ['The school nurse']],
    ['case_note', 'significant = 1 - significant', []],
    ['request_for_help', 'urgency = urgency, updated_at = ?', [now]],
    ['outbound_referral', 'updated_at = ?', [now]]
  ]
  const db = casebook.core.db
  const seq = async () => Number(((await db.query('SELECT COALESCE(MAX(seq), 0) AS s FROM change_feed')) as { s: number }[])[0]!.s)
  const before = await seq()
  let records = 0
  let ofRecords = 0
  for (const [table] of updates) ofRecords += Number(((await db.query(`SELECT count(*) AS n FROM ${table}`)) as { n: number }[])[0]!.n)
  await casebook.core.writes.run(async (m) => {
    for (const [table, set, params] of updates) {
      const [counted] = (await m.query(`SELECT count(*) AS n FROM ${table} WHERE rowid % 100 = 0`)) as { n: number }[]
      await m.query(`UPDATE ${table} SET ${set} WHERE rowid % 100 = 0`, params)
      records += Number(counted!.n)
    }
  })
  return {
    how: `SQL UPDATEs of every 100th row (by rowid) of ${updates.map(([t]) => t).join(', ')}, in one transaction; the change feed's triggers fired, no audit rows`,
    records,
    ofRecords,
    changeFeedRows: (await seq()) - before
  }
}

/** A hub of `families` families built as the bench builds its own: the generator, then early help and referrals. */
async function buildSmallHub(
  databasePath: string,
  families: number,
  scale: { requests: number; referrals: number },
  log: (line: string) => void
): Promise<Casebook> {
  const casebook = await openCasebook({ databasePath, mode: 'create', hub: { name: 'Bench hub', code: 'BH', localAuthorityCode: '999' } })
  const [ms, seeded] = await time(() => seedFamilies(casebook, { families, seed: 42 }))
  log(`Seeded a second hub of ${seeded.families} families, ${seeded.people} people in ${round(ms / 1000, 1)} s`)
  await benchEarlyHelp(casebook, SMALL_HUB_SAMPLES, log)
  await benchReferrals(casebook, casebook.connect({ name: 'bench' }), scale, SMALL_HUB_SAMPLES, log)
  return casebook
}

/**
 * `casebook` is the bench's own hub, fully seeded (at `databasePath`); the smaller hub is made beside it,
 * with requests and referrals scaled to its size.
 */
export async function benchExport(
  casebook: Casebook,
  databasePath: string,
  options: { smallFamilies: number; largeFamilies: number; requests: number; referrals: number },
  log: (line: string) => void
): Promise<ExportBench> {
  const openOnly = await runChild(['open', databasePath])
  const large = await measureHub(casebook, databasePath, 'large', log)
  log(`Exported ${large.full.rows} rows in full in ${large.full.seconds} s`)
  const change = await changeOnePercent(casebook)
  const incremental = await exportOnce(databasePath, join(dirname(databasePath), 'export-large', 'packages'), 'incremental')

  const share = options.smallFamilies / options.largeFamilies
  const smallPath = join(dirname(databasePath), `bench-${options.smallFamilies}.sqlite`)
  const smallHub = await buildSmallHub(
    smallPath,
    options.smallFamilies,
    { requests: Math.round(options.requests * share), referrals: Math.round(options.referrals * share) },
    log
  )
  let small: HubExportFigures
  try {
    small = await measureHub(smallHub, smallPath, 'small', log)
  } finally {
    await smallHub.close()
  }
  return {
    openOnlyPeakRssMb: openOnly.result.peakRssMb,
    small,
    large: { ...large, change, incremental },
    peakRssDifferenceMb: large.full.peakRssMb - small.full.peakRssMb,
    targets: { fullSeconds: 20, ratio: 2, incrementalSeconds: 2, peakRssDifferenceMb: 50 }
  }
}

/** The bench's table: one line per measure. */
export function printExport(figures: ExportBench, log: (line: string) => void): void {
  const line = (what: string, f: ExportFigures | BareFigures, extra = '') =>
    log(
      `  ${what.padEnd(34)} ${`${f.seconds} s`.padEnd(9)} ${`(CPU ${f.cpuSeconds} s)`.padEnd(14)} ${`${f.rows.toLocaleString('en-GB')} rows`.padEnd(17)} ${`${f.rowsPerSecond.toLocaleString('en-GB')} rows/s`.padEnd(17)} peak RSS ${`${f.peakRssMb} MB`.padEnd(8)}${extra}`
    )
  log(
    `Export to the authority, each in a child process (CPU: the whole child's; rows: the package's CSVs, not the spreadsheet copies; opening alone peaks at ${figures.openOnlyPeakRssMb} MB):`
  )
  for (const [label, hub] of [
    ['small', figures.small],
    ['large', figures.large]
  ] as const) {
    log(
      `  ${hub.families.toLocaleString('en-GB')} families, ${hub.people.toLocaleString('en-GB')} people (validation alone ${hub.validationSeconds} s, ${hub.validation.warnings} warnings):`
    )
    line(
      'full export (open, validate, write)',
      hub.full,
      `  ${hub.full.megabytes} MB + ${hub.full.copyMegabytes} MB copies; start to last beat ${hub.full.startToLastBeatSeconds} s`
    )
    line(
      'bare loop, same rows',
      hub.bare,
      `  ratio ${hub.ratio}${Object.keys(hub.bare.rowMismatches).length ? `  ROWS DIFFER: ${JSON.stringify(hub.bare.rowMismatches)}` : ''}`
    )
    if (label === 'large') {
      const c = figures.large.change
      line(
        `incremental, ${c.records.toLocaleString('en-GB')} records changed`,
        figures.large.incremental,
        `  start to last beat ${figures.large.incremental.startToLastBeatSeconds} s`
      )
    }
  }
  log(`  Peak RSS, large − small: ${figures.peakRssDifferenceMb} MB (targets: full < 20 s, ratio < 2, incremental < 2 s, RSS difference < 50 MB)`)
}

// On its own, on a bench database that is there (npm run bench -- --keep leaves one): the large hub's
// full export, the bare loop and the incremental after 1% changes, without seeding a hub each time.
// The database's export history grows; use a copy.
if (process.argv[1] && /bench[\\/]export\.[cm]?[jt]s$/.test(process.argv[1])) {
  const { values } = parseArgs({ options: { db: { type: 'string' } } })
  if (!values.db) {
    console.error('Give the database: tsx src/main/bench/export.ts --db <database>')
    process.exit(2)
  }
  void (async () => {
    const databasePath = values.db!
    const casebook = await openCasebook({ databasePath, mode: 'existing' })
    try {
      const large = await measureHub(casebook, databasePath, 'large', console.log)
      const change = await changeOnePercent(casebook)
      const incremental = await exportOnce(databasePath, join(dirname(databasePath), 'export-large', 'packages'), 'incremental')
      console.log(
        `full ${large.full.seconds} s (CPU ${large.full.cpuSeconds} s); bare loop ${large.bare.seconds} s (CPU ${large.bare.cpuSeconds} s); ratio ${large.ratio}`
      )
      console.log(`incremental after ${change.records} changes: ${incremental.seconds} s (start to last beat ${incremental.startToLastBeatSeconds} s)`)
      console.log(JSON.stringify({ large, change, incremental }))
    } finally {
      await casebook.close()
    }
  })().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
