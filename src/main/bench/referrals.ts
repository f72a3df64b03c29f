// The referrals part of the benchmark: 50,000 requests for help and 30,000 referrals on, over three
// years, from and to 200 organisations of the directory, then, through a signed-in window's
// connection.invoke, the Referrals screen's first page (no filter; status + organisation + dates;
// overdue), a family's referrals, and screening a request. Rows go in with multi-row INSERTs (this
// seeds, it does not test writes); screening goes through the app, one decision per request.
import { randomUUID } from 'node:crypto'
import type { Casebook, Connection } from '../core/casebook'
import { addDays, todayIso } from '../../shared/dates'
import type { OutboundStatus } from '../../shared/referrals/outbound'
import { rng } from '../seed/generator'
import { OUTBOUND_COLUMNS, outboundValues } from '../referrals/overviewWorld'
import { insertRows } from './earlyHelp'
import { measureInvoke, type Summary } from './stats'
import { optimise, rowNumber } from './engine'

const ORGANISATIONS = 200
const DAYS = 3 * 365
const SOURCES = ['2A', '3A', '3B', '3C', '4', '5A', '6', '1C']

export interface ReferralsBench {
  requests: number
  referrals: number
  seedSeconds: number
  firstPage: Summary
  filteredPage: Summary
  overduePage: Summary
  familyReferrals: Summary
  screenRequest: Summary
}

/** An instant `daysAgo` days before now, at a working hour. */
const instant = (today: string, daysAgo: number, random: () => number) =>
  new Date(
    `${addDays(today, -daysAgo)}T${String(9 + Math.floor(random() * 8)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00`
  ).toISOString()

