// Two desks at once on one PostgreSQL database (issue 13, item 3): two cores opened on the same
// database, each with its own pool, as two PCs at the hub, calling through the router at the same
// moment (Promise.all over both). What SQLite's one writer used to guarantee must hold here because
// the database holds it: a stale save is refused with the conflict message SQLite gives; many saves
// from both desks leave one unbroken audit chain and never repeat a family reference, an entry or a
// change-feed number; and each uniqueness rule (one current episode a family, one plan an episode,
// one account a username, one current family a person, one family a reference) refuses the second
// of two rows made at the same instant, the desk being told CONFLICT, never INTERNAL.
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Casebook, Connection } from './casebook'
import { conflict, savedAtTheSameMoment } from './errors'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { anotherDesk } from '../testing/desks'
import { signedInUser } from '../testing/accounts'
import { okaforsWithEpisode, type OpenedEpisode } from '../testing/episodes'
import { today } from '../testing/fixtures'
import { FamilyGenerator } from '../seed/generator'

let t: TempCasebook
let second: Casebook
/** The two desks' windows, each signed in with every permission. */
let a: Connection
let b: Connection

beforeEach(async () => {
  t = await tempCasebook('two-desks')
  second = await anotherDesk(t)
  a = t.casebook.connect({ name: 'desk a' })
  b = second.connect({ name: 'desk b' })
})
afterEach(async () => {
  await second.close()
  await t.dispose()
})

const call = async <T = any>(c: Connection, channel: string, input: unknown) => unwrap<T>(await c.invoke(channel, input), channel)
const db = () => t.casebook.core.db

/** The answers of two calls made at the same moment, one from each desk, winner first: exactly one must have been saved. */
async function atOnce(first: () => Promise<unknown>, other: () => Promise<unknown>) {
  const answers = (await Promise.all([first(), other()])) as { ok: boolean; error?: unknown; value?: unknown }[]
  expect(answers.filter((r) => r.ok)).toHaveLength(1)
  return answers[0]!.ok ? answers : [answers[1]!, answers[0]!]
}

function onePlan(e: OpenedEpisode, text: string) {
  const grace = e.people.Grace!
  return [
    {
      id: randomUUID(),
      text,
      headline: 'HOUSING',
      peopleIds: [grace],
      actions: [{ id: randomUUID(), what: 'Apply for discretionary housing payment', owner: `person:${grace}`, due: '2099-02-01', status: 'NOT_STARTED' }]
    }
  ]
}

