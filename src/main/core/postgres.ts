// PostgreSQL, for a hub whose desks share one database (issue 13): the DataSource the core reads and
// writes through, and what lets the core's portable SQL run on it. The rest of the core writes its
// SQL once, with `?` placeholders and quoted camelCase aliases; this module is where PostgreSQL's
// numbered placeholders and its number types are met, so no other module needs to know.
import pg from 'pg'
import { DataSource, type QueryRunner } from 'typeorm'
import { migrations } from '../../../migrations'
import { entities } from './entities'
import { numberedPlaceholders } from './postgresPlaceholders'
import { askAfterHeld } from './postgresHeldWrites'

/** A PostgreSQL server and database as IT configures it (./config's `postgres`), the password already read. */
export interface PostgresConnection {
  host: string
  port: number
  database: string
  user: string
  /** Read from the environment variable or the file IT named: never from the config file itself. */
  password: string | null
  /** false on loopback only; otherwise TLS, checked against IT's CA unless they said not to (./postgresSettings). */
  ssl: false | { rejectUnauthorized: boolean; ca?: string; checkServerIdentity?: () => undefined }
  /** Connections this desk keeps open at most. */
  poolSize?: number
  /** What the server shows for this desk's connections (pg_stat_activity), for IT. */
  applicationName?: string
}

/** How the connection is named in logs and messages: never the password. */
export function describePostgres(c: Pick<PostgresConnection, 'host' | 'port' | 'database' | 'user'>): string {
  return `postgres://${c.user}@${c.host}:${c.port}/${c.database}`
}

/** Where a commit that added to the change feed says so, for the other desks (../changes/listener). */
export const CHANGES_CHANNEL = 'casebook_changes'

/** The change feed's last number, as the transaction sees it (migration 1764000000019's counter). */
export const CHANGE_FEED_TOP = 'SELECT seq FROM change_feed_counter WHERE id = 1'

/**
 * Said just before a write commits: if it added to the change feed (its counter is past `before`),
 * tell the other desks the feed's new last number. PostgreSQL delivers a notification only when its
 * transaction commits, so a rolled-back write announces nothing; a write that only read (a family
 * opened) announces nothing either. The number is written into the statement (see queryTogether).
 */
export function announceChangesSince(before: number): string {
  if (!Number.isSafeInteger(before)) throw new Error(`The change feed's number is not a whole number: ${before}`)
  return `SELECT pg_notify('${CHANGES_CHANNEL}', seq::text) FROM change_feed_counter WHERE id = 1 AND seq > ${before}`
}

/** How long a desk waits to connect before saying the server cannot be reached. */
export const CONNECT_TIMEOUT_MS = 5000

const INT8 = 20
const NUMERIC = 1700
/**
 * count(*) and sum() answer bigint, which node-postgres hands over as text to keep precision. Casebook
 * counts families and rows, far below 2^53, and its code (written for SQLite) expects numbers.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value)
    return pg.types.getTypeParser(oid, format)
  }
}

/**
 * Every query runner the DataSource makes rewrites `?` placeholders as it is asked a query, and sends
 * the writes its transaction held back (./postgresHeldWrites) before it, so that what it asks sees them.
 */
function withNumberedPlaceholders(dataSource: DataSource): void {
  const driver = dataSource.driver
  const make = driver.createQueryRunner.bind(driver)
  driver.createQueryRunner = (mode) => {
    const runner: QueryRunner = make(mode)
    const query = runner.query.bind(runner) as (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>
    runner.query = ((sql: string, parameters?: unknown[], structured?: boolean) =>
      askAfterHeld(runner, sql, parameters ?? [], structured ?? false, () => query(numberedPlaceholders(sql), parameters, structured))) as QueryRunner['query']
    return runner
  }
}

/**
 * `readOnly`: every transaction on its connections is read-only, as SQLite's read-only connection is
 * (query_only): a core opened read-only (the command line's reading commands) cannot write through
 * its reads either, whatever its role may do.
 */
export function postgresDataSource(connection: PostgresConnection, { readOnly = false } = {}): DataSource {
  const dataSource = new DataSource({
    type: 'postgres',
    host: connection.host,
    port: connection.port,
    database: connection.database,
    username: connection.user,
    password: connection.password ?? undefined,
    ssl: connection.ssl,
    applicationName: connection.applicationName ?? 'Casebook',
    poolSize: connection.poolSize ?? 10,
    // A server that does not answer (the network gone) is reported in seconds, not after TCP's minutes;
    // keep-alive notices a connection the network dropped while it sat idle in the pool.
    extra: { types, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true, ...(readOnly ? { options: '-c default_transaction_read_only=on' } : {}) },
    // A pooled connection the server or the network ended: the pool drops it and connects afresh for
    // the next call, which is what reports the loss (as OFFLINE, ./router) if it lasts.
    poolErrorHandler: () => undefined,
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    logging: false
  })
  withNumberedPlaceholders(dataSource)
  return dataSource
}

/** Any number the desks agree on: while one desk migrates, another starting at the same moment waits for it. */
const MIGRATION_LOCK = 7_263_101

/**
 * Connects and, with `migrate` (the owner role's migrate command, and tests), brings the schema up to
 * date. Migrations run in one transaction under a session advisory lock, so two runs started together
 * never both migrate: the second waits, then finds nothing left to do. A desk connects without
 * migrating: its role may not change the tables (./postgresRoles checks they are this Casebook's).
 */
export async function openPostgresDatabase(
  connection: PostgresConnection,
  options: { migrate: boolean }
): Promise<{ dataSource: DataSource; migrated: string[] }> {
  const dataSource = postgresDataSource(connection)
  await dataSource.initialize()
  if (!options.migrate) return { dataSource, migrated: [] }
  try {
    const runner = dataSource.createQueryRunner()
    const migrated: string[] = []
    try {
      await runner.query('SELECT pg_advisory_lock(?)', [MIGRATION_LOCK])
      if (await dataSource.showMigrations()) {
        const ran = await dataSource.runMigrations({ transaction: 'all' })
        migrated.push(...ran.map((m) => m.name))
      }
    } finally {
      await runner.query('SELECT pg_advisory_unlock(?)', [MIGRATION_LOCK]).catch(() => undefined)
      await runner.release()
    }
    return { dataSource, migrated }
  } catch (error) {
    await dataSource.destroy()
    throw error
  }
}
