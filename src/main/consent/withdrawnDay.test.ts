// Consent is withdrawn on the hub's day, which in British Summer Time starts an hour before UTC's:
// a withdrawal recorded at 00:30 on 2 June is on 2 June, not on UTC's 1 June.
process.env.TZ = 'Europe/London'

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { openCasebook, type Casebook, type Connection } from '../core/casebook'
import { TEST_SCRYPT, unwrap } from '../testing/tempCasebook'
import { okaforFamily } from '../testing/fixtures'

let dir: string
let casebook: Casebook
let now: Date
let setUp: Connection

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'consent-day-'))
  now = new Date('2026-06-01T09:00:00Z')
  casebook = await openCasebook({
    databasePath: join(dir, 'casebook.sqlite'),
    mode: 'create',
    clock: { now: () => now },
    passwordCost: TEST_SCRYPT,
    hub: { name: 'Test hub', code: 'TH', localAuthorityCode: '999' }
  })
  setUp = casebook.connect({ name: 'setup' })
})
afterEach(async () => {
  await casebook.close()
  rmSync(dir, { recursive: true, force: true })
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
  expect(await casebook.core.db.query('SELECT withdrawn_on AS day FROM consent')).toEqual([{ day: '2026-06-02' }])
})
