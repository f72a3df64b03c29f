// On PostgreSQL, people search and the duplicate check each use an index (postgresSearch.ts and
// migration 1764000000020), as src/main/core/queryPlans.test.ts asserts for SQLite: never a
// sequential scan of the people, their families or the search index, so that a lost or unused index
// fails here rather than at a reception desk. The statements are the app's own, from the builders
// the services run; the plans are the server's, on a database of some 28,000 people with its
// statistics gathered and its visibility map set (VACUUM ANALYZE), as autovacuum keeps a hub's server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'
import { okaforFamily } from '../testing/fixtures'
import { seedRows } from '../testing/bulkRows'
import { explainPostgres } from '../testing/queryPlans'
import { parseQuery } from './parseQuery'
import { POSTGRES_SEARCH } from './postgresSearch'
import { buildCandidateQuery, type SqlQuery } from './searchSql'

let t: TempCasebook
let people = 0

beforeAll(async () => {
  t = await tempCasebook('search-plans')
  people = await seedRows(t.casebook.core.db, 10_000)
  await t.ok('families.register', okaforFamily())
  // Statistics and the visibility map, as autovacuum keeps them on a hub's server: a word's people are then read from the index alone.
  await t.casebook.core.db.query('VACUUM ANALYZE')
}, 180_000)
afterAll(async () => {
  await t.dispose()
})

const explain = (query: SqlQuery) => explainPostgres(t.casebook.core.db, query)

/** The tables a sequential scan of which would read every person, family or index entry. */
const WHOLE = /^Seq Scan on (person|family|person_search|person_search_token)$/

async function expectPlan(query: SqlQuery, uses: RegExp[]): Promise<void> {
  const plan = await explain(query)
  const shown = `${query.sql}\n  params: ${JSON.stringify(query.params)}\n  plan:\n    ${plan.join('\n    ')}`
  expect(
    plan.filter((step) => WHOLE.test(step)),
    `reads a whole table: ${shown}`
  ).toEqual([])
  for (const use of uses)
    expect(
      plan.some((step) => use.test(step)),
      `does not use ${use}: ${shown}`
    ).toBe(true)
}

const index = (name: string) => new RegExp(`using ${name}$`)
const TOKENS = index('idx_person_search_token')

describe('people search on PostgreSQL: every kind of search, each of its phases', () => {
  const searches: { kind: string; text: string; uses: RegExp[] }[] = [
    { kind: 'the start of a name', text: 'okaf', uses: [TOKENS] },
    { kind: 'a name', text: 'okafor', uses: [TOKENS] },
    { kind: 'two names', text: 'grace okafor', uses: [TOKENS] },
    { kind: 'a name that sounds like others', text: 'smyth', uses: [TOKENS] },
    { kind: 'a name and a date', text: 'okafor 3/7/2019', uses: [index('idx_person_dob')] },
    { kind: 'a name and a postcode', text: 'okafor B33 8TH', uses: [index('idx_family_postcode_key')] },
    { kind: 'a name and a district', text: 'okafor B33', uses: [TOKENS] },
    { kind: 'a district', text: 'B33', uses: [index('idx_family_postcode_key_bytes'), index('idx_person_family')] },
    { kind: 'a date alone', text: '3/7/2019', uses: [index('idx_person_dob'), index('idx_person_expected')] },
    { kind: 'a postcode', text: 'B33 8TH', uses: [index('idx_family_postcode_key')] },
    { kind: 'an NHS number', text: '943 476 5919', uses: [index('idx_person_nhs')] },
    { kind: 'a UPN', text: 'Q823456789012', uses: [index('idx_person_upn')] },
    { kind: 'a family reference', text: 'TH-000001', uses: [index('family_reference_key|.*reference.*')] }
  ]
  it('has enough people for the planner to prefer an index', () => {
    expect(people).toBeGreaterThan(3000)
  })
  for (const { kind, text, uses } of searches) {
    it(`${kind} ("${text}")`, async () => {
      const filter = parseQuery(text)
      const phases = POSTGRES_SEARCH.peopleQueries(filter, null)
      expect(phases.length, `"${text}" was understood as ${JSON.stringify(filter.understoodAs)}`).toBeGreaterThan(0)
      for (const phase of phases) await expectPlan(phase(25), uses)
    })
  }
})

describe('the duplicate check on PostgreSQL', () => {
  const keys = { nhsNumber: '9434765919', upn: 'Q823456789012', dateOfBirth: '2019-07-03' }
  const none = { nhsNumber: null, upn: null, dateOfBirth: null }
  it('looks each identifier and the date of birth up in its own index', async () => {
    await expectPlan(buildCandidateQuery({ ...none, nhsNumber: keys.nhsNumber })!, [index('idx_person_nhs')])
    await expectPlan(buildCandidateQuery({ ...none, upn: keys.upn })!, [index('idx_person_upn')])
    await expectPlan(buildCandidateQuery({ ...none, dateOfBirth: keys.dateOfBirth })!, [index('idx_person_dob')])
    await expectPlan(buildCandidateQuery(keys)!, [index('idx_person_nhs'), index('idx_person_upn'), index('idx_person_dob')])
  })

  it('finds sound-alike names on restricted families by the token index', async () => {
    await expectPlan(POSTGRES_SEARCH.restrictedNameQuery({ givenName: 'Kathryn', familyName: 'Okafor' }, { userId: 'someone' })!, [TOKENS])
  })
})
