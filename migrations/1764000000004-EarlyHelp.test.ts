// Early help: episodes, case notes and drafts, and the hub's closure-approval setting. Run on a
// database with a hub, families (one restricted), people and accounts in it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EarlyHelp1764000000004 } from './1764000000004-EarlyHelp'
import { changedTables, databaseBefore, refusal, type MigrationDb } from '../src/main/testing/migrationDb'
import { auditRows, familyRows, hubRow, membershipRows, personRows, userRow } from '../src/main/testing/migrationRows'

let db: MigrationDb
beforeEach(async () => {
  db = await databaseBefore(EarlyHelp1764000000004)
  await db.insert('hub', [{ ...hubRow, idle_lock_minutes: 10 }])
  await db.insert('family', [familyRows[0]!, { ...familyRows[1]!, restricted: 1 }])
  await db.insert('person', personRows)
  await db.insert('family_membership', membershipRows)
  await db.insert('audit_entry', auditRows)
  await db.insert('app_user', [userRow])
  await db.insert('family_access', [{ family_id: familyRows[1]!.id, user_id: userRow.id }])
})
afterEach(async () => {
  await db.dispose()
})

const episode = {
  id: 'b16b6a53-6c7f-4ba8-8f98-be5c6f7a8b01',
  family_id: familyRows[0]!.id,
  status: 'open',
  opened_on: '2025-12-01',
  closed_on: null,
  lead_user_id: userRow.id,
  reason: 'Rent arrears and worries about school attendance',
  headlines: 'HOUSING SCHOOL',
  opened_by: 'pat',
  closure: null,
  reopened: null,
  created_at: '2025-12-01T10:00:00.000Z',
  updated_at: '2025-12-01T10:00:00.000Z',
  version: 1
}

describe('EarlyHelp1764000000004', () => {
  it('runs alone, and the hub asks for a manager’s approval of closures until told otherwise', async () => {
    const before = await db.everyRow()
    expect(await db.migrate()).toEqual(['EarlyHelp1764000000004'])
    const after = await db.everyRow()
    expect(changedTables(before, after)).toEqual(['hub'])
    expect(after.hub).toEqual([{ ...hubRow, idle_lock_minutes: 10, closure_needs_approval: 1 }])
  })

  it('makes episodes, indexed for the family page and both caseload lists, with no notes and no contact yet', async () => {
    await db.migrate()
    expect((await db.indexes('episode')).filter((i) => i.origin === 'c')).toEqual([
      { name: 'idx_episode_family', unique: false, origin: 'c', columns: ['family_id'] },
      { name: 'idx_episode_lead', unique: false, origin: 'c', columns: ['lead_user_id', 'status'] },
      { name: 'idx_episode_status', unique: false, origin: 'c', columns: ['status', 'opened_on'] }
    ])
    expect(await db.foreignKeys('episode')).toEqual([
      { from: 'family_id', table: 'family', to: 'id' },
      { from: 'lead_user_id', table: 'app_user', to: 'id' }
    ])
    await db.insert('episode', [episode])
    expect(await db.rows('episode')).toEqual([{ ...episode, note_count: 0, last_contact_at: null }])
    expect(await refusal(db, `UPDATE episode SET lead_user_id = 'no-such-user'`)).toMatch(/FOREIGN KEY constraint failed/)
  })

  it('makes case notes, found by family and by episode in date order, and drafts, one per user and form', async () => {
    await db.migrate()
    await db.insert('episode', [episode])
    expect((await db.indexes('case_note')).filter((i) => i.origin === 'c')).toEqual([
      { name: 'idx_case_note_episode', unique: false, origin: 'c', columns: ['episode_id', 'occurred_at'] },
      { name: 'idx_case_note_family', unique: false, origin: 'c', columns: ['family_id', 'occurred_at'] }
    ])
    expect(await db.foreignKeys('case_note')).toEqual([
      { from: 'episode_id', table: 'episode', to: 'id' },
      { from: 'family_id', table: 'family', to: 'id' }
    ])
    const note = {
      id: 'c27c7b64-7d8a-4cb9-9a09-cf6d7a8b9c01',
      family_id: familyRows[1]!.id,
      // A note can be about a family with no episode open.
      episode_id: null,
      occurred_at: '2025-12-02T09:15',
      type: 'PHONE_CALL',
      people: '[]',
      text: 'Mum called about the interpreter.',
      significant: 0,
      author: 'pat',
      created_at: '2025-12-02T09:20:00.000Z',
      version: 1
    }
    await db.insert('case_note', [note])
    expect(await db.rows('case_note')).toEqual([note])

    expect(await db.columns('draft')).toEqual([
      { name: 'user_name', type: 'varchar(100)', notNull: true, defaultValue: null, primaryKey: 1 },
      { name: 'draft_key', type: 'varchar(200)', notNull: true, defaultValue: null, primaryKey: 2 },
      { name: 'payload', type: 'TEXT', notNull: true, defaultValue: null, primaryKey: 0 },
      { name: 'saved_at', type: 'varchar(32)', notNull: true, defaultValue: null, primaryKey: 0 }
    ])
    const insertDraft = `INSERT INTO draft (user_name, draft_key, payload, saved_at) VALUES ('pat', 'case-note:${familyRows[0]!.id}', '{}', '2025-12-02T09:00:00.000Z')`
    await db.query(insertDraft)
    expect(await refusal(db, insertDraft)).toMatch(/UNIQUE constraint failed: draft.user_name, draft.draft_key/)
  })
})
