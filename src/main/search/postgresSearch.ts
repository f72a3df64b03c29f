// PostgreSQL's people-search index (SearchIndex, searchIndex.ts): the one place that speaks its
// search SQL. Each person's entry (searchEntry.ts, the same as SQLite's) is a row of person_search,
// and each of its words a row of person_search_token (field: names, sounds or household), under a
// b-tree on (field, token text_pattern_ops). A word typed is looked up with LIKE 'smi%', which the
// planner turns into a range of that index whatever the server's collation, and estimates from the
// column's statistics (a range written by hand would be guessed at, and a rare name would then be
// looked for by walking every entry in name order). A name phase (nameRules.ts) is the same set
// algebra FTS5 does: the words of an alternative intersected, a term's alternatives joined, a
// phase's terms intersected, less what the phase before found. Tables and indexes: migration
// 1764000000020. No extension is needed (pg_trgm would need CREATE EXTENSION, which the app's role
// may not be granted).
import type { EntityManager } from 'typeorm'
import type { RestrictedViewer } from '../families/restrictedViewer'
import { namePhases, phaseConditions, type EntryColumn } from './nameRules'
import { changedEntries, districtPlace, nameAlternatives, searchEntry, type SearchEntry } from './searchEntry'
import { detailConditions, HIT_COLUMNS, narrows, referenceThenDistrict, type Conditions, type PeopleFilter, type SearchPhase, type SqlQuery } from './searchSql'
import type { SearchIndex } from './searchIndex'
import { queryLater } from '../core/postgresHeldWrites'

type Queryable = Pick<EntityManager, 'query'>

export const ENTRY_TABLE = 'person_search'
export const TOKEN_TABLE = 'person_search_token'
const FIELDS: EntryColumn[] = ['names', 'sounds', 'household']

// ---- Writing entries

/** Rewrites the entries that differ of the household `where` names (one parameter). */
async function indexMembers(manager: Queryable, where: string, param: string): Promise<void> {
  const rows = (await manager.query(
    `SELECT p.id, p.given_name AS "givenName", p.family_name AS "familyName", f.postcode_key AS "postcodeKey", s.person_id AS "entryOf",
       s.sort_key AS "sortKey", s.names, s.sounds, s.household, s.place
     FROM person p JOIN family f ON f.id = p.family_id LEFT JOIN ${ENTRY_TABLE} s ON s.person_id = p.id
     WHERE ${where}`,
    [param]
  )) as (SearchEntry & { id: string; givenName: string | null; familyName: string; postcodeKey: string; entryOf: string | null })[]
  const changed = changedEntries(rows.map((m) => ({ ...m, stored: m.entryOf === null ? null : m })))
  if (changed.length)
    await writeEntries(
      manager,
      changed.map(({ member, entry }) => ({ personId: member.id, entry })),
      // Only people who had an entry have words to take away: a family just registered has none.
      changed.filter(({ member }) => member.entryOf !== null).map(({ member }) => member.id)
    )
}

/**
 * Writes these entries and their words, replacing those the people `replaced` names had: a few
 * statements however many people. Nothing here is read back, so inside a write on PostgreSQL they go
 * with the transaction's next round trip (../core/postgresHeldWrites).
 */