describe('a stale edit from the other desk', () => {
  it('is refused on a family, an episode and a plan with the code and message SQLite gives, and the first save is kept', async () => {
    const pat = await signedInUser(t, 'pat', 'practitioner')
    const paula = await signedInUser(t, 'paula', 'practitioner')
    const e = await okaforsWithEpisode(t, pat, today)
    await call(a, 'plan.save', { episodeId: e.episodeId, version: null, agreedOn: today, outcomes: onePlan(e, 'Rent paid each month') })

    // Desk B reads the family, the episode and the plan; desk A then saves each.
    const family = (await call(b, 'families.get', { id: e.family.id })).family
    const episode = await call(b, 'episodes.get', { id: e.episodeId })
    await call(a, 'families.update', { id: e.family.id, version: family.version, family: { ...family, phone: '0121 496 0001' } })
    await call(a, 'episodes.reallocate', { id: e.episodeId, version: episode.version, leadUserId: paula.id })
    await call(a, 'plan.save', { episodeId: e.episodeId, version: episode.plan.version, agreedOn: today, outcomes: onePlan(e, 'Desk A’s wording') })

    // Desk B saves what it read: each is refused as on SQLite (the same AppError, from versioned.ts), and nothing of it is kept.
    const family2 = { ...family, town: 'Solihull' }
    expect(await b.invoke('families.update', { id: e.family.id, version: family.version, family: family2 })).toEqual({
      ok: false,
      error: conflict('family').toValue()
    })
    expect(await b.invoke('episodes.reallocate', { id: e.episodeId, version: episode.version, leadUserId: pat.id })).toEqual({
      ok: false,
      error: conflict('episode').toValue()
    })
    const plan = { episodeId: e.episodeId, version: episode.plan.version, agreedOn: today, outcomes: onePlan(e, 'Desk B’s wording') }
    expect(await b.invoke('plan.save', plan)).toEqual({ ok: false, error: conflict('family plan').toValue() })
    expect(conflict('family').message).toMatch(/^Someone else saved changes to this family after you opened it\. Your changes have not been saved/)

    const now = await call(b, 'episodes.get', { id: e.episodeId })
    expect((await call(b, 'families.get', { id: e.family.id })).family).toMatchObject({
      phone: '0121 496 0001',
      town: family.town,
      version: family.version + 1
    })
    expect(now).toMatchObject({ leadName: 'paula', version: episode.version + 1 })
    expect(now.plan).toMatchObject({ version: episode.plan.version + 1, outcomes: [expect.objectContaining({ text: 'Desk A’s wording' })] })
  })

  it('at the same instant: of two saves of what both desks read, one is kept and the other desk is told', async () => {
    const pat = await signedInUser(t, 'pat', 'practitioner')
    const paula = await signedInUser(t, 'paula', 'practitioner')
    const e = await okaforsWithEpisode(t, pat, today)
    await call(a, 'plan.save', { episodeId: e.episodeId, version: null, agreedOn: today, outcomes: onePlan(e, 'Rent paid each month') })
    const family = (await call(a, 'families.get', { id: e.family.id })).family
    const episode = await call(a, 'episodes.get', { id: e.episodeId })

    const [, familyLost] = await atOnce(
      () => a.invoke('families.update', { id: e.family.id, version: family.version, family: { ...family, phone: '0121 496 0001' } }),
      () => b.invoke('families.update', { id: e.family.id, version: family.version, family: { ...family, phone: '0121 496 0002' } })
    )
    expect(familyLost).toEqual({ ok: false, error: conflict('family').toValue() })
    const [, episodeLost] = await atOnce(
      () => a.invoke('episodes.reallocate', { id: e.episodeId, version: episode.version, leadUserId: paula.id }),
      () => b.invoke('episodes.reallocate', { id: e.episodeId, version: episode.version, leadUserId: paula.id })
    )
    expect(episodeLost).toEqual({ ok: false, error: conflict('episode').toValue() })
    const save = (c: Connection, text: string) => () =>
      c.invoke('plan.save', { episodeId: e.episodeId, version: episode.plan.version, agreedOn: today, outcomes: onePlan(e, text) })
    const [planKept, planLost] = await atOnce(save(a, 'Desk A’s wording'), save(b, 'Desk B’s wording'))
    expect(planLost).toEqual({ ok: false, error: conflict('family plan').toValue() })

    // One version of each was made, and the plan's kept versions number on without a repeat.
    const after = await call(b, 'episodes.get', { id: e.episodeId })
    expect(after).toMatchObject({ version: episode.version + 1, plan: { version: episode.plan.version + 1 } })
    expect((await call(b, 'families.get', { id: e.family.id })).family.version).toBe(family.version + 1)
    expect(planKept).toMatchObject({ ok: true, value: { version: episode.plan.version + 1 } })
    const kept = (await db().query(`SELECT version FROM document_version ORDER BY version`)) as { version: number }[]
    expect(new Set(kept.map((k) => k.version)).size).toBe(kept.length)
  })
})

