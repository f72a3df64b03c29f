// A database of its own on the test PostgreSQL server, for one test: made empty, dropped after.
// In the PostgreSQL project (vitest.config.mts) every tempCasebook is one; elsewhere there is none.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { PostgresConnection } from '../core/postgres'

export interface TestPostgresDatabase {
  connection: PostgresConnection
  drop(): Promise<void>
}

let adminUrl: string | null = null

/**
 * Set by the PostgreSQL project's setup file (./postgresSetup) in each of its test processes, so that
 * this module, which children of the fault tests load too, never imports vitest.
 */
export function useTestPostgres(url: string): void {
  adminUrl = url
}

/** The server's address when this test runs in the PostgreSQL project; null in the SQLite one. */
export function testPostgresAdminUrl(): string | null {
  return adminUrl
}

async function asAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/**
 * How a test database sorts text. The README has IT make the hub's database with C collation (the byte
 * order SQLite sorts in); a database made otherwise must work as well, so tests run on the harder
 * one, en-GB as a server in England would have it, where 'a' comes before 'B' (ICU's, which needs no
 * locale installed on the machine). The bench measures the README's.
 */
export const COLLATIONS = {
  'en-GB': `TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-GB' LOCALE 'C.UTF-8'`,
  README: `ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`
} as const

/** `owner`: a role (./makeTestRole) to own the database, as IT's owner role does; else the server's superuser. */
export async function makeTestPostgresDatabase(
  adminUrl: string,
  options: { owner?: string; collation?: keyof typeof COLLATIONS } = {}
): Promise<TestPostgresDatabase> {
  const name = `casebook_${randomBytes(8).toString('hex')}`
  const collation = COLLATIONS[options.collation ?? 'en-GB']
  await asAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}${options.owner ? ` OWNER ${options.owner}` : ''} ${collation}`))
  const url = new URL(adminUrl)
  return {
    connection: { host: url.hostname, port: Number(url.port), database: name, user: decodeURIComponent(url.username), password: null, ssl: false, poolSize: 4 },
    drop: () => asAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined)
  }
}

export interface TestRole {
  name: string
  drop(): Promise<void>
}

/**
 * A login role of its own on the test server, as IT makes the owner and desks' roles (the README's
 * SQL). The server trusts loopback, so no password is asked: what the role may do is what is tested.
 * Drop it after the databases it has rights in.
 */
export async function makeTestRole(adminUrl: string, prefix: string): Promise<TestRole> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`
  await asAdmin(adminUrl, (c) => c.query(`CREATE ROLE ${name} LOGIN`))
  return { name, drop: () => asAdmin(adminUrl, (c) => c.query(`DROP ROLE IF EXISTS ${name}`)).then(() => undefined) }
}

export interface TestHubDatabase {
  /** IT's owner role, which owns the (empty) database and makes its tables. */
  owner: TestRole
  /** The desks' role, which the config names. */
  desk: TestRole
  database: TestPostgresDatabase
  /** The machine-wide config's postgres section every desk has: the server, the database and the desks' role. */
  section: { host: string; port: number; database: string; user: string; tls: 'disable' }
  /** The database as one of the roles connects to it. */
  as(role: TestRole): PostgresConnection
  /** Drops the database, then the roles. */
  drop(): Promise<void>
}

/** A hub's shared database as IT prepares it before migrating: the two roles the README's SQL makes, and an empty database the owner owns. */
export async function makeTestHubDatabase(adminUrl: string): Promise<TestHubDatabase> {
  const owner = await makeTestRole(adminUrl, 'owner')
  const desk = await makeTestRole(adminUrl, 'desk')
  const database = await makeTestPostgresDatabase(adminUrl, { owner: owner.name })
  const { host, port, database: name } = database.connection
  return {
    owner,
    desk,
    database,
    section: { host, port, database: name, user: desk.name, tls: 'disable' },
    as: (role) => ({ ...database.connection, user: role.name }),
    async drop() {
      await database.drop()
      await desk.drop()
      await owner.drop()
    }
  }
}
