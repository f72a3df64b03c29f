// Attack probes (issue 9): what reception, and someone not named on a restricted family, can read of a
// request for help, through every channel that shows requests. Each test fails while the defect is there.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Connection } from '../core/casebook'
import { unwrap, type TempCasebook } from '../testing/tempCasebook'
import { requestInput, type DirectoryRows } from './testWorld'
import { requestsWorld } from './requestsTestWorld'

let t: TempCasebook
let rita: Connection
let pat: Connection
let molly: Connection
let ids: Record<string, string>
let family: { id: string; reference: string }
let people: Record<string, string>
let directory: DirectoryRows

beforeEach(async () => {
  ;({ t, rita, pat, molly, ids, family, people, directory } = await requestsWorld('hostile-readers'))
})
afterEach(async () => {
  await t.dispose()
})

const call = async (c: Connection, channel: string, input: unknown) => unwrap<any>(await c.invoke(channel, input), channel)

const SECRETS = {
  reason: 'SECRET-REASON-nights-are-hard',
  reference: 'SC-SECRET-0042',
  told: 'SECRET-TOLD-health-visitor-will-call',
  declined: 'SECRET-DECLINED-school-nurse-helps'
}

describe('reception reads where a request has got to, never its casework', () => {
  it('through getRequest, listRequests, the Referrals overview, the family’s referrals, the family, search and the chronology', async () => {
    const stepDown = await call(
      rita,
      'referrals.logRequest',
      requestInput(family.id, [people.Catherine!], { source: '5A', socialCareReference: SECRETS.reference, reason: SECRETS.reason, awareness: 'NOT_AWARE' })
    )
    const signposted = await call(rita, 'referrals.logRequest', requestInput(family.id, [people.Catherine!], { reason: SECRETS.reason }))
    const declined = await call(rita, 'referrals.logRequest', requestInput(family.id, [people.Catherine!], { reason: SECRETS.reason }))
    await call(pat, 'referrals.screenRequest', {
      id: signposted.id,
      version: 1,
      decision: 'SIGNPOST',
      signpost: { serviceId: directory.serviceId, familyTold: SECRETS.told }
    })
    await call(pat, 'referrals.screenRequest', { id: declined.id, version: 1, decision: 'DECLINE', decline: { reason: SECRETS.declined } })

    const seen: string[] = []
    for (const r of [stepDown, signposted, declined]) seen.push(JSON.stringify(await call(rita, 'referrals.getRequest', { id: r.id })))
    for (const show of ['all', 'waiting', 'decided', 'notFedBack', 'overdue']) seen.push(JSON.stringify(await call(rita, 'referrals.listRequests', { show })))
    for (const [channel, input] of [
      ['referrals.overview', {}],
      ['referrals.forFamily', { familyId: family.id }],
      ['families.get', { id: family.id }],
      ['people.search', { text: 'Okafor' }],
      ['chronology.get', { familyId: family.id }]
    ] as const) {
      const result = await rita.invoke(channel, input)
      // Each is answered (the chronology is refused to reception: earlyHelp.read), so the check below means something.
      expect({ channel, ok: result.ok }).toEqual({ channel, ok: channel !== 'chronology.get' })
      seen.push(JSON.stringify(result))
    }
    const everything = seen.join('\n')
    for (const secret of [...Object.values(SECRETS), 'NOT_AWARE', directory.serviceId])
      expect({ secret, leaked: everything.includes(secret) }).toEqual({ secret, leaked: false })
  })
})

describe("a restricted family's request, to someone not named on the family", () => {
  async function restrictedAndDecided() {
    const named = await call(rita, 'referrals.logRequest', requestInput(family.id, [people.Catherine!]))
    const anonymous = await call(rita, 'referrals.logRequest', requestInput(family.id, [people.Catherine!], { source: '9', referrerName: null }))
    const escalated = await call(rita, 'referrals.logRequest', requestInput(family.id, [people.Catherine!], { organisationId: directory.organisationId }))
    for (const r of [named, anonymous])
      await call(molly, 'referrals.screenRequest', { id: r.id, version: 1, decision: 'DECLINE', decline: { reason: 'Another service is helping.' } })
    await call(molly, 'families.setRestriction', { id: family.id, version: 1, restricted: true, allowedUserIds: [ids.rita] })
    return { named: named.id, anonymous: anonymous.id, escalated: escalated.id }
  }

  it('shows on the Referrals overview no more than the requests list shows: not what was decided', async () => {
    const r = await restrictedAndDecided()
    // The requests list hides the decision of a request the caller may not open...
    const listed = (await call(pat, 'referrals.listRequests', {})).requests.find((x: { id: string }) => x.id === r.named)
    expect(listed).toMatchObject({ restricted: true, decision: null })
    // ...so the Referrals screen's list must not name it either (in-DECLINE, in-ESCALATE... is the decision).
    const overview = await call(pat, 'referrals.overview', {})
    const row = overview.rows.find((x: { id: string }) => x.id === r.named)
    expect(row).toMatchObject({ restricted: true })
    expect(['in-ACCEPT', 'in-SIGNPOST', 'in-DECLINE', 'in-ESCALATE']).not.toContain(row.status)
    // Nor may a filter by decision single the restricted family's requests out.
    const byDecision = await call(pat, 'referrals.overview', { status: 'in-DECLINE' })
    expect(byDecision.rows.filter((x: { restricted: boolean }) => x.restricted)).toEqual([])
  })

  it('does not tell, by awaitingFeedback, which of its requests were anonymous (its source is hidden)', async () => {
    const r = await restrictedAndDecided()
    const rows = (await call(pat, 'referrals.listRequests', { show: 'decided' })).requests as { id: string; source: string | null; awaitingFeedback: boolean }[]
    const named = rows.find((x) => x.id === r.named)!
    const anonymous = rows.find((x) => x.id === r.anonymous)!
    expect([named.source, anonymous.source]).toEqual([null, null])
    expect(anonymous.awaitingFeedback).toBe(named.awaitingFeedback)
  })

  it('refuses the family’s referrals, and every request channel, to a practitioner not named on it', async () => {
    const r = await restrictedAndDecided()
    for (const [channel, input] of [
      ['referrals.forFamily', { familyId: family.id }],
      ['referrals.getRequest', { id: r.escalated }],
      ['referrals.recordFeedback', { id: r.named, version: 2, fedBackOn: '2026-11-02', method: 'PHONE' }],
      ['referrals.screenRequest', { id: r.escalated, version: 1, decision: 'DECLINE', decline: { reason: 'No' } }],
      ['chronology.get', { familyId: family.id }]
    ] as const) {
      expect({ channel, result: await pat.invoke(channel, input) }).toMatchObject({ channel, result: { ok: false, error: { code: 'FORBIDDEN' } } })
    }
  })
})
