import type { MigrationInterface, QueryRunner } from 'typeorm'

// Lists that act (issue 12): the hub says after how many days without a contact an open episode is
// flagged in the caseload lists, 28 (four weeks) unless an administrator changes it, within 7 to 180
// as the settings screen allows. A column of the hub's one settings row; the hub is not exported,
// so no change-feed trigger. Dialect-neutral.
export class ContactGapSetting1764000000018 implements MigrationInterface {
  name = 'ContactGapSetting1764000000018'

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE hub ADD COLUMN contact_gap_days integer NOT NULL DEFAULT 28 CONSTRAINT hub_contact_gap_days CHECK (contact_gap_days BETWEEN 7 AND 180)`
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hub DROP COLUMN contact_gap_days`)
  }
}
