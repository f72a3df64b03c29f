// SQLite's people-search index (SearchIndex, searchIndex.ts): the one place that speaks FTS5. Each
// person has one entry (searchEntry.ts) in person_search, found by person through
// person_search_row; a name is matched by FTS5 MATCH expressions made from nameRules.ts. The
// household's postcode district (the entry's place) follows a new postcode or a move by migration
// 17's triggers. PostgreSQL's index is postgresSearch.ts.
//
// Two or three letters typed alone (sm, smi) match thousands of people, and FTS5 can only answer
// them in rowid order: sorting every match by name took 14 ms at 114,000 people. SEARCH_STARTS holds
// the first two and three letters of each entry's name words in name order (migration
// 1764000000023), so the first page of such a search is read straight from its primary key.
import type { EntityManager } from 'typeorm'
import { openToViewer, type RestrictedViewer } from '../families/restrictedViewer'
import { namePhases, phaseConditions, phaseExpressions } from './nameRules'
import { queryTerms } from './names'
import { changedEntries, districtPlace, nameAlternatives, type SearchEntry } from './searchEntry'
import { detailConditions, HIT_COLUMNS, narrows, referenceThenDistrict, type Conditions, type PeopleFilter, type SearchPhase, type SqlQuery } from './searchSql'
import type { SearchIndex } from './searchIndex'

export const SEARCH_TABLE = 'person_search'
/** Each person's entry's rowid in SEARCH_TABLE: how an entry is found by person, and a person's entry probed. */
export const SEARCH_ROWS = 'person_search_row'
/**
 * The first two and three letters of each entry's name words, in name order: (start, sort_key,
 * search_rowid), all of it the primary key of a table without rowid, a few bytes a row.
 */
export const SEARCH_STARTS = 'person_search_start'

type Queryable = Pick<EntityManager, 'query'>

/** Rewrites the entries that differ of the household `where` names (one parameter). */
async function indexMembers(manager: Queryable, where: string, param: string): Promise<void> {
  const rows = (await manager.query(
    `SELECT p.id, p.given_name AS "givenName", p.family_name AS "familyName", f.postcode_key AS "postcodeKey", r.search_rowid AS "searchRowid",
       s.sort_key AS "sortKey", s.names, s.sounds, s.household, s.place
     FROM person p JOIN family f ON f.id = p.family_id LEFT JOIN ${SEARCH_ROWS} r ON r.person_id = p.id LEFT JOIN ${SEARCH_TABLE} s ON s.rowid = r.search_rowid
     WHERE ${where}`,
    [param]
  )) as (SearchEntry & { id: string; givenName: string | null; familyName: string; postcodeKey: string; searchRowid: number | null })[]
  const members = rows.map((m) => ({ ...m, stored: m.searchRowid === null ? null : m }))
  for (const { member, entry } of changedEntries(members)) {
    const searchRowid = await writeEntry(manager, member.id, member.searchRowid, entry)
    // A household's surname or postcode changing rewrites the entry, but not its own names.
    const { stored } = member
    if (stored?.names === entry.names && stored.sortKey === entry.sortKey) continue
    if (stored) await removeStarts(manager, searchRowid, stored)
    await writeStarts(manager, [{ searchRowid, entry }])
  }
}

/** How many letters of a name SEARCH_STARTS answers alone: more find few enough for FTS5 to sort. */
export const START_LENGTHS = [2, 3]

/**
 * The distinct first two and three letters of an entry's name words (a word shorter has none of
 * that length): exactly those by which FTS5 finds the entry with names:"sm"* and names:"smi"*.
 */
export function nameStarts(names: string): string[] {
  const words = names.split(' ')
  return [...new Set(START_LENGTHS.flatMap((n) => words.filter((w) => w.length >= n).map((w) => w.slice(0, n))))]
}

/** Rows of SEARCH_STARTS written per statement: three parameters each, well under SQLite's limit. */
const STARTS_BATCH = 300

type Starts = Pick<SearchEntry, 'names' | 'sortKey'>

/** Writes these entries' rows of SEARCH_STARTS. */
export async function writeStarts(manager: Queryable, entries: { searchRowid: number; entry: Starts }[]): Promise<void> {
  const rows = entries.flatMap(({ searchRowid, entry }) => nameStarts(entry.names).map((start) => [start, entry.sortKey, searchRowid]))
  for (let i = 0; i < rows.length; i += STARTS_BATCH) {
    const batch = rows.slice(i, i + STARTS_BATCH)
    await manager.query(`INSERT INTO ${SEARCH_STARTS} (start, sort_key, search_rowid) VALUES ${batch.map(() => '(?, ?, ?)').join(', ')}`, batch.flat())
  }
}

