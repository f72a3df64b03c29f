// Logging requests for help, reading them back as each role may, the list's filters and pages, the
// family's access check, and the family's chronology. Real SQLite files, signed-in windows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Connection } from '../core/casebook'
import { unwrap, type TempCasebook } from '../testing/tempCasebook'
import { okaforFamily, today } from '../testing/fixtures'
import { requestInput, type DirectoryRows } from './testWorld'
import { requestsWorld } from './requestsTestWorld'
import { buildRequestQueries } from './list'
import { listRequestsInput, REQUESTS_PAGE_SIZE } from '../../shared/referrals/requests'
import { explainPostgres, INDEXES_ONLY, sequentialScans, sorts } from '../testing/queryPlans'

let t: TempCasebook
let rita: Connection
let pat: Connection
let molly: Connection
let ids: Record<string, string>
let family: { id: string; reference: string }
let people: Record<string, string>
let directory: DirectoryRows

beforeEach(async () => {
  ;({ t, rita, pat, molly, ids, family, people, directory } = await requestsWorld('requests'))
})
afterEach(async () => {
  await t.dispose()
})

const call = async (c: Connection, channel: string, input: unknown) => unwrap<any>(await c.invoke(channel, input), channel)
const countRequests = async () => Number((await t.casebook.core.db.query('SELECT count(*) AS n FROM request_for_help'))[0].n)
const shown = async (c: Connection, input: Record<string, unknown>) =>
  (await call(c, 'referrals.listRequests', input)).requests.map((r: { id: string }) => r.id)

