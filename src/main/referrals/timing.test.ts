// Working days from a request's receipt to its decision, with the core's clock fixed: over Easter
// 2026 (Good Friday 3 April and Easter Monday 6 April are bank holidays in England) and a weekend.
// Calls come from trusted callers that name a user, so moving the clock on by days locks no window.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Casebook, Connection } from '../core/casebook'
import { WorkingDays } from '../core/workingDays'
import { ROLE_PERMISSIONS } from '../../shared/roles'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { okaforFamily } from '../testing/fixtures'
import { requestInput } from './testWorld'
import { overdueBefore, requestTiming, startOfLocalDay } from './timing'

const england = new WorkingDays()

describe('the working days a request waits', () => {
  it('leave out weekends and bank holidays, and count none on the day it came', () => {
    const at = (day: string, time = '10:15') => new Date(`${day}T${time}:00`).toISOString()
    // Thursday before Easter to the Tuesday after: Good Friday, the weekend and Easter Monday are not working days.
    expect(requestTiming(england, at('2026-04-02'), at('2026-04-07'), '2026-12-01', 2)).toEqual({ workingDays: 1, overdue: false })
    // Friday to Monday: one working day.
    expect(requestTiming(england, at('2026-04-10'), at('2026-04-13'), '2026-12-01', 2)).toEqual({ workingDays: 1, overdue: false })
    expect(requestTiming(england, at('2026-04-13', '08:00'), at('2026-04-13', '17:00'), '2026-12-01', 2)).toEqual({ workingDays: 0, overdue: false })
    // Still waiting: counted to today.
    expect(requestTiming(england, at('2026-04-02'), null, '2026-04-08', 2)).toEqual({ workingDays: 2, overdue: false })
    expect(requestTiming(england, at('2026-04-02'), null, '2026-04-09', 2)).toEqual({ workingDays: 3, overdue: true })
  })

  it('make "overdue" a time received before which a request still waiting is past the target', () => {
    // On Thursday 9 April, with a target of 2: received on Easter Monday or before is overdue, on Tuesday 7th not.
    expect(overdueBefore(england, '2026-04-09', 2)).toBe(startOfLocalDay('2026-04-07'))
    // On Tuesday 7 April: the Thursday before Easter is 1 working day back, the Wednesday 2.
    expect(overdueBefore(england, '2026-04-07', 1)).toBe(startOfLocalDay('2026-04-02'))
    // On a Monday with a target of 1: Thursday is 2 working days back, Friday 1.
    expect(overdueBefore(england, '2026-04-20', 1)).toBe(startOfLocalDay('2026-04-17'))
  })
})

describe('with the clock fixed', () => {
  let t: TempCasebook
  let casebook: Casebook
  let now: Date
  let pat: Connection
  let admin: Connection
  let familyId: string
  let childId: string

  beforeEach(async () => {
    now = new Date('2026-04-02T09:00:00')
    t = await tempCasebook('timing', { clock: { now: () => now } })
    casebook = t.casebook
    const setUp = casebook.connect({ name: 'setup' })
    const { id: patId } = unwrap<{ id: string }>(
      await setUp.invoke('users.create', { displayName: 'Pat', username: 'pat', role: 'practitioner', temporaryPassword: 'temporary passphrase' })
    )
    pat = casebook.connect({ name: 'pat', userId: patId, permissions: ROLE_PERMISSIONS.practitioner })
    admin = casebook.connect({ name: 'ivy', permissions: ROLE_PERMISSIONS.admin })
    familyId = unwrap<{ id: string }>(await setUp.invoke('families.register', okaforFamily())).id
    const view = unwrap<{ members: { kind: string; id: string }[] }>(await setUp.invoke('families.get', { id: familyId }))
    childId = view.members.find((m) => m.kind === 'child')!.id
  })
  afterEach(async () => {
    await t.dispose()
  })

  const call = async (channel: string, input: unknown) => unwrap<any>(await pat.invoke(channel, input), channel)
  const overdueList = async () => (await call('referrals.listRequests', { show: 'overdue' })).requests.map((r: { id: string }) => r.id)

  it('refuses a request received later than now', async () => {
    expect(await pat.invoke('referrals.logRequest', requestInput(familyId, [childId]))).toMatchObject({
      ok: false,
      error: { fields: { receivedTime: 'The time of the request must be now or earlier' } }
    })
  })

  it('counts to today while a request waits, marks it overdue past the target, and stops counting at the decision', async () => {
    now = new Date('2026-04-02T11:00:00')
    const late = await call('referrals.logRequest', requestInput(familyId, [childId]))
    const prompt = await call('referrals.logRequest', requestInput(familyId, [childId], { receivedTime: '10:30' }))

    // Tuesday after Easter: one working day has passed; the second request is decided.
    now = new Date('2026-04-07T15:00:00')
    await call('referrals.screenRequest', { id: prompt.id, version: 1, decision: 'DECLINE', decline: { reason: 'The school nurse is helping.' } })
    expect(await call('referrals.getRequest', { id: prompt.id })).toMatchObject({ workingDays: 1, overdue: false, targetDays: 2 })

    now = new Date('2026-04-08T12:00:00')
    expect(await call('referrals.getRequest', { id: late.id })).toMatchObject({ status: 'waiting', workingDays: 2, overdue: false })
    expect(await overdueList()).toEqual([])

    now = new Date('2026-04-09T09:00:00')
    expect(await call('referrals.getRequest', { id: late.id })).toMatchObject({ workingDays: 3, overdue: true })
    expect(await overdueList()).toEqual([late.id])
    const [row] = (await call('referrals.listRequests', { show: 'waiting' })).requests
    expect(row).toMatchObject({ id: late.id, workingDays: 3, overdue: true })

    // The hub's target is a Hub setting: at 3 working days it is not overdue yet.
    const settings = unwrap<{ version: number }>(await admin.invoke('hub.settings', {}))
    unwrap(
      await admin.invoke('hub.update', {
        ...settings,
        requestDecisionDays: 3
      })
    )
    expect(await overdueList()).toEqual([])
    expect(await call('referrals.getRequest', { id: late.id })).toMatchObject({ workingDays: 3, overdue: false, targetDays: 3 })

    // Decided on Friday 10 April: 4 working days, late; and it stays 4 however long after.
    now = new Date('2026-04-10T10:00:00')
    await call('referrals.screenRequest', { id: late.id, version: 1, decision: 'DECLINE', decline: { reason: 'No longer needed.' } })
    now = new Date('2026-05-20T10:00:00')
    expect(await call('referrals.getRequest', { id: late.id })).toMatchObject({ workingDays: 4, overdue: true })
    expect(await overdueList()).toEqual([])
    expect((await call('referrals.listRequests', { show: 'decided' })).requests.map((r: { workingDays: number }) => r.workingDays)).toEqual([1, 4])
  })
})