/**
 * Removes an entry's rows of SEARCH_STARTS by their keys, made from the entry as stored: the two are
 * written together, in one transaction, and only here (the migration fills the table from the entries).
 */
async function removeStarts(manager: Queryable, searchRowid: number, stored: Starts): Promise<void> {
  const starts = nameStarts(stored.names)
  if (starts.length === 0) return
  await manager.query(`DELETE FROM ${SEARCH_STARTS} WHERE start IN (${starts.map(() => '?').join(', ')}) AND sort_key = ? AND search_rowid = ?`, [
    ...starts,
    stored.sortKey,
    searchRowid
  ])
}

/** The letters of a search that is two or three letters alone (sm, smi), which SEARCH_STARTS answers; otherwise null. */
function startAlone(tokens: string[]): string | null {
  const terms = queryTerms(tokens)
  return terms.length === 1 && terms[0]!.words.length === 1 && START_LENGTHS.includes(terms[0]!.joined.length) ? terms[0]!.joined : null
}

/** Writes a person's entry; answers its rowid. */
async function writeEntry(manager: Queryable, personId: string, searchRowid: number | null, entry: SearchEntry): Promise<number> {
  // A new person's entry takes the next rowid of person_search_row (its INTEGER PRIMARY KEY); an entry rewritten keeps its own.
  if (searchRowid === null) await manager.query(`INSERT INTO ${SEARCH_ROWS} (person_id) VALUES (?)`, [personId])
  else await manager.query(`DELETE FROM ${SEARCH_TABLE} WHERE rowid = ?`, [searchRowid])
  await manager.query(
    `INSERT INTO ${SEARCH_TABLE} (rowid, person_id, sort_key, names, sounds, household, place)
     SELECT search_rowid, person_id, ?, ?, ?, ?, ? FROM ${SEARCH_ROWS} WHERE person_id = ?`,
    [entry.sortKey, entry.names, entry.sounds, entry.household, entry.place, personId]
  )
  if (searchRowid !== null) return searchRowid
  const [row] = (await manager.query(`SELECT search_rowid AS "searchRowid" FROM ${SEARCH_ROWS} WHERE person_id = ?`, [personId])) as { searchRowid: number }[]
  return row!.searchRowid
}

/** FTS5 MATCH expressions for a name search, one per phase, in the order their matches are shown (nameRules.ts). */
export function nameMatchPhases(tokens: string[]): string[] {
  return phaseExpressions(namePhases(tokens))
}

/** Alphabetical, as people read a list of names; an unnamed unborn baby after the named. */
const BY_NAME = 'p.family_name COLLATE NOCASE, p.given_name IS NULL, p.given_name COLLATE NOCASE, p.date_of_birth'

/** A district's postcodes: its outward code and an inward code of three characters (B33 → B33 8TH, not B3 3AB). */
function districtCondition(district: string): Conditions {
  return { where: ['f.postcode_key >= ? AND f.postcode_key < ? AND length(f.postcode_key) = ?'], params: [district, `${district}~`, district.length + 3] }
}

/**
 * The statements a people search runs, in order; their rows are shown in that order until the
 * page is full (findPeople leaves out a person already shown). The benchmark runs the same
 * statements through raw sqlite3.
 */
