// Families, people, consent and restricted access ready to travel. Run on a database with families,
// people (with disabilities), moves, consents, duplicate decisions, restricted access, requests for
// help and a trail in it, written by names as the earlier version wrote them: each name that is an
// account becomes its user id and any other becomes NULL, each listed disability a row, access rows
// live rows with when they were granted, each time of receipt one UTC instant; nothing else changes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FamiliesReadyToTravel1764000000013, utcInstant } from './1764000000013-FamiliesReadyToTravel'
import { changedTables, databaseBefore, refusal, refusedInsert, type MigrationDb, type Row } from '../src/main/testing/migrationDb'
import { auditRows, consentRow, familyRows, hubRow, membershipRows, personRows, userRow } from '../src/main/testing/migrationRows'

let db: MigrationDb
const AT = '2026-04-02T09:30:00.000Z'
const UPDATED = '2026-04-05T14:00:00.000Z'
const rita = { ...userRow, id: 'a05a5f42-5b6e-4a97-9e87-ad4b5e6f7a02', username: 'reception1', display_name: 'Rita Reception', role: 'reception' }

// The first family registered by an account; the second by the seed, which is no account.
const families = [
  { ...familyRows[0]!, restricted: 0 },
  { ...familyRows[1]!, registered_by: 'seed', restricted: 1, updated_at: UPDATED }
]
// Catherine's list as the earlier version wrote it for two codes; Zofia's with the form's order.
const people = personRows.map((p, i) => (i === 1 ? { ...p, disabilities: 'HEAR COMM' } : i === 3 ? { ...p, disabilities: 'MOB' } : p))
const moves = membershipRows.map((m, i) => ({ ...m, recorded_by: i === 3 ? 'cli:itadmin' : i === 2 ? 'pat' : m.recorded_by }))
const consents = [consentRow, { ...consentRow, id: '9c4f4e31-4a5d-4f86-8d76-9c3a4d5e6f02', scope: 'CONTACT', recorded_by: 'a-removed-name' }]
const decision = {
  id: 'f0a1b2c3-d4e5-4f60-8a7b-8c9d0e1f3a01',
  person_id: personRows[1]!.id,
  other_person_id: personRows[3]!.id,
  decision: 'different',
  decided_by: 'pat',
  decided_at: AT
}
const access = [
  { family_id: families[1]!.id, user_id: userRow.id },
  { family_id: families[1]!.id, user_id: rita.id }
]
const request = (n: number, receivedAt: string) => ({
  id: `d1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5${String(n).padStart(2, '0')}`,
  family_id: families[0]!.id,
  received_at: receivedAt,
  channel: 'PHONE',
  referrer_name: 'Dee Patel',
  source: '3B',
  reason: 'Mum is finding the nights hard.',
  awareness: 'AWARE_AGREES',
  urgency: 'ROUTINE',
  status: 'waiting',
  logged_by_user_id: userRow.id,
  created_at: AT,
  updated_at: AT,
  version: 1
})
// Already an instant; the same instant with an offset; the same without its milliseconds.
const requests = [request(1, AT), request(2, '2026-04-02T10:30:00+01:00'), request(3, '2026-04-02T09:30:00Z')]

beforeEach(async () => {
  db = await databaseBefore(FamiliesReadyToTravel1764000000013)
  await db.insert('hub', [hubRow])
  await db.insert('app_user', [userRow, rita])
  await db.insert('family', families)
  await db.insert('person', people)
  await db.insert('family_membership', moves)
  await db.insert('consent', consents)
  await db.insert('duplicate_decision', [decision])
  await db.insert('family_access', access)
  await db.insert('request_for_help', requests)
  await db.insert('audit_entry', auditRows)
})
afterEach(async () => {
  await db.dispose()
})

/** The row without the old column and with the new one. */
const renamed = (row: Row, from: string, to: string, value: unknown) => {
  const { [from]: _old, ...rest } = row
  return { ...rest, [to]: value }
}

const insertRefused = (table: string, row: Row) => refusedInsert(db, table, row)

