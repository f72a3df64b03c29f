import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Connection } from '../core/casebook'
import type { CallContext } from '../core/context'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { signedInUser } from '../testing/accounts'
import { okaforFamily, today } from '../testing/fixtures'
import { formatDate } from '../../shared/dates'
import { requestInput } from '../referrals/testWorld'
import { requestEntries } from '../referrals/chronology'
import { familyNames } from './familyNames'

let t: TempCasebook
const as: Record<'rita' | 'rob' | 'pat' | 'molly', { connection: Connection; id: string }> = {} as never
let family: { id: string; reference: string }
let people: Record<string, string>

const call = async <T = any>(who: keyof typeof as, channel: string, input: unknown): Promise<T> =>
  unwrap<T>(await as[who].connection.invoke(channel as never, input as never), channel)

beforeEach(async () => {
  t = await tempCasebook('family-names')
  as.rita = await signedInUser(t, 'rwilliams', 'reception', 'Rita Williams')
  as.rob = await signedInUser(t, 'rbrown', 'reception', 'Rob Brown')
  as.pat = await signedInUser(t, 'pjones', 'practitioner', 'Pat Jones')
  as.molly = await signedInUser(t, 'mkhan', 'manager', 'Molly Khan')
  family = await t.ok('families.register', okaforFamily())
  const view = await t.ok('families.get', { id: family.id })
  people = Object.fromEntries(view.members.map((m: { givenName: string | null; id: string }) => [m.givenName ?? 'Unborn', m.id]))
})
afterEach(async () => {
  await t.dispose()
})

const okafors = () => `Samuel Okafor and Grace O'Neill-Okafor (${family.reference})`

// Pat opens the Okafors' episode today on Grace's consent, given there and then.
const openEpisode = () =>
  call('pat', 'episodes.open', {
    familyId: family.id,
    openedOn: today,
    leadUserId: as.pat.id,
    reason: 'Rent arrears',
    headlines: ['HOUSING'],
    consentId: 'new',
    consentGivenById: people.Grace,
    consentMethod: 'WRITTEN',
    consentGivenOn: today
  })

describe("a family's name", () => {
  it('is on the family record with what its bar shows: the open episode, its lead, and what to know at once', async () => {
    const before = await call('rita', 'families.get', { id: family.id })
    expect(before.family).toMatchObject({ name: okafors(), episode: null, alerts: [] })

    await call('rita', 'referrals.logRequest', requestInput(family.id, [people.Catherine!]))
    await openEpisode()
    const after = await call('rita', 'families.get', { id: family.id })
    expect(after.family).toMatchObject({
      name: okafors(),
      episode: { status: 'open', openedOn: today, leadName: 'Pat Jones' },
      alerts: ['A request for help is waiting for a decision']
    })
  })

  it('alerts to a step-up social care has not acknowledged, and to consent withdrawn mid-episode, for caseworkers only', async () => {
    const request = await call('rita', 'referrals.logRequest', requestInput(family.id, [people.Catherine!], { receivedOn: today, receivedTime: '00:00' }))
    await call('pat', 'referrals.screenRequest', {
      id: request.id,
      version: request.version,
      decision: 'ESCALATE',
      escalate: { concern: 'Catherine is scared at home.', childIds: [people.Catherine], steppedUpOn: today }
    })
    const stepUp = `Stepped up to children’s social care on ${formatDate(today)}: not yet acknowledged`
    expect((await call('pat', 'families.get', { id: family.id })).family.alerts).toEqual([stepUp])
    // Reception learns where a request has got to, not that the family was stepped up.
    expect((await call('rita', 'families.get', { id: family.id })).family.alerts).toEqual([])

    await openEpisode()
    const consent = (await call('pat', 'families.get', { id: family.id })).consents.find((c: { scope: string }) => c.scope === 'EARLY_HELP')
    await call('pat', 'consent.withdraw', { id: consent.id, version: consent.version })
    expect((await call('pat', 'families.get', { id: family.id })).family.alerts).toEqual([
      stepUp,
      'Consent to early help has been withdrawn while an episode is open'
    ])
  })

  it('names one surname as the family, and children when there are no adults', async () => {
    const bells = await t.ok('families.register', {
      family: { ...okaforFamily().family, postcode: 'M1 1AE' },
      members: [
        { member: { kind: 'child', givenName: 'Tom', familyName: 'Bell', dateOfBirth: '2020-02-02', sex: 'M', ethnicity: 'WBRI' } },
        { member: { kind: 'child', givenName: 'Amy', familyName: 'Bell', dateOfBirth: '2021-03-03', sex: 'F', ethnicity: 'WBRI' } }
      ]
    })
    expect((await call('rita', 'families.get', { id: bells.id })).family.name).toBe(`Bell family (${bells.reference})`)
  })

  it('is on the referrals answers, and staff are named by their names, not their usernames', async () => {
    const logged = await call('rita', 'referrals.logRequest', requestInput(family.id, [people.Catherine!]))
    const [row] = (await call('rita', 'referrals.listRequests', {})).requests
    expect(row).toMatchObject({ familyReference: family.reference, familyName: okafors() })
    expect(await call('pat', 'referrals.getRequest', { id: logged.id })).toMatchObject({ familyName: okafors(), loggedBy: 'Rita Williams' })
    const overview = await call('rita', 'referrals.overview', {})
    expect(overview.rows[0]).toMatchObject({ familyName: okafors() })

    const entries = await requestEntries(
      t.casebook.core.db.manager,
      family.id,
      (id) => id,
      (at) => at
    )
    expect(entries.map((e) => e.by)).toEqual(['Rita Williams'])
    expect(JSON.stringify(entries)).not.toContain('rwilliams')
  })

  it('is not given to someone who may not open a restricted family: its reference only, and none of its people', async () => {
    await call('rita', 'referrals.logRequest', requestInput(family.id, [people.Catherine!]))
    await call('molly', 'families.setRestriction', { id: family.id, version: 1, restricted: true, allowedUserIds: [as.rita.id] })

    for (const channel of ['referrals.listRequests', 'referrals.overview'] as const) {
      const answer = await call('rob', channel, {})
      const text = JSON.stringify(answer)
      expect(text).toContain(`"familyName":"Family ${family.reference}"`)
      for (const name of ['Okafor', 'Samuel', 'Grace']) expect(text).not.toContain(name)
    }
    // Those named on it, and managers, still read it by its people.
    for (const who of ['rita', 'molly'] as const) {
      expect((await call(who, 'referrals.listRequests', {})).requests[0].familyName).toBe(okafors())
    }
  })

  it('comes from one helper that decides per caller, and leaves out an id that names no family', async () => {
    await call('molly', 'families.setRestriction', { id: family.id, version: 1, restricted: true, allowedUserIds: [as.rita.id] })
    const ctxOf = (userId: string, permissions: string[]) =>
      ({ core: t.casebook.core, actor: { userId, permissions: new Set(permissions) } }) as unknown as CallContext
    const missing = '00000000-0000-4000-8000-000000000000'
    expect(await familyNames(ctxOf(as.rob.id, ['families.read']), [family.id, family.id, missing])).toEqual(
      new Map([[family.id, `Family ${family.reference}`]])
    )
    expect(await familyNames(ctxOf(as.rita.id, ['families.read']), [family.id])).toEqual(new Map([[family.id, okafors()]]))
    expect(await familyNames(ctxOf(as.molly.id, ['families.read', 'families.restrict']), [family.id])).toEqual(new Map([[family.id, okafors()]]))
    expect(await familyNames(ctxOf(as.rob.id, ['families.read']), [])).toEqual(new Map())
  })
})
