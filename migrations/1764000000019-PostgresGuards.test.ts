// PostgresGuards is PostgreSQL's alone: on SQLite it runs, and changes nothing at all, not a row, a
// table or a trigger. What it builds on PostgreSQL is tested in ./1764000000019-PostgresGuards.pg.test.ts.
import { afterEach, beforeEach, expect, it } from 'vitest'
import { PostgresGuards1764000000019 } from './1764000000019-PostgresGuards'
import { databaseBefore, type MigrationDb } from '../src/main/testing/migrationDb'
import { rows13 } from '../src/main/testing/migrationRows'

let db: MigrationDb

beforeEach(async () => {
  db = await databaseBefore(PostgresGuards1764000000019)
  for (const [table, rows] of rows13) await db.insert(table, rows)
})
afterEach(async () => {
  await db.dispose()
})

it('runs alone on SQLite and changes nothing', async () => {
  const tables = await db.tables()
  const triggers = await Promise.all(tables.map((t) => db.triggers(t)))
  const before = await db.everyRow()
  expect(await db.migrate()).toEqual(['PostgresGuards1764000000019'])
  expect(await db.tables()).toEqual(tables)
  expect(await Promise.all(tables.map((t) => db.triggers(t)))).toEqual(triggers)
  expect(await db.everyRow()).toEqual(before)
})
