// The Referrals screen and a family's referrals: requests (logged through the app) and referrals on
// (put in as their table holds them, at the statuses and times the tests need), filtered, counted,
// charted per month and paged, as a practitioner, as reception and as someone a family is closed
// to; and each statement on its index. Real SQLite files, signed-in windows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Connection } from '../core/casebook'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { signedInUser } from '../testing/accounts'
import { okaforFamily, today } from '../testing/fixtures'
import { explain, fullScans } from '../testing/queryPlans'
import { explainPostgres, INDEXES_ONLY, sequentialScans, tableReads } from '../testing/queryPlans'
import { addDays, addMonths } from '../../shared/dates'
import { OVERVIEW_STATUS, referralsOverviewInput, type OverviewRow, type ReferralsOverview } from '../../shared/referrals/overview'
import type { OutboundStatus } from '../../shared/referrals/outbound'
import { directoryRows, requestInput, type DirectoryRows } from './testWorld'
import { insertOutboundSql, outboundValues } from './overviewWorld'
import { countQueries, monthQuery, pageQuery, sides, statusCounts, type OverdueFrom } from './overviewQueries'
import { chartMonths } from './overview'
import { startOfLocalDay } from './timing'

let t: TempCasebook
let rita: Connection
let pat: Connection
let ids: Record<string, string>
interface Family {
  id: string
  reference: string
  adults: string[]
  children: string[]
}
let okafor: Family
let bell: Family
let directory: DirectoryRows
let other: DirectoryRows

async function register(input = okaforFamily()): Promise<Family> {
  const family = await t.ok('families.register', input)
  const view = await t.ok('families.get', { id: family.id })
  const of = (kind: string) => view.members.filter((m: { kind: string }) => m.kind === kind).map((m: { id: string }) => m.id)
  return { ...family, adults: of('adult'), children: of('child') }
}

function bellFamily() {
  const input = okaforFamily()
  const born = ['1985-05-01', '2020-02-14']
  input.members = input.members
    .slice(1, 3)
    .map((m, i) => ({ member: { ...m.member, givenName: i ? 'Ruby' : 'Tom', familyName: 'Bell', dateOfBirth: born[i], nhsNumber: null, upn: null } }) as never)
  return input
}

beforeEach(async () => {
  t = await tempCasebook('overview')
  const users = { rita: await signedInUser(t, 'rita', 'reception'), pat: await signedInUser(t, 'pat', 'practitioner') }
  rita = users.rita.connection
  pat = users.pat.connection
  ids = { rita: users.rita.id, pat: users.pat.id }
  okafor = await register()
  bell = await register(bellFamily())
  directory = await directoryRows(t.casebook)
  other = await directoryRows(t.casebook)
  await t.casebook.core.writes.run((m) => m.query(`UPDATE directory_organisation SET name = 'Hillside School' WHERE id = ?`, [other.organisationId]))
})
afterEach(async () => {
  await t.dispose()
})

const call = async <T = any>(c: Connection, channel: string, input: unknown) => unwrap<T>(await c.invoke(channel, input), channel)
const overview = (c: Connection, input: Record<string, unknown> = {}) => call<ReferralsOverview>(c, 'referrals.overview', input)
const at = (day: string, time = '10:15') => new Date(`${day}T${time}:00`).toISOString()

async function logRequest(family: { id: string; children: string[] }, day: string, more: Record<string, unknown> = {}) {
  // Today's come at midnight, which has always passed.
  return call(
    rita,
    'referrals.logRequest',
    requestInput(family.id, family.children.slice(0, 1), { receivedOn: day, receivedTime: day === today ? '00:00' : '10:15', ...more })
  )
}

async function refer(
  family: { id: string },
  status: OutboundStatus,
  createdAt: string,
  to: { organisationId: string; serviceId: string } = directory,
  episodeId: string | null = null
) {
  const values = outboundValues({
    familyId: family.id,
    serviceId: to.serviceId,
    organisationId: to.organisationId,
    status,
    createdAt,
    userId: ids.pat!,
    episodeId
  })
  await t.casebook.core.writes.run((m) => m.query(insertOutboundSql, values))
  return values[0] as string
}

