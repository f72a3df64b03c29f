// Step-ups to children's social care: made by escalating a request (in the decision's transaction)
// or from an episode closed as stepped up; social care's acknowledgement; the manager's list; the
// referral PDF and each child's census file, written through the window and audited as exports.
// Real SQLite files, signed-in windows for reception, a practitioner and a manager.
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Connection } from '../core/casebook'
import type { WindowHost } from '../core/context'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { signedInUser } from '../testing/accounts'
import { okaforFamily, today } from '../testing/fixtures'
import { requestInput } from './testWorld'
import { at, parseXml } from './xmlTesting'

let t: TempCasebook
let rita: Connection
let pat: Connection
let patId: string
let mo: Connection
let family: { id: string; reference: string }
let people: Record<string, string>
let request: { id: string; version: number }
let saved: { name: string; content: string }[]

beforeEach(async () => {
  t = await tempCasebook('step-up')
  rita = (await signedInUser(t, 'rita', 'reception')).connection
  const practitioner = await signedInUser(t, 'pat', 'practitioner')
  patId = practitioner.id
  await signedInUser(t, 'mo', 'manager')
  saved = []
  // Pat's and Mo's windows can save files: each "saved" file is kept here, as the dialogue would write it.
  const host: WindowHost = {
    savePdf: async (name) => {
      saved.push({ name, content: '%PDF' })
      return join(t.dir, name)
    },
    saveFile: async (name, content) => {
      saved.push({ name, content })
      return join(t.dir, name)
    }
  }
  pat = await windowFor('pat', host)
  mo = await windowFor('mo', host)
  family = await t.ok('families.register', okaforFamily())
  const view = await t.ok('families.get', { id: family.id })
  people = Object.fromEntries(view.members.map((m: { givenName: string | null; id: string }) => [m.givenName ?? 'Unborn', m.id]))
  request = await call(
    rita,
    'referrals.logRequest',
    requestInput(family.id, [people.Catherine!, people.Mohammed!], { receivedOn: today, receivedTime: '00:00' })
  )
})
afterEach(async () => {
  await t.dispose()
})

async function windowFor(username: string, host: WindowHost): Promise<Connection> {
  const connection = t.casebook.connect(undefined, host)
  unwrap(await connection.invoke('auth.signIn', { username, password: 'a chosen passphrase' }))
  return connection
}
const call = async (c: Connection, channel: string, input: unknown) => unwrap<any>(await c.invoke(channel, input), channel)
const lastSeq = async () => Number((await t.casebook.core.db.query('SELECT max(seq) AS s FROM audit_entry'))[0].s)
const trailSince = async (seq: number) =>
  (await t.casebook.core.db.query('SELECT action, record_type AS type, at, changes FROM audit_entry WHERE seq > ? ORDER BY seq', [seq])) as {
    action: string
    type: string
    at: string
    changes: string
  }[]
const count = async (table: string) => Number((await t.casebook.core.db.query(`SELECT count(*) AS n FROM ${table}`))[0].n)

const CONCERN = 'Catherine told the health visitor she is scared of her mum’s new partner.'
const escalation = (more: Record<string, unknown> = {}) => ({
  id: request.id,
  version: request.version,
  decision: 'ESCALATE',
  escalate: { concern: CONCERN, childIds: [people.Catherine, people.Mohammed], steppedUpOn: today, ...more }
})

