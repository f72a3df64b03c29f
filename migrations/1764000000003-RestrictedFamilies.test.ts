// Restricted families: a flag on the family and the users named on it. Run on a database with
// families, people and accounts in it: every family there before stays open to everyone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RestrictedFamilies1764000000003 } from './1764000000003-RestrictedFamilies'
import { changedTables, databaseBefore, refusal, type MigrationDb } from '../src/main/testing/migrationDb'
import { auditRows, familyRows, hubRow, membershipRows, personRows, userRow } from '../src/main/testing/migrationRows'

let db: MigrationDb
beforeEach(async () => {
  db = await databaseBefore(RestrictedFamilies1764000000003)
  await db.insert('hub', [{ ...hubRow, idle_lock_minutes: 15 }])
  await db.insert('family', familyRows)
  await db.insert('person', personRows)
  await db.insert('family_membership', membershipRows)
  await db.insert('audit_entry', auditRows)
  await db.insert('app_user', [userRow])
})
afterEach(async () => {
  await db.dispose()
})

describe('RestrictedFamilies1764000000003', () => {
  it('runs alone, and every family already registered is not restricted', async () => {
    const before = await db.everyRow()
    expect(await db.migrate()).toEqual(['RestrictedFamilies1764000000003'])
    const after = await db.everyRow()
    expect(changedTables(before, after)).toEqual(['family'])
    expect(after.family).toEqual(familyRows.map((f) => ({ ...f, restricted: 0 })))
    expect((await db.columns('family')).find((c) => c.name === 'restricted')).toMatchObject({ notNull: true, defaultValue: 'false' })
  })

  it('names users on a family once each, and only users and families that exist', async () => {
    await db.migrate()
    expect(await db.columns('family_access')).toEqual([
      { name: 'family_id', type: 'varchar(36)', notNull: true, defaultValue: null, primaryKey: 1 },
      { name: 'user_id', type: 'varchar(36)', notNull: true, defaultValue: null, primaryKey: 2 }
    ])
    expect(await db.foreignKeys('family_access')).toEqual([
      { from: 'family_id', table: 'family', to: 'id' },
      { from: 'user_id', table: 'app_user', to: 'id' }
    ])
    const access = { family_id: familyRows[0]!.id, user_id: userRow.id }
    await db.insert('family_access', [access])
    expect(await db.rows('family_access')).toEqual([access])
    const insert = 'INSERT INTO family_access (family_id, user_id) VALUES (?, ?)'
    expect(await refusal(db, insert, [access.family_id, access.user_id])).toMatch(/UNIQUE constraint failed: family_access.family_id, family_access.user_id/)
    expect(await refusal(db, insert, [familyRows[1]!.id, 'no-such-user'])).toMatch(/FOREIGN KEY constraint failed/)
    expect(await refusal(db, insert, ['no-such-family', userRow.id])).toMatch(/FOREIGN KEY constraint failed/)
  })
})
