// The consent gate of referrals on, as attacked: each of the first tests was written to fail while its defect was there.
// (Consent, withdrawn or not, and the service and people as they are at sending.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { today } from '../testing/fixtures'
import { directoryRows } from './testWorld'
import { auditCount, call, draftInput, OVERRIDE, refused, send, sharing, world, type World } from './outboundTestWorld'

let w: World
beforeAll(async () => {
  w = await world('attack9b-gate')
})
afterAll(async () => {
  await w.t.dispose()
})

const sql = (text: string, params: unknown[] = []) => w.t.casebook.core.writes.run((m) => m.query(text, params))

describe('the gate follows the service as it is when the referral is sent', () => {
  it('a service moved to another organisation after the draft is not sent on consent to its old organisation', async () => {
    const a = await directoryRows(w.t.casebook)
    const b = await directoryRows(w.t.casebook)
    await sharing(w, { organisationId: a.organisationId })
    const r = await call(w.pat, 'referrals.createOutbound', draftInput(w, { serviceId: a.serviceId }))
    // The directory import moves a service to the organisation the feed now names (directory/import/apply.ts).
    await sql('UPDATE directory_service SET organisation_id = ? WHERE id = ?', [b.organisationId, a.serviceId])
    const result = await send(w.pat, r)
    // The family agreed to share with A, not with B, which now runs the service.
    expect(result.ok).toBe(false)
  })

  it('a service made inactive (or closed) after the draft is not sent to', async () => {
    const a = await directoryRows(w.t.casebook)
    await sharing(w, { organisationId: a.organisationId })
    const r = await call(w.pat, 'referrals.createOutbound', draftInput(w, { serviceId: a.serviceId }))
    // What the import does to a service gone from the feed, or a manager on the directory page.
    await sql(`UPDATE directory_service SET status = 'inactive' WHERE id = ?`, [a.serviceId])
    const result = await send(w.pat, r)
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('not taking referrals at present') } })
  })
})

