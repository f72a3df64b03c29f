// The hot queries' plans: each must use the index it was written for, and none may read a whole
// table, so that a lost or unused index fails here rather than at a reception desk. The SQL is the
// app's own: from the builders the services run (search, the duplicate check, the caseload lists,
// the audit trail), or recorded as a real call ran it (the chronology, the duplicate check's own
// lookups). Plans come from SQLite's planner without statistics, as the app runs it (it never
// runs ANALYZE): if the app starts to, this test must too.
//
// On PostgreSQL (issue 13) the same statements are explained by the server (EXPLAIN (FORMAT JSON)),
// whose planner chooses by the tables' sizes and statistics: so there the database is hub-sized
// (10,000 families, their people, an episode each, notes, requests for help, a long audit trail and
// change feed; testing/bulkRows.ts) and analysed, as autovacuum keeps a hub's server, and each hot
// query must use its index and read none of the large tables whole (no Seq Scan on them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type { auditListInput } from '../../shared/audit/schemas'
import type { Connection } from './casebook'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { okaforFamily } from '../testing/fixtures'
import { signedInUser } from '../testing/accounts'
import { explain, explainPostgres, fullScans, statementsRun, tablesRead } from '../testing/queryPlans'
import { seedRows } from '../testing/bulkRows'
import { HUB_FAMILIES, makeHubSized } from '../testing/hubSized'
import { seedFamilies } from '../seed/seed'
import { searchIndexOf } from '../search/searchIndex'
import { buildCandidateQuery, type SqlQuery } from '../search/searchSql'
import { parseQuery } from '../search/parseQuery'
import { buildCaseloadQueries } from '../earlyHelp/caseload'
import { buildAuditListQuery } from '../audit/list'
import { buildRequestQueries } from '../referrals/list'
import { listRequestsInput } from '../../shared/referrals/requests'
import { countKeys, GROUPS, type Query } from '../export/groups'
import { changedSince } from '../export/changes'
import { keyPages } from '../export/exporter'
import { dialectOf } from './dialect'

let t: TempCasebook
let pat: { connection: Connection; id: string }
let familyId: string
let quietFamilyId: string
let personId: string

beforeAll(async () => {
  t = await tempCasebook('query-plans')
  if (t.postgres) await seedRows(t.casebook.core.db, HUB_FAMILIES)
  else await seedFamilies(t.casebook, { families: 20 })
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
  if (t.postgres) await makeHubSized(t, familyId)
}, 300_000)
afterAll(async () => {
  await t.dispose()
})

/** The tables a hub fills, which no hot query may read whole on PostgreSQL. */
const LARGE = /^Seq Scan on (family|person|family_membership|episode|case_note|request_for_help|audit_entry|change_feed|person_search|person_search_token)$/
/** A PostgreSQL step that reads rows by `index` (an Index Scan, Index Only Scan or Bitmap Index Scan). */
const uses = (index: string) => new RegExp(`^(Index|Index Only|Bitmap Index) Scan (Backward )?.*using ${index}$`)

/**
 * On PostgreSQL: the statement's plan reads no large table whole, but those of `whole` (each with its
 * reason where it is given), and uses each of `indexes`.
 */
async function expectPostgresPlan(query: SqlQuery, indexes: string[], whole: string[] = []): Promise<string[]> {
  const plan = await explainPostgres(t.casebook.core.db, query)
  const shown = `${query.sql}\n  params: ${JSON.stringify(query.params)}\n  plan:\n    ${plan.join('\n    ')}`
  expect(
    plan.filter((step) => LARGE.test(step) && !whole.some((table) => step === `Seq Scan on ${table}`)),
    `reads a large table whole: ${shown}`
  ).toEqual([])
  for (const index of indexes)
    expect(
      plan.some((step) => uses(index).test(step)),
      `does not use ${index}: ${shown}`
    ).toBe(true)
  return plan
}

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

/**
 * The statement's plan uses each of `uses`, and reads no table or index whole: SQLite's. On PostgreSQL,
 * each index of `postgres` and no large table read whole (expectPostgresPlan).
 */
