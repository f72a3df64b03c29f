// Referrals on: every move of the state machine, allowed and refused (table-driven from the shared
// transition table), the consent gate, the override with its lawful basis and audit, withdrawn
// consent, two desks applying the same move, and what each role may see. Real SQLite files, signed-in
// windows for reception, a practitioner and a manager.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Connection } from '../core/casebook'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { signedInUser } from '../testing/accounts'
import { okaforFamily, today } from '../testing/fixtures'
import { canMove, OUTBOUND_STATUS, OUTBOUND_TARGET, OUTBOUND_TRANSITIONS, type OutboundStatus, type OutboundTarget } from '../../shared/referrals/outbound'
import { directoryRows, type DirectoryRows } from './testWorld'

let t: TempCasebook
let rita: Connection
let pat: Connection
let molly: Connection
let family: { id: string; reference: string }
let people: Record<string, string>
let directory: DirectoryRows
let episodeId: string
let otherOrganisation: { organisationId: string; serviceId: string }

beforeAll(async () => {
  t = await tempCasebook('outbound')
  rita = (await signedInUser(t, 'rita', 'reception')).connection
  const practitioner = await signedInUser(t, 'pat', 'practitioner')
  pat = practitioner.connection
  molly = (await signedInUser(t, 'molly', 'manager')).connection
  family = await t.ok('families.register', okaforFamily())
  const view = await t.ok('families.get', { id: family.id })
  people = Object.fromEntries(view.members.map((m: { givenName: string | null; id: string }) => [m.givenName ?? 'Unborn', m.id]))
  directory = await directoryRows(t.casebook)
  const other = await directoryRows(t.casebook)
  otherOrganisation = { organisationId: other.organisationId, serviceId: other.serviceId }
  const episode = await call(pat, 'episodes.open', {
    familyId: family.id,
    openedOn: today,
    leadUserId: practitioner.id,
    reason: 'Grace is finding the nights hard.',
    headlines: ['HEALTH'],
    consentId: 'new',
    consentGivenById: people.Grace,
    consentMethod: 'VERBAL',
    consentGivenOn: today
  })
  episodeId = episode.id
})
afterAll(async () => {
  await t.dispose()
})

const call = async (c: Connection, channel: string, input: unknown) => unwrap<any>(await c.invoke(channel, input), channel)
const refused = async (c: Connection, channel: string, input: unknown) => {
  const r = await c.invoke(channel, input)
  if (r.ok) throw new Error(`${channel} was expected to be refused`)
  return r.error
}
const lastSeq = async () => Number((await t.casebook.core.db.query('SELECT max(seq) AS s FROM audit_entry'))[0].s)
const trailSince = async (seq: number) =>
  (await t.casebook.core.db.query('SELECT action, record_type AS type, changes FROM audit_entry WHERE seq > ? ORDER BY seq', [seq])) as {
    action: string
    type: string
    changes: string | null
  }[]

const create = (more: Record<string, unknown> = {}) =>
  call(pat, 'referrals.createOutbound', {
    familyId: family.id,
    episodeId,
    serviceId: directory.serviceId,
    reason: 'Grace would like help with Catherine’s sleep.',
    personIds: [people.Catherine, people.Grace],
    shared: ['identifiers', 'address'],
    ...more
  })

/** Consent from Grace to share with an organisation of the directory (or, as `agency`, typed). */
const recordSharing = (more: Record<string, unknown>) =>
  call(pat, 'consent.record', { familyId: family.id, givenById: people.Grace, scope: 'SHARING', method: 'WRITTEN', givenOn: today, ...more })

/** The details each target status needs. */
const DETAILS: Record<OutboundTarget, Record<string, unknown>> = {
  sent: { method: 'SECURE_EMAIL' },
  acknowledged: {},
  accepted: {},
  declined: { reason: 'The family live outside our area.' },
  completed: { outcome: 'successful', reason: 'Catherine sleeps through now.' },
  withdrawn: { reason: 'The family moved away.' }
}
const move = (c: Connection, r: { id: string; version: number }, to: OutboundTarget, more: Record<string, unknown> = {}) =>
  c.invoke('referrals.moveOutbound', { id: r.id, version: r.version, to, ...DETAILS[to], ...more })

/** The shortest way from draft to each status, found in the shared transition table. */
function pathTo(target: OutboundStatus): OutboundTarget[] {
  const queue: [OutboundStatus, OutboundTarget[]][] = [['draft', []]]
  for (const [status, path] of queue) {
    if (status === target) return path
    for (const next of OUTBOUND_TRANSITIONS[status]) queue.push([next, [...path, next as OutboundTarget]])
  }
  throw new Error(`no way to ${target}`)
}

