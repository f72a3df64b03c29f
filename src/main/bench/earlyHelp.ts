// The early-help part of the benchmark: a hub with 2,000 open and 8,000 closed episodes and about
// 200,000 case notes, then opening an episode, a 300-entry chronology and the caseload lists,
// through connection.invoke. Rows go in with multi-row INSERTs: this seeds, it does not test writes.
import { randomUUID } from 'node:crypto'
import type { Casebook } from '../core/casebook'
import { addDays, londonToUtc, todayIso } from '../../shared/dates'
import { rng } from '../seed/generator'
import { sample, type Summary } from './stats'
import { optimise, rowNumber } from './engine'

const TYPES = ['HOME_VISIT', 'PHONE_CALL', 'MEETING', 'MESSAGE', 'OTHER']
const PRACTITIONERS = 40

export async function insertRows(casebook: Casebook, table: string, columns: string[], rows: unknown[][]) {
  const per = Math.floor(900 / columns.length)
  for (let i = 0; i < rows.length; i += per * 50) {
    await casebook.core.writes.run(async (m) => {
      for (let j = i; j < Math.min(rows.length, i + per * 50); j += per) {
        const chunk = rows.slice(j, j + per)
        await m.query(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')}`,
          chunk.flat()
        )
      }
    })
  }
}

export interface EarlyHelpBench {
  episodes: { open: number; closed: number; notes: number; plans: number; reviews: number; teamMembers: number; seedSeconds: number }
  openEpisode: Summary
  savePlan: Summary
  addReview: Summary
  chronology300: Summary
  myCaseload: Summary
  allOpenEpisodes: Summary
  overdueEpisodes: Summary
  chronologyEntries: number
}

export interface SeededEarlyHelp {
  counts: EarlyHelpBench['episodes']
  leads: { id: string; username: string }[]
  /** The families with an episode, the busiest (300 case notes) first. */
  familyIds: string[]
  openEpisodeIds: string[]
}

