// A single-desk hub's move from its SQLite file to the hub's shared PostgreSQL database (issue 13,
// `move-to-postgres`, ../cli/moveCommand). The file is opened read-only and read in one transaction
// (one consistent moment, whatever WAL holds); the target is migrated as the owner role, must hold no
// records, and receives every row, table after table in the order of their foreign keys, in ONE
// transaction that commits only after the target's row counts equal the file's and its audit chain
// verifies. So a failure anywhere (a row the server refuses, the connection lost, a count that does
// not match) leaves the target as it was: PostgreSQL never commits half a transaction. Ids, versions,
// the audit trail with its hashes, the change feed and the hub's counters are copied as they are, so
// the next write on the server follows on from the last in the file: the move's own audit entry,
// written before the commit, after a last look that no desk saved in the file meanwhile.
import type { DataSource, QueryRunner } from 'typeorm'
import { openReadOnlyDatabase } from '../core/database'
import { BEGIN_WRITE } from '../core/dialect'
import { describePostgres, openPostgresDatabase, type PostgresConnection } from '../core/postgres'
import { postgresProblem } from '../core/postgresProblems'
import { grantDeskRole, quoted } from '../core/postgresRoles'
import { verifyAuditChain } from '../audit/verify'
import { GENESIS_HASH, lastAuditEntry, writeAudit } from '../audit/audit'
import { rebuildPostgresSearch } from '../search/postgresSearch'
import { SEARCH_ROWS, SEARCH_STARTS, SEARCH_TABLE } from '../search/sqliteSearch'
import { silentLog, type Log } from '../log/log'
import { tablesToCopy, type TargetTable } from './targetTables'

export interface MoveOptions {
  /** The hub's SQLite file: read, never written. */
  from: string
  /** The target database, connected to as the role that owns (or will own) its tables. */
  to: PostgresConnection
  /** The desks' role, granted what a desk needs once the tables are made (as `migrate` does); null when not known. */
  deskRole: string | null
  /** Who moved the hub, for the audit entry the move appends on the server (the command line's `cli:<user>`). */
  actor: string
  log?: Log
  onProgress?: (done: number, total: number) => void
  /** Rows sent to the server at once. */
  batchRows?: number
}

export interface MoveResult {
  target: string
  tables: { name: string; rows: number }[]
  rows: number
  seconds: number
  /** The copied trail as verified on the target (the move's own entry, appended after it, not counted). */
  audit: { entries: number }
  /** The hub settings `migrate` had made on the empty target, which the file's replaced. */
  replacedHub: { name: string; code: string } | null
  /** How many tables the desks' role was granted, when there was one. */
  granted: number | null
}

/**
 * Why the move did not happen. `outcome`: `unchanged` (nothing was copied: the target holds no records,
 * as before) or `unknown` (the connection was lost while the server committed: either everything was
 * copied or nothing was, and running the command again says which).
 */
export class MoveRefusal extends Error {
  constructor(
    message: string,
    readonly outcome: 'unchanged' | 'unknown' = 'unchanged'
  ) {
    super(message)
    this.name = 'MoveRefusal'
  }
}

/** What the server shows for the move's connections (pg_stat_activity), for IT. */
export const MOVE_APPLICATION = 'Casebook move-to-postgres'

const BATCH_ROWS = 1000

/**
 * The file's own tables, which the target has no copy of: SQLite's search index (FTS5 and its shadow
 * tables, its rows by person, its names' first letters) and SQLite's bookkeeping.
 */
const fileOnly = (name: string) =>
  name === 'migrations' ||
  name.startsWith('sqlite_') ||
  name === SEARCH_ROWS ||
  name === SEARCH_STARTS ||
  name === SEARCH_TABLE ||
  name.startsWith(`${SEARCH_TABLE}_`)

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

function messageOf(error: unknown): string {
  const e = error as { message?: string; code?: string; detail?: string; table?: string }
  const code = typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? ` (PostgreSQL ${e.code})` : ''
  return `${e?.message ?? String(error)}${e?.detail ? `: ${e.detail}` : ''}${code}`
}

/** No answer from the server (the connection gone): unlike a refusal, which the server answers with its SQLSTATE after undoing the transaction. */
function connectionLost(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code
  return typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code) || code.startsWith('08') || code.startsWith('57P')
}