async function expectPlan(query: SqlQuery, uses: unknown[], postgres: string[] = [], whole: string[] = []): Promise<string[]> {
  if (t.postgres) return expectPostgresPlan(query, postgres, whole)
  const plan = await explain(t.casebook.core.db, query)
  const shown = `${query.sql}\n  plan:\n    ${plan.join('\n    ')}`
  expect(plan, shown).toEqual(expect.arrayContaining(uses))
  expect(fullScans(plan), `reads a whole table or index: ${shown}`).toEqual([])
  return plan
}

describe('people search: every kind of search, each of its phases', () => {
  // PostgreSQL's search (search/postgresSearch.ts) finds names by its word table's prefix index.
  const TOKENS = ['idx_person_search_token']
  const searches: { kind: string; text: string; uses: unknown[]; postgres: string[] }[] = [
    { kind: 'a name', text: 'okafor', uses: [NAME_INDEX, PERSON_BY_ID, FAMILY_BY_ID], postgres: TOKENS },
    { kind: 'two names', text: 'grace okafor', uses: [NAME_INDEX, PERSON_BY_ID, FAMILY_BY_ID], postgres: TOKENS },
    // The date or postcode first (issue 12: the name and date search was 22 ms p95), then the name on each found.
    {
      kind: 'a name and a date',
      text: 'okafor 3/7/2019',
      uses: [search('p', 'idx_person_dob', 'date_of_birth=?'), FAMILY_BY_ID, ...ENTRY_BY_ROWID],
      postgres: ['idx_person_dob']
    },
    {
      kind: 'a name and a two-digit date',
      text: 'catherine 3/7/19',
      uses: [search('p', 'idx_person_dob', 'date_of_birth=?'), FAMILY_BY_ID, ...ENTRY_BY_ROWID],
      postgres: ['idx_person_dob']
    },
    {
      kind: 'a name and a postcode',
      text: 'okafor B33 8TH',
      uses: [search('f', 'idx_family_postcode_key', 'postcode_key=?'), PEOPLE_OF_FAMILY, ...ENTRY_BY_ROWID],
      postgres: ['idx_family_postcode_key']
    },
    { kind: 'a name and a district', text: 'okafor B33', uses: [NAME_INDEX, PERSON_BY_ID, FAMILY_BY_ID], postgres: TOKENS },
    {
      kind: 'a district',
      text: 'B33',
      uses: [search('f', 'idx_family_postcode_key', 'postcode_key>? AND postcode_key<?'), PEOPLE_OF_FAMILY],
      postgres: ['idx_family_postcode_key_bytes', 'idx_person_family']
    },
    {
      kind: 'a date alone',
      text: '3/7/2019',
      uses: [search('p', 'idx_person_dob', 'date_of_birth=?'), search('p', 'idx_person_expected', 'expected_date=?'), FAMILY_BY_ID],
      postgres: ['idx_person_dob', 'idx_person_expected']
    },
    {
      kind: 'a postcode',
      text: 'B33 8TH',
      uses: [search('f', 'idx_family_postcode_key', 'postcode_key=?'), PEOPLE_OF_FAMILY],
      postgres: ['idx_family_postcode_key']
    },
    { kind: 'an NHS number', text: '943 476 5919', uses: [search('p', 'idx_person_nhs', 'nhs_number=?'), FAMILY_BY_ID], postgres: ['idx_person_nhs'] },
    { kind: 'a UPN', text: 'Q823456789012', uses: [search('p', 'idx_person_upn', 'upn=?'), FAMILY_BY_ID], postgres: ['idx_person_upn'] },
    { kind: 'a family reference', text: 'TH-000001', uses: [FAMILY_BY_REFERENCE, PEOPLE_OF_FAMILY], postgres: ['family_reference_key'] }
  ]
  for (const { kind, text, uses, postgres } of searches) {
    it(`${kind} ("${text}")`, async () => {
      const filter = parseQuery(text)
      // The engine's own search: SQLite's FTS5 (sqliteSearch.ts), or PostgreSQL's word table (postgresSearch.ts).
      const phases = searchIndexOf(t.casebook.core.db).peopleQueries(filter, null)
      expect(phases.length, `"${text}" was understood as ${JSON.stringify(filter.understoodAs)}`).toBeGreaterThan(0)
      for (const phase of phases) await expectPlan(phase(25), uses, postgres)
    })
  }
  it('two letters alone ("ok"): the first page read in name order from the names’ first letters, the phases after it from the index', async () => {
    const [first, ...after] = searchIndexOf(t.casebook.core.db).peopleQueries(parseQuery('ok'), null)
    expect(after.length).toBeGreaterThan(0)
    // Its primary key is (start, sort_key, search_rowid): the page is read in order, never sorted, and each entry's person by its rowid.
    const starts = ['SEARCH person_search_start USING PRIMARY KEY (start=?)', 'SEARCH r USING INTEGER PRIMARY KEY (rowid=?)']
    const plan = await expectPlan(first!(25), [...starts, PERSON_BY_ID, FAMILY_BY_ID], TOKENS)
    if (!t.postgres) expect(plan.indexOf('USE TEMP B-TREE FOR ORDER BY')).toBe(-1)
    for (const phase of after) await expectPlan(phase(25), [NAME_INDEX, PERSON_BY_ID, FAMILY_BY_ID], TOKENS)
  })
})