describe('many saves from both desks at the same moment', () => {
  it('leave one unbroken audit chain, and never repeat a family reference, an entry or a change-feed number', async () => {
    const generator = new FamilyGenerator(20, today)
    const PER_DESK = 20
    const EDITED = 10
    const registered: { id: string }[] = []
    for (let i = 0; i < EDITED; i++) registered.push(await call(a, 'families.register', generator.family()))
    const read = await Promise.all(registered.map(async ({ id }) => (await call(a, 'families.get', { id })).family))
    const inputs = { a: Array.from({ length: PER_DESK }, () => generator.family()), b: Array.from({ length: PER_DESK }, () => generator.family()) }
    const feedBefore = Number((await db().query(`SELECT seq FROM change_feed_counter`))[0].seq)

    // Each desk registers 20 families and edits the same 10 (each from what it read before): 60 calls at once.
    const desk = (c: Connection, name: 'a' | 'b') => [
      ...inputs[name].map((input) => c.invoke('families.register', input)),
      ...read.map((f) =>
        c.invoke('families.update', { id: f.id, version: f.version, family: { ...f, phone: `0121 496 ${name === 'a' ? '1' : '2'}${f.reference.slice(-3)}` } })
      )
    ]
    const [fromA, fromB] = await Promise.all([Promise.all(desk(a, 'a')), Promise.all(desk(b, 'b'))])

    // Every registration was saved; of each family's two edits one was saved and the other desk told.
    for (const answers of [fromA, fromB]) expect(answers.slice(0, PER_DESK).filter((r) => !r.ok)).toEqual([])
    for (let i = 0; i < EDITED; i++) {
      const pair = [fromA[PER_DESK + i]!, fromB[PER_DESK + i]!]
      expect(pair.filter((r) => r.ok)).toHaveLength(1)
      expect(pair.find((r) => !r.ok)).toEqual({ ok: false, error: conflict('family').toValue() })
    }

    // Family references: one each, numbered on from the first without a gap or a repeat, and the hub's counter past the last.
    const families = (await db().query(`SELECT reference FROM family ORDER BY reference`)) as { reference: string }[]
    expect(families).toHaveLength(EDITED + 2 * PER_DESK)
    const numbers = families.map((f) => Number(f.reference.split('-')[1]))
    expect(numbers).toEqual(Array.from({ length: families.length }, (_, i) => i + 1))
    expect((await db().query(`SELECT next_family_number AS "next" FROM hub`))[0].next).toBe(families.length + 1)

    // The audit trail: one chain, verified as the app verifies it (the audit.verify channel), from either desk.
    const entries = Number((await db().query(`SELECT count(*) AS n FROM audit_entry`))[0].n)
    for (const c of [a, b]) expect(await call(c, 'audit.verify', {})).toMatchObject({ intact: true, problem: null, entries })
    const seqs = ((await db().query(`SELECT seq FROM audit_entry ORDER BY seq`)) as { seq: number }[]).map((r) => Number(r.seq))
    expect(seqs).toEqual(Array.from({ length: entries }, (_, i) => seqs[0]! + i))
    const created = (await db().query(`SELECT count(*) AS n FROM audit_entry WHERE action = 'create' AND record_type = 'family'`))[0].n
    expect(Number(created)).toBe(families.length)

    // The change feed: numbered on without a gap or a repeat, and its counter at the last.
    const feed = ((await db().query(`SELECT seq FROM change_feed WHERE seq > ? ORDER BY seq`, [feedBefore])) as { seq: number }[]).map((r) => Number(r.seq))
    expect(feed.length).toBeGreaterThan(2 * PER_DESK + EDITED)
    expect(feed).toEqual(Array.from({ length: feed.length }, (_, i) => feedBefore + 1 + i))
    expect(Number((await db().query(`SELECT seq FROM change_feed_counter`))[0].seq)).toBe(feed.at(-1))
  })
})

/** A connection of its own on the test's database, round the core: as a desk that skipped the app's checks and its lock. */
async function rawClient(): Promise<pg.Client> {
  const client = new pg.Client({ ...t.postgres!, password: t.postgres!.password ?? undefined })
  await client.connect()
  return client
}

/**
 * Two transactions on two connections, each making a row (`insert`'s statement and parameters) and
 * committing, at the same moment: the one second to its row waits for the first to commit (or finds
 * it committed), then is refused. Returns the refusals (the database's code and the rule it named).
 */
async function rawRace(insert: [string, unknown[]][]): Promise<{ code: string; constraint: string }[]> {
  const clients = await Promise.all(insert.map(() => rawClient()))
  try {
    await Promise.all(clients.map((c) => c.query('BEGIN')))
    const outcomes = await Promise.allSettled(
      clients.map(async (c, i) => {
        await c.query(...insert[i]!)
        await c.query('COMMIT')
      })
    )
    return outcomes.flatMap((o) => (o.status === 'rejected' ? [{ code: o.reason.code, constraint: o.reason.constraint }] : []))
  } finally {
    await Promise.all(clients.map((c) => c.query('ROLLBACK').finally(() => c.end())))
  }
}