export async function moveToPostgres(options: MoveOptions): Promise<MoveResult> {
  const log = options.log ?? silentLog
  const started = performance.now()
  const to: PostgresConnection = { ...options.to, applicationName: MOVE_APPLICATION, poolSize: 2 }
  const target = describePostgres(to)

  const source = await openReadOnlyDatabase(options.from).catch((error: unknown) => {
    throw new MoveRefusal(`The file ${options.from} cannot be moved: ${messageOf(error)} Nothing was copied.`)
  })
  let server: DataSource | null = null
  try {
    const opened = await openPostgresDatabase(to, { migrate: true }).catch((error: unknown) => {
      throw new MoveRefusal(`${messageOf(postgresProblem(error, to))} Nothing was copied.`)
    })
    server = opened.dataSource
    log.info('move.migrated', { migrations: opened.migrated.length })
    const deskRole = options.deskRole
    const granted = deskRole
      ? (
          await grantDeskRole(server, deskRole).catch((error: unknown) => {
            throw new MoveRefusal(`${messageOf(error)} Nothing was copied.`)
          })
        ).length
      : null
    const copied = await copyAll(source.reader, server, target, options, () => savedInFileNow(options.from))
    const seconds = Math.round((performance.now() - started) / 100) / 10
    log.info('move.finished', { tables: copied.tables.length, rows: copied.rows, ms: Math.round(performance.now() - started) })
    return { target, ...copied, seconds, granted }
  } finally {
    await server?.destroy()
    await source.reader.destroy()
    await source.release()
  }
}

type Copied = Pick<MoveResult, 'tables' | 'rows' | 'audit' | 'replacedHub'>

/**
 * What a desk saving in the file changes: every save of a record appends to the audit trail, and a
 * draft (saved as someone types, not audited) changes the drafts' count or their latest time.
 */
const SAVED_IN_FILE = `SELECT (SELECT max(seq) FROM audit_entry) AS "auditHead", (SELECT count(*) FROM draft) AS "drafts", (SELECT max(saved_at) FROM draft) AS "draftSavedAt"`

/** SAVED_IN_FILE as the file is now, outside the copy's moment. */
async function savedInFileNow(file: string): Promise<string> {
  const now = await openReadOnlyDatabase(file)
  try {
    return JSON.stringify(await now.reader.query(SAVED_IN_FILE))
  } finally {
    await now.reader.destroy()
    await now.release()
  }
}

