// Attack probes on who sees what of a referral on: reception, restricted families, people who have
// left the family, and what the print holds of the parts not ticked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { okaforFamily } from '../testing/fixtures'
import { call, draftInput, OVERRIDE, refused, send, sharing, world, type World } from './outboundTestWorld'

let w: World
let restricted: { id: string; reference: string; episodeId: string; referralId: string; version: number }
beforeAll(async () => {
  w = await world('attack9b-visibility')
  await sharing(w, { organisationId: w.directory.organisationId })
  // A second family, restricted to pat (and managers), with a referral sent on an override.
  const bell = { kind: 'adult', givenName: 'Ruth', familyName: 'Bell', dateOfBirth: '1970-01-01', sex: 'F', ethnicity: 'WBRI', relationship: 'PARENT_CARER' }
  const family = await w.t.ok('families.register', {
    ...okaforFamily(),
    family: { ...okaforFamily().family, addressLine1: '9 Hidden Row', postcode: 'M1 1AE' },
    members: [{ member: bell }]
  })
  const grace = (await w.t.ok('families.get', { id: family.id })).members[0].id
  const episode = await call(w.pat, 'episodes.open', {
    familyId: family.id,
    openedOn: new Date().toISOString().slice(0, 10),
    leadUserId: w.patId,
    reason: 'Hidden.',
    headlines: ['HEALTH'],
    consentId: 'new',
    consentGivenById: grace,
    consentMethod: 'VERBAL',
    consentGivenOn: new Date().toISOString().slice(0, 10)
  })
  const r = await call(w.pat, 'referrals.createOutbound', {
    familyId: family.id,
    episodeId: episode.id,
    serviceId: w.directory.serviceId,
    reason: 'SECRET REASON',
    personIds: [grace],
    shared: ['address']
  })
  const s = await call(w.pat, 'referrals.moveOutbound', { id: r.id, version: r.version, to: 'sent', method: 'SECURE_EMAIL', override: OVERRIDE })
  const patId = w.patId
  await call(w.molly, 'families.setRestriction', { id: family.id, version: 1, restricted: true, allowedUserIds: [patId] })
  restricted = { ...family, episodeId: episode.id, referralId: r.id, version: s.version }
})
afterAll(async () => {
  await w.t.dispose()
})

describe('reception', () => {
  it('no outbound channel answers reception, and the lists they may read carry no content', async () => {
    const r = await call(w.pat, 'referrals.createOutbound', draftInput(w, { reason: 'SECRET REASON' }))
    for (const [channel, input] of [
      ['referrals.getOutbound', { id: r.id }],
      ['referrals.listOutbound', { familyId: w.family.id }],
      ['referrals.listOutbound', { episodeId: w.episodeId }],
      ['referrals.printOutbound', { id: r.id }],
      ['referrals.savePdf', { id: r.id, fileName: 'x.pdf' }],
      ['referrals.moveOutbound', { id: r.id, version: r.version, to: 'withdrawn', reason: 'x' }],
      ['referrals.listOverrides', {}],
      ['chronology.get', { familyId: w.family.id }]
    ] as const)
      expect(await refused(w.rita, channel, input)).toMatchObject({ code: 'FORBIDDEN' })
    const everything = JSON.stringify([
      await call(w.rita, 'referrals.overview', {}),
      await call(w.rita, 'referrals.overview', { organisationId: w.directory.organisationId }),
      await call(w.rita, 'referrals.forFamily', { familyId: w.family.id }),
      await call(w.rita, 'referrals.forFamily', { familyId: w.family.id, episodeId: w.episodeId })
    ])
    // (families.get shows reception the family's consents, agency names included, as before this issue: not referral content.)
    for (const secret of ['SECRET REASON', 'Riverside Health', 'Health visiting', OVERRIDE.reason]) expect(everything).not.toContain(secret)
  })
})

