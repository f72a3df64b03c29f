import type { MigrationInterface, QueryRunner } from 'typeorm'

// Backups (issue 11): backup_run, the record of every backup Casebook took or tried to take (the
// file itself lives in the backup folder and describes itself in its header; this is the history,
// failures included). At most one runs at a time, as a constraint, so two desks or a scheduled task
// beside the app never write one backup twice.
//
// Anchors: each backup and each export records the audit trail's head (its last entry's sequence
// number and hash) at the moment it was taken, so verification can tell that entries at the end of
// the trail were deleted (a chain checked only from the start cannot). Dialect-neutral; nothing here
// is exported to the authority, so no change-feed trigger.
export class BackupsAndAnchors1764000000016 implements MigrationInterface {
  name = 'BackupsAndAnchors1764000000016'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE backup_run (
      id varchar(36) PRIMARY KEY,
      reason varchar(16) NOT NULL CHECK (reason IN ('sign-in', 'schedule', 'before-upgrade', 'manual', 'command')),
      status varchar(8) NOT NULL CHECK (status IN ('running', 'ok', 'failed')),
      started_at varchar(32) NOT NULL,
      finished_at varchar(32),
      started_by_user_id varchar(36) REFERENCES app_user (id),
      folder varchar(1000) NOT NULL,
      file_name varchar(100),
      bytes integer,
      sha256 varchar(64),
      key_id varchar(32),
      audit_head_seq integer,
      audit_head_hash varchar(64),
      message varchar(2000),
      pruned_at varchar(32),
      CONSTRAINT backup_run_finished CHECK ((status = 'running') = (finished_at IS NULL)),
      CONSTRAINT backup_run_complete CHECK (status <> 'ok' OR (file_name IS NOT NULL AND bytes IS NOT NULL AND sha256 IS NOT NULL))
    )`)
    await q.query(`CREATE UNIQUE INDEX backup_run_one_running ON backup_run (status) WHERE status = 'running'`)
    await q.query(`CREATE INDEX idx_backup_run_started ON backup_run (started_at, id)`)
    await q.query(`ALTER TABLE export_run ADD COLUMN audit_head_seq integer`)
    await q.query(`ALTER TABLE export_run ADD COLUMN audit_head_hash varchar(64)`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE export_run DROP COLUMN audit_head_hash`)
    await q.query(`ALTER TABLE export_run DROP COLUMN audit_head_seq`)
    await q.query(`DROP INDEX idx_backup_run_started`)
    await q.query(`DROP INDEX backup_run_one_running`)
    await q.query(`DROP TABLE backup_run`)
  }
}