const episodeRow = (familyId: string, leadUserId: string, consentId: string): [string, unknown[]] => [
  `INSERT INTO episode (id, family_id, status, opened_on, lead_user_id, reason, opened_by_user_id, consent_id, note_count, open_action_dues, created_at, updated_at, version)
   VALUES ($1, $2, 'open', $3, $4, 'Round the app', NULL, $5, 0, '', $6, $6, 1)`,
  [randomUUID(), familyId, today, leadUserId, consentId, new Date().toISOString()]
]

/** A family of the generator's, its early-help consent recorded and no episode yet. */
async function familyWithConsent(seed: number): Promise<{ id: string; reference: string; consentId: string }> {
  const family = await call(a, 'families.register', new FamilyGenerator(seed, today).family())
  const giver = (await call(a, 'families.get', { id: family.id })).members.find((m: { kind: string }) => m.kind === 'adult').id
  const consent = await call(a, 'consent.record', { familyId: family.id, givenById: giver, scope: 'EARLY_HELP', method: 'VERBAL', givenOn: today })
  return { ...family, consentId: consent.id }
}

const openEpisode = (c: Connection, family: { id: string; consentId: string }, leadUserId: string) => () =>
  c.invoke('episodes.open', {
    familyId: family.id,
    openedOn: today,
    leadUserId,
    reason: 'Help with the baby',
    headlines: ['EARLY_YEARS'],
    consentId: family.consentId
  })

