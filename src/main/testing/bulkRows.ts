// A hub-sized PostgreSQL database in seconds, for the tests of PostgreSQL's query plans: the planner
// chooses by the tables' sizes and statistics, so a plan is only worth asserting on a database the
// size of a hub's. The seed's synthetic families are written as plain rows (no audit entries, no
// search entries), the search index built from them as migration 1764000000020 builds it; a record
// the app saved is then copied, triggers off, once for each family (copyForEachFamily), where saving
// each through the app would take minutes.
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import type { DataSource } from 'typeorm'
import type { PostgresConnection } from '../core/postgres'
import { FamilyGenerator } from '../seed/generator'
import { postcodeKey } from '../../shared/identifiers/postcode'
import { registerFamilyInput } from '../../shared/families/schemas'
import { todayIso } from '../../shared/dates'
import { FamilyEntity, PersonEntity, type FamilyRow, type PersonRow } from '../families/entities'
import { formatReference } from '../search/parseQuery'
import { rebuildPostgresSearch } from '../search/postgresSearch'

/** The references of the families seedRows writes: SD-000001 on. */
export const SEEDED_PREFIX = 'SD'

/** Rows written at once: well under PostgreSQL's 65,535 parameters a statement. */
const CHUNK = 400

/**
 * The seed's synthetic families, written as plain rows (no audit entries, no search entries), then
 * the search index built from them as migration 1764000000020 builds it: thousands of people in
 * seconds, where registering each would take minutes.
 */
export async function seedRows(db: DataSource, families: number): Promise<number> {
  const generator = new FamilyGenerator(13, todayIso())
  const now = '2026-01-01T09:00:00.000Z'
  const familyRows: FamilyRow[] = []
  const personRows: PersonRow[] = []
  for (let n = 1; n <= families; n++) {
    const input = registerFamilyInput.parse(generator.family())
    const id = randomUUID()
    familyRows.push({
      id,
      reference: formatReference(SEEDED_PREFIX, n),
      addressLine1: input.family.addressLine1,
      addressLine2: null,
      town: input.family.town,
      postcode: input.family.postcode,
      postcodeKey: postcodeKey(input.family.postcode),
      phone: null,
      email: null,
      mainLanguage: input.family.mainLanguage,
      interpreterNeeded: false,
      heardAbout: null,
      registeredAt: now,
      registeredByUserId: null,
      restricted: false,
      updatedAt: now,
      version: 1
    })
    for (const { member: m } of input.members) {
      const child = m.kind === 'child'
      personRows.push({
        id: randomUUID(),
        familyId: id,
        kind: m.kind,
        givenName: m.givenName ?? null,
        familyName: m.familyName,
        dateOfBirth: m.kind === 'unborn' ? null : (m.dateOfBirth ?? null),
        expectedDate: m.kind === 'unborn' ? (m.expectedDate ?? null) : null,
        sex: m.sex ?? null,
        ethnicity: m.ethnicity ?? null,
        nhsNumber: m.nhsNumber ?? null,
        upn: child ? (m.upn ?? null) : null,
        upnUnknown: null,
        school: null,
        gpPractice: null,
        relationship: m.kind === 'adult' ? 'PARENT_CARER' : null,
        parentalResponsibility: null,
        createdAt: now,
        updatedAt: now,
        version: 1
      })
    }
  }
  for (let i = 0; i < familyRows.length; i += CHUNK) await db.manager.insert(FamilyEntity, familyRows.slice(i, i + CHUNK))
  for (let i = 0; i < personRows.length; i += CHUNK) await db.manager.insert(PersonEntity, personRows.slice(i, i + CHUNK))
  await rebuildPostgresSearch(db)
  return personRows.length
}

/**
 * Runs `statements` on a connection of its own with no trigger firing (session_replication_role =
 * replica, as a bulk load by a superuser may): rows copied so are not audited, fed to the export or
 * checked against the audit chain's head, which is not what a plan test is about.
 */
export async function withTriggersOff(connection: PostgresConnection, statements: string[]): Promise<void> {
  const client = new pg.Client({ ...connection, password: connection.password ?? undefined })
  await client.connect()
  try {
    await client.query('SET session_replication_role = replica')
    for (const sql of statements) await client.query(sql)
  } finally {
    await client.end()
  }
}

/**
 * A statement that copies one row of `table` (the first `where` finds) once for each seeded family,
 * or `times` times for each, with a new id and that family's id, and `set` (column: SQL, over the
 * family `f` and the copy's number `n`) for what else must differ from copy to copy.
 */
export function copyForEachFamily(table: string, where: string, set: Record<string, string> = {}, times = 1): string {
  const changes = Object.entries({ id: 'gen_random_uuid()::text', family_id: 'f.id', ...set })
    .map(([column, value]) => `'${column}', ${value}`)
    .join(', ')
  return `INSERT INTO ${table} SELECT (jsonb_populate_record(NULL::${table}, to_jsonb(o) || jsonb_build_object(${changes}))).*
    FROM (SELECT * FROM ${table} WHERE ${where} LIMIT 1) o
    CROSS JOIN (SELECT id, row_number() OVER (ORDER BY reference) AS i FROM family WHERE reference LIKE '${SEEDED_PREFIX}-%') f
    CROSS JOIN generate_series(1, ${times}) n`
}
