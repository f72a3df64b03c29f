import type { MigrationInterface, QueryRunner } from 'typeorm'
import { isSqlite } from './dialect'

// SQLite-only: the full-text index behind people search (names and their sound-alike keys,
// maintained by src/main/search/searchIndex.ts) and the triggers that make the audit trail
// append-only. Nothing on PostgreSQL: 1764000000019 builds its own.
export class SqliteSearchAndAuditGuards1764000000001 implements MigrationInterface {
  name = 'SqliteSearchAndAuditGuards1764000000001'

  async up(q: QueryRunner): Promise<void> {
    if (!isSqlite(q)) return
    await q.query(
      // sort_key lets a name search sort its matches inside the index and join only the rows shown.
      `CREATE VIRTUAL TABLE person_search USING fts5(person_id UNINDEXED, sort_key UNINDEXED, names, sounds, tokenize = 'unicode61', prefix = '1 2 3')`
    )
    await q.query(`CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
      BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END`)
    await q.query(`CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
      BEGIN SELECT RAISE(ABORT, 'audit entries cannot be deleted'); END`)
  }

  async down(q: QueryRunner): Promise<void> {
    if (!isSqlite(q)) return
    await q.query(`DROP TRIGGER audit_entry_no_delete`)
    await q.query(`DROP TRIGGER audit_entry_no_update`)
    await q.query(`DROP TABLE person_search`)
  }
}
