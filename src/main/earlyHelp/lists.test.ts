// The lists managers and practitioners act from, on real SQLite files with the core's clock fixed:
// what falls due within the week beside what is overdue, a long gap since the last contact (the
// hub's setting, with its bad input refused), the manager's list sorted and filtered over the whole
// list, and the closures waiting for approval as a list of their own (managers only; a restricted
// family left out for whoever may not open it).
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Connection } from '../core/casebook'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { okaforFamily, today } from '../testing/fixtures'
import { signedInUser } from '../testing/accounts'
import { okaforsWithEpisode } from '../testing/episodes'
import { addDays, londonToUtc } from '../../shared/dates'
import { closuresAwaiting } from './closuresAwaiting'
import { statementsRun, tablesRead } from '../testing/queryPlans'

let t: TempCasebook
let now: Date
let pat: { connection: Connection; id: string }
let molly: Connection
let okafors: Awaited<ReturnType<typeof okaforsWithEpisode>>
const OPENED = addDays(today, -60)

/** Noon in England on the day `days` from today: the clock the core reads. */
const setDay = (days: number) => {
  now = new Date(londonToUtc(`${addDays(today, days)}T12:00`)!)
}

/** Days on: the idle lock has locked every window, so each is unlocked as its user would. */
async function moveTo(days: number) {
  setDay(days)
  for (const c of [pat.connection, molly]) unwrap(await c.invoke('auth.unlock', { password: 'a chosen passphrase' }))
}

beforeEach(async () => {
  setDay(0)
  t = await tempCasebook('lists', { clock: { now: () => now } })
  pat = await signedInUser(t, 'pat', 'practitioner', 'Pat Practitioner')
  molly = (await signedInUser(t, 'molly', 'manager', 'Molly Manager')).connection
  okafors = await okaforsWithEpisode(t, pat, OPENED)
})
afterEach(async () => {
  await t.dispose()
})

const action = (due: string) => ({ id: randomUUID(), what: `Something due ${due}`, owner: `person:${okafors.people.Grace}`, due, status: 'NOT_STARTED' })

/** A plan agreed 40 days ago (its first review six weeks on: in two days) with actions due around today. */
async function planWithDates() {
  unwrap(
    await pat.connection.invoke('plan.save', {
      episodeId: okafors.episodeId,
      agreedOn: addDays(today, -40),
      outcomes: [
        {
          id: randomUUID(),
          text: 'The rent is paid each month',
          headline: 'HOUSING',
          peopleIds: [okafors.people.Grace],
          actions: [action(addDays(today, -1)), action(today), action(addDays(today, 7)), action(addDays(today, 8))]
        }
      ]
    })
  )
}

const note = (occurredOn: string) =>
  pat.connection.invoke('notes.add', { familyId: okafors.family.id, occurredOn, occurredAt: '10:00', type: 'HOME_VISIT', text: 'Visited the family.' })

const mine = async () => unwrap<any>(await pat.connection.invoke('episodes.mine', {}))
const allOpen = async (input: object = {}) => unwrap<any>(await molly.invoke('episodes.allOpen', input))

describe('due within 7 days, and overdue', () => {
  it('counts actions due from today to 7 days ahead apart from those overdue, and says when the review is due soon', async () => {
    await planWithDates()
    const [row] = (await mine()).episodes
    expect(row).toMatchObject({
      familyName: `Samuel Okafor and Grace O'Neill-Okafor (${okafors.family.reference})`,
      nextReviewOn: addDays(today, 2),
      reviewOverdue: false,
      reviewDueSoon: true,
      overdueActions: 1,
      actionsDueSoon: 2
    })
    expect((await allOpen({ dueSoonOnly: true })).total).toBe(1)
    // Three days on: the review is overdue (not "due soon"), and so are two actions; the one due in 7 days is now due in 4.
    await moveTo(3)
    expect((await mine()).episodes[0]).toMatchObject({ reviewOverdue: true, reviewDueSoon: false, overdueActions: 2, actionsDueSoon: 2 })
    // Nine days on: nothing left due within the week, so the filter leaves it out, while overdue keeps it.
    await moveTo(9)
    expect((await mine()).episodes[0]).toMatchObject({ overdueActions: 4, actionsDueSoon: 0, reviewDueSoon: false })
    expect((await allOpen({ dueSoonOnly: true })).total).toBe(0)
    expect((await allOpen({ overdueOnly: true })).total).toBe(1)
  })
})