async function referralAt(status: OutboundStatus) {
  let r = await create()
  for (const to of pathTo(status)) r = unwrap<any>(await move(pat, r, to), to)
  return r as { id: string; version: number }
}

describe('the state machine', () => {
  beforeAll(async () => {
    await recordSharing({ organisationId: directory.organisationId })
  })

  const cases = OUTBOUND_STATUS.items.flatMap((from) => OUTBOUND_TARGET.options.map((to) => [from.code, to, canMove(from.code, to)] as const))

  it.each(cases)('from %s to %s: allowed %s', async (from, to, allowed) => {
    const r = await referralAt(from)
    const before = await call(pat, 'referrals.getOutbound', { id: r.id })
    const result = await move(pat, r, to)
    const after = await call(pat, 'referrals.getOutbound', { id: r.id })
    if (allowed) {
      expect(result).toEqual({ ok: true, value: { id: r.id, version: r.version + 1 } })
      expect(after.status).toBe(to)
      expect(after.next).toEqual(OUTBOUND_TRANSITIONS[to])
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
      const message = (result as { error: { message: string } }).error.message
      expect(message).toMatch(
        from === to ? /already\. A status is recorded once\.$/ : new RegExp(`cannot be recorded as ${OUTBOUND_STATUS.label(to).toLowerCase()} now`)
      )
      expect(after).toEqual(before)
    }
  })

  it('records each step with its details, and the database refuses a status without them or a skipped step', async () => {
    const declined = await call(pat, 'referrals.getOutbound', { id: (await referralAt('declined')).id })
    expect(declined).toMatchObject({ status: 'declined', declineReason: 'The family live outside our area.', sent: { method: 'SECURE_EMAIL', by: 'pat' } })
    const completed = await call(pat, 'referrals.getOutbound', { id: (await referralAt('completed')).id })
    expect(completed).toMatchObject({ status: 'completed', outcome: 'successful', outcomeReason: 'Catherine sleeps through now.', next: [] })
    // A desk that went round the core would still be held to the table's details.
    const draft = await create()
    await expect(t.casebook.core.writes.run((m) => m.query(`UPDATE outbound_referral SET status = 'accepted' WHERE id = ?`, [draft.id]))).rejects.toThrow(
      // SQLite: "CHECK constraint failed: name"; PostgreSQL: 'violates check constraint "name"'.
      /check constraint\b.*\boutbound_referral_status_details\b/i
    )
  })

  it('asks for the details of the status it goes to, next to their fields', async () => {
    const r = await referralAt('acknowledged')
    expect(await refused(pat, 'referrals.moveOutbound', { id: r.id, version: r.version, to: 'declined' })).toMatchObject({
      code: 'VALIDATION',
      fields: { reason: 'Enter why the service declined the referral' }
    })
    const accepted = unwrap<any>(await move(pat, r, 'accepted'), 'accept')
    expect(await refused(pat, 'referrals.moveOutbound', { id: r.id, version: accepted.version, to: 'completed', reason: 'Done.' })).toMatchObject({
      fields: { outcome: 'Select whether the referral was successful' }
    })
  })
})

describe('acknowledgement', () => {
  it("is overdue once more working days than the hub's target have passed since sending, and not once acknowledged", async () => {
    const r = await referralAt('sent')
    expect(await call(pat, 'referrals.getOutbound', { id: r.id })).toMatchObject({ waitingDays: 0, overdue: false, targetDays: 5 })
    // Sent on a Monday four weeks ago (well past five working days, bank holidays or not).
    const monday = new Date(Date.now() - 28 * 86_400_000)
    monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7))
    await t.casebook.core.writes.run((m) => m.query(`UPDATE outbound_referral SET sent_at = ? WHERE id = ?`, [monday.toISOString(), r.id]))
    const late = await call(pat, 'referrals.getOutbound', { id: r.id })
    expect(late.overdue).toBe(true)
    expect(late.waitingDays).toBe(t.casebook.core.workingDays.between(monday.toISOString().slice(0, 10), today))
    expect((await call(pat, 'referrals.listOutbound', { familyId: family.id })).referrals).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: r.id, overdue: true })])
    )
    await move(pat, r, 'acknowledged')
    expect(await call(pat, 'referrals.getOutbound', { id: r.id })).toMatchObject({ waitingDays: null, overdue: false })
  })
})

