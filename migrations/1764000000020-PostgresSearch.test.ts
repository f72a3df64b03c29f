// PostgreSQL's search index: nothing at all on SQLite, whose index is migrations 1 and 17's FTS5
// table. Run on a database as the migration before it left it, with families and people in it.
// On PostgreSQL: 1764000000020-PostgresSearch.pg.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PostgresSearch1764000000020 } from './1764000000020-PostgresSearch'
import { changedTables, databaseBefore, type MigrationDb } from '../src/main/testing/migrationDb'
import { rows13 } from '../src/main/testing/migrationRows'

let db: MigrationDb

beforeEach(async () => {
  db = await databaseBefore(PostgresSearch1764000000020)
  for (const [table, rows] of rows13) await db.insert(table, rows)
})
afterEach(async () => {
  await db.dispose()
})

describe('PostgresSearch1764000000020 on SQLite', () => {
  it('runs alone and changes nothing: no table, index or row', async () => {
    const before = await db.everyRow()
    const tables = await db.tables()
    const indexes = await db.indexes('family')
    expect(await db.migrate()).toEqual(['PostgresSearch1764000000020'])
    expect(changedTables(before, await db.everyRow())).toEqual([])
    expect(await db.tables()).toEqual(tables)
    expect(await db.indexes('family')).toEqual(indexes)
  })
})