async function writeEntries(db: Queryable, entries: { personId: string; entry: SearchEntry }[], replaced: string[]): Promise<void> {
  const ids = entries.map((e) => e.personId)
  const column = (name: keyof SearchEntry) => entries.map((e) => e.entry[name])
  await queryLater(
    db,
    `INSERT INTO ${ENTRY_TABLE} (person_id, sort_key, names, sounds, household, place)
     SELECT * FROM unnest(?::varchar[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
     ON CONFLICT (person_id) DO UPDATE SET sort_key = EXCLUDED.sort_key, names = EXCLUDED.names, sounds = EXCLUDED.sounds,
       household = EXCLUDED.household, place = EXCLUDED.place`,
    [ids, column('sortKey'), column('names'), column('sounds'), column('household'), column('place')]
  )
  if (replaced.length) await queryLater(db, `DELETE FROM ${TOKEN_TABLE} WHERE person_id = ANY(?::varchar[])`, [replaced])
  const tokens = { personId: [] as string[], field: [] as string[], token: [] as string[], sortKey: [] as string[] }
  for (const { personId, entry } of entries) {
    for (const field of FIELDS) {
      // An entry's column holds its words joined by one space (searchEntry).
      for (const token of entry[field] ? entry[field].split(' ') : []) {
        tokens.personId.push(personId)
        tokens.field.push(field)
        tokens.token.push(token)
        tokens.sortKey.push(entry.sortKey)
      }
    }
  }
  if (tokens.token.length) {
    await queryLater(db, `INSERT INTO ${TOKEN_TABLE} (person_id, field, token, sort_key) SELECT * FROM unnest(?::varchar[], ?::text[], ?::text[], ?::text[])`, [
      tokens.personId,
      tokens.field,
      tokens.token,
      tokens.sortKey
    ])
  }
}

/** People written at once while the index is built from those on record. */
const REBUILD_BATCH = 1000

/**
 * Builds the index from the people on record, household by household, replacing any entry it
 * finds: migration 1764000000020 runs it, and so can a copy of a hub's people into this database.
 */
export async function rebuildPostgresSearch(db: Queryable): Promise<void> {
  const people = (await db.query(
    `SELECT p.id, p.family_id AS "familyId", p.given_name AS "givenName", p.family_name AS "familyName", f.postcode_key AS "postcodeKey"
     FROM person p JOIN family f ON f.id = p.family_id ORDER BY p.family_id, p.id`
  )) as { id: string; familyId: string; givenName: string | null; familyName: string; postcodeKey: string }[]
  let batch: { personId: string; entry: SearchEntry }[] = []
  // Anyone may already have words (a rebuild replaces what is there): each person's are replaced.
  const writeBatch = () =>
    writeEntries(
      db,
      batch,
      batch.map((e) => e.personId)
    )
  for (let i = 0; i < people.length;) {
    let end = i
    while (end < people.length && people[end]!.familyId === people[i]!.familyId) end++
    const household = people.slice(i, end)
    for (const person of household) {
      const others = household.filter((o) => o.id !== person.id).map((o) => o.familyName)
      batch.push({ personId: person.id, entry: searchEntry(person, others, person.postcodeKey) })
    }
    if (batch.length >= REBUILD_BATCH) {
      await writeBatch()
      batch = []
    }
    i = end
  }
  if (batch.length) await writeBatch()
}

// ---- Asking it

/** Alphabetical as SQLite's NOCASE sorts (ASCII letters folded, then byte order), whatever the server's collation. */
const BY_NAME = 'lower(p.family_name COLLATE "C"), p.given_name IS NULL, lower(p.given_name COLLATE "C"), p.date_of_birth NULLS FIRST'

interface SetSql {
  sql: string
  params: unknown[]
  /** A union's sets, for where it is only probed (IN, NOT EXISTS) and its repeats do no harm. */
  anyOf?: SetSql[]
}

/**
 * The people (person_id, sort_key) with a word in one of these fields: starting with `word`, or
 * exactly it. Words hold only [a-z0-9] (names.ts): nothing in one is a wildcard.
 */
function wordSet(fields: EntryColumn[], word: string, prefix: boolean): SetSql {
  const inFields = fields.length === 1 ? 'field = ?' : `field IN (${fields.map(() => '?').join(', ')})`
  return {
    sql: `SELECT person_id, sort_key FROM ${TOKEN_TABLE} WHERE ${inFields} AND token ${prefix ? 'LIKE' : '='} ?`,
    params: [...fields, prefix ? `${word}%` : word]
  }
}

