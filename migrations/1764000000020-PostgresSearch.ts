import type { MigrationInterface, QueryRunner } from 'typeorm'
import { rebuildPostgresSearch } from '../src/main/search/postgresSearch'
import { isSqlite } from './dialect'

// PostgreSQL only (issue 13): the people-search index, as src/main/search/postgresSearch.ts writes
// and asks it; SQLite's is the FTS5 table of migrations 1 and 17. Nothing on SQLite.
//
// - person_search: each person's entry (src/main/search/searchEntry.ts), its sort key in byte order
//   (COLLATE "C") so names are listed as on SQLite whatever the server's collation, and the
//   household's postcode district (place), by which a district's people are found.
// - person_search_token: each word of an entry, by field, with the entry's sort key (so a search
//   sorts and cuts its matches to the page from the index alone); a word typed is looked up by LIKE
//   'smi%' on (field, token text_pattern_ops), which a b-tree answers under any collation. pg_trgm was not
//   used: words are matched from their start, which a b-tree does, and CREATE EXTENSION needs rights
//   (a superuser, or the database's owner for a trusted extension) that the app's role may not have.
// - family: its postcode keys in byte order (a district's families, as SQLite lists them), and its
//   restricted families (few), for the search's PostgreSQL module.
// The index is built from the people already on record, so a database filled before this runs (a
// hub's copy into PostgreSQL) can be searched at once.
export class PostgresSearch1764000000020 implements MigrationInterface {
  name = 'PostgresSearch1764000000020'

  async up(q: QueryRunner): Promise<void> {
    if (isSqlite(q)) return
    await q.query(`CREATE TABLE person_search (
      person_id varchar(36) PRIMARY KEY REFERENCES person (id),
      sort_key text COLLATE "C" NOT NULL,
      names text NOT NULL,
      sounds text NOT NULL,
      household text NOT NULL,
      place text NOT NULL
    )`)
    await q.query(`CREATE INDEX idx_person_search_sort ON person_search (sort_key)`)
    await q.query(`CREATE INDEX idx_person_search_place ON person_search (place) INCLUDE (person_id, sort_key)`)
    await q.query(`CREATE TABLE person_search_token (
      person_id varchar(36) NOT NULL REFERENCES person_search (person_id),
      field varchar(9) NOT NULL CHECK (field IN ('names', 'sounds', 'household')),
      token text NOT NULL,
      sort_key text COLLATE "C" NOT NULL
    )`)
    // With the person and their sort key in the index, a word's people are read from it alone, and
    // a search sorts its matches and cuts them to the page before reading any other row.
    await q.query(`CREATE UNIQUE INDEX idx_person_search_token ON person_search_token (field, token text_pattern_ops, person_id) INCLUDE (sort_key)`)
    await q.query(`CREATE INDEX idx_person_search_token_person ON person_search_token (person_id)`)
    // A district's families in postcode order, byte by byte as SQLite compares them (postgresSearch.ts postcodeRange).
    await q.query(`CREATE INDEX idx_family_postcode_key_bytes ON family ((postcode_key COLLATE "C"))`)
    // The few restricted families, for the duplicate check's names-only look at them.
    await q.query(`CREATE INDEX idx_family_restricted ON family (id) WHERE restricted`)
    await rebuildPostgresSearch(q)
  }

  async down(q: QueryRunner): Promise<void> {
    if (isSqlite(q)) return
    await q.query(`DROP INDEX idx_family_restricted`)
    await q.query(`DROP INDEX idx_family_postcode_key_bytes`)
    await q.query(`DROP TABLE person_search_token`)
    await q.query(`DROP TABLE person_search`)
  }
}
