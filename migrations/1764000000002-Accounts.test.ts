// Accounts: the table of local users, and the idle lock on the hub. Run on a database with the
// hub's row, families and an audit trail in it, as the version before accounts left it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Accounts1764000000002 } from './1764000000002-Accounts'
import { changedTables, databaseBefore, refusal, type MigrationDb } from '../src/main/testing/migrationDb'
import { auditRows, familyRows, hubRow, membershipRows, personRows, userRow } from '../src/main/testing/migrationRows'

let db: MigrationDb
beforeEach(async () => {
  db = await databaseBefore(Accounts1764000000002)
  await db.insert('hub', [hubRow])
  await db.insert('family', familyRows)
  await db.insert('person', personRows)
  await db.insert('family_membership', membershipRows)
  await db.insert('audit_entry', auditRows)
})
afterEach(async () => {
  await db.dispose()
})

describe('Accounts1764000000002', () => {
  it('runs alone, and the hub keeps its settings and locks idle screens after 10 minutes', async () => {
    const before = await db.everyRow()
    expect(await db.migrate()).toEqual(['Accounts1764000000002'])
    const after = await db.everyRow()
    expect(changedTables(before, after)).toEqual(['hub'])
    expect(after.hub).toEqual([{ ...hubRow, idle_lock_minutes: 10 }])
    expect((await db.columns('hub')).find((c) => c.name === 'idle_lock_minutes')).toMatchObject({ notNull: true, defaultValue: '10' })
  })

  it('makes the accounts table, one account per username', async () => {
    await db.migrate()
    expect((await db.columns('app_user')).map((c) => c.name)).toEqual(Object.keys(userRow))
    expect((await db.columns('app_user')).filter((c) => c.notNull).map((c) => c.name)).toEqual([
      'username',
      'display_name',
      'role',
      'password_hash',
      'must_change_password',
      'disabled',
      'failed_attempts',
      'created_at',
      'updated_at',
      'version'
    ])
    expect((await db.indexes('app_user')).map((i) => ({ columns: i.columns, unique: i.unique }))).toEqual(
      expect.arrayContaining([
        { columns: ['id'], unique: true },
        { columns: ['username'], unique: true }
      ])
    )
    await db.insert('app_user', [userRow])
    expect(await db.rows('app_user')).toEqual([userRow])
    expect(
      await refusal(
        db,
        `INSERT INTO app_user SELECT 'another-id', username, display_name, role, password_hash, must_change_password, disabled,
      failed_attempts, locked_until, last_sign_in_at, created_at, updated_at, version FROM app_user`
      )
    ).toMatch(/UNIQUE constraint failed: app_user.username/)
  })
})