/** The hub's early help, seeded: 2,000 open and 8,000 closed episodes on the first 10,000 families, and all that goes with them. */
export async function seedEarlyHelp(casebook: Casebook, log: (line: string) => void): Promise<SeededEarlyHelp> {
  const started = performance.now()
  const random = rng(99)
  const now = new Date().toISOString()
  const today = todayIso()
  const leads = Array.from({ length: PRACTITIONERS }, (_, i) => ({ id: randomUUID(), username: `practitioner${i}` }))
  await insertRows(
    casebook,
    'app_user',
    ['id', 'username', 'display_name', 'role', 'password_hash', 'must_change_password', 'disabled', 'failed_attempts', 'created_at', 'updated_at', 'version'],
    leads.map((l) => [l.id, l.username, `Practitioner ${l.username.slice(12)}`, 'practitioner', 'scrypt$1$1$1$x$x', 0, 0, 0, now, now, 1])
  )
  const families = (await casebook.core.db.query(`SELECT id FROM family ORDER BY ${rowNumber(casebook.core.db)} LIMIT 10000`)) as { id: string }[]
  const members = new Map<string, string[]>()
  for (const p of (await casebook.core.db.query(`SELECT id, family_id AS "familyId" FROM person WHERE kind != 'unborn'`)) as {
    id: string
    familyId: string
  }[]) {
    members.set(p.familyId, [...(members.get(p.familyId) ?? []), p.id])
  }
  const episodes: unknown[][] = []
  const headlines: unknown[][] = []
  const notes: unknown[][] = []
  const team: unknown[][] = []
  const assessments: unknown[][] = []
  const plans: unknown[][] = []
  const reviews: unknown[][] = []
  const reviewTeam: unknown[][] = []
  families.forEach(({ id: familyId }, i) => {
    const open = i < 2000
    const episodeId = randomUUID()
    const opened = addDays(today, -Math.floor((open ? random() : 1 + random() * 4) * 365))
    const lead = leads[Math.floor(random() * leads.length)]!
    // Every episode has a team of two, a completed assessment, a plan of three outcomes and 0–4 reviews.
    const people = members.get(familyId) ?? []
    const tafIds = [randomUUID(), randomUUID()]
    tafIds.forEach((id, k) =>
      team.push([
        id,
        episodeId,
        `Worker ${k + 1}`,
        k ? 'Acacia Primary' : 'Health visiting',
        k ? 'Family support worker' : 'Health visitor',
        '0121 496 0000',
        null,
        now,
        now,
        1
      ])
    )
    const domains = {
      CHILD_DEVELOPMENT: { strengths: 'Synthetic strengths.', needs: 'Synthetic needs.', level: 'ADDITIONAL' },
      PARENTS_CARERS: { strengths: 'Warm.', needs: 'Routines.', level: 'ADDITIONAL' },
      FAMILY_ENVIRONMENT: { strengths: 'Support nearby.', needs: 'Rent arrears.', level: 'COMPLEX' }
    }
    assessments.push([
      randomUUID(),
      episodeId,
      familyId,
      opened,
      addDays(opened, 14),
      lead.id,
      JSON.stringify({
        subjects: [...people.slice(1).map((personId) => ({ personId, domains })), { personId: null, domains }],
        familyVoice: 'In their own words.',
        identified: ['HOUSING', 'HEALTH'],
        evidence: { HOUSING: 'Arrears.', HEALTH: 'Low mood.' }
      }),
      lead.id,
      now,
      now,
      1
    ])
    const agreed = [addDays(opened, 21), today].sort()[0]!
    const outcomes = [0, 1, 2].map((o) => ({
      id: randomUUID(),
      text: `Synthetic outcome ${o + 1}`,
      headline: o ? 'HEALTH' : 'HOUSING',
      peopleIds: people.slice(0, 1),
      actions: [0, 1].map((a) => ({
        id: randomUUID(),
        what: `Action ${o + 1}.${a + 1}`,
        owner: `taf:${tafIds[a]}`,
        due: addDays(agreed, 30 * (a + 1)),
        status: a ? 'NOT_STARTED' : 'DONE'
      }))
    }))
    plans.push([randomUUID(), episodeId, familyId, agreed, JSON.stringify(outcomes), lead.id, lead.id, now, now, 1])
    const reviewCount = Math.floor(random() * 5)
    let held = agreed
    for (let r = 0; r < reviewCount && addDays(held, 42) <= today; r++) {
      held = addDays(held, 42)
      const reviewId = randomUUID()
      reviews.push([
        reviewId,
        episodeId,
        familyId,
        held,
        null,
        JSON.stringify(outcomes.map((o) => ({ outcomeId: o.id, score: Math.floor(random() * 11), comment: null }))),
        addDays(held, 42),
        lead.id,
        now,
        1
      ])
      reviewTeam.push([reviewId, tafIds[0]])
    }
    const dues = outcomes
      .flatMap((o) => o.actions.filter((a) => a.status !== 'DONE').map((a) => a.due))
      .sort()
      .join(' ')
    episodes.push([
      episodeId,
      familyId,
      open ? 'open' : 'closed',
      opened,
      open ? null : today,
      lead.id,
      'Synthetic reason',
      // Seeded by the bench, no account: the system.
      null,
      now,
      now,
      1,
      addDays(held, 42),
      dues
    ])
    headlines.push([episodeId, 'HOUSING'], [episodeId, 'HEALTH'])
    // The first family's chronology has 300 notes; the rest about 20 each (about 200,000 in all).
    const count = i === 0 ? 300 : Math.floor(random() * 40)
    for (let n = 0; n < count; n++) {
      const day = addDays(opened, Math.floor(random() * (open ? 180 : 365)))
      notes.push([
        randomUUID(),
        familyId,
        episodeId,
        londonToUtc(`${day}T${String(9 + Math.floor(random() * 9)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}`),
        TYPES[Math.floor(random() * TYPES.length)],
        'Synthetic case note text about the visit and what was agreed with the family.',
        random() < 0.05 ? 1 : 0,
        lead.id,
        now,
        1
      ])
    }
  })
  await insertRows(
    casebook,
    'episode',
    [
      'id',
      'family_id',
      'status',
      'opened_on',
      'closed_on',
      'lead_user_id',
      'reason',
      'opened_by_user_id',
      'created_at',
      'updated_at',
      'version',
      'next_review_on',
      'open_action_dues'
    ],
    episodes
  )
  await insertRows(casebook, 'episode_headline', ['episode_id', 'code'], headlines)
  await insertRows(casebook, 'taf_member', ['id', 'episode_id', 'name', 'agency', 'role', 'phone', 'email', 'created_at', 'updated_at', 'version'], team)
  await insertRows(
    casebook,
    'assessment',
    [
      'id',
      'episode_id',
      'family_id',
      'started_on',
      'completed_on',
      'completed_by_user_id',
      'content',
      'updated_by_user_id',
      'created_at',
      'updated_at',
      'version'
    ],
    assessments
  )
  await insertRows(
    casebook,
    'family_plan',
    ['id', 'episode_id', 'family_id', 'agreed_on', 'outcomes', 'agreed_by_user_id', 'updated_by_user_id', 'created_at', 'updated_at', 'version'],
    plans
  )
  await insertRows(
    casebook,
    'review',
    ['id', 'episode_id', 'family_id', 'held_on', 'other_attendees', 'scores', 'next_review_on', 'recorded_by_user_id', 'created_at', 'version'],
    reviews
  )
  await insertRows(casebook, 'review_team_attendee', ['review_id', 'taf_member_id'], reviewTeam)
  await insertRows(
    casebook,
    'case_note',
    ['id', 'family_id', 'episode_id', 'occurred_at', 'type', 'text', 'significant', 'author_user_id', 'created_at', 'version'],
    notes
  )
  // What addNote keeps in step, set once for the seeded notes.
  await casebook.core.writes.run((m) =>
    m.query(`UPDATE episode SET note_count = (SELECT count(*) FROM case_note n WHERE n.episode_id = episode.id),
    last_contact_at = (SELECT max(occurred_at) FROM case_note n WHERE n.episode_id = episode.id)`)
  )
  await optimise(casebook)
  const seedSeconds = Math.round((performance.now() - started) / 100) / 10
  log(
    `Seeded 2000 open and 8000 closed episodes with ${notes.length} case notes, ${plans.length} plans, ${reviews.length} reviews and ${team.length} team members in ${seedSeconds} s`
  )
  return {
    counts: { open: 2000, closed: 8000, notes: notes.length, plans: plans.length, reviews: reviews.length, teamMembers: team.length, seedSeconds },
    leads,
    familyIds: families.map((f) => f.id),
    openEpisodeIds: episodes.filter((e) => e[2] === 'open').map((e) => e[0] as string)
  }
}

