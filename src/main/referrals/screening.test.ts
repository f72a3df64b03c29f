// Screening requests for help (accept, signpost, decline), the refusals, and telling the person who
// asked. Real SQLite files, signed-in windows for reception, a practitioner and a manager.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Connection } from '../core/casebook'
import { unwrap, type TempCasebook } from '../testing/tempCasebook'
import { okaforFamily, today } from '../testing/fixtures'
import { requestInput, type DirectoryRows } from './testWorld'
import { requestsWorld } from './requestsTestWorld'

let t: TempCasebook
let rita: Connection
let pat: Connection
let patId: string
let family: { id: string; reference: string }
let people: Record<string, string>
let directory: DirectoryRows
let request: { id: string; version: number }

beforeEach(async () => {
  const w = await requestsWorld('screening')
  ;({ t, rita, pat, family, people, directory } = w)
  patId = w.ids.pat
  request = await call(rita, 'referrals.logRequest', requestInput(family.id, [people.Catherine!]))
})
afterEach(async () => {
  await t.dispose()
})

const call = async (c: Connection, channel: string, input: unknown) => unwrap<any>(await c.invoke(channel, input), channel)
const lastSeq = async () => Number((await t.casebook.core.db.query('SELECT max(seq) AS s FROM audit_entry'))[0].s)
const trailSince = async (seq: number) =>
  (await t.casebook.core.db.query('SELECT action, record_type AS type, at FROM audit_entry WHERE seq > ? ORDER BY seq', [seq])) as {
    action: string
    type: string
    at: string
  }[]
const count = async (table: string) => Number((await t.casebook.core.db.query(`SELECT count(*) AS n FROM ${table}`))[0].n)

/** The open-episode form's answers, Grace giving her consent there and then. */
const episodeAnswers = (more: Record<string, unknown> = {}) => ({
  familyId: family.id,
  openedOn: today,
  leadUserId: patId,
  reason: 'Grace is finding the nights hard; the health visitor asked for help.',
  headlines: ['HEALTH', 'EARLY_YEARS'],
  consentId: 'new',
  consentGivenById: people.Grace,
  consentMethod: 'VERBAL',
  consentGivenOn: today,
  ...more
})
const accept = (more: Record<string, unknown> = {}) => ({ id: request.id, version: request.version, decision: 'ACCEPT', accept: episodeAnswers(more) })