describe('FamiliesReadyToTravel1764000000013', () => {
  it('runs alone and changes only the rows it moves', async () => {
    const before = await db.everyRow()
    expect(await db.migrate()).toEqual(['FamiliesReadyToTravel1764000000013'])
    const after = await db.everyRow()
    expect(changedTables(before, after)).toEqual([
      'consent',
      'duplicate_decision',
      'family',
      'family_access',
      'family_membership',
      'person',
      'person_disability',
      'request_for_help'
    ])
  })

  it('names staff by user id: a name that is an account becomes its id, any other NULL', async () => {
    await db.migrate()
    expect(await db.rows('family')).toEqual([
      renamed(families[0]!, 'registered_by', 'registered_by_user_id', rita.id),
      renamed(families[1]!, 'registered_by', 'registered_by_user_id', null)
    ])
    expect(await db.rows('family_membership')).toEqual([
      renamed(moves[0]!, 'recorded_by', 'recorded_by_user_id', rita.id),
      renamed(moves[1]!, 'recorded_by', 'recorded_by_user_id', rita.id),
      renamed(moves[2]!, 'recorded_by', 'recorded_by_user_id', userRow.id),
      renamed(moves[3]!, 'recorded_by', 'recorded_by_user_id', null)
    ])
    expect(await db.rows('consent')).toEqual([
      { ...renamed(consents[0]!, 'recorded_by', 'recorded_by_user_id', rita.id), organisation_id: null },
      { ...renamed(consents[1]!, 'recorded_by', 'recorded_by_user_id', null), organisation_id: null }
    ])
    expect(await db.rows('duplicate_decision')).toEqual([renamed(decision, 'decided_by', 'decided_by_user_id', userRow.id)])
    for (const [table, column] of [
      ['family', 'registered_by_user_id'],
      ['family_membership', 'recorded_by_user_id'],
      ['consent', 'recorded_by_user_id'],
      ['duplicate_decision', 'decided_by_user_id']
    ] as const) {
      const columns = await db.columns(table)
      expect(columns).toContainEqual({ name: column, type: 'varchar(36)', notNull: false, defaultValue: null, primaryKey: 0 })
      expect(columns.map((c) => c.name)).not.toContain(column.replace('_user_id', ''))
      expect(await db.foreignKeys(table)).toContainEqual({ from: column, table: 'app_user', to: 'id' })
    }
    expect(await refusal(db, `UPDATE family SET registered_by_user_id = 'no-such-user'`)).toMatch(/FOREIGN KEY constraint failed/)
  })

  it("makes each person's disabilities rows of their own, and drops the list", async () => {
    await db.migrate()
    expect(await db.query('SELECT person_id, code FROM person_disability ORDER BY person_id, code')).toEqual([
      { person_id: people[1]!.id, code: 'COMM' },
      { person_id: people[1]!.id, code: 'HEAR' },
      { person_id: people[3]!.id, code: 'MOB' }
    ])
    expect(await db.rows('person')).toEqual(people.map((p) => ({ ...renamed(p, 'disabilities', 'upn_unknown', null) })))
    expect((await db.columns('person_disability')).map((c) => [c.name, c.type, c.notNull, c.primaryKey])).toEqual([
      ['person_id', 'varchar(36)', true, 1],
      ['code', 'varchar(10)', true, 2]
    ])
    expect(await db.foreignKeys('person_disability')).toEqual([{ from: 'person_id', table: 'person', to: 'id' }])
    expect(await insertRefused('person_disability', { person_id: people[1]!.id, code: 'HEAR' })).toMatch(/UNIQUE constraint failed/)
    expect(await insertRefused('person_disability', { person_id: 'no-such-person', code: 'HEAR' })).toMatch(/FOREIGN KEY constraint failed/)
  })

  it("records why a child's UPN is not known, never beside a UPN, and only as a census reason", async () => {
    await db.migrate()
    expect(await db.columns('person')).toContainEqual({ name: 'upn_unknown', type: 'varchar(3)', notNull: false, defaultValue: null, primaryKey: 0 })
    const mohammed = { ...personRows[1]!, id: '7a2d2c1f-2e3b-4d64-8b54-7a1e2b3c4d05', given_name: 'Mohammed', upn: null, date_of_birth: '2023-02-01' }
    const { disabilities: _list, ...child } = mohammed
    await db.insert('person', [{ ...child, upn_unknown: 'UN1' }])
    expect(await insertRefused('person', { ...child, id: '7a2d2c1f-2e3b-4d64-8b54-7a1e2b3c4d06', upn: 'Q823456789099', upn_unknown: 'UN1' })).toMatch(
      /CHECK constraint failed: person_upn_or_reason/
    )
    expect(await insertRefused('person', { ...child, id: '7a2d2c1f-2e3b-4d64-8b54-7a1e2b3c4d07', upn_unknown: 'UN9' })).toMatch(
      /CHECK constraint failed: person_upn_unknown_code/
    )
    expect(await refusal(db, `UPDATE person SET upn = 'Q823456789099' WHERE id = ?`, [mohammed.id])).toMatch(/CHECK constraint failed: person_upn_or_reason/)
  })

  it('keeps restricted access as live rows, granted when the family was last changed, that can be revoked', async () => {
    await db.migrate()
    expect(await db.rows('family_access')).toEqual(
      access.map((a) => ({ ...a, granted_at: UPDATED, granted_by_user_id: null, revoked_at: null, revoked_by_user_id: null }))
    )
    expect((await db.columns('family_access')).map((c) => [c.name, c.type, c.notNull, c.primaryKey])).toEqual([
      ['family_id', 'varchar(36)', true, 1],
      ['user_id', 'varchar(36)', true, 2],
      ['granted_at', 'varchar(32)', true, 0],
      ['granted_by_user_id', 'varchar(36)', false, 0],
      ['revoked_at', 'varchar(32)', false, 0],
      ['revoked_by_user_id', 'varchar(36)', false, 0]
    ])
    expect(await db.foreignKeys('family_access')).toEqual([
      { from: 'family_id', table: 'family', to: 'id' },
      { from: 'granted_by_user_id', table: 'app_user', to: 'id' },
      { from: 'revoked_by_user_id', table: 'app_user', to: 'id' },
      { from: 'user_id', table: 'app_user', to: 'id' }
    ])
    expect(await db.tables()).not.toContain('family_access_next')
    await db.query(`UPDATE family_access SET revoked_at = ?, revoked_by_user_id = ? WHERE user_id = ?`, [UPDATED, userRow.id, rita.id])
    expect(await refusal(db, `UPDATE family_access SET revoked_at = NULL WHERE user_id = ?`, [rita.id])).toMatch(
      /CHECK constraint failed: family_access_revoked/
    )
    expect(await insertRefused('family_access', { family_id: families[1]!.id, user_id: userRow.id, granted_at: AT })).toMatch(/UNIQUE constraint failed/)
    expect(await insertRefused('family_access', { family_id: families[0]!.id, user_id: userRow.id })).toMatch(
      /NOT NULL constraint failed: family_access.granted_at/
    )
  })

  it('keeps each time a request was received as one UTC instant', async () => {
    await db.migrate()
    expect(await db.query('SELECT id, received_at FROM request_for_help ORDER BY id')).toEqual(requests.map((r) => ({ id: r.id, received_at: AT })))
    expect(utcInstant('2026-11-24T03:14:20-05:00')).toBe('2026-11-24T08:14:20.000Z')
    expect(utcInstant('not a time')).toBe('not a time')
  })

  it('goes down to the earlier shape, and up again to the same rows', async () => {
    expect(await db.migrate()).toEqual(['FamiliesReadyToTravel1764000000013'])
    await db.query(`UPDATE family_access SET revoked_at = ?, revoked_by_user_id = ? WHERE user_id = ?`, [UPDATED, userRow.id, rita.id])
    const migrated = await db.everyRow()
    const runner = db.manager().connection.createQueryRunner()
    try {
      await new FamiliesReadyToTravel1764000000013().down(runner)
      expect(await db.tables()).not.toContain('person_disability')
      expect(await db.query('SELECT id, registered_by FROM family ORDER BY rowid')).toEqual([
        { id: families[0]!.id, registered_by: 'reception1' },
        { id: families[1]!.id, registered_by: 'system' }
      ])
      expect(await db.query('SELECT id, disabilities FROM person ORDER BY rowid')).toEqual(
        people.map((p, i) => ({ id: p.id, disabilities: i === 1 ? 'COMM HEAR' : p.disabilities }))
      )
      // A name taken off a restricted family was deleted, as the earlier version did.
      expect(await db.rows('family_access')).toEqual([access[0]])
      await new FamiliesReadyToTravel1764000000013().up(runner)
    } finally {
      await runner.release()
    }
    const again = await db.everyRow()
    const byCode = (rows: Row[] = []) => [...rows].sort((a, b) => `${a.person_id} ${a.code}`.localeCompare(`${b.person_id} ${b.code}`))
    expect(byCode(again.person_disability)).toEqual(byCode(migrated.person_disability))
    expect(again.family).toEqual(migrated.family)
    expect(again.duplicate_decision).toEqual(migrated.duplicate_decision)
    expect(again.family_access).toEqual([expect.objectContaining(access[0])])
  })
})