/** Six requests and four referrals, over three months. */
async function world() {
  const old = addMonths(today, -2)
  const made = {
    waitingOld: (await logRequest(okafor, old, { organisationId: directory.organisationId })).id as string,
    waitingToday: (await logRequest(bell, today, { organisationId: other.organisationId })).id as string,
    declined: (await logRequest(okafor, addDays(today, -1))).id as string,
    anonymous: (await logRequest(bell, addDays(today, -1), { source: '9', referrerName: null, referrerRole: null, referrerPhone: null })).id as string,
    sentLongAgo: await refer(okafor, 'sent', at(old)),
    sentToday: await refer(bell, 'sent', new Date().toISOString(), other),
    acknowledged: await refer(okafor, 'acknowledged', at(addMonths(today, -1))),
    draft: await refer(bell, 'draft', at(addDays(today, -1)), other)
  }
  for (const id of [made.declined, made.anonymous])
    await call(pat, 'referrals.screenRequest', { id, version: 1, decision: 'DECLINE', decline: { reason: 'Known to the school nurse, who is helping.' } })
  return made
}

const idsOf = (o: { rows: OverviewRow[] }) => o.rows.map((r) => r.id)
const count = (o: ReferralsOverview, status: string) => o.counts.find((c) => c.status === status)?.count

