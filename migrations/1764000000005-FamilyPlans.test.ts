// The work inside an episode: the team, the assessment, the plan and its reviews, and what the
// caseload lists need kept on the episode. Run on a database with open and closed episodes, case
// notes and drafts in it: episodes already there have no plan, so nothing is due and nothing overdue.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FamilyPlans1764000000005 } from './1764000000005-FamilyPlans'
import { changedTables, databaseBefore, refusal, type MigrationDb } from '../src/main/testing/migrationDb'
import { auditRows, consentRow, episodeRow, familyRows, hubRow, membershipRows, personRows, userRow } from '../src/main/testing/migrationRows'

const episodes = [
  episodeRow(1, familyRows[0]!.id, 'closed', {
    closed_on: '2025-09-30',
    closure: '{"reason":"NEEDS_MET","familyView":"Much better","requestedBy":"pat"}',
    version: 3
  }),
  episodeRow(2, familyRows[0]!.id, 'open', { opened_on: '2025-11-01', note_count: 2, last_contact_at: '2025-11-20T14:00' }),
  episodeRow(3, familyRows[1]!.id, 'closing', { closure: '{"reason":"MOVED_AWAY","familyView":"Moving","requestedBy":"pat"}', closed_on: '2025-11-25' })
]
const notes = [1, 2].map((n) => ({
  id: `c27c7b64-7d8a-4cb9-9a09-cf6d7a8b9c0${n}`,
  family_id: familyRows[0]!.id,
  episode_id: episodes[1]!.id,
  occurred_at: `2025-11-${10 * n}T14:00`,
  type: 'HOME_VISIT',
  people: JSON.stringify([personRows[0]!.id]),
  text: `Visit ${n}`,
  significant: n - 1,
  author: 'pat',
  created_at: `2025-11-${10 * n}T15:00:00.000Z`,
  version: 1
}))

let db: MigrationDb
beforeEach(async () => {
  db = await databaseBefore(FamilyPlans1764000000005)
  await db.insert('hub', [{ ...hubRow, idle_lock_minutes: 10, closure_needs_approval: 0 }])
  await db.insert('family', familyRows)
  await db.insert('person', personRows)
  await db.insert('family_membership', membershipRows)
  await db.insert('consent', [consentRow])
  await db.insert('audit_entry', auditRows)
  await db.insert('app_user', [userRow])
  await db.insert('episode', episodes)
  await db.insert('case_note', notes)
  await db.insert('draft', [
    { user_name: 'pat', draft_key: `case-note:${familyRows[0]!.id}`, payload: '{"text":"half a note"}', saved_at: '2025-11-21T09:00:00.000Z' }
  ])
})
afterEach(async () => {
  await db.dispose()
})

describe('FamilyPlans1764000000005', () => {
  it('runs alone; episodes keep everything and have no review due, no actions and no consent named; reviews fall every six weeks', async () => {
    const before = await db.everyRow()
    expect(await db.migrate()).toEqual(['FamilyPlans1764000000005'])
    const after = await db.everyRow()
    expect(changedTables(before, after)).toEqual(['episode', 'hub'])
    expect(after.episode).toEqual(episodes.map((e) => ({ ...e, next_review_on: null, open_action_dues: '', consent_id: null })))
    expect(after.hub).toEqual([{ ...hubRow, idle_lock_minutes: 10, closure_needs_approval: 0, review_weeks: 6 }])
    expect(await db.foreignKeys('episode')).toContainEqual({ from: 'consent_id', table: 'consent', to: 'id' })
    expect(await refusal(db, `UPDATE episode SET consent_id = 'no-such-consent' WHERE id = ?`, [episodes[1]!.id])).toMatch(/FOREIGN KEY constraint failed/)
  })

  it('makes the team, assessment, plan and review tables, one assessment and one plan per episode', async () => {
    await db.migrate()
    const made = async (table: string) => ({
      indexes: (await db.indexes(table)).filter((i) => i.origin !== 'pk').map((i) => `${i.origin === 'u' ? 'UNIQUE' : i.name} (${i.columns.join(', ')})`),
      references: (await db.foreignKeys(table)).map((k) => `${k.from} → ${k.table}.${k.to}`)
    })
    expect(await made('taf_member')).toEqual({ indexes: ['idx_taf_member_episode (episode_id)'], references: ['episode_id → episode.id'] })
    expect(await made('assessment')).toEqual({
      indexes: ['idx_assessment_family (family_id)', 'UNIQUE (episode_id)'],
      references: ['episode_id → episode.id', 'family_id → family.id']
    })
    expect(await made('family_plan')).toEqual({
      indexes: ['idx_family_plan_family (family_id)', 'UNIQUE (episode_id)'],
      references: ['episode_id → episode.id', 'family_id → family.id']
    })
    expect(await made('review')).toEqual({
      indexes: ['idx_review_episode (episode_id, held_on)', 'idx_review_family (family_id)'],
      references: ['episode_id → episode.id', 'family_id → family.id']
    })
    const plan = {
      id: 'd38d8c75-8e9b-4dca-8b1a-da7e8b9cad01',
      episode_id: episodes[1]!.id,
      family_id: familyRows[0]!.id,
      agreed_on: '2025-11-22',
      outcomes: '[]',
      agreed_by: 'pat',
      updated_by: 'pat',
      created_at: '2025-11-22T10:00:00.000Z',
      updated_at: '2025-11-22T10:00:00.000Z',
      version: 1
    }
    await db.insert('family_plan', [plan])
    expect(await db.rows('family_plan')).toEqual([plan])
    expect(
      await refusal(
        db,
        `INSERT INTO family_plan SELECT 'another-id', episode_id, family_id, agreed_on, outcomes, agreed_by, updated_by, created_at, updated_at, version FROM family_plan`
      )
    ).toMatch(/UNIQUE constraint failed: family_plan.episode_id/)
  })
})
