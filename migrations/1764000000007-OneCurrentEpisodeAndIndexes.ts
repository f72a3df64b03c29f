import type { MigrationInterface, QueryRunner } from 'typeorm'

// Indexes the query-plan test found missing: the audit trail filtered by user, by kind of action or
// by day read the whole trail (its largest table), and a duplicate check while editing someone read
// every "not the same person" decision made the other way round. Each index names the one column
// looked up: SQLite keeps the row id (the audit sequence) in every index entry, so an index on actor
// alone already reads one user's entries newest first.
export class LookupIndexes1764000000007 implements MigrationInterface {
  name = 'LookupIndexes1764000000007'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX idx_audit_actor ON audit_entry (actor)`)
    await q.query(`CREATE INDEX idx_audit_action ON audit_entry (action)`)
    await q.query(`CREATE INDEX idx_audit_at ON audit_entry (at)`)
    await q.query(`CREATE INDEX idx_duplicate_other_person ON duplicate_decision (other_person_id)`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idx_duplicate_other_person`)
    await q.query(`DROP INDEX idx_audit_at`)
    await q.query(`DROP INDEX idx_audit_action`)
    await q.query(`DROP INDEX idx_audit_actor`)
  }
}
