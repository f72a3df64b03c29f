import type { MigrationInterface, QueryRunner } from 'typeorm'
import { isSqlite } from './dialect'

// PostgreSQL only (issue 13): casebook_json_or_null(text), the stored JSON document as jsonb, or NULL
// when the text is not JSON. The export's validation rules read keys of documents kept as text (an
// episode's closure) and must report a damaged one rather than fail on it: SQLite has json_valid for
// that; PostgreSQL 15 can only catch the cast's error (class 22: bad syntax, a \u0000 jsonb cannot
// hold), which a plain SQL expression cannot. IMMUTABLE and PARALLEL SAFE: the answer depends on the
// text alone. Nothing on SQLite.
export class PostgresJsonOrNull1764000000021 implements MigrationInterface {
  name = 'PostgresJsonOrNull1764000000021'

  async up(q: QueryRunner): Promise<void> {
    if (isSqlite(q)) return
    await q.query(`CREATE FUNCTION casebook_json_or_null(document text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
      BEGIN
        RETURN document::jsonb;
      EXCEPTION WHEN data_exception THEN
        RETURN NULL;
      END $$`)
  }

  async down(q: QueryRunner): Promise<void> {
    if (isSqlite(q)) return
    await q.query(`DROP FUNCTION casebook_json_or_null(text)`)
  }
}
