import type { MigrationInterface, QueryRunner } from 'typeorm'

// The work inside an episode: the Team Around the Family, the assessment, the family plan and its
// reviews. The assessment's domains and the plan's outcomes and actions are each edited and versioned
// as one document, so they are kept as JSON in one row; what the lists need is kept on the episode.
export class FamilyPlans1764000000005 implements MigrationInterface {
  name = 'FamilyPlans1764000000005'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE taf_member (
      id varchar(36) PRIMARY KEY,
      episode_id varchar(36) NOT NULL REFERENCES episode (id),
      name varchar(200) NOT NULL,
      agency varchar(200) NOT NULL,
      role varchar(200) NOT NULL,
      phone varchar(30),
      email varchar(320),
      created_at varchar(32) NOT NULL,
      updated_at varchar(32) NOT NULL,
      version integer NOT NULL
    )`)
    await q.query(`CREATE INDEX idx_taf_member_episode ON taf_member (episode_id)`)
    await q.query(`CREATE TABLE assessment (
      id varchar(36) PRIMARY KEY,
      episode_id varchar(36) NOT NULL UNIQUE REFERENCES episode (id),
      family_id varchar(36) NOT NULL REFERENCES family (id),
      started_on varchar(10) NOT NULL,
      completed_on varchar(10),
      completed_by varchar(100),
      content text NOT NULL,
      updated_by varchar(100) NOT NULL,
      created_at varchar(32) NOT NULL,
      updated_at varchar(32) NOT NULL,
      version integer NOT NULL
    )`)
    await q.query(`CREATE INDEX idx_assessment_family ON assessment (family_id)`)
    await q.query(`CREATE TABLE family_plan (
      id varchar(36) PRIMARY KEY,
      episode_id varchar(36) NOT NULL UNIQUE REFERENCES episode (id),
      family_id varchar(36) NOT NULL REFERENCES family (id),
      agreed_on varchar(10) NOT NULL,
      outcomes text NOT NULL,
      agreed_by varchar(100) NOT NULL,
      updated_by varchar(100) NOT NULL,
      created_at varchar(32) NOT NULL,
      updated_at varchar(32) NOT NULL,
      version integer NOT NULL
    )`)
    await q.query(`CREATE INDEX idx_family_plan_family ON family_plan (family_id)`)
    await q.query(`CREATE TABLE review (
      id varchar(36) PRIMARY KEY,
      episode_id varchar(36) NOT NULL REFERENCES episode (id),
      family_id varchar(36) NOT NULL REFERENCES family (id),
      held_on varchar(10) NOT NULL,
      attendees text NOT NULL,
      other_attendees text,
      scores text NOT NULL,
      next_review_on varchar(10) NOT NULL,
      recorded_by varchar(100) NOT NULL,
      created_at varchar(32) NOT NULL,
      version integer NOT NULL
    )`)
    await q.query(`CREATE INDEX idx_review_episode ON review (episode_id, held_on)`)
    await q.query(`CREATE INDEX idx_review_family ON review (family_id)`)
    // For the caseload lists: when the next review is due, and the due dates of unfinished actions
    // (sorted, space separated), kept in step by the plan and review writes.
    await q.query(`ALTER TABLE episode ADD COLUMN next_review_on varchar(10)`)
    await q.query(`ALTER TABLE episode ADD COLUMN open_action_dues text NOT NULL DEFAULT ''`)
    // The family's consent to early help that the episode was opened on.
    await q.query(`ALTER TABLE episode ADD COLUMN consent_id varchar(36) REFERENCES consent (id)`)
    // Weeks from the plan (or a review) to the next review.
    await q.query(`ALTER TABLE hub ADD COLUMN review_weeks integer NOT NULL DEFAULT 6`)
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['review', 'family_plan', 'assessment', 'taf_member']) await q.query(`DROP TABLE ${t}`)
    await q.query(`ALTER TABLE episode DROP COLUMN consent_id`)
    await q.query(`ALTER TABLE episode DROP COLUMN open_action_dues`)
    await q.query(`ALTER TABLE episode DROP COLUMN next_review_on`)
    await q.query(`ALTER TABLE hub DROP COLUMN review_weeks`)
  }
}