describe('accepting a request', () => {
  it('opens the early-help episode linked to it, with the consent step, in one transaction with the decision', async () => {
    const before = await lastSeq()
    const decided = await call(pat, 'referrals.screenRequest', accept())
    expect(decided).toMatchObject({ id: request.id, version: 2, episodeId: expect.any(String) })
    // One call, one transaction: the consent, the episode and the decision, written at one time.
    const trail = await trailSince(before)
    expect(trail.map((e) => `${e.action} ${e.type}`)).toEqual(['create consent', 'create episode', 'update request-for-help'])
    expect(new Set(trail.map((e) => e.at)).size).toBe(1)

    const episode = await call(pat, 'episodes.get', { id: decided.episodeId })
    expect(episode).toMatchObject({
      familyId: family.id,
      status: 'open',
      leadUserId: patId,
      // Rows of episode_headline, read in the code list's order.
      headlines: ['EARLY_YEARS', 'HEALTH'],
      consentId: expect.any(String)
    })
    const record = await call(pat, 'referrals.getRequest', { id: request.id })
    expect(record).toMatchObject({ status: 'decided', decision: 'ACCEPT', decidedBy: 'pat', details: { episodeId: decided.episodeId } })
    // Reception learns that it was accepted, not into what.
    expect(await call(rita, 'referrals.getRequest', { id: request.id })).toMatchObject({ status: 'decided', decision: 'ACCEPT', details: null })
  })

  it('writes nothing at all when the episode cannot be opened, and says so next to the field', async () => {
    const rows = { consent: await count('consent'), episode: await count('episode') }
    const result = await pat.invoke('referrals.screenRequest', accept({ consentGivenById: people.Catherine }))
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'accept.consentGivenById': expect.any(String) } } })
    const lead = await pat.invoke(
      'referrals.screenRequest',
      accept({ leadUserId: (await t.casebook.core.db.query(`SELECT id FROM app_user WHERE username = 'rita'`))[0].id })
    )
    expect(lead).toMatchObject({ ok: false, error: { fields: { 'accept.leadUserId': 'Select a practitioner or manager to lead the episode' } } })
    const schema = await pat.invoke('referrals.screenRequest', accept({ headlines: [] }))
    expect(schema).toMatchObject({ ok: false, error: { fields: { 'accept.headlines': 'Select at least one headline the family needs help with' } } })
    expect({ consent: await count('consent'), episode: await count('episode') }).toEqual(rows)
    expect(await call(pat, 'referrals.getRequest', { id: request.id })).toMatchObject({ status: 'waiting', version: 1 })
  })

  it('is refused, with a message, when the family already has a current episode', async () => {
    const first = await call(pat, 'referrals.screenRequest', accept())
    const second = await call(
      rita,
      'referrals.logRequest',
      requestInput(family.id, [people.Mohammed!], { source: '2A', referrerName: 'Ann Lee', referrerRole: 'Teacher' })
    )
    const episodes = await count('episode')
    const result = await pat.invoke('referrals.screenRequest', { ...accept(), id: second.id, version: 1 })
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringMatching(/^This family already has an early-help episode, opened on .* and led by pat, and a family has one at a time\./)
      }
    })
    expect(await count('episode')).toBe(episodes)
    expect((await call(pat, 'referrals.getRequest', { id: second.id })).status).toBe('waiting')
    expect(first.episodeId).toBeTruthy()
  })

  it('must be for the family the request is about', async () => {
    const other = await t.ok('families.register', {
      family: { ...okaforFamily().family, postcode: 'M1 1AE' },
      members: [
        {
          member: { kind: 'adult', givenName: 'Ruth', familyName: 'Bell', dateOfBirth: '1980-01-01', sex: 'F', ethnicity: 'WBRI', relationship: 'PARENT_CARER' }
        }
      ]
    })
    expect(await pat.invoke('referrals.screenRequest', accept({ familyId: other.id }))).toMatchObject({
      ok: false,
      error: { fields: { 'accept.familyId': 'The episode must be for the family the request is about' } }
    })
    expect(await count('episode')).toBe(0)
  })
})

describe('signposting and declining', () => {
  it('signposts to an active service of the directory, with what the family was told', async () => {
    const closed = await pat.invoke('referrals.screenRequest', {
      id: request.id,
      version: 1,
      decision: 'SIGNPOST',
      signpost: { serviceId: directory.closedServiceId, familyTold: 'Try the stay and play.' }
    })
    expect(closed).toMatchObject({
      ok: false,
      error: { fields: { 'signpost.serviceId': 'Stay and play is not taking anyone at present (temporarily closed). Choose an active service.' } }
    })
    const missing = await pat.invoke('referrals.screenRequest', {
      id: request.id,
      version: 1,
      decision: 'SIGNPOST',
      signpost: { serviceId: directory.serviceId, familyTold: '' }
    })
    expect(missing).toMatchObject({ ok: false, error: { fields: { 'signpost.familyTold': 'Enter what the family was told' } } })
    await call(pat, 'referrals.screenRequest', {
      id: request.id,
      version: 1,
      decision: 'SIGNPOST',
      signpost: { serviceId: directory.serviceId, familyTold: 'The health visitor will call Grace this week.' }
    })
    expect(await call(pat, 'referrals.getRequest', { id: request.id })).toMatchObject({
      decision: 'SIGNPOST',
      details: {
        service: { id: directory.serviceId, name: 'Health visiting', organisationName: 'Riverside Health' },
        familyTold: 'The health visitor will call Grace this week.'
      }
    })
    expect(await count('episode')).toBe(0)
  })

  it('declines with a reason', async () => {
    expect(await pat.invoke('referrals.screenRequest', { id: request.id, version: 1, decision: 'DECLINE', decline: { reason: '' } })).toMatchObject({
      ok: false,
      error: { fields: { 'decline.reason': 'Enter why the request was declined' } }
    })
    expect(await pat.invoke('referrals.screenRequest', { id: request.id, version: 1, decision: 'DECLINE' })).toMatchObject({
      ok: false,
      error: { fields: { decision: 'Answer the questions of the decision you chose' } }
    })
    await call(pat, 'referrals.screenRequest', { id: request.id, version: 1, decision: 'DECLINE', decline: { reason: 'The school nurse is already helping.' } })
    const record = await call(pat, 'referrals.getRequest', { id: request.id })
    expect(record).toMatchObject({ decision: 'DECLINE', details: { declineReason: 'The school nurse is already helping.', service: null, episodeId: null } })
    expect(JSON.stringify(await call(rita, 'referrals.getRequest', { id: request.id }))).not.toContain('school nurse')
  })

  it('escalates only with the step-up’s details (the step-up itself: stepUp.test.ts)', async () => {
    expect(await pat.invoke('referrals.screenRequest', { id: request.id, version: 1, decision: 'ESCALATE' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { decision: 'Answer the questions of the decision you chose' } }
    })
  })
})

