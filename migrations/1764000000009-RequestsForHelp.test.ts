// Requests for help and the children they are about. Run on a database with a hub, families and
// their people, a user, an episode, the directory and a trail in it: nothing that was there changes,
// the new tables hold what they promise (the keys, a decision's details matching its kind, feedback
// only after a decision, a step-down's reference), and the list's filters find their indexes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RequestsForHelp1764000000009 } from './1764000000009-RequestsForHelp'
import { changedTables, databaseBefore, refusal, refusedInsert, type MigrationDb } from '../src/main/testing/migrationDb'
import { auditRows, episodeRow, familyRows, hubRow, membershipRows, personRows, userRow } from '../src/main/testing/migrationRows'

let db: MigrationDb
const AT = '2026-04-02T09:30:00.000Z'
const organisation = { id: 'c0a1b2c3-d4e5-4f60-8a7b-8c9d0e1f2a01', feed_id: null, name: 'Riverside Health', created_at: AT, updated_at: AT, version: 1 }
const service = {
  id: 'c0a1b2c3-d4e5-4f60-8a7b-8c9d0e1f2b01',
  organisation_id: organisation.id,
  feed_id: null,
  name: 'Stay and play',
  service_type: 'EARLY_YEARS',
  status: 'active',
  created_at: AT,
  updated_at: AT,
  version: 1
}
const episode = episodeRow(1, familyRows[0]!.id, 'open')
const child = personRows[1]!

beforeEach(async () => {
  db = await databaseBefore(RequestsForHelp1764000000009)
  await db.insert('hub', [hubRow])
  await db.insert('family', familyRows)
  await db.insert('person', personRows)
  await db.insert('family_membership', membershipRows)
  await db.insert('app_user', [userRow])
  await db.insert('episode', [episode])
  await db.insert('directory_organisation', [organisation])
  await db.insert('directory_service', [service])
  await db.insert('audit_entry', auditRows)
})
afterEach(async () => {
  await db.dispose()
})

/** A request as the app writes one: waiting, from a health visitor, unless `more` says otherwise. */
const request = (n: number, more: Record<string, unknown> = {}) => ({
  id: `d1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5${String(n).padStart(2, '0')}`,
  family_id: familyRows[0]!.id,
  received_at: AT,
  channel: 'PHONE',
  referrer_name: 'Dee Patel',
  referrer_role: 'Health visitor',
  organisation_id: organisation.id,
  source: '3B',
  reason: 'Mum is finding the nights hard.',
  awareness: 'AWARE_AGREES',
  urgency: 'ROUTINE',
  status: 'waiting',
  logged_by_user_id: userRow.id,
  created_at: AT,
  updated_at: AT,
  version: 1,
  ...more
})
const decided = (decision: string, more: Record<string, unknown>) => ({ status: 'decided', decision, decided_at: AT, decided_by_user_id: userRow.id, ...more })

const plan = async (sql: string, params: unknown[]) => (await db.query<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params)).map((r) => r.detail)