/**
 * The people in all of these sets, or in any. All: the first set's people who are IN each of the
 * others, a join rather than INTERSECT, which hashes every row of every set however small the others
 * are; as a join the planner starts from the smallest (from none at all when a word typed matches
 * nobody, as "kate" in "kate smith" when no one is called Kate) and probes the others. Any: UNION,
 * whose hashing of a few thousand rows costs less than the parallel workers UNION ALL is planned with
 * where it is read out, but UNION ALL where it is only probed (`probed`), as the join makes its
 * people distinct again. A person may be in the answer more than once: it is made distinct where it is read out.
 */
function combine(sets: SetSql[], operator: 'INTERSECT' | 'UNION'): SetSql {
  if (sets.length === 1) return sets[0]!
  const params = sets.flatMap((s) => s.params)
  if (operator === 'UNION') return { sql: sets.map((s) => `(${s.sql})`).join(' UNION '), params, anyOf: sets }
  const [first, ...rest] = sets
  return {
    sql: `SELECT person_id, sort_key FROM (${first!.sql}) a WHERE ${rest.map((s) => `person_id IN (SELECT person_id FROM (${probed(s)}) b)`).join(' AND ')}`,
    params
  }
}

/** A set's SQL where only whether a person is in it matters (the same parameters, in the same order). */
const probed = (set: SetSql): string => (set.anyOf ? set.anyOf.map((s) => `(${s.sql})`).join(' UNION ALL ') : set.sql)

/** The people in `set` and not in `less`: an anti-join, for the reason combine's sets are joined. */
function without(set: SetSql, less: SetSql): SetSql {
  return {
    sql: `SELECT person_id, sort_key FROM (${set.sql}) a WHERE NOT EXISTS (SELECT 1 FROM (${probed(less)}) b WHERE b.person_id = a.person_id)`,
    params: [...set.params, ...less.params]
  }
}

type Phase = ReturnType<typeof namePhases>[number]

/** The people a phase finds: all its terms, each by any of its alternatives, each of those by all its words. */
function phaseSet(phase: Phase): SetSql {
  return combine(
    phase.map((alternatives) =>
      combine(
        alternatives.map((a) =>
          combine(
            a.words.map((w) => wordSet(a.columns, w, a.prefix)),
            'INTERSECT'
          )
        ),
        'UNION'
      )
    ),
    'INTERSECT'
  )
}

/** Each phase's people as a set, less those the phase before found (it holds them all: nameRules.ts), in the order they are shown. */
function nameSets(tokens: string[]): SetSql[] {
  const phases = namePhases(tokens).map(phaseSet)
  return phases.map((set, i) => (i === 0 ? set : without(set, phases[i - 1]!)))
}

/** A district's people (person_id, sort_key), by the place their entries hold (placeOf). */
const placeSet = (district: string): SetSql => ({ sql: `SELECT person_id, sort_key FROM ${ENTRY_TABLE} WHERE place = ?`, params: [districtPlace(district)] })

/** A district's people with a name and a date, postcode, identifier or reference: by their entries' place, as above. */
const placeIs = (district: string): Conditions => ({ where: ['s.place = ?'], params: [districtPlace(district)] })

/**
 * A district's families alone, in postcode order: as SQLite's (sqliteSearch.ts), its outward code
 * and an inward code of three characters, compared byte by byte ("~" after every letter and digit)
 * along migration 1764000000020's index of postcode keys in that order, whatever the collation.
 */
function postcodeRange(district: string): Conditions {
  return {
    where: ['f.postcode_key COLLATE "C" >= ? AND f.postcode_key COLLATE "C" < ? AND length(f.postcode_key) = ?'],
    params: [district, `${district}~`, district.length + 3]
  }
}

