// On PostgreSQL, people search and the duplicate check each use an index (postgresSearch.ts and
// migration 1764000000020), as src/main/core/queryPlans.test.ts asserts for SQLite: never a
// sequential scan of the people, their families or the search index, so that a lost or unused index
// fails here rather than at a reception desk. The statements are the app's own, from the builders
// the services run; the plans are the server's, on a database of some 28,000 people with its
// statistics gathered and its visibility map set (VACUUM ANALYZE), as autovacuum keeps a hub's server.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'
import { okaforFamily } from '../testing/fixtures'
import { FamilyGenerator } from '../seed/generator'
import { postcodeKey } from '../../shared/identifiers/postcode'
import { registerFamilyInput } from '../../shared/families/schemas'
import { todayIso } from '../../shared/dates'
import { FamilyEntity, PersonEntity, type FamilyRow, type PersonRow } from '../families/entities'
import { formatReference, parseQuery } from './parseQuery'
import { POSTGRES_SEARCH, rebuildPostgresSearch } from './postgresSearch'
import { buildCandidateQuery, type SqlQuery } from './searchSql'

let t: TempCasebook
let people = 0

/** Rows written at once: well under PostgreSQL's 65,535 parameters a statement. */
const CHUNK = 400

/**
 * The seed's synthetic families, written as plain rows (no audit entries, no search entries), then
 * the search index built from them as migration 1764000000020 builds it: thousands of people in
 * seconds, where registering each would take minutes.
 */
async function seedRows(families: number): Promise<number> {
  const generator = new FamilyGenerator(13, todayIso())
  const now = '2026-01-01T09:00:00.000Z'
  const familyRows: FamilyRow[] = []
  const personRows: PersonRow[] = []
  for (let n = 1; n <= families; n++) {
    const input = registerFamilyInput.parse(generator.family())
    const id = randomUUID()
    familyRows.push({
      id,
      reference: formatReference('SD', n),
      addressLine1: input.family.addressLine1,
      addressLine2: null,
      town: input.family.town,
      postcode: input.family.postcode,
      postcodeKey: postcodeKey(input.family.postcode),
      phone: null,
      email: null,
      mainLanguage: input.family.mainLanguage,
      interpreterNeeded: false,
      heardAbout: null,
      registeredAt: now,
      registeredByUserId: null,
      restricted: false,
      updatedAt: now,
      version: 1
    })
    for (const { member: m } of input.members) {
      const child = m.kind === 'child'
      personRows.push({
        id: randomUUID(),
        familyId: id,
        kind: m.kind,
        givenName: m.givenName ?? null,
        familyName: m.familyName,
        dateOfBirth: m.kind === 'unborn' ? null : (m.dateOfBirth ?? null),
        expectedDate: m.kind === 'unborn' ? (m.expectedDate ?? null) : null,
        sex: m.sex ?? null,
        ethnicity: m.ethnicity ?? null,
        nhsNumber: m.nhsNumber ?? null,
        upn: child ? (m.upn ?? null) : null,
        upnUnknown: null,
        school: null,
        gpPractice: null,
        relationship: m.kind === 'adult' ? 'PARENT_CARER' : null,
        parentalResponsibility: null,
        createdAt: now,
        updatedAt: now,
        version: 1
      })
    }
  }
  const db = t.casebook.core.db
  for (let i = 0; i < familyRows.length; i += CHUNK) await db.manager.insert(FamilyEntity, familyRows.slice(i, i + CHUNK))
  for (let i = 0; i < personRows.length; i += CHUNK) await db.manager.insert(PersonEntity, personRows.slice(i, i + CHUNK))
  await rebuildPostgresSearch(db)
  return personRows.length
}

beforeAll(async () => {
  t = await tempCasebook('search-plans')
  people = await seedRows(10_000)
  await t.ok('families.register', okaforFamily())
  // Statistics and the visibility map, as autovacuum keeps them on a hub's server: a word's people are then read from the index alone.
  await t.casebook.core.db.query('VACUUM ANALYZE')
}, 180_000)
afterAll(async () => {
  await t.dispose()
})

interface PlanNode {
  'Node Type': string
  'Relation Name'?: string
  'Index Name'?: string
  Plans?: PlanNode[]
}

/** Each step of the plan, as `Node Type [on relation] [using index]`. */
async function explain(query: SqlQuery): Promise<string[]> {
  const [row] = (await t.casebook.core.db.query(`EXPLAIN (FORMAT JSON) ${query.sql}`, query.params)) as { 'QUERY PLAN': { Plan: PlanNode }[] }[]
  const steps: string[] = []
  const walk = (node: PlanNode) => {
    steps.push(
      [node['Node Type'], node['Relation Name'] && `on ${node['Relation Name']}`, node['Index Name'] && `using ${node['Index Name']}`].filter(Boolean).join(' ')
    )
    for (const child of node.Plans ?? []) walk(child)
  }
  walk(row!['QUERY PLAN'][0]!.Plan)
  return steps
}

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
