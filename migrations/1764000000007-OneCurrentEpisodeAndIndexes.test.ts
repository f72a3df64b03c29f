// Indexes for the audit trail's filters and the duplicate check's decisions. Run on a database with
// families, people, decisions and a trail in it: nothing changes but the indexes, and the lookups
// they were made for use them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LookupIndexes1764000000007 } from './1764000000007-LookupIndexes'
import { changedTables, databaseBefore, type MigrationDb } from '../src/main/testing/migrationDb'
import { auditRows, familyRows, hubRow, membershipRows, personRows } from '../src/main/testing/migrationRows'

let db: MigrationDb
const decision = {
  id: '5d0e0f10-1111-4222-8333-944455566677',
  person_id: personRows[0]!.id,
  other_person_id: personRows[1]!.id,
  decision: 'different',
  decided_by: 'reception1',
  decided_at: '2025-11-20T10:00:00.000Z'
}
beforeEach(async () => {
  db = await databaseBefore(LookupIndexes1764000000007)
  await db.insert('hub', [hubRow])
  await db.insert('family', familyRows)
  await db.insert('person', personRows)
  await db.insert('family_membership', membershipRows)
  await db.insert('duplicate_decision', [decision])
  await db.insert('audit_entry', auditRows)
})
afterEach(async () => {
  await db.dispose()
})

const plan = async (sql: string, params: unknown[]) =>
  ((await db.query<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params)) as { detail: string }[]).map((r) => r.detail)

describe('LookupIndexes1764000000007', () => {
  it('runs alone and changes no row', async () => {
    const before = await db.everyRow()
    expect(await db.migrate()).toEqual(['LookupIndexes1764000000007'])
    expect(changedTables(before, await db.everyRow())).toEqual([])
  })

  it('indexes the trail by user, kind of action and time, and decisions by the other person', async () => {
    await db.migrate()
    expect(await db.indexes('audit_entry')).toEqual(
      expect.arrayContaining([
        { name: 'idx_audit_actor', unique: false, columns: ['actor'], origin: 'c' },
        { name: 'idx_audit_action', unique: false, columns: ['action'], origin: 'c' },
        { name: 'idx_audit_at', unique: false, columns: ['at'], origin: 'c' }
      ])
    )
    expect(await db.indexes('duplicate_decision')).toContainEqual({
      name: 'idx_duplicate_other_person',
      unique: false,
      columns: ['other_person_id'],
      origin: 'c'
    })
    expect(await plan('SELECT seq FROM audit_entry WHERE actor = ? ORDER BY seq DESC LIMIT 10', ['reception1'])).toEqual([
      'SEARCH audit_entry USING COVERING INDEX idx_audit_actor (actor=?)'
    ])
    expect(await plan('SELECT person_id FROM duplicate_decision WHERE other_person_id = ?', [personRows[1]!.id])).toEqual([
      'SEARCH duplicate_decision USING INDEX idx_duplicate_other_person (other_person_id=?)'
    ])
  })
})
