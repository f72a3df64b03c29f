// The SQLite full-text index behind people search: the one place that speaks FTS5. Each person has
// one entry: their name words, their sound-alike keys, and the surnames of the rest of their
// household (so a child is found by the mother's surname). Entries are kept in step by the families
// service inside the same transaction as the change they index; a change to one member's surname
// changes the entries of the others in the household too.
import type { EntityManager } from 'typeorm'
import type { SearchHit } from '../../shared/search/schemas'
import { openToViewer, type RestrictedViewer } from '../families/restrictedViewer'
import { foldName, nameTokens, soundKeys, soundKeysOf } from './names'
import { namePhases, phaseConditions, phaseExpressions } from './nameRules'

export interface IndexedNames {
  id: string
  givenName: string | null
  familyName: string
}

/** Last name then first name, folded; an unnamed unborn baby after the named ("~" sorts last). */
export function sortKey(person: { givenName: string | null; familyName: string }): string {
  return `${foldName(person.familyName)} ${person.givenName ? foldName(person.givenName) : '~'}`
}

/** A person's entry in the index, column by column. */
export interface SearchEntry {
  sortKey: string
  names: string
  sounds: string
  household: string
  /** The postcode district the household lives in (b33), so a name and a district are matched in the index alone. */
  place: string
}

/**
 * A postcode key's district as the index holds it (B338TH → 0b33): the leading 0 keeps districts
 * out of the prefixes a name is looked up by (le, ne, ls), which no name begins with. Migration
 * 17's triggers say the same in SQL, to follow a household's new postcode and a person's move.
 */
export function placeOf(postcodeKey: string): string {
  return postcodeKey.length > 3 ? districtPlace(postcodeKey.slice(0, -3)) : ''
}

/** A district (B33) as the index holds it. */
const districtPlace = (district: string) => `0${district.toLowerCase()}`

/** The entry of a person whose household's other members have these surnames, at a home with this postcode key. */
export function searchEntry(person: { givenName: string | null; familyName: string }, householdSurnames: string[], postcodeKey: string): SearchEntry {
  const own = nameTokens(person.givenName, person.familyName)
  const ownSet = new Set(own)
  const household = [...new Set(nameTokens(...householdSurnames))].filter((t) => !ownSet.has(t)).sort()
  return {
    sortKey: sortKey(person),
    names: own.join(' '),
    sounds: soundKeysOf(person.givenName, person.familyName).join(' '),
    household: household.join(' '),
    place: placeOf(postcodeKey)
  }
}

/**
 * Indexes a person just written, with the rest of their household (whose entries hold this
 * person's surname). `_isNew` is no longer needed: entries are found through person_search_row.
 */
export async function indexPerson(manager: EntityManager, person: IndexedNames, _isNew = false): Promise<void> {
  await indexMembers(manager, 'p.family_id = (SELECT family_id FROM person WHERE id = ?)', person.id)
}

interface MemberEntryRow {
  id: string
  givenName: string | null
  familyName: string
  searchRowid: number | null
  sortKey: string | null
  names: string | null
  sounds: string | null
  household: string | null
  place: string | null
  postcodeKey: string
}

/**
 * Brings the entries of every current member of these households up to date: call it, in the
 * same transaction, whenever someone joins, leaves (moves out of) or is renamed in a household.
 * Only entries that differ are rewritten.
 */
export async function indexHouseholds(manager: EntityManager, familyIds: string[]): Promise<void> {
  for (const familyId of new Set(familyIds)) await indexMembers(manager, 'p.family_id = ?', familyId)
}

/** Rewrites the entries that differ of the household `where` names (one parameter). */
async function indexMembers(manager: EntityManager, where: string, param: string): Promise<void> {
  const members = (await manager.query(
    `SELECT p.id, p.given_name AS "givenName", p.family_name AS "familyName", f.postcode_key AS "postcodeKey", r.search_rowid AS "searchRowid",
       s.sort_key AS "sortKey", s.names, s.sounds, s.household, s.place
     FROM person p JOIN family f ON f.id = p.family_id LEFT JOIN ${SEARCH_ROWS} r ON r.person_id = p.id LEFT JOIN ${SEARCH_TABLE} s ON s.rowid = r.search_rowid
     WHERE ${where}`,
    [param]
  )) as MemberEntryRow[]
  for (const m of members) {
    const entry = searchEntry(
      m,
      members.filter((o) => o.id !== m.id).map((o) => o.familyName),
      m.postcodeKey
    )
    const same =
      m.searchRowid !== null &&
      m.sortKey === entry.sortKey &&
      m.names === entry.names &&
      m.sounds === entry.sounds &&
      m.household === entry.household &&
      m.place === entry.place
    if (!same) await writeEntry(manager, m.id, m.searchRowid, entry)
  }
}

