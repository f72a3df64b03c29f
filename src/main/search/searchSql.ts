// The SQL people search and the duplicate check run as written on either engine, and the shapes
// of what they answer: each engine's module (sqliteSearch.ts, postgresSearch.ts) adds how its own
// index matches names, and its own ordering and district lookups, around these.
import type { SearchHit } from '../../shared/search/schemas'
import { openToViewer, type RestrictedViewer } from '../families/restrictedViewer'

/** The columns a search result or duplicate match shows, over person p joined to family f. */
export const HIT_COLUMNS = `p.id AS "personId", p.family_id AS "familyId", p.kind AS kind, p.given_name AS "givenName",
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

/** One phase of a search: its statement, given how many rows are still wanted. */
export type SearchPhase = (limit: number) => SqlQuery

export interface Conditions {
  where: string[]
  params: unknown[]
}

/**
 * The conditions on person p and family f of what was typed besides a name, each engine saying how
 * a district is looked up. Names and references are what a viewer who may not open every restricted
 * family may see of one; any other detail typed is matched only against families open to them
 * (applied before matching, not after).
 */
export function detailConditions(filter: PeopleFilter, viewer: RestrictedViewer | null, district: (district: string) => Conditions): Conditions {
  const where: string[] = []
  const params: unknown[] = []
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
    const inDistrict = district(filter.postcodeDistrict)
    where.push(...inDistrict.where)
    params.push(...inDistrict.params)
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
  return { where, params }
}

/** A date, an identifier, a postcode or a reference: each narrows a search to a handful of people, found first. */
export const narrows = (filter: PeopleFilter) => Boolean(filter.date || filter.postcodeKey || filter.nhsNumber || filter.upn || filter.reference)

export interface CandidateRow extends HitRow {
  nhsNumber: string | null
  upn: string | null
  postcodeKey: string
  sex: string | null
}

export interface CandidateKeys {
  nhsNumber: string | null
  upn: string | null
  dateOfBirth: string | null
}

/**
 * Every person sharing one of the keys, uncut: hundreds may share a date of birth (1 January), and
 * a cut made before the names are judged (duplicates.ts) could drop the one that matches. Each key
 * has its own index on both engines.
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

/** Text that is both a family reference and a district (LS1): the family's statements first, then the district's. */
export function referenceThenDistrict(filter: PeopleFilter, build: (filter: PeopleFilter) => SearchPhase[]): SearchPhase[] {
  return [...build({ ...filter, postcodeDistrict: null }), ...build({ ...filter, reference: null })]
}