describe('logging a request for help', () => {
  it("reception logs a health visitor's request; a practitioner reads all of it, reception where it has got to", async () => {
    const logged = await call(
      rita,
      'referrals.logRequest',
      requestInput(family.id, [people.Catherine!, people.Unborn!], { organisationId: directory.organisationId, referrerEmail: 'dee.patel@example.nhs.uk' })
    )
    expect(logged.version).toBe(1)

    const full = await call(pat, 'referrals.getRequest', { id: logged.id })
    expect(full).toMatchObject({
      familyId: family.id,
      familyReference: family.reference,
      receivedAt: new Date('2026-04-02T10:15:00').toISOString(),
      channel: 'PHONE',
      referrer: { name: 'Dee Patel', role: 'Health visitor', organisationId: directory.organisationId, agency: 'Riverside Health', phone: '01632 960 001' },
      source: '3B',
      children: [
        { id: people.Catherine, name: 'Catherine Okafor' },
        { id: people.Unborn, name: 'Unborn baby Okafor' }
      ],
      urgency: 'ROUTINE',
      status: 'waiting',
      decision: null,
      feedback: null,
      anonymous: false,
      loggedBy: 'rita',
      targetDays: 2,
      details: { reason: 'Mum is finding the nights hard since the baby came.', awareness: 'AWARE_AGREES', socialCareReference: null, episodeId: null }
    })

    // Reception: when, how, who asked and about whom, and where it has got to; never what was asked.
    const reception = await call(rita, 'referrals.getRequest', { id: logged.id })
    expect(reception.details).toBeNull()
    expect(JSON.stringify(reception)).not.toContain('nights hard')
    expect(reception).toMatchObject({ status: 'waiting', referrer: { name: 'Dee Patel' }, children: full.children })

    const trail = await t.casebook.core.db.query(
      `SELECT actor, action, record_type AS type, record_id AS id FROM audit_entry WHERE record_type = 'request-for-help' ORDER BY seq`
    )
    expect(trail).toEqual([
      { actor: 'rita', action: 'create', type: 'request-for-help', id: logged.id },
      { actor: 'pat', action: 'view', type: 'request-for-help', id: logged.id },
      { actor: 'rita', action: 'view', type: 'request-for-help', id: logged.id }
    ])
  })

  it('logs a step-down from social care with their reference, a family asking for themselves, and an anonymous caller', async () => {
    const stepDown = await call(
      rita,
      'referrals.logRequest',
      requestInput(family.id, [people.Catherine!], {
        source: '5A',
        socialCareReference: 'SC-2026-0042',
        referrerName: 'Sam Hughes',
        referrerRole: 'Social worker',
        agency: 'Children’s social care'
      })
    )
    expect((await call(pat, 'referrals.getRequest', { id: stepDown.id })).details.socialCareReference).toBe('SC-2026-0042')
    const own = await call(
      rita,
      'referrals.logRequest',
      requestInput(family.id, [people.Mohammed!], { source: '1C', referrerName: 'Grace Okafor', referrerRole: null, channel: 'IN_PERSON' })
    )
    expect(await call(pat, 'referrals.getRequest', { id: own.id })).toMatchObject({
      source: '1C',
      channel: 'IN_PERSON',
      referrer: { name: 'Grace Okafor', agency: null }
    })
    const anonymous = await call(
      rita,
      'referrals.logRequest',
      requestInput(family.id, [people.Mohammed!], { source: '9', referrerName: '', referrerRole: '', referrerPhone: '' })
    )
    expect(await call(pat, 'referrals.getRequest', { id: anonymous.id })).toMatchObject({ anonymous: true, referrer: { name: null, phone: null } })
  })

  it('refuses what does not fit, next to its field, and writes nothing', async () => {
    const other = await t.ok('families.register', {
      family: { ...okaforFamily().family, postcode: 'M1 1AE' },
      members: [{ member: { kind: 'child', givenName: 'Tom', familyName: 'Bell', dateOfBirth: '2020-02-02', sex: 'M', ethnicity: 'WBRI' } }]
    })
    const otherChild = (await t.ok('families.get', { id: other.id })).members.find((m: { kind: string }) => m.kind === 'child').id
    const refusals: [Record<string, unknown>, Record<string, string>][] = [
      [{ childIds: [otherChild] }, { childIds: 'Select children who are in this family now' }],
      [{ childIds: [people.Grace] }, { childIds: 'Select children who are in this family now' }],
      [{ childIds: [] }, { childIds: 'Select the children the request is about' }],
      [{ source: '5A' }, { socialCareReference: 'Enter the social care reference of the case they closed' }],
      [{ socialCareReference: 'SC-1' }, { socialCareReference: 'Only a step-down from children’s social care (source 5A) has a social care reference' }],
      [{ referrerName: '' }, { referrerName: 'Enter the name of the person who asked' }],
      [{ organisationId: directory.organisationId, agency: 'Riverside Health' }, { agency: 'Choose the agency from the directory or type it, not both' }],
      [
        { organisationId: '6f1c1b0e-1d2a-4c53-9a43-6f0d1a2b3c99' },
        { organisationId: 'That agency is no longer in the directory. Choose it again, or type its name.' }
      ],
      [{ receivedTime: '25:00' }, { receivedTime: 'Enter the time as hours and minutes, like 14:30' }],
      [{ reason: ' ' }, { reason: 'Enter why they asked for help, in their words' }],
      [{ awareness: '' }, { awareness: 'Select what the family knows of the request' }]
    ]
    for (const [change, fields] of refusals) {
      const result = await rita.invoke('referrals.logRequest', requestInput(family.id, [people.Catherine!], change))
      expect({ change, result }).toMatchObject({ change, result: { ok: false, error: { code: 'VALIDATION', fields } } })
    }
    expect(await countRequests()).toBe(0)
  })
})

