import type { MigrationInterface, QueryRunner } from 'typeorm'
import { SEARCH_ROWS, SEARCH_STARTS, SEARCH_TABLE, writeStarts } from '../src/main/search/sqliteSearch'
import { isSqlite } from './dialect'

// SQLite-only, like migrations 1 and 17 (PostgreSQL's token table already answers a word's start
// from a b-tree, in migration 1764000000020). Two or three letters typed alone match thousands of
// people, which FTS5 can only give in rowid order, so every match was read and sorted by name: 14 ms
// at 114,000 people. This table holds the first two and three letters of each entry's name words
// under a primary key in name order, so the first page is read straight from it (sqliteSearch.ts).
// It is filled from the index's entries as they stand, and kept in step by the code that writes them.
export class SqliteSearchStarts1764000000023 implements MigrationInterface {
  name = 'SqliteSearchStarts1764000000023'

  async up(q: QueryRunner): Promise<void> {
    if (!isSqlite(q)) return
    // Without rowid, the rows are the primary key's b-tree and nothing more (some 5 rows a person; a
    // rowid table would keep each twice); an entry's rowid (4 bytes or fewer) stands for the person.
    await q.query(`CREATE TABLE ${SEARCH_STARTS} (
      start varchar(3) NOT NULL,
      sort_key text NOT NULL,
      search_rowid integer NOT NULL REFERENCES ${SEARCH_ROWS} (search_rowid),
      PRIMARY KEY (start, sort_key, search_rowid)
    ) WITHOUT ROWID`)
    const entries = (await q.query(`SELECT rowid AS "searchRowid", sort_key AS "sortKey", names FROM ${SEARCH_TABLE}`)) as {
      searchRowid: number
      sortKey: string
      names: string
    }[]
    await writeStarts(
      q,
      entries.map(({ searchRowid, sortKey, names }) => ({ searchRowid, entry: { sortKey, names } }))
    )
  }

  async down(q: QueryRunner): Promise<void> {
    if (!isSqlite(q)) return
    await q.query(`DROP TABLE ${SEARCH_STARTS}`)
  }
}
