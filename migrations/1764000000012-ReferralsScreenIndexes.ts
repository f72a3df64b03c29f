import type { MigrationInterface, QueryRunner } from 'typeorm'

// The Referrals screen's indexes. On requests for help: one directory organisation's (the agency of
// the person who asked), newest first; one decision's (none while waiting: a request is waiting
// exactly when it has none), so the counts per status are each a range of one index; and one
// organisation's of one decision. On referrals on (migration 10 has their status, organisation and
// date indexes): one organisation's of one status. Each leads with every column the filter fixes and
// ends in the date and the id that breaks ties, so a filtered page and its count are read off one
// index, whatever statistics the database has gathered. Dialect-neutral.
export class ReferralsScreenIndexes1764000000012 implements MigrationInterface {
  name = 'ReferralsScreenIndexes1764000000012'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX idx_request_organisation ON request_for_help (organisation_id, received_at, id)`)
    await q.query(`CREATE INDEX idx_request_decision ON request_for_help (decision, received_at, id)`)
    await q.query(`CREATE INDEX idx_request_organisation_decision ON request_for_help (organisation_id, decision, received_at, id)`)
    await q.query(`CREATE INDEX idx_outbound_organisation_status ON outbound_referral (organisation_id, status, created_at, id)`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idx_outbound_organisation_status`)
    await q.query(`DROP INDEX idx_request_organisation_decision`)
    await q.query(`DROP INDEX idx_request_decision`)
    await q.query(`DROP INDEX idx_request_organisation`)
  }
}
