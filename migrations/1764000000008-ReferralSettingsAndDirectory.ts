import type { MigrationInterface, QueryRunner } from 'typeorm'

// Referrals, first part: the hub's targets for them, and the agency directory. A request for help is
// to be decided within a number of working days (2 by default) and a referral on acknowledged within
// another (5); the authority codes the hub's step-ups 5D or 8. The directory holds organisations and
// their services, kept by managers or imported from an Open Referral UK feed (feed_id is the
// feed's own id, so a second import updates rather than duplicates). A service's email is the one it
// publishes; its secure email, where referrals go, is the hub's to record. Dialect-neutral.
export class ReferralSettingsAndDirectory1764000000008 implements MigrationInterface {
  name = 'ReferralSettingsAndDirectory1764000000008'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hub ADD COLUMN request_decision_days integer NOT NULL DEFAULT 2`)
    await q.query(`ALTER TABLE hub ADD COLUMN referral_ack_days integer NOT NULL DEFAULT 5`)
    await q.query(`ALTER TABLE hub ADD COLUMN step_up_source varchar(2) NOT NULL DEFAULT '8'`)
    await q.query(`CREATE TABLE directory_organisation (
      id varchar(36) PRIMARY KEY,
      feed_id varchar(200) UNIQUE,
      name varchar(200) NOT NULL,
      description varchar(4000),
      website varchar(500),
      email varchar(254),
      phone varchar(30),
      created_at varchar(32) NOT NULL,
      updated_at varchar(32) NOT NULL,
      version integer NOT NULL
    )`)
    await q.query(`CREATE TABLE directory_service (
      id varchar(36) PRIMARY KEY,
      organisation_id varchar(36) NOT NULL REFERENCES directory_organisation (id),
      feed_id varchar(200) UNIQUE,
      name varchar(200) NOT NULL,
      service_type varchar(20) NOT NULL,
      referral_source varchar(3),
      description varchar(4000),
      address_line1 varchar(200),
      town varchar(100),
      postcode varchar(8),
      phone varchar(30),
      email varchar(254),
      secure_email varchar(254),
      website varchar(500),
      min_age integer,
      max_age integer,
      status varchar(20) NOT NULL,
      feed_modified_at varchar(32),
      created_at varchar(32) NOT NULL,
      updated_at varchar(32) NOT NULL,
      version integer NOT NULL
    )`)
    await q.query(`CREATE INDEX idx_directory_service_organisation ON directory_service (organisation_id, name)`)
    await q.query(`CREATE INDEX idx_directory_service_name ON directory_service (name)`)
    await q.query(`CREATE INDEX idx_directory_organisation_name ON directory_organisation (name)`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE directory_service`)
    await q.query(`DROP TABLE directory_organisation`)
    await q.query(`ALTER TABLE hub DROP COLUMN step_up_source`)
    await q.query(`ALTER TABLE hub DROP COLUMN referral_ack_days`)
    await q.query(`ALTER TABLE hub DROP COLUMN request_decision_days`)
  }
}
