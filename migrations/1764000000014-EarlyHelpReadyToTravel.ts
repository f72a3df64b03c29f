import type { MigrationInterface, QueryRunner } from 'typeorm'
import { isSqlite } from './dialect'
import { londonToUtc, utcToLondon } from '../src/shared/dates'

// Early help made ready to travel to the authority:
// - staff by user id: episode.opened_by, case_note.author, assessment.completed_by and updated_by,
//   family_plan.agreed_by and updated_by and review.recorded_by held the actor's username; each
//   becomes <x>_user_id, found by app_user.username, and a name that is no account (`seed`,
//   `cli:<osuser>`) becomes NULL: "the system or the command line" (the audit trail says which).
//   document_version already had saved_by_user_id beside saved_by: it is filled from saved_by where
//   it was missing, and saved_by goes (saved_by_name, the name as it was at the save, stays).
//   The closure and reopenings kept as JSON on the episode name staff the same way: requestedBy,
//   approvedBy and a reopening's by become requestedByUserId, approvedByUserId and byUserId, and a
//   closure says whether it was approved (`approved`), since a NULL approver is now the system too.
// - lists become rows: an episode's headlines (space-separated codes) episode_headline; the people
//   a case note is about (JSON ids) case_note_person; who attended a review (JSON participant keys,
//   'person:<id>' or 'taf:<id>') review_attendee for family members and review_team_attendee for
//   the Team Around the Family. No order is kept: screens list them in an order of their own.
// - times as UTC instants: case_note.occurred_at and episode.last_contact_at were the wall clock in
//   England (YYYY-MM-DDTHH:MM); they become the instant (2026-07-03T08:15:00.000Z), converted from
//   Europe/London as src/shared/dates.ts does for new notes. A time the clocks skipped in spring
//   (typed before Casebook refused them) is read an hour on; one they showed twice in autumn, as the
//   first. case_note is built again so that occurred_at stays NOT NULL as varchar(32).
// - Team Around the Family members are removed by a tombstone (deleted_at, deleted_by_user_id).
// A list or a time that cannot be read, or that names a person or team member who is not there,
// stops the upgrade with a plain message, and the file is left as it was (one transaction).
// Data moves in JavaScript and the statements are plain SQL, so the same migration runs on
// PostgreSQL; dropping and making again document_version's append-only triggers is SQLite's only.
export class EarlyHelpReadyToTravel1764000000014 implements MigrationInterface {
  name = 'EarlyHelpReadyToTravel1764000000014'

