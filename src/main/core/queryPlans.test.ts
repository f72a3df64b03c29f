// The hot queries' plans: each must use the index it was written for, and none may read a whole
// table, so that a lost or unused index fails here rather than at a reception desk. The SQL is the
// app's own: from the builders the services run (search, the duplicate check, the caseload lists,
// the audit trail), or recorded as a real call ran it (the chronology, the duplicate check's own
// lookups). Plans come from SQLite's planner without statistics, as the app runs it (it never
// runs ANALYZE): if the app starts to, this test must too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type { auditListInput } from '../../shared/audit/schemas'
import type { Connection } from './casebook'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { okaforFamily } from '../testing/fixtures'
import { signedInUser } from '../testing/accounts'
import { explain, fullScans, statementsRun, tablesRead } from '../testing/queryPlans'
import { seedFamilies } from '../seed/seed'
import { buildPeopleQueries } from '../search/sqliteSearch'
import { buildCandidateQuery, type SqlQuery } from '../search/searchSql'
import { parseQuery } from '../search/parseQuery'
import { buildCaseloadQueries } from '../earlyHelp/caseload'
import { buildAuditListQuery } from '../audit/list'

let t: TempCasebook
let pat: { connection: Connection; id: string }
let familyId: string
let quietFamilyId: string
let personId: string

beforeAll(async () => {
  t = await tempCasebook('query-plans')
  await seedFamilies(t.casebook, { families: 20 })
  const family = await t.ok('families.register', okaforFamily())
  familyId = family.id
  const view = await t.ok('families.get', { id: familyId })
  personId = view.members[0].id
  pat = await signedInUser(t, 'pat', 'practitioner')
  unwrap(
    await pat.connection.invoke('episodes.open', {
      familyId,
      openedOn: '2026-01-05',
      leadUserId: pat.id,
      reason: 'Housing worries',
      headlines: ['HOUSING'],
      consentId: 'new',
      consentGivenById: personId,
      consentMethod: 'VERBAL',
      consentGivenOn: '2026-01-05'
    })
  )
  await t.ok('notes.add', { familyId, occurredOn: '2026-01-06', occurredAt: '10:00', type: 'PHONE_CALL', text: 'Spoke to mum.', peopleIds: [personId] })
  // A family with no episode: the chronology of a family reception only registered.
  const [quiet] = (await t.casebook.core.db.query(`SELECT id FROM family WHERE id != ? LIMIT 1`, [familyId])) as { id: string }[]
  quietFamilyId = quiet!.id
})
afterAll(async () => {
  await t.dispose()
})

/** A step that looks rows up by `index` (or reads them from it alone, COVERING), constrained `on`. */
const search = (alias: string, index: string, on: string) =>
  expect.stringMatching(new RegExp(`^SEARCH ${alias} USING (COVERING )?INDEX ${index} \\(${on.replace(/[()?=]/g, '\\$&')}\\)`))
// A table whose key is text has its primary key in sqlite_autoindex_<table>_1, and its next
// UNIQUE constraint in _2 (family.reference).
const PERSON_BY_ID = search('p', 'sqlite_autoindex_person_1', 'id=?')
const FAMILY_BY_ID = search('f', 'sqlite_autoindex_family_1', 'id=?')
const FAMILY_BY_REFERENCE = search('f', 'sqlite_autoindex_family_2', 'reference=?')
const PEOPLE_OF_FAMILY = search('p', 'idx_person_family', 'family_id=?')
/** FTS5 answering a MATCH from its own index (`M`), whether the table is named or aliased. */
const NAME_INDEX = expect.stringMatching(/^SCAN (person_search|s) VIRTUAL TABLE INDEX \d+:M/)
/** An index entry read by its rowid (`=`), found through person_search_row: the name is matched on the few a date or postcode found. */
const ENTRY_BY_ROWID = [search('r', 'sqlite_autoindex_person_search_row_1', 'person_id=?'), expect.stringMatching(/^SCAN s VIRTUAL TABLE INDEX \d+:=$/)]

