// The hub's referral targets and the agency directory. Run on a database with a hub, families and a
// trail in it: the hub takes the default targets, and the directory's tables hold what they promise.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ReferralSettingsAndDirectory1764000000008 } from './1764000000008-ReferralSettingsAndDirectory'
import { changedTables, databaseBefore, refusal, type MigrationDb } from '../src/main/testing/migrationDb'
import { auditRows, familyRows, hubRow } from '../src/main/testing/migrationRows'

let db: MigrationDb
beforeEach(async () => {
  db = await databaseBefore(ReferralSettingsAndDirectory1764000000008)
  await db.insert('hub', [hubRow])
  await db.insert('family', familyRows)
  await db.insert('audit_entry', auditRows)
})
afterEach(async () => {
  await db.dispose()
})

const AT = '2026-11-23T10:00:00.000Z'
const organisation = { id: 'c0a1b2c3-d4e5-4f60-8a7b-8c9d0e1f2a01', feed_id: 'oruk-org-1', name: 'Riverside Health', created_at: AT, updated_at: AT, version: 1 }
const service = (n: number, feedId: string | null) => ({
  id: `c0a1b2c3-d4e5-4f60-8a7b-8c9d0e1f2b0${n}`,
  organisation_id: organisation.id,
  feed_id: feedId,
  name: 'Health visiting',
  service_type: 'HEALTH',
  referral_source: '3B',
  status: 'active',
  created_at: AT,
  updated_at: AT,
  version: 1
})

describe('ReferralSettingsAndDirectory1764000000008', () => {
  it('runs alone: the hub takes the default targets, and nothing else changes', async () => {
    const before = await db.everyRow()
    expect(await db.migrate()).toEqual(['ReferralSettingsAndDirectory1764000000008'])
    const after = await db.everyRow()
    expect(changedTables(before, after)).toEqual(['hub'])
    expect(after.hub).toEqual([{ ...before.hub![0], request_decision_days: 2, referral_ack_days: 5, step_up_source: '8' }])
  })

  it('keeps organisations and their services, each feed id once', async () => {
    await db.migrate()
    await db.insert('directory_organisation', [organisation])
    await db.insert('directory_service', [service(1, 'oruk-service-1'), service(2, null), service(3, null)])
    expect(await db.foreignKeys('directory_service')).toEqual([{ from: 'organisation_id', table: 'directory_organisation', to: 'id' }])
    // What the service publishes (email) and where the hub sends referrals (secure_email) are kept apart.
    expect(await db.columns('directory_service')).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'email' }), expect.objectContaining({ name: 'secure_email' })])
    )
    expect((await db.indexes('directory_service')).filter((i) => i.origin === 'c').map((i) => i.columns)).toEqual(
      expect.arrayContaining([['organisation_id', 'name'], ['name']])
    )
    const insert =
      'INSERT INTO directory_service (id, organisation_id, feed_id, name, service_type, status, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)'
    expect(await refusal(db, insert, ['c0a1b2c3-d4e5-4f60-8a7b-8c9d0e1f2b09', organisation.id, 'oruk-service-1', 'Again', 'HEALTH', 'active', AT, AT])).toMatch(
      /UNIQUE constraint failed: directory_service.feed_id/
    )
    expect(await refusal(db, insert, ['c0a1b2c3-d4e5-4f60-8a7b-8c9d0e1f2b08', 'no-such-organisation', null, 'Orphan', 'HEALTH', 'active', AT, AT])).toMatch(
      /FOREIGN KEY constraint failed/
    )
  })
})
