// Consent is withdrawn on the hub's day, which in British Summer Time starts an hour before UTC's:
// a withdrawal recorded at 00:30 on 2 June is on 2 June, not on UTC's 1 June.
process.env.TZ = 'Europe/London'

import { afterEach, beforeEach, expect, it } from 'vitest'
import type { Connection } from '../core/casebook'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { okaforFamily } from '../testing/fixtures'

let t: TempCasebook
let now: Date
let setUp: Connection

beforeEach(async () => {
  now = new Date('2026-06-01T09:00:00Z')
  t = await tempCasebook('consent-day', { clock: { now: () => now } })
  setUp = t.connection
})
afterEach(async () => {
  await t.dispose()
})

it('is recorded as withdrawn on the day it is at the hub', async () => {
  const family = unwrap<{ id: string }>(await setUp.invoke('families.register', okaforFamily()))
  const view = unwrap<{ members: { id: string; givenName: string }[] }>(await setUp.invoke('families.get', { id: family.id }))
  const grace = view.members.find((m) => m.givenName === 'Grace')!
  const consent = unwrap<{ id: string; version: number }>(
    await setUp.invoke('consent.record', { familyId: family.id, givenById: grace.id, scope: 'CONTACT', method: 'VERBAL', givenOn: '2026-06-01' })
  )
  now = new Date('2026-06-01T23:30:00Z')
  unwrap(await setUp.invoke('consent.withdraw', consent))
  expect(await t.casebook.core.db.query('SELECT withdrawn_on AS day FROM consent')).toEqual([{ day: '2026-06-02' }])
})