describe('uniqueness rules, when both desks make the same thing at the same instant', () => {
  it('one current episode a family: one desk opens it, the other is told the family has one', async () => {
    const pat = await signedInUser(t, 'pat', 'practitioner')
    const family = await familyWithConsent(3)
    const [, lost] = await atOnce(openEpisode(a, family, pat.id), openEpisode(b, family, pat.id))
    expect(lost).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'This family already has an open early-help episode. Add to that one instead.' } })
    expect(await db().query(`SELECT count(*)::int AS n FROM episode WHERE family_id = $1 AND status IN ('open', 'closing')`, [family.id])).toEqual([{ n: 1 }])
  })

  it('one current episode a family is the database’s rule: of two rows made round the app at once, the second is refused', async () => {
    const pat = await signedInUser(t, 'pat', 'practitioner')
    const family = await familyWithConsent(4)
    const refused = await rawRace([episodeRow(family.id, pat.id, family.consentId), episodeRow(family.id, pat.id, family.consentId)])
    expect(refused).toEqual([{ code: '23505', constraint: 'idx_episode_one_current' }])
  })

  it('a desk whose own check came too soon is refused by the database, and told CONFLICT, not INTERNAL', async () => {
    const pat = await signedInUser(t, 'pat', 'practitioner')
    const family = await familyWithConsent(5)
    // Round the app, a connection makes the family's open episode and holds it uncommitted; the desk's
    // check cannot see it, so the desk's own row waits on it at the unique index.
    const raw = await rawClient()
    try {
      await raw.query('BEGIN')
      await raw.query(...episodeRow(family.id, pat.id, family.consentId))
      const desk = openEpisode(b, family, pat.id)()
      await waitForALockWait(raw)
      await raw.query('COMMIT')
      expect(await desk).toEqual({ ok: false, error: savedAtTheSameMoment().toValue() })
    } finally {
      await raw.end()
    }
    expect(await db().query(`SELECT count(*)::int AS n FROM episode WHERE family_id = $1`, [family.id])).toEqual([{ n: 1 }])
    expect((await call(a, 'audit.verify', {})).intact).toBe(true)
  })

  it('one plan an episode, one account a username, one current family a person: the second desk is told', async () => {
    const pat = await signedInUser(t, 'pat', 'practitioner')
    const e = await okaforsWithEpisode(t, pat, today)
    // The episode's first plan, from both desks (each read "no plan yet").
    const first = (c: Connection, text: string) => () =>
      c.invoke('plan.save', { episodeId: e.episodeId, version: null, agreedOn: today, outcomes: onePlan(e, text) })
    const [, planLost] = await atOnce(first(a, 'Desk A’s plan'), first(b, 'Desk B’s plan'))
    expect(planLost).toEqual({ ok: false, error: conflict('family plan').toValue() })
    expect(await db().query(`SELECT count(*)::int AS n FROM family_plan WHERE episode_id = $1`, [e.episodeId])).toEqual([{ n: 1 }])

    // The same new username, from both desks.
    const account = (c: Connection, displayName: string) => () =>
      c.invoke('users.create', { displayName, username: 'sam', role: 'reception', temporaryPassword: 'temporary passphrase' })
    const [, userLost] = await atOnce(account(a, 'Sam Patel'), account(b, 'Sam Price'))
    expect(userLost).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'There is a problem', fields: { username: 'Someone already has that username' } }
    })
    expect(await db().query(`SELECT count(*)::int AS n FROM app_user WHERE username = 'sam'`)).toEqual([{ n: 1 }])

    // One person moved into two households at once: they belong to one (one current membership).
    // One generator, so that the two households' people are not each other's duplicates.
    const generator = new FamilyGenerator(6, today)
    const one = await call(a, 'families.register', generator.family())
    const two = await call(a, 'families.register', generator.family())
    const catherine = (await call(a, 'families.get', { id: e.family.id })).members.find((m: { id: string }) => m.id === e.people.Catherine)
    const move = (c: Connection, reference: string) => () =>
      c.invoke('people.move', { id: catherine.id, version: catherine.version, toFamilyReference: reference })
    const [moved, moveLost] = await atOnce(move(a, one.reference), move(b, two.reference))
    expect(moveLost).toEqual({ ok: false, error: conflict('person').toValue() })
    const memberships = await db().query(`SELECT family_id AS "familyId" FROM family_membership WHERE person_id = $1 AND left_at IS NULL`, [catherine.id])
    expect(memberships).toEqual([{ familyId: (moved as { value: { familyId: string } }).value.familyId }])
  })

  it('one current family a person, one family a reference, one plan an episode: each the database’s rule, round the app', async () => {
    const pat = await signedInUser(t, 'pat', 'practitioner')
    const e = await okaforsWithEpisode(t, pat, today)
    const one = await call(a, 'families.register', new FamilyGenerator(8, today).family())
    const now = new Date().toISOString()
    // Two current memberships for one person (after closing the one the app made).
    await db().query(`UPDATE family_membership SET left_at = $1 WHERE person_id = $2`, [now, e.people.Grace])
    const membership = (): [string, unknown[]] => [
      `INSERT INTO family_membership (id, person_id, family_id, joined_at, left_at, recorded_by_user_id) VALUES ($1, $2, $3, $4, NULL, NULL)`,
      [randomUUID(), e.people.Grace, one.id, now]
    ]
    expect(await rawRace([membership(), membership()])).toEqual([{ code: '23505', constraint: 'idx_membership_one_current' }])
    // Two families given the same reference.
    const family = (): [string, unknown[]] => [
      `INSERT INTO family (id, reference, address_line1, town, postcode, postcode_key, main_language, interpreter_needed, registered_at, restricted, updated_at, version)
       VALUES ($1, 'TH-999999', '1 Race Street', 'Leeds', 'LS1 1AA', 'LS11AA', 'English', false, $2, false, $2, 1)`,
      [randomUUID(), now]
    ]
    expect(await rawRace([family(), family()])).toEqual([{ code: '23505', constraint: 'family_reference_key' }])
    // Two first plans for one episode.
    const plan = (): [string, unknown[]] => [
      `INSERT INTO family_plan (id, episode_id, family_id, agreed_on, outcomes, agreed_by_user_id, updated_by_user_id, created_at, updated_at, version, schema_version)
       VALUES ($1, $2, $3, $4, '[]', NULL, NULL, $5, $5, 1, 1)`,
      [randomUUID(), e.episodeId, e.family.id, today, now]
    ]
    expect(await rawRace([plan(), plan()])).toEqual([{ code: '23505', constraint: 'family_plan_episode_id_key' }])
  })
})

/** Resolves once another connection to the test's database is waiting for a lock (the desk's insert at the unique index). */
async function waitForALockWait(raw: pg.Client): Promise<void> {
  for (;;) {
    const { rows } = await raw.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)
    if (rows[0].n > 0) return
    await new Promise((resolve) => setImmediate(resolve))
  }
}