describe('two desks', () => {
  it('applying the same move at once: exactly one wins, the other is told', async () => {
    const r = await referralAt('sent')
    const results = await Promise.all([move(pat, r, 'acknowledged'), move(molly, r, 'acknowledged')])
    expect(results.filter((x) => x.ok)).toHaveLength(1)
    expect(results.filter((x) => !x.ok)).toMatchObject([{ error: { code: 'CONFLICT' } }])
    const rows = await t.casebook.core.db.query(`SELECT status, version FROM outbound_referral WHERE id = ?`, [r.id])
    expect(rows).toEqual([{ status: 'acknowledged', version: r.version + 1 }])
    const trail = await t.casebook.core.db.query(`SELECT count(*) AS n FROM audit_entry WHERE record_id = ? AND action = 'update'`, [r.id])
    expect(Number(trail[0].n)).toBe(2)
  })

  it('applying different moves at once (accept and withdraw): exactly one wins', async () => {
    const r = await referralAt('acknowledged')
    const results = await Promise.all([move(pat, r, 'accepted'), move(molly, r, 'withdrawn')])
    expect(results.filter((x) => x.ok)).toHaveLength(1)
    const [row] = await t.casebook.core.db.query(`SELECT status FROM outbound_referral WHERE id = ?`, [r.id])
    expect(['accepted', 'withdrawn']).toContain(row.status)
  })
})

describe('the consent gate', () => {
  it('refuses to send without consent to share with the organisation, naming it, and sends once consent to it is recorded', async () => {
    const r = await create({ serviceId: otherOrganisation.serviceId })
    const before = await lastSeq()
    const error = await refused(pat, 'referrals.moveOutbound', { id: r.id, version: r.version, to: 'sent', method: 'SECURE_EMAIL' })
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^The family has not agreed to share information with Riverside Health\./)
    })
    expect(error.fields?.consent).toBe(error.message)
    expect(await trailSince(before)).toEqual([])
    // Consent given as free text, even naming the organisation, is not consent tied to it.
    await recordSharing({ agency: 'Riverside Health' })
    expect(await refused(pat, 'referrals.moveOutbound', { id: r.id, version: r.version, to: 'sent', method: 'SECURE_EMAIL' })).toMatchObject({
      fields: { consent: expect.any(String) }
    })
    const view = await call(pat, 'referrals.getOutbound', { id: r.id })
    expect(view.consent).toEqual({ consentId: null, givenOn: null, givenBy: null, withdrawnOn: null })

    const consent = await recordSharing({ organisationId: otherOrganisation.organisationId })
    expect(await call(pat, 'referrals.getOutbound', { id: r.id })).toMatchObject({ consent: { consentId: consent.id, givenBy: "Grace O'Neill-Okafor" } })
    await call(pat, 'referrals.moveOutbound', { id: r.id, version: r.version, to: 'sent', method: 'LETTER' })
    const sent = await call(pat, 'referrals.getOutbound', { id: r.id })
    expect(sent).toMatchObject({ status: 'sent', sent: { method: 'LETTER', by: 'pat' }, consent: { consentId: consent.id }, override: null })
    const [row] = await t.casebook.core.db.query(`SELECT consent_id AS c FROM outbound_referral WHERE id = ?`, [r.id])
    expect(row.c).toBe(consent.id)
  })

  it('keeps the organisation on the consent and its name as the agency, so older screens read it as before', async () => {
    const consent = await recordSharing({ organisationId: directory.organisationId })
    const [row] = await t.casebook.core.db.query(`SELECT agency, organisation_id AS o FROM consent WHERE id = ?`, [consent.id])
    expect(row).toEqual({ agency: 'Riverside Health', o: directory.organisationId })
    expect(
      await refused(pat, 'consent.record', {
        familyId: family.id,
        givenById: people.Grace,
        scope: 'CONTACT',
        method: 'VERBAL',
        givenOn: today,
        organisationId: directory.organisationId
      })
    ).toMatchObject({ fields: { organisationId: 'Only consent to share information is with an organisation' } })
  })

  it('withdrawn consent blocks sending a new referral, and says when it was withdrawn', async () => {
    const { organisationId, serviceId } = await directoryRows(t.casebook)
    const consent = await recordSharing({ organisationId })
    await call(pat, 'consent.withdraw', { id: consent.id, version: consent.version })
    const r = await create({ serviceId })
    const error = await refused(pat, 'referrals.moveOutbound', { id: r.id, version: r.version, to: 'sent', method: 'SECURE_EMAIL' })
    expect(error.message).toMatch(/^The family withdrew their consent to share information with Riverside Health on /)
    expect(await call(pat, 'referrals.getOutbound', { id: r.id })).toMatchObject({ status: 'draft', consent: { consentId: null, withdrawnOn: today } })
  })
})

