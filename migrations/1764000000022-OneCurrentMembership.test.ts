// One current membership a person, held by the database. Run on a database with a hub, an account,
// families, people, their memberships and a trail, as the migration before it left them, plus a
// second current membership for one person (which only a fault could leave): the older is closed as
// the newer began, nothing else changes but the change feed saying so, and from then on a second
// current membership is refused whatever the code asks; a person may still have any number of past ones.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OneCurrentMembership1764000000022 } from './1764000000022-OneCurrentMembership'
import { changedTables, databaseBefore, refusedInsert, type MigrationDb } from '../src/main/testing/migrationDb'
import { familyRows13, membershipRows13, rows13 } from '../src/main/testing/migrationRows'

let db: MigrationDb
const [first] = membershipRows13 as [(typeof membershipRows13)[number]]
const LATER = '2026-03-01T10:00:00.000Z'
const moved = { ...first, id: '8b3e3d20-3f4c-4e75-9c65-8b2f3c4d5f99', family_id: familyRows13[1]!.id, joined_at: LATER }

beforeEach(async () => {
  db = await databaseBefore(OneCurrentMembership1764000000022)
  for (const [table, rows] of rows13) await db.insert(table, rows)
})
afterEach(async () => {
  await db.dispose()
})

describe('OneCurrentMembership1764000000022', () => {
  it('runs alone and changes no row of a sound database', async () => {
    const before = await db.everyRow()
    expect(await db.migrate()).toEqual(['OneCurrentMembership1764000000022'])
    expect(changedTables(before, await db.everyRow())).toEqual([])
    expect(await db.indexes('family_membership')).toContainEqual({ name: 'idx_membership_one_current', unique: true, columns: ['person_id'], origin: 'c' })
  })

  it('closes the older of two current memberships as the newer began, and keeps every row', async () => {
    await db.insert('family_membership', [moved])
    const before = await db.everyRow()
    await db.migrate()
    const after = await db.everyRow()
    expect(changedTables(before, after)).toEqual(['change_feed', 'family_membership'])
    expect(after.family_membership).toEqual(before.family_membership!.map((m) => (m.id === first.id ? { ...m, left_at: LATER } : m)))
  })

  it('refuses a second current membership for a person, whatever the code asks, and takes past ones', async () => {
    await db.migrate()
    const again = { ...moved, id: '8b3e3d20-3f4c-4e75-9c65-8b2f3c4d5f98' }
    expect(await refusedInsert(db, 'family_membership', again)).toMatch(/UNIQUE constraint failed: family_membership.person_id/)
    await db.insert('family_membership', [
      { ...again, left_at: LATER },
      { ...moved, left_at: LATER }
    ])
    await db.query(`UPDATE family_membership SET left_at = ? WHERE id = ?`, [LATER, first.id])
    await db.insert('family_membership', [{ ...again, id: '8b3e3d20-3f4c-4e75-9c65-8b2f3c4d5f97' }])
    expect((await db.rows('family_membership')).filter((m) => m.person_id === first.person_id && m.left_at === null)).toHaveLength(1)
  })
})
