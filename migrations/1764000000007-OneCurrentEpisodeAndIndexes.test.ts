// One current episode per family, held by the database, and indexes for the audit trail's filters
// and the duplicate check's decisions. Run on a database with families, people, episodes (one open,
// one closed, per family), decisions and a trail in it: nothing changes but the indexes, and the
// rule and the lookups they were made for hold.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OneCurrentEpisodeAndIndexes1764000000007 } from './1764000000007-OneCurrentEpisodeAndIndexes'
import { changedTables, databaseBefore, refusal, type MigrationDb } from '../src/main/testing/migrationDb'
import { auditRows, episodeRow, familyRows, hubRow, membershipRows, personRows, userRow } from '../src/main/testing/migrationRows'

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
  db = await databaseBefore(OneCurrentEpisodeAndIndexes1764000000007)
  await db.insert('hub', [hubRow])
  await db.insert('family', familyRows)
  await db.insert('person', personRows)
  await db.insert('family_membership', membershipRows)
  await db.insert('duplicate_decision', [decision])
  await db.insert('app_user', [userRow])
  await db.insert('episode', [episodeRow(1, familyRows[0]!.id, 'closed', { closed_on: '2025-09-30' }), episodeRow(2, familyRows[0]!.id, 'open')])
  await db.insert('audit_entry', auditRows)
})
afterEach(async () => {
  await db.dispose()
})

const plan = async (sql: string, params: unknown[]) =>
  ((await db.query<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params)) as { detail: string }[]).map((r) => r.detail)

describe('OneCurrentEpisodeAndIndexes1764000000007', () => {
  it('runs alone and changes no row', async () => {
    const before = await db.everyRow()
    expect(await db.migrate()).toEqual(['OneCurrentEpisodeAndIndexes1764000000007'])
    expect(changedTables(before, await db.everyRow())).toEqual([])
  })

  it('indexes the trail by user, kind of action and time, and decisions by the other person', async () => {
    await db.migrate()
    expect(await db.indexes('audit_entry')).toEqual(
      expect.arrayContaining([
        { name: 'idx_audit_actor', unique: false, columns: ['actor', 'seq'], origin: 'c' },
        { name: 'idx_audit_action', unique: false, columns: ['action', 'seq'], origin: 'c' },
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

  it('refuses a second current episode for a family, whatever the code asks', async () => {
    await db.migrate()
    const sql =
      'INSERT INTO episode (id, family_id, status, opened_on, lead_user_id, reason, headlines, opened_by, note_count, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 1)'
    const row = (n: number, status: string) => [
      `b16b6a53-6c7f-4ba8-8f98-be5c6f7a8b${n}`,
      familyRows[0]!.id,
      status,
      '2025-12-01',
      userRow.id,
      'Again',
      'HOUSING',
      'pat',
      '2025-12-01T10:00:00.000Z',
      '2025-12-01T10:00:00.000Z'
    ]
    expect(await refusal(db, sql, row(10, 'open'))).toMatch(/UNIQUE constraint failed: episode.family_id/)
    expect(await refusal(db, sql, row(11, 'closing'))).toMatch(/UNIQUE constraint failed: episode.family_id/)
    await db.query(sql, row(12, 'closed'))
    expect((await db.rows('episode')).map((e) => e.status)).toEqual(['closed', 'open', 'closed'])
  })
})
