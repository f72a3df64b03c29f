// A hub-sized PostgreSQL database for the hot queries' plan tests (core/queryPlans.test.ts): the
// server's planner chooses by the tables' sizes and statistics, so a handful of rows would say
// nothing about which index a query uses. Seeded people (./bulkRows seedRows) first; then this.
import type { TempCasebook } from './tempCasebook'
import { copyForEachFamily, withTriggersOff } from './bulkRows'
import { requestInput } from '../referrals/testWorld'

/** Families on PostgreSQL's hub-sized database: some 28,000 people. */
export const HUB_FAMILIES = 10_000

/**
 * On PostgreSQL, the records the app saved for `familyId` (an episode, a note) copied once for each seeded family (its members'
 * memberships, an episode, five notes, a request for help), and the audit trail and change feed
 * made as long as a hub's; then the statistics gathered (VACUUM ANALYZE).
 */
export async function makeHubSized(t: TempCasebook, familyId: string): Promise<void> {
  const users = (await t.casebook.core.db.query(`SELECT id FROM app_user ORDER BY username`)) as { id: string }[]
  const leads = `(ARRAY[${users.map((u) => `'${u.id}'`).join(', ')}])[1 + f.i % ${users.length}]`
  const { members } = await t.ok('families.get', { id: familyId })
  await t.ok('referrals.logRequest', requestInput(familyId, [members.find((m: { kind: string }) => m.kind === 'child').id]))
  await withTriggersOff(t.postgres!, [
    // Each seeded person's membership of their family, as registering them would have recorded it.
    `INSERT INTO family_membership SELECT (jsonb_populate_record(NULL::family_membership,
       to_jsonb(o) || jsonb_build_object('id', gen_random_uuid()::text, 'person_id', p.id, 'family_id', p.family_id))).*
     FROM (SELECT * FROM family_membership LIMIT 1) o CROSS JOIN person p WHERE NOT EXISTS (SELECT 1 FROM family_membership m WHERE m.person_id = p.id)`,
    // One family in fifty has an open episode (some 50 on each practitioner's caseload); the rest closed theirs.
    copyForEachFamily('episode', `status = 'open'`, {
      lead_user_id: leads,
      status: `CASE WHEN f.i % 50 = 0 THEN 'open' ELSE 'closed' END`,
      opened_on: `to_char(date '2020-01-01' + (f.i % 2000)::int, 'YYYY-MM-DD')`
    }),
    copyForEachFamily(
      'case_note',
      'true',
      {
        episode_id: `(SELECT e.id FROM episode e WHERE e.family_id = f.id LIMIT 1)`,
        occurred_at: `to_char(timestamp '2020-01-01' + (f.i * 5 + n) * interval '1 hour', 'YYYY-MM-DD"T"HH24:MI')`,
        significant: 'n = 1'
      },
      5
    ),
    copyForEachFamily('request_for_help', 'true', {
      episode_id: 'NULL',
      // A few still waiting; the rest declined, nearly all with the referrer told.
      status: `CASE WHEN f.i % 200 = 0 THEN 'waiting' ELSE 'decided' END`,
      decision: `CASE WHEN f.i % 200 = 0 THEN NULL ELSE 'DECLINE' END`,
      decline_reason: `CASE WHEN f.i % 200 = 0 THEN NULL ELSE 'Another service is helping.' END`,
      decided_at: `CASE WHEN f.i % 200 = 0 THEN NULL ELSE '2026-01-01T09:00:00.000Z' END`,
      fed_back_on: `CASE WHEN f.i % 100 IN (0, 1) THEN NULL ELSE '2026-01-02' END`,
      feedback_method: `CASE WHEN f.i % 100 IN (0, 1) THEN NULL ELSE 'PHONE' END`,
      received_at: `to_char(timestamp '2020-01-01' + f.i * interval '3 hours', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    }),
    // Ten entries a family, by fifty users, over years.
    `INSERT INTO audit_entry SELECT (jsonb_populate_record(NULL::audit_entry, to_jsonb(a) || jsonb_build_object(
       'seq', top.seq + g, 'actor', 'user' || (g % 50), 'action', (ARRAY['view', 'create', 'update'])[1 + g % 3],
       'at', to_char(timestamp '2020-01-01' + g * interval '10 minutes', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
       'record_id', gen_random_uuid()::text, 'family_id', NULL))).*
     FROM (SELECT * FROM audit_entry ORDER BY seq DESC LIMIT 1) a, (SELECT max(seq) AS seq FROM audit_entry) top, generate_series(1, ${HUB_FAMILIES * 10}) g`,
    // Each family's and person's saves, many times over, as years of desks' work leave the feed.
    `INSERT INTO change_feed (seq, record_type, record_key)
       SELECT top.seq + row_number() OVER (), c.record_type, gen_random_uuid()::text
       FROM (SELECT coalesce(max(seq), 0) AS seq FROM change_feed) top, (SELECT DISTINCT record_type FROM change_feed) c, generate_series(1, ${HUB_FAMILIES * 2}) g`,
    // Where the triggers would have left the trail's head and the feed's counter, so that the app's next entries follow on.
    `UPDATE audit_head SET (seq, hash) = (SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1) WHERE id = 1`,
    `UPDATE change_feed_counter SET seq = (SELECT max(seq) FROM change_feed) WHERE id = 1`
  ])
  await t.casebook.core.db.query('VACUUM ANALYZE')
}
