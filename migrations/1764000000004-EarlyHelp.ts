import type { MigrationInterface, QueryRunner } from 'typeorm'

// Early-help episodes, case notes, and drafts of long forms (saved per user as they are typed).
export class EarlyHelp1764000000004 implements MigrationInterface {
  name = 'EarlyHelp1764000000004'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE episode (
      id varchar(36) PRIMARY KEY,
      family_id varchar(36) NOT NULL REFERENCES family (id),
      status varchar(10) NOT NULL,
      opened_on varchar(10) NOT NULL,
      closed_on varchar(10),
      lead_user_id varchar(36) NOT NULL REFERENCES app_user (id),
      reason text NOT NULL,
      headlines varchar(200) NOT NULL,
      opened_by varchar(100) NOT NULL,
      closure text,
      reopened text,
      note_count integer NOT NULL DEFAULT 0,
      last_contact_at varchar(16),
      created_at varchar(32) NOT NULL,
      updated_at varchar(32) NOT NULL,
      version integer NOT NULL
    )`)
    await q.query(`CREATE INDEX idx_episode_family ON episode (family_id)`)
    await q.query(`CREATE INDEX idx_episode_lead ON episode (lead_user_id, status)`)
    await q.query(`CREATE INDEX idx_episode_status ON episode (status, opened_on)`)
    // Whether a practitioner's closure waits for a manager's approval (hub setting).
    await q.query(`ALTER TABLE hub ADD COLUMN closure_needs_approval boolean NOT NULL DEFAULT true`)
    await q.query(`CREATE TABLE case_note (
      id varchar(36) PRIMARY KEY,
      family_id varchar(36) NOT NULL REFERENCES family (id),
      episode_id varchar(36) REFERENCES episode (id),
      occurred_at varchar(16) NOT NULL,
      type varchar(20) NOT NULL,
      people text NOT NULL,
      text text NOT NULL,
      significant boolean NOT NULL,
      author varchar(100) NOT NULL,
      created_at varchar(32) NOT NULL,
      version integer NOT NULL
    )`)
    await q.query(`CREATE INDEX idx_case_note_family ON case_note (family_id, occurred_at)`)
    // Caseload lists count each episode's notes and find its latest contact.
    await q.query(`CREATE INDEX idx_case_note_episode ON case_note (episode_id, occurred_at)`)
    await q.query(`CREATE TABLE draft (
      user_name varchar(100) NOT NULL,
      draft_key varchar(200) NOT NULL,
      payload text NOT NULL,
      saved_at varchar(32) NOT NULL,
      PRIMARY KEY (user_name, draft_key)
    )`)
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['draft', 'case_note', 'episode']) await q.query(`DROP TABLE ${t}`)
    await q.query(`ALTER TABLE hub DROP COLUMN closure_needs_approval`)
  }
}
