// Early help ready to travel. Run on a database with families, people, accounts, episodes (open,
// closing, closed and reopened), team members, an assessment, a plan, reviews, case notes, kept
// versions and a trail in it, written as the earlier version wrote them (staff by username, lists as
// text, times as the clock in England): each name that is an account becomes its id and any other
// NULL, each list rows, each time the UTC instant; a damaged list or time stops the upgrade and
// changes nothing; nothing else changes, and it goes down and up again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EarlyHelpReadyToTravel1764000000014 } from './1764000000014-EarlyHelpReadyToTravel'
import { changedTables, databaseBefore, refusal, type MigrationDb, type Row } from '../src/main/testing/migrationDb'
import { auditRows, episodeRow, familyRows13, hubRow, personRows13, userRow } from '../src/main/testing/migrationRows'
import { explain } from '../src/main/testing/queryPlans'

let db: MigrationDb
const AT = '2026-04-02T09:30:00.000Z'
const pat = userRow
const molly = { ...userRow, id: 'a05a5f42-5b6e-4a97-9e87-ad4b5e6f7a02', username: 'molly', display_name: 'Molly Manager', role: 'manager' }
// As the families migration left them: staff by id, disabilities as rows.
const families = familyRows13.map((f) => ({ ...f, restricted: 0 }))
const people = personRows13
const [grace, catherine, , zofia] = people.map((p) => p.id) as [string, string, string, string]

const closure = (requestedBy: string, approvedBy: string | null) => ({
  reason: 'OUTCOMES_ACHIEVED',
  note: null,
  outcomes: { HOUSING: 'ACHIEVED', EARLY_YEARS: 'PARTLY' },
  familyView: 'Settled now.',
  stepUpOn: null,
  requestedBy,
  approvedBy
})
// Closed by pat and approved by molly, after molly reopened it once (undoing a closure no one approved).
const closed = episodeRow(1, families[0]!.id, 'closed', {
  headlines: 'HOUSING EARLY_YEARS',
  closed_on: '2026-08-01',
  closure: JSON.stringify(closure('pat', 'molly')),
  reopened: JSON.stringify([{ at: AT, by: 'molly', reason: 'More to do.', closure: closure('cli:itadmin', null) }]),
  note_count: 2,
  last_contact_at: '2026-07-03T09:15'
})
// Opened by the seed, which is no account; its last contact in the hour the clocks skipped in spring.
const open = episodeRow(2, families[1]!.id, 'open', { headlines: 'HEALTH', opened_by: 'seed', note_count: 2, last_contact_at: '2026-03-29T01:30' })
// Closing, waiting for a manager: asked for from the command line.
const closing = episodeRow(3, families[0]!.id, 'closing', {
  headlines: 'FINANCIAL',
  closed_on: '2026-11-01',
  closure: JSON.stringify(closure('cli:itadmin', null))
})
const episodes = [closed, open, closing]

const team = [
  { id: 'c1c2c3c4-0000-4000-8000-000000000001', episode_id: closed.id, name: 'Dee Patel', agency: 'Health visiting', role: 'Health visitor' },
  { id: 'c1c2c3c4-0000-4000-8000-000000000002', episode_id: open.id, name: 'Sam Lee', agency: 'School', role: 'Family support' }
].map((m) => ({ ...m, phone: null, email: null, created_at: AT, updated_at: AT, version: 1 }))