describe('consent that is not consent to this organisation now', () => {
  it('consent to another organisation, of another scope, or of another family does not open the gate', async () => {
    const a = await directoryRows(w.t.casebook)
    const b = await directoryRows(w.t.casebook)
    await sharing(w, { organisationId: b.organisationId })
    // Early-help consent (the episode's) and free text naming the organisation.
    await sharing(w, { agency: 'Riverside Health' })
    const bell = { kind: 'adult', givenName: 'Ruth', familyName: 'Bell', dateOfBirth: '1970-01-01', sex: 'F', ethnicity: 'WBRI', relationship: 'PARENT_CARER' }
    const { okaforFamily } = await import('../testing/fixtures')
    const other = await w.t.ok('families.register', {
      ...okaforFamily(),
      family: { ...okaforFamily().family, postcode: 'M1 1AE' },
      members: [{ member: bell }]
    })
    const ruth = (await w.t.ok('families.get', { id: other.id })).members[0].id
    await call(w.pat, 'consent.record', {
      familyId: other.id,
      givenById: ruth,
      scope: 'SHARING',
      method: 'WRITTEN',
      givenOn: today,
      organisationId: a.organisationId
    })
    const r = await call(w.pat, 'referrals.createOutbound', draftInput(w, { serviceId: a.serviceId }))
    const before = await auditCount(w.t)
    expect(await refused(w.pat, 'referrals.moveOutbound', { id: r.id, version: r.version, to: 'sent', method: 'SECURE_EMAIL' })).toMatchObject({
      code: 'VALIDATION',
      fields: { consent: expect.any(String) }
    })
    expect(await auditCount(w.t)).toBe(before)
    expect((await w.t.casebook.core.db.query('SELECT status, consent_id FROM outbound_referral WHERE id = ?', [r.id]))[0]).toEqual({
      status: 'draft',
      consent_id: null
    })
  })

  it('consent given, withdrawn, given again and withdrawn again blocks sending', async () => {
    const a = await directoryRows(w.t.casebook)
    const c1 = await sharing(w, { organisationId: a.organisationId })
    await call(w.pat, 'consent.withdraw', { id: c1.id, version: c1.version })
    const c2 = await sharing(w, { organisationId: a.organisationId })
    await call(w.pat, 'consent.withdraw', { id: c2.id, version: c2.version })
    const r = await call(w.pat, 'referrals.createOutbound', draftInput(w, { serviceId: a.serviceId }))
    expect(await refused(w.pat, 'referrals.moveOutbound', { id: r.id, version: r.version, to: 'sent', method: 'SECURE_EMAIL' })).toMatchObject({
      message: expect.stringMatching(/^The family withdrew their consent/)
    })
  })

  it('consent withdrawn between the draft and sending blocks sending', async () => {
    const a = await directoryRows(w.t.casebook)
    const c = await sharing(w, { organisationId: a.organisationId })
    const r = await call(w.pat, 'referrals.createOutbound', draftInput(w, { serviceId: a.serviceId }))
    expect((await call(w.pat, 'referrals.getOutbound', { id: r.id })).consent.consentId).toBe(c.id)
    await call(w.pat, 'consent.withdraw', { id: c.id, version: c.version })
    expect((await send(w.pat, r)).ok).toBe(false)
  })

  it('consent withdrawn after sending changes nothing sent, the referral moves on, and a new one is blocked', async () => {
    const a = await directoryRows(w.t.casebook)
    const c = await sharing(w, { organisationId: a.organisationId })
    const r = await call(w.pat, 'referrals.createOutbound', draftInput(w, { serviceId: a.serviceId }))
    const sent = await call(w.pat, 'referrals.moveOutbound', { id: r.id, version: r.version, to: 'sent', method: 'SECURE_EMAIL' })
    await call(w.pat, 'consent.withdraw', { id: c.id, version: c.version })
    const view = await call(w.pat, 'referrals.getOutbound', { id: r.id })
    expect(view).toMatchObject({ status: 'sent', consent: { consentId: c.id } })
    await call(w.pat, 'referrals.moveOutbound', { id: r.id, version: sent.version, to: 'acknowledged' })
    const again = await call(w.pat, 'referrals.createOutbound', draftInput(w, { serviceId: a.serviceId }))
    expect((await send(w.pat, again)).ok).toBe(false)
  })

  it('the document that is actually sent (the PDF) cannot be saved while the gate is shut', async () => {
    // The hub sends the referral as a PDF by secure email; "sent" only records that it was. A draft
    // to an organisation the family has not agreed to share with, with no override, should not
    // leave Casebook as a document: otherwise the gate in the core is bookkeeping only.
    const a = await directoryRows(w.t.casebook)
    const r = await call(w.pat, 'referrals.createOutbound', draftInput(w, { serviceId: a.serviceId }))
    expect((await send(w.pat, r)).ok).toBe(false)
    const pdf = await w.pat.invoke('referrals.savePdf', { id: r.id, fileName: 'Referral.pdf' })
    expect(pdf.ok).toBe(false)
  })

  it('a withdrawn referral (or one whose consent was withdrawn) is not exported again as a PDF', async () => {
    const a = await directoryRows(w.t.casebook)
    const c = await sharing(w, { organisationId: a.organisationId })
    const r = await call(w.pat, 'referrals.createOutbound', draftInput(w, { serviceId: a.serviceId }))
    const sent = await call(w.pat, 'referrals.moveOutbound', { id: r.id, version: r.version, to: 'sent', method: 'SECURE_EMAIL' })
    await call(w.pat, 'consent.withdraw', { id: c.id, version: c.version })
    await call(w.pat, 'referrals.moveOutbound', { id: r.id, version: sent.version, to: 'withdrawn', reason: 'Grace withdrew her consent.' })
    const pdf = await w.pat.invoke('referrals.savePdf', { id: r.id, fileName: 'Referral.pdf' })
    expect(pdf.ok).toBe(false)
  })
})