describe('escalating a request', () => {
  it('makes exactly one step-up, with its children and the hub’s source, in one transaction with the decision', async () => {
    await t.ok('hub.update', { ...(await t.ok('hub.settings', {})), stepUpSource: '5D' })
    const before = await lastSeq()
    const decided = await call(pat, 'referrals.screenRequest', escalation())
    expect(decided).toMatchObject({ id: request.id, version: 2, episodeId: null, stepUpId: expect.any(String) })
    const trail = await trailSince(before)
    expect(trail.map((e) => `${e.action} ${e.type}`)).toEqual(['update request-for-help', 'create step-up'])
    expect(new Set(trail.map((e) => e.at)).size).toBe(1)
    expect(await count('step_up')).toBe(1)
    const rows = await t.casebook.core.db.query('SELECT request_id, episode_id, referral_source, made_by_user_id, stepped_up_on FROM step_up')
    expect(rows).toEqual([{ request_id: request.id, episode_id: null, referral_source: '5D', made_by_user_id: patId, stepped_up_on: today }])
    const stepUp = await call(pat, 'referrals.getStepUp', { id: decided.stepUpId })
    expect(stepUp).toMatchObject({
      familyReference: family.reference,
      concern: CONCERN,
      steppedUpOn: today,
      referralSource: '5D',
      madeBy: 'pat',
      request: { id: request.id, referrer: 'Dee Patel, Health visitor', source: '3B', decidedBy: 'pat' },
      episode: null,
      acknowledgement: null
    })
    expect(stepUp.children.map((c: { name: string; missing: string[] }) => [c.name, c.missing])).toEqual([
      ['Catherine Okafor', []],
      ['Mohammed Okafor', []]
    ])
    expect(await call(pat, 'referrals.getRequest', { id: request.id })).toMatchObject({ status: 'decided', decision: 'ESCALATE' })
  })

  it('is refused, and nothing written, without the step-up’s details or with a child the request is not about', async () => {
    const before = await lastSeq()
    const none = await pat.invoke('referrals.screenRequest', { id: request.id, version: 1, decision: 'ESCALATE' })
    expect(none).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { decision: 'Answer the questions of the decision you chose' } } })
    const blank = await pat.invoke('referrals.screenRequest', escalation({ concern: ' ', childIds: [] }))
    expect(blank).toMatchObject({
      ok: false,
      error: { fields: { 'escalate.concern': 'Enter the concern for the children', 'escalate.childIds': 'Select the children the step-up is about' } }
    })
    const grace = await pat.invoke('referrals.screenRequest', escalation({ childIds: [people.Grace] }))
    expect(grace).toMatchObject({ ok: false, error: { fields: { 'escalate.childIds': 'Select children the request is about' } } })
    const early = await pat.invoke('referrals.screenRequest', escalation({ steppedUpOn: '2020-01-01' }))
    expect(early).toMatchObject({ ok: false, error: { fields: { 'escalate.steppedUpOn': expect.stringContaining('on or after the request came') } } })
    expect(await count('step_up')).toBe(0)
    expect(await lastSeq()).toBe(before)
    expect(await call(pat, 'referrals.getRequest', { id: request.id })).toMatchObject({ status: 'waiting', version: 1 })
  })

  it('is for those who screen: reception cannot escalate', async () => {
    expect(await rita.invoke('referrals.screenRequest', escalation())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('a step-up from an episode', () => {
  async function closedEpisode(reason: string) {
    const episode = await t.ok('episodes.open', {
      familyId: family.id,
      openedOn: today,
      leadUserId: patId,
      reason: 'Housing worries',
      headlines: ['HOUSING'],
      consentId: 'new',
      consentGivenById: people.Grace,
      consentMethod: 'VERBAL',
      consentGivenOn: today
    })
    await t.ok('episodes.close', {
      id: episode.id,
      version: episode.version,
      closedOn: today,
      reason,
      stepUpOn: reason === 'STEPPED_UP' ? today : null,
      note: reason === 'OTHER' ? 'Other' : null,
      outcomes: { HOUSING: 'NOT_ACHIEVED' },
      familyView: 'They know why.'
    })
    return episode.id as string
  }
  const fromEpisode = (episodeId: string) => ({ episodeId, concern: CONCERN, childIds: [people.Catherine], steppedUpOn: today })

  it('is made once, from an episode closed as stepped up, with the episode as what the hub did', async () => {
    const episodeId = await closedEpisode('STEPPED_UP')
    const made = await call(pat, 'referrals.stepUpFromEpisode', fromEpisode(episodeId))
    const stepUp = await call(pat, 'referrals.getStepUp', { id: made.id })
    expect(stepUp).toMatchObject({
      request: null,
      episode: { id: episodeId, openedOn: today, leadName: 'pat', reason: 'Housing worries' },
      referralSource: '8'
    })
    const again = await pat.invoke('referrals.stepUpFromEpisode', fromEpisode(episodeId))
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('stepped up already') } })
    expect(await count('step_up')).toBe(1)
  })

  it('is refused from an episode closed for another reason, or about someone who is not a child of the family', async () => {
    const episodeId = await closedEpisode('OUTCOMES_ACHIEVED')
    expect(await pat.invoke('referrals.stepUpFromEpisode', fromEpisode(episodeId))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const other = await closedEpisodeOfAnotherKind()
    expect(await pat.invoke('referrals.stepUpFromEpisode', { ...fromEpisode(other), childIds: [people.Grace] })).toMatchObject({
      ok: false,
      error: { fields: { childIds: 'Select children of this family' } }
    })
    expect(await count('step_up')).toBe(0)
  })

  /** The first episode reopened and closed again as stepped up. */
  async function closedEpisodeOfAnotherKind() {
    const [row] = await t.casebook.core.db.query('SELECT id, version FROM episode')
    const reopened = await t.ok('episodes.reopen', { id: row.id, version: row.version, reason: 'Worse again.' })
    await t.ok('episodes.close', {
      id: row.id,
      version: reopened.version,
      closedOn: today,
      reason: 'STEPPED_UP',
      stepUpOn: today,
      outcomes: { HOUSING: 'NOT_ACHIEVED' },
      familyView: 'They know why.'
    })
    return row.id as string
  }
})

describe('acknowledgement and the manager’s list', () => {
  it('records social care’s acknowledgement once; the manager sees every step-up with it, a page at a time', async () => {
    const { stepUpId } = await call(pat, 'referrals.screenRequest', escalation())
    expect(await call(mo, 'referrals.listStepUps', { show: 'waiting' })).toMatchObject({
      total: 1,
      page: 1,
      pageSize: 25,
      stepUps: [
        {
          id: stepUpId,
          familyReference: family.reference,
          familyName: `Samuel Okafor and Grace O'Neill-Okafor (${family.reference})`,
          from: 'request',
          madeBy: 'pat',
          acknowledgement: null
        }
      ]
    })
    const before = await lastSeq()
    const ack = { id: stepUpId, version: 1, acknowledgedOn: today, socialCareReference: 'SC-2026-0042' }
    expect(await call(pat, 'referrals.acknowledgeStepUp', ack)).toEqual({ id: stepUpId, version: 2 })
    expect((await trailSince(before)).map((e) => `${e.action} ${e.type}`)).toEqual(['update step-up'])
    expect(await pat.invoke('referrals.acknowledgeStepUp', { ...ack, version: 2 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await call(mo, 'referrals.listStepUps', { show: 'waiting' })).toMatchObject({ total: 0, stepUps: [] })
    expect(await call(mo, 'referrals.listStepUps', { show: 'acknowledged' })).toMatchObject({
      total: 1,
      stepUps: [{ id: stepUpId, acknowledgement: { on: today, reference: 'SC-2026-0042', by: 'pat' } }]
    })
    expect(await pat.invoke('referrals.listStepUps', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await rita.invoke('referrals.getStepUp', { id: stepUpId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('puts the step-up and its acknowledgement in the family’s chronology', async () => {
    const { stepUpId } = await call(pat, 'referrals.screenRequest', escalation())
    await call(pat, 'referrals.acknowledgeStepUp', { id: stepUpId, version: 1, acknowledgedOn: today, socialCareReference: 'SC-2026-0042' })
    const { entries } = await call(pat, 'chronology.get', { familyId: family.id })
    const stepUps = entries.filter((e: { kind: string }) => e.kind.startsWith('step-up'))
    expect(stepUps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'step-up',
          when: today,
          title: "Stepped up to children’s social care from screening a request for help (source 8 Other, including children's centres)",
          text: CONCERN,
          significant: true,
          by: 'pat',
          people: ['Catherine Okafor', 'Mohammed Okafor']
        }),
        expect.objectContaining({ kind: 'step-up-acknowledged', title: 'Children’s social care acknowledged the step-up (their reference SC-2026-0042)' })
      ])
    )
  })
})

describe('the step-up’s files', () => {
  it('writes a child’s census file where the user chose, checked first, and audits it as an export', async () => {
    const { stepUpId } = await call(pat, 'referrals.screenRequest', escalation())
    const before = await lastSeq()
    const result = await call(pat, 'referrals.saveCinFile', { id: stepUpId, personId: people.Mohammed, upnUnknown: 'UN1', fileName: 'Mohammed.xml' })
    expect(result).toEqual({ saved: true, path: join(t.dir, 'Mohammed.xml') })
    const root = parseXml(saved.at(-1)!.content)
    expect(at(root, 'Children', 'Child', 'ChildIdentifiers', 'UPNunknown')?.text).toBe('UN1')
    expect(at(root, 'Children', 'Child', 'ChildIdentifiers', 'LAchildID')?.text).toBe(people.Mohammed)
    expect(at(root, 'Header', 'Source', 'LEA')?.text).toBe('999')
    const trail = await trailSince(before)
    expect(trail.map((e) => `${e.action} ${e.type}`)).toEqual(['export step-up'])
    expect(JSON.parse(trail[0]!.changes)).toMatchObject({ format: 'CIN XML', personId: people.Mohammed, path: join(t.dir, 'Mohammed.xml') })
  })

  it('refuses a file the census would refuse, saying what is missing, and asks nobody where to save it', async () => {
    const { stepUpId } = await call(pat, 'referrals.screenRequest', escalation({ childIds: [people.Mohammed] }))
    // Mohammed has no UPN: the reason it is not known must be chosen.
    const noReason = await pat.invoke('referrals.saveCinFile', { id: stepUpId, personId: people.Mohammed, fileName: 'Mohammed.xml' })
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { upnUnknown: 'No UPN recorded: select why it is not known' } } })
    // A child with no ethnicity recorded (as earlier versions allowed) is refused with that reason.
    await t.casebook.core.writes.run((m) => m.query('UPDATE person SET ethnicity = NULL WHERE id = ?', [people.Mohammed]))
    const stepUp = await call(pat, 'referrals.getStepUp', { id: stepUpId })
    expect(stepUp.children[0].missing).toEqual(['No ethnicity recorded (record “Information not yet obtained” if it is not known yet)'])
    const noEthnicity = await pat.invoke('referrals.saveCinFile', { id: stepUpId, personId: people.Mohammed, upnUnknown: 'UN1', fileName: 'Mohammed.xml' })
    expect(noEthnicity).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('The census file for Mohammed Okafor cannot be made yet: No ethnicity recorded') }
    })
    expect(saved).toEqual([])
    // Someone not of the step-up is not found in it.
    expect(await pat.invoke('referrals.saveCinFile', { id: stepUpId, personId: people.Catherine, fileName: 'C.xml' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    })
  })

  it('saves the referral as a PDF through the window, audited; without a window it says to print instead', async () => {
    const { stepUpId } = await call(pat, 'referrals.screenRequest', escalation())
    const before = await lastSeq()
    expect(await call(pat, 'referrals.saveStepUpPdf', { id: stepUpId, fileName: 'Step-up.pdf' })).toEqual({ saved: true, path: join(t.dir, 'Step-up.pdf') })
    expect((await trailSince(before)).map((e) => `${e.action} ${e.type}`)).toEqual(['export step-up'])
    const windowless = (await signedInUser(t, 'pip', 'practitioner')).connection
    expect(await windowless.invoke('referrals.saveStepUpPdf', { id: stepUpId, fileName: 'Step-up.pdf' })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' }
    })
    expect(await windowless.invoke('referrals.saveCinFile', { id: stepUpId, personId: people.Catherine, fileName: 'C.xml' })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' }
    })
    expect(await pat.invoke('referrals.saveCinFile', { id: stepUpId, personId: people.Catherine, fileName: '../../evil.exe' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' }
    })
  })
})
