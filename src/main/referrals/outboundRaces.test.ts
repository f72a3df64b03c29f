// Attack probes on the referrals' state machine: skips and repeats (every pair is in the owner's
// table-driven test; here the races, stale versions, smuggled details) and rows written round the core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import type { Connection } from '../core/casebook'
import { auditCount, call, draftInput, refused, send, sharing, world, type World } from './outboundTestWorld'
import { refuseInserts } from '../testing/refusedInserts'

let w: World
beforeAll(async () => {
  w = await world('attack9b-machine')
  await sharing(w, { organisationId: w.directory.organisationId })
})
afterAll(async () => {
  await w.t.dispose()
})

const DETAILS: Record<string, Record<string, unknown>> = {
  sent: { method: 'SECURE_EMAIL' },
  acknowledged: {},
  accepted: {},
  declined: { reason: 'Outside our area.' },
  completed: { outcome: 'successful', reason: 'Sleeping through.' },
  withdrawn: { reason: 'Moved away.' }
}
const move = (c: Connection, r: { id: string; version: number }, to: string, more: Record<string, unknown> = {}) =>
  c.invoke('referrals.moveOutbound', { id: r.id, version: r.version, to, ...DETAILS[to], ...more })
const rowOf = async (id: string) => (await w.t.casebook.core.db.query('SELECT * FROM outbound_referral WHERE id = ?', [id]))[0]
const updatesOf = async (id: string) =>
  Number((await w.t.casebook.core.db.query(`SELECT count(*) AS n FROM audit_entry WHERE record_id = ? AND action = 'update'`, [id]))[0].n)

async function acknowledged() {
  let r = await call(w.pat, 'referrals.createOutbound', draftInput(w))
  r = await call(w.pat, 'referrals.moveOutbound', { id: r.id, version: r.version, to: 'sent', method: 'SECURE_EMAIL' })
  return call(w.pat, 'referrals.moveOutbound', { id: r.id, version: r.version, to: 'acknowledged' })
}

describe('desks racing', () => {
  it('accept, decline and withdraw at once from three desks: one wins, one audit row, the row consistent', async () => {
    for (let round = 0; round < 5; round++) {
      const r = await acknowledged()
      const results = await Promise.all([move(w.pat, r, 'accepted'), move(w.pia, r, 'declined'), move(w.molly, r, 'withdrawn')])
      expect(results.filter((x) => x.ok)).toHaveLength(1)
      for (const x of results.filter((x) => !x.ok)) expect(x).toMatchObject({ error: { code: 'CONFLICT' } })
      const row = await rowOf(r.id)
      expect(row.version).toBe(r.version + 1)
      expect(await updatesOf(r.id)).toBe(3)
      if (row.status === 'accepted') expect([row.decline_reason, row.withdrawn_at]).toEqual([null, null])
      if (row.status === 'declined') expect([row.withdrawn_at, row.decline_reason]).toEqual([null, 'Outside our area.'])
      if (row.status === 'withdrawn') expect([row.responded_at, row.withdrawn_reason]).toEqual([null, 'Moved away.'])
    }
  })

  it('sending while another desk withdraws the consent never leaves a referral sent on withdrawn consent', async () => {
    for (let round = 0; round < 5; round++) {
      const { directoryRows } = await import('./testWorld')
      const a = await directoryRows(w.t.casebook)
      const c = await sharing(w, { organisationId: a.organisationId })
      const r = await call(w.pat, 'referrals.createOutbound', draftInput(w, { serviceId: a.serviceId }))
      const [sent, withdrawn] = await Promise.all([send(w.pat, r), w.molly.invoke('consent.withdraw', { id: c.id, version: c.version })])
      expect(withdrawn.ok).toBe(true)
      const row = await rowOf(r.id)
      const consent = (await w.t.casebook.core.db.query('SELECT withdrawn_on FROM consent WHERE id = ?', [c.id]))[0]
      if (sent.ok) expect([row.status, row.consent_id, consent.withdrawn_on]).toEqual(['sent', c.id, expect.any(String)])
      else expect(row.status).toBe('draft')
    }
  })

  it('a stale or future version is refused and changes nothing', async () => {
    const r = await acknowledged()
    const before = await rowOf(r.id)
    for (const version of [r.version - 1, r.version + 1, 1])
      expect(await refused(w.pat, 'referrals.moveOutbound', { id: r.id, version, to: 'accepted' })).toMatchObject({ code: 'CONFLICT' })
    expect(await rowOf(r.id)).toEqual(before)
  })

  it('a move on a withdrawn, declined or completed referral is refused, whatever the version', async () => {
    const r = await acknowledged()
    const done = await call(w.pat, 'referrals.moveOutbound', { id: r.id, version: r.version, to: 'withdrawn', reason: 'Moved away.' })
    for (const to of ['sent', 'acknowledged', 'accepted', 'declined', 'completed', 'withdrawn']) expect((await move(w.pat, done, to)).ok).toBe(false)
  })
})

