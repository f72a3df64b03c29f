// Attack probes (issue 9): working days counted as the hub in England counts them, in Europe/London
// time, around a bank holiday weekend and both changes of the clocks. The core's clock is fixed;
// calls come from a trusted caller naming a practitioner. Each test fails while the defect is there.
process.env.TZ = 'Europe/London'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Casebook, Connection } from '../core/casebook'
import { ROLE_PERMISSIONS } from '../../shared/roles'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { okaforFamily } from '../testing/fixtures'
import { requestInput } from './testWorld'

let t: TempCasebook
let casebook: Casebook
let now: Date
let pat: Connection
let familyId: string
let childId: string

beforeEach(async () => {
  now = new Date('2026-03-01T09:00:00Z')
  t = await tempCasebook('london-days', { clock: { now: () => now } })
  casebook = t.casebook
  const setUp = casebook.connect({ name: 'setup' })
  const { id: patId } = unwrap<{ id: string }>(
    await setUp.invoke('users.create', { displayName: 'Pat', username: 'pat', role: 'practitioner', temporaryPassword: 'temporary passphrase' })
  )
  pat = casebook.connect({ name: 'pat', userId: patId, permissions: ROLE_PERMISSIONS.practitioner })
  familyId = unwrap<{ id: string }>(await setUp.invoke('families.register', okaforFamily())).id
  const view = unwrap<{ members: { kind: string; id: string }[] }>(await setUp.invoke('families.get', { id: familyId }))
  childId = view.members.find((m) => m.kind === 'child')!.id
})
afterEach(async () => {
  await t.dispose()
})

const call = async (channel: string, input: unknown) => unwrap<any>(await pat.invoke(channel, input), channel)
/** A London wall-clock time, as the instant it was. */
const london = (local: string) => new Date(local)
const logAt = async (day: string, time: string) => {
  now = london('2026-12-01T09:00:00')
  return (await call('referrals.logRequest', requestInput(familyId, [childId], { receivedOn: day, receivedTime: time }))).id as string
}

it('runs in London time (the probes below mean nothing otherwise)', () => {
  expect(london('2026-07-01T12:00:00').toISOString()).toBe('2026-07-01T11:00:00.000Z')
  expect(london('2026-12-01T12:00:00').toISOString()).toBe('2026-12-01T12:00:00.000Z')
})

describe('a request received late on the Friday before a bank holiday Monday', () => {
  it('is one working day old on the Tuesday, and a Saturday’s is too', async () => {
    // Spring bank holiday: Monday 25 May 2026. 23:30 BST on Friday 22 May is 22:30 UTC, still Friday.
    const friday = await logAt('2026-05-22', '23:30')
    const saturday = await logAt('2026-05-23', '10:00')
    const bankHoliday = await logAt('2026-05-25', '09:00')
    now = london('2026-05-26T09:00:00')
    for (const id of [friday, saturday, bankHoliday]) {
      await call('referrals.screenRequest', { id, version: 1, decision: 'DECLINE', decline: { reason: 'No.' } })
      expect({ id, ...(await call('referrals.getRequest', { id })) }).toMatchObject({ id, workingDays: 1, overdue: false })
    }
  })
})

describe('the list’s “overdue” and each row’s own', () => {
  it('agree at every hour around a bank holiday weekend and both changes of the clocks', async () => {
    const received: [string, string][] = [
      ['2026-05-21', '16:00'],
      ['2026-05-22', '23:30'],
      ['2026-05-23', '00:30'],
      ['2026-05-25', '09:00'],
      ['2026-05-26', '00:10'],
      ['2026-10-22', '23:45'],
      ['2026-10-23', '23:30'],
      ['2026-10-25', '01:30'],
      ['2026-10-26', '00:30'],
      ['2026-03-26', '23:30'],
      ['2026-03-27', '23:30'],
      ['2026-03-29', '00:30'],
      ['2026-03-30', '00:30']
    ]
    const ids = new Map<string, string>()
    for (const [day, time] of received) ids.set(await logAt(day, time), `${day} ${time}`)
    const disagreements: string[] = []
    for (const start of ['2026-05-21T00:00:00Z', '2026-10-22T00:00:00Z', '2026-03-26T00:00:00Z']) {
      for (let hour = 0; hour < 24 * 8; hour += 3) {
        now = new Date(Date.parse(start) + hour * 3600_000 + 30 * 60_000)
        const all = (await call('referrals.listRequests', { show: 'waiting' })).requests as { id: string; receivedAt: string; overdue: boolean }[]
        const overdue = new Set((await call('referrals.listRequests', { show: 'overdue' })).requests.map((r: { id: string }) => r.id))
        for (const r of all.filter((r) => r.receivedAt <= now.toISOString()))
          if (r.overdue !== overdue.has(r.id)) disagreements.push(`${ids.get(r.id)} at ${now.toISOString()}: row ${r.overdue}, list ${overdue.has(r.id)}`)
      }
    }
    expect(disagreements).toEqual([])
  }, 120_000)

  it('counts a request received on the Friday night the clocks go back as one working day old early on the Monday', async () => {
    // 23:30 BST on Friday 23 October 2026; the clocks go back at 02:00 on Sunday 25th.
    const id = await logAt('2026-10-23', '23:30')
    now = london('2026-10-26T00:30:00')
    expect(await call('referrals.getRequest', { id })).toMatchObject({ workingDays: 1, overdue: false })
    now = london('2026-10-27T23:59:00')
    expect(await call('referrals.getRequest', { id })).toMatchObject({ workingDays: 2, overdue: false })
    now = london('2026-10-28T00:01:00')
    expect(await call('referrals.getRequest', { id })).toMatchObject({ workingDays: 3, overdue: true })
    expect((await call('referrals.listRequests', { show: 'overdue' })).requests.map((r: { id: string }) => r.id)).toEqual([id])
  })
})

describe('received between two dates', () => {
  it('takes the London day, not the UTC one, in summer time', async () => {
    // 00:30 BST on Wednesday 1 April 2026 is 23:30 UTC on Tuesday 31 March.
    const id = await logAt('2026-04-01', '00:30')
    const shown = async (from: string, to: string) =>
      (await call('referrals.listRequests', { receivedFrom: from, receivedTo: to })).requests.map((r: { id: string }) => r.id)
    expect(await shown('2026-04-01', '2026-04-01')).toEqual([id])
    expect(await shown('2026-03-31', '2026-03-31')).toEqual([])
  })
})
