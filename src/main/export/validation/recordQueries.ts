// The statements the rules are made of: each selects a kind of record, with its family and its
// episode, where a condition holds. Kept apart from the rule table so that the table reads as one.
import type { SqlDialect } from './dialect'
import { CURRENT_EPISODE } from './rule'

/** Each rule selects the record, its family and its episode (the runner looks up the family's reference for what it lists). */
export const person = (where: string) => `SELECT p.id AS record_id, p.family_id AS family_id, NULL AS episode_id FROM person p WHERE ${where}`

export const family = (where: string) => `SELECT f.id AS record_id, f.id AS family_id, NULL AS episode_id FROM family f WHERE ${where}`

/**
 * For a rule with `breaks`: the candidates, with `values` (the columns it reads) and nothing more,
 * since every row is read out of the database (there is no episode to name for these records).
 */
export const personCandidates = (where: string, values: string) => `SELECT p.id AS record_id, p.family_id AS family_id, ${values} FROM person p WHERE ${where}`

export const familyCandidates = (values: string) => `SELECT f.id AS record_id, f.id AS family_id, ${values} FROM family f`

/** Children in a family whose early-help episode is running: the children the census asks about. */
export const childOnEpisode = (where: string) =>
  `SELECT p.id AS record_id, p.family_id AS family_id, NULL AS episode_id
   FROM episode e JOIN person p ON p.family_id = e.family_id
   WHERE ${CURRENT_EPISODE} AND p.kind = 'child' AND ${where}`

export const consent = (where: string) => `SELECT c.id AS record_id, c.family_id AS family_id, NULL AS episode_id FROM consent c WHERE ${where}`

export const episode = (where: string, join = '') =>
  `SELECT e.id AS record_id, e.family_id AS family_id, e.id AS episode_id FROM episode e ${join} WHERE ${where}`

export const plan = (where: string) =>
  `SELECT pl.id AS record_id, pl.family_id AS family_id, pl.episode_id AS episode_id FROM family_plan pl JOIN episode e ON e.id = pl.episode_id WHERE ${where}`

export const review = (where: string, from = 'review r') =>
  `SELECT r.id AS record_id, r.family_id AS family_id, r.episode_id AS episode_id FROM ${from} WHERE ${where}`

export const note = (where: string) => `SELECT n.id AS record_id, n.family_id AS family_id, n.episode_id AS episode_id FROM case_note n WHERE ${where}`

export const request = (where: string) =>
  `SELECT r.id AS record_id, r.family_id AS family_id, r.episode_id AS episode_id FROM request_for_help r WHERE ${where}`

export const referral = (where: string, join = '', values = '') =>
  `SELECT o.id AS record_id, o.family_id AS family_id, o.episode_id AS episode_id${values} FROM outbound_referral o ${join} WHERE ${where}`

export const stepUp = (where: string) => `SELECT s.id AS record_id, s.family_id AS family_id, s.episode_id AS episode_id FROM step_up s WHERE ${where}`

/**
 * A date that may not be real: any but YYYY-MM-DD with a month 01 to 12 and a day 01 to 28, which
 * is real whatever the month. Only these few go to the shared date check (isRealIsoDate), which
 * decides; the rest of a hub's dates are never read out of the database.
 */
export const unsureDate = (d: SqlDialect, column: string) =>
  `(${column} IS NOT NULL AND NOT (${d.dateShaped(column)} AND substr(${column}, 6, 2) BETWEEN '01' AND '12' AND substr(${column}, 9, 2) BETWEEN '01' AND '28'))`

/** People sharing an identifier: the query groups on the identifier's own index. */
export const sharedIdentifier = (column: string) =>
  person(`p.${column} IN (SELECT d.${column} FROM person d WHERE d.${column} IS NOT NULL AND d.${column} <> '' GROUP BY d.${column} HAVING count(*) > 1)`)
