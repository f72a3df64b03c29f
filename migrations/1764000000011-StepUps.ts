import type { MigrationInterface, QueryRunner } from 'typeorm'

// Step-ups to children's social care: made from screening a request for help (escalation) or from
// an early-help episode closed as "stepped up". The concern, the day, the children (rows of their
// own), the referral-source code the authority uses for the hub (Hub settings, at the time: 5D or 8),
// who made it, and social care's acknowledgement (the day, their reference, who recorded it).
// Staff by user id (null only for the command line, whose name is on the audit trail); times as
// ISO-8601 UTC instants, dates as YYYY-MM-DD. Dialect-neutral: CHECKs and UNIQUE are in both SQLite
// and PostgreSQL.
//
// The rules that must hold whichever desk writes are constraints: a step-up comes from exactly one
// of a request or an episode; a request is escalated once and an episode stepped up once (UNIQUE);
// the source is one of the two a hub may be coded as; an acknowledgement has its day and reference
// together. The request's own row is not touched: its ESCALATE decision already carries no other
// details (migration 9), and the step-up points at it.
export class StepUps1764000000011 implements MigrationInterface {
  name = 'StepUps1764000000011'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE step_up (
      id varchar(36) PRIMARY KEY,
      family_id varchar(36) NOT NULL REFERENCES family (id),
      request_id varchar(36) UNIQUE REFERENCES request_for_help (id),
      episode_id varchar(36) UNIQUE REFERENCES episode (id),
      concern text NOT NULL,
      stepped_up_on varchar(10) NOT NULL,
      referral_source varchar(3) NOT NULL,
      made_by_user_id varchar(36) REFERENCES app_user (id),
      acknowledged_on varchar(10),
      social_care_reference varchar(50),
      acknowledged_by_user_id varchar(36) REFERENCES app_user (id),
      created_at varchar(32) NOT NULL,
      updated_at varchar(32) NOT NULL,
      version integer NOT NULL,
      CONSTRAINT step_up_one_origin CHECK ((request_id IS NULL AND episode_id IS NOT NULL) OR (request_id IS NOT NULL AND episode_id IS NULL)),
      CONSTRAINT step_up_source CHECK (referral_source IN ('5D', '8')),
      CONSTRAINT step_up_acknowledgement CHECK (
        (acknowledged_on IS NULL AND social_care_reference IS NULL AND acknowledged_by_user_id IS NULL)
        OR (acknowledged_on IS NOT NULL AND social_care_reference IS NOT NULL)
      )
    )`)
    // The manager's list, newest first, all or waiting for acknowledgement; a family's own. Each ends
    // in the id, which breaks ties in the list's order.
    await q.query(`CREATE INDEX idx_step_up_day ON step_up (stepped_up_on, id)`)
    await q.query(`CREATE INDEX idx_step_up_waiting ON step_up (acknowledged_on, stepped_up_on, id)`)
    await q.query(`CREATE INDEX idx_step_up_family ON step_up (family_id, stepped_up_on)`)
    await q.query(`CREATE TABLE step_up_child (
      step_up_id varchar(36) NOT NULL REFERENCES step_up (id),
      person_id varchar(36) NOT NULL REFERENCES person (id),
      PRIMARY KEY (step_up_id, person_id)
    )`)
    await q.query(`CREATE INDEX idx_step_up_child_person ON step_up_child (person_id)`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE step_up_child`)
    await q.query(`DROP TABLE step_up`)
  }
}
