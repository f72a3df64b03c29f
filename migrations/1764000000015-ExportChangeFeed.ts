import { randomBytes } from 'node:crypto'
import type { MigrationInterface, QueryRunner } from 'typeorm'
import { isSqlite } from './dialect'

// What the export to the authority stands on.
//
// The change feed: every insert, update and delete of a row the export sends appends the record it
// belongs to (a package file's name and the record's key) to change_feed, in the same transaction,
// because the database does it: triggers on every exported table, so no code path, import or later
// migration can change a record and forget to say so. The audit trail's sequence was the other
// candidate; it was not chosen because three in four audit entries are views and sign-ins, one entry
// can change several records (a plan's outcomes and actions), and its hash chain belongs to the
// application, not the database. "Everything since N" is one range of idx_change_feed_type.
//
// Rows of link tables (a person's disabilities, a request's children...) report their parent: the
// export sends a parent with all of its current rows, and importers replace them.
//
// Records the authority may hold are never deleted: a BEFORE DELETE trigger refuses it, and removals
// are tombstones (taf_member.deleted_at, family_access.revoked_at, migrations 13 and 14).
//
// Sequence numbers must commit in order, or an export reading "up to N" could miss an N-1 that
// commits after it. SQLite has one writer, so MAX(seq) + 1 inside the writing transaction is in
// commit order. PostgreSQL's triggers (issue 13) take the next number from a one-row counter under
// its row lock, which serialises writers the same way (1764000000019 builds them from FEEDS); the
// triggers are the only dialect-specific part.
//
// Also: export_run and export_run_file, the history of every run (the cursor is the last succeeded
// run's change_to; at most one run at a time, and package numbers unique per series, are constraints),
// and two hub settings: whether case notes' text travels, and the key of the pseudonymised package.

/** Which package file each exported table's rows belong to, and the key expression of that record. */
export const FEEDS: { table: string; record: string; key: string; whenChanged?: string[] }[] = [
  { table: 'family', record: 'families', key: 'id' },
  { table: 'person', record: 'people', key: 'id' },
  { table: 'person_disability', record: 'people', key: 'person_id' },
  { table: 'family_membership', record: 'memberships', key: 'id' },
  { table: 'consent', record: 'consents', key: 'id' },
  { table: 'family_access', record: 'family_access', key: "family_id || '|' || user_id" },
  // The caseload's caches (note_count, last_contact_at, open_action_dues) change with every note and
  // plan, and are not sent: only a change to what is sent sends the episode again.
  {
    table: 'episode',
    record: 'episodes',
    key: 'id',
    whenChanged: [
      'family_id',
      'status',
      'opened_on',
      'closed_on',
      'lead_user_id',
      'reason',
      'closure',
      'reopened',
      'next_review_on',
      'consent_id',
      'opened_by_user_id',
      'created_at',
      'updated_at'
    ]
  },
  { table: 'episode_headline', record: 'episodes', key: 'episode_id' },
  { table: 'taf_member', record: 'team_members', key: 'id' },
  { table: 'assessment', record: 'assessments', key: 'id' },
  { table: 'family_plan', record: 'plans', key: 'id' },
  { table: 'review', record: 'reviews', key: 'id' },
  { table: 'review_attendee', record: 'reviews', key: 'review_id' },
  { table: 'review_team_attendee', record: 'reviews', key: 'review_id' },
  { table: 'case_note', record: 'case_notes', key: 'id' },
  { table: 'case_note_person', record: 'case_notes', key: 'case_note_id' },
  { table: 'request_for_help', record: 'requests', key: 'id' },
  { table: 'request_child', record: 'requests', key: 'request_id' },
  { table: 'outbound_referral', record: 'referrals', key: 'id' },
  { table: 'outbound_referral_person', record: 'referrals', key: 'referral_id' },
  { table: 'step_up', record: 'step_ups', key: 'id' },
  { table: 'step_up_child', record: 'step_ups', key: 'step_up_id' },
  // Signing in changes an account's counters and times many times a day: only what is exported counts.
  { table: 'app_user', record: 'staff', key: 'id', whenChanged: ['username', 'display_name', 'role', 'disabled', 'created_at', 'updated_at'] },
  { table: 'directory_organisation', record: 'organisations', key: 'id' },
  { table: 'directory_service', record: 'services', key: 'id' }
]

/** Rows a link table may lose when its parent's list is replaced; every other exported row is kept for ever. */
export const LINK_TABLES = new Set([
  'person_disability',
  'episode_headline',
  'review_attendee',
  'review_team_attendee',
  'case_note_person',
  'request_child',
  'outbound_referral_person',
  'step_up_child'
])

const appendFrom = (row: 'NEW' | 'OLD', record: string, key: string) =>
  `INSERT INTO change_feed (seq, record_type, record_key) SELECT COALESCE(MAX(seq), 0) + 1, '${record}', ${key.replace(/\b(id|\w+_id)\b/g, `${row}.$1`)} FROM change_feed;`