describe('the list of requests', () => {
  async function fourRequests() {
    const log = (day: string, more: Record<string, unknown> = {}) =>
      call(rita, 'referrals.logRequest', requestInput(family.id, [people.Catherine!], { receivedOn: day, ...more }))
    const waiting = await log('2026-04-01')
    const declined = await log('2026-04-02')
    const told = await log('2026-04-03')
    const anonymous = await log('2026-04-06', { source: '9', referrerName: null })
    for (const r of [declined, told, anonymous])
      await call(pat, 'referrals.screenRequest', { id: r.id, version: 1, decision: 'DECLINE', decline: { reason: 'The school nurse is helping.' } })
    await call(rita, 'referrals.recordFeedback', { id: told.id, version: 2, fedBackOn: today, method: 'PHONE' })
    return { waiting: waiting.id, declined: declined.id, told: told.id, anonymous: anonymous.id }
  }

  it('shows what waits, what is overdue, what was decided, and what no one has been told, each in its order', async () => {
    const r = await fourRequests()
    expect(await shown(rita, {})).toEqual([r.anonymous, r.told, r.declined, r.waiting])
    expect(await shown(rita, { show: 'waiting' })).toEqual([r.waiting])
    // Received in April, and today is later than two working days after that.
    expect(await shown(rita, { show: 'overdue' })).toEqual([r.waiting])
    expect(await shown(rita, { show: 'decided' })).toEqual([r.anonymous, r.told, r.declined])
    // Nobody can tell an anonymous caller; the one told is off the list.
    expect(await shown(rita, { show: 'notFedBack' })).toEqual([r.declined])
    expect(await shown(rita, { receivedFrom: '2026-04-02', receivedTo: '2026-04-03' })).toEqual([r.told, r.declined])
    expect(await rita.invoke('referrals.listRequests', { receivedFrom: '2026-04-03', receivedTo: '2026-04-02' })).toMatchObject({
      ok: false,
      error: { fields: { receivedTo: 'End date must be the same as or after the start date' } }
    })

    const [row] = (await call(rita, 'referrals.listRequests', { show: 'notFedBack' })).requests
    expect(row).toMatchObject({
      familyReference: family.reference,
      familyName: `Samuel Okafor and Grace O'Neill-Okafor (${family.reference})`,
      restricted: false,
      referrerName: 'Dee Patel',
      source: '3B',
      status: 'decided',
      decision: 'DECLINE',
      awaitingFeedback: true,
      // Received in April, decided today: late.
      overdue: true
    })
  })

  it('comes a page at a time', async () => {
    for (let i = 0; i < 26; i++)
      await call(rita, 'referrals.logRequest', requestInput(family.id, [people.Catherine!], { receivedTime: `09:${String(i).padStart(2, '0')}` }))
    const first = await call(rita, 'referrals.listRequests', {})
    expect(first).toMatchObject({ total: 26, page: 1, pageSize: 25 })
    expect(first.requests).toHaveLength(25)
    const second = await call(rita, 'referrals.listRequests', { page: 2 })
    expect(second.requests).toHaveLength(1)
    expect(second.requests[0].receivedAt).toBe(new Date('2026-04-02T09:00:00').toISOString())
  })

  it('pages through requests received at the same minute in one order, by id, each on one page', async () => {
    // 26 requests typed in at the same minute: only their ids tell them apart, on either engine.
    const logged: string[] = []
    for (let i = 0; i < REQUESTS_PAGE_SIZE + 1; i++) logged.push((await call(rita, 'referrals.logRequest', requestInput(family.id, [people.Catherine!]))).id)
    const byId = [...logged].sort()
    const pages = async (input: Record<string, unknown>) => [...(await shown(rita, input)), ...(await shown(rita, { ...input, page: 2 }))]
    // Newest first, and what waits oldest first: the id breaks the tie the same way round.
    expect(await pages({})).toEqual([...byId].reverse())
    expect(await pages({ show: 'waiting' })).toEqual(byId)
    expect(await pages({})).toEqual(await pages({}))
  })

  it("finds each filter's rows on its index", async () => {
    await fourRequests()
    const queries = (show: string) => buildRequestQueries(listRequestsInput.parse({ show }), { userId: ids.rita! }, new Date().toISOString())
    if (t.postgres) {
      // PostgreSQL's own plans (testing/queryPlans, INDEXES_ONLY): each filter read off an index in the list's
      // order, never the whole table, never a sort. "Not fed back" may go by the status index's order,
      // leaving out those already told as it reads.
      const indexes: Record<string, RegExp> = {
        all: /idx_request_received$/,
        waiting: /idx_request_status$/,
        overdue: /idx_request_status$/,
        decided: /idx_request_status$/,
        notFedBack: /idx_request_(not_fed_back|status)$/
      }
      for (const [show, index] of Object.entries(indexes)) {
        const plan = await explainPostgres(t.casebook.core.db, queries(show).rows, INDEXES_ONLY)
        expect({ show, requests: plan.filter((step) => /on request_for_help\b/.test(step)) }).toEqual({ show, requests: [expect.stringMatching(index)] })
        expect({ show, sequential: sequentialScans(plan), sorts: sorts(plan) }).toEqual({ show, sequential: [], sorts: [] })
      }
      return
    }
    const plan = async (show: string) => {
      const { rows } = queries(show)
      return ((await t.casebook.core.db.query(`EXPLAIN QUERY PLAN ${rows.sql}`, rows.params)) as { detail: string }[]).map((r) => r.detail).join('\n')
    }
    expect(await plan('waiting')).toMatch(/SEARCH r USING INDEX idx_request_status \(status=\?\)/)
    expect(await plan('overdue')).toMatch(/SEARCH r USING INDEX idx_request_status \(status=\? AND received_at<\?\)/)
    expect(await plan('decided')).toMatch(/SEARCH r USING INDEX idx_request_status \(status=\?\)/)
    expect(await plan('notFedBack')).toMatch(/SEARCH r USING INDEX idx_request_not_fed_back \(status=\? AND fed_back_on=\?\)/)
    expect(await plan('all')).toMatch(/SCAN r USING INDEX idx_request_received/)
    for (const show of ['all', 'waiting', 'overdue', 'decided', 'notFedBack']) expect(await plan(show)).not.toMatch(/TEMP B-TREE/)
  })
})