async function writeEntry(manager: Pick<EntityManager, 'query'>, personId: string, searchRowid: number | null, entry: SearchEntry): Promise<void> {
  // A new person's entry takes the next rowid of person_search_row (its INTEGER PRIMARY KEY); an entry rewritten keeps its own.
  if (searchRowid === null) await manager.query(`INSERT INTO ${SEARCH_ROWS} (person_id) VALUES (?)`, [personId])
  else await manager.query(`DELETE FROM ${SEARCH_TABLE} WHERE rowid = ?`, [searchRowid])
  await manager.query(
    `INSERT INTO ${SEARCH_TABLE} (rowid, person_id, sort_key, names, sounds, household, place)
     SELECT search_rowid, person_id, ?, ?, ?, ?, ? FROM ${SEARCH_ROWS} WHERE person_id = ?`,
    [entry.sortKey, entry.names, entry.sounds, entry.household, entry.place, personId]
  )
}

/** FTS5 MATCH expressions for a name search, one per phase, in the order their matches are shown (nameRules.ts). */
export function nameMatchPhases(tokens: string[]): string[] {
  return phaseExpressions(namePhases(tokens))
}

export const SEARCH_TABLE = 'person_search'
/** Each person's entry's rowid in SEARCH_TABLE: how an entry is found by person, and a person's entry probed. */
export const SEARCH_ROWS = 'person_search_row'

type Queryable = Pick<EntityManager, 'query'>

/** The columns a search result or duplicate match shows, over person p joined to family f. */
const HIT_COLUMNS = `p.id AS "personId", p.family_id AS "familyId", p.kind AS kind, p.given_name AS "givenName",
  p.family_name AS "familyName", p.date_of_birth AS "dateOfBirth", p.expected_date AS "expectedDate",
  f.reference AS "familyReference", f.restricted AS restricted, f.address_line1 AS "addressLine1", f.town AS town, f.postcode AS postcode`

/** A row of HIT_COLUMNS: exactly a search hit as the contract describes it. */
export type HitRow = SearchHit

export interface PeopleFilter {
  nameTokens: string[]
  date: string | null
  postcodeKey: string | null
  /** A postcode's first half (B33): the families of that district. */
  postcodeDistrict: string | null
  nhsNumber: string | null
  upn: string | null
  reference: string | null
}

export interface SqlQuery {
  sql: string
  params: unknown[]
}

/** Alphabetical, as people read a list of names; an unnamed unborn baby after the named. */
const BY_NAME = 'p.family_name COLLATE NOCASE, p.given_name IS NULL, p.given_name COLLATE NOCASE, p.date_of_birth'

/** One phase of a search: its statement, given how many rows are still wanted. */
export type SearchPhase = (limit: number) => SqlQuery

/** A district's postcodes: its outward code and an inward code of three characters (B33 → B33 8TH, not B3 3AB). */
function districtCondition(district: string): { sql: string; params: unknown[] } {
  return { sql: 'f.postcode_key >= ? AND f.postcode_key < ? AND length(f.postcode_key) = ?', params: [district, `${district}~`, district.length + 3] }
}

/**
 * The statements a people search runs, in order; their rows are shown in that order until the
 * page is full (findPeople leaves out a person already shown). The benchmark runs the same
 * statements through raw sqlite3.
 */
