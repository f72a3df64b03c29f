// Early help as the export needs it, on real SQLite files: staff by user id (names on the screens,
// the system's label where there is no id), lists as rows, a note's time as the UTC instant (typed
// and shown as the clock in England showed it), and team members taken off the team kept as tombstones.
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Connection } from '../core/casebook'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { signedInUser } from '../testing/accounts'
import { okaforsWithEpisode } from '../testing/episodes'
import { SYSTEM_ACTOR_LABEL } from '../../shared/accounts/systemActor'

let t: TempCasebook
let pat: { connection: Connection; id: string }
let molly: { connection: Connection; id: string }
let family: { id: string }
let people: Record<string, string>
let episodeId: string
const OPENED = '2026-01-05'

beforeEach(async () => {
  t = await tempCasebook('ready-to-travel')
  pat = await signedInUser(t, 'pat', 'practitioner')
  molly = await signedInUser(t, 'molly', 'manager')
  ;({ family, people, episodeId } = await okaforsWithEpisode(t, pat, OPENED))
})
afterEach(async () => {
  await t.dispose()
})

const query = (sql: string, params: unknown[] = []) => t.casebook.core.db.query(sql, params) as Promise<any[]>
const note = (c: Connection, occurredOn: string, occurredAt: string, more: object = {}) =>
  c.invoke('notes.add', { familyId: family.id, occurredOn, occurredAt, type: 'HOME_VISIT', text: `Visit at ${occurredOn} ${occurredAt}`, ...more })
const chronology = async () => unwrap<{ entries: any[] }>(await pat.connection.invoke('chronology.get', { familyId: family.id })).entries

describe('case notes', () => {
  it('keeps the time as the UTC instant and shows it as the clock in England showed it', async () => {
    unwrap(await note(pat.connection, '2026-07-03', '09:15', { peopleIds: [people.Grace, people.Catherine, people.Grace] }))
    unwrap(await note(pat.connection, '2026-11-20', '16:40'))
    const rows = await query(`SELECT id, occurred_at AS "occurredAt", author_user_id AS author FROM case_note ORDER BY occurred_at`)
    expect(rows.map(({ occurredAt, author }) => ({ occurredAt, author }))).toEqual([
      { occurredAt: '2026-07-03T08:15:00.000Z', author: pat.id },
      { occurredAt: '2026-11-20T16:40:00.000Z', author: pat.id }
    ])
    // Each person once, as rows.
    expect(await query(`SELECT case_note_id AS note, person_id AS person FROM case_note_person ORDER BY person_id`)).toEqual(
      [people.Grace, people.Catherine].sort().map((person) => ({ note: rows[0].id, person }))
    )
    expect(await query(`SELECT last_contact_at AS at FROM episode`)).toEqual([{ at: '2026-11-20T16:40:00.000Z' }])

    const notes = (await chronology()).filter((e) => e.kind === 'note')
    expect(notes.map((n) => [n.when, n.by, n.people])).toEqual([
      ['2026-11-20T16:40', 'pat', []],
      ['2026-07-03T09:15', 'pat', ['Catherine Okafor', "Grace O'Neill-Okafor"]]
    ])
    expect(unwrap<any>(await pat.connection.invoke('episodes.mine', {})).episodes[0].lastContactAt).toBe('2026-11-20T16:40')
  })

  it('refuses a time the clocks skipped, next to the time field, and takes one they showed twice as the first', async () => {
    expect(await note(pat.connection, '2026-03-29', '01:30')).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'There is a problem',
        fields: { occurredAt: 'The clocks went forward an hour on 29 March 2026, so there was no 01:30 that day. Enter the time the clock showed' }
      }
    })
    expect(await query(`SELECT count(*) AS n FROM case_note`)).toEqual([{ n: 0 }])
    unwrap(await note(pat.connection, '2026-03-29', '02:30'))
    unwrap(await note(pat.connection, '2026-10-25', '01:30'))
    expect(await query(`SELECT occurred_at AS at FROM case_note ORDER BY occurred_at`)).toEqual([
      { at: '2026-03-29T01:30:00.000Z' },
      // 01:30 in British Summer Time, the first of the two.
      { at: '2026-10-25T00:30:00.000Z' }
    ])
    expect((await chronology()).filter((e) => e.kind === 'note').map((n) => n.when)).toEqual(['2026-10-25T01:30', '2026-03-29T02:30'])
  })

  it('names no one where the system or the command line wrote it', async () => {
    unwrap(await note(t.connection, '2026-02-02', '10:00'))
    expect(await query(`SELECT author_user_id AS author FROM case_note`)).toEqual([{ author: null }])
    expect((await chronology()).find((e) => e.kind === 'note').by).toBe(SYSTEM_ACTOR_LABEL)
  })
})

