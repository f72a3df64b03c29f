// The SQLite full-text index behind people search: the one place that speaks FTS5. Rows are kept
// in step by the families service inside the same transaction as the change they index.
import type { EntityManager } from 'typeorm'
import { nameTokens, soundKeys, soundKeysOf } from './names'

export interface IndexedNames {
  id: string
  givenName: string | null
  familyName: string
}

/** `isNew`: a person just inserted has no entry to replace, which saves a scan on the hot path. */
export async function indexPerson(manager: EntityManager, person: IndexedNames, isNew = false): Promise<void> {
  if (!isNew) await manager.query('DELETE FROM person_search WHERE person_id = ?', [person.id])
  await manager.query('INSERT INTO person_search (person_id, names, sounds) VALUES (?, ?, ?)', [
    person.id,
    nameTokens(person.givenName, person.familyName).join(' '),
    soundKeysOf(person.givenName, person.familyName).join(' ')
  ])
}

/**
 * An FTS5 MATCH expression in which every query word must match a name word: as the start of it
 * (typing as you go), or by sounding alike for words of three letters or more. Tokens hold only
 * [a-z0-9] (see names.ts), so quoting them is enough to keep the expression well formed.
 */
export function nameMatchExpression(tokens: string[]): string {
  return tokens
    .map((t) => {
      const alternatives = [`names:"${t}"*`]
      if (t.length >= 3) for (const k of soundKeys(t)) alternatives.push(`sounds:"${k}"`)
      return `(${alternatives.join(' OR ')})`
    })
    .join(' AND ')
}

/** Brings literal name matches ahead of sound-alike ones (bm25 weights: names 10, sounds 1). */
export const NAME_RANK = 'bm25(person_search, 0, 10, 1)'
export const SEARCH_TABLE = 'person_search'

type Queryable = Pick<EntityManager, 'query'>

/**
 * bm25 also favours short documents, which would put an unnamed unborn baby above a named person.
 * People read a list of names alphabetically, so: every word typed matching a name as written
 * first, sound-alikes after, each group by last then first name.
 */
function orderByName(rows: HitRow[], tokens: string[]): HitRow[] {
  const literal = (h: HitRow) => {
    const words = nameTokens(h.givenName, h.familyName)
    return tokens.every((t) => words.some((w) => w.startsWith(t))) ? 0 : 1
  }
  const collator = new Intl.Collator('en-GB', { sensitivity: 'base' })
  return rows
    .map((h) => ({ h, tier: literal(h) }))
    .sort((a, b) => a.tier - b.tier || collator.compare(a.h.familyName, b.h.familyName) || collator.compare(a.h.givenName ?? '\uffff', b.h.givenName ?? '\uffff'))
    .map((x) => x.h)
}

/** The columns a search result or duplicate match shows, over person p joined to family f. */
const HIT_COLUMNS = `p.id AS personId, p.family_id AS familyId, p.kind AS kind, p.given_name AS givenName,
  p.family_name AS familyName, p.date_of_birth AS dateOfBirth, p.expected_date AS expectedDate,
  f.reference AS familyReference, f.address_line1 AS addressLine1, f.town AS town, f.postcode AS postcode`

export interface HitRow {
  personId: string
  familyId: string
  kind: 'adult' | 'child' | 'unborn'
  givenName: string | null
  familyName: string
  dateOfBirth: string | null
  expectedDate: string | null
  familyReference: string
  addressLine1: string
  town: string
  postcode: string
}

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
  /** Name words to order the rows by (see orderByName), when the query is a name search. */
  nameTokens: string[]
}

/** The one statement a people search runs: the benchmark runs it through raw sqlite3 too. */
export function buildPeopleQuery(filter: PeopleFilter, limit: number): SqlQuery | null {
  const where: string[] = []
  const params: unknown[] = []
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
  if (filter.nameTokens.length > 0) {
    const and = where.map((w) => ` AND ${w}`).join('')
    return {
      sql: `SELECT ${HIT_COLUMNS} FROM ${SEARCH_TABLE} s JOIN person p ON p.id = s.person_id JOIN family f ON f.id = p.family_id
       WHERE ${SEARCH_TABLE} MATCH ?${and} ORDER BY ${NAME_RANK} LIMIT ?`,
      params: [nameMatchExpression(filter.nameTokens), ...params, limit],
      nameTokens: filter.nameTokens
    }
  }
  if (where.length === 0) return null
  return {
    sql: `SELECT ${HIT_COLUMNS} FROM person p JOIN family f ON f.id = p.family_id
     WHERE ${where.join(' AND ')} ORDER BY p.family_name, p.given_name LIMIT ?`,
    params: [...params, limit],
    nameTokens: []
  }
}

export async function findPeople(db: Queryable, filter: PeopleFilter, limit: number): Promise<HitRow[]> {
  const query = buildPeopleQuery(filter, limit)
  if (!query) return []
  const rows = (await db.query(query.sql, query.params)) as HitRow[]
  return query.nameTokens.length > 0 ? orderByName(rows, query.nameTokens) : rows
}

export interface CandidateRow extends HitRow {
  nhsNumber: string | null
  upn: string | null
  postcodeKey: string
}

/** People who share an identifier or a date of birth with a new person: the duplicate candidates. */
export async function duplicateCandidates(db: Queryable, by: CandidateKeys): Promise<CandidateRow[]> {
  const query = buildCandidateQuery(by)
  return query ? ((await db.query(query.sql, query.params)) as CandidateRow[]) : []
}

export interface CandidateKeys {
  nhsNumber: string | null
  upn: string | null
  dateOfBirth: string | null
}

export function buildCandidateQuery(by: CandidateKeys): Omit<SqlQuery, 'nameTokens'> | null {
  const ors: string[] = []
  const params: unknown[] = []
  if (by.nhsNumber) { ors.push('p.nhs_number = ?'); params.push(by.nhsNumber) }
  if (by.upn) { ors.push('p.upn = ?'); params.push(by.upn) }
  if (by.dateOfBirth) { ors.push('p.date_of_birth = ?'); params.push(by.dateOfBirth) }
  if (ors.length === 0) return null
  return {
    sql: `SELECT ${HIT_COLUMNS}, p.nhs_number AS nhsNumber, p.upn AS upn, f.postcode_key AS postcodeKey
     FROM person p JOIN family f ON f.id = p.family_id WHERE ${ors.join(' OR ')} LIMIT 200`,
    params
  }
}
