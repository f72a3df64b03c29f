// The contact-gap setting. Run on a database as the migration before it left it, with a hub, an
// account, families, people, their memberships and a trail: nothing that was there changes but the hub
// gaining the setting at its default, 28 days; a value outside 7 to 180 is refused by the database
// as well as by the form; down and up again keeps every row.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ContactGapSetting1764000000018 } from './1764000000018-ContactGapSetting'
import { changedTables, databaseBefore, refusal, type MigrationDb } from '../src/main/testing/migrationDb'
import { rows13 } from '../src/main/testing/migrationRows'

let db: MigrationDb

beforeEach(async () => {
  db = await databaseBefore(ContactGapSetting1764000000018)
  for (const [table, rows] of rows13) await db.insert(table, rows)
})
afterEach(async () => {
  await db.dispose()
})

describe('ContactGapSetting1764000000018', () => {
  it('runs alone, keeps every row, and gives the hub 28 days', async () => {
    const before = await db.everyRow()
    expect(await db.migrate()).toEqual(['ContactGapSetting1764000000018'])
    const after = await db.everyRow()
    expect(changedTables(before, after)).toEqual(['hub'])
    expect(after.hub).toEqual([{ ...before.hub![0], contact_gap_days: 28 }])
    expect(after.person).toEqual(before.person)
    expect((await db.columns('hub')).find((c) => c.name === 'contact_gap_days')).toEqual({
      name: 'contact_gap_days',
      type: 'INTEGER',
      notNull: true,
      defaultValue: '28',
      primaryKey: 0
    })
  })

  it('holds the setting to 7 to 180 days', async () => {
    await db.migrate()
    for (const days of [6, 181, 0, -28]) expect(await refusal(db, `UPDATE hub SET contact_gap_days = ?`, [days])).toMatch(/hub_contact_gap_days/)
    await db.query(`UPDATE hub SET contact_gap_days = 7`)
    await db.query(`UPDATE hub SET contact_gap_days = 180`)
    expect((await db.rows('hub'))[0]).toMatchObject({ contact_gap_days: 180 })
  })

  it('goes down and up again, keeping the hub row', async () => {
    const before = await db.rows('hub')
    await db.migrate()
    const ds = db.manager().connection
    await ds.undoLastMigration({ transaction: 'all' })
    expect(await db.rows('hub')).toEqual(before)
    expect(await ds.runMigrations({ transaction: 'all' })).toHaveLength(1)
    expect((await db.rows('hub'))[0]).toMatchObject({ contact_gap_days: 28 })
  })
})
