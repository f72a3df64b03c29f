// Least privilege on the hub's PostgreSQL database (issue 13). Two roles: the owner, which IT uses to
// create and upgrade the tables (`migrate --postgres`, ../cli/migrateCommand), and the desks' role,
// which reads and writes records and nothing more: it cannot create, drop or alter anything, nor
// delete what the hub must keep. So a desk never migrates: it compares the database's migrations
// with the ones it knows and, when they differ, says what IT must run.
import type { DataSource } from 'typeorm'
import { migrations } from '../../../migrations'
import { LINK_TABLES } from '../../../migrations/1764000000015-ExportChangeFeed'
import { APPEND_ONLY } from '../../../migrations/1764000000019-PostgresGuards'
import { KNOWN_MIGRATIONS, OpeningRefusal } from './opening'
import { describePostgres, type PostgresConnection } from './postgres'
import { TOKEN_TABLE } from '../search/postgresSearch'

/** What IT runs, as the owner role, to create or upgrade the tables and grant the desks' role. */
export const MIGRATE_COMMAND = 'npm run casebook -- migrate --postgres --owner <owner role>'

/**
 * The tables the app deletes rows from: a link row removed (migration 15's LINK_TABLES, each feeding
 * its parent's change), a draft discarded (../drafts/service), and a search entry's old words when it
 * is rewritten (../search/postgresSearch). A table added to this list is one more place a desk may delete.
 */
export const DESK_DELETES: ReadonlySet<string> = new Set([...LINK_TABLES, 'draft', TOKEN_TABLE])
/** Rows nothing may change once written (migration 19's triggers refuse it too): a desk only adds to them. */
const ADD_ONLY: ReadonlySet<string> = new Set(APPEND_ONLY.map(([table]) => table))
/** TypeORM's record of the migrations: the owner writes it, a desk reads it to know whether it may open. */
const MIGRATIONS_TABLE = 'migrations'

/**
 * Refuses a database a desk cannot use as it is: no tables yet, tables older than this Casebook's,
 * or newer ones. The desk's role could not migrate it, and must not try.
 */
export async function checkMigrated(dataSource: DataSource, connection: PostgresConnection): Promise<void> {
  const where = describePostgres(connection)
  const [found] = (await dataSource.query(`SELECT to_regclass('public.${MIGRATIONS_TABLE}') IS NOT NULL AS "exists"`)) as { exists: boolean }[]
  const applied = found?.exists ? ((await dataSource.query(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`)) as { name: string }[]).map((r) => r.name) : []
  if (applied.length === 0)
    throw new OpeningRefusal(
      'unfinished',
      `The hub's database (${where}) has no Casebook tables yet. A desk cannot create them: its role may only read and write records. Nothing was changed. Ask IT to create them with: ${MIGRATE_COMMAND}`
    )
  const unknown = applied.filter((name) => !KNOWN_MIGRATIONS.has(name))
  if (unknown.length > 0)
    throw new OpeningRefusal(
      'newer',
      `The hub's database (${where}) was upgraded for a newer version of Casebook (it has changes this version does not know: ${unknown.join(', ')}). Nothing was changed. Ask IT to install the newer version of Casebook on this desk.`
    )
  const missing = migrations.map((m) => m.name).filter((name) => !applied.includes(name))
  if (missing.length > 0)
    throw new OpeningRefusal(
      'behind',
      `The hub's database (${where}) must be upgraded for this version of Casebook (${missing.length} ${missing.length === 1 ? 'change' : 'changes'} to make), and a desk cannot do that: its role may only read and write records. Nothing was changed. Ask IT to upgrade it with: ${MIGRATE_COMMAND}`
    )
}

/** A name quoted as PostgreSQL (and SQLite) reads it. */
export const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`

/** What a desk may do to each table, exactly. */
export function deskPrivileges(table: string): string[] {
  if (table === MIGRATIONS_TABLE) return ['SELECT']
  const privileges = ADD_ONLY.has(table) ? ['SELECT', 'INSERT'] : ['SELECT', 'INSERT', 'UPDATE']
  return DESK_DELETES.has(table) ? [...privileges, 'DELETE'] : privileges
}

/**
 * Gives the desks' role exactly what it needs on every table there is now, after taking away what it
 * had (so an upgrade that made a table add-only leaves nothing behind), in one transaction. Run by
 * the owner after migrating. Trigger functions run as the desk that fires them, which is why it may
 * update audit_head and change_feed_counter: only ever through them and the writes' row locks.
 */
export async function grantDeskRole(dataSource: DataSource, deskRole: string): Promise<{ table: string; privileges: string[] }[]> {
  const [me] = (await dataSource.query(`SELECT current_user AS "user"`)) as { user: string }[]
  if (me?.user === deskRole)
    throw new Error(
      `The desks' role (${deskRole}, the user in the machine-wide config's postgres section) is the role migrating: the desks would own the tables and could drop them. Run migrate as the owner role, a different one.`
    )
  const role = (await dataSource.query(`SELECT rolname FROM pg_roles WHERE rolname = ?`, [deskRole])) as unknown[]
  if (role.length === 0)
    throw new Error(
      `There is no role ${deskRole} on the database server (the user in the machine-wide config's postgres section). Create it first: see the README.`
    )
  const tables = ((await dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)) as { tablename: string }[]).map(
    (r) => r.tablename
  )
  const sequences = ((await dataSource.query(`SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'`)) as { sequencename: string }[])
    .map((r) => r.sequencename)
    .filter((name) => !name.startsWith(`${MIGRATIONS_TABLE}_`))
  const desk = quoted(deskRole)
  const granted = tables.map((table) => ({ table, privileges: deskPrivileges(table) }))
  await dataSource.transaction(async (manager) => {
    await manager.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${desk}`)
    await manager.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${desk}`)
    await manager.query(`GRANT USAGE ON SCHEMA public TO ${desk}`)
    for (const { table, privileges } of granted) await manager.query(`GRANT ${privileges.join(', ')} ON ${quoted(table)} TO ${desk}`)
    for (const sequence of sequences) await manager.query(`GRANT USAGE ON SEQUENCE ${quoted(sequence)} TO ${desk}`)
  })
  return granted
}
