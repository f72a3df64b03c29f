// The people-search index gains its names' first two letters in name order. Run on a database as
// migration 22 left it, with a hub, an account, families, people and their entries in the index as
// the app of that version wrote them: the new table holds every entry's starts, answers each two
// and three letters exactly as the index does, and nothing else changes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SqliteSearchStarts1764000000023 } from './1764000000023-SqliteSearchStarts'
import { changedTables, databaseBefore, type MigrationDb } from '../src/main/testing/migrationDb'
import { personRows13, rows13 } from '../src/main/testing/migrationRows'
import { nameStarts, SEARCH_ROWS, SEARCH_STARTS, SEARCH_TABLE } from '../src/main/search/sqliteSearch'
import { searchEntry } from '../src/main/search/searchEntry'

let db: MigrationDb
beforeEach(async () => {
  db = await databaseBefore(SqliteSearchStarts1764000000023)
  for (const [table, rows] of rows13) await db.insert(table, rows)
  let rowid = 0
  for (const p of personRows13) {
    const entry = searchEntry({ givenName: p.given_name, familyName: p.family_name }, [], 'LS11AA')
    await db.insert(SEARCH_ROWS, [{ search_rowid: ++rowid, person_id: p.id }])
    await db.insert(SEARCH_TABLE, [
      { rowid, person_id: p.id, sort_key: entry.sortKey, names: entry.names, sounds: entry.sounds, household: entry.household, place: entry.place }
    ])
  }
})
afterEach(async () => {
  await db.dispose()
})

const byIndex = async (start: string) =>
  (
    await db.query<{ id: string }>(`SELECT person_id AS id FROM ${SEARCH_TABLE} WHERE ${SEARCH_TABLE} MATCH ? ORDER BY sort_key, person_id`, [
      `names:"${start}"*`
    ])
  ).map((r) => r.id)
const byStarts = async (start: string) =>
  (
    await db.query<{ id: string }>(
      `SELECT r.person_id AS id FROM ${SEARCH_STARTS} s JOIN ${SEARCH_ROWS} r ON r.search_rowid = s.search_rowid WHERE s.start = ? ORDER BY s.sort_key, r.person_id`,
      [start]
    )
  ).map((r) => r.id)

describe('SqliteSearchStarts1764000000023', () => {
  it('runs alone and changes nothing but adding the table', async () => {
    const before = await db.everyRow()
    expect(await db.migrate()).toEqual(['SqliteSearchStarts1764000000023'])
    const after = await db.everyRow()
    expect(changedTables(before, after)).toEqual([SEARCH_STARTS])
    expect((await db.columns(SEARCH_STARTS)).map((c) => [c.name, c.primaryKey])).toEqual([
      ['start', 1],
      ['sort_key', 2],
      ['search_rowid', 3]
    ])
    expect(await db.foreignKeys(SEARCH_STARTS)).toEqual([{ from: 'search_rowid', table: SEARCH_ROWS, to: 'search_rowid' }])
    // Its rows are its primary key's b-tree alone: no rowid, no second copy.
    expect((await db.query<{ sql: string }>(`SELECT sql FROM sqlite_schema WHERE name = ?`, [SEARCH_STARTS]))[0]!.sql).toMatch(/WITHOUT ROWID$/)
  })

  it("holds each entry's starts, and answers every two letters and every three it holds as the index does, in name order", async () => {
    await db.migrate()
    const entries = await db.query<{ rowid: number; sort_key: string; names: string }>(`SELECT rowid, sort_key, names FROM ${SEARCH_TABLE}`)
    const expected = entries.flatMap((e) => nameStarts(e.names).map((start) => ({ start, sort_key: e.sort_key, search_rowid: e.rowid })))
    const rows = await db.query<{ start: string; sort_key: string; search_rowid: number }>(`SELECT start, sort_key, search_rowid FROM ${SEARCH_STARTS}`)
    const order = (a: { start: string; sort_key: string; search_rowid: number }) => `${a.start} ${a.sort_key} ${a.search_rowid}`
    expect(rows.map(order)).toEqual(expected.map(order).sort())
    // A word of one letter (the O of O'Neill) has no start; two words with the same start, one row.
    expect(nameStarts('grace neill o oneillokafor okafor oneill')).toEqual(['gr', 'ne', 'on', 'ok', 'gra', 'nei', 'one', 'oka'])
    expect(nameStarts('li jo')).toEqual(['li', 'jo'])
    const letters = 'abcdefghijklmnopqrstuvwxyz'
    const threes = [...new Set([...rows.map((r) => r.start).filter((s) => s.length === 3), 'okb', 'zzz', 'gr0'])]
    for (const start of [...[...letters].flatMap((a) => [...letters].map((b) => a + b)), ...threes])
      expect(await byStarts(start), start).toEqual(await byIndex(start))
  })

  it('goes down and up again', async () => {
    await db.migrate()
    const rows = await db.rows(SEARCH_STARTS)
    expect(rows.length).toBeGreaterThan(0)
    const ds = db.manager().connection
    await ds.undoLastMigration({ transaction: 'all' })
    expect(await db.tables()).not.toContain(SEARCH_STARTS)
    expect(await ds.runMigrations({ transaction: 'all' })).toHaveLength(1)
    expect(await db.rows(SEARCH_STARTS)).toEqual(rows)
  })
})
