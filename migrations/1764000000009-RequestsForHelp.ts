import type { MigrationInterface, QueryRunner } from 'typeorm'

// Requests for help: logged at reception (when and how it came, who asked, the national referral
// source, the family and the children concerned, the reason, what the family knows, urgency),
// screened by a practitioner, and fed back to the person who asked. Staff by user id (null only for
// the command line, whose name is on the audit trail); times as ISO-8601 UTC instants, dates as
// YYYY-MM-DD. The children are rows of their own. Dialect-neutral: CHECKs and partial indexes are in
// both SQLite and PostgreSQL.
//
// The rules that must hold whichever desk writes are constraints: a decision carries exactly the
// details of its kind (accept the episode it opened, each episode opened by one request; signpost
// the service and what the family was told; decline its reason); nothing is fed back before it is
// decided; a step-down from social care (source 5A) has their reference and nothing else has one.
// ESCALATE is allowed here with none of those details: the step-up it creates comes in a later
// migration, which adds its own column, so this table's CHECK need not be rebuilt then.
export class RequestsForHelp1764000000009 implements MigrationInterface {
  name = 'RequestsForHelp1764000000009'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE request_for_help (
      id varchar(36) PRIMARY KEY,
      family_id varchar(36) NOT NULL REFERENCES family (id),
      received_at varchar(32) NOT NULL,
      channel varchar(20) NOT NULL,
      referrer_name varchar(100),
      referrer_role varchar(200),
      organisation_id varchar(36) REFERENCES directory_organisation (id),
      agency varchar(200),
      referrer_phone varchar(30),
      referrer_email varchar(254),
      source varchar(3) NOT NULL,
      social_care_reference varchar(50),
      reason text NOT NULL,
      awareness varchar(20) NOT NULL,
      urgency varchar(10) NOT NULL,
      status varchar(10) NOT NULL,
      decision varchar(10),
      decided_at varchar(32),
      decided_by_user_id varchar(36) REFERENCES app_user (id),
      decline_reason text,
      service_id varchar(36) REFERENCES directory_service (id),
      family_told text,
      episode_id varchar(36) UNIQUE REFERENCES episode (id),
      fed_back_on varchar(10),
      feedback_method varchar(20),
      feedback_by_user_id varchar(36) REFERENCES app_user (id),
      feedback_note text,
      logged_by_user_id varchar(36) REFERENCES app_user (id),
      created_at varchar(32) NOT NULL,
      updated_at varchar(32) NOT NULL,
      version integer NOT NULL,
      CONSTRAINT request_decision_details CHECK (
        (status = 'waiting' AND decision IS NULL AND decided_at IS NULL AND decided_by_user_id IS NULL
          AND episode_id IS NULL AND service_id IS NULL AND family_told IS NULL AND decline_reason IS NULL)
        OR (status = 'decided' AND decided_at IS NOT NULL AND (
          (decision = 'ACCEPT' AND episode_id IS NOT NULL AND service_id IS NULL AND family_told IS NULL AND decline_reason IS NULL)
          OR (decision = 'SIGNPOST' AND service_id IS NOT NULL AND family_told IS NOT NULL AND episode_id IS NULL AND decline_reason IS NULL)
          OR (decision = 'DECLINE' AND decline_reason IS NOT NULL AND episode_id IS NULL AND service_id IS NULL AND family_told IS NULL)
          OR (decision = 'ESCALATE' AND episode_id IS NULL AND service_id IS NULL AND family_told IS NULL AND decline_reason IS NULL)))
      ),
      CONSTRAINT request_feedback_after_decision CHECK (
        (fed_back_on IS NULL AND feedback_method IS NULL AND feedback_by_user_id IS NULL AND feedback_note IS NULL)
        OR (fed_back_on IS NOT NULL AND feedback_method IS NOT NULL AND status = 'decided')
      ),
      CONSTRAINT request_step_down_reference CHECK (
        (source = '5A' AND social_care_reference IS NOT NULL) OR (source <> '5A' AND social_care_reference IS NULL)
      )
    )`)
    // The list's filters: waiting or decided (each by date received), received between two dates,
    // decided and not yet fed back (by date received), a family's own. Each ends in the id, which
    // breaks ties in the list's order, so a page is read off the index without sorting.
    await q.query(`CREATE INDEX idx_request_status ON request_for_help (status, received_at, id)`)
    await q.query(`CREATE INDEX idx_request_received ON request_for_help (received_at, id)`)
    await q.query(`CREATE INDEX idx_request_not_fed_back ON request_for_help (status, fed_back_on, received_at, id)`)
    await q.query(`CREATE INDEX idx_request_family ON request_for_help (family_id, received_at)`)
    // Whether a directory service has been signposted to (it may then never be deleted).
    await q.query(`CREATE INDEX idx_request_service ON request_for_help (service_id)`)
    await q.query(`CREATE TABLE request_child (
      request_id varchar(36) NOT NULL REFERENCES request_for_help (id),
      person_id varchar(36) NOT NULL REFERENCES person (id),
      PRIMARY KEY (request_id, person_id)
    )`)
    await q.query(`CREATE INDEX idx_request_child_person ON request_child (person_id)`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE request_child`)
    await q.query(`DROP TABLE request_for_help`)
  }
}
