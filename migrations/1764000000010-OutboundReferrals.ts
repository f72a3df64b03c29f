import type { MigrationInterface, QueryRunner } from 'typeorm'

// Referrals on: the hub refers a family to a service in the agency directory, from an episode or
// from screening a request, and follows it through one state machine (src/shared/referrals/outbound.ts):
// draft -> sent -> acknowledged -> accepted | declined; accepted -> completed; withdrawn from draft,
// sent or acknowledged. Each step keeps its own columns (when, who, and what it needs: how it was
// sent, why declined, the outcome and why, why withdrawn), so the history of one referral is its row.
// What is shared is a column set of four ticks (identifiers, address, the plan, the assessment
// summary): a fixed list the print reads, not one a user extends. The people concerned are rows.
//
// The rules that must hold whichever desk writes are constraints: each status carries exactly the
// details of the steps it has passed (outbound_referral_status_details); once sent, a referral rests
// on exactly one of a consent (consent_id) or a recorded override (its reason, the Article 6 basis,
// the Article 9 condition, by whom and when) and before sending on neither (outbound_referral_basis).
// The organisation is the service's, kept on the row so the consent gate and the lists filter on it.
//
// Consent is tied to a directory organisation (consent.organisation_id); consents recorded before
// keep their free-text agency and stay readable. Staff by user id (null only for a trusted caller, the
// command line, whose name is on the audit trail); instants ISO-8601 UTC.
// Dialect-neutral: CHECKs, ADD COLUMN with a reference, and partial indexes run in SQLite and PostgreSQL.
export class OutboundReferrals1764000000010 implements MigrationInterface {
  name = 'OutboundReferrals1764000000010'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE consent ADD COLUMN organisation_id varchar(36) REFERENCES directory_organisation (id)`)
    await q.query(`CREATE INDEX idx_consent_organisation ON consent (organisation_id)`)
    await q.query(`CREATE TABLE outbound_referral (
      id varchar(36) PRIMARY KEY,
      family_id varchar(36) NOT NULL REFERENCES family (id),
      episode_id varchar(36) REFERENCES episode (id),
      request_id varchar(36) REFERENCES request_for_help (id),
      service_id varchar(36) NOT NULL REFERENCES directory_service (id),
      organisation_id varchar(36) NOT NULL REFERENCES directory_organisation (id),
      reason text NOT NULL,
      share_identifiers boolean NOT NULL,
      share_address boolean NOT NULL,
      share_plan boolean NOT NULL,
      share_assessment boolean NOT NULL,
      status varchar(12) NOT NULL,
      sent_at varchar(32),
      sent_method varchar(20),
      sent_by_user_id varchar(36) REFERENCES app_user (id),
      acknowledged_at varchar(32),
      acknowledged_by_user_id varchar(36) REFERENCES app_user (id),
      responded_at varchar(32),
      responded_by_user_id varchar(36) REFERENCES app_user (id),
      decline_reason text,
      completed_at varchar(32),
      completed_by_user_id varchar(36) REFERENCES app_user (id),
      outcome varchar(12),
      outcome_reason text,
      withdrawn_at varchar(32),
      withdrawn_by_user_id varchar(36) REFERENCES app_user (id),
      withdrawn_reason text,
      consent_id varchar(36) REFERENCES consent (id),
      override_reason text,
      lawful_basis_6 varchar(20),
      lawful_basis_9 varchar(20),
      override_by_user_id varchar(36) REFERENCES app_user (id),
      override_at varchar(32),
      created_by_user_id varchar(36) REFERENCES app_user (id),
      created_at varchar(32) NOT NULL,
      updated_at varchar(32) NOT NULL,
      version integer NOT NULL,
      CONSTRAINT outbound_referral_status_details CHECK (
        ((sent_at IS NULL AND sent_method IS NULL AND sent_by_user_id IS NULL)
          OR (sent_at IS NOT NULL AND sent_method IS NOT NULL))
        AND (acknowledged_at IS NULL OR sent_at IS NOT NULL)
        AND (acknowledged_at IS NOT NULL OR acknowledged_by_user_id IS NULL)
        AND (responded_at IS NOT NULL OR (responded_by_user_id IS NULL AND decline_reason IS NULL))
        AND (completed_at IS NOT NULL OR (completed_by_user_id IS NULL AND outcome IS NULL AND outcome_reason IS NULL))
        AND (withdrawn_at IS NOT NULL OR (withdrawn_by_user_id IS NULL AND withdrawn_reason IS NULL))
        AND (
          (status = 'draft' AND sent_at IS NULL AND responded_at IS NULL AND completed_at IS NULL AND withdrawn_at IS NULL)
          OR (status = 'sent' AND sent_at IS NOT NULL AND acknowledged_at IS NULL AND responded_at IS NULL AND completed_at IS NULL AND withdrawn_at IS NULL)
          OR (status = 'acknowledged' AND acknowledged_at IS NOT NULL AND responded_at IS NULL AND completed_at IS NULL AND withdrawn_at IS NULL)
          OR (status = 'accepted' AND acknowledged_at IS NOT NULL AND responded_at IS NOT NULL AND decline_reason IS NULL
            AND completed_at IS NULL AND withdrawn_at IS NULL)
          OR (status = 'declined' AND acknowledged_at IS NOT NULL AND responded_at IS NOT NULL AND decline_reason IS NOT NULL
            AND completed_at IS NULL AND withdrawn_at IS NULL)
          OR (status = 'completed' AND acknowledged_at IS NOT NULL AND responded_at IS NOT NULL AND decline_reason IS NULL
            AND completed_at IS NOT NULL AND outcome IS NOT NULL AND outcome IN ('successful', 'unsuccessful') AND outcome_reason IS NOT NULL AND withdrawn_at IS NULL)
          OR (status = 'withdrawn' AND responded_at IS NULL AND completed_at IS NULL
            AND withdrawn_at IS NOT NULL AND withdrawn_reason IS NOT NULL)
        )
      ),
      CONSTRAINT outbound_referral_basis CHECK (
        (override_reason IS NULL AND lawful_basis_6 IS NULL AND lawful_basis_9 IS NULL AND override_by_user_id IS NULL AND override_at IS NULL
          AND (consent_id IS NULL OR sent_at IS NOT NULL) AND (consent_id IS NOT NULL OR sent_at IS NULL))
        OR (override_reason IS NOT NULL AND lawful_basis_6 IS NOT NULL AND lawful_basis_9 IS NOT NULL AND override_at IS NOT NULL
          AND consent_id IS NULL)
      ),
      CONSTRAINT outbound_referral_shares_something CHECK (
        share_identifiers OR share_address OR share_plan OR share_assessment
      )
    )`)
    // A family's and an episode's referrals (newest first); the referrals a request led to.
    await q.query(`CREATE INDEX idx_outbound_family ON outbound_referral (family_id, created_at, id)`)
    await q.query(`CREATE INDEX idx_outbound_episode ON outbound_referral (episode_id, created_at)`)
    await q.query(`CREATE INDEX idx_outbound_request ON outbound_referral (request_id)`)
    // Whether a directory service has been referred to (it may then never be deleted).
    await q.query(`CREATE INDEX idx_outbound_service ON outbound_referral (service_id)`)
    // The Referrals screen's filters (status, organisation, date range) and the overdue
    // acknowledgements (status sent, by when sent), each ending in the id that breaks ties.
    await q.query(`CREATE INDEX idx_outbound_status ON outbound_referral (status, created_at, id)`)
    await q.query(`CREATE INDEX idx_outbound_sent ON outbound_referral (status, sent_at, id)`)
    await q.query(`CREATE INDEX idx_outbound_organisation ON outbound_referral (organisation_id, created_at, id)`)
    await q.query(`CREATE INDEX idx_outbound_created ON outbound_referral (created_at, id)`)
    // The managers' list of overrides: only the few rows that have one.
    await q.query(`CREATE INDEX idx_outbound_override ON outbound_referral (override_at, id) WHERE override_at IS NOT NULL`)
    await q.query(`CREATE TABLE outbound_referral_person (
      referral_id varchar(36) NOT NULL REFERENCES outbound_referral (id),
      person_id varchar(36) NOT NULL REFERENCES person (id),
      PRIMARY KEY (referral_id, person_id)
    )`)
    await q.query(`CREATE INDEX idx_outbound_person_person ON outbound_referral_person (person_id)`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbound_referral_person`)
    await q.query(`DROP TABLE outbound_referral`)
    await q.query(`DROP INDEX idx_consent_organisation`)
    await q.query(`ALTER TABLE consent DROP COLUMN organisation_id`)
  }
}