export function buildPeopleQueries(filter: PeopleFilter, viewer: RestrictedViewer | null = null): SearchPhase[] {
  // Text that is both a family reference and a district (LS1): the family first, then the district.
  if (filter.reference && filter.postcodeDistrict) {
    return [...buildPeopleQueries({ ...filter, postcodeDistrict: null }, viewer), ...buildPeopleQueries({ ...filter, reference: null }, viewer)]
  }
  const where: string[] = []
  const params: unknown[] = []
  // Names and references are what such a viewer may see of a restricted family; any other detail
  // typed is matched only against families open to them (applied before matching, not after).
  const details = Boolean(filter.date || filter.postcodeKey || filter.postcodeDistrict || filter.nhsNumber || filter.upn)
  if (filter.date) {
    where.push('(p.date_of_birth = ? OR p.expected_date = ?)')
    params.push(filter.date, filter.date)
  }
  if (filter.postcodeKey) {
    where.push('f.postcode_key = ?')
    params.push(filter.postcodeKey)
  }
  if (filter.postcodeDistrict) {
    const district = districtCondition(filter.postcodeDistrict)
    where.push(district.sql)
    params.push(...district.params)
  }
  if (filter.nhsNumber) {
    where.push('p.nhs_number = ?')
    params.push(filter.nhsNumber)
  }
  if (filter.upn) {
    where.push('p.upn = ?')
    params.push(filter.upn)
  }
  if (filter.reference) {
    where.push('f.reference = ?')
    params.push(filter.reference)
  }
  if (details && viewer) {
    const open = openToViewer(viewer, 'f')
    where.push(open.sql)
    params.push(...open.params)
  }
  const and = where.map((w) => ` AND ${w}`).join('')
  if (filter.nameTokens.length > 0 && where.length === 0) {
    // Names alone: sort the matches by the index's own key and join only the page shown.
    return nameMatchPhases(filter.nameTokens).map((expression) => (limit: number) => ({
      sql: `SELECT ${HIT_COLUMNS} FROM (SELECT person_id, sort_key FROM ${SEARCH_TABLE} WHERE ${SEARCH_TABLE} MATCH ? ORDER BY sort_key LIMIT ?) s
       JOIN person p ON p.id = s.person_id JOIN family f ON f.id = p.family_id ORDER BY s.sort_key`,
      params: [expression, limit]
    }))
  }
  // A date, an identifier, a postcode or a reference narrows to a handful of people: find them
  // first, read their index entries by rowid, and match the name on those (nameRules.ts). The
  // statement ranks them (by name phase, then by name) and answers only the page: a date given to
  // everyone whose own is not known (1 January) or a hostel's postcode is shared by hundreds, and
  // every one of them is looked at, but only the page is read out.
  const narrow = Boolean(filter.date || filter.postcodeKey || filter.nhsNumber || filter.upn || filter.reference)
  if (filter.nameTokens.length > 0 && narrow) {
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

export async function findPeople(db: Queryable, filter: PeopleFilter, limit: number, viewer: RestrictedViewer | null = null): Promise<HitRow[]> {
  const hits: HitRow[] = []
  const seen = new Set<string>()
  for (const phase of buildPeopleQueries(filter, viewer)) {
    if (hits.length >= limit) break
    const query = phase(limit - hits.length)
    for (const hit of (await db.query(query.sql, query.params)) as HitRow[]) {
      if (seen.has(hit.personId)) continue
      seen.add(hit.personId)
      hits.push(hit)
    }
  }
  return hits
}

export interface CandidateRow extends HitRow {
  nhsNumber: string | null
  upn: string | null
  postcodeKey: string
  sex: string | null
}

/** People who share an identifier or a date of birth with a new person: the duplicate candidates. */
export async function duplicateCandidates(db: Queryable, by: CandidateKeys, viewer: RestrictedViewer | null = null): Promise<CandidateRow[]> {
  const query = buildCandidateQuery(by, viewer)
  return query ? ((await db.query(query.sql, query.params)) as CandidateRow[]) : []
}

export interface CandidateKeys {
  nhsNumber: string | null
  upn: string | null
  dateOfBirth: string | null
}

/**
 * Every person sharing one of the keys, uncut: hundreds may share a date of birth (1 January), and
 * a cut made before the names are judged (duplicates.ts) could drop the one that matches.
 */
export function buildCandidateQuery(by: CandidateKeys, viewer: RestrictedViewer | null = null): SqlQuery | null {
  const ors: string[] = []
  const params: unknown[] = []
  const open = viewer ? openToViewer(viewer, 'f') : null
  if (by.nhsNumber) {
    ors.push('p.nhs_number = ?')
    params.push(by.nhsNumber)
  }
  if (by.upn) {
    ors.push('p.upn = ?')
    params.push(by.upn)
  }
  if (by.dateOfBirth) {
    ors.push('p.date_of_birth = ?')
    params.push(by.dateOfBirth)
  }
  if (ors.length === 0) return null
  return {
    sql: `SELECT ${HIT_COLUMNS}, p.nhs_number AS "nhsNumber", p.upn AS upn, f.postcode_key AS "postcodeKey", p.sex AS sex
     FROM person p JOIN family f ON f.id = p.family_id WHERE (${ors.join(' OR ')})${open ? ` AND ${open.sql}` : ''}`,
    params: open ? [...params, ...open.params] : params
  }
}

/**
 * People on restricted families the viewer may not open whose names sound like the new person's
 * (first and last): matched on names alone, which the viewer can see by searching anyway, so the
 * answer is the same whatever date of birth, NHS number or postcode was typed.
 */
export async function restrictedNameCandidates(db: Queryable, names: { givenName: string; familyName: string }, viewer: RestrictedViewer): Promise<HitRow[]> {
  const either = (name: string) => {
    const alternatives = nameTokens(name).flatMap((t) => [`names:"${t}"`, ...soundKeys(t).map((k) => `sounds:"${k}"`)])
    return alternatives.length ? `(${alternatives.join(' OR ')})` : null
  }
  const given = either(names.givenName.split(/\s+/)[0] ?? '')
  const family = either(names.familyName)
  if (!given || !family) return []
  return (await db.query(
    `SELECT ${HIT_COLUMNS} FROM ${SEARCH_TABLE} s JOIN person p ON p.id = s.person_id JOIN family f ON f.id = p.family_id
     WHERE ${SEARCH_TABLE} MATCH ? AND f.restricted AND NOT EXISTS (SELECT 1 FROM family_access fa WHERE fa.family_id = f.id AND fa.user_id = ? AND fa.revoked_at IS NULL)
     ORDER BY ${BY_NAME} LIMIT 50`,
    [`${given} AND ${family}`, viewer.userId ?? '']
  )) as HitRow[]
}