function buildPeopleQueries(filter: PeopleFilter, viewer: RestrictedViewer | null = null): SearchPhase[] {
  if (filter.reference && filter.postcodeDistrict) return referenceThenDistrict(filter, (f) => buildPeopleQueries(f, viewer))
  const { where, params } = detailConditions(filter, viewer, filter.nameTokens.length > 0 ? placeIs : postcodeRange)
  const and = where.map((w) => ` AND ${w}`).join('')
  const entries = `person p JOIN family f ON f.id = p.family_id JOIN ${ENTRY_TABLE} s ON s.person_id = p.id`
  if (filter.nameTokens.length > 0 && narrows(filter)) {
    // As on SQLite: the people a date, identifier, postcode or reference finds, the name matched on
    // their entries by nameRules.ts's conditions, ranked by the statement, only the page read out.
    const { matches, place } = phaseConditions(namePhases(filter.nameTokens), 's')
    return [
      (limit: number) => ({
        sql: `SELECT ${HIT_COLUMNS} FROM ${entries} WHERE true${and} AND (${matches.sql}) ORDER BY ${place.sql}, ${BY_NAME} LIMIT ?`,
        params: [...params, ...matches.params, ...place.params, limit]
      })
    ]
  }
  if (filter.nameTokens.length > 0) {
    // Names, perhaps in a district: each phase's people (with their sort keys) from the token index,
    // sorted there and cut to the page, so only the page is joined, as on SQLite. A viewer's
    // restriction (with a district: detailConditions) is the one condition left to the join, walked
    // in that order until the page is full.
    const open = detailConditions(filter, viewer, () => ({ where: [], params: [] }))
    const district = filter.postcodeDistrict ? placeSet(filter.postcodeDistrict) : null
    return nameSets(filter.nameTokens).map((phase) => (limit: number) => {
      const set = district ? combine([phase, district], 'INTERSECT') : phase
      const matches = `SELECT DISTINCT person_id, sort_key FROM (${set.sql}) m`
      return open.where.length
        ? {
            sql: `SELECT ${HIT_COLUMNS} FROM (${matches}) m JOIN person p ON p.id = m.person_id JOIN family f ON f.id = p.family_id
             WHERE ${open.where.join(' AND ')} ORDER BY m.sort_key, m.person_id LIMIT ?`,
            params: [...set.params, ...open.params, limit]
          }
        : {
            sql: `SELECT ${HIT_COLUMNS} FROM (${matches} ORDER BY sort_key, person_id LIMIT ?) m JOIN person p ON p.id = m.person_id JOIN family f ON f.id = p.family_id
             ORDER BY m.sort_key, m.person_id`,
            params: [...set.params, limit]
          }
    })
  }
  if (where.length === 0) return []
  // A district alone: its families in postcode order, each family's people together.
  const order = filter.postcodeDistrict ? `f.postcode_key COLLATE "C", f.reference COLLATE "C", ${BY_NAME}` : BY_NAME
  return [
    (limit: number) => ({
      sql: `SELECT ${HIT_COLUMNS} FROM person p JOIN family f ON f.id = p.family_id WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`,
      params: [...params, limit]
    })
  ]
}

function restrictedNameQuery(names: { givenName: string; familyName: string }, viewer: RestrictedViewer): SqlQuery | null {
  const either = (name: string): SetSql | null => {
    const { names: words, sounds } = nameAlternatives(name)
    const sets = [...words.map((w) => wordSet(['names'], w, false)), ...sounds.map((k) => wordSet(['sounds'], k, false))]
    return sets.length ? combine(sets, 'UNION') : null
  }
  const given = either(names.givenName.split(/\s+/)[0] ?? '')
  const family = either(names.familyName)
  if (!given || !family) return null
  const both = combine([given, family], 'INTERSECT')
  return {
    sql: `SELECT ${HIT_COLUMNS} FROM person p JOIN family f ON f.id = p.family_id
     WHERE p.id IN (SELECT person_id FROM (${both.sql}) m) AND f.restricted AND NOT EXISTS (SELECT 1 FROM family_access fa WHERE fa.family_id = f.id AND fa.user_id = ? AND fa.revoked_at IS NULL)
     ORDER BY ${BY_NAME} LIMIT 50`,
    params: [...both.params, viewer.userId ?? '']
  }
}

export const POSTGRES_SEARCH: SearchIndex = { indexMembers, peopleQueries: buildPeopleQueries, restrictedNameQuery }
