// Least privilege on the hub's PostgreSQL database, on the real test server: IT's owner role creates
// the tables with the migrate command, as IT runs it from the machine-wide config; the desks' role
// then opens the database and saves, and can change no table, nor delete what the hub must keep. A
// desk never migrates: it says what IT must run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import pg from 'pg'
import { openCasebook, type Casebook } from './casebook'
import { logOver, type LogValue } from '../log/log'
import { migrations } from '../../../migrations'
import type { PostgresConnection } from './postgres'
import { deskPrivileges } from './postgresRoles'
import { runCommand } from '../testing/commandLine'
import { TEST_SCRYPT, unwrap } from '../testing/tempCasebook'
import { okaforFamily } from '../testing/fixtures'
import {
  makeTestHubDatabase,
  makeTestRole,
  testPostgresAdminUrl,
  type TestHubDatabase,
  type TestPostgresDatabase,
  type TestRole
} from '../testing/postgresDatabase'

const adminUrl = testPostgresAdminUrl()!
let hub: TestHubDatabase
let owner: TestRole
let desk: TestRole
let database: TestPostgresDatabase
let dir: string
const opened: Casebook[] = []
const configBefore = process.env.CASEBOOK_CONFIG

beforeEach(async () => {
  hub = await makeTestHubDatabase(adminUrl)
  ;({ owner, desk, database } = hub)
  // The machine-wide config every desk has: the server, the database and the desks' role.
  dir = mkdtempSync(join(tmpdir(), 'pg-roles-'))
  writeFileSync(join(dir, 'casebook.json'), JSON.stringify({ postgres: hub.section }))
  process.env.CASEBOOK_CONFIG = join(dir, 'casebook.json')
})
afterEach(async () => {
  for (const casebook of opened.splice(0)) await casebook.close()
  if (configBefore === undefined) delete process.env.CASEBOOK_CONFIG
  else process.env.CASEBOOK_CONFIG = configBefore
  await hub.drop()
  rmSync(dir, { recursive: true, force: true })
})

const as = (role: TestRole): PostgresConnection => hub.as(role)

async function openAs(role: TestRole, log = logOver(() => undefined)): Promise<Casebook> {
  const casebook = await openCasebook({ databasePath: 'not used', postgres: as(role), mode: 'existing', passwordCost: TEST_SCRYPT, log })
  opened.push(casebook)
  return casebook
}

const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: Error) => error
  )

/** A statement as the desks' role, on a connection of its own: its error's SQLSTATE, or null when it ran. */
async function asDesk(sql: string): Promise<string | null> {
  const client = new pg.Client({ ...as(desk), password: undefined, ssl: false })
  await client.connect()
  try {
    await client.query(sql)
    return null
  } catch (error) {
    return (error as { code: string }).code
  } finally {
    await client.end()
  }
}

const migrate = () => runCommand('migrate', '--postgres', '--owner', owner.name, '--hub-name', 'Riverside Family Hub', '--hub-code', 'RV', '--la-code', '330')
const where = () => `postgres://${desk.name}@${database.connection.host}:${database.connection.port}/${database.connection.database}`

