// Referrals on and consent tied to an organisation. Run on a database with a hub, families and their
// people, a consent given as free text, a user, an episode, the directory and a trail in it: the
// consent keeps what it said (and gains an empty organisation), nothing else changes, and the new
// tables hold what they promise: each status exactly its details, a sent referral resting on one of
// a consent or an override, something shared, the keys, and the indexes of the lists.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OutboundReferrals1764000000010 } from './1764000000010-OutboundReferrals'
import { changedTables, databaseBefore, refusal, refusedInsert, type MigrationDb } from '../src/main/testing/migrationDb'
import { auditRows, consentRow, episodeRow, familyRows, hubRow, membershipRows, personRows, userRow } from '../src/main/testing/migrationRows'

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
const sharingConsent = { ...consentRow, id: '9c4f4e31-4a5d-4f86-8d76-9c3a4d5e6f02', scope: 'SHARING', agency: 'Riverside Health' }

beforeEach(async () => {
  db = await databaseBefore(OutboundReferrals1764000000010)
  await db.insert('hub', [hubRow])
  await db.insert('family', familyRows)
  await db.insert('person', personRows)
  await db.insert('family_membership', membershipRows)
  await db.insert('consent', [consentRow, sharingConsent])
  await db.insert('app_user', [userRow])
  await db.insert('episode', [episode])
  await db.insert('directory_organisation', [organisation])
  await db.insert('directory_service', [service])
  await db.insert('audit_entry', auditRows)
})
afterEach(async () => {
  await db.dispose()
})

const by = userRow.id
/** A referral as the app writes one: a draft from the episode, unless `more` says otherwise. */
const referral = (n: number, more: Record<string, unknown> = {}) => ({
  id: `e1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5${String(n).padStart(2, '0')}`,
  family_id: familyRows[0]!.id,
  episode_id: episode.id,
  service_id: service.id,
  organisation_id: organisation.id,
  reason: 'Mum would like support with the baby’s sleep.',
  share_identifiers: 1,
  share_address: 0,
  share_plan: 0,
  share_assessment: 0,
  status: 'draft',
  created_by_user_id: by,
  created_at: AT,
  updated_at: AT,
  version: 1,
  ...more
})
const sent = { status: 'sent', sent_at: AT, sent_method: 'SECURE_EMAIL', sent_by_user_id: by, consent_id: sharingConsent.id }
const acknowledged = { ...sent, status: 'acknowledged', acknowledged_at: AT, acknowledged_by_user_id: by }
const accepted = { ...acknowledged, status: 'accepted', responded_at: AT, responded_by_user_id: by }
const declined = { ...acknowledged, status: 'declined', responded_at: AT, responded_by_user_id: by, decline_reason: 'Outside our area.' }
const completed = { ...accepted, status: 'completed', completed_at: AT, completed_by_user_id: by, outcome: 'successful', outcome_reason: 'Sleeping well.' }
const withdrawn = (from: Record<string, unknown>) => ({
  ...from,
  status: 'withdrawn',
  withdrawn_at: AT,
  withdrawn_by_user_id: by,
  withdrawn_reason: 'Family moved.'
})
const override = {
  override_reason: 'Seeking consent would put the baby at risk.',
  lawful_basis_6: '6_1_E',
  lawful_basis_9: 'DPA_S1_P18',
  override_by_user_id: by,
  override_at: AT
}

const plan = async (sql: string, params: unknown[]) => (await db.query<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params)).map((r) => r.detail)