  async up(q: QueryRunner): Promise<void> {
    const userIds = new Map(((await q.query(`SELECT id, username FROM app_user`)) as { id: string; username: string }[]).map((u) => [u.username, u.id]))
    const idOf = (username: unknown) => (typeof username === 'string' ? (userIds.get(username) ?? null) : null)

    for (const { table, from, to } of STAFF_COLUMNS) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN ${to} varchar(36) REFERENCES app_user (id)`)
      await q.query(`UPDATE ${table} SET ${to} = (SELECT u.id FROM app_user u WHERE u.username = ${table}.${from})`)
      await q.query(`ALTER TABLE ${table} DROP COLUMN ${from}`)
    }

    // Kept versions are append-only: the guard steps aside for this one change, in this transaction.
    if (isSqlite(q)) for (const trigger of VERSION_TRIGGERS) await q.query(`DROP TRIGGER ${trigger.name}`)
    await q.query(`UPDATE document_version SET saved_by_user_id = (SELECT u.id FROM app_user u WHERE u.username = document_version.saved_by)
      WHERE saved_by_user_id IS NULL`)
    await q.query(`ALTER TABLE document_version DROP COLUMN saved_by`)
    if (isSqlite(q)) for (const trigger of VERSION_TRIGGERS) await q.query(trigger.sql)

    const episodes = (await q.query(`SELECT id, headlines, closure, reopened, last_contact_at FROM episode`)) as {
      id: string
      headlines: string
      closure: string | null
      reopened: string | null
      last_contact_at: string | null
    }[]
    await q.query(`CREATE TABLE episode_headline (
      episode_id varchar(36) NOT NULL REFERENCES episode (id),
      code varchar(20) NOT NULL,
      PRIMARY KEY (episode_id, code)
    )`)
    await insertRows(
      q,
      'episode_headline',
      ['episode_id', 'code'],
      episodes.flatMap((e) => [...new Set(e.headlines.split(/\s+/).filter(Boolean))].map((code) => [e.id, code]))
    )
    await q.query(`ALTER TABLE episode DROP COLUMN headlines`)
    for (const e of episodes) {
      if (e.closure === null && e.reopened === null) continue
      const closure = e.closure === null ? null : JSON.stringify(closureByIds(parsed(e.closure, `closure of episode ${e.id}`), idOf, e.id))
      const reopened = e.reopened === null ? null : JSON.stringify(reopeningsByIds(parsed(e.reopened, `history of episode ${e.id}`), idOf, e.id))
      await run(q, 'UPDATE episode SET closure = :closure, reopened = :reopened WHERE id = :id', { closure, reopened, id: e.id })
    }
    await q.query(`ALTER TABLE episode ADD COLUMN last_contact_utc varchar(32)`)
    await updateEach(
      q,
      'episode',
      'last_contact_utc',
      episodes.flatMap((e) => (e.last_contact_at === null ? [] : [[e.id, instantOf(e.last_contact_at, `episode ${e.id}'s last contact`)]]))
    )
    await q.query(`ALTER TABLE episode DROP COLUMN last_contact_at`)
    await q.query(`ALTER TABLE episode RENAME COLUMN last_contact_utc TO last_contact_at`)

    const people = new Set(((await q.query(`SELECT id FROM person`)) as { id: string }[]).map((p) => p.id))
    const notes = (await q.query(`SELECT id, occurred_at, people FROM case_note`)) as { id: string; occurred_at: string; people: string }[]
    const notePeople = notes.flatMap((n) => ids(parsed(n.people, `case note ${n.id}`), `case note ${n.id}`).map((personId) => [n.id, personId]))
    for (const [noteId, personId] of notePeople) if (!people.has(personId!)) throw unknown(`case note ${noteId}`, 'a person')
    // Built again: occurred_at changes type and stays NOT NULL, which SQLite's ALTER TABLE cannot do in place.
    await q.query(`CREATE TABLE case_note_time (id varchar(36) PRIMARY KEY, occurred_at varchar(32) NOT NULL)`)
    await insertRows(
      q,
      'case_note_time',
      ['id', 'occurred_at'],
      notes.map((n) => [n.id, instantOf(n.occurred_at, `case note ${n.id}`)])
    )
    await q.query(`CREATE TABLE case_note_next (
      id varchar(36) PRIMARY KEY,
      family_id varchar(36) NOT NULL REFERENCES family (id),
      episode_id varchar(36) REFERENCES episode (id),
      occurred_at varchar(32) NOT NULL,
      type varchar(20) NOT NULL,
      text text NOT NULL,
      significant boolean NOT NULL,
      author_user_id varchar(36) REFERENCES app_user (id),
      created_at varchar(32) NOT NULL,
      version integer NOT NULL
    )`)
    await q.query(`INSERT INTO case_note_next (id, family_id, episode_id, occurred_at, type, text, significant, author_user_id, created_at, version)
      SELECT n.id, n.family_id, n.episode_id, t.occurred_at, n.type, n.text, n.significant,
             (SELECT u.id FROM app_user u WHERE u.username = n.author), n.created_at, n.version
      FROM case_note n JOIN case_note_time t ON t.id = n.id`)
    await q.query(`DROP TABLE case_note`)
    await q.query(`DROP TABLE case_note_time`)
    await q.query(`ALTER TABLE case_note_next RENAME TO case_note`)
    await q.query(`CREATE INDEX idx_case_note_family ON case_note (family_id, occurred_at)`)
    await q.query(`CREATE INDEX idx_case_note_episode ON case_note (episode_id, occurred_at)`)
    await q.query(`CREATE TABLE case_note_person (
      case_note_id varchar(36) NOT NULL REFERENCES case_note (id),
      person_id varchar(36) NOT NULL REFERENCES person (id),
      PRIMARY KEY (case_note_id, person_id)
    )`)
    await insertRows(q, 'case_note_person', ['case_note_id', 'person_id'], notePeople)