export async function benchEarlyHelp(casebook: Casebook, samples: number, log: (line: string) => void): Promise<EarlyHelpBench> {
  const { counts, leads, familyIds, openEpisodeIds: openIds } = await seedEarlyHelp(casebook, log)
  const today = todayIso()

  const manager = casebook.connect({ name: 'bench-manager' })
  const must = (r: { ok: boolean; error?: unknown }) => {
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    return r
  }
  const openEpisode = await sample(samples, (i) => manager.invoke('episodes.get', { id: openIds[i % openIds.length] }).then(must))
  const busiest = familyIds[0]!
  let chronologyEntries = 0
  const chronology300 = await sample(samples, () =>
    manager.invoke('chronology.get', { familyId: busiest }).then((r) => {
      chronologyEntries = (must(r) as unknown as { value: { entries: unknown[] } }).value.entries.length
    })
  )
  // Each practitioner's own list (about 50 open episodes each).
  const practitioners = leads.map((l) => casebook.connect({ name: l.username, userId: l.id }))
  const myCaseload = await sample(samples, (i) => practitioners[i % practitioners.length]!.invoke('episodes.mine', {}).then(must))
  // The manager's list, 50 to a page: the first page, a page deep in the list, and the overdue ones.
  const allOpenEpisodes = await sample(samples, (i) => manager.invoke('episodes.allOpen', { page: i % 2 ? 20 : 1 }).then(must))
  const overdueEpisodes = await sample(samples, () => manager.invoke('episodes.allOpen', { overdueOnly: true }).then(must))

  // Writes, each on a different open episode: the whole plan saved again with one action moved on,
  // then a review scoring its three outcomes (each checks versions and keeps the lists in step).
  const writer = casebook.connect({ name: 'bench-practitioner' })
  const details = new Map<string, any>()
  for (const id of openIds.slice(0, samples)) details.set(id, (must(await writer.invoke('episodes.get', { id })) as unknown as { value: unknown }).value)
  const savePlan = await sample(samples, (i) => {
    const e = details.get(openIds[i]!)
    const outcomes = e.plan.outcomes.map((o: any, k: number) => (k ? o : { ...o, actions: o.actions.map((a: any) => ({ ...a, status: 'IN_PROGRESS' })) }))
    return writer.invoke('plan.save', { episodeId: e.id, version: e.plan.version, agreedOn: e.plan.agreedOn, outcomes }).then(must)
  })
  const addReview = await sample(samples, (i) => {
    const e = details.get(openIds[i]!)
    const heldOn = today
    return writer
      .invoke('reviews.add', {
        episodeId: e.id,
        planVersion: e.plan.version + 1,
        heldOn,
        attendees: [`taf:${e.team[0].id}`],
        scores: e.plan.outcomes.map((o: any) => ({ outcomeId: o.id, score: 5 })),
        actions: [],
        nextReviewOn: addDays(heldOn, 42)
      })
      .then(must)
  })
  return {
    episodes: counts,
    openEpisode,
    chronology300,
    myCaseload,
    allOpenEpisodes,
    overdueEpisodes,
    savePlan,
    addReview,
    chronologyEntries
  }
}
