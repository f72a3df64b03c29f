// The people-search index gains each person's household's surnames, and a table finding each
// person's entry. Run on a database as migration 16 left it, with a hub, an account, families,
// people and their entries in the index as the app of that version wrote them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SearchHouseholds1764000000017 } from './1764000000017-SearchHouseholds'
import { changedTables, databaseBefore, type MigrationDb } from '../src/main/testing/migrationDb'
import { personRows13, rows13 } from '../src/main/testing/migrationRows'
import { indexPerson } from '../src/main/search/searchIndex'
import { nameMatchPhases, SEARCH_ROWS, SEARCH_TABLE } from '../src/main/search/sqliteSearch'
import { sortKey } from '../src/main/search/searchEntry'
import { nameTokens, soundKeysOf } from '../src/main/search/names'

let db: MigrationDb
beforeEach(async () => {
  db = await databaseBefore(SearchHouseholds1764000000017)
  for (const [table, rows] of rows13) await db.insert(table, rows)
  for (const p of personRows13) {
    await db.insert(SEARCH_TABLE, [
      {
        person_id: p.id,
        sort_key: sortKey({ givenName: p.given_name, familyName: p.family_name }),
        names: nameTokens(p.given_name, p.family_name).join(' '),
        sounds: soundKeysOf(p.given_name, p.family_name).join(' ')
      }
    ])
  }
})
afterEach(async () => {
  await db.dispose()
})

const found = async (expression: string) =>
  (await db.query<{ id: string }>(`SELECT person_id AS id FROM ${SEARCH_TABLE} WHERE ${SEARCH_TABLE} MATCH ? ORDER BY sort_key`, [expression])).map((r) => r.id)

describe('SearchHouseholds1764000000017', () => {
  it('runs alone, and changes nothing but the index', async () => {
    const before = await db.everyRow()
    expect(await db.migrate()).toEqual(['SearchHouseholds1764000000017'])
    const after = await db.everyRow()
    expect(changedTables(before, after).sort()).toEqual([SEARCH_TABLE, SEARCH_ROWS])
    expect((await db.columns(SEARCH_TABLE)).map((c) => c.name)).toEqual(['person_id', 'sort_key', 'names', 'sounds', 'household', 'place'])
    expect(await db.foreignKeys(SEARCH_ROWS)).toEqual([{ from: 'person_id', table: 'person', to: 'id' }])
    expect(await db.triggers('family')).toContain('person_search_family_moved_home')
    expect(await db.triggers('person')).toContain('person_search_person_moved')
  })

  it("indexes each household's postcode district, and follows a new postcode and a move by trigger", async () => {
    await db.migrate()
    const [grace, catherine, , zofia] = personRows13.map((p) => p.id)
    const place = async (id: string) =>
      (
        await db.query<{ place: string }>(`SELECT s.place FROM ${SEARCH_TABLE} s JOIN ${SEARCH_ROWS} r ON r.search_rowid = s.rowid WHERE r.person_id = ?`, [id])
      )[0]?.place
    const [okafors, nowaks] = await db.query<{ id: string; postcode_key: string }>(`SELECT id, postcode_key FROM family ORDER BY rowid`)
    expect(await place(grace!)).toBe(`0${okafors!.postcode_key.slice(0, -3).toLowerCase()}`)
    await db.query(`UPDATE family SET postcode = 'LS11 5AB', postcode_key = 'LS115AB' WHERE id = ?`, [okafors!.id])
    expect(await place(grace!)).toBe('0ls11')
    expect(await place(catherine!)).toBe('0ls11')
    expect(await found('names:"grace"* AND place:"0ls11"')).toEqual([grace])
    expect(await place(zofia!)).toBe(`0${nowaks!.postcode_key.slice(0, -3).toLowerCase()}`)
    await db.query(`UPDATE person SET family_id = ? WHERE id = ?`, [okafors!.id, zofia])
    expect(await place(zofia!)).toBe('0ls11')
  })

  it('indexes every person once, with the surnames of the rest of their household', async () => {
    await db.migrate()
    const [grace, catherine, unborn, zofia] = personRows13.map((p) => p.id)
    const rows = await db.query<{ person_id: string; search_rowid: number }>(`SELECT * FROM ${SEARCH_ROWS} ORDER BY person_id`)
    expect(rows.map((r) => r.person_id).sort()).toEqual([grace, catherine, unborn, zofia].sort())
    const entries = await db.query<{ person_id: string; household: string; rowid: number }>(`SELECT rowid, person_id, household FROM ${SEARCH_TABLE}`)
    expect(entries).toHaveLength(4)
    for (const r of rows) expect(entries.find((e) => e.rowid === r.search_rowid)?.person_id).toBe(r.person_id)
    // Catherine Okafor and the unborn baby are found by their mother's surname, O'Neill; Zofia lives alone.
    expect(entries.find((e) => e.person_id === catherine)?.household).toBe('neill o oneillokafor')
    expect(entries.find((e) => e.person_id === zofia)?.household).toBe('')
    expect(await found(nameMatchPhases(['oneill'])[0]!)).toEqual([grace])
    expect(await found(nameMatchPhases(['oneill'])[1]!)).toEqual([catherine, unborn])
  })

  it('leaves an index the app keeps in step: a renamed person has one entry, and the household follows', async () => {
    await db.migrate()
    // The app's writer writes the newest schema's tables (migration 23's names' first letters too).
    await db.migrateToNewest()
    const [grace, catherine] = personRows13.map((p) => p.id)
    await db.query(`UPDATE person SET family_name = 'Adeyemi' WHERE id = ?`, [grace])
    await indexPerson(db.manager(), { id: grace!, givenName: 'Grace', familyName: 'Adeyemi' })
    expect(await db.query(`SELECT count(*) AS n FROM ${SEARCH_TABLE}`)).toEqual([{ n: 4 }])
    expect(await found(nameMatchPhases(['oneill'])[0]!)).toEqual([])
    expect(await found(nameMatchPhases(['adeyemi'])[0]!)).toEqual([grace])
    expect(await found(nameMatchPhases(['adeyemi'])[1]!)).toContain(catherine)
  })
})
