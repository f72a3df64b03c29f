import type { MigrationInterface, QueryRunner } from 'typeorm'

// A family has one current early-help episode (open, or closing while a manager approves): the
// database holds that rule itself, so that two desks, or a reopening racing an opening, cannot
// break it. And the indexes the query-plan test found missing: the audit trail filtered by user,
// by kind of action or by day read the whole trail (its largest table), and a duplicate check
// while editing someone read every "not the same person" decision made the other way round.
// Both dialects take partial unique indexes and (column, seq) indexes alike.
export class OneCurrentEpisodeAndIndexes1764000000007 implements MigrationInterface {
  name = 'OneCurrentEpisodeAndIndexes1764000000007'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX idx_episode_one_current ON episode (family_id) WHERE status IN ('open', 'closing')`)
    await q.query(`CREATE INDEX idx_audit_actor ON audit_entry (actor, seq)`)
    await q.query(`CREATE INDEX idx_audit_action ON audit_entry (action, seq)`)
    await q.query(`CREATE INDEX idx_audit_at ON audit_entry (at)`)
    await q.query(`CREATE INDEX idx_duplicate_other_person ON duplicate_decision (other_person_id)`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idx_duplicate_other_person`)
    await q.query(`DROP INDEX idx_audit_at`)
    await q.query(`DROP INDEX idx_audit_action`)
    await q.query(`DROP INDEX idx_audit_actor`)
    await q.query(`DROP INDEX idx_episode_one_current`)
  }
}