describe('staff by user id', () => {
  const close = (c: Connection, version: number) =>
    c.invoke('episodes.close', {
      id: episodeId,
      version,
      closedOn: '2026-11-02',
      reason: 'OUTCOMES_ACHIEVED',
      outcomes: { HOUSING: 'ACHIEVED', EARLY_YEARS: 'PARTLY' },
      familyView: 'Settled now.'
    })
  const episodeRow = async () => (await query(`SELECT opened_by_user_id AS "openedBy", closure, reopened FROM episode`))[0]

  it('keeps who opened, closed, approved and reopened an episode by id, and shows their names', async () => {
    expect(await query(`SELECT code FROM episode_headline WHERE episode_id = ? ORDER BY code`, [episodeId])).toEqual([
      { code: 'EARLY_YEARS' },
      { code: 'HOUSING' }
    ])
    unwrap(await close(pat.connection, 1))
    expect(JSON.parse((await episodeRow()).closure)).toMatchObject({ requestedByUserId: pat.id, approved: false, approvedByUserId: null })
    expect(unwrap<any>(await pat.connection.invoke('episodes.get', { id: episodeId })).closure).toMatchObject({
      requestedBy: 'pat',
      approvedBy: null
    })
    // Approved from the command line: no one's id, the system's label.
    unwrap(await t.connection.invoke('episodes.approveClosure', { id: episodeId, version: 2 }))
    const approved = await episodeRow()
    expect(approved.openedBy).toBe(pat.id)
    expect(JSON.parse(approved.closure)).toMatchObject({ requestedByUserId: pat.id, approved: true, approvedByUserId: null })
    expect(unwrap<any>(await pat.connection.invoke('episodes.get', { id: episodeId })).closure).toMatchObject({
      requestedBy: 'pat',
      approvedBy: SYSTEM_ACTOR_LABEL
    })
    unwrap(await molly.connection.invoke('episodes.reopen', { id: episodeId, version: 3, reason: 'Rent arrears again.' }))
    const [reopening] = JSON.parse((await episodeRow()).reopened)
    expect(reopening).toMatchObject({ byUserId: molly.id, reason: 'Rent arrears again.', closure: { approved: true, approvedByUserId: null } })
    expect(reopening).not.toHaveProperty('by')
    expect(unwrap<any>(await pat.connection.invoke('episodes.get', { id: episodeId })).reopenings).toEqual([
      { at: expect.any(String), by: 'molly', reason: 'Rent arrears again.' }
    ])
    const by = Object.fromEntries((await chronology()).map((e) => [e.kind, e.by]))
    expect(by).toMatchObject({ 'episode-opened': 'pat', 'episode-reopened': 'molly' })
  })

  it('keeps who agreed and changed the plan, completed the assessment and recorded a review by id; attendees as rows', async () => {
    const dee = unwrap<{ id: string }>(
      await pat.connection.invoke('team.save', { episodeId, name: 'Dee Patel', agency: 'Health visiting', role: 'Health visitor' })
    )
    const outcomes = [
      {
        id: randomUUID(),
        text: 'Rent is paid each month',
        headline: 'HOUSING',
        peopleIds: [people.Grace],
        actions: [{ id: randomUUID(), what: 'Budgeting', owner: `person:${people.Grace}`, due: '2026-12-01', status: 'NOT_STARTED' }]
      }
    ]
    unwrap(await pat.connection.invoke('plan.save', { episodeId, agreedOn: '2026-01-10', outcomes }))
    unwrap(await t.connection.invoke('plan.save', { episodeId, version: 1, agreedOn: '2026-01-11', outcomes }))
    expect(await query(`SELECT agreed_by_user_id AS agreed, updated_by_user_id AS updated FROM family_plan`)).toEqual([{ agreed: pat.id, updated: null }])
    const detail = unwrap<any>(await pat.connection.invoke('episodes.get', { id: episodeId }))
    expect(detail.plan.updatedBy).toBe(SYSTEM_ACTOR_LABEL)

    const subject = (personId: string | null) => ({
      personId,
      domains: Object.fromEntries(
        ['CHILD_DEVELOPMENT', 'PARENTS_CARERS', 'FAMILY_ENVIRONMENT'].map((d) => [d, { strengths: 'Warm', needs: 'Sleep', level: 'ADDITIONAL' }])
      )
    })
    unwrap(
      await pat.connection.invoke('assessment.save', {
        episodeId,
        startedOn: '2026-01-06',
        completedOn: '2026-01-09',
        subjects: [subject(people.Catherine!), subject(null)],
        familyVoice: 'We want to stay here.',
        identified: ['HOUSING'],
        evidence: { HOUSING: 'Arrears.' }
      })
    )
    expect(await query(`SELECT completed_by_user_id AS completed, updated_by_user_id AS updated FROM assessment`)).toEqual([
      { completed: pat.id, updated: pat.id }
    ])
    expect(unwrap<any>(await molly.connection.invoke('episodes.get', { id: episodeId })).assessment).toMatchObject({ completedBy: 'pat', updatedBy: 'pat' })

    unwrap(
      await pat.connection.invoke('reviews.add', {
        episodeId,
        planVersion: 2,
        heldOn: '2026-02-01',
        attendees: [`taf:${dee.id}`, `person:${people.Samuel}`, `person:${people.Grace}`, `person:${people.Grace}`],
        scores: [{ outcomeId: outcomes[0]!.id, score: 4 }],
        nextReviewOn: '2026-03-15'
      })
    )
    const [review] = await query(`SELECT id, recorded_by_user_id AS recorded FROM review`)
    expect(review.recorded).toBe(pat.id)
    expect(await query(`SELECT person_id AS person FROM review_attendee WHERE review_id = ? ORDER BY person_id`, [review.id])).toEqual(
      [people.Grace, people.Samuel].sort().map((person) => ({ person }))
    )
    expect(await query(`SELECT taf_member_id AS member FROM review_team_attendee WHERE review_id = ?`, [review.id])).toEqual([{ member: dee.id }])
    const [read] = unwrap<any>(await pat.connection.invoke('episodes.get', { id: episodeId })).reviews
    expect(read).toMatchObject({ recordedBy: 'pat', attendees: [`person:${people.Grace}`, `person:${people.Samuel}`, `taf:${dee.id}`] })
  })
})