describe('details of another status smuggled in', () => {
  it('an outcome or a reason on accepting, a method on acknowledging, an override on declining are refused', async () => {
    const r = await acknowledged()
    for (const more of [
      { to: 'accepted', outcome: 'successful' },
      { to: 'accepted', reason: 'We liked it.' },
      { to: 'acknowledged', method: 'PHONE' },
      { to: 'declined', reason: 'No.', outcome: 'unsuccessful' },
      { to: 'declined', reason: 'No.', override: { reason: 'x x', lawfulBasis6: '6_1_E', lawfulBasis9: 'DPA_S1_P18' } },
      { to: 'completed', outcome: 'successful', reason: 'x' },
      { to: 'accepted', status: 'completed', completedAt: new Date().toISOString() }
    ]) {
      const result = await w.pat.invoke('referrals.moveOutbound', { id: r.id, version: r.version, ...more })
      if (more.to === 'accepted' && 'status' in more) {
        // Unknown keys are dropped: it is accepted, and nothing else.
        expect(result.ok).toBe(true)
        const row = await rowOf(r.id)
        expect([row.status, row.completed_at]).toEqual(['accepted', null])
      } else expect(result).toMatchObject({ ok: false })
    }
  })
})

describe('rows written round the core', () => {
  const now = new Date().toISOString()
  const base = () => ({
    id: randomUUID(),
    family_id: w.family.id,
    service_id: w.directory.serviceId,
    organisation_id: w.directory.organisationId,
    reason: 'x',
    share_identifiers: 1,
    share_address: 0,
    share_plan: 0,
    share_assessment: 0,
    status: 'draft',
    created_at: now,
    updated_at: now,
    version: 1
  })
  const insert = (row: Record<string, unknown>) =>
    w.t.casebook.core.writes.run((m) =>
      m.query(
        `INSERT INTO outbound_referral (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
          .map(() => '?')
          .join(', ')})`,
        Object.values(row)
      )
    )
  const consentId = async () => (await w.t.casebook.core.db.query(`SELECT id FROM consent WHERE organisation_id IS NOT NULL LIMIT 1`))[0].id
  const sent = async () => ({ ...base(), status: 'sent', sent_at: now, sent_method: 'SECURE_EMAIL', consent_id: await consentId() })
  const override = { override_reason: 'risk', lawful_basis_6: '6_1_E', lawful_basis_9: 'DPA_S1_P18', override_at: now }

  it('a consistent draft and a consistent sent row go in (the probe itself is sound)', async () => {
    await insert(base())
    await insert(await sent())
    await insert({ ...(await sent()), consent_id: null, ...override })
  })

  it('the database refuses each inconsistent row', async () => {
    const s = await sent()
    const bad: [string, Record<string, unknown>][] = [
      ['unknown status', { ...base(), status: 'lost' }],
      ['sent on neither consent nor override', { ...s, consent_id: null }],
      ['sent on both consent and override', { ...s, ...override }],
      ['a draft with a consent', { ...base(), consent_id: s.consent_id }],
      ['a draft with an override and a consent', { ...base(), ...override, consent_id: s.consent_id }],
      ['an override without its Article 9 condition', { ...s, consent_id: null, ...override, lawful_basis_9: null }],
      ['acknowledged without being sent', { ...base(), status: 'acknowledged', acknowledged_at: now }],
      ['accepted with an outcome', { ...s, id: randomUUID(), status: 'accepted', acknowledged_at: now, responded_at: now, outcome: 'successful' }],
      ['accepted with a decline reason', { ...s, id: randomUUID(), status: 'accepted', acknowledged_at: now, responded_at: now, decline_reason: 'x' }],
      ['declined without a reason', { ...s, id: randomUUID(), status: 'declined', acknowledged_at: now, responded_at: now }],
      ['completed without an outcome reason', { ...s, status: 'completed', acknowledged_at: now, responded_at: now, completed_at: now, outcome: 'successful' }],
      [
        'completed with an unknown outcome',
        { ...s, status: 'completed', acknowledged_at: now, responded_at: now, completed_at: now, outcome: 'meh', outcome_reason: 'x' }
      ],
      ['withdrawn after accepting', { ...s, status: 'withdrawn', acknowledged_at: now, responded_at: now, withdrawn_at: now, withdrawn_reason: 'x' }],
      ['withdrawn without a reason', { ...base(), status: 'withdrawn', withdrawn_at: now }],
      ['sent without how', { ...s, sent_method: null }],
      ['sharing nothing', { ...base(), share_identifiers: 0 }],
      ['a draft with a completed outcome', { ...base(), outcome: 'successful' }]
    ]
    const refusedRows: string[] = []
    for (const [name, row] of bad) {
      try {
        await insert({ ...row, id: randomUUID() })
      } catch {
        refusedRows.push(name)
      }
    }
    expect(refusedRows).toEqual(bad.map(([name]) => name))
  })
})

describe('audit: every move in its own transaction with its audit row', () => {
  it('a move whose audit row cannot be written changes nothing', async () => {
    const r = await acknowledged()
    const before = await rowOf(r.id)
    const refusing = await refuseInserts(w.t.casebook.core, {
      name: 'attack9b_no_audit',
      table: 'audit_entry',
      message: 'no audit',
      when: `NEW.record_type = 'outbound-referral'`
    })
    try {
      const n = await auditCount(w.t)
      expect((await move(w.pat, r, 'accepted')).ok).toBe(false)
      expect(await rowOf(r.id)).toEqual(before)
      expect(await auditCount(w.t)).toBe(n)
    } finally {
      await refusing.lift()
    }
  })
})