describe('a restricted family, to a practitioner not named on it', () => {
  it('every outbound channel refuses pia', async () => {
    for (const [channel, input] of [
      ['referrals.getOutbound', { id: restricted.referralId }],
      ['referrals.listOutbound', { familyId: restricted.id }],
      ['referrals.listOutbound', { episodeId: restricted.episodeId }],
      ['referrals.printOutbound', { id: restricted.referralId }],
      ['referrals.savePdf', { id: restricted.referralId, fileName: 'x.pdf' }],
      ['referrals.moveOutbound', { id: restricted.referralId, version: restricted.version, to: 'withdrawn', reason: 'x' }],
      [
        'referrals.createOutbound',
        { familyId: restricted.id, serviceId: w.directory.serviceId, reason: 'x', personIds: [w.people.Grace], shared: ['address'] }
      ],
      ['referrals.forFamily', { familyId: restricted.id }],
      ['chronology.get', { familyId: restricted.id }],
      ['referrals.listOverrides', {}]
    ] as const)
      expect(await refused(w.pia, channel, input)).toMatchObject({ code: 'FORBIDDEN' })
    const overview = JSON.stringify(await call(w.pia, 'referrals.overview', {}))
    for (const secret of ['SECRET REASON', '9 Hidden Row', OVERRIDE.reason]) expect(overview).not.toContain(secret)
    // The manager sees it in the overrides list; pat, named on it, reads it.
    expect((await call(w.molly, 'referrals.listOverrides', {})).overrides.map((o: { id: string }) => o.id)).toContain(restricted.referralId)
    expect((await call(w.pat, 'referrals.getOutbound', { id: restricted.referralId })).reason).toBe('SECRET REASON')
  })

  it('filtering the Referrals screen by organisation does not tell pia where a restricted family was referred', async () => {
    // pia may see the restricted family's reference and progress, not whom it was referred to; but a
    // match on the organisation filter says it (reception's filter already leaves referrals out for this reason).
    const rows = (await call(w.pia, 'referrals.overview', { direction: 'out', organisationId: w.directory.organisationId })).rows as {
      id: string
      restricted: boolean
    }[]
    expect(rows.filter((r) => r.id === restricted.referralId)).toEqual([])
  })
})

describe('the print', () => {
  it('without "identifiers" ticked, the print names the people (every referral does) but gives no date of birth, NHS number or UPN', async () => {
    const r = await call(w.pat, 'referrals.createOutbound', draftInput(w, { shared: ['address'] }))
    const print = await call(w.pat, 'referrals.printOutbound', { id: r.id })
    expect(print.identifiers).toBeNull()
    const grace = (await w.t.ok('families.get', { id: w.family.id })).members.find((m: { givenName: string }) => m.givenName === 'Grace')
    const shown = JSON.stringify(print)
    expect(shown).toContain('Grace')
    for (const secret of [grace.dateOfBirth, grace.nhsNumber, grace.upn].filter(Boolean)) expect(shown).not.toContain(secret)
  })

  it('what is not ticked is not read (address, plan, assessment)', async () => {
    const r = await call(w.pat, 'referrals.createOutbound', draftInput(w, { shared: ['identifiers'] }))
    const print = await call(w.pat, 'referrals.printOutbound', { id: r.id })
    expect([print.address, print.plan, print.assessment]).toEqual([null, null, null])
    expect(JSON.stringify(print)).not.toContain(okaforFamily().family.postcode)
  })
})

describe('people who have left the family', () => {
  it('a person moved to a restricted family after the draft is neither sent about nor printed with their identifiers', async () => {
    const nia = { kind: 'adult', givenName: 'Nia', familyName: 'Jones', dateOfBirth: '1980-02-02', sex: 'F', ethnicity: 'WBRI', relationship: 'PARENT_CARER' }
    const refuge = await w.t.ok('families.register', {
      ...okaforFamily(),
      family: { ...okaforFamily().family, addressLine1: '1 Refuge Road', postcode: 'M2 2AE' },
      members: [{ member: nia }]
    })
    const view = await w.t.ok('families.get', { id: w.family.id })
    const samuel = view.members.find((m: { givenName: string }) => m.givenName === 'Samuel')
    const r = await call(w.pat, 'referrals.createOutbound', draftInput(w, { personIds: [w.people.Grace, samuel.id], shared: ['identifiers'] }))
    await w.t.ok('people.move', { id: samuel.id, version: samuel.version, toFamilyReference: refuge.reference })
    await call(w.molly, 'families.setRestriction', { id: refuge.id, version: 1, restricted: true, allowedUserIds: [] })
    // pat may not open Samuel's family now...
    expect(await refused(w.pat, 'families.get', { id: refuge.id })).toMatchObject({ code: 'FORBIDDEN' })
    // ...so the Okafors' referral, which names him, is neither printed nor sent: it is withdrawn and made again.
    const refusal = 'Someone this referral is about is no longer in this family'
    expect(await refused(w.pat, 'referrals.printOutbound', { id: r.id })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(refusal) })
    expect(await send(w.pat, r)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining(refusal) } })
  })
})
