import type { MigrationInterface, QueryRunner } from 'typeorm'
import { searchEntry } from '../src/main/search/searchEntry'
import { isSqlite } from './dialect'

// SQLite-only, like migration 1 (PostgreSQL's search is built by 1764000000019): the people-search index gains the surnames of each person's
// household (so a child is found by the mother's surname) and the household's postcode district
// (so a name and a district are answered by the index alone), and a table that finds a person's
// entry by their id (so an entry is replaced, or read, without reading the index whole). The index
// is rebuilt from the people on record, household by household. The district follows a household's
// new postcode, and a person's move, by trigger: the same rule as placeOf in searchIndex.ts.
export class SearchHouseholds1764000000017 implements MigrationInterface {
  name = 'SearchHouseholds1764000000017'

  async up(q: QueryRunner): Promise<void> {
    if (!isSqlite(q)) return
    await q.query(`DROP TABLE person_search`)
    await q.query(
      `CREATE VIRTUAL TABLE person_search USING fts5(person_id UNINDEXED, sort_key UNINDEXED, names, sounds, household, place, tokenize = 'unicode61', prefix = '1 2 3')`
    )
    await q.query(`CREATE TABLE person_search_row (
      search_rowid integer PRIMARY KEY,
      person_id varchar(36) NOT NULL UNIQUE REFERENCES person (id)
    )`)
    const people = (await q.query(
      `SELECT p.id, p.family_id AS "familyId", p.given_name AS "givenName", p.family_name AS "familyName", f.postcode_key AS "postcodeKey"
       FROM person p JOIN family f ON f.id = p.family_id ORDER BY p.family_id, p.id`
    )) as { id: string; familyId: string; givenName: string | null; familyName: string; postcodeKey: string }[]
    let rowid = 0
    for (let i = 0; i < people.length;) {
      let end = i
      while (end < people.length && people[end]!.familyId === people[i]!.familyId) end++
      const household = people.slice(i, end)
      for (const person of household) {
        const entry = searchEntry(
          person,
          household.filter((o) => o.id !== person.id).map((o) => o.familyName),
          person.postcodeKey
        )
        rowid++
        await q.query(`INSERT INTO person_search_row (search_rowid, person_id) VALUES (?, ?)`, [rowid, person.id])
        await q.query(`INSERT INTO person_search (rowid, person_id, sort_key, names, sounds, household, place) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
          rowid,
          person.id,
          entry.sortKey,
          entry.names,
          entry.sounds,
          entry.household,
          entry.place
        ])
      }
      i = end
    }
    // Written in one go, the index is left in many small segments: merged, it reads as fast as one built over time.
    await q.query(`INSERT INTO person_search (person_search) VALUES ('optimize')`)
    const place = (key: string) => `'0' || lower(substr(${key}, 1, length(${key}) - 3))`
    await q.query(`CREATE TRIGGER person_search_family_moved_home AFTER UPDATE OF postcode_key ON family WHEN NEW.postcode_key IS NOT OLD.postcode_key
      BEGIN
        UPDATE person_search SET place = ${place('NEW.postcode_key')}
        WHERE rowid IN (SELECT r.search_rowid FROM person p JOIN person_search_row r ON r.person_id = p.id WHERE p.family_id = NEW.id);
      END`)
    await q.query(`CREATE TRIGGER person_search_person_moved AFTER UPDATE OF family_id ON person WHEN NEW.family_id IS NOT OLD.family_id
      BEGIN
        UPDATE person_search SET place = (SELECT ${place('f.postcode_key')} FROM family f WHERE f.id = NEW.family_id)
        WHERE rowid = (SELECT search_rowid FROM person_search_row WHERE person_id = NEW.id);
      END`)
  }

  async down(q: QueryRunner): Promise<void> {
    if (!isSqlite(q)) return
    await q.query(`DROP TRIGGER person_search_person_moved`)
    await q.query(`DROP TRIGGER person_search_family_moved_home`)
    await q.query(`DROP TABLE person_search_row`)
    await q.query(`DROP TABLE person_search`)
    await q.query(
      `CREATE VIRTUAL TABLE person_search USING fts5(person_id UNINDEXED, sort_key UNINDEXED, names, sounds, tokenize = 'unicode61', prefix = '1 2 3')`
    )
  }
}