describe('RequestsForHelp1764000000009', () => {
  it('runs alone and changes no row that was there', async () => {
    const before = await db.everyRow()
    expect(await db.migrate()).toEqual(['RequestsForHelp1764000000009'])
    const after = await db.everyRow()
    expect(changedTables(before, after)).toEqual([])
    expect(after.request_for_help).toEqual([])
    expect(after.request_child).toEqual([])
  })

  it('keeps a request with its children, each by key', async () => {
    await db.migrate()
    await db.insert('request_for_help', [request(1)])
    await db.insert('request_child', [{ request_id: request(1).id, person_id: child.id }])
    expect(await db.foreignKeys('request_for_help')).toEqual([
      { from: 'decided_by_user_id', table: 'app_user', to: 'id' },
      { from: 'episode_id', table: 'episode', to: 'id' },
      { from: 'family_id', table: 'family', to: 'id' },
      { from: 'feedback_by_user_id', table: 'app_user', to: 'id' },
      { from: 'logged_by_user_id', table: 'app_user', to: 'id' },
      { from: 'organisation_id', table: 'directory_organisation', to: 'id' },
      { from: 'service_id', table: 'directory_service', to: 'id' }
    ])
    expect(await db.foreignKeys('request_child')).toEqual([
      { from: 'person_id', table: 'person', to: 'id' },
      { from: 'request_id', table: 'request_for_help', to: 'id' }
    ])
    expect((await db.columns('request_child')).map((c) => [c.name, c.primaryKey])).toEqual([
      ['request_id', 1],
      ['person_id', 2]
    ])
    expect(await refusal(db, 'INSERT INTO request_child (request_id, person_id) VALUES (?, ?)', [request(1).id, child.id])).toMatch(/UNIQUE constraint failed/)
    expect(await refusal(db, 'INSERT INTO request_child (request_id, person_id) VALUES (?, ?)', [request(1).id, 'no-such-person'])).toMatch(
      /FOREIGN KEY constraint failed/
    )
    expect(await insertRefused(request(2, { family_id: 'no-such-family' }))).toMatch(/FOREIGN KEY constraint failed/)
    expect(await insertRefused(request(3, { organisation_id: 'no-such-organisation' }))).toMatch(/FOREIGN KEY constraint failed/)
  })

  it('holds each decision to the details of its kind, and an episode to one request', async () => {
    await db.migrate()
    await db.insert('request_for_help', [
      request(1, decided('ACCEPT', { episode_id: episode.id })),
      request(2, decided('SIGNPOST', { service_id: service.id, family_told: 'The stay and play runs on Tuesdays.' })),
      request(3, decided('DECLINE', { decline_reason: 'The school nurse is helping.' })),
      request(4, decided('ESCALATE', {}))
    ])
    const CHECK = /CHECK constraint failed: request_decision_details/
    expect(await insertRefused(request(10, decided('ACCEPT', {})))).toMatch(CHECK)
    expect(await insertRefused(request(11, decided('ACCEPT', { episode_id: episode.id, decline_reason: 'Both' })))).toMatch(CHECK)
    expect(await insertRefused(request(12, decided('SIGNPOST', { service_id: service.id })))).toMatch(CHECK)
    expect(await insertRefused(request(13, decided('DECLINE', { decline_reason: 'No', service_id: service.id })))).toMatch(CHECK)
    expect(await insertRefused(request(14, decided('MAYBE', { decline_reason: 'No' })))).toMatch(CHECK)
    expect(await insertRefused(request(15, { decision: 'DECLINE', decline_reason: 'Waiting but declined' }))).toMatch(CHECK)
    expect(await insertRefused(request(16, { status: 'decided', decision: 'DECLINE', decline_reason: 'When?' }))).toMatch(CHECK)
    expect(await insertRefused(request(17, { status: 'lost' }))).toMatch(CHECK)
    expect(await insertRefused(request(18, decided('ACCEPT', { episode_id: episode.id })))).toMatch(/UNIQUE constraint failed: request_for_help.episode_id/)
  })

  it('takes feedback only once decided, and a social care reference only with a step-down', async () => {
    await db.migrate()
    const told = { fed_back_on: '2026-04-03', feedback_method: 'PHONE', feedback_by_user_id: userRow.id }
    await db.insert('request_for_help', [
      request(1, { ...decided('DECLINE', { decline_reason: 'The school nurse is helping.' }), ...told }),
      request(2, { source: '5A', social_care_reference: 'SC-2026-0042' })
    ])
    expect(await insertRefused(request(10, told))).toMatch(/CHECK constraint failed: request_feedback_after_decision/)
    expect(await insertRefused(request(11, decided('DECLINE', { decline_reason: 'No', fed_back_on: '2026-04-03' })))).toMatch(
      /CHECK constraint failed: request_feedback_after_decision/
    )
    expect(await insertRefused(request(12, { source: '5A' }))).toMatch(/CHECK constraint failed: request_step_down_reference/)
    expect(await insertRefused(request(13, { social_care_reference: 'SC-1' }))).toMatch(/CHECK constraint failed: request_step_down_reference/)
  })

  it("indexes the list's filters: waiting or decided, received between dates, not fed back, a family's", async () => {
    await db.migrate()
    const waiting = await plan(`SELECT id FROM request_for_help r WHERE r.status = 'waiting' AND r.received_at < ? ORDER BY r.received_at, r.id`, [AT])
    expect(waiting).toEqual(['SEARCH r USING COVERING INDEX idx_request_status (status=? AND received_at<?)'])
    const between = await plan(`SELECT id FROM request_for_help r WHERE r.received_at >= ? AND r.received_at < ? ORDER BY r.received_at DESC, r.id DESC`, [
      AT,
      AT
    ])
    expect(between).toEqual(['SEARCH r USING COVERING INDEX idx_request_received (received_at>? AND received_at<?)'])
    const notFedBack = await plan(
      `SELECT id FROM request_for_help r WHERE r.status = 'decided' AND r.fed_back_on IS NULL AND r.source <> ? ORDER BY r.received_at, r.id`,
      ['9']
    )
    expect(notFedBack).toEqual(['SEARCH r USING INDEX idx_request_not_fed_back (status=? AND fed_back_on=?)'])
    expect(await plan(`SELECT id FROM request_for_help WHERE family_id = ?`, [familyRows[0]!.id])).toEqual([
      'SEARCH request_for_help USING INDEX idx_request_family (family_id=?)'
    ])
  })
})

const insertRefused = (row: Record<string, unknown>) => refusedInsert(db, 'request_for_help', row)