export function buildPeopleQueries(filter: PeopleFilter, viewer: RestrictedViewer | null = null): SearchPhase[] {
  if (filter.reference && filter.postcodeDistrict) return referenceThenDistrict(filter, (f) => buildPeopleQueries(f, viewer))
  const { where, params } = detailConditions(filter, viewer, districtCondition)
  const and = where.map((w) => ` AND ${w}`).join('')
  if (filter.nameTokens.length > 0 && where.length === 0) {
    // Names alone: sort the matches by the index's own key and join only the page shown.
    const phases: SearchPhase[] = nameMatchPhases(filter.nameTokens).map((expression) => (limit: number) => ({
      sql: `SELECT ${HIT_COLUMNS} FROM (SELECT person_id, sort_key FROM ${SEARCH_TABLE} WHERE ${SEARCH_TABLE} MATCH ? ORDER BY sort_key LIMIT ?) s
       JOIN person p ON p.id = s.person_id JOIN family f ON f.id = p.family_id ORDER BY s.sort_key`,
      params: [expression, limit]
    }))
    // Two or three letters alone: the first phase (the person's own names, names:"sm"*) read in name order from SEARCH_STARTS.
    const start = startAlone(filter.nameTokens)
    if (start !== null)
      phases[0] = (limit: number) => ({
        sql: `SELECT ${HIT_COLUMNS} FROM (SELECT search_rowid, sort_key FROM ${SEARCH_STARTS} WHERE start = ? ORDER BY sort_key LIMIT ?) s
         JOIN ${SEARCH_ROWS} r ON r.search_rowid = s.search_rowid JOIN person p ON p.id = r.person_id JOIN family f ON f.id = p.family_id ORDER BY s.sort_key`,
        params: [start, limit]
      })
    return phases
  }
  // A date, an identifier, a postcode or a reference narrows to a handful of people: find them
  // first, read their index entries by rowid, and match the name on those (nameRules.ts). The
  // statement ranks them (by name phase, then by name) and answers only the page: a date given to
  // everyone whose own is not known (1 January) or a hostel's postcode is shared by hundreds, and
  // every one of them is looked at, but only the page is read out.
  if (filter.nameTokens.length > 0 && narrows(filter)) {
    const { matches, place } = phaseConditions(namePhases(filter.nameTokens), 's')
    return [
      (limit: number) => ({
        sql: `SELECT ${HIT_COLUMNS} FROM person p JOIN family f ON f.id = p.family_id CROSS JOIN ${SEARCH_ROWS} r CROSS JOIN ${SEARCH_TABLE} s
         WHERE r.person_id = p.id AND s.rowid = r.search_rowid${and} AND (${matches.sql}) ORDER BY ${place.sql}, ${BY_NAME} LIMIT ?`,
        params: [...params, ...matches.params, ...place.params, limit]
      })
    ]
  }
  if (filter.nameTokens.length > 0) {
    // A name and a district (thousands each): both are in the index (its place column), so it
    // answers them in its own order. A viewer's restriction is the one condition left to the join,
    // walked in that order until the page is full.
    const inDistrict = (expression: string) => `(${expression}) AND place:"${districtPlace(filter.postcodeDistrict ?? '')}"`
    const open = viewer ? openToViewer(viewer, 'f') : null
    return nameMatchPhases(filter.nameTokens).map((expression) => (limit: number) => ({
      sql: open
        ? `SELECT ${HIT_COLUMNS} FROM (SELECT person_id, sort_key FROM ${SEARCH_TABLE} WHERE ${SEARCH_TABLE} MATCH ? ORDER BY sort_key) s
           JOIN person p ON p.id = s.person_id JOIN family f ON f.id = p.family_id WHERE ${open.sql} ORDER BY s.sort_key LIMIT ?`
        : `SELECT ${HIT_COLUMNS} FROM (SELECT person_id, sort_key FROM ${SEARCH_TABLE} WHERE ${SEARCH_TABLE} MATCH ? ORDER BY sort_key LIMIT ?) s
           JOIN person p ON p.id = s.person_id JOIN family f ON f.id = p.family_id ORDER BY s.sort_key`,
      params: open ? [inDistrict(expression), ...open.params, limit] : [inDistrict(expression), limit]
    }))
  }
  if (where.length === 0) return []
  // A district alone: its families in postcode order (the index's own), each family's people together.
  const order = filter.postcodeDistrict ? `f.postcode_key, f.reference, ${BY_NAME}` : BY_NAME
  return [
    (limit: number) => ({
      sql: `SELECT ${HIT_COLUMNS} FROM person p JOIN family f ON f.id = p.family_id WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`,
      params: [...params, limit]
    })
  ]
}

/** The restricted-name check's statement (searchIndex.ts restrictedNameCandidates): both names, each by a word or its sound, in the index. */
function restrictedNameQuery(names: { givenName: string; familyName: string }, viewer: RestrictedViewer): SqlQuery | null {
  const either = (name: string) => {
    const { names: words, sounds } = nameAlternatives(name)
    const alternatives = [...words.map((t) => `names:"${t}"`), ...sounds.map((k) => `sounds:"${k}"`)]
    return alternatives.length ? `(${alternatives.join(' OR ')})` : null
  }
  const given = either(names.givenName.split(/\s+/)[0] ?? '')
  const family = either(names.familyName)
  if (!given || !family) return null
  return {
    sql: `SELECT ${HIT_COLUMNS} FROM ${SEARCH_TABLE} s JOIN person p ON p.id = s.person_id JOIN family f ON f.id = p.family_id
     WHERE ${SEARCH_TABLE} MATCH ? AND f.restricted AND NOT EXISTS (SELECT 1 FROM family_access fa WHERE fa.family_id = f.id AND fa.user_id = ? AND fa.revoked_at IS NULL)
     ORDER BY ${BY_NAME} LIMIT 50`,
    params: [`${given} AND ${family}`, viewer.userId ?? '']
  }
}

export const SQLITE_SEARCH: SearchIndex = { indexMembers, peopleQueries: buildPeopleQueries, restrictedNameQuery }