const assessment = {
  id: 'c2c2c3c4-0000-4000-8000-000000000001',
  episode_id: closed.id,
  family_id: families[0]!.id,
  started_on: '2025-06-02',
  completed_on: '2025-06-10',
  completed_by: 'pat',
  content: JSON.stringify({ subjects: [], familyVoice: 'In our words.', identified: ['HOUSING'], evidence: { HOUSING: 'Arrears.' } }),
  updated_by: 'molly',
  created_at: AT,
  updated_at: AT,
  version: 2,
  schema_version: 1
}
const plan = {
  id: 'c3c2c3c4-0000-4000-8000-000000000001',
  episode_id: closed.id,
  family_id: families[0]!.id,
  agreed_on: '2025-06-12',
  outcomes: '[]',
  agreed_by: 'pat',
  updated_by: 'seed',
  created_at: AT,
  updated_at: AT,
  version: 3,
  schema_version: 1
}
const review = (n: number, episode: Row, attendees: string[], recordedBy: string) => ({
  id: `c4c2c3c4-0000-4000-8000-00000000000${n}`,
  episode_id: episode.id,
  family_id: episode.family_id,
  held_on: '2025-07-01',
  attendees: JSON.stringify(attendees),
  other_attendees: n === 2 ? 'Grandmother' : null,
  scores: '[]',
  next_review_on: '2025-08-12',
  recorded_by: recordedBy,
  created_at: AT,
  version: 1
})
// Grace twice, as a form could send her; the team's member; and a review that only others attended, recorded by a removed name.
const reviews = [review(1, closed, [`person:${grace}`, `taf:${team[0]!.id}`, `person:${grace}`], 'pat'), review(2, open, [], 'gone')]

const note = (n: number, episode: Row | null, familyId: string, occurredAt: string, noteFor: string[], author: string) => ({
  id: `c5c2c3c4-0000-4000-8000-00000000000${n}`,
  family_id: familyId,
  episode_id: episode?.id ?? null,
  occurred_at: occurredAt,
  type: 'HOME_VISIT',
  people: JSON.stringify(noteFor),
  text: `Note ${n}.`,
  significant: n === 1 ? 1 : 0,
  author,
  created_at: AT,
  version: 1
})
const notes = [
  // Summer (British Summer Time), with Grace named twice.
  note(1, closed, families[0]!.id, '2026-07-03T09:15', [grace, catherine, grace], 'pat'),
  // Winter (GMT), no episode, from the command line.
  note(2, null, families[0]!.id, '2026-11-20T16:40', [], 'cli:itadmin'),
  // The hour the clocks showed twice in autumn, and the hour they skipped in spring.
  note(3, open, families[1]!.id, '2026-10-25T01:30', [zofia], 'molly'),
  note(4, open, families[1]!.id, '2026-03-29T01:30', [], 'molly')
]
const INSTANTS = ['2026-07-03T08:15:00.000Z', '2026-11-20T16:40:00.000Z', '2026-10-25T00:30:00.000Z', '2026-03-29T01:30:00.000Z']

const kept = (n: number, savedBy: string, savedByUserId: string | null, savedByName: string) => ({
  id: `c6c2c3c4-0000-4000-8000-00000000000${n}`,
  document_type: 'family-plan',
  document_id: plan.id,
  episode_id: closed.id,
  family_id: families[0]!.id,
  version: n,
  schema_version: 1,
  content: '{"agreedOn":"2025-06-12","outcomes":[]}',
  occasion: 'saved',
  saved_at: AT,
  saved_by: savedBy,
  saved_by_user_id: savedByUserId,
  saved_by_name: savedByName
})
// Saved before pat's account was linked; from the command line; by molly, linked already.
const versions = [kept(1, 'pat', null, 'Pat Practitioner'), kept(2, 'cli:itadmin', null, 'cli:itadmin'), kept(3, 'molly', molly.id, 'Molly Manager')]

beforeEach(async () => {
  db = await databaseBefore(EarlyHelpReadyToTravel1764000000014)
  await db.insert('hub', [hubRow])
  await db.insert('app_user', [pat, molly])
  await db.insert('family', families)
  await db.insert('person', people)
  await db.insert('episode', episodes)
  await db.insert('taf_member', team)
  await db.insert('assessment', [assessment])
  await db.insert('family_plan', [plan])
  await db.insert('review', reviews)
  await db.insert('case_note', notes)
  await db.insert('document_version', versions)
  await db.insert('audit_entry', auditRows)
})
afterEach(async () => {
  await db.dispose()
})

const without = (row: Row, ...columns: string[]) => Object.fromEntries(Object.entries(row).filter(([k]) => !columns.includes(k)))
const byId = (rows: Row[] = []) => [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)))
const pairs = (rows: Row[] = []) => rows.map((r) => Object.values(r).join(' ')).sort()
const queryPlan = (sql: string, params: unknown[]) => explain(db.manager(), { sql, params })

