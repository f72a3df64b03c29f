// The SQLite full-text index behind people search: the one place that speaks FTS5. Rows are kept
// in step by the families service inside the same transaction as the change they index.
import type { EntityManager } from 'typeorm'
import type { SearchHit } from '../../shared/search/schemas'
import { openToViewer, type RestrictedViewer } from '../families/restrictedViewer'
import { foldName, nameTokens, soundKeys, soundKeysOf } from './names'

export interface IndexedNames {
  id: string
  givenName: string | null
  familyName: string
}

/** `isNew`: a person just inserted has no entry to replace, which saves a scan on the hot path. */
/** Last name then first name, folded; an unnamed unborn baby after the named ("~" sorts last). */
export function sortKey(person: { givenName: string | null; familyName: string }): string {
  return `${foldName(person.familyName)} ${person.givenName ? foldName(person.givenName) : '~'}`
}

export async function indexPerson(manager: EntityManager, person: IndexedNames, isNew = false): Promise<void> {
  if (!isNew) await manager.query('DELETE FROM person_search WHERE person_id = ?', [person.id])
  await manager.query('INSERT INTO person_search (person_id, sort_key, names, sounds) VALUES (?, ?, ?, ?)', [
    person.id,
    sortKey(person),
    nameTokens(person.givenName, person.familyName).join(' '),
    soundKeysOf(person.givenName, person.familyName).join(' ')
  ])
}

/**
 * FTS5 MATCH expressions for a name search, in the order their matches are shown: every word
 * typed matching the start of a name word as written; then, for words of three letters or more,
 * matches that only sound alike. Tokens hold only [a-z0-9] (see names.ts), so quoting each is
 * enough to keep an expression well formed.
 */
export function nameMatchPhases(tokens: string[]): string[] {
  const literal = tokens.map((t) => `names:"${t}"*`).join(' AND ')
  const soundAlike = tokens.some((t) => t.length >= 3 && soundKeys(t).length > 0)
  if (!soundAlike) return [literal]
  const either = tokens
    .map((t) => {
      const alternatives = [`names:"${t}"*`]
      if (t.length >= 3) for (const k of soundKeys(t)) alternatives.push(`sounds:"${k}"`)
      return `(${alternatives.join(' OR ')})`
    })
    .join(' AND ')
  return [literal, `(${either}) NOT (${literal})`]
}

export const SEARCH_TABLE = 'person_search'

type Queryable = Pick<EntityManager, 'query'>

/** The columns a search result or duplicate match shows, over person p joined to family f. */
const HIT_COLUMNS = `p.id AS personId, p.family_id AS familyId, p.kind AS kind, p.given_name AS givenName,
  p.family_name AS familyName, p.date_of_birth AS dateOfBirth, p.expected_date AS expectedDate,
  f.reference AS familyReference, f.restricted AS restricted, f.address_line1 AS addressLine1, f.town AS town, f.postcode AS postcode`

/** A row of HIT_COLUMNS: exactly a search hit as the contract describes it. */
export type HitRow = SearchHit

export interface PeopleFilter {
  nameTokens: string[]
  date: string | null
  postcodeKey: string | null
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

/**
 * The statements a people search runs, in order; their rows are shown in that order until the
 * page is full. The benchmark runs the same statements through raw sqlite3.
 */
export function buildPeopleQueries(filter: PeopleFilter, viewer: RestrictedViewer | null = null): SearchPhase[] {
  const where: string[] = []
  const params: unknown[] = []
  // Names and references are what such a viewer may see of a restricted family; any other detail
  // typed is matched only against families open to them (applied before matching, not after).
  const details = Boolean(filter.date || filter.postcodeKey || filter.nhsNumber || filter.upn)
  if (filter.date) {
    where.push('(p.date_of_birth = ? OR p.expected_date = ?)')
    params.push(filter.date, filter.date)
  }
  if (filter.postcodeKey) {
    where.push('f.postcode_key = ?')
    params.push(filter.postcodeKey)
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
  if (filter.nameTokens.length > 0 && where.length === 0) {
    // Names alone: sort the matches by the index's own key and join only the page shown.
    return nameMatchPhases(filter.nameTokens).map((expression) => (limit: number) => ({
      sql: `SELECT ${HIT_COLUMNS} FROM (SELECT person_id, sort_key FROM ${SEARCH_TABLE} WHERE ${SEARCH_TABLE} MATCH ? ORDER BY sort_key LIMIT ?) s
       JOIN person p ON p.id = s.person_id JOIN family f ON f.id = p.family_id ORDER BY s.sort_key`,
      params: [expression, limit]
    }))
  }
  if (filter.nameTokens.length > 0) {
    const and = where.map((w) => ` AND ${w}`).join('')
    return nameMatchPhases(filter.nameTokens).map((expression) => (limit: number) => ({
      sql: `SELECT ${HIT_COLUMNS} FROM ${SEARCH_TABLE} s JOIN person p ON p.id = s.person_id JOIN family f ON f.id = p.family_id
       WHERE ${SEARCH_TABLE} MATCH ?${and} ORDER BY ${BY_NAME} LIMIT ?`,
      params: [expression, ...params, limit]
    }))
  }
  if (where.length === 0) return []
  return [
    (limit: number) => ({
      sql: `SELECT ${HIT_COLUMNS} FROM person p JOIN family f ON f.id = p.family_id WHERE ${where.join(' AND ')} ORDER BY ${BY_NAME} LIMIT ?`,
      params: [...params, limit]
    })
  ]
}

export async function findPeople(db: Queryable, filter: PeopleFilter, limit: number, viewer: RestrictedViewer | null = null): Promise<HitRow[]> {
  const hits: HitRow[] = []
  for (const phase of buildPeopleQueries(filter, viewer)) {
    if (hits.length >= limit) break
    const query = phase(limit - hits.length)
    hits.push(...((await db.query(query.sql, query.params)) as HitRow[]))
  }
  return hits
}

export interface CandidateRow extends HitRow {
  nhsNumber: string | null
  upn: string | null
  postcodeKey: string
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
    sql: `SELECT ${HIT_COLUMNS}, p.nhs_number AS nhsNumber, p.upn AS upn, f.postcode_key AS postcodeKey
     FROM person p JOIN family f ON f.id = p.family_id WHERE (${ors.join(' OR ')})${open ? ` AND ${open.sql}` : ''} LIMIT 200`,
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
