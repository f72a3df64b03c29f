// Step-ups and the children they are about. Run on a database with a hub, families and their people,
// a user, episodes, a request for help and a trail in it: nothing that was there changes, the new
// tables hold what they promise (one origin, each request and episode stepped up once, the hub's two
// source codes, an acknowledgement's day and reference together), and the manager's list and a
// family's step-ups find their indexes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StepUps1764000000011 } from './1764000000011-StepUps'
import { changedTables, databaseBefore, refusal, refusedInsert, type MigrationDb } from '../src/main/testing/migrationDb'
import { auditRows, episodeRow, familyRows, hubRow, membershipRows, personRows, userRow } from '../src/main/testing/migrationRows'

let db: MigrationDb
const AT = '2026-04-02T09:30:00.000Z'
const family = familyRows[0]!.id
const episode = episodeRow(1, family, 'closed', { closed_on: '2026-04-01' })
const child = personRows[1]!
const request = {
  id: 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e501',
  family_id: family,
  received_at: AT,
  channel: 'PHONE',
  referrer_name: 'Dee Patel',
  source: '3B',
  reason: 'Bruising seen on the baby.',
  awareness: 'NOT_AWARE',
  urgency: 'URGENT',
  status: 'decided',
  decision: 'ESCALATE',
  decided_at: AT,
  decided_by_user_id: userRow.id,
  logged_by_user_id: userRow.id,
  created_at: AT,
  updated_at: AT,
  version: 2
}

beforeEach(async () => {
  db = await databaseBefore(StepUps1764000000011)
  await db.insert('hub', [hubRow])
  await db.insert('family', familyRows)
  await db.insert('person', personRows)
  await db.insert('family_membership', membershipRows)
  await db.insert('app_user', [userRow])
  await db.insert('episode', [episode])
  await db.insert('request_for_help', [request])
  await db.insert('audit_entry', auditRows)
})
afterEach(async () => {
  await db.dispose()
})

/** A step-up as the app writes one: escalated from the request, not yet acknowledged, unless `more` says otherwise. */
const stepUp = (n: number, more: Record<string, unknown> = {}) => ({
  id: `e1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5${String(n).padStart(2, '0')}`,
  family_id: family,
  request_id: request.id,
  episode_id: null,
  concern: 'Bruising seen on the baby.',
  stepped_up_on: '2026-04-02',
  referral_source: '5D',
  made_by_user_id: userRow.id,
  created_at: AT,
  updated_at: AT,
  version: 1,
  ...more
})
const fromEpisode = { request_id: null, episode_id: episode.id }

const insertRefused = (row: Record<string, unknown>) => refusedInsert(db, 'step_up', row)

const plan = async (sql: string, params: unknown[]) => (await db.query<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params)).map((r) => r.detail)

describe('StepUps1764000000011', () => {
  it('runs alone and changes no row that was there', async () => {
    const before = await db.everyRow()
    expect(await db.migrate()).toEqual(['StepUps1764000000011'])
    const after = await db.everyRow()
    expect(changedTables(before, after)).toEqual([])
    expect(after.step_up).toEqual([])
    expect(after.step_up_child).toEqual([])
  })

  it('keeps a step-up with its children, each by key', async () => {
    await db.migrate()
    await db.insert('step_up', [stepUp(1)])
    await db.insert('step_up_child', [{ step_up_id: stepUp(1).id, person_id: child.id }])
    expect(await db.foreignKeys('step_up')).toEqual([
      { from: 'acknowledged_by_user_id', table: 'app_user', to: 'id' },
      { from: 'episode_id', table: 'episode', to: 'id' },
      { from: 'family_id', table: 'family', to: 'id' },
      { from: 'made_by_user_id', table: 'app_user', to: 'id' },
      { from: 'request_id', table: 'request_for_help', to: 'id' }
    ])
    expect(await db.foreignKeys('step_up_child')).toEqual([
      { from: 'person_id', table: 'person', to: 'id' },
      { from: 'step_up_id', table: 'step_up', to: 'id' }
    ])
    expect(await refusal(db, 'INSERT INTO step_up_child (step_up_id, person_id) VALUES (?, ?)', [stepUp(1).id, child.id])).toMatch(/UNIQUE constraint failed/)
    expect(await refusal(db, 'INSERT INTO step_up_child (step_up_id, person_id) VALUES (?, ?)', [stepUp(1).id, 'no-such-person'])).toMatch(
      /FOREIGN KEY constraint failed/
    )
    expect(await insertRefused(stepUp(2, { ...fromEpisode, family_id: 'no-such-family' }))).toMatch(/FOREIGN KEY constraint failed/)
    expect(await insertRefused(stepUp(3, { request_id: 'no-such-request' }))).toMatch(/FOREIGN KEY constraint failed/)
  })

  it('comes from exactly one of a request or an episode, each stepped up once', async () => {
    await db.migrate()
    await db.insert('step_up', [stepUp(1), stepUp(2, fromEpisode)])
    const ORIGIN = /CHECK constraint failed: step_up_one_origin/
    expect(await insertRefused(stepUp(10, { request_id: null }))).toMatch(ORIGIN)
    expect(await insertRefused(stepUp(11, { episode_id: episode.id }))).toMatch(ORIGIN)
    expect(await insertRefused(stepUp(12))).toMatch(/UNIQUE constraint failed: step_up.request_id/)
    expect(await insertRefused(stepUp(13, fromEpisode))).toMatch(/UNIQUE constraint failed: step_up.episode_id/)
  })

  it("takes only the hub's two source codes, and an acknowledgement's day with its reference", async () => {
    await db.migrate()
    await db.insert('step_up', [
      stepUp(1, { referral_source: '8', acknowledged_on: '2026-04-03', social_care_reference: 'SC-2026-0042', acknowledged_by_user_id: userRow.id })
    ])
    expect(await insertRefused(stepUp(10, { ...fromEpisode, referral_source: '3B' }))).toMatch(/CHECK constraint failed: step_up_source/)
    const ACK = /CHECK constraint failed: step_up_acknowledgement/
    expect(await insertRefused(stepUp(11, { ...fromEpisode, acknowledged_on: '2026-04-03' }))).toMatch(ACK)
    expect(await insertRefused(stepUp(12, { ...fromEpisode, social_care_reference: 'SC-1' }))).toMatch(ACK)
    expect(await insertRefused(stepUp(13, { ...fromEpisode, acknowledged_by_user_id: userRow.id }))).toMatch(ACK)
  })

  it("indexes the manager's list (all, or waiting for acknowledgement) and a family's step-ups", async () => {
    await db.migrate()
    expect(await plan(`SELECT id FROM step_up s ORDER BY s.stepped_up_on DESC, s.id DESC LIMIT 25`, [])).toEqual([
      'SCAN s USING COVERING INDEX idx_step_up_day'
    ])
    expect(await plan(`SELECT id FROM step_up s WHERE s.acknowledged_on IS NULL ORDER BY s.stepped_up_on DESC, s.id DESC LIMIT 25`, [])).toEqual([
      'SEARCH s USING COVERING INDEX idx_step_up_waiting (acknowledged_on=?)'
    ])
    expect(await plan(`SELECT id FROM step_up WHERE family_id = ?`, [family])).toEqual(['SEARCH step_up USING INDEX idx_step_up_family (family_id=?)'])
    expect(await plan(`SELECT step_up_id FROM step_up_child WHERE person_id = ?`, [child.id])).toEqual([
      'SEARCH step_up_child USING INDEX idx_step_up_child_person (person_id=?)'
    ])
  })
})
