import type { MigrationInterface, QueryRunner } from 'typeorm'
import { isSqlite } from './dialect'
import { FEEDS, LINK_TABLES } from './1764000000015-ExportChangeFeed'

// PostgreSQL only (issue 13): what SQLite's triggers do, as trigger functions, built as the schema
// stands after 1764000000018 (no PostgreSQL database existed before this one). Nothing on SQLite.
//
// - Append-only: audit_entry, document_version and change_feed refuse UPDATE and DELETE; records the
//   authority may hold refuse DELETE (as 1764000000001, 6 and 15 do on SQLite).
// - The audit chain's head is a row (audit_head), kept by a trigger that also refuses an entry that
//   does not follow it: however many desks write, the chain is one unbroken line, because each
//   writer holds the head's row lock from the moment its transaction begins (src/main/core/writeQueue)
//   and the database itself refuses a second entry claiming the same place.
// - The change feed's numbers come from a one-row counter taken under its row lock, so they are
//   handed out in commit order (an export reading "up to N" can never miss an N-1 still to commit).
// - hub.database_id is made on insert and never changed (1764000000016's triggers on SQLite).
// The search index's PostgreSQL module comes in a migration of its own.
export class PostgresGuards1764000000019 implements MigrationInterface {
  name = 'PostgresGuards1764000000019'

  async up(q: QueryRunner): Promise<void> {
    if (isSqlite(q)) return
    await q.query(`CREATE FUNCTION casebook_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation'; END $$`)
    for (const [table, what] of APPEND_ONLY) {
      await q.query(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION casebook_refuse('${what} cannot be changed')`)
      await q.query(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION casebook_refuse('${what} cannot be deleted')`)
    }

    await q.query(`CREATE TABLE audit_head (
      id integer PRIMARY KEY CHECK (id = 1),
      seq integer NOT NULL,
      hash varchar(64) NOT NULL
    )`)
    await q.query(`INSERT INTO audit_head (id, seq, hash)
      SELECT 1, COALESCE((SELECT seq FROM audit_entry ORDER BY seq DESC LIMIT 1), 0),
             COALESCE((SELECT hash FROM audit_entry ORDER BY seq DESC LIMIT 1), repeat('0', 64))`)
    await q.query(`CREATE FUNCTION audit_entry_follows_head() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE head audit_head%ROWTYPE;
      BEGIN
        SELECT * INTO head FROM audit_head WHERE id = 1 FOR UPDATE;
        IF NEW.seq <> head.seq + 1 OR NEW.prev_hash <> head.hash THEN
          RAISE EXCEPTION 'audit entry % does not follow the head of the chain (%)', NEW.seq, head.seq USING ERRCODE = 'serialization_failure';
        END IF;
        UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
        RETURN NEW;
      END $$`)
    await q.query(`CREATE TRIGGER audit_entry_follows_head BEFORE INSERT ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_entry_follows_head()`)

    await q.query(`CREATE TABLE change_feed_counter (
      id integer PRIMARY KEY CHECK (id = 1),
      seq integer NOT NULL
    )`)
    await q.query(`INSERT INTO change_feed_counter (id, seq) SELECT 1, COALESCE(MAX(seq), 0) FROM change_feed`)
    await q.query(`CREATE FUNCTION change_feed_append(record varchar, record_key varchar) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE next integer;
      BEGIN
        UPDATE change_feed_counter SET seq = seq + 1 WHERE id = 1 RETURNING seq INTO next;
        INSERT INTO change_feed (seq, record_type, record_key) VALUES (next, record, record_key);
      END $$`)
    for (const feed of FEEDS) {
      const key = (row: 'NEW' | 'OLD') => feed.key.replace(/\b(id|\w+_id)\b/g, `${row}.$1`)
      const linked = LINK_TABLES.has(feed.table)
      // A link row moved to another parent is a change to both; a link row removed changes its parent.
      await q.query(`CREATE FUNCTION change_feed_${feed.table}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP <> 'DELETE' THEN PERFORM change_feed_append('${feed.record}', ${key('NEW')}); END IF;
          IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND ${linked ? 'true' : 'false'}) THEN PERFORM change_feed_append('${feed.record}', ${key('OLD')}); END IF;
          RETURN NULL;
        END $$`)
      const when = feed.whenChanged ? ` WHEN (${feed.whenChanged.map((c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`).join(' OR ')})` : ''
      await q.query(`CREATE TRIGGER change_feed_${feed.table}_insert AFTER INSERT ON ${feed.table} FOR EACH ROW EXECUTE FUNCTION change_feed_${feed.table}()`)
      await q.query(
        `CREATE TRIGGER change_feed_${feed.table}_update AFTER UPDATE ON ${feed.table} FOR EACH ROW${when} EXECUTE FUNCTION change_feed_${feed.table}()`
      )
      if (linked) {
        await q.query(`CREATE TRIGGER change_feed_${feed.table}_delete AFTER DELETE ON ${feed.table} FOR EACH ROW EXECUTE FUNCTION change_feed_${feed.table}()`)
      } else {
        await q.query(`CREATE TRIGGER change_feed_${feed.table}_no_delete BEFORE DELETE ON ${feed.table}
          FOR EACH ROW EXECUTE FUNCTION casebook_refuse('records the authority may hold are never deleted: mark them removed')`)
      }
    }

    // 128 random bits as 32 hex digits, as SQLite's trigger makes from randomblob(16).
    await q.query(`CREATE FUNCTION hub_database_id() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' AND NEW.database_id = '' THEN
          NEW.database_id := md5(gen_random_uuid()::text || clock_timestamp()::text);
        ELSIF TG_OP = 'UPDATE' AND OLD.database_id <> '' AND NEW.database_id IS DISTINCT FROM OLD.database_id THEN
          RAISE EXCEPTION 'hub.database_id is made once and never changed' USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`)
    await q.query(`CREATE TRIGGER hub_database_id BEFORE INSERT OR UPDATE OF database_id ON hub FOR EACH ROW EXECUTE FUNCTION hub_database_id()`)
  }

  async down(q: QueryRunner): Promise<void> {
    if (isSqlite(q)) return
    await q.query(`DROP TRIGGER hub_database_id ON hub`)
    await q.query(`DROP FUNCTION hub_database_id()`)
    for (const feed of [...FEEDS].reverse()) {
      for (const suffix of ['insert', 'update', LINK_TABLES.has(feed.table) ? 'delete' : 'no_delete'])
        await q.query(`DROP TRIGGER change_feed_${feed.table}_${suffix} ON ${feed.table}`)
      await q.query(`DROP FUNCTION change_feed_${feed.table}()`)
    }
    await q.query(`DROP FUNCTION change_feed_append(varchar, varchar)`)
    await q.query(`DROP TABLE change_feed_counter`)
    await q.query(`DROP TRIGGER audit_entry_follows_head ON audit_entry`)
    await q.query(`DROP FUNCTION audit_entry_follows_head()`)
    await q.query(`DROP TABLE audit_head`)
    for (const [table] of [...APPEND_ONLY].reverse()) {
      await q.query(`DROP TRIGGER ${table}_no_delete ON ${table}`)
      await q.query(`DROP TRIGGER ${table}_no_update ON ${table}`)
    }
    await q.query(`DROP FUNCTION casebook_refuse()`)
  }
}

/** Tables nothing may change or delete from, and how their refusal names them (SQLite's words). */
export const APPEND_ONLY: [string, string][] = [
  ['audit_entry', 'audit entries'],
  ['document_version', 'kept versions of plans and assessments'],
  ['change_feed', 'the change feed']
]