export class ExportChangeFeed1764000000015 implements MigrationInterface {
  name = 'ExportChangeFeed1764000000015'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE change_feed (
      seq integer PRIMARY KEY,
      record_type varchar(20) NOT NULL,
      record_key varchar(80) NOT NULL
    )`)
    await q.query(`CREATE INDEX idx_change_feed_type ON change_feed (record_type, seq, record_key)`)
    // PostgreSQL's triggers, built from the same FEEDS, are 1764000000019's.
    if (isSqlite(q)) await sqliteFeedTriggers(q)
    await q.query(`CREATE TABLE export_run (
      id varchar(36) PRIMARY KEY,
      kind varchar(12) NOT NULL CHECK (kind IN ('full', 'incremental')),
      pseudonymised boolean NOT NULL,
      status varchar(12) NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'interrupted', 'blocked')),
      package_sequence integer NOT NULL,
      change_from integer NOT NULL,
      change_to integer,
      export_folder varchar(1000) NOT NULL,
      package_name varchar(100),
      started_at varchar(32) NOT NULL,
      heartbeat_at varchar(32) NOT NULL,
      finished_at varchar(32),
      started_by_user_id varchar(36) REFERENCES app_user (id),
      started_via varchar(12) NOT NULL CHECK (started_via IN ('app', 'command-line')),
      os_user varchar(100),
      host varchar(255) NOT NULL,
      pid integer NOT NULL,
      records_done integer NOT NULL DEFAULT 0,
      records_total integer,
      error text,
      CONSTRAINT export_run_finished CHECK ((status = 'running') = (finished_at IS NULL)),
      CONSTRAINT export_run_range CHECK (change_to IS NULL OR change_to >= change_from),
      CONSTRAINT export_run_complete CHECK (status <> 'succeeded' OR (change_to IS NOT NULL AND package_name IS NOT NULL))
    )`)
    await q.query(`CREATE UNIQUE INDEX export_run_one_running ON export_run (status) WHERE status = 'running'`)
    // A number is the package's once the run has named the package (it may have reached the folder).
    await q.query(`CREATE UNIQUE INDEX export_run_sequence ON export_run (pseudonymised, package_sequence) WHERE package_name IS NOT NULL`)
    await q.query(`CREATE INDEX idx_export_run_started ON export_run (started_at, id)`)
    await q.query(`CREATE TABLE export_run_file (
      run_id varchar(36) NOT NULL REFERENCES export_run (id),
      path varchar(100) NOT NULL,
      resource varchar(40) NOT NULL,
      row_count integer NOT NULL,
      bytes integer NOT NULL,
      sha256 varchar(64) NOT NULL,
      PRIMARY KEY (run_id, path)
    )`)

    await q.query(`ALTER TABLE hub ADD COLUMN export_note_text boolean NOT NULL DEFAULT false`)
    await q.query(`ALTER TABLE hub ADD COLUMN pseudonym_key varchar(64) NOT NULL DEFAULT ''`)
    // The key of the pseudonymised package's ids: made here, once, and never exported or shown.
    await q.query(`UPDATE hub SET pseudonym_key = ?`, [randomBytes(32).toString('hex')])
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hub DROP COLUMN pseudonym_key`)
    await q.query(`ALTER TABLE hub DROP COLUMN export_note_text`)
    await q.query(`DROP TABLE export_run_file`)
    await q.query(`DROP TABLE export_run`)
    for (const feed of isSqlite(q) ? [...FEEDS].reverse() : []) {
      for (const suffix of ['insert', 'update', LINK_TABLES.has(feed.table) ? 'delete' : 'no_delete']) {
        await q.query(`DROP TRIGGER change_feed_${feed.table}_${suffix}`)
      }
    }
    await q.query(`DROP TABLE change_feed`)
  }
}

/** change_feed's SQLite guards and the triggers that append to it (see the comment at the top). */
async function sqliteFeedTriggers(q: QueryRunner): Promise<void> {
  await q.query(`CREATE TRIGGER change_feed_no_update BEFORE UPDATE ON change_feed BEGIN SELECT RAISE(ABORT, 'the change feed cannot be changed'); END`)
  await q.query(`CREATE TRIGGER change_feed_no_delete BEFORE DELETE ON change_feed BEGIN SELECT RAISE(ABORT, 'the change feed cannot be deleted from'); END`)
  for (const feed of FEEDS) {
    const name = `change_feed_${feed.table}`
    await q.query(`CREATE TRIGGER ${name}_insert AFTER INSERT ON ${feed.table} BEGIN ${appendFrom('NEW', feed.record, feed.key)} END`)
    const when = feed.whenChanged ? ` WHEN ${feed.whenChanged.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ')}` : ''
    // A link row moved to another parent is a change to both.
    const oldToo = LINK_TABLES.has(feed.table) ? ` ${appendFrom('OLD', feed.record, feed.key)}` : ''
    await q.query(`CREATE TRIGGER ${name}_update AFTER UPDATE ON ${feed.table}${when} BEGIN ${appendFrom('NEW', feed.record, feed.key)}${oldToo} END`)
    if (LINK_TABLES.has(feed.table)) {
      await q.query(`CREATE TRIGGER ${name}_delete AFTER DELETE ON ${feed.table} BEGIN ${appendFrom('OLD', feed.record, feed.key)} END`)
    } else {
      await q.query(`CREATE TRIGGER ${name}_no_delete BEFORE DELETE ON ${feed.table}
          BEGIN SELECT RAISE(ABORT, 'records the authority may hold are never deleted: mark them removed'); END`)
    }
  }
}