describe('a long gap since the last contact', () => {
  it('counts from the opening until a first contact, then from the last; flags after the hub’s setting (28 days unless changed)', async () => {
    expect((await mine()).contactGapDays).toBe(28)
    expect((await mine()).episodes[0]).toMatchObject({ lastContactAt: null, daysSinceContact: 60, longGap: true })
    unwrap(await note(addDays(today, -28)))
    expect((await mine()).episodes[0]).toMatchObject({ daysSinceContact: 28, longGap: false })
    expect((await allOpen({ longGapOnly: true })).total).toBe(0)
    await moveTo(1)
    expect((await mine()).episodes[0]).toMatchObject({ daysSinceContact: 29, longGap: true })
    expect((await allOpen({ longGapOnly: true })).total).toBe(1)
    // The hub allows 30 days: no longer flagged, in the list or by its filter.
    const admin = t.connection
    unwrap(await admin.invoke('hub.update', { ...unwrap<object>(await admin.invoke('hub.settings', {})), contactGapDays: 30 }))
    expect((await mine()).episodes[0]).toMatchObject({ daysSinceContact: 29, longGap: false })
    expect((await allOpen({ longGapOnly: true })).total).toBe(0)
  })

  it('refuses a setting that is not a whole number of days from 7 to 180, naming the field', async () => {
    const settings = await t.ok('hub.settings', {})
    for (const [value, message] of [
      ['', 'Enter a number of days'],
      ['four weeks', 'Enter a number of days'],
      [14.5, 'Enter a whole number of days'],
      [6, 'Days without contact must be 7 to 180'],
      [181, 'Days without contact must be 7 to 180']
    ] as const) {
      expect(await t.connection.invoke('hub.update', { ...settings, contactGapDays: value })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { contactGapDays: message } }
      })
    }
    expect(await t.ok('hub.update', { ...settings, contactGapDays: '42' })).toEqual({ version: 2 })
    expect(await t.ok('hub.settings', {})).toMatchObject({ contactGapDays: 42 })
  })
})

/** A second family, the Adams, with an episode opened `openedOn`, led by pat. */
async function adamsWithEpisode(openedOn: string) {
  const base = okaforFamily()
  const family = await t.ok('families.register', {
    family: { ...base.family, addressLine1: '3 Birch Lane', postcode: 'B34 7AA', phone: '0121 496 0999', email: 'adams@example.com' },
    members: [{ member: { ...(base.members[1]!.member as object), givenName: 'Alan', familyName: 'Adams' } }]
  })
  const view = await t.ok('families.get', { id: family.id })
  const { id } = unwrap<{ id: string }>(
    await pat.connection.invoke('episodes.open', {
      familyId: family.id,
      openedOn,
      leadUserId: pat.id,
      reason: 'Money worries',
      headlines: ['HOUSING'],
      consentId: 'new',
      consentGivenById: view.members[0].id,
      consentMethod: 'VERBAL',
      consentGivenOn: openedOn
    })
  )
  return { family, episodeId: id }
}