describe('EarlyHelpReadyToTravel1764000000014', () => {
  it('runs alone and changes only the rows it moves', async () => {
    const before = await db.everyRow()
    expect(await db.migrate()).toEqual(['EarlyHelpReadyToTravel1764000000014'])
    const after = await db.everyRow()
    expect(changedTables(before, after)).toEqual([
      'assessment',
      'case_note',
      'case_note_person',
      'document_version',
      'episode',
      'episode_headline',
      'family_plan',
      'review',
      'review_attendee',
      'review_team_attendee',
      'taf_member'
    ])
    expect(await db.tables()).not.toContain('case_note_next')
    expect(await db.tables()).not.toContain('case_note_time')
  })

  it('names staff by user id: a name that is an account becomes its id, any other NULL', async () => {
    await db.migrate()
    const episodesAfter = await db.rows('episode')
    expect(episodesAfter.map((e) => [e.id, e.opened_by_user_id])).toEqual([
      [closed.id, pat.id],
      [open.id, null],
      [closing.id, pat.id]
    ])
    expect(await db.rows('assessment')).toEqual([
      { ...without(assessment, 'completed_by', 'updated_by'), completed_by_user_id: pat.id, updated_by_user_id: molly.id }
    ])
    expect(await db.rows('family_plan')).toEqual([{ ...without(plan, 'agreed_by', 'updated_by'), agreed_by_user_id: pat.id, updated_by_user_id: null }])
    expect(byId(await db.rows('review'))).toEqual([
      { ...without(reviews[0]!, 'attendees', 'recorded_by'), recorded_by_user_id: pat.id },
      { ...without(reviews[1]!, 'attendees', 'recorded_by'), recorded_by_user_id: null }
    ])
    expect((await db.rows('case_note')).map((n) => [n.id, n.author_user_id])).toEqual(notes.map((n, i) => [n.id, [pat.id, null, molly.id, molly.id][i]]))
    for (const [table, column] of [
      ['episode', 'opened_by_user_id'],
      ['case_note', 'author_user_id'],
      ['assessment', 'completed_by_user_id'],
      ['assessment', 'updated_by_user_id'],
      ['family_plan', 'agreed_by_user_id'],
      ['family_plan', 'updated_by_user_id'],
      ['review', 'recorded_by_user_id'],
      ['taf_member', 'deleted_by_user_id']
    ] as const) {
      expect(await db.columns(table)).toContainEqual({ name: column, type: 'varchar(36)', notNull: false, defaultValue: null, primaryKey: 0 })
      expect(await db.foreignKeys(table)).toContainEqual({ from: column, table: 'app_user', to: 'id' })
    }
    for (const [table, gone] of [
      ['episode', ['opened_by', 'headlines']],
      ['case_note', ['author', 'people']],
      ['assessment', ['completed_by', 'updated_by']],
      ['family_plan', ['agreed_by', 'updated_by']],
      ['review', ['recorded_by', 'attendees']],
      ['document_version', ['saved_by']]
    ] as const) {
      const names = (await db.columns(table)).map((c) => c.name)
      for (const column of gone) expect(names, `${table}.${column}`).not.toContain(column)
    }
    expect(await refusal(db, `UPDATE episode SET opened_by_user_id = 'no-such-user'`)).toMatch(/FOREIGN KEY constraint failed/)
  })

  it("fills a kept version's user id from its username where it had none, and keeps the versions append-only", async () => {
    await db.migrate()
    expect(await db.rows('document_version')).toEqual(
      [without(versions[0]!, 'saved_by'), without(versions[1]!, 'saved_by'), without(versions[2]!, 'saved_by')].map((v, i) =>
        i === 0 ? { ...v, saved_by_user_id: pat.id } : v
      )
    )
    expect(await db.triggers('document_version')).toEqual(['document_version_no_delete', 'document_version_no_update'])
    expect(await refusal(db, `UPDATE document_version SET content = '{}'`)).toMatch(/kept versions of plans and assessments cannot be changed/)
    expect(await refusal(db, `DELETE FROM document_version`)).toMatch(/kept versions of plans and assessments cannot be deleted/)
  })

  it('rewrites the closures and reopenings kept on an episode to name staff by id, and keeps the rest of what they say', async () => {
    await db.migrate()
    const [first, , third] = await db.rows('episode')
    const { requestedBy: _r, approvedBy: _a, ...rest } = closure('', null)
    expect(JSON.parse(String(first!.closure))).toEqual({ ...rest, requestedByUserId: pat.id, approved: true, approvedByUserId: molly.id })
    expect(JSON.parse(String(first!.reopened))).toEqual([
      { at: AT, byUserId: molly.id, reason: 'More to do.', closure: { ...rest, requestedByUserId: null, approved: false, approvedByUserId: null } }
    ])
    expect(JSON.parse(String(third!.closure))).toEqual({ ...rest, requestedByUserId: null, approved: false, approvedByUserId: null })
  })

  it("makes an episode's headlines rows, and keeps its other columns", async () => {
    await db.migrate()
    expect(pairs(await db.rows('episode_headline'))).toEqual(
      [`${closed.id} HOUSING`, `${closed.id} EARLY_YEARS`, `${open.id} HEALTH`, `${closing.id} FINANCIAL`].sort()
    )
    expect(await db.columns('episode_headline')).toEqual([
      { name: 'episode_id', type: 'varchar(36)', notNull: true, defaultValue: null, primaryKey: 1 },
      { name: 'code', type: 'varchar(20)', notNull: true, defaultValue: null, primaryKey: 2 }
    ])
    expect(await db.foreignKeys('episode_headline')).toEqual([{ from: 'episode_id', table: 'episode', to: 'id' }])
    expect(await refusal(db, `INSERT INTO episode_headline (episode_id, code) VALUES (?, 'HEALTH')`, [open.id])).toMatch(/UNIQUE constraint failed/)
    const after = await db.rows('episode')
    // Every column as it was, but the staff, the list and the last contact (now the instant).
    expect(after.map((e) => without(e, 'opened_by_user_id', 'closure', 'reopened', 'last_contact_at'))).toEqual(
      episodes.map((e) => ({
        ...without(e, 'opened_by', 'headlines', 'closure', 'reopened', 'last_contact_at'),
        next_review_on: null,
        open_action_dues: '',
        consent_id: null
      }))
    )
    expect(after.map((e) => e.last_contact_at)).toEqual(['2026-07-03T08:15:00.000Z', '2026-03-29T01:30:00.000Z', null])
    expect(await db.columns('episode')).toContainEqual({ name: 'last_contact_at', type: 'varchar(32)', notNull: false, defaultValue: null, primaryKey: 0 })
  })

  it("keeps each case note's time as the UTC instant, and the people it is about as rows", async () => {
    await db.migrate()
    expect(await db.rows('case_note')).toEqual(
      notes.map((n, i) => ({
        ...without(n, 'people', 'author', 'occurred_at'),
        occurred_at: INSTANTS[i],
        author_user_id: [pat.id, null, molly.id, molly.id][i]
      }))
    )
    const columns = await db.columns('case_note')
    expect(columns.map((c) => c.name)).toEqual([
      'id',
      'family_id',
      'episode_id',
      'occurred_at',
      'type',
      'text',
      'significant',
      'author_user_id',
      'created_at',
      'version'
    ])
    expect(columns).toContainEqual({ name: 'occurred_at', type: 'varchar(32)', notNull: true, defaultValue: null, primaryKey: 0 })
    expect(await db.indexes('case_note')).toEqual([
      { name: 'idx_case_note_episode', unique: false, origin: 'c', columns: ['episode_id', 'occurred_at'] },
      { name: 'idx_case_note_family', unique: false, origin: 'c', columns: ['family_id', 'occurred_at'] },
      { name: 'sqlite_autoindex_case_note_1', unique: true, origin: 'pk', columns: ['id'] }
    ])
    expect(await db.foreignKeys('case_note')).toEqual([
      { from: 'author_user_id', table: 'app_user', to: 'id' },
      { from: 'episode_id', table: 'episode', to: 'id' },
      { from: 'family_id', table: 'family', to: 'id' }
    ])
    expect(pairs(await db.rows('case_note_person'))).toEqual([`${notes[0]!.id} ${grace}`, `${notes[0]!.id} ${catherine}`, `${notes[2]!.id} ${zofia}`].sort())
    expect(await db.foreignKeys('case_note_person')).toEqual([
      { from: 'case_note_id', table: 'case_note', to: 'id' },
      { from: 'person_id', table: 'person', to: 'id' }
    ])
    expect(await refusal(db, `INSERT INTO case_note_person (case_note_id, person_id) VALUES (?, 'no-such-person')`, [notes[1]!.id])).toMatch(
      /FOREIGN KEY constraint failed/
    )
  })

  it('keeps who attended each review as rows: family members and team members apart', async () => {
    await db.migrate()
    expect(await db.rows('review_attendee')).toEqual([{ review_id: reviews[0]!.id, person_id: grace }])
    expect(await db.rows('review_team_attendee')).toEqual([{ review_id: reviews[0]!.id, taf_member_id: team[0]!.id }])
    expect(await db.foreignKeys('review_attendee')).toEqual([
      { from: 'person_id', table: 'person', to: 'id' },
      { from: 'review_id', table: 'review', to: 'id' }
    ])
    expect(await db.foreignKeys('review_team_attendee')).toEqual([
      { from: 'review_id', table: 'review', to: 'id' },
      { from: 'taf_member_id', table: 'taf_member', to: 'id' }
    ])
    const insert = (table: string, column: string, id: string) => refusal(db, `INSERT INTO ${table} (review_id, ${column}) VALUES (?, ?)`, [reviews[0]!.id, id])
    expect(await insert('review_attendee', 'person_id', grace)).toMatch(/UNIQUE constraint failed/)
    expect(await insert('review_team_attendee', 'taf_member_id', team[0]!.id)).toMatch(/UNIQUE constraint failed/)
    expect(await insert('review_team_attendee', 'taf_member_id', 'no-such-member')).toMatch(/FOREIGN KEY constraint failed/)
  })

  it('lets a team member be marked as taken off the team, by whom and when', async () => {
    await db.migrate()
    expect(await db.rows('taf_member')).toEqual(team.map((m) => ({ ...m, deleted_at: null, deleted_by_user_id: null })))
    expect(await db.columns('taf_member')).toContainEqual({ name: 'deleted_at', type: 'varchar(32)', notNull: false, defaultValue: null, primaryKey: 0 })
    expect(await refusal(db, `UPDATE taf_member SET deleted_by_user_id = ?`, [pat.id])).toMatch(/CHECK constraint failed: taf_member_deleted/)
    await db.query(`UPDATE taf_member SET deleted_at = ?, deleted_by_user_id = ? WHERE id = ?`, [AT, pat.id, team[0]!.id])
  })

  it('finds the chronology, the reviews and the team check through their indexes', async () => {
    await db.migrate()
    expect(
      await queryPlan(`SELECT p.case_note_id, p.person_id FROM case_note_person p INNER JOIN case_note n ON n.id = p.case_note_id WHERE n.family_id = ?`, [
        families[0]!.id
      ])
    ).toEqual(['SEARCH n USING INDEX idx_case_note_family (family_id=?)', 'SEARCH p USING COVERING INDEX sqlite_autoindex_case_note_person_1 (case_note_id=?)'])
    expect(
      await queryPlan(`SELECT a.review_id, a.person_id FROM review_attendee a INNER JOIN review r ON r.id = a.review_id WHERE r.episode_id = ?`, [closed.id])
    ).toEqual(['SEARCH r USING INDEX idx_review_episode (episode_id=?)', 'SEARCH a USING COVERING INDEX sqlite_autoindex_review_attendee_1 (review_id=?)'])
    expect(
      await queryPlan(`SELECT 1 FROM review_team_attendee a INNER JOIN review r ON r.id = a.review_id WHERE r.episode_id = ? AND a.taf_member_id = ?`, [
        closed.id,
        team[0]!.id
      ])
    ).toEqual([
      'SEARCH r USING INDEX idx_review_episode (episode_id=?)',
      'SEARCH a USING COVERING INDEX sqlite_autoindex_review_team_attendee_1 (review_id=? AND taf_member_id=?)'
    ])
  })

  for (const [what, damage, message] of [
    ['a list that is not JSON', `UPDATE case_note SET people = 'Grace' WHERE id = '${notes[0]!.id}'`, `case note ${notes[0]!.id} is damaged`],
    [
      'a review naming a person who is not there',
      `UPDATE review SET attendees = '["person:no-such-person"]' WHERE id = '${reviews[1]!.id}'`,
      'names a person who is not in the database'
    ],
    [
      'a participant key of no known kind',
      `UPDATE review SET attendees = '["visitor:x"]' WHERE id = '${reviews[1]!.id}'`,
      `review ${reviews[1]!.id} is damaged`
    ],
    ['a time that is no time', `UPDATE case_note SET occurred_at = 'teatime' WHERE id = '${notes[1]!.id}'`, `time of the case note ${notes[1]!.id} is damaged`],
    ['a closure that is not JSON', `UPDATE episode SET closure = '{' WHERE id = '${closing.id}'`, `closure of episode ${closing.id} is damaged`]
  ] as const) {
    it(`stops at ${what}, saying so, and changes nothing`, async () => {
      await db.query(damage)
      const before = await db.everyRow()
      await expect(db.migrate()).rejects.toThrow(
        new RegExp(`${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*Nothing has been changed: ask IT to check the database\\.`)
      )
      expect(changedTables(before, await db.everyRow())).toEqual([])
      expect(await db.tables()).not.toContain('episode_headline')
    })
  }

  it('goes down to the earlier shape, and up again to the same rows', async () => {
    await db.migrate()
    await db.query(`UPDATE taf_member SET deleted_at = ?, deleted_by_user_id = ? WHERE id = ?`, [AT, pat.id, team[1]!.id])
    const migrated = await db.everyRow()
    const runner = db.manager().connection.createQueryRunner()
    try {
      await new EarlyHelpReadyToTravel1764000000014().down(runner)
      for (const table of ['episode_headline', 'case_note_person', 'review_attendee', 'review_team_attendee']) expect(await db.tables()).not.toContain(table)
      expect((await db.rows('episode')).map((e) => [e.opened_by, e.headlines, e.last_contact_at])).toEqual([
        // No order was kept: the codes come back sorted.
        ['pat', 'EARLY_YEARS HOUSING', '2026-07-03T09:15'],
        ['system', 'HEALTH', '2026-03-29T02:30'],
        ['pat', 'FINANCIAL', null]
      ])
      expect(JSON.parse(String((await db.rows('episode'))[0]!.reopened))).toEqual(
        JSON.parse(String(closed.reopened)).map((r: Row) => ({ ...r, closure: { ...(r.closure as Row), requestedBy: 'system' } }))
      )
      expect((await db.rows('case_note')).map((n) => [n.occurred_at, n.author, JSON.parse(String(n.people)).sort()])).toEqual([
        ['2026-07-03T09:15', 'pat', [grace, catherine].sort()],
        ['2026-11-20T16:40', 'system', []],
        ['2026-10-25T01:30', 'molly', [zofia]],
        ['2026-03-29T02:30', 'molly', []]
      ])
      expect((await db.rows('review')).map((r) => [r.recorded_by, JSON.parse(String(r.attendees))])).toEqual([
        ['pat', [`person:${grace}`, `taf:${team[0]!.id}`]],
        ['system', []]
      ])
      // The member taken off the team was deleted, as the earlier version did.
      expect((await db.rows('taf_member')).map((m) => m.id)).toEqual([team[0]!.id])
      expect((await db.rows('document_version')).map((v) => v.saved_by)).toEqual(['pat', 'cli:itadmin', 'molly'])
      expect(await db.rows('assessment')).toEqual([{ ...without(assessment, 'completed_by', 'updated_by'), completed_by: 'pat', updated_by: 'molly' }])
      await new EarlyHelpReadyToTravel1764000000014().up(runner)
    } finally {
      await runner.release()
    }
    const again = await db.everyRow()
    for (const table of ['assessment', 'family_plan', 'document_version', 'episode_headline', 'case_note_person', 'review_attendee', 'review_team_attendee']) {
      expect({ table, rows: pairs(again[table]) }).toEqual({ table, rows: pairs(migrated[table]) })
    }
    expect(byId(again.case_note)).toEqual(byId(migrated.case_note))
    expect(again.episode).toEqual(migrated.episode)
    expect(again.taf_member).toEqual([migrated.taf_member![0]])
  })
})