async function copyAll(reader: DataSource, server: DataSource, target: string, options: MoveOptions, savedNow: () => Promise<string>): Promise<Copied> {
  const log = options.log ?? silentLog
  const started = performance.now()
  const runner = server.createQueryRunner()
  await runner.connect()
  let committing = false
  try {
    // The file's one moment: WAL keeps what this transaction sees fixed while it reads.
    await reader.query('BEGIN')
    // Begun as a desk's write begins (the chain head's row lock first), so a desk started on the new
    // database by mistake waits for the copy, or is refused by what it finds, and never deadlocks with it.
    for (const statement of BEGIN_WRITE.postgres) await runner.query(statement)
    const tables = await tablesToCopy(runner)
    // Migration 1764000000019's triggers are for desks writing one record at a time: they would add a
    // change-feed row for every row copied, number the feed afresh, refuse audit entries written in
    // batches (each must follow the head) and give the hub a new database id. The copy brings all of
    // that from the file as it is, so it switches the triggers off for its own transaction. Safe: ALTER
    // TABLE takes each table's lock until the commit, so no desk writes while they are off; it is part
    // of the transaction, so a failure puts them back with everything else; the copy switches them on
    // again before it commits; the foreign keys and CHECKs are not triggers of this kind and stay on; and
    // what the triggers keep (the chain head, the feed's counter) is set from the copied rows below and
    // verified before the commit. (session_replication_role = replica would do the same, but only a
    // superuser may set it; the owner may alter its own tables.)
    for (const table of tables) await runner.query(`ALTER TABLE ${quoted(table.name)} DISABLE TRIGGER USER`)
    const replacedHub = await refuseRecords(runner, tables, target)

    const counts = await readCounts(reader, tables)
    const total = [...counts.values()].reduce((a, b) => a + b, 0)
    let done = 0
    options.onProgress?.(0, total)
    for (const table of tables) {
      done += await copyTable(reader, runner, table, options.batchRows ?? BATCH_ROWS, (n) => options.onProgress?.(done + n, total))
      options.onProgress?.(done, total)
    }
    await runner.query(
      `UPDATE audit_head SET seq = COALESCE((SELECT max(seq) FROM audit_entry), 0),
         hash = COALESCE((SELECT hash FROM audit_entry ORDER BY seq DESC LIMIT 1), ?) WHERE id = 1`,
      [GENESIS_HASH]
    )
    await runner.query(`UPDATE change_feed_counter SET seq = COALESCE((SELECT max(seq) FROM change_feed), 0) WHERE id = 1`)
    log.info('move.copied', { tables: tables.length, rows: total, ms: Math.round(performance.now() - started) })
    await rebuildPostgresSearch(runner)
    log.info('move.searchBuilt', { ms: Math.round(performance.now() - started) })
    const audit = await verifyTarget(reader, runner, tables, counts)
    log.info('move.verified', { entries: audit.entries, ms: Math.round(performance.now() - started) })

    for (const table of tables) await runner.query(`ALTER TABLE ${quoted(table.name)} ENABLE TRIGGER USER`)
    // A desk still saving in the file: what it saved after the copy's moment would be in the file and
    // not on the server, and go on being saved there. (A save after this check and before the commit
    // is not seen: the command's last words tell IT to keep every desk off the file.)
    if ((await savedNow()) !== JSON.stringify(await reader.query(SAVED_IN_FILE)))
      throw new MoveRefusal(
        `A desk saved in ${options.from} while it was being copied, so the copy would miss what it saved. Nothing was copied: close Casebook on every desk that uses the file, then run the command again.`
      )
    // The move itself, on the trail it moved: who, when, from which file (the chain head's trigger is on again, and checks it follows).
    await writeAudit(runner.manager, {
      at: new Date().toISOString(),
      actor: options.actor,
      action: 'move',
      recordType: 'database',
      recordId: await hubDatabaseId(runner),
      changes: { from: options.from, to: target, rows: total, entries: audit.entries }
    })
    committing = true
    await runner.query('COMMIT')
    return { tables: tables.map((t) => ({ name: t.name, rows: counts.get(t.name)! })), rows: total, audit, replacedHub }
  } catch (error) {
    if (committing && connectionLost(error))
      throw new MoveRefusal(
        `The connection to ${target} was lost while the server was committing the copy (${messageOf(error)}). PostgreSQL commits all of a transaction or none of it, so the target holds either the whole hub or no records at all. Run the command again: it copies the hub if nothing was, and otherwise says the target already holds records (then check the copy with: npm run casebook -- audit verify, on a desk configured for it).`,
        'unknown'
      )
    await runner.query('ROLLBACK').catch(() => undefined)
    if (error instanceof MoveRefusal) throw error
    throw new MoveRefusal(
      `The copy to ${target} stopped part-way: ${messageOf(error)}. Nothing was copied: the whole copy was one transaction, which PostgreSQL undid, so the target holds no records, as before. The file is unchanged. Put right what stopped it and run the command again.`
    )
  } finally {
    await reader.query('ROLLBACK').catch(() => undefined)
    await runner.release()
  }
}

/** The hub's database id, as copied from the file (migration 1764000000016 made it there). */
async function hubDatabaseId(runner: QueryRunner): Promise<string> {
  const [hub] = (await runner.query(`SELECT database_id AS "databaseId" FROM hub WHERE id = 1`)) as { databaseId: string }[]
  return hub?.databaseId ?? ''
}

/**
 * Refuses a target that holds records, with what it holds. The hub's settings row alone, and nothing
 * else, is what `migrate` makes on a new database: the file's settings replace it.
 */
async function refuseRecords(runner: QueryRunner, tables: TargetTable[], target: string): Promise<{ name: string; code: string } | null> {
  const held: { table: string; rows: number }[] = []
  for (const table of tables) {
    const [{ rows }] = (await runner.query(`SELECT count(*) AS "rows" FROM ${quoted(table.name)}`)) as [{ rows: number }]
    if (rows > 0) held.push({ table: table.name, rows })
  }
  if (held.length === 0) return null
  if (held.length === 1 && held[0]!.table === 'hub' && held[0]!.rows === 1) {
    const [hub] = (await runner.query(`SELECT name, code FROM hub`)) as { name: string; code: string }[]
    await runner.query(`DELETE FROM hub`)
    return hub!
  }
  const what = held.map((h) => `${h.table} ${h.rows.toLocaleString('en-GB')}`).join(', ')
  throw new MoveRefusal(
    `The database ${target} already holds a hub's records (rows in ${what}). move-to-postgres copies a hub only into a database with no records in it, so that nothing already there is mixed with the file's or lost under it. Nothing was copied. Give it an empty database: IT makes one as the README's "Several desks on one PostgreSQL database" says.`
  )
}