describe('the override', () => {
  it('recorded on the draft, it lets the referral be printed and saved before it is sent, and is what it is sent on', async () => {
    const a = await directoryRows(w.t.casebook)
    const r = await call(w.pat, 'referrals.createOutbound', draftInput(w, { serviceId: a.serviceId }))
    expect(await refused(w.pat, 'referrals.printOutbound', { id: r.id })).toMatchObject({ code: 'VALIDATION' })
    const before = await auditCount(w.t)
    const recorded = await call(w.pat, 'referrals.recordOverride', { id: r.id, version: r.version, override: OVERRIDE })
    expect(await auditCount(w.t)).toBe(before + 1)
    // The document can now be made, and saved, while the referral is still a draft...
    expect((await call(w.pat, 'referrals.printOutbound', { id: r.id })).referral).toMatchObject({ status: 'draft', override: { reason: OVERRIDE.reason } })
    expect((await w.pat.invoke('referrals.savePdf', { id: r.id, fileName: 'Referral.pdf' })).ok).toBe(true)
    // ...recorded once only, and sent on it, with no second override.
    expect(await refused(w.pat, 'referrals.recordOverride', { id: r.id, version: recorded.version, override: OVERRIDE })).toMatchObject({ code: 'CONFLICT' })
    expect(await send(w.pat, recorded, { override: OVERRIDE })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect((await send(w.pat, recorded)).ok).toBe(true)
    const got = await call(w.pat, 'referrals.getOutbound', { id: r.id })
    expect(got).toMatchObject({ status: 'sent', override: { reason: OVERRIDE.reason, lawfulBasis6: '6_1_E' }, consent: { consentId: null } })
    // Reception may not record one.
    expect(await refused(w.rita, 'referrals.recordOverride', { id: r.id, version: got.version, override: OVERRIDE })).toMatchObject({ code: 'FORBIDDEN' })
  })

  it('is not recorded on a draft the family has agreed to share', async () => {
    const a = await directoryRows(w.t.casebook)
    await sharing(w, { organisationId: a.organisationId })
    const r = await call(w.pat, 'referrals.createOutbound', draftInput(w, { serviceId: a.serviceId }))
    const before = await auditCount(w.t)
    expect(await refused(w.pat, 'referrals.recordOverride', { id: r.id, version: r.version, override: OVERRIDE })).toMatchObject({ code: 'VALIDATION' })
    expect(await auditCount(w.t)).toBe(before)
  })

  it('an override of spaces, without a lawful basis, with an unknown basis, or where consent exists, is refused and writes nothing', async () => {
    const a = await directoryRows(w.t.casebook)
    const r = await call(w.pat, 'referrals.createOutbound', draftInput(w, { serviceId: a.serviceId }))
    const before = await auditCount(w.t)
    for (const override of [
      { ...OVERRIDE, reason: '    \n\t  ' },
      { ...OVERRIDE, reason: '\u200b\u200b' },
      { reason: OVERRIDE.reason, lawfulBasis6: '6_1_E' },
      { reason: OVERRIDE.reason, lawfulBasis9: 'DPA_S1_P18' },
      { ...OVERRIDE, lawfulBasis6: 'NOT_A_BASIS' },
      { ...OVERRIDE, lawfulBasis9: '' }
    ])
      expect(await refused(w.pat, 'referrals.moveOutbound', { id: r.id, version: r.version, to: 'sent', method: 'SECURE_EMAIL', override })).toMatchObject({
        code: 'VALIDATION'
      })
    // An override on any other move.
    expect(await refused(w.pat, 'referrals.moveOutbound', { id: r.id, version: r.version, to: 'withdrawn', reason: 'x', override: OVERRIDE })).toMatchObject({
      code: 'VALIDATION'
    })
    await sharing(w, { organisationId: a.organisationId })
    expect(
      await refused(w.pat, 'referrals.moveOutbound', { id: r.id, version: r.version, to: 'sent', method: 'SECURE_EMAIL', override: OVERRIDE })
    ).toMatchObject({
      fields: { 'override.reason': expect.any(String) }
    })
    expect(await auditCount(w.t)).toBe(before + 1)
  })

  it('no channel creates a referral already sent, or skips draft to a later status', async () => {
    const a = await directoryRows(w.t.casebook)
    const r = await call(
      w.pat,
      'referrals.createOutbound',
      draftInput(w, { serviceId: a.serviceId, status: 'sent', sentAt: new Date().toISOString(), consentId: randomUUID(), override: OVERRIDE })
    )
    const [row] = await w.t.casebook.core.db.query('SELECT status, sent_at, consent_id, override_at FROM outbound_referral WHERE id = ?', [r.id])
    expect(row).toEqual({ status: 'draft', sent_at: null, consent_id: null, override_at: null })
    for (const to of ['acknowledged', 'accepted', 'declined', 'completed', 'draft'])
      expect((await w.pat.invoke('referrals.moveOutbound', { id: r.id, version: r.version, to, reason: 'x', outcome: 'successful' })).ok).toBe(false)
  })
})