describe('the Team Around the Family', () => {
  it('marks a member taken off the team, keeps the row, and leaves them out of every read', async () => {
    const dee = unwrap<{ id: string }>(
      await pat.connection.invoke('team.save', { episodeId, name: 'Dee Patel', agency: 'Health visiting', role: 'Health visitor' })
    )
    expect(unwrap(await pat.connection.invoke('team.remove', { id: dee.id, version: 1 }))).toEqual({ id: dee.id, version: 2 })
    expect(await query(`SELECT id, deleted_at AS "deletedAt", deleted_by_user_id AS "deletedBy", version FROM taf_member`)).toEqual([
      { id: dee.id, deletedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/), deletedBy: pat.id, version: 2 }
    ])
    expect(unwrap<any>(await pat.connection.invoke('episodes.get', { id: episodeId })).team).toEqual([])
    expect(await pat.connection.invoke('team.remove', { id: dee.id, version: 2 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(
      await pat.connection.invoke('team.save', { episodeId, id: dee.id, version: 2, name: 'Dee Patel', agency: 'Health visiting', role: 'Health visitor' })
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    // No longer someone a plan can name.
    const outcome = (owner: string) => ({
      id: randomUUID(),
      text: 'Rent is paid each month',
      headline: 'HOUSING',
      peopleIds: [people.Grace],
      actions: [{ id: randomUUID(), what: 'Budgeting', owner, due: '2026-12-01', status: 'NOT_STARTED' }]
    })
    expect(await pat.connection.invoke('plan.save', { episodeId, agreedOn: '2026-01-10', outcomes: [outcome(`taf:${dee.id}`)] })).toMatchObject({
      ok: false,
      error: { fields: { 'outcomes.0.actions.0.owner': 'Choose someone in the family or the Team Around the Family' } }
    })
    // Added again, they are a new member.
    const again = unwrap<{ id: string }>(
      await pat.connection.invoke('team.save', { episodeId, name: 'Dee Patel', agency: 'Health visiting', role: 'Health visitor' })
    )
    expect(again.id).not.toBe(dee.id)
    expect(unwrap<any>(await pat.connection.invoke('episodes.get', { id: episodeId })).team.map((m: { id: string }) => m.id)).toEqual([again.id])
    expect(await query(`SELECT action FROM audit_entry WHERE record_type = 'taf-member' ORDER BY seq`)).toEqual([
      { action: 'create' },
      { action: 'delete' },
      { action: 'create' }
    ])
  })

  it('keeps a member who attended a review on the team', async () => {
    const sam = unwrap<{ id: string }>(await pat.connection.invoke('team.save', { episodeId, name: 'Sam Lee', agency: 'School', role: 'Family support' }))
    const outcomeId = randomUUID()
    const outcomes = [
      {
        id: outcomeId,
        text: 'Rent is paid each month',
        headline: 'HOUSING',
        peopleIds: [people.Grace],
        actions: [{ id: randomUUID(), what: 'Budgeting', owner: `person:${people.Grace}`, due: '2026-12-01', status: 'NOT_STARTED' }]
      }
    ]
    unwrap(await pat.connection.invoke('plan.save', { episodeId, agreedOn: '2026-01-10', outcomes }))
    unwrap(
      await pat.connection.invoke('reviews.add', {
        episodeId,
        planVersion: 1,
        heldOn: '2026-02-01',
        attendees: [`taf:${sam.id}`],
        scores: [{ outcomeId, score: 4 }],
        nextReviewOn: '2026-03-15'
      })
    )
    expect(await pat.connection.invoke('team.remove', { id: sam.id, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/^Sam Lee is named in the family plan or a review/) }
    })
    expect(await query(`SELECT deleted_at AS "deletedAt" FROM taf_member`)).toEqual([{ deletedAt: null }])
  })
})