describe('the override', () => {
  const override = { reason: 'Asking Grace would put Catherine at risk of harm.', lawfulBasis6: '6_1_E', lawfulBasis9: 'DPA_S1_P18' }

  it('sends without consent on a safeguarding reason with its lawful basis, audited, flagged and listed for managers', async () => {
    const { serviceId } = await directoryRows(t.casebook)
    const r = await create({ serviceId })
    const before = await lastSeq()
    await call(pat, 'referrals.moveOutbound', { id: r.id, version: r.version, to: 'sent', method: 'SECURE_EMAIL', override })
    const trail = await trailSince(before)
    expect(trail.map((e) => `${e.action} ${e.type}`)).toEqual(['update outbound-referral'])
    const changes = JSON.parse(trail[0]!.changes!)
    expect(changes).not.toHaveProperty('consentId')
    expect(changes).toMatchObject({
      status: ['draft', 'sent'],
      overrideReason: override.reason,
      lawfulBasis6: '6_1_E',
      lawfulBasis9: 'DPA_S1_P18'
    })
    expect(await call(pat, 'referrals.getOutbound', { id: r.id })).toMatchObject({ status: 'sent', override: { ...override, by: 'pat' } })
    expect(await call(pat, 'referrals.listOutbound', { familyId: family.id })).toMatchObject({
      referrals: expect.arrayContaining([expect.objectContaining({ id: r.id, overridden: true })])
    })
    const listed = await call(molly, 'referrals.listOverrides', {})
    expect(listed.overrides[0]).toMatchObject({ id: r.id, familyReference: family.reference, reason: override.reason, lawfulBasis6: '6_1_E', by: 'pat' })
    expect(await refused(pat, 'referrals.listOverrides', {})).toMatchObject({ code: 'FORBIDDEN' })
  })

  it('needs the reason and both lawful bases, and is refused where the family has consented', async () => {
    const r = await create()
    expect(
      await refused(pat, 'referrals.moveOutbound', {
        id: r.id,
        version: r.version,
        to: 'sent',
        method: 'SECURE_EMAIL',
        override: { reason: 'Risk.', lawfulBasis6: '6_1_E' }
      })
    ).toMatchObject({ fields: { 'override.lawfulBasis9': 'Select the condition for special category data (Article 9)' } })
    expect(
      await refused(pat, 'referrals.moveOutbound', {
        id: r.id,
        version: r.version,
        to: 'sent',
        method: 'SECURE_EMAIL',
        override: { ...override, lawfulBasis6: '6_1_A' }
      })
    ).toMatchObject({ code: 'VALIDATION' })
    // Riverside Health (directory.organisationId) has Grace's consent from the state machine's tests.
    expect(await refused(pat, 'referrals.moveOutbound', { id: r.id, version: r.version, to: 'sent', method: 'SECURE_EMAIL', override })).toMatchObject({
      fields: { 'override.reason': expect.stringMatching(/^The family has agreed to share/) }
    })
  })
})

describe('who sees what', () => {
  it('reception never sees a referral: every referral channel needs screening', async () => {
    const r = await create()
    for (const [channel, input] of [
      ['referrals.getOutbound', { id: r.id }],
      ['referrals.listOutbound', { familyId: family.id }],
      ['referrals.printOutbound', { id: r.id }],
      ['referrals.createOutbound', { familyId: family.id, serviceId: directory.serviceId, reason: 'x', personIds: [people.Grace], shared: ['address'] }]
    ] as const)
      expect(await refused(rita, channel, input)).toMatchObject({ code: 'FORBIDDEN' })
  })

  it('the print holds only the parts ticked, and shows in the chronology', async () => {
    const r = await create({ shared: ['address'] })
    const print = await call(pat, 'referrals.printOutbound', { id: r.id })
    expect(print.identifiers).toBeNull()
    expect(print.plan).toBeNull()
    expect(print.assessment).toBeNull()
    expect(print.address).toMatchObject({ postcode: expect.any(String) })
    const chronology = await call(pat, 'chronology.get', { familyId: family.id })
    expect(chronology.entries).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'referral-created', title: 'Referral to Health visiting, Riverside Health drafted' })])
    )
  })

  it('refuses a service that is not taking referrals, and people of another family', async () => {
    expect(
      await refused(pat, 'referrals.createOutbound', {
        familyId: family.id,
        serviceId: directory.closedServiceId,
        reason: 'x',
        personIds: [people.Grace],
        shared: ['address']
      })
    ).toMatchObject({
      fields: { serviceId: expect.stringMatching(/not taking referrals/) }
    })
    const bell = { kind: 'adult', givenName: 'Ruth', familyName: 'Bell', dateOfBirth: '1970-01-01', sex: 'F', ethnicity: 'WBRI', relationship: 'PARENT_CARER' }
    const other = await t.ok('families.register', { ...okaforFamily(), family: { ...okaforFamily().family, postcode: 'M1 1AE' }, members: [{ member: bell }] })
    expect(
      await refused(pat, 'referrals.createOutbound', {
        familyId: other.id,
        serviceId: directory.serviceId,
        reason: 'x',
        personIds: [people.Grace],
        shared: ['address']
      })
    ).toMatchObject({
      fields: { personIds: 'Select people who are in this family now' }
    })
  })
})
