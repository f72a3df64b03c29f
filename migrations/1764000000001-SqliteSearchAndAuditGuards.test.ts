// The SQLite-only migration: the full-text table people search uses, and the triggers that make
// the audit trail append-only. Run on a database of the first version with families, people and
// an audit trail in it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SqliteSearchAndAuditGuards1764000000001 } from './1764000000001-SqliteSearchAndAuditGuards'
import { changedTables, databaseBefore, refusal, type MigrationDb } from '../src/main/testing/migrationDb'
import { auditRows, familyRows, hubRow, membershipRows, personRows } from '../src/main/testing/migrationRows'
import { SEARCH_TABLE } from '../src/main/search/sqliteSearch'
import { sortKey } from '../src/main/search/searchEntry'
import { nameTokens, soundKeysOf } from '../src/main/search/names'

let db: MigrationDb
beforeEach(async () => {
  db = await databaseBefore(SqliteSearchAndAuditGuards1764000000001)
  await db.insert('hub', [hubRow])
  await db.insert('family', familyRows)
  await db.insert('person', personRows)
  await db.insert('family_membership', membershipRows)
  await db.insert('audit_entry', auditRows)
})
afterEach(async () => {
  await db.dispose()
})

/** The people a search phase finds, in the order the index sorts them. */
const found = async (expression: string) =>
  (await db.query<{ id: string }>(`SELECT person_id AS id FROM ${SEARCH_TABLE} WHERE ${SEARCH_TABLE} MATCH ? ORDER BY sort_key`, [expression])).map((r) => r.id)

describe('SqliteSearchAndAuditGuards1764000000001', () => {
  it('runs alone and leaves every row as it was', async () => {
    const before = await db.everyRow()
    expect(await db.migrate()).toEqual(['SqliteSearchAndAuditGuards1764000000001'])
    const after = await db.everyRow()
    expect(changedTables(before, after)).toEqual([])
    expect(Object.keys(after)).toContain(SEARCH_TABLE)
  })

  it('makes the full-text table that matches prefixes and sound-alikes both', async () => {
    await db.migrate()
    expect(await db.tables()).toContain(SEARCH_TABLE)
    expect((await db.columns(SEARCH_TABLE)).map((c) => c.name)).toEqual(['person_id', 'sort_key', 'names', 'sounds'])
    // Written as the app of this version wrote its entries (migration 17 changes the writer).
    for (const p of personRows) {
      await db.query(`INSERT INTO ${SEARCH_TABLE} (person_id, sort_key, names, sounds) VALUES (?, ?, ?, ?)`, [
        p.id,
        sortKey({ givenName: p.given_name, familyName: p.family_name }),
        nameTokens(p.given_name, p.family_name).join(' '),
        soundKeysOf(p.given_name, p.family_name).join(' ')
      ])
    }
    const [grace, catherine, unborn, zofia] = personRows.map((p) => p.id)
    // Typed as reception type: the start of each word, in any order, hyphens and apostrophes folded.
    expect(await found('names:"okaf"*')).toEqual([grace, catherine, unborn])
    expect(await found('names:"gra"* AND names:"oneill"*')).toEqual([grace])
    expect(await found('names:"nowak"* AND names:"zofia"*')).toEqual([zofia])
    // Spelt as it sounds: Catherine for "Kathryn".
    expect(
      await found(
        `(${soundKeysOf('kathryn')
          .map((k) => `sounds:"${k}"`)
          .join(' OR ')}) AND names:"okafor"*`
      )
    ).toEqual([catherine])
  })

  it('refuses every change to an audit entry, and every removal, while new entries still go in', async () => {
    await db.migrate()
    expect(await db.triggers('audit_entry')).toEqual(['audit_entry_no_delete', 'audit_entry_no_update'])
    expect(await refusal(db, `UPDATE audit_entry SET actor = 'someone else' WHERE seq = 2`)).toMatch(/audit entries cannot be changed/)
    expect(await refusal(db, `UPDATE audit_entry SET hash = prev_hash`)).toMatch(/audit entries cannot be changed/)
    expect(await refusal(db, `DELETE FROM audit_entry WHERE seq = 3`)).toMatch(/audit entries cannot be deleted/)
    expect(await refusal(db, `DELETE FROM audit_entry`)).toMatch(/audit entries cannot be deleted/)
    const next = { ...auditRows[2]!, seq: 4, prev_hash: auditRows[2]!.hash, hash: '4'.repeat(64) }
    await db.insert('audit_entry', [next])
    expect(await db.rows('audit_entry')).toEqual([...auditRows, next])
  })
})
