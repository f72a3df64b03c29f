// PostgresGuards on PostgreSQL, on a database the migrations before it made, with a hub, an account,
// families, people and a trail in it (rows13): the audit head starts at the trail's last entry, the
// change feed's counter at its last number, the guards refuse what SQLite's triggers refuse, and
// down takes every function, trigger and table it made away again (and up builds them again).
import { afterEach, beforeEach, expect, it } from 'vitest'
import { DataSource } from 'typeorm'
import { PostgresGuards1764000000019 } from './1764000000019-PostgresGuards'
import { migrations } from '.'
import { postgresDataSource } from '../src/main/core/postgres'
import { makeTestPostgresDatabase, testPostgresAdminUrl, type TestPostgresDatabase } from '../src/main/testing/postgresDatabase'
import { rows13 } from '../src/main/testing/migrationRows'

const index = migrations.indexOf(PostgresGuards1764000000019)
let database: TestPostgresDatabase
let ds: DataSource

/** The database's data source, knowing the migrations up to (not including) `upTo`. */
async function openUpTo(upTo: number): Promise<DataSource> {
  const source = postgresDataSource(database.connection)
  source.setOptions({ migrations: migrations.slice(0, upTo) })
  return source.initialize()
}

beforeEach(async () => {
  database = await makeTestPostgresDatabase(testPostgresAdminUrl()!)
  ds = await openUpTo(index)
  await ds.runMigrations({ transaction: 'all' })
  for (const [table, rows] of rows13)
    for (const row of rows) {
      const columns = Object.keys(row)
      await ds.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, Object.values(row))
    }
  await ds.destroy()
  ds = await openUpTo(index + 1)
})
afterEach(async () => {
  await ds.destroy()
  await database.drop()
})

const ours = async () =>
  (
    (await ds.query(
      `SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal UNION ALL SELECT proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
       UNION ALL SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('audit_head', 'change_feed_counter') ORDER BY 1`
    )) as { name: string }[]
  ).map((r) => r.name)

it('starts the audit head and the feed counter where the trail and the feed are, and guards them', async () => {
  const [last] = (await ds.query(`SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1`)) as { seq: number; hash: string }[]
  expect((await ds.runMigrations({ transaction: 'all' })).map((m) => m.name)).toEqual(['PostgresGuards1764000000019'])
  expect(await ds.query(`SELECT seq, hash FROM audit_head`)).toEqual([last])
  const [{ top }] = (await ds.query(`SELECT COALESCE(MAX(seq), 0) AS top FROM change_feed`)) as [{ top: number }]
  expect(await ds.query(`SELECT seq FROM change_feed_counter`)).toEqual([{ seq: top }])
  // A change to a family goes on the feed with the next number; the trail refuses to be changed.
  await ds.query(`UPDATE family SET town = 'Solihull' WHERE reference = 'RV-000001'`)
  expect(await ds.query(`SELECT seq, record_type AS "recordType" FROM change_feed ORDER BY seq DESC LIMIT 1`)).toEqual([
    { seq: top + 1, recordType: 'families' }
  ])
  await expect(ds.query(`DELETE FROM audit_entry`)).rejects.toThrow(/audit entries cannot be deleted/)
  await expect(ds.query(`DELETE FROM family`)).rejects.toThrow(/never deleted/)
})

it('takes everything it made away on down, and builds it again on up', async () => {
  const before = await ours()
  await ds.runMigrations({ transaction: 'all' })
  const made = await ours()
  expect(made.length).toBeGreaterThan(before.length + 50)
  await ds.undoLastMigration({ transaction: 'all' })
  expect(await ours()).toEqual(before)
  await ds.runMigrations({ transaction: 'all' })
  expect(await ours()).toEqual(made)
})
