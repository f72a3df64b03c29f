// PostgreSQL's reader of stored JSON documents: nothing at all on SQLite, whose json_valid does its
// work. Run on a database as the migration before it left it, with records in it.
// On PostgreSQL: 1764000000021-PostgresJsonOrNull.pg.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PostgresJsonOrNull1764000000021 } from './1764000000021-PostgresJsonOrNull'
import { changedTables, databaseBefore, type MigrationDb } from '../src/main/testing/migrationDb'
import { rows13 } from '../src/main/testing/migrationRows'

let db: MigrationDb

beforeEach(async () => {
  db = await databaseBefore(PostgresJsonOrNull1764000000021)
  for (const [table, rows] of rows13) await db.insert(table, rows)
})
afterEach(async () => {
  await db.dispose()
})

describe('PostgresJsonOrNull1764000000021 on SQLite', () => {
  it('runs alone and changes nothing: no table or row', async () => {
    const before = await db.everyRow()
    const tables = await db.tables()
    expect(await db.migrate()).toEqual(['PostgresJsonOrNull1764000000021'])
    expect(changedTables(before, await db.everyRow())).toEqual([])
    expect(await db.tables()).toEqual(tables)
  })
})
