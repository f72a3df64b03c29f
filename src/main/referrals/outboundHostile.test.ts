// Attack probes on what a careless or hostile caller sends to createOutbound, and on a create that
// fails half-way: nothing half-written, no audit row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { refuseInserts } from '../testing/refusedInserts'
import { auditCount, call, draftInput, refused, world, type World } from './outboundTestWorld'

let w: World
beforeAll(async () => {
  w = await world('attack9b-hostile')
})
afterAll(async () => {
  await w.t.dispose()
})

const counts = async () => {
  const q = (sql: string) => w.t.casebook.core.db.query(sql).then((r: { n: number }[]) => Number(r[0]!.n))
  return {
    referrals: await q('SELECT count(*) AS n FROM outbound_referral'),
    people: await q('SELECT count(*) AS n FROM outbound_referral_person'),
    audit: await auditCount(w.t)
  }
}

describe('hostile input', () => {
  it('each bad create is refused as a value, and writes nothing', async () => {
    const before = await counts()
    const bad: Record<string, unknown>[] = [
      { reason: 'x'.repeat(4001) },
      { reason: 'Bell\u0007 rings' },
      { reason: '\u200b \n ' },
      { reason: null },
      { personIds: [] },
      { personIds: Array.from({ length: 10_000 }, () => randomUUID()) },
      { personIds: [randomUUID()] },
      { personIds: ['not-an-id'] },
      { personIds: [w.people.Grace, randomUUID()] },
      { shared: [] },
      { shared: ['identifiers', 'address', 'plan', 'assessment', 'address'] },
      { shared: ['everything'] },
      { serviceId: randomUUID() },
      { serviceId: w.directory.closedServiceId },
      { serviceId: w.directory.organisationId },
      { episodeId: randomUUID() },
      { requestId: randomUUID() },
      { familyId: randomUUID() },
      { familyId: 'x'.repeat(100_000) }
    ]
    for (const more of bad) {
      const error = await refused(w.pat, 'referrals.createOutbound', draftInput(w, more))
      expect(['VALIDATION', 'NOT_FOUND', 'TOO_LARGE']).toContain(error.code)
    }
    expect(await counts()).toEqual(before)
  })

  it('the longest reason, many lines, and the same person twice go in once each', async () => {
    const reason = `${'a'.repeat(1999)}\n${'b'.repeat(2000)}`
    const r = await call(
      w.pat,
      'referrals.createOutbound',
      draftInput(w, { reason, personIds: [w.people.Grace, w.people.Grace, w.people.Catherine], shared: ['plan', 'plan'] })
    )
    const view = await call(w.pat, 'referrals.getOutbound', { id: r.id })
    expect(view.reason).toBe(reason)
    expect(view.people).toHaveLength(2)
    expect(view.shared).toEqual(['plan'])
  })
})

describe('a create that fails half-way', () => {
  it('leaves no referral, no people and no audit row', async () => {
    const refusing = await refuseInserts(w.t.casebook.core, { name: 'attack9b_no_people', table: 'outbound_referral_person', message: 'no people' })
    try {
      const before = await counts()
      expect((await w.pat.invoke('referrals.createOutbound', draftInput(w))).ok).toBe(false)
      expect(await counts()).toEqual(before)
    } finally {
      await refusing.lift()
    }
  })
})
