import { randomBytes } from 'node:crypto'
import type { MigrationInterface, QueryRunner } from 'typeorm'
import { isSqlite } from './dialect'

// Backups (issue 11): backup_run, the record of every backup Casebook took or tried to take (the
// file itself lives in the backup folder and describes itself in its header; this is the history,
// failures included). At most one runs at a time, as a constraint, so two desks or a scheduled task
// beside the app never write one backup twice.
//
// Anchors: each backup and each export records the audit trail's head (its last entry's sequence
// number and hash) at the moment it was taken, so verification can tell that entries at the end of
// the trail were deleted (a chain checked only from the start cannot). Dialect-neutral; nothing here
// is exported to the authority, so no change-feed trigger.
//
// hub.database_id: the database's own id, made once and never changed (a restored database keeps its
// own), carried in every anchor. A trail deleted whole and begun again keeps the id, so its anchors show
// it replaced rather than another database's (src/main/audit/verify.ts). The hub row of a new database
// is made after the migrations have run (ensureHub, on an empty table here), so on SQLite a trigger
// gives it its id as it is inserted; another trigger refuses to change an id once made.
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
    await q.query(`ALTER TABLE hub ADD COLUMN database_id varchar(32) NOT NULL DEFAULT ''`)
    await q.query(`UPDATE hub SET database_id = ?`, [newDatabaseId()])
    if (isSqlite(q)) for (const trigger of DATABASE_ID_TRIGGERS) await q.query(trigger.sql)
  }

  async down(q: QueryRunner): Promise<void> {
    if (isSqlite(q)) for (const trigger of DATABASE_ID_TRIGGERS) await q.query(`DROP TRIGGER ${trigger.name}`)
    await q.query(`ALTER TABLE hub DROP COLUMN database_id`)
    await q.query(`ALTER TABLE export_run DROP COLUMN audit_head_hash`)
    await q.query(`ALTER TABLE export_run DROP COLUMN audit_head_seq`)
    await q.query(`DROP INDEX idx_backup_run_started`)
    await q.query(`DROP INDEX backup_run_one_running`)
    await q.query(`DROP TABLE backup_run`)
  }
}

/** 128 random bits as 32 hex digits: the trigger below makes the same from SQLite's own randomblob. */
const newDatabaseId = () => randomBytes(16).toString('hex')

const DATABASE_ID_TRIGGERS = [
  {
    name: 'hub_database_id_made',
    sql: `CREATE TRIGGER hub_database_id_made AFTER INSERT ON hub WHEN NEW.database_id = ''
      BEGIN UPDATE hub SET database_id = lower(hex(randomblob(16))) WHERE id = NEW.id; END`
  },
  {
    name: 'hub_database_id_kept',
    sql: `CREATE TRIGGER hub_database_id_kept BEFORE UPDATE OF database_id ON hub WHEN OLD.database_id <> '' AND NEW.database_id IS NOT OLD.database_id
      BEGIN SELECT RAISE(ABORT, 'hub.database_id is made once and never changed'); END`
  }
]