describe('a desk on a database IT has not migrated', () => {
  it('is refused, naming the command IT must run, and creates nothing', async () => {
    const refusal = await refusalOf(openAs(desk))
    expect(refusal).toMatchObject({ name: 'AppError', code: 'UNAVAILABLE' })
    expect(refusal?.message).toBe(
      `The hub's database (${where()}) has no Casebook tables yet. A desk cannot create them: its role may only read and write records. Nothing was changed. Ask IT to create them with: npm run casebook -- migrate --postgres --owner <owner role>`
    )
    expect(await asDesk(`SELECT 1 FROM migrations`)).toBe('42P01')
  })

  it('is refused when the tables are older than its Casebook, and when they are newer', async () => {
    expect((await migrate()).code).toBe(0)
    const admin = new pg.Client({ ...database.connection, password: undefined })
    await admin.connect()
    try {
      const last = migrations.at(-1)!.name
      await admin.query(`DELETE FROM migrations WHERE name = $1`, [last])
      expect((await refusalOf(openAs(desk)))?.message).toBe(
        `The hub's database (${where()}) must be upgraded for this version of Casebook (1 change to make), and a desk cannot do that: its role may only read and write records. Nothing was changed. Ask IT to upgrade it with: npm run casebook -- migrate --postgres --owner <owner role>`
      )
      await admin.query(`INSERT INTO migrations (timestamp, name) VALUES (1764000000019, $1), (1799000000000, 'FromTheFuture1799000000000')`, [last])
      expect((await refusalOf(openAs(desk)))?.message).toBe(
        `The hub's database (${where()}) was upgraded for a newer version of Casebook (it has changes this version does not know: FromTheFuture1799000000000). Nothing was changed. Ask IT to install the newer version of Casebook on this desk.`
      )
    } finally {
      await admin.end()
    }
  })
})

