import type { MigrationInterface, QueryRunner } from 'typeorm'

// The first schema: hub settings, families, people, household moves, consent, duplicate decisions,
// the audit trail. Plain SQL types so the same statements read on PostgreSQL later; the SQLite-only
// parts (full-text index, triggers) are in their own migration.
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE hub (
      id integer PRIMARY KEY,
      name varchar(200) NOT NULL,
      code varchar(5) NOT NULL,
      local_authority_code varchar(10) NOT NULL,
      next_family_number integer NOT NULL,
      version integer NOT NULL
    )`)
    await q.query(`CREATE TABLE family (
      id varchar(36) PRIMARY KEY,
      reference varchar(20) NOT NULL UNIQUE,
      address_line1 varchar(200) NOT NULL,
      address_line2 varchar(200),
      town varchar(100) NOT NULL,
      postcode varchar(8) NOT NULL,
      postcode_key varchar(7) NOT NULL,
      phone varchar(30),
      email varchar(254),
      main_language varchar(60) NOT NULL,
      interpreter_needed boolean NOT NULL,
      heard_about varchar(30),
      registered_at varchar(32) NOT NULL,
      registered_by varchar(100) NOT NULL,
      updated_at varchar(32) NOT NULL,
      version integer NOT NULL
    )`)
    await q.query(`CREATE INDEX idx_family_postcode_key ON family (postcode_key)`)
    await q.query(`CREATE TABLE person (
      id varchar(36) PRIMARY KEY,
      family_id varchar(36) NOT NULL REFERENCES family (id),
      kind varchar(10) NOT NULL,
      given_name varchar(100),
      family_name varchar(100) NOT NULL,
      date_of_birth varchar(10),
      expected_date varchar(10),
      sex varchar(1),
      ethnicity varchar(4),
      nhs_number varchar(10),
      upn varchar(13),
      disabilities varchar(100) NOT NULL,
      school varchar(200),
      gp_practice varchar(200),
      relationship varchar(20),
      parental_responsibility boolean,
      created_at varchar(32) NOT NULL,
      updated_at varchar(32) NOT NULL,
      version integer NOT NULL
    )`)
    await q.query(`CREATE INDEX idx_person_family ON person (family_id)`)
    await q.query(`CREATE INDEX idx_person_dob ON person (date_of_birth)`)
    await q.query(`CREATE INDEX idx_person_expected ON person (expected_date)`)
    await q.query(`CREATE INDEX idx_person_nhs ON person (nhs_number)`)
    await q.query(`CREATE INDEX idx_person_upn ON person (upn)`)
    await q.query(`CREATE TABLE family_membership (
      id varchar(36) PRIMARY KEY,
      person_id varchar(36) NOT NULL REFERENCES person (id),
      family_id varchar(36) NOT NULL REFERENCES family (id),
      joined_at varchar(32) NOT NULL,
      left_at varchar(32),
      recorded_by varchar(100) NOT NULL
    )`)
    await q.query(`CREATE INDEX idx_membership_person ON family_membership (person_id)`)
    await q.query(`CREATE INDEX idx_membership_family ON family_membership (family_id)`)
    await q.query(`CREATE TABLE consent (
      id varchar(36) PRIMARY KEY,
      family_id varchar(36) NOT NULL REFERENCES family (id),
      given_by_id varchar(36) NOT NULL REFERENCES person (id),
      scope varchar(20) NOT NULL,
      agency varchar(200),
      method varchar(10) NOT NULL,
      given_on varchar(10) NOT NULL,
      recorded_by varchar(100) NOT NULL,
      recorded_at varchar(32) NOT NULL,
      withdrawn_on varchar(10),
      version integer NOT NULL
    )`)
    await q.query(`CREATE INDEX idx_consent_family ON consent (family_id)`)
    await q.query(`CREATE TABLE duplicate_decision (
      id varchar(36) PRIMARY KEY,
      person_id varchar(36) NOT NULL REFERENCES person (id),
      other_person_id varchar(36) NOT NULL REFERENCES person (id),
      decision varchar(20) NOT NULL,
      decided_by varchar(100) NOT NULL,
      decided_at varchar(32) NOT NULL
    )`)
    await q.query(`CREATE INDEX idx_duplicate_person ON duplicate_decision (person_id)`)
    await q.query(`CREATE TABLE audit_entry (
      seq integer PRIMARY KEY,
      at varchar(32) NOT NULL,
      actor varchar(100) NOT NULL,
      action varchar(30) NOT NULL,
      record_type varchar(30) NOT NULL,
      record_id varchar(36),
      family_id varchar(36),
      changes text,
      prev_hash varchar(64) NOT NULL,
      hash varchar(64) NOT NULL
    )`)
    await q.query(`CREATE INDEX idx_audit_record ON audit_entry (record_id)`)
    await q.query(`CREATE INDEX idx_audit_family ON audit_entry (family_id)`)
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['audit_entry', 'duplicate_decision', 'consent', 'family_membership', 'person', 'family', 'hub']) {
      await q.query(`DROP TABLE ${t}`)
    }
  }
}
