// The database the bench measures: a SQLite file in a temporary folder (the default), or a database
// of its own on PostgreSQL (`--engine postgres`): on a server the bench starts the way the tests do,
// but durable (fsync and synchronous commit on, as a hub's server has them), or on the server a
// `--url` names (whose user may create databases), dropped afterwards unless `--keep`. Everything
// else in the bench is the same on both, through the core; only what is said here differs.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import sqlite3 from 'sqlite3'
import { openCasebook, type Casebook } from '../core/casebook'
import type { OpenMode } from '../core/opening'
import { dialectOf, type Dialect } from '../core/dialect'
import { describePostgres, type PostgresConnection } from '../core/postgres'
import { numberedPlaceholders } from '../core/postgresPlaceholders'
import { startPostgresServer, type PostgresServer } from '../testing/postgresServer'
import { makeTestPostgresDatabase, type TestPostgresDatabase } from '../testing/postgresDatabase'

export type RawAll = (sql: string, params: unknown[]) => Promise<unknown[]>

export interface BenchDatabase {
  engine: Dialect
  /** The SQLite file, or how the PostgreSQL database is named (never a password). */
  path: string
  /** The folder for what the bench writes beside the database (exports). */
  folder: string
  /** A core of its own: on PostgreSQL, its own pool of `poolSize` connections, as a desk has. */
  open(mode: OpenMode, poolSize?: number): Promise<Casebook>
  /** The same database through the engine's own driver, outside the core, for reads to compare with. */
  raw(): Promise<{ all: RawAll; close(): Promise<void> }>
  /** Deletes what the bench made, unless told to keep it (then says where it is). */
  finish(keep: boolean, log: (line: string) => void): Promise<void>
}

const HUB = { name: 'Bench hub', code: 'BH', localAuthorityCode: '999' }

function sqliteDatabase(): BenchDatabase {
  const folder = mkdtempSync(join(tmpdir(), 'casebook-bench-'))
  const path = join(folder, 'bench.sqlite')
  return {
    engine: 'sqlite',
    path,
    folder,
    open: (mode) => openCasebook({ databasePath: path, mode, hub: HUB }),
    async raw() {
      const db = new sqlite3.Database(path, sqlite3.OPEN_READONLY)
      return {
        all: (sql, params) => new Promise((ok, fail) => db.all(sql, params, (err, rows) => (err ? fail(err) : ok(rows)))),
        close: () => new Promise<void>((ok) => db.close(() => ok()))
      }
    },
    async finish(keep, log) {
      if (keep) log(`Database kept at ${path}`)
      else rmSync(folder, { recursive: true, force: true })
    }
  }
}

/** A PostgreSQL database named by a URL (on loopback: no TLS). */
export function postgresConnectionOf(url: string): PostgresConnection {
  const u = new URL(url)
  const password = decodeURIComponent(u.password)
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    database: decodeURIComponent(u.pathname.slice(1)),
    user: decodeURIComponent(u.username),
    password: password || null,
    ssl: false
  }
}

/** Opening cores on, and reading raw from, one PostgreSQL database. */
export function postgresOn(connection: PostgresConnection): Pick<BenchDatabase, 'open' | 'raw'> {
  const path = describePostgres(connection)
  return {
    open: (mode, poolSize = 10) =>
      openCasebook({ databasePath: path, postgres: { ...connection, poolSize, applicationName: 'Casebook bench' }, mode, hub: HUB }),
    async raw() {
      const client = new pg.Client({ ...connection, password: connection.password ?? undefined })
      await client.connect()
      return { all: async (sql, params) => (await client.query(numberedPlaceholders(sql), params)).rows, close: () => client.end() }
    }
  }
}

async function postgresDatabase(url: string | undefined): Promise<BenchDatabase> {
  const server: PostgresServer | null = url ? null : await startPostgresServer({ durable: true })
  const folder = mkdtempSync(join(tmpdir(), 'casebook-bench-'))
  let database: TestPostgresDatabase
  try {
    database = await makeTestPostgresDatabase(url ?? server!.url('postgres'), { collation: 'README' })
  } catch (error) {
    await server?.stop()
    throw error
  }
  const connection: PostgresConnection = { ...database.connection, password: url ? postgresConnectionOf(url).password : null }
  const path = describePostgres(connection)
  return {
    engine: 'postgres',
    path,
    folder,
    ...postgresOn(connection),
    async finish(keep, log) {
      rmSync(folder, { recursive: true, force: true })
      if (keep && url) log(`Database kept: ${path}`)
      else if (keep) log(`Database kept: ${path} (the server the bench started is still running: stop it with pg_ctl)`)
      else {
        await database.drop()
        await server?.stop()
      }
    }
  }
}

/** A database a kept run seeded, named by its URL: measured as it is, and left there. */
function seededPostgres(url: string): BenchDatabase {
  const connection = postgresConnectionOf(url)
  const folder = mkdtempSync(join(tmpdir(), 'casebook-bench-'))
  return {
    engine: 'postgres',
    path: describePostgres(connection),
    folder,
    ...postgresOn(connection),
    finish: async () => rmSync(folder, { recursive: true, force: true })
  }
}

export function benchDatabase(engine: string, url: string | undefined, seeded = false): Promise<BenchDatabase> {
  if (seeded) {
    if (engine !== 'postgres' || !url) throw new Error('--seeded needs --engine postgres and --url naming the database a kept run seeded')
    return Promise.resolve(seededPostgres(url))
  }
  if (engine === 'sqlite') return Promise.resolve(sqliteDatabase())
  if (engine === 'postgres') return postgresDatabase(url)
  throw new Error(`--engine is sqlite or postgres, not ${engine}`)
}

type Db = Casebook['core']['db']

/**
 * Where a row went in, as a number, for spreading samples over a table: SQLite's rowid. PostgreSQL
 * keeps no such number, so a hash of the row's id spreads them as evenly (`alias`: the table's).
 */
export const rowNumber = (db: Db, alias = ''): string =>
  dialectOf(db) === 'postgres' ? `abs(hashtext(${alias ? `${alias}.` : ''}id))` : `${alias ? `${alias}.` : ''}rowid`

/**
 * The planner's statistics brought up to date after seeding, as a hub's database keeps them. On
 * PostgreSQL also its visibility map (VACUUM, which autovacuum does on a hub's server, but not by
 * the moment a bulk load ends): without it an index-only scan visits every row's page as well.
 */
export async function optimise(casebook: Casebook): Promise<void> {
  if (dialectOf(casebook.core.db) === 'postgres') await casebook.core.db.query('VACUUM ANALYZE')
  else await casebook.core.writes.run((m) => m.query('PRAGMA optimize'))
}