export async function benchReferrals(
  casebook: Casebook,
  trusted: Connection,
  counts: { requests: number; referrals: number },
  samples: number,
  log: (line: string) => void
): Promise<ReferralsBench> {
  const started = performance.now()
  const random = rng(2026)
  const today = todayIso()
  const now = new Date().toISOString()
  const db = casebook.core.db
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!

  const organisations = Array.from({ length: ORGANISATIONS }, (_, i) => ({
    id: randomUUID(),
    name: `Bench organisation ${i + 1}`,
    services: [randomUUID(), randomUUID()]
  }))
  await insertRows(
    casebook,
    'directory_organisation',
    ['id', 'name', 'created_at', 'updated_at', 'version'],
    organisations.map((o) => [o.id, o.name, now, now, 1])
  )
  await insertRows(
    casebook,
    'directory_service',
    ['id', 'organisation_id', 'name', 'service_type', 'status', 'created_at', 'updated_at', 'version'],
    organisations.flatMap((o) =>
      o.services.map((s, k) => [s, o.id, k ? 'Family support' : 'Health visiting', k ? 'FAMILY_SUPPORT' : 'HEALTH', 'active', now, now, 1])
    )
  )
  const userId = ((await db.query(`SELECT id FROM app_user WHERE role = 'practitioner' ORDER BY username LIMIT 1`)) as { id: string }[])[0]!.id
  const families = (await db.query(`SELECT id FROM family ORDER BY ${rowNumber(db)}`)) as { id: string }[]
  const childOf = new Map(
    (
      (await db.query(`SELECT family_id AS "familyId", min(id) AS id FROM person WHERE kind = 'child' GROUP BY family_id`)) as {
        familyId: string
        id: string
      }[]
    ).map((c) => [c.familyId, c.id])
  )
  const withChild = families.filter((f) => childOf.has(f.id))
  // A fifth of the early-help episodes were opened by accepting a request (each by its own).
  const episodes = (await db.query(`SELECT id, family_id AS "familyId", opened_on AS "openedOn" FROM episode ORDER BY ${rowNumber(db)}`)) as {
    id: string
    familyId: string
    openedOn: string
  }[]
  const accepting = episodes.slice(0, Math.floor(episodes.length / 5))

  // Requests: most decided and fed back; those of the last fortnight partly waiting, some overdue.
  const requests: unknown[][] = []
  const children: unknown[][] = []
  const waiting: string[] = []
  for (let i = 0; i < counts.requests; i++) {
    const id = randomUUID()
    const episode = accepting[i]
    const family = episode ? { id: episode.familyId } : pick(withChild)
    const daysAgo = episode ? Math.max(0, Math.round((Date.parse(today) - Date.parse(episode.openedOn)) / 86_400_000) + 3) : Math.floor(random() ** 1.5 * DAYS)
    const receivedAt = instant(today, daysAgo, random)
    const organisation = random() < 0.8 ? pick(organisations) : null
    const source = pick(SOURCES)
    const isWaiting = !episode && daysAgo < 14 && random() < 0.5
    const decision = episode ? 'ACCEPT' : isWaiting ? null : random() < 0.5 ? 'SIGNPOST' : 'DECLINE'
    const decidedAt = decision ? instant(today, Math.max(0, daysAgo - 2), random) : null
    const fedBack = decision && random() < 0.9 ? addDays(decidedAt!.slice(0, 10), 1) : null
    if (isWaiting) waiting.push(id)
    requests.push([
      id,
      family.id,
      receivedAt,
      'PHONE',
      'Bench Referrer',
      organisation?.id ?? null,
      organisation ? null : 'A local agency',
      source,
      source === '5A' ? `SC${i}` : null,
      'Synthetic reason for the request, in the words of the person who asked.',
      'AWARE_AGREES',
      'ROUTINE',
      decision ? 'decided' : 'waiting',
      decision,
      decidedAt,
      decision ? userId : null,
      decision === 'DECLINE' ? 'Synthetic reason to decline.' : null,
      decision === 'SIGNPOST' ? pick(organisations).services[0] : null,
      decision === 'SIGNPOST' ? 'Synthetic words to the family.' : null,
      episode?.id ?? null,
      fedBack,
      fedBack ? 'PHONE' : null,
      fedBack ? userId : null,
      userId,
      receivedAt,
      receivedAt,
      1
    ])
    const child = childOf.get(family.id)
    if (child) children.push([id, child])
  }
  await insertRows(
    casebook,
    'request_for_help',
    [
      'id',
      'family_id',
      'received_at',
      'channel',
      'referrer_name',
      'organisation_id',
      'agency',
      'source',
      'social_care_reference',
      'reason',
      'awareness',
      'urgency',
      'status',
      'decision',
      'decided_at',
      'decided_by_user_id',
      'decline_reason',
      'service_id',
      'family_told',
      'episode_id',
      'fed_back_on',
      'feedback_method',
      'feedback_by_user_id',
      'logged_by_user_id',
      'created_at',
      'updated_at',
      'version'
    ],
    requests
  )
  await insertRows(casebook, 'request_child', ['request_id', 'person_id'], children)

  // Referrals on: older ones have moved on to an answer; the last month's are still sent or acknowledged.
  const referrals: unknown[][] = []
  const busiest = withChild[0]!.id
  for (let i = 0; i < counts.referrals; i++) {
    const daysAgo = Math.floor(random() ** 1.5 * DAYS)
    const roll = random()
    const status: OutboundStatus =
      daysAgo < 30
        ? roll < 0.3
          ? 'sent'
          : roll < 0.6
            ? 'acknowledged'
            : roll < 0.7
              ? 'draft'
              : 'accepted'
        : roll < 0.5
          ? 'completed'
          : roll < 0.7
            ? 'accepted'
            : roll < 0.85
              ? 'declined'
              : 'withdrawn'
    const organisation = pick(organisations)
    // The first family has forty of them: a family known to many services.
    const familyId = i < 40 ? busiest : pick(withChild).id
    referrals.push(
      outboundValues({
        familyId,
        serviceId: organisation.services[1]!,
        organisationId: organisation.id,
        status,
        createdAt: instant(today, daysAgo, random),
        userId
      })
    )
  }
  await insertRows(casebook, 'outbound_referral', [...OUTBOUND_COLUMNS], referrals)
  await optimise(casebook)
  const seedSeconds = Math.round((performance.now() - started) / 100) / 10
  log(`Seeded ${requests.length} requests for help (${waiting.length} waiting) and ${referrals.length} referrals on in ${seedSeconds} s`)

  // A practitioner's signed-in window: the session's account read at every call, one family in a hundred closed to them.
  const created = await trusted.invoke('users.create', {
    displayName: 'Bench Practitioner',
    username: 'benchpractitioner',
    role: 'practitioner',
    temporaryPassword: 'bench long passphrase'
  })
  if (!created.ok) throw new Error(created.error.message)
  const window = casebook.connect()
  const signedIn = await window.invoke('auth.signIn', { username: 'benchpractitioner', password: 'bench long passphrase' })
  if (!signedIn.ok) throw new Error(signedIn.error.message)
  const changed = await window.invoke('auth.changePassword', {
    currentPassword: 'bench long passphrase',
    newPassword: 'bench chosen passphrase',
    confirmPassword: 'bench chosen passphrase'
  })
  if (!changed.ok) throw new Error(changed.error.message)

  const repeat = <T>(make: (i: number) => T) => Array.from({ length: samples }, (_, i) => make(i))
  for (let i = 0; i < 10; i++) await window.invoke('referrals.overview', {})
  const firstPage = await measureInvoke(
    window,
    'referrals.overview',
    repeat(() => ({}))
  )
  const year = addDays(today, -365)
  const filteredPage = await measureInvoke(
    window,
    'referrals.overview',
    repeat((i) => ({
      status: i % 2 ? 'in-DECLINE' : 'out-completed',
      organisationId: organisations[i % organisations.length]!.id,
      from: year,
      to: today
    }))
  )
  const overduePage = await measureInvoke(
    window,
    'referrals.overview',
    repeat((i) => ({ overdue: true, direction: (['all', 'in', 'out'] as const)[i % 3] }))
  )
  const open = (await db.query(`SELECT id FROM family WHERE NOT restricted ORDER BY ${rowNumber(db)} LIMIT ?`, [samples])) as { id: string }[]
  const familyReferrals = await measureInvoke(
    window,
    'referrals.forFamily',
    repeat((i) => ({ familyId: i % 4 === 0 ? busiest : open[i % open.length]!.id }))
  )
  // Screening: each sample declines a different waiting request of a family the practitioner may open.
  const screenable = (await db.query(
    `SELECT r.id FROM request_for_help r JOIN family f ON f.id = r.family_id WHERE r.status = 'waiting' AND NOT f.restricted ORDER BY r.received_at LIMIT ?`,
    [samples]
  )) as { id: string }[]
  const screenRequest = await measureInvoke(
    window,
    'referrals.screenRequest',
    screenable.map((r) => ({ id: r.id, version: 1, decision: 'DECLINE', decline: { reason: 'Known to the school nurse, who is helping.' } }))
  )
  return { requests: requests.length, referrals: referrals.length, seedSeconds, firstPage, filteredPage, overduePage, familyReferrals, screenRequest }
}