    const team = new Set(((await q.query(`SELECT id FROM taf_member`)) as { id: string }[]).map((m) => m.id))
    const reviews = (await q.query(`SELECT id, attendees FROM review`)) as { id: string; attendees: string }[]
    const attendees = reviews.flatMap((r) => ids(parsed(r.attendees, `review ${r.id}`), `review ${r.id}`).map((key) => participant(key, r.id)))
    for (const a of attendees)
      if (!(a.kind === 'person' ? people : team).has(a.id)) throw unknown(`review ${a.reviewId}`, a.kind === 'person' ? 'a person' : 'a team member')
    await q.query(`CREATE TABLE review_attendee (
      review_id varchar(36) NOT NULL REFERENCES review (id),
      person_id varchar(36) NOT NULL REFERENCES person (id),
      PRIMARY KEY (review_id, person_id)
    )`)
    await q.query(`CREATE TABLE review_team_attendee (
      review_id varchar(36) NOT NULL REFERENCES review (id),
      taf_member_id varchar(36) NOT NULL REFERENCES taf_member (id),
      PRIMARY KEY (review_id, taf_member_id)
    )`)
    const rowsOf = (kind: 'person' | 'taf') => attendees.filter((a) => a.kind === kind).map((a) => [a.reviewId, a.id])
    await insertRows(q, 'review_attendee', ['review_id', 'person_id'], rowsOf('person'))
    await insertRows(q, 'review_team_attendee', ['review_id', 'taf_member_id'], rowsOf('taf'))
    await q.query(`ALTER TABLE review DROP COLUMN attendees`)