/** The statement's plan uses each of `uses`, and reads no table or index whole. */
async function expectPlan(query: SqlQuery, uses: unknown[]): Promise<string[]> {
  const plan = await explain(t.casebook.core.db, query)
  const shown = `${query.sql}\n  plan:\n    ${plan.join('\n    ')}`
  expect(plan, shown).toEqual(expect.arrayContaining(uses))
  expect(fullScans(plan), `reads a whole table or index: ${shown}`).toEqual([])
  return plan
}

describe('people search: every kind of search, each of its phases', () => {
  const searches: { kind: string; text: string; uses: unknown[] }[] = [
    { kind: 'a name', text: 'okafor', uses: [NAME_INDEX, PERSON_BY_ID, FAMILY_BY_ID] },
    { kind: 'two names', text: 'grace okafor', uses: [NAME_INDEX, PERSON_BY_ID, FAMILY_BY_ID] },
    // The date or postcode first (issue 12: the name and date search was 22 ms p95), then the name on each found.
    { kind: 'a name and a date', text: 'okafor 3/7/2019', uses: [search('p', 'idx_person_dob', 'date_of_birth=?'), FAMILY_BY_ID, ...ENTRY_BY_ROWID] },
    {
      kind: 'a name and a two-digit date',
      text: 'catherine 3/7/19',
      uses: [search('p', 'idx_person_dob', 'date_of_birth=?'), FAMILY_BY_ID, ...ENTRY_BY_ROWID]
    },
    {
      kind: 'a name and a postcode',
      text: 'okafor B33 8TH',
      uses: [search('f', 'idx_family_postcode_key', 'postcode_key=?'), PEOPLE_OF_FAMILY, ...ENTRY_BY_ROWID]
    },
    { kind: 'a name and a district', text: 'okafor B33', uses: [NAME_INDEX, PERSON_BY_ID, FAMILY_BY_ID] },
    {
      kind: 'a district',
      text: 'B33',
      uses: [search('f', 'idx_family_postcode_key', 'postcode_key>? AND postcode_key<?'), PEOPLE_OF_FAMILY]
    },
    {
      kind: 'a date alone',
      text: '3/7/2019',
      uses: [search('p', 'idx_person_dob', 'date_of_birth=?'), search('p', 'idx_person_expected', 'expected_date=?'), FAMILY_BY_ID]
    },
    { kind: 'a postcode', text: 'B33 8TH', uses: [search('f', 'idx_family_postcode_key', 'postcode_key=?'), PEOPLE_OF_FAMILY] },
    { kind: 'an NHS number', text: '943 476 5919', uses: [search('p', 'idx_person_nhs', 'nhs_number=?'), FAMILY_BY_ID] },
    { kind: 'a UPN', text: 'Q823456789012', uses: [search('p', 'idx_person_upn', 'upn=?'), FAMILY_BY_ID] },
    { kind: 'a family reference', text: 'TH-000001', uses: [FAMILY_BY_REFERENCE, PEOPLE_OF_FAMILY] }
  ]
  for (const { kind, text, uses } of searches) {
    it(`${kind} ("${text}")`, async () => {
      const filter = parseQuery(text)
      const phases = buildPeopleQueries(filter)
      expect(phases.length, `"${text}" was understood as ${JSON.stringify(filter.understoodAs)}`).toBeGreaterThan(0)
      for (const phase of phases) await expectPlan(phase(25), uses)
    })
  }
})

describe('the duplicate check', () => {
  const keys = { nhsNumber: '9434765919', upn: 'Q823456789012', dateOfBirth: '2019-07-03' }
  const none = { nhsNumber: null, upn: null, dateOfBirth: null }
  it('looks each identifier and the date of birth up in its own index', async () => {
    await expectPlan(buildCandidateQuery({ ...none, nhsNumber: keys.nhsNumber })!, [search('p', 'idx_person_nhs', 'nhs_number=?'), FAMILY_BY_ID])
    await expectPlan(buildCandidateQuery({ ...none, upn: keys.upn })!, [search('p', 'idx_person_upn', 'upn=?'), FAMILY_BY_ID])
    await expectPlan(buildCandidateQuery({ ...none, dateOfBirth: keys.dateOfBirth })!, [search('p', 'idx_person_dob', 'date_of_birth=?'), FAMILY_BY_ID])
    await expectPlan(buildCandidateQuery(keys)!, [
      'MULTI-INDEX OR',
      search('p', 'idx_person_nhs', 'nhs_number=?'),
      search('p', 'idx_person_upn', 'upn=?'),
      search('p', 'idx_person_dob', 'date_of_birth=?'),
      FAMILY_BY_ID
    ])
  })

  it('reads nothing whole when a practitioner edits a person (decisions already made, restricted families)', async () => {
    const run = await statementsRun(t.casebook.core.db, async () => {
      const result = await pat.connection.invoke('people.checkDuplicates', {
        givenName: 'Grace',
        familyName: "O'Neill-Okafor",
        ...keys,
        postcode: 'B33 8TH',
        excludePersonId: personId
      })
      expect(result.ok, JSON.stringify(result)).toBe(true)
    })
    expect(run.flatMap((s) => tablesRead(s.sql))).toContain('duplicate_decision')
    for (const statement of run) await expectPlan(statement, [])
  })
})