describe('All open episodes: sorted in the query, over every page', () => {
  it('sorts by family, opening, days open, last contact and notes, either way', async () => {
    const adams = await adamsWithEpisode(addDays(today, -10))
    unwrap(await note(addDays(today, -3)))
    const order = async (sort: string, desc = false) => (await allOpen({ sort, desc })).episodes.map((e: { episodeId: string }) => e.episodeId)
    const [a, o] = [adams.episodeId, okafors.episodeId]
    expect(await order('family')).toEqual([a, o])
    expect(await order('family', true)).toEqual([o, a])
    expect(await order('opened')).toEqual([o, a])
    expect(await order('daysOpen')).toEqual([a, o])
    expect(await order('daysOpen', true)).toEqual([o, a])
    // No contact yet goes last whichever way.
    expect(await order('lastContact')).toEqual([o, a])
    expect(await order('lastContact', true)).toEqual([o, a])
    expect(await order('notes', true)).toEqual([o, a])
    expect(await molly.invoke('episodes.allOpen', { sort: 'overdue' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it("names the page's families by the one naming rule, reading their people once for the whole page", async () => {
    const adams = await adamsWithEpisode(addDays(today, -10))
    let list: any
    const run = await statementsRun(t.casebook.core.db, async () => {
      list = await allOpen({})
    })
    expect(list.episodes.map((e: { familyName: string }) => e.familyName)).toEqual([
      `Samuel Okafor and Grace O'Neill-Okafor (${okafors.family.reference})`,
      `Adams family (${adams.family.reference})`
    ])
    // One statement reads people (familyNames', for both families); the list's own statement reads none.
    const readingPeople = run.filter((s) => tablesRead(s.sql).includes('person'))
    expect(readingPeople).toHaveLength(1)
    expect(readingPeople[0]!.params).toEqual(expect.arrayContaining([okafors.family.id, adams.family.id]))
  })
})

describe('closures waiting for approval', () => {
  async function closeAsPat(episodeId: string) {
    unwrap(
      await pat.connection.invoke('episodes.close', {
        id: episodeId,
        version: 1,
        closedOn: today,
        reason: 'MOVED_AWAY',
        outcomes: { HOUSING: 'PARTLY', EARLY_YEARS: 'ACHIEVED' },
        familyView: 'We are moving to Leeds.'
      })
    )
  }

  it('lists them for managers, by family name and who closed them by name; a practitioner is refused', async () => {
    expect(unwrap<any>(await molly.invoke('episodes.closuresAwaiting', {}))).toEqual({ closures: [], total: 0, page: 1, pageSize: 50 })
    await closeAsPat(okafors.episodeId)
    const list = unwrap<any>(await molly.invoke('episodes.closuresAwaiting', {}))
    expect(list.total).toBe(1)
    expect(list.closures).toEqual([
      {
        episodeId: okafors.episodeId,
        familyId: okafors.family.id,
        familyReference: okafors.family.reference,
        familyName: `Samuel Okafor and Grace O'Neill-Okafor (${okafors.family.reference})`,
        openedOn: OPENED,
        closedOn: today,
        reason: 'MOVED_AWAY',
        closedBy: 'Pat Practitioner',
        leadName: 'Pat Practitioner',
        version: 2
      }
    ])
    expect(await pat.connection.invoke('episodes.closuresAwaiting', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // Still open until approved: on the caseload, marked as waiting.
    expect((await mine()).episodes[0]).toMatchObject({ status: 'closing' })
    unwrap(await molly.invoke('episodes.approveClosure', { id: okafors.episodeId, version: 2 }))
    expect(unwrap<any>(await molly.invoke('episodes.closuresAwaiting', {})).total).toBe(0)
  })

  it('sorts the whole list in the query, and refuses input out of bounds', async () => {
    const adams = await adamsWithEpisode(addDays(today, -10))
    await closeAsPat(okafors.episodeId)
    unwrap(
      await pat.connection.invoke('episodes.close', {
        id: adams.episodeId,
        version: 1,
        closedOn: addDays(today, -1),
        reason: 'OUTCOMES_ACHIEVED',
        outcomes: { HOUSING: 'ACHIEVED' },
        familyView: 'Much better.'
      })
    )
    const order = async (input: object) =>
      unwrap<any>(await molly.invoke('episodes.closuresAwaiting', input)).closures.map((c: { episodeId: string }) => c.episodeId)
    expect(await order({})).toEqual([adams.episodeId, okafors.episodeId])
    expect(await order({ sort: 'closedOn', desc: true })).toEqual([okafors.episodeId, adams.episodeId])
    expect(await order({ sort: 'family' })).toEqual([adams.episodeId, okafors.episodeId])
    expect(await order({ sort: 'openedOn' })).toEqual([okafors.episodeId, adams.episodeId])
    for (const input of [{ page: 0 }, { page: 100_001 }, { sort: 'reason' }, { desc: 'yes' }]) {
      expect(await molly.invoke('episodes.closuresAwaiting', input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
  })

  it('leaves out a restricted family for whoever may not open it, and keeps it for one named on it', async () => {
    await closeAsPat(okafors.episodeId)
    unwrap(await molly.invoke('families.setRestriction', { id: okafors.family.id, version: 1, restricted: true, allowedUserIds: [pat.id] }))
    // Managers open every family; the list's own rule is for a caller who may not (as on the caseload lists).
    const ctx = (userId: string) => ({ core: t.casebook.core, actor: { userId, permissions: new Set<string>() } }) as never
    const query = { sort: 'closedOn' as const, desc: false, page: 1 }
    expect((await closuresAwaiting(ctx(randomUUID()), { ...query, viewer: { userId: randomUUID() } })).total).toBe(0)
    expect((await closuresAwaiting(ctx(pat.id), { ...query, viewer: { userId: pat.id } })).closures.map((c) => c.familyName)).toEqual([
      `Samuel Okafor and Grace O'Neill-Okafor (${okafors.family.reference})`
    ])
    expect(unwrap<any>(await molly.invoke('episodes.closuresAwaiting', {})).total).toBe(1)
  })
})