    await q.query(`ALTER TABLE taf_member ADD COLUMN deleted_at varchar(32)`)
    await q.query(`ALTER TABLE taf_member ADD COLUMN deleted_by_user_id varchar(36) REFERENCES app_user (id)
      CONSTRAINT taf_member_deleted CHECK (deleted_by_user_id IS NULL OR deleted_at IS NOT NULL)`)
  }

  async down(q: QueryRunner): Promise<void> {
    const usernames = new Map(((await q.query(`SELECT id, username FROM app_user`)) as { id: string; username: string }[]).map((u) => [u.id, u.username]))
    const nameOf = (id: unknown) => (typeof id === 'string' ? (usernames.get(id) ?? SYSTEM) : SYSTEM)

    // The earlier version deleted a member taken off the team.
    await q.query(`DELETE FROM taf_member WHERE deleted_at IS NOT NULL`)
    await q.query(`ALTER TABLE taf_member DROP COLUMN deleted_by_user_id`)
    await q.query(`ALTER TABLE taf_member DROP COLUMN deleted_at`)

    await q.query(`ALTER TABLE review ADD COLUMN attendees text NOT NULL DEFAULT '[]'`)
    const keys = new Map<string, string[]>()
    for (const [table, column, prefix] of [
      ['review_attendee', 'person_id', 'person'],
      ['review_team_attendee', 'taf_member_id', 'taf']
    ] as const) {
      for (const row of (await q.query(`SELECT review_id, ${column} AS id FROM ${table} ORDER BY review_id, ${column}`)) as {
        review_id: string
        id: string
      }[]) {
        keys.set(row.review_id, [...(keys.get(row.review_id) ?? []), `${prefix}:${row.id}`])
      }
    }
    for (const [id, list] of keys) await run(q, 'UPDATE review SET attendees = :attendees WHERE id = :id', { attendees: JSON.stringify(list), id })
    await q.query(`DROP TABLE review_team_attendee`)
    await q.query(`DROP TABLE review_attendee`)

    const notePeople = new Map<string, string[]>()
    for (const row of (await q.query(`SELECT case_note_id, person_id FROM case_note_person ORDER BY case_note_id, person_id`)) as {
      case_note_id: string
      person_id: string
    }[]) {
      notePeople.set(row.case_note_id, [...(notePeople.get(row.case_note_id) ?? []), row.person_id])
    }
    await q.query(`DROP TABLE case_note_person`)
    const notes = (await q.query(`SELECT id, occurred_at FROM case_note`)) as { id: string; occurred_at: string }[]
    await q.query(`CREATE TABLE case_note_before (id varchar(36) PRIMARY KEY, occurred_at varchar(16) NOT NULL, people text NOT NULL)`)
    await insertRows(
      q,
      'case_note_before',
      ['id', 'occurred_at', 'people'],
      notes.map((n) => [n.id, utcToLondon(n.occurred_at), JSON.stringify(notePeople.get(n.id) ?? [])])
    )
    await q.query(`CREATE TABLE case_note_next (
      id varchar(36) PRIMARY KEY,
      family_id varchar(36) NOT NULL REFERENCES family (id),
      episode_id varchar(36) REFERENCES episode (id),
      occurred_at varchar(16) NOT NULL,
      type varchar(20) NOT NULL,
      people text NOT NULL,
      text text NOT NULL,
      significant boolean NOT NULL,
      author varchar(100) NOT NULL,
      created_at varchar(32) NOT NULL,
      version integer NOT NULL
    )`)
    await q.query(`INSERT INTO case_note_next (id, family_id, episode_id, occurred_at, type, people, text, significant, author, created_at, version)
      SELECT n.id, n.family_id, n.episode_id, b.occurred_at, n.type, b.people, n.text, n.significant,
             COALESCE((SELECT u.username FROM app_user u WHERE u.id = n.author_user_id), '${SYSTEM}'), n.created_at, n.version
      FROM case_note n JOIN case_note_before b ON b.id = n.id`)
    await q.query(`DROP TABLE case_note`)
    await q.query(`DROP TABLE case_note_before`)
    await q.query(`ALTER TABLE case_note_next RENAME TO case_note`)
    await q.query(`CREATE INDEX idx_case_note_family ON case_note (family_id, occurred_at)`)
    await q.query(`CREATE INDEX idx_case_note_episode ON case_note (episode_id, occurred_at)`)

    const episodes = (await q.query(`SELECT id, closure, reopened, last_contact_at FROM episode`)) as {
      id: string
      closure: string | null
      reopened: string | null
      last_contact_at: string | null
    }[]
    await q.query(`ALTER TABLE episode ADD COLUMN last_contact_local varchar(16)`)
    await updateEach(
      q,
      'episode',
      'last_contact_local',
      episodes.flatMap((e) => (e.last_contact_at === null ? [] : [[e.id, utcToLondon(e.last_contact_at)]]))
    )
    await q.query(`ALTER TABLE episode DROP COLUMN last_contact_at`)
    await q.query(`ALTER TABLE episode RENAME COLUMN last_contact_local TO last_contact_at`)
    for (const e of episodes) {
      if (e.closure === null && e.reopened === null) continue
      const closure = e.closure === null ? null : JSON.stringify(closureByNames(JSON.parse(e.closure) as Record<string, unknown>, nameOf))
      const reopened =
        e.reopened === null
          ? null
          : JSON.stringify(
              (JSON.parse(e.reopened) as Record<string, unknown>[]).map(({ byUserId, closure, ...rest }) => ({
                ...rest,
                by: nameOf(byUserId),
                ...(closure === undefined ? {} : { closure: closure === null ? null : closureByNames(closure as Record<string, unknown>, nameOf) })
              }))
            )
      await run(q, 'UPDATE episode SET closure = :closure, reopened = :reopened WHERE id = :id', { closure, reopened, id: e.id })
    }
    await q.query(`ALTER TABLE episode ADD COLUMN headlines varchar(200) NOT NULL DEFAULT ''`)
    const headlines = new Map<string, string[]>()
    for (const row of (await q.query(`SELECT episode_id, code FROM episode_headline ORDER BY episode_id, code`)) as { episode_id: string; code: string }[]) {
      headlines.set(row.episode_id, [...(headlines.get(row.episode_id) ?? []), row.code])
    }
    await updateEach(
      q,
      'episode',
      'headlines',
      [...headlines].map(([id, codes]) => [id, codes.join(' ')])
    )
    await q.query(`DROP TABLE episode_headline`)

    if (isSqlite(q)) for (const trigger of VERSION_TRIGGERS) await q.query(`DROP TRIGGER ${trigger.name}`)
    await q.query(`ALTER TABLE document_version ADD COLUMN saved_by varchar(100) NOT NULL DEFAULT '${SYSTEM}'`)
    // The trusted caller's own name is the name it saved under.
    await q.query(
      `UPDATE document_version SET saved_by = COALESCE((SELECT u.username FROM app_user u WHERE u.id = document_version.saved_by_user_id), saved_by_name)`
    )
    if (isSqlite(q)) for (const trigger of VERSION_TRIGGERS) await q.query(trigger.sql)

    for (const { table, from, to, nullable } of [...STAFF_COLUMNS].reverse()) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN ${from} varchar(100)${nullable ? '' : ` NOT NULL DEFAULT '${SYSTEM}'`}`)
      const name = `(SELECT u.username FROM app_user u WHERE u.id = ${table}.${to})`
      await q.query(`UPDATE ${table} SET ${from} = ${nullable ? `CASE WHEN ${to} IS NULL THEN NULL ELSE ${name} END` : `COALESCE(${name}, '${SYSTEM}')`}`)
      await q.query(`ALTER TABLE ${table} DROP COLUMN ${to}`)
    }
  }
}

/** The columns that named staff by username, and their user-id columns. */
const STAFF_COLUMNS = [
  { table: 'episode', from: 'opened_by', to: 'opened_by_user_id', nullable: false },
  { table: 'assessment', from: 'completed_by', to: 'completed_by_user_id', nullable: true },
  { table: 'assessment', from: 'updated_by', to: 'updated_by_user_id', nullable: false },
  { table: 'family_plan', from: 'agreed_by', to: 'agreed_by_user_id', nullable: false },
  { table: 'family_plan', from: 'updated_by', to: 'updated_by_user_id', nullable: false },
  { table: 'review', from: 'recorded_by', to: 'recorded_by_user_id', nullable: false }
] as const

/** Who the earlier version names where no account is known: the audit trail says who it was. */
const SYSTEM = 'system'

/** document_version's append-only guard, as migration 1764000000006 made it (SQLite only). */
const VERSION_TRIGGERS = [
  {
    name: 'document_version_no_update',
    sql: `CREATE TRIGGER document_version_no_update BEFORE UPDATE ON document_version
      BEGIN SELECT RAISE(ABORT, 'kept versions of plans and assessments cannot be changed'); END`
  },
  {
    name: 'document_version_no_delete',
    sql: `CREATE TRIGGER document_version_no_delete BEFORE DELETE ON document_version
      BEGIN SELECT RAISE(ABORT, 'kept versions of plans and assessments cannot be deleted'); END`
  }
]

const damaged = (what: string) =>
  new Error(
    `The ${what} is damaged (it is not stored the way Casebook saves it), so it cannot be upgraded. Nothing has been changed: ask IT to check the database.`
  )

const unknown = (what: string, who: string) =>
  new Error(`The ${what} names ${who} who is not in the database, so it cannot be upgraded. Nothing has been changed: ask IT to check the database.`)

function parsed(json: string, what: string): unknown {
  try {
    return JSON.parse(json)
  } catch {
    throw damaged(what)
  }
}

/** A stored JSON list of ids or keys, each once. */
function ids(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw damaged(what)
  return [...new Set(value as string[])]
}

/** A review's participant key: a family member's ('person:<id>') or a team member's ('taf:<id>'). */
function participant(key: string, reviewId: string): { reviewId: string; kind: 'person' | 'taf'; id: string } {
  const m = /^(person|taf):(.+)$/.exec(key)
  if (!m) throw damaged(`review ${reviewId}`)
  return { reviewId, kind: m[1] as 'person' | 'taf', id: m[2]! }
}

/** A wall-clock time in England as the UTC instant; one the clocks skipped is read an hour on. */
function instantOf(local: string, what: string): string {
  try {
    return londonToUtc(local, 'later')!
  } catch {
    throw damaged(`time of the ${what}`)
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function closureByIds(closure: unknown, idOf: (username: unknown) => string | null, episodeId: string): Record<string, unknown> {
  if (!isObject(closure) || typeof closure.requestedBy !== 'string') throw damaged(`closure of episode ${episodeId}`)
  const { requestedBy, approvedBy, ...rest } = closure
  const approved = typeof approvedBy === 'string'
  return { ...rest, requestedByUserId: idOf(requestedBy), approved, approvedByUserId: approved ? idOf(approvedBy) : null }
}

function reopeningsByIds(reopenings: unknown, idOf: (username: unknown) => string | null, episodeId: string): Record<string, unknown>[] {
  if (!Array.isArray(reopenings) || !reopenings.every(isObject)) throw damaged(`history of episode ${episodeId}`)
  return reopenings.map(({ by, closure, ...rest }) => ({
    ...rest,
    byUserId: idOf(by),
    ...(closure === undefined ? {} : { closure: closure === null ? null : closureByIds(closure, idOf, episodeId) })
  }))
}

function closureByNames(closure: Record<string, unknown>, nameOf: (id: unknown) => string): Record<string, unknown> {
  const { requestedByUserId, approved, approvedByUserId, ...rest } = closure
  return { ...rest, requestedBy: nameOf(requestedByUserId), approvedBy: approved ? nameOf(approvedByUserId) : null }
}

/** Named parameters, turned into the driver's own placeholders, keep the statement dialect-neutral. */
async function run(q: QueryRunner, sql: string, parameters: Record<string, unknown>): Promise<void> {
  const [statement, values] = q.connection.driver.escapeQueryWithParameters(sql, parameters, {})
  await q.query(statement, values)
}

/** Rows a few hundred to a statement: a hub's case notes number hundreds of thousands. */
const BATCH = 200

async function insertRows(q: QueryRunner, table: string, columns: string[], unsorted: unknown[][]): Promise<void> {
  // In key order: each row lands beside the last in the primary key's B-tree, several times faster.
  const keyed = unsorted.map((row) => ({ row, key: row.join('\u0000') }))
  const rows = keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((k) => k.row)
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH)
    const parameters: Record<string, unknown> = {}
    const values = batch.map((row, r) => {
      columns.forEach((_, c) => (parameters[`v${r}_${c}`] = row[c]))
      return `(${columns.map((_, c) => `:v${r}_${c}`).join(', ')})`
    })
    await run(q, `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`, parameters)
  }
}

/** Sets one column, row by row by id, a batch to a statement (both dialects name a VALUES list's columns column1, column2). */
async function updateEach(q: QueryRunner, table: string, column: string, pairs: unknown[][]): Promise<void> {
  for (let i = 0; i < pairs.length; i += BATCH) {
    const batch = pairs.slice(i, i + BATCH)
    const parameters: Record<string, unknown> = {}
    const values = batch.map(([id, value], r) => {
      parameters[`i${r}`] = id
      parameters[`v${r}`] = value
      return `(:i${r}, :v${r})`
    })
    await run(q, `UPDATE ${table} SET ${column} = v.column2 FROM (VALUES ${values.join(', ')}) AS v WHERE ${table}.id = v.column1`, parameters)
  }
}