describe('caseload lists', () => {
  const today = '2026-02-01'
  it('My caseload: the lead’s open episodes, by lead and status', async () => {
    const mine = buildCaseloadQueries({ leadUserId: pat.id, overdueOnly: false, page: null, viewer: { userId: pat.id } }, today)
    expect(mine.count).toBeNull()
    await expectPlan(mine.rows, [search('e', 'idx_episode_lead', 'lead_user_id=? AND status=?'), FAMILY_BY_ID])
  })

  it('sorted by family: the surname each household sorts by is read from its own people', async () => {
    const byFamily = buildCaseloadQueries({ leadUserId: null, overdueOnly: false, page: 1, sort: 'family', viewer: null }, today)
    await expectPlan(byFamily.rows, [search('e', 'idx_episode_status', 'status=?'), FAMILY_BY_ID, PEOPLE_OF_FAMILY])
  })

  for (const overdueOnly of [false, true]) {
    it(`All open episodes${overdueOnly ? ', overdue only' : ''}: a page, and the count, by status`, async () => {
      const page = buildCaseloadQueries({ leadUserId: null, overdueOnly, page: 2, viewer: null }, today)
      await expectPlan(page.rows, [search('e', 'idx_episode_status', 'status=?'), FAMILY_BY_ID])
      await expectPlan(page.count!, [search('e', 'idx_episode_status', 'status=?')])
      const oneLead = buildCaseloadQueries({ leadUserId: pat.id, overdueOnly, page: 1, viewer: null }, today)
      await expectPlan(oneLead.rows, [search('e', 'idx_episode_lead', 'lead_user_id=? AND status=?'), FAMILY_BY_ID])
      await expectPlan(oneLead.count!, [search('e', 'idx_episode_lead', 'lead_user_id=? AND status=?')])
    })
  }
})

describe('the chronology', () => {
  /** Every statement the chronology call runs on the read connection, each plan checked. */
  async function expectChronology(id: string, significantOnly: boolean): Promise<SqlQuery[]> {
    const run = await statementsRun(t.casebook.core.db, async () => {
      const result = await pat.connection.invoke('chronology.get', { familyId: id, significantOnly })
      expect(result.ok, JSON.stringify(result)).toBe(true)
    })
    for (const statement of run) await expectPlan(statement, [])
    return run
  }
  /** The steps of every statement in `run` that reads `table`. */
  const readingOf = async (run: SqlQuery[], table: string) => {
    const steps: string[] = []
    for (const statement of run.filter((s) => tablesRead(s.sql).includes(table))) steps.push(...(await explain(t.casebook.core.db, statement)))
    return steps
  }

  it('of a family with an episode: each record by family, each person and lead by id', async () => {
    const run = await expectChronology(familyId, false)
    expect(await readingOf(run, 'case_note')).toContainEqual(search('CaseNote', 'idx_case_note_family', 'family_id=?'))
    expect(await readingOf(run, 'family_membership')).toContainEqual(search('FamilyMembership', 'idx_membership_family', 'family_id=?'))
    expect(await readingOf(run, 'person')).toContainEqual(search('Person', 'sqlite_autoindex_person_1', 'id=?'))
    expect(await readingOf(run, 'episode')).toContainEqual(search('Episode', 'idx_episode_family', 'family_id=?'))
    expect(await readingOf(run, 'app_user')).toContainEqual(search('AppUser', 'sqlite_autoindex_app_user_1', 'id=?'))
    expect(await readingOf(run, 'assessment')).toContainEqual(search('Assessment', 'idx_assessment_family', 'family_id=?'))
    expect(await readingOf(run, 'family_plan')).toContainEqual(search('FamilyPlan', 'idx_family_plan_family', 'family_id=?'))
    expect(await readingOf(run, 'review')).toContainEqual(search('Review', 'idx_review_family', 'family_id=?'))
  })

  it('significant events only', async () => {
    const run = await expectChronology(familyId, true)
    expect(await readingOf(run, 'case_note')).toContainEqual(search('CaseNote', 'idx_case_note_family', 'family_id=?'))
  })

  it('of a family with no episode', async () => {
    expect(await readingOf(await expectChronology(quietFamilyId, false), 'episode')).toContainEqual(search('Episode', 'idx_episode_family', 'family_id=?'))
  })
})

