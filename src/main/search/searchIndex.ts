// The people-search index, whichever database the core has: SQLite's FTS5 table (sqliteSearch.ts)
// or PostgreSQL's token table (postgresSearch.ts), one SearchIndex each, chosen by the engine. Both
// read the same rules (searchEntry.ts, names.ts, nameRules.ts, nicknames.ts) and find the same
// people in the same order; only how each engine's index is written and asked differs. The services
// call the functions here and never name an engine.
import type { EntityManager } from 'typeorm'
import { dialectOf } from '../core/dialect'
import type { RestrictedViewer } from '../families/restrictedViewer'
import type { IndexedNames } from './searchEntry'
import { buildCandidateQuery, type CandidateKeys, type CandidateRow, type HitRow, type PeopleFilter, type SearchPhase, type SqlQuery } from './searchSql'
import { SQLITE_SEARCH } from './sqliteSearch'
import { POSTGRES_SEARCH } from './postgresSearch'

export type { CandidateKeys, CandidateRow, HitRow, PeopleFilter, SearchPhase, SqlQuery } from './searchSql'

type Queryable = Pick<EntityManager, 'query'>

export interface SearchIndex {
  /** Rewrites the entries that differ of every current member of the household that `where` (one parameter, over person p) names. */
  indexMembers(manager: Queryable, where: string, param: string): Promise<void>
  /** The statements a people search runs, in order; their rows are shown in that order until the page is full. */
  peopleQueries(filter: PeopleFilter, viewer: RestrictedViewer | null): SearchPhase[]
  /** People on restricted families the viewer may not open whose first and last names sound like these; null when a name has no words. */
  restrictedNameQuery(names: { givenName: string; familyName: string }, viewer: RestrictedViewer): SqlQuery | null
}

/** A data source, manager or query runner: its engine says which index it has. */
type Database = Queryable & Parameters<typeof dialectOf>[0]

export function searchIndexOf(db: Parameters<typeof dialectOf>[0]): SearchIndex {
  return dialectOf(db) === 'postgres' ? POSTGRES_SEARCH : SQLITE_SEARCH
}

/**
 * Indexes a person just written, with the rest of their household (whose entries hold this
 * person's surname). `_isNew` is no longer needed: entries are found by person.
 */
export async function indexPerson(manager: EntityManager, person: IndexedNames, _isNew = false): Promise<void> {
  await searchIndexOf(manager).indexMembers(manager, 'p.family_id = (SELECT family_id FROM person WHERE id = ?)', person.id)
}

/**
 * Brings the entries of every current member of these households up to date: call it, in the
 * same transaction, whenever someone joins, leaves (moves out of) or is renamed in a household,
 * or a household moves home. Only entries that differ are rewritten.
 */
export async function indexHouseholds(manager: EntityManager, familyIds: string[]): Promise<void> {
  const index = searchIndexOf(manager)
  for (const familyId of new Set(familyIds)) await index.indexMembers(manager, 'p.family_id = ?', familyId)
}

export async function findPeople(db: Database, filter: PeopleFilter, limit: number, viewer: RestrictedViewer | null = null): Promise<HitRow[]> {
  const hits: HitRow[] = []
  const seen = new Set<string>()
  for (const phase of searchIndexOf(db).peopleQueries(filter, viewer)) {
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

/** People who share an identifier or a date of birth with a new person: the duplicate candidates (the same SQL on either engine). */
export async function duplicateCandidates(db: Queryable, by: CandidateKeys, viewer: RestrictedViewer | null = null): Promise<CandidateRow[]> {
  const query = buildCandidateQuery(by, viewer)
  return query ? ((await db.query(query.sql, query.params)) as CandidateRow[]) : []
}

/**
 * People on restricted families the viewer may not open whose names sound like the new person's
 * (first and last): matched on names alone, which the viewer can see by searching anyway, so the
 * answer is the same whatever date of birth, NHS number or postcode was typed.
 */
export async function restrictedNameCandidates(db: Database, names: { givenName: string; familyName: string }, viewer: RestrictedViewer): Promise<HitRow[]> {
  const query = searchIndexOf(db).restrictedNameQuery(names, viewer)
  return query ? ((await db.query(query.sql, query.params)) as HitRow[]) : []
}