describe('the duplicate check', () => {
  const keys = { nhsNumber: '9434765919', upn: 'Q823456789012', dateOfBirth: '2019-07-03' }
  const none = { nhsNumber: null, upn: null, dateOfBirth: null }
  it('looks each identifier and the date of birth up in its own index', async () => {
    await expectPlan(
      buildCandidateQuery({ ...none, nhsNumber: keys.nhsNumber })!,
      [search('p', 'idx_person_nhs', 'nhs_number=?'), FAMILY_BY_ID],
      ['idx_person_nhs']
    )
    await expectPlan(buildCandidateQuery({ ...none, upn: keys.upn })!, [search('p', 'idx_person_upn', 'upn=?'), FAMILY_BY_ID], ['idx_person_upn'])
    await expectPlan(
      buildCandidateQuery({ ...none, dateOfBirth: keys.dateOfBirth })!,
      [search('p', 'idx_person_dob', 'date_of_birth=?'), FAMILY_BY_ID],
      ['idx_person_dob']
    )
    await expectPlan(
      buildCandidateQuery(keys)!,
      [
        'MULTI-INDEX OR',
        search('p', 'idx_person_nhs', 'nhs_number=?'),
        search('p', 'idx_person_upn', 'upn=?'),
        search('p', 'idx_person_dob', 'date_of_birth=?'),
        FAMILY_BY_ID
      ],
      ['idx_person_nhs', 'idx_person_upn', 'idx_person_dob']
    )
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
  /**
   * PostgreSQL joins the open episodes' families by hashing the family table when it costs that as
   * cheaper than looking each up by its key (at the default random_page_cost, for the hundreds of
   * episodes open at once across a hub of this size): a read of the families whole, which this test
   * allows for the caseload and reports; the episodes themselves are always read by their index.
   */
  const FAMILIES_HASHED = ['family']
  /**
   * The open episodes, by status, by lead and status through the hub's few users (which PostgreSQL
   * may read first), or by the index of current episodes (migration 7's one open episode a family).
   */
  const EPISODES_OPEN = 'idx_episode_(status|lead|one_current)'
  it('My caseload: the lead’s open episodes, by lead and status', async () => {
    const mine = buildCaseloadQueries({ leadUserId: pat.id, overdueOnly: false, page: null, viewer: { userId: pat.id } }, today)
    expect(mine.count).toBeNull()
    await expectPlan(mine.rows, [search('e', 'idx_episode_lead', 'lead_user_id=? AND status=?'), FAMILY_BY_ID], ['idx_episode_lead'], FAMILIES_HASHED)
  })

  it('sorted by family: the surname each household sorts by is read from its own people', async () => {
    const byFamily = buildCaseloadQueries({ leadUserId: null, overdueOnly: false, page: 1, sort: 'family', viewer: null }, today)
    await expectPlan(
      byFamily.rows,
      [search('e', 'idx_episode_status', 'status=?'), FAMILY_BY_ID, PEOPLE_OF_FAMILY],
      [EPISODES_OPEN, 'idx_person_family'],
      FAMILIES_HASHED
    )
  })

  for (const overdueOnly of [false, true]) {
    it(`All open episodes${overdueOnly ? ', overdue only' : ''}: a page, and the count, by status`, async () => {
      const page = buildCaseloadQueries({ leadUserId: null, overdueOnly, page: 2, viewer: null }, today)
      await expectPlan(page.rows, [search('e', 'idx_episode_status', 'status=?'), FAMILY_BY_ID], [EPISODES_OPEN], FAMILIES_HASHED)
      await expectPlan(page.count!, [search('e', 'idx_episode_status', 'status=?')], [EPISODES_OPEN], FAMILIES_HASHED)
      const oneLead = buildCaseloadQueries({ leadUserId: pat.id, overdueOnly, page: 1, viewer: null }, today)
      await expectPlan(oneLead.rows, [search('e', 'idx_episode_lead', 'lead_user_id=? AND status=?'), FAMILY_BY_ID], ['idx_episode_lead'], FAMILIES_HASHED)
      await expectPlan(oneLead.count!, [search('e', 'idx_episode_lead', 'lead_user_id=? AND status=?')], ['idx_episode_lead'], FAMILIES_HASHED)
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
    // On PostgreSQL the core reads on the pool it writes with: the call's own audit entry (its
    // transaction's statements) is recorded too, and is not what is explained here.
    const reads = run.filter((statement) => /^\s*SELECT\b/i.test(statement.sql) && !/\bFOR UPDATE\b/i.test(statement.sql))
    for (const statement of reads) await expectPlan(statement, [])
    return reads
  }
  /** The steps of every statement in `run` that reads `table`, as the engine plans them. */
  const readingOf = async (run: SqlQuery[], table: string) => {
    const steps: string[] = []
    for (const statement of run.filter((s) => tablesRead(s.sql).includes(table)))
      steps.push(...(await (t.postgres ? explainPostgres : explain)(t.casebook.core.db, statement)))
    return steps
  }
  /**
   * A step reading by `index`: SQLite's words for it (`sqlite`), or PostgreSQL's use of `postgres`.
   * PostgreSQL reads a small table (the hub's few users, and here its few assessments, plans and
   * reviews) whole when that is cheaper: its plans are held to an index on the tables a hub fills.
   */
  const reads = (sqlite: unknown, postgres: string | null) => (t.postgres ? (postgres ? expect.stringMatching(uses(postgres)) : expect.anything()) : sqlite)

  it('of a family with an episode: each record by family, each person and lead by id', async () => {
    const run = await expectChronology(familyId, false)
    expect(await readingOf(run, 'case_note')).toContainEqual(reads(search('CaseNote', 'idx_case_note_family', 'family_id=?'), 'idx_case_note_family'))
    expect(await readingOf(run, 'family_membership')).toContainEqual(
      reads(search('FamilyMembership', 'idx_membership_family', 'family_id=?'), 'idx_membership_family')
    )
    expect(await readingOf(run, 'person')).toContainEqual(reads(search('Person', 'sqlite_autoindex_person_1', 'id=?'), 'person_pkey'))
    expect(await readingOf(run, 'episode')).toContainEqual(reads(search('Episode', 'idx_episode_family', 'family_id=?'), 'idx_episode_family'))
    expect(await readingOf(run, 'app_user')).toContainEqual(reads(search('AppUser', 'sqlite_autoindex_app_user_1', 'id=?'), null))
    expect(await readingOf(run, 'assessment')).toContainEqual(reads(search('Assessment', 'idx_assessment_family', 'family_id=?'), null))
    expect(await readingOf(run, 'family_plan')).toContainEqual(reads(search('FamilyPlan', 'idx_family_plan_family', 'family_id=?'), null))
    expect(await readingOf(run, 'review')).toContainEqual(reads(search('Review', 'idx_review_family', 'family_id=?'), null))
  })

  it('significant events only', async () => {
    const run = await expectChronology(familyId, true)
    expect(await readingOf(run, 'case_note')).toContainEqual(reads(search('CaseNote', 'idx_case_note_family', 'family_id=?'), 'idx_case_note_family'))
  })

  it('of a family with no episode', async () => {
    expect(await readingOf(await expectChronology(quietFamilyId, false), 'episode')).toContainEqual(
      reads(search('Episode', 'idx_episode_family', 'family_id=?'), 'idx_episode_family')
    )
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
    // PostgreSQL: back along the primary key's index, stopping at the LIMIT.
    if (t.postgres) return void (await expectPostgresPlan(buildAuditListQuery(everything), ['audit_entry_pkey']))
    const plan = await explain(t.casebook.core.db, buildAuditListQuery(everything))
    // A SCAN here is the newest page only: in sequence order, with no sort, it stops at the LIMIT.
    expect(plan).toEqual(['SCAN a', 'SEARCH f USING INDEX sqlite_autoindex_family_1 (id=?) LEFT-JOIN'])
  })

  it('the next page back: by sequence number', async () => {
    await expectPlan(buildAuditListQuery({ ...everything, beforeSeq: 500 }), ['SEARCH a USING INTEGER PRIMARY KEY (rowid<?)'], ['audit_entry_pkey'])
  })

  it('oldest first: along the sequence from the start, and the next page forward by sequence number', async () => {
    if (t.postgres) await expectPostgresPlan(buildAuditListQuery({ ...everything, oldestFirst: true }), ['audit_entry_pkey'])
    else
      expect(await explain(t.casebook.core.db, buildAuditListQuery({ ...everything, oldestFirst: true }))).toEqual([
        'SCAN a',
        'SEARCH f USING INDEX sqlite_autoindex_family_1 (id=?) LEFT-JOIN'
      ])
    await expectPlan(
      buildAuditListQuery({ ...everything, oldestFirst: true, afterSeq: 500 }),
      ['SEARCH a USING INTEGER PRIMARY KEY (rowid>?)'],
      ['audit_entry_pkey']
    )
  })

  it('one family: by its reference, then its entries', async () => {
    await expectPlan(
      buildAuditListQuery({ ...everything, familyReference: 'TH-000001' }),
      [FAMILY_BY_REFERENCE, search('a', 'idx_audit_family', 'family_id=?')],
      ['family_reference_key', 'idx_audit_family']
    )
  })

  const BY_TIME = expect.stringMatching(/^SEARCH audit_entry USING COVERING INDEX idx_audit_at \(at[<>]\?( AND at<\?)?\)/)
  const BY_SEQ = 'SEARCH a USING INTEGER PRIMARY KEY (rowid=?)'
  const filters: [string, Partial<z.output<typeof auditListInput>>, unknown[], string[]][] = [
    [
      'one person',
      { personId: '00000000-0000-4000-8000-000000000000' },
      [
        'SEARCH a USING INTEGER PRIMARY KEY (rowid=?)',
        search('audit_entry', 'idx_audit_record', 'record_id=?'),
        search('m', 'idx_membership_person', 'person_id=?'),
        search('v', 'idx_audit_family', 'family_id=?')
      ],
      ['idx_audit_record', 'idx_membership_person', 'idx_audit_family']
    ],
    ['one user', { actor: 'pat' }, [search('a', 'idx_audit_actor', 'actor=?')], ['idx_audit_actor']],
    ['one kind of action', { action: 'permission-refused' }, [search('a', 'idx_audit_action', 'action=?')], ['idx_audit_action']],
    ['from a day', { from: '2026-01-01' }, [BY_SEQ, BY_TIME], ['idx_audit_at']],
    // Every entry here is older than the day: PostgreSQL reads back along the sequence to a page.
    ['up to a day', { to: '2026-01-01' }, [BY_SEQ, BY_TIME], ['audit_entry_pkey']],
    ['between two days', { from: '2026-01-01', to: '2026-01-31' }, [BY_SEQ, BY_TIME], ['idx_audit_at']]
  ]
  for (const [label, filter, uses, postgres] of filters) {
    it(`${label}: without reading the whole trail`, async () => {
      await expectPlan(buildAuditListQuery({ ...everything, ...filter }), uses, postgres)
    })
  }
})

describe('the referrals list (requests for help)', () => {
  const list = (show: string) => buildRequestQueries(listRequestsInput.parse({ show }), { userId: pat.id }, '2026-01-01T00:00:00.000Z')
  it('finds each filter s page and count on its index', async () => {
    const status = search('r', 'idx_request_status', 'status=?')
    // The count reads only the status, from whichever index begins with it.
    const counted = expect.stringMatching(/^SEARCH r USING (COVERING )?INDEX idx_request_(status|not_fed_back) \(status=\?\)$/)
    await expectPlan(list('waiting').rows, [status], ['idx_request_status'])
    // Nearly every request has been decided: PostgreSQL walks the newest first (idx_request_received) to a page.
    await expectPlan(list('decided').rows, [status], ['idx_request_received'])
    await expectPlan(list('waiting').count, [counted], ['idx_request_(status|not_fed_back)'])
    // Counting the decided is counting nearly every request: SQLite reads an index to do it; PostgreSQL
    // reads them however it costs cheapest, which may be the table itself.
    await expectPlan(list('decided').count, [counted], [], ['request_for_help'])
    await expectPlan(list('overdue').rows, [search('r', 'idx_request_status', 'status=? AND received_at<?')], ['idx_request_status'])
    // PostgreSQL may walk the newest first instead, as it does for the decided, when the referrers not yet told are many enough.
    await expectPlan(list('notFedBack').rows, [search('r', 'idx_request_not_fed_back', 'status=? AND fed_back_on=?')], ['idx_request_(not_fed_back|received)'])
    // Every request, newest first: SQLite walks idx_request_received to the page (a SCAN, stopping at
    // its LIMIT: referrals/requests.test.ts); PostgreSQL back along the same index.
    if (t.postgres) await expectPostgresPlan(list('all').rows, ['idx_request_received'])
  })
})

describe('the export s change feed', () => {
  /** A query that records each statement in `run` as it is asked, and answers `rows`. */
  const recording =
    (run: SqlQuery[], rows: Record<string, unknown>[]): Query =>
    async (sql, params) => {
      run.push({ sql, params })
      return rows
    }

  /** Every statement an incremental package of the last few changes runs on the feed: its counts, and its pages of keys. */
  async function feedStatements(): Promise<SqlQuery[]> {
    const [{ top }] = (await t.casebook.core.db.query('SELECT max(seq) AS top FROM change_feed')) as [{ top: number }]
    const run: SqlQuery[] = []
    // Answered as an empty feed would answer.
    const answering = (rows: Record<string, unknown>[]) => recording(run, rows)
    const range = { kind: 'incremental' as const, from: top - 50, to: top }
    await changedSince({ query: answering([{ n: 0 }]) }, range.from)
    for (const group of GROUPS) {
      await countKeys(answering([{ n: 0 }]), group, range)
      for await (const page of keyPages(answering([]), group, range)) expect(page.keys).toEqual([])
    }
    return run
  }

  it('finds each page of a full package, and reads its rows, along the records  key index', async () => {
    const full = { kind: 'full' as const, from: 0, to: 1 }
    for (const group of GROUPS) {
      const run: SqlQuery[] = []
      // A first page of one record, then none: the page's size and last key, then the rows of that range.
      for await (const page of keyPages(recording(run, [{ n: 1, last: '00000000-0000-4000-8000-000000000000' }]), group, full)) {
        await group.read(recording(run, []), page, { noteText: true, dialect: dialectOf(t.casebook.core.db) })
      }
      expect(run.length, group.record).toBeGreaterThanOrEqual(2)
      // family_access's key joins two columns, so each page reads the table's primary key (family_id,
      // user_id) whole: a row per person given access to a restricted family, a few hundred at most.
      if (group.record === 'family_access' && !t.postgres) {
        for (const statement of run) expect(await explain(t.casebook.core.db, statement)).toContainEqual(expect.stringMatching(/^SCAN family_access\b/))
      } else for (const statement of run) await expectPlan(statement, [expect.stringMatching(/^SEARCH \w+ USING (COVERING )?INDEX /)])
    }
  })

  it('reads each record type s range of the feed on its index, and the changes since the last package by sequence', async () => {
    const run = await feedStatements()
    expect(run.length).toBe(1 + 2 * GROUPS.length)
    const [since, ...byType] = run
    await expectPlan(since!, [expect.stringMatching(/^SEARCH change_feed USING INTEGER PRIMARY KEY \(rowid>\?\)/)], ['change_feed_pkey'])
    for (const statement of byType)
      await expectPlan(statement, [search('change_feed', 'idx_change_feed_type', 'record_type=? AND seq>? AND seq<?')], ['idx_change_feed_type'])
  })
})