describe('the audit trail', () => {
  const everything: z.output<typeof auditListInput> = {
    familyReference: null,
    personId: null,
    actor: null,
    action: null,
    from: null,
    to: null,
    beforeSeq: null,
    oldestFirst: false,
    afterSeq: null,
    limit: 100
  }

  it('newest first: reads back along the sequence and stops after a page', async () => {
    const plan = await explain(t.casebook.core.db, buildAuditListQuery(everything))
    // A SCAN here is the newest page only: in sequence order, with no sort, it stops at the LIMIT.
    expect(plan).toEqual(['SCAN a', 'SEARCH f USING INDEX sqlite_autoindex_family_1 (id=?) LEFT-JOIN'])
  })

  it('the next page back: by sequence number', async () => {
    await expectPlan(buildAuditListQuery({ ...everything, beforeSeq: 500 }), ['SEARCH a USING INTEGER PRIMARY KEY (rowid<?)'])
  })

  it('oldest first: along the sequence from the start, and the next page forward by sequence number', async () => {
    expect(await explain(t.casebook.core.db, buildAuditListQuery({ ...everything, oldestFirst: true }))).toEqual([
      'SCAN a',
      'SEARCH f USING INDEX sqlite_autoindex_family_1 (id=?) LEFT-JOIN'
    ])
    await expectPlan(buildAuditListQuery({ ...everything, oldestFirst: true, afterSeq: 500 }), ['SEARCH a USING INTEGER PRIMARY KEY (rowid>?)'])
  })

  it('one family: by its reference, then its entries', async () => {
    await expectPlan(buildAuditListQuery({ ...everything, familyReference: 'TH-000001' }), [
      FAMILY_BY_REFERENCE,
      search('a', 'idx_audit_family', 'family_id=?')
    ])
  })

  const BY_TIME = expect.stringMatching(/^SEARCH audit_entry USING COVERING INDEX idx_audit_at \(at[<>]\?( AND at<\?)?\)/)
  const BY_SEQ = 'SEARCH a USING INTEGER PRIMARY KEY (rowid=?)'
  const filters: [string, Partial<z.output<typeof auditListInput>>, unknown[]][] = [
    [
      'one person',
      { personId: '00000000-0000-4000-8000-000000000000' },
      [
        'SEARCH a USING INTEGER PRIMARY KEY (rowid=?)',
        search('audit_entry', 'idx_audit_record', 'record_id=?'),
        search('m', 'idx_membership_person', 'person_id=?'),
        search('v', 'idx_audit_family', 'family_id=?')
      ]
    ],
    ['one user', { actor: 'pat' }, [search('a', 'idx_audit_actor', 'actor=?')]],
    ['one kind of action', { action: 'permission-refused' }, [search('a', 'idx_audit_action', 'action=?')]],
    ['from a day', { from: '2026-01-01' }, [BY_SEQ, BY_TIME]],
    ['up to a day', { to: '2026-01-01' }, [BY_SEQ, BY_TIME]],
    ['between two days', { from: '2026-01-01', to: '2026-01-31' }, [BY_SEQ, BY_TIME]]
  ]
  for (const [label, filter, uses] of filters) {
    it(`${label}: without reading the whole trail`, async () => {
      await expectPlan(buildAuditListQuery({ ...everything, ...filter }), uses)
    })
  }
})