describe('the Referrals screen', () => {
  it('lists requests and referrals together, newest first, with the counts per status and the months', async () => {
    const made = await world()
    const all = await overview(pat)
    expect(all.total).toBe(8)
    expect(all.rows.map((r) => r.at)).toEqual([...all.rows.map((r) => r.at)].sort().reverse())
    expect(all.rows.filter((r) => r.direction === 'out')).toHaveLength(4)
    expect(count(all, 'in-waiting')).toBe(2)
    expect(count(all, 'in-DECLINE')).toBe(2)
    expect(count(all, 'in-ACCEPT')).toBe(0)
    expect(count(all, 'out-sent')).toBe(2)
    expect(count(all, 'out-acknowledged')).toBe(1)
    expect(count(all, 'out-draft')).toBe(1)
    expect(count(all, 'out-completed')).toBe(0)
    expect(all.counts.reduce((n, c) => n + c.count, 0)).toBe(8)
    expect(all.targets).toEqual({ requestDecisionDays: 2, referralAckDays: 5 })

    // The last twelve months, this one last; each request and referral in the month it came or was made.
    expect(all.months).toHaveLength(12)
    expect(all.months.at(-1)!.month).toBe(today.slice(0, 7))
    const month = (day: string) => all.months.find((m) => m.month === day.slice(0, 7))!
    expect(month(addMonths(today, -2))).toMatchObject({ requests: 1 })
    expect(all.months.reduce((n, m) => n + m.requests, 0)).toBe(4)
    expect(all.months.reduce((n, m) => n + m.referrals, 0)).toBe(4)

    const row = all.rows.find((r) => r.id === made.sentLongAgo)!
    expect(row).toEqual({
      direction: 'out',
      id: made.sentLongAgo,
      familyId: okafor.id,
      familyReference: okafor.reference,
      familyName: `Samuel Okafor and Grace O'Neill-Okafor (${okafor.reference})`,
      restricted: false,
      at: at(addMonths(today, -2)),
      status: 'out-sent',
      party: 'Health visiting, Riverside Health',
      overdue: true,
      awaitingFeedback: false
    })
    expect(all.rows.find((r) => r.id === made.sentToday)).toMatchObject({ overdue: false, party: 'Health visiting, Hillside School' })
    expect(all.rows.find((r) => r.id === made.waitingOld)).toMatchObject({ status: 'in-waiting', overdue: true, party: 'Dee Patel, Riverside Health' })
    expect(all.rows.find((r) => r.id === made.declined)).toMatchObject({ status: 'in-DECLINE', awaitingFeedback: true })
    // An anonymous request has no one to tell.
    expect(all.rows.find((r) => r.id === made.anonymous)).toMatchObject({ status: 'in-DECLINE', awaitingFeedback: false, party: 'Anonymous' })
  })

  it('filters by direction, status, organisation, dates, overdue and not fed back', async () => {
    const made = await world()
    const sorted = (list: string[]) => [...list].sort()
    expect(sorted(idsOf(await overview(pat, { direction: 'in' })))).toEqual(sorted([made.waitingOld, made.waitingToday, made.declined, made.anonymous]))
    expect(sorted(idsOf(await overview(pat, { direction: 'out' })))).toEqual(sorted([made.sentLongAgo, made.sentToday, made.acknowledged, made.draft]))
    expect(idsOf(await overview(pat, { status: 'out-acknowledged' }))).toEqual([made.acknowledged])
    expect(sorted(idsOf(await overview(pat, { status: 'in-DECLINE' })))).toEqual(sorted([made.declined, made.anonymous]))
    // A status of one direction leaves the other out, whatever direction says.
    expect(idsOf(await overview(pat, { direction: 'all', status: 'in-waiting' })).sort()).toEqual(sorted([made.waitingOld, made.waitingToday]))
    expect(await overview(pat, { direction: 'out', status: 'in-waiting' })).toMatchObject({ total: 0, rows: [] })

    // The organisation: the agency of the person who asked, or the one referred to.
    const riverside = await overview(pat, { organisationId: directory.organisationId })
    expect(sorted(idsOf(riverside))).toEqual(sorted([made.waitingOld, made.sentLongAgo, made.acknowledged]))
    // Counts follow the direction, organisation and dates; not the status chosen.
    const riversideSent = await overview(pat, { organisationId: directory.organisationId, status: 'out-sent' })
    expect(idsOf(riversideSent)).toEqual([made.sentLongAgo])
    expect(count(riversideSent, 'out-acknowledged')).toBe(1)
    expect(count(riversideSent, 'in-waiting')).toBe(1)

    const recent = await overview(pat, { from: addDays(today, -1), to: today })
    expect(sorted(idsOf(recent))).toEqual(sorted([made.waitingToday, made.declined, made.anonymous, made.sentToday, made.draft]))
    expect(recent.months.map((m) => m.month)).toEqual(chartMonths(addDays(today, -1), today, today))
    expect(idsOf(await overview(pat, { from: addMonths(today, -2), to: addMonths(today, -2) })).sort()).toEqual(sorted([made.waitingOld, made.sentLongAgo]))

    // Overdue: requests waiting past the hub's target; referrals sent and not acknowledged in time.
    expect(sorted(idsOf(await overview(pat, { overdue: true })))).toEqual(sorted([made.waitingOld, made.sentLongAgo]))
    expect(idsOf(await overview(pat, { overdue: true, direction: 'out' }))).toEqual([made.sentLongAgo])
    // Not fed back: decided requests whose referrer was not told (referrals on have no such step).
    expect(idsOf(await overview(pat, { notFedBack: true }))).toEqual([made.declined])
    await call(rita, 'referrals.recordFeedback', { id: made.declined, version: 2, fedBackOn: today, method: 'PHONE' })
    expect(await overview(pat, { notFedBack: true })).toMatchObject({ total: 0, rows: [] })

    expect(await pat.invoke('referrals.overview', { from: today, to: addDays(today, -1) })).toMatchObject({
      ok: false,
      error: { fields: { to: 'End date must be the same as or after the start date' } }
    })
  })

  it('comes a page at a time, with the total', async () => {
    for (let i = 0; i < 20; i++) await logRequest(okafor, addDays(today, -i - 1))
    for (let i = 0; i < 10; i++) await refer(bell, 'sent', at(addDays(today, -i - 1), '12:00'))
    const first = await overview(pat)
    expect(first).toMatchObject({ total: 30, page: 1, pageSize: 25 })
    expect(first.rows).toHaveLength(25)
    const second = await overview(pat, { page: 2 })
    expect(second.rows).toHaveLength(5)
    const every = [...first.rows, ...second.rows]
    expect(new Set(every.map((r) => r.id)).size).toBe(30)
    expect(every.map((r) => r.at)).toEqual(
      every
        .map((r) => r.at)
        .sort()
        .reverse()
    )
    // Each day's referral was made at noon, after that day's request (10:15): newer, so listed first.
    expect(every.slice(0, 2).map((r) => r.direction)).toEqual(['out', 'in'])
    expect((await overview(pat, { page: 3 })).rows).toEqual([])
  })

  it('lists rows of the same moment by id, the same order every time, each on one page only, either way', async () => {
    // Thirty at one instant: requests received at 10:15 (a time as typed) and referrals made then.
    const day = addDays(today, -1)
    for (let i = 0; i < 20; i++) await logRequest(i % 2 ? okafor : bell, day)
    for (let i = 0; i < 10; i++) await refer(i % 2 ? okafor : bell, 'sent', at(day))
    const pages = async (oldestFirst: boolean) => [...(await overview(pat, { oldestFirst })).rows, ...(await overview(pat, { oldestFirst, page: 2 })).rows]
    const newest = await pages(false)
    expect(new Set(newest.map((r) => r.at))).toEqual(new Set([at(day)]))
    const byId = newest.map((r) => r.id).sort()
    expect(newest.map((r) => r.id)).toEqual([...byId].reverse())
    expect((await pages(true)).map((r) => r.id)).toEqual(byId)
    expect((await pages(false)).map((r) => r.id)).toEqual([...byId].reverse())
  })

  it("shows reception where each has got to, never whom a referral went to, and a closed family's by reference only", async () => {
    const made = await world()
    const reception = await overview(rita)
    expect(reception.total).toBe(8)
    for (const row of reception.rows.filter((r) => r.direction === 'out')) expect(row.party).toBeNull()
    expect(reception.rows.find((r) => r.id === made.sentLongAgo)).toMatchObject({ status: 'out-sent', overdue: true, party: null })
    expect(reception.rows.find((r) => r.id === made.waitingOld)).toMatchObject({ party: 'Dee Patel, Riverside Health' })
    const text = JSON.stringify(reception)
    for (const content of ['Synthetic reason', 'school nurse', 'nights hard', 'Health visiting']) expect(text).not.toContain(content)
    // Their organisation filter finds requests only: a referral's match would tell where it went.
    expect(idsOf(await overview(rita, { organisationId: directory.organisationId }))).toEqual([made.waitingOld])

    await call(t.connection, 'families.setRestriction', { id: okafor.id, version: 1, restricted: true, allowedUserIds: [ids.rita] })
    const closed = await overview(pat)
    expect(closed.total).toBe(8)
    for (const row of closed.rows.filter((r) => r.familyId === okafor.id))
      expect(row).toMatchObject({
        restricted: true,
        familyName: `Family ${okafor.reference}`,
        party: null,
        familyReference: okafor.reference
      })
    // The restriction hides its people's names from the list, not only its details.
    expect(JSON.stringify(closed)).not.toContain('Grace')
    expect(JSON.stringify(closed)).not.toContain('Samuel')
    expect((await overview(rita)).rows.find((r) => r.id === made.waitingOld)).toMatchObject({ restricted: false, party: 'Dee Patel, Riverside Health' })
  })
})