/** Each table's rows in the file, read in its one transaction; and a file whose tables are not the target's is refused. */
async function readCounts(reader: DataSource, tables: TargetTable[]): Promise<Map<string, number>> {
  const inFile = ((await reader.query(`SELECT name FROM sqlite_master WHERE type = 'table'`)) as { name: string }[]).map((r) => r.name)
  const wanted = new Set(tables.map((t) => t.name))
  const unknown = inFile.filter((name) => !fileOnly(name) && !wanted.has(name))
  const missing = [...wanted].filter((name) => !inFile.includes(name))
  if (unknown.length > 0 || missing.length > 0)
    throw new MoveRefusal(
      `The file's tables are not the ones this version of Casebook builds on PostgreSQL (${[...unknown.map((n) => `${n} only in the file`), ...missing.map((n) => `${n} only on the server`)].join(', ')}). Nothing was copied.`
    )
  const counts = new Map<string, number>()
  for (const table of tables) {
    const columns = ((await reader.query(`PRAGMA table_info(${quoted(table.name)})`)) as { name: string }[]).map((c) => c.name).sort()
    const expected = table.columns.map((c) => c.name).sort()
    if (columns.join() !== expected.join())
      throw new MoveRefusal(
        `The file's table ${table.name} has the columns ${columns.join(', ')}, and the server's ${expected.join(', ')}: this version of Casebook cannot copy it. Nothing was copied.`
      )
    const [{ rows }] = (await reader.query(`SELECT count(*) AS "rows" FROM ${quoted(table.name)}`)) as [{ rows: number }]
    counts.set(table.name, rows)
  }
  return counts
}

/** One table, in batches in the file's row order, each batch one INSERT of a column array apiece. Its rows copied. */
async function copyTable(reader: DataSource, runner: QueryRunner, table: TargetTable, batchRows: number, progress: (n: number) => void): Promise<number> {
  const names = table.columns.map((c) => quoted(c.name)).join(', ')
  const insert = `INSERT INTO ${quoted(table.name)} (${names}) SELECT * FROM unnest(${table.columns.map((c) => `?::${c.type}[]`).join(', ')})`
  let after = Number.MIN_SAFE_INTEGER
  let copied = 0
  for (;;) {
    const rows = (await reader.query(`SELECT rowid AS "rowid__", ${names} FROM ${quoted(table.name)} WHERE rowid > ? ORDER BY rowid LIMIT ?`, [
      after,
      batchRows
    ])) as Record<string, unknown>[]
    if (rows.length === 0) return copied
    const arrays = table.columns.map((c) => rows.map((row) => valueFor(row[c.name], c.type)))
    try {
      await runner.query(insert, arrays)
    } catch (error) {
      throw new Error(`the server refused a row of ${table.name} (${messageOf(error)})`, { cause: error })
    }
    copied += rows.length
    after = rows.at(-1)!['rowid__'] as number
    progress(copied)
  }
}

/** SQLite keeps a boolean as 0 or 1; every other value goes as the file holds it, for the server to check against its column. */
function valueFor(value: unknown, type: string): unknown {
  if (type === 'bool' && typeof value === 'number') return value !== 0
  return value
}

/** Before the commit: the target's rows table by table, its chain head and its audit trail, against the file's. */
async function verifyTarget(reader: DataSource, runner: QueryRunner, tables: TargetTable[], counts: Map<string, number>): Promise<{ entries: number }> {
  for (const table of tables) {
    const [{ rows }] = (await runner.query(`SELECT count(*) AS "rows" FROM ${quoted(table.name)}`)) as [{ rows: number }]
    if (rows !== counts.get(table.name))
      throw new Error(`${table.name} has ${plural(rows, 'row', 'rows')} on the server and ${counts.get(table.name)} in the file`)
  }
  // The app's own verification, on the target as the transaction sees it: every entry follows from the one before.
  const chain = await verifyAuditChain(runner)
  if (!chain.intact)
    throw new Error(
      `the audit trail does not verify on the server: ${chain.problem?.message ?? ''} (check the file with: npm run casebook -- audit verify --db <file>)`
    )
  const last = await lastAuditEntry(reader)
  const [head] = (await runner.query(`SELECT seq, hash FROM audit_head WHERE id = 1`)) as { seq: number; hash: string }[]
  if (chain.entries !== counts.get('audit_entry') || head?.seq !== (last?.seq ?? 0) || head?.hash !== (last?.hash ?? GENESIS_HASH))
    throw new Error(`the audit trail on the server does not end where the file's does (entry ${head?.seq} against ${last?.seq ?? 0})`)
  return { entries: chain.entries }
}
