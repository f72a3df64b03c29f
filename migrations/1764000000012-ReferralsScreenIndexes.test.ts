// The Referrals screen's indexes on requests for help. Run on a database with requests in it:
// nothing that was there changes, and the screen's organisation and status filters (and the counts
// per status) are read off the new indexes, in the list's order, without sorting.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ReferralsScreenIndexes1764000000012 } from './1764000000012-ReferralsScreenIndexes'
import { changedTables, databaseBefore, type MigrationDb } from '../src/main/testing/migrationDb'
import { auditRows, familyRows, hubRow, membershipRows, personRows, userRow } from '../src/main/testing/migrationRows'

let db: MigrationDb
const AT = '2026-04-02T09:30:00.000Z'
const organisation = { id: 'c0a1b2c3-d4e5-4f60-8a7b-8c9d0e1f2a01', feed_id: null, name: 'Riverside Health', created_at: AT, updated_at: AT, version: 1 }

const request = (n: number, more: Record<string, unknown> = {}) => ({
  id: `d1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5${String(n).padStart(2, '0')}`,
  family_id: familyRows[0]!.id,
  received_at: AT,
  channel: 'PHONE',
  referrer_name: 'Dee Patel',
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

beforeEach(async () => {
  db = await databaseBefore(ReferralsScreenIndexes1764000000012)
  await db.insert('hub', [hubRow])
  await db.insert('family', familyRows)
  await db.insert('person', personRows)
  await db.insert('family_membership', membershipRows)
  await db.insert('app_user', [userRow])
  await db.insert('directory_organisation', [organisation])
  await db.insert('audit_entry', auditRows)
  await db.insert('request_for_help', [
    request(1),
    request(2, { status: 'decided', decision: 'DECLINE', decided_at: AT, decided_by_user_id: userRow.id, decline_reason: 'Known to the school nurse.' })
  ])
})
afterEach(async () => {
  await db.dispose()
})

const plan = async (sql: string, params: unknown[]) => (await db.query<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params)).map((r) => r.detail)

describe('ReferralsScreenIndexes1764000000012', () => {
  it('runs alone, adds the four indexes and changes no row', async () => {
    const before = await db.everyRow()
    const names = async (table: string) => (await db.indexes(table)).map((i) => i.name)
    const had = { requests: await names('request_for_help'), referrals: await names('outbound_referral') }
    expect(await db.migrate()).toEqual(['ReferralsScreenIndexes1764000000012'])
    expect(changedTables(before, await db.everyRow())).toEqual([])
    const added = async (table: string, old: string[]) =>
      (await db.indexes(table))
        .filter((i) => !old.includes(i.name))
        .map((i) => [i.name, i.columns])
        .sort()
    expect(await added('request_for_help', had.requests)).toEqual([
      ['idx_request_decision', ['decision', 'received_at', 'id']],
      ['idx_request_organisation', ['organisation_id', 'received_at', 'id']],
      ['idx_request_organisation_decision', ['organisation_id', 'decision', 'received_at', 'id']]
    ])
    expect(await added('outbound_referral', had.referrals)).toEqual([['idx_outbound_organisation_status', ['organisation_id', 'status', 'created_at', 'id']]])
  })

  it("reads one organisation's requests, one decision's, and the counts per decision off the indexes", async () => {
    await db.migrate()
    expect(
      await plan(`SELECT r.id FROM request_for_help r WHERE r.organisation_id = ? AND r.received_at >= ? ORDER BY r.received_at DESC, r.id DESC LIMIT 25`, [
        organisation.id,
        AT
      ])
    ).toEqual(['SEARCH r USING COVERING INDEX idx_request_organisation (organisation_id=? AND received_at>?)'])
    expect(await plan(`SELECT r.id FROM request_for_help r WHERE r.decision = ? ORDER BY r.received_at DESC, r.id DESC LIMIT 25`, ['DECLINE'])).toEqual([
      'SEARCH r USING COVERING INDEX idx_request_decision (decision=?)'
    ])
    expect(await plan(`SELECT r.decision, count(*) FROM request_for_help r GROUP BY r.decision`, [])).toEqual([
      'SCAN r USING COVERING INDEX idx_request_decision'
    ])
    expect(
      await plan(`SELECT count(*) FROM request_for_help r WHERE r.organisation_id = ? AND r.decision = ? AND r.received_at >= ?`, [
        organisation.id,
        'DECLINE',
        AT
      ])
    ).toEqual(['SEARCH r USING COVERING INDEX idx_request_organisation_decision (organisation_id=? AND decision=? AND received_at>?)'])
    expect(
      await plan(`SELECT o.id FROM outbound_referral o WHERE o.organisation_id = ? AND o.status = ? ORDER BY o.created_at DESC, o.id DESC LIMIT 25`, [
        organisation.id,
        'sent'
      ])
    ).toEqual(['SEARCH o USING COVERING INDEX idx_outbound_organisation_status (organisation_id=? AND status=?)'])
  })

  it('goes down again', async () => {
    await db.migrate()
    await new ReferralsScreenIndexes1764000000012().down({ query: (sql: string) => db.query(sql) } as never)
    expect((await db.indexes('request_for_help')).map((i) => i.name)).not.toContain('idx_request_decision')
    expect((await db.indexes('outbound_referral')).map((i) => i.name)).not.toContain('idx_outbound_organisation_status')
  })
})