describe("a family's referrals", () => {
  it('lists its requests and referrals in and out, a page at a time, and an episode’s own', async () => {
    const made = await world()
    const theirs = await call(pat, 'referrals.forFamily', { familyId: okafor.id })
    expect(theirs).toMatchObject({ total: 4, page: 1, pageSize: 25 })
    expect(idsOf(theirs).sort()).toEqual([made.waitingOld, made.declined, made.sentLongAgo, made.acknowledged].sort())
    expect(theirs.rows.map((r: OverviewRow) => r.at)).toEqual(
      theirs.rows
        .map((r: OverviewRow) => r.at)
        .sort()
        .reverse()
    )

    // Accepting a request opens an episode: the episode's referrals are that request and those made from it.
    const accepted = await logRequest(bell, today)
    const decided = await call(pat, 'referrals.screenRequest', {
      id: accepted.id,
      version: 1,
      decision: 'ACCEPT',
      accept: {
        familyId: bell.id,
        openedOn: today,
        leadUserId: ids.pat,
        reason: 'Routines and sleep.',
        headlines: ['HEALTH'],
        consentId: 'new',
        consentGivenById: bell.adults[0],
        consentMethod: 'VERBAL',
        consentGivenOn: today
      }
    })
    const fromEpisode = await refer(bell, 'draft', new Date().toISOString(), other, decided.episodeId)
    const episode = await call(pat, 'referrals.forFamily', { familyId: bell.id, episodeId: decided.episodeId })
    expect(idsOf(episode).sort()).toEqual([accepted.id, fromEpisode].sort())
  })

  it('is refused to someone the family is closed to, and shows reception statuses only', async () => {
    await world()
    expect((await call(rita, 'referrals.forFamily', { familyId: okafor.id })).rows.filter((r: OverviewRow) => r.direction === 'out')).toEqual([
      expect.objectContaining({ party: null }),
      expect.objectContaining({ party: null })
    ])
    await call(t.connection, 'families.setRestriction', { id: okafor.id, version: 1, restricted: true, allowedUserIds: [ids.rita] })
    expect(await pat.invoke('referrals.forFamily', { familyId: okafor.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await call(rita, 'referrals.forFamily', { familyId: okafor.id })).total).toBe(4)
  })
})

describe("the overview's statements", () => {
  it('read every filter off an index, a page without sorting the whole list', async () => {
    await world()
    const db = t.casebook.core.db
    const overdue: OverdueFrom = { request: new Date().toISOString(), referral: new Date().toISOString() }
    // No statistics gathered (the app gathers none): each filter's index must win on its shape alone.
    const organisation = /idx_(request|outbound)_organisation/
    const filters: Record<string, [Record<string, unknown>, RegExp]> = {
      'no filter': [{}, /idx_/],
      'status, organisation and dates (in)': [{ status: 'in-waiting', organisationId: directory.organisationId, from: '2026-01-01', to: today }, organisation],
      'decision, organisation and dates (in)': [
        { status: 'in-DECLINE', organisationId: directory.organisationId, from: '2026-01-01', to: today },
        organisation
      ],
      'status, organisation and dates (out)': [{ status: 'out-sent', organisationId: directory.organisationId, from: '2026-01-01', to: today }, organisation],
      organisation: [{ organisationId: directory.organisationId }, organisation],
      'a decision': [{ status: 'in-DECLINE' }, /idx_request_decision|idx_outbound_(status|sent)/],
      overdue: [{ overdue: true }, /idx_request_(status|decision)|idx_outbound_(status|sent)/],
      'not fed back': [{ notFedBack: true }, /idx_request_(not_fed_back|decision)|idx_outbound_(status|sent)/],
      'dates only': [{ from: '2026-01-01', to: today }, /idx_request_(received|decision)|idx_outbound_(created|status)/]
    }
    const reads = (plan: string[]) => plan.filter((step) => /^(SEARCH|SCAN) /.test(step) && step !== 'SCAN CONSTANT ROW')
    if (t.postgres) {
      // PostgreSQL's own plans (testing/queryPlans, INDEXES_ONLY), on tables vacuumed and analysed as autovacuum
      // keeps a hub's server: every statement reads each table off an index, never the whole of it, and
      // the unfiltered page (the screen as it opens) merges the two index orders without a sort.
      // PostgreSQL does not merge the two sides once a filter narrows both: it sorts their matches.
      await db.query('VACUUM ANALYZE request_for_help')
      await db.query('VACUUM ANALYZE outbound_referral')
      const offIndex = (plan: string[]) => [...sequentialScans(plan), ...tableReads(plan).filter((step) => !/^Index (Only )?Scan .* using \w+$/.test(step))]
      for (const [name, [input]] of Object.entries(filters)) {
        const f = { ...referralsOverviewInput.parse(input), readsReferrals: true }
        const list = sides(f, overdue)
        const counts = sides(f, overdue, false).map((side) =>
          statusCounts(
            side,
            OVERVIEW_STATUS.items.map((i) => i.code).filter((code) => code.startsWith(`${side.direction}-`))
          )
        )
        for (const s of [pageQuery(list, 1, 25)!, ...countQueries(list), ...counts]) {
          const plan = await explainPostgres(db, s, INDEXES_ONLY)
          expect({ name, sql: s.sql, tables: tableReads(plan).length > 0, offIndex: offIndex(plan) }).toEqual({
            name,
            sql: s.sql,
            tables: true,
            offIndex: []
          })
        }
      }
      const whole = await explainPostgres(db, pageQuery(sides({ readsReferrals: true }, overdue), 1, 25)!, INDEXES_ONLY)
      expect(whole).toEqual([
        'Limit',
        'Merge Append',
        'Index Only Scan on request_for_help using idx_request_received',
        'Index Only Scan on outbound_referral using idx_outbound_created'
      ])
      const family = sides({ familyId: okafor.id }, overdue)
      for (const s of [pageQuery(family, 1, 25)!, ...countQueries(family)]) {
        const plan = await explainPostgres(db, s, INDEXES_ONLY)
        expect(plan.join('\n')).toMatch(/idx_request_family|idx_outbound_family/)
        expect(offIndex(plan)).toEqual([])
      }
      const starts = [...chartMonths(null, null, today), addMonths(today, 1).slice(0, 7)].map((m) => startOfLocalDay(`${m}-01`))
      const months = tableReads(await explainPostgres(db, monthQuery(starts), INDEXES_ONLY))
      expect(months).toHaveLength(24)
      expect(new Set(months)).toEqual(
        new Set(['Index Only Scan on request_for_help using idx_request_received', 'Index Only Scan on outbound_referral using idx_outbound_created'])
      )
      return
    }
    for (const [name, [input, index]] of Object.entries(filters)) {
      const f = { ...referralsOverviewInput.parse(input), readsReferrals: true }
      const list = sides(f, overdue)
      const page = pageQuery(list, 1, 25)!
      const counts = sides(f, overdue, false).map((side) =>
        statusCounts(
          side,
          OVERVIEW_STATUS.items.map((i) => i.code).filter((code) => code.startsWith(`${side.direction}-`))
        )
      )
      for (const s of [page, ...countQueries(list), ...counts]) {
        const plan = await explain(db, s)
        expect({ name, sql: s.sql, scans: fullScans(plan).filter((step) => !/USING (COVERING )?INDEX/.test(step)) }).toEqual({ name, sql: s.sql, scans: [] })
        expect({ name, sql: s.sql, offIndex: reads(plan).filter((step) => !index.test(step)) }).toEqual({ name, sql: s.sql, offIndex: [] })
      }
      // Counting reads the index alone, never the rows (but for "not fed back", which reads the
      // source of the few decided and not yet told, to leave out the anonymous).
      for (const s of [...(name === 'not fed back' ? [] : countQueries(list)), ...counts])
        expect({ name, sql: s.sql, rows: reads(await explain(db, s)).filter((step) => !/COVERING INDEX/.test(step)) }).toEqual({ name, sql: s.sql, rows: [] })
      // The page merges the two sides' index orders: no sort of everything that matches. Only the
      // overdue referrals (sent, not yet acknowledged: a few at any time) are sorted, found by when sent.
      const sorts = (await explain(db, page)).filter((step) => /TEMP B-TREE/.test(step))
      const allowed = name === 'overdue' ? 1 : 0
      expect({ name, sorts: sorts.length > allowed ? sorts : [] }).toEqual({ name, sorts: [] })
    }
    const family = sides({ familyId: okafor.id }, overdue)
    for (const s of [pageQuery(family, 1, 25)!, ...countQueries(family)]) {
      const plan = (await explain(db, s)).join('\n')
      expect(plan).toMatch(/idx_request_family|idx_outbound_family/)
      expect(fullScans(await explain(db, s))).toEqual([])
    }
    const starts = [...chartMonths(null, null, today), addMonths(today, 1).slice(0, 7)].map((m) => startOfLocalDay(`${m}-01`))
    // Each month's count is a range of the date index, and nothing else is read.
    const months = (await explain(db, monthQuery(starts))).filter((step) => /^(SEARCH|SCAN) /.test(step) && step !== 'SCAN CONSTANT ROW')
    expect(months).toHaveLength(24)
    expect(new Set(months)).toEqual(
      new Set([
        'SEARCH request_for_help USING COVERING INDEX idx_request_received (received_at>? AND received_at<?)',
        'SEARCH outbound_referral USING COVERING INDEX idx_outbound_created (created_at>? AND created_at<?)'
      ])
    )
  })
})