describe("a restricted family's requests", () => {
  it('are refused to those who may not open the family, and listed for them by reference and progress only', async () => {
    const logged = await call(rita, 'referrals.logRequest', requestInput(family.id, [people.Catherine!]))
    await call(molly, 'families.setRestriction', { id: family.id, version: 1, restricted: true, allowedUserIds: [ids.rita] })
    const refused = { ok: false, error: { code: 'FORBIDDEN', message: "This family's record is restricted. Ask rita or a hub manager if you need to see it." } }
    for (const [channel, input] of [
      ['referrals.getRequest', { id: logged.id }],
      ['referrals.screenRequest', { id: logged.id, version: 1, decision: 'DECLINE', decline: { reason: 'No' } }],
      ['referrals.recordFeedback', { id: logged.id, version: 1, fedBackOn: '2026-11-02', method: 'PHONE' }],
      ['referrals.logRequest', requestInput(family.id, [people.Catherine!])]
    ] as const) {
      expect({ channel, result: await pat.invoke(channel, input) }).toMatchObject({ channel, result: refused })
    }
    expect(await countRequests()).toBe(1)
    const refusals = await t.casebook.core.db.query(
      `SELECT count(*) AS n FROM audit_entry WHERE action = 'permission-refused' AND actor = 'pat' AND record_id = ?`,
      [family.id]
    )
    expect(Number(refusals[0].n)).toBe(4)

    const [row] = (await call(pat, 'referrals.listRequests', {})).requests
    expect(row).toEqual({
      id: logged.id,
      familyId: family.id,
      familyReference: family.reference,
      familyName: `Family ${family.reference}`,
      restricted: true,
      receivedAt: new Date('2026-04-02T10:15:00').toISOString(),
      referrerName: null,
      referrerAgency: null,
      source: null,
      urgency: null,
      status: 'waiting',
      decision: null,
      decidedAt: null,
      awaitingFeedback: false,
      fedBack: false,
      workingDays: expect.any(Number),
      overdue: true
    })
    // Named on the family, and a manager: as any other family's.
    expect((await call(rita, 'referrals.listRequests', {})).requests[0]).toMatchObject({ restricted: false, referrerName: 'Dee Patel' })
    expect((await call(molly, 'referrals.getRequest', { id: logged.id })).details.reason).toMatch(/nights hard/)
  })
})

describe("the family's chronology", () => {
  it('shows when a request was received and when it was decided', async () => {
    const logged = await call(rita, 'referrals.logRequest', requestInput(family.id, [people.Catherine!], { organisationId: directory.organisationId }))
    await call(pat, 'referrals.screenRequest', {
      id: logged.id,
      version: 1,
      decision: 'SIGNPOST',
      signpost: { serviceId: directory.serviceId, familyTold: 'The health visitor will call Grace this week.' }
    })
    const { entries } = await call(pat, 'chronology.get', { familyId: family.id })
    const requests = entries.filter((e: { kind: string }) => e.kind.startsWith('request-'))
    expect(requests).toEqual([
      expect.objectContaining({
        kind: 'request-decided',
        title: 'Request for help signposted to Health visiting, Riverside Health',
        text: 'The health visitor will call Grace this week.',
        by: 'pat',
        people: ['Catherine Okafor']
      }),
      expect.objectContaining({
        kind: 'request-received',
        when: '2026-04-02T10:15',
        title: 'Request for help received from Dee Patel, Riverside Health (3B Health visitor)',
        text: 'Mum is finding the nights hard since the baby came.',
        by: 'rita',
        people: ['Catherine Okafor']
      })
    ])
  })
})