describe('OutboundReferrals1764000000010', () => {
  it('runs alone, keeps every consent as it was with no organisation, and changes no other row', async () => {
    const before = await db.everyRow()
    expect(await db.migrate()).toEqual(['OutboundReferrals1764000000010'])
    const after = await db.everyRow()
    expect(changedTables(before, after)).toEqual(['consent'])
    expect(after.consent).toEqual(before.consent!.map((c) => ({ ...c, organisation_id: null })))
    expect(after.outbound_referral).toEqual([])
    expect(after.outbound_referral_person).toEqual([])
    expect(await db.foreignKeys('consent')).toContainEqual({ from: 'organisation_id', table: 'directory_organisation', to: 'id' })
    await db.query('UPDATE consent SET organisation_id = ? WHERE id = ?', [organisation.id, sharingConsent.id])
    expect(await refusal(db, 'UPDATE consent SET organisation_id = ? WHERE id = ?', ['no-such-organisation', consentRow.id])).toMatch(
      /FOREIGN KEY constraint failed/
    )
  })

  it('keeps a referral with its people, each by key', async () => {
    await db.migrate()
    await db.insert('outbound_referral', [referral(1)])
    await db.insert('outbound_referral_person', [{ referral_id: referral(1).id, person_id: personRows[1]!.id }])
    expect(await db.foreignKeys('outbound_referral')).toEqual([
      { from: 'acknowledged_by_user_id', table: 'app_user', to: 'id' },
      { from: 'completed_by_user_id', table: 'app_user', to: 'id' },
      { from: 'consent_id', table: 'consent', to: 'id' },
      { from: 'created_by_user_id', table: 'app_user', to: 'id' },
      { from: 'episode_id', table: 'episode', to: 'id' },
      { from: 'family_id', table: 'family', to: 'id' },
      { from: 'organisation_id', table: 'directory_organisation', to: 'id' },
      { from: 'override_by_user_id', table: 'app_user', to: 'id' },
      { from: 'request_id', table: 'request_for_help', to: 'id' },
      { from: 'responded_by_user_id', table: 'app_user', to: 'id' },
      { from: 'sent_by_user_id', table: 'app_user', to: 'id' },
      { from: 'service_id', table: 'directory_service', to: 'id' },
      { from: 'withdrawn_by_user_id', table: 'app_user', to: 'id' }
    ])
    expect(await db.foreignKeys('outbound_referral_person')).toEqual([
      { from: 'person_id', table: 'person', to: 'id' },
      { from: 'referral_id', table: 'outbound_referral', to: 'id' }
    ])
    const person = 'INSERT INTO outbound_referral_person (referral_id, person_id) VALUES (?, ?)'
    expect(await refusal(db, person, [referral(1).id, personRows[1]!.id])).toMatch(/UNIQUE constraint failed/)
    expect(await refusal(db, person, [referral(1).id, 'no-such-person'])).toMatch(/FOREIGN KEY constraint failed/)
    expect(await insertRefused(referral(2, { service_id: 'no-such-service' }))).toMatch(/FOREIGN KEY constraint failed/)
    expect(await insertRefused(referral(3, { service_id: null }))).toMatch(/NOT NULL constraint failed/)
    expect(await insertRefused(referral(4, { share_identifiers: 0 }))).toMatch(/CHECK constraint failed: outbound_referral_shares_something/)
  })

  it('holds each status to exactly the details of the steps it has passed', async () => {
    await db.migrate()
    await db.insert('outbound_referral', [
      referral(1),
      referral(2, sent),
      referral(3, acknowledged),
      referral(4, accepted),
      referral(5, declined),
      referral(6, completed),
      referral(7, withdrawn({})),
      referral(8, withdrawn(sent)),
      referral(9, withdrawn(acknowledged))
    ])
    const CHECK = /CHECK constraint failed: outbound_referral_status_details/
    const refused: Record<string, unknown>[] = [
      { ...sent, status: 'draft' },
      { ...sent, sent_method: null },
      { status: 'sent' },
      { ...sent, acknowledged_at: AT },
      { ...acknowledged, acknowledged_at: null, status: 'acknowledged' },
      { ...sent, status: 'accepted', responded_at: AT },
      { ...accepted, decline_reason: 'Both' },
      { ...declined, decline_reason: null },
      { ...completed, outcome: null },
      { ...completed, outcome: 'maybe' },
      { ...completed, outcome_reason: null },
      { ...accepted, outcome: 'successful' },
      withdrawn(accepted),
      withdrawn(declined),
      { ...withdrawn(sent), withdrawn_reason: null },
      { ...sent, withdrawn_reason: 'Not withdrawn' },
      { status: 'lost' }
    ]
    for (const [i, more] of refused.entries()) expect(await insertRefused(referral(20 + i, more)), JSON.stringify(more)).toMatch(CHECK)
  })

  it('rests a sent referral on exactly one of a consent or an override, and a draft on no consent (an override it may have)', async () => {
    await db.migrate()
    await db.insert('outbound_referral', [
      referral(1, { ...sent, consent_id: null, ...override }),
      referral(2, withdrawn({ ...acknowledged, consent_id: null, ...override })),
      // Why it is shared without consent is recorded before it is printed, so before it is sent.
      referral(3, override)
    ])
    const BASIS = /CHECK constraint failed: outbound_referral_basis/
    expect(await insertRefused(referral(10, { ...sent, consent_id: null }))).toMatch(BASIS)
    expect(await insertRefused(referral(11, { ...sent, ...override }))).toMatch(BASIS)
    expect(await insertRefused(referral(12, { ...sent, consent_id: null, ...override, lawful_basis_9: null }))).toMatch(BASIS)
    expect(await insertRefused(referral(13, { ...sent, consent_id: null, ...override, lawful_basis_6: null }))).toMatch(BASIS)
    expect(await insertRefused(referral(14, { consent_id: sharingConsent.id }))).toMatch(BASIS)
    expect(await insertRefused(referral(15, { ...override, lawful_basis_6: null }))).toMatch(BASIS)
    expect(await insertRefused(referral(16, { ...override, consent_id: sharingConsent.id }))).toMatch(BASIS)
  })

  it("indexes a family's and an episode's referrals, the overdue acknowledgements and the overrides", async () => {
    await db.migrate()
    expect(await plan(`SELECT id FROM outbound_referral WHERE family_id = ? ORDER BY created_at DESC, id DESC`, [familyRows[0]!.id])).toEqual([
      'SEARCH outbound_referral USING COVERING INDEX idx_outbound_family (family_id=?)'
    ])
    expect(await plan(`SELECT id FROM outbound_referral WHERE episode_id = ? ORDER BY created_at DESC`, [episode.id])).toEqual([
      'SEARCH outbound_referral USING INDEX idx_outbound_episode (episode_id=?)'
    ])
    expect(await plan(`SELECT id FROM outbound_referral WHERE status = 'sent' AND sent_at < ? ORDER BY sent_at, id`, [AT])).toEqual([
      'SEARCH outbound_referral USING COVERING INDEX idx_outbound_sent (status=? AND sent_at<?)'
    ])
    expect(await plan(`SELECT id FROM outbound_referral WHERE override_at IS NOT NULL ORDER BY override_at DESC, id DESC`, [])).toEqual([
      'SEARCH outbound_referral USING COVERING INDEX idx_outbound_override (override_at>?)'
    ])
  })
})

const insertRefused = (row: Record<string, unknown>) => refusedInsert(db, 'outbound_referral', row)