describe('the migrate command, as the owner role', () => {
  it('creates the tables and the hub, and grants the desks exactly what they need', async () => {
    const { code, out } = await migrate()
    expect(code).toBe(0)
    expect(out).toContain(`Tables up to date: postgres://${owner.name}@`)
    expect(out).toContain(`(${migrations.length} migrations, the last ${migrations.at(-1)!.name})`)
    expect(out).toMatch(new RegExp(`The desks' role ${desk.name} may now read and write records in \\d+ tables, and cannot alter or drop any of them.`))

    const lines: { event: string; fields?: Record<string, LogValue> }[] = []
    const deskCasebook = await openAs(
      desk,
      logOver((_level, event, fields) => lines.push({ event, fields }))
    )
    // IT's log names the database the desk opened, and never a password.
    expect(lines).toContainEqual({ event: 'database.opened', fields: { path: where(), mode: 'existing' } })
    const owned = (await deskCasebook.core.db.query(`SELECT DISTINCT tableowner AS "owner" FROM pg_tables WHERE schemaname = 'public'`)) as { owner: string }[]
    expect(owned).toEqual([{ owner: owner.name }])
    // What the desk's role holds, table by table, is what deskPrivileges says and nothing more.
    const held = (await deskCasebook.core.db.query(
      `SELECT table_name AS "table", string_agg(privilege_type, ',' ORDER BY privilege_type) AS "privileges"
         FROM information_schema.role_table_grants WHERE grantee = ? GROUP BY table_name`,
      [desk.name]
    )) as { table: string; privileges: string }[]
    expect(held.length).toBeGreaterThan(20)
    for (const { table, privileges } of held) expect(privileges.split(','), table).toEqual([...deskPrivileges(table)].sort())
    expect(held.find((r) => r.table === 'audit_entry')?.privileges).toBe('INSERT,SELECT')
    expect(held.find((r) => r.table === 'person_disability')?.privileges).toBe('DELETE,INSERT,SELECT,UPDATE')
    expect(held.find((r) => r.table === 'family')?.privileges).toBe('INSERT,SELECT,UPDATE')
    expect(held.find((r) => r.table === 'migrations')?.privileges).toBe('SELECT')
    // A search entry's words are replaced when it is rewritten (search/postgresSearch.ts).
    expect(held.find((r) => r.table === 'person_search_token')?.privileges).toBe('DELETE,INSERT,SELECT,UPDATE')

    // The desk saves as a desk does: the hub's settings, and an account (each with its audit entry).
    const tester = deskCasebook.connect({ name: 'tester' })
    const settings = unwrap<Record<string, unknown>>(await tester.invoke('hub.settings', {}))
    expect(settings.name).toBe('Riverside Family Hub')
    unwrap(await tester.invoke('hub.update', { ...settings, name: 'Riverside Family Hub (north)' }))
    unwrap(await tester.invoke('users.create', { displayName: 'Pat', username: 'pat', role: 'practitioner', temporaryPassword: 'temporary passphrase' }))
    expect(unwrap<{ name: string }>(await tester.invoke('hub.get', {})).name).toBe('Riverside Family Hub (north)')
    // A family registered, and so indexed for search, is found by name.
    unwrap(await tester.invoke('families.register', okaforFamily()))
    expect(unwrap<{ hits: unknown[] }>(await tester.invoke('people.search', { text: 'okafor' })).hits).toHaveLength(5)
    const verified = unwrap<{ intact: boolean; entries: number }>(await tester.invoke('audit.verify', {}))
    expect(verified).toMatchObject({ intact: true })
    expect(verified.entries).toBeGreaterThanOrEqual(2)

    // ...and can change no table, nor delete what the hub keeps.
    expect(await asDesk(`CREATE TABLE desk_made (id integer)`)).toBe('42501')
    expect(await asDesk(`DROP TABLE family`)).toBe('42501')
    expect(await asDesk(`ALTER TABLE family ADD COLUMN extra text`)).toBe('42501')
    expect(await asDesk(`DROP TRIGGER audit_entry_follows_head ON audit_entry`)).toBe('42501')
    expect(await asDesk(`DELETE FROM audit_entry`)).toBe('42501')
    expect(await asDesk(`TRUNCATE audit_entry`)).toBe('42501')
    expect(await asDesk(`UPDATE audit_entry SET action = 'view'`)).toBe('42501')
    expect(await asDesk(`DELETE FROM family`)).toBe('42501')
    expect(await asDesk(`INSERT INTO migrations (timestamp, name) VALUES (1, 'x')`)).toBe('42501')
  })

  it('upgrades nothing twice: run again, it changes no table and grants the same', async () => {
    expect((await migrate()).code).toBe(0)
    const again = await migrate()
    expect(again.code).toBe(0)
    expect(again.out).toContain(`(${migrations.length} migrations`)
    await openAs(desk)
  })

  it('refuses to run as the desks’ role, and a desk’s role that was never granted is told what IT must run', async () => {
    expect(await runCommand('migrate', '--postgres', '--owner', desk.name)).toEqual({
      code: 2,
      out: `The owner role must not be the desks' role (${desk.name}): a desk that owned the tables could drop them. Give the owner role, which IT keeps for migrating, with --owner.`
    })
    expect(await runCommand('migrate', '--postgres')).toMatchObject({ code: 2, out: expect.stringContaining('migrate --postgres needs --owner <role>') })
    expect((await migrate()).code).toBe(0)
    const stranger = await makeTestRole(adminUrl, 'stranger')
    try {
      const refusal = await refusalOf(openAs(stranger))
      expect(refusal?.message).toBe(
        `The role ${stranger.name} may not use the hub's database (postgres://${stranger.name}@${database.connection.host}:${database.connection.port}/${database.connection.database}) as a desk needs to (42501). Nothing was changed. Ask IT to grant it with: npm run casebook -- migrate --postgres --owner <owner role>`
      )
    } finally {
      await stranger.drop()
    }
  })
})

describe('the command line on a PostgreSQL hub', () => {
  it('opens the shared database for its commands, and refuses the ones that work on a file', async () => {
    await migrate()
    expect(await runCommand('audit', 'verify')).toMatchObject({ code: 0, out: expect.stringContaining('The audit trail is intact') })
    const said = (what: string) =>
      `This hub's database is on a PostgreSQL server (${where()}), so Casebook does not ${what}: IT backs the server up with pg_dump or its own tools, and restores it the same way. Nothing was changed.`
    expect(await runCommand('backup')).toEqual({ code: 2, out: said('back it up') })
    expect(await runCommand('backup', 'list')).toEqual({ code: 2, out: said('back it up') })
    expect(await runCommand('restore', 'some.backup')).toEqual({ code: 2, out: said('restore it') })
    expect(await runCommand('init')).toEqual({
      code: 2,
      out: `This hub's database is on a PostgreSQL server (${where()}): IT creates and upgrades its tables, as the owner role, with: npm run casebook -- migrate --postgres --owner <owner role>`
    })
  })
})
