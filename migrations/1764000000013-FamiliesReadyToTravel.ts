import type { MigrationInterface, QueryRunner } from 'typeorm'

// Families, people, consent and restricted access made ready to travel to the authority:
// - staff by user id: family.registered_by, family_membership.recorded_by, consent.recorded_by and
//   duplicate_decision.decided_by held the actor's username; each becomes <x>_by_user_id, found by
//   app_user.username. A name that is no account (`seed`, `cli:<osuser>`) becomes NULL, which means
//   "the system or the command line": the audit trail still says who. The name columns go.
// - a person's disabilities, a space-separated list of codes, become rows of person_disability.
// - person.upn_unknown: the census's reason a child's UPN is not known (UN1 to UN7), never beside a UPN.
// - family_access keeps its history: a name taken off a restricted family is revoked (revoked_at,
//   revoked_by_user_id), not deleted, and naming them again un-revokes the same row. The table is
//   built again so that granted_at can be NOT NULL: rows there already are live, granted when the
//   family was last changed (setting the restriction changes the family).
// - request_for_help.received_at as the UTC instant in one form (2026-04-02T09:30:00.000Z): the
//   list's filters compare it as text, so an offset or a shorter form would sort wrongly.
// Data moves in JavaScript and the statements are plain SQL, so the same migration runs on PostgreSQL.
export class FamiliesReadyToTravel1764000000013 implements MigrationInterface {
  name = 'FamiliesReadyToTravel1764000000013'

  async up(q: QueryRunner): Promise<void> {
    for (const { table, from, to } of STAFF_COLUMNS) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN ${to} varchar(36) REFERENCES app_user (id)`)
      await q.query(`UPDATE ${table} SET ${to} = (SELECT u.id FROM app_user u WHERE u.username = ${table}.${from})`)
      await q.query(`ALTER TABLE ${table} DROP COLUMN ${from}`)
    }

    await q.query(`CREATE TABLE person_disability (
      person_id varchar(36) NOT NULL REFERENCES person (id),
      code varchar(10) NOT NULL,
      PRIMARY KEY (person_id, code)
    )`)
    const listed = (await q.query(`SELECT id, disabilities FROM person WHERE disabilities <> ''`)) as { id: string; disabilities: string }[]
    for (const person of listed) {
      for (const code of new Set(person.disabilities.split(/\s+/).filter(Boolean))) {
        await run(q, 'INSERT INTO person_disability (person_id, code) VALUES (:personId, :code)', { personId: person.id, code })
      }
    }
    await q.query(`ALTER TABLE person DROP COLUMN disabilities`)

    await q.query(`ALTER TABLE person ADD COLUMN upn_unknown varchar(3)
      CONSTRAINT person_upn_unknown_code CHECK (upn_unknown IN (${UPN_UNKNOWN_CODES.map((c) => `'${c}'`).join(', ')}))
      CONSTRAINT person_upn_or_reason CHECK (upn_unknown IS NULL OR upn IS NULL)`)

    await q.query(`CREATE TABLE family_access_next (
      family_id varchar(36) NOT NULL REFERENCES family (id),
      user_id varchar(36) NOT NULL REFERENCES app_user (id),
      granted_at varchar(32) NOT NULL,
      granted_by_user_id varchar(36) REFERENCES app_user (id),
      revoked_at varchar(32),
      revoked_by_user_id varchar(36) REFERENCES app_user (id),
      PRIMARY KEY (family_id, user_id),
      CONSTRAINT family_access_revoked CHECK (revoked_by_user_id IS NULL OR revoked_at IS NOT NULL)
    )`)
    await run(
      q,
      `INSERT INTO family_access_next (family_id, user_id, granted_at)
       SELECT fa.family_id, fa.user_id, COALESCE(f.updated_at, :now) FROM family_access fa LEFT JOIN family f ON f.id = fa.family_id`,
      { now: new Date().toISOString() }
    )
    await q.query(`DROP TABLE family_access`)
    await q.query(`ALTER TABLE family_access_next RENAME TO family_access`)

    const requests = (await q.query(`SELECT id, received_at FROM request_for_help`)) as { id: string; received_at: string }[]
    for (const request of requests) {
      const instant = utcInstant(request.received_at)
      if (instant !== request.received_at) await run(q, 'UPDATE request_for_help SET received_at = :instant WHERE id = :id', { instant, id: request.id })
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // received_at stays an instant: that is what the earlier version wrote too.
    await q.query(`CREATE TABLE family_access_before (
      family_id varchar(36) NOT NULL REFERENCES family (id),
      user_id varchar(36) NOT NULL REFERENCES app_user (id),
      PRIMARY KEY (family_id, user_id)
    )`)
    await q.query(`INSERT INTO family_access_before (family_id, user_id) SELECT family_id, user_id FROM family_access WHERE revoked_at IS NULL`)
    await q.query(`DROP TABLE family_access`)
    await q.query(`ALTER TABLE family_access_before RENAME TO family_access`)

    await q.query(`ALTER TABLE person DROP COLUMN upn_unknown`)

    await q.query(`ALTER TABLE person ADD COLUMN disabilities varchar(100) NOT NULL DEFAULT ''`)
    const rows = (await q.query(`SELECT person_id, code FROM person_disability ORDER BY person_id, code`)) as { person_id: string; code: string }[]
    const byPerson = new Map<string, string[]>()
    for (const r of rows) byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), r.code])
    for (const [personId, codes] of byPerson) {
      await run(q, 'UPDATE person SET disabilities = :codes WHERE id = :personId', { codes: codes.join(' '), personId })
    }
    await q.query(`DROP TABLE person_disability`)

    for (const { table, from, to } of STAFF_COLUMNS) {
      // Who a NULL stood for is on the audit trail, not here.
      await q.query(`ALTER TABLE ${table} ADD COLUMN ${from} varchar(100) NOT NULL DEFAULT 'system'`)
      await q.query(`UPDATE ${table} SET ${from} = COALESCE((SELECT u.username FROM app_user u WHERE u.id = ${table}.${to}), 'system')`)
      await q.query(`ALTER TABLE ${table} DROP COLUMN ${to}`)
    }
  }
}

/** The columns that named staff by username, and their user-id columns. */
const STAFF_COLUMNS = [
  { table: 'family', from: 'registered_by', to: 'registered_by_user_id' },
  { table: 'family_membership', from: 'recorded_by', to: 'recorded_by_user_id' },
  { table: 'consent', from: 'recorded_by', to: 'recorded_by_user_id' },
  { table: 'duplicate_decision', from: 'decided_by', to: 'decided_by_user_id' }
] as const

/** The census's reasons a UPN is not known (N00135), as this version knows them: src/shared/referrals/codes.ts UPN_UNKNOWN. */
const UPN_UNKNOWN_CODES = ['UN1', 'UN2', 'UN3', 'UN4', 'UN5', 'UN6', 'UN7']

/** The time as a UTC instant in toISOString's form; a value that is no time at all is left for the export's checks to name. */
export function utcInstant(value: string): string {
  const time = Date.parse(value)
  return Number.isNaN(time) ? value : new Date(time).toISOString()
}

/** Named parameters, turned into the driver's own placeholders, keep the statement dialect-neutral. */
async function run(q: QueryRunner, sql: string, parameters: Record<string, unknown>): Promise<void> {
  const [statement, values] = q.connection.driver.escapeQueryWithParameters(sql, parameters, {})
  await q.query(statement, values)
}