describe('a decision', () => {
  it("is final, and a colleague's in between is refused, never overwritten", async () => {
    const stale = await pat.invoke('referrals.screenRequest', { id: request.id, version: 7, decision: 'DECLINE', decline: { reason: 'No' } })
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/^Someone else saved changes to this request for help/) }
    })
    await call(pat, 'referrals.screenRequest', { id: request.id, version: 1, decision: 'DECLINE', decline: { reason: 'The school nurse is already helping.' } })
    const again = await pat.invoke('referrals.screenRequest', accept())
    expect(again).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringMatching(/^This request has been decided already \(decline, on .*\)\. A decision is final: it cannot be decided again\.$/)
      }
    })
    expect(await count('episode')).toBe(0)
    expect(await call(pat, 'referrals.getRequest', { id: request.id })).toMatchObject({ decision: 'DECLINE', version: 2 })
  })

  it('is a practitioner’s or a manager’s, never reception’s', async () => {
    expect(await rita.invoke('referrals.screenRequest', { id: request.id, version: 1, decision: 'DECLINE', decline: { reason: 'No' } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
    expect((await call(pat, 'referrals.getRequest', { id: request.id })).status).toBe('waiting')
  })
})

describe('telling the person who asked', () => {
  const decline = () =>
    call(pat, 'referrals.screenRequest', { id: request.id, version: 1, decision: 'DECLINE', decline: { reason: 'The school nurse is already helping.' } })
  const notFedBack = async () => (await call(rita, 'referrals.listRequests', { show: 'notFedBack' })).requests.map((r: { id: string }) => r.id)

  it('is its own step, after the decision, once; the list of those not told then leaves it out', async () => {
    expect(await rita.invoke('referrals.recordFeedback', { id: request.id, version: 1, fedBackOn: today, method: 'PHONE' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'The person who asked can be told once the request has been decided.' }
    })
    await decline()
    expect(await notFedBack()).toEqual([request.id])
    expect(await rita.invoke('referrals.recordFeedback', { id: request.id, version: 2, fedBackOn: '2026-01-01', method: 'PHONE' })).toMatchObject({
      ok: false,
      error: { fields: { fedBackOn: expect.stringMatching(/^The date they were told must be on or after the day the request was decided, /) } }
    })
    await call(rita, 'referrals.recordFeedback', { id: request.id, version: 2, fedBackOn: today, method: 'SECURE_EMAIL', note: 'Emailed Dee the outcome.' })
    expect(await notFedBack()).toEqual([])
    expect(await call(rita, 'referrals.getRequest', { id: request.id })).toMatchObject({
      feedback: { on: today, method: 'SECURE_EMAIL', by: 'rita', note: 'Emailed Dee the outcome.' }
    })
    expect(await rita.invoke('referrals.recordFeedback', { id: request.id, version: 3, fedBackOn: today, method: 'PHONE' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/^The person who asked was told already, on /) }
    })
  })

  it('is not asked of an anonymous request: there is no one to tell', async () => {
    const anonymous = await call(rita, 'referrals.logRequest', requestInput(family.id, [people.Catherine!], { source: '9', referrerName: null }))
    await call(pat, 'referrals.screenRequest', { id: anonymous.id, version: 1, decision: 'DECLINE', decline: { reason: 'Nothing to act on.' } })
    expect(await notFedBack()).toEqual([])
    expect(await rita.invoke('referrals.recordFeedback', { id: anonymous.id, version: 2, fedBackOn: today, method: 'PHONE' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'This request was made anonymously: there is no one to tell.' }
    })
  })
})
