// One current membership a person (migration 1764000000022) on PostgreSQL: the partial unique index
// refuses a second one whatever the code asks, and built again over a database holding two (which
// only a fault could leave) it closes the older as the newer began first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { OneCurrentMembership1764000000022 } from './1764000000022-OneCurrentMembership'
import { tempCasebook, type TempCasebook } from '../src/main/testing/tempCasebook'
import { okaforFamily } from '../src/main/testing/fixtures'

let t: TempCasebook
let personId: string
let otherFamilyId: string

beforeAll(async () => {
  t = await tempCasebook('migration-22')
  const { id } = await t.ok('families.register', okaforFamily())
  personId = (await t.ok('families.get', { id })).members[0].id
  const other = okaforFamily()
  other.members = other.members.slice(0, 1).map((m) => ({ member: { ...m.member, givenName: 'Ruth', familyName: 'Bell', nhsNumber: null } }) as never)
  otherFamilyId = (await t.ok('families.register', { ...other, family: { ...other.family, postcode: 'CV1 2AB' } })).id
})
afterAll(async () => {
  await t.dispose()
})

const db = () => t.casebook.core.db
const insertMembership = (id: string, joinedAt: string) =>
  db().query(`INSERT INTO family_membership (id, person_id, family_id, joined_at, left_at, recorded_by_user_id) VALUES (?, ?, ?, ?, NULL, NULL)`, [
    id,
    personId,
    otherFamilyId,
    joinedAt
  ])
const current = () =>
  db().query(`SELECT id, joined_at AS "joinedAt", left_at AS "leftAt" FROM family_membership WHERE person_id = ? ORDER BY joined_at`, [personId])

describe('OneCurrentMembership1764000000022 on PostgreSQL', () => {
  it('refuses a second current membership for a person, naming the rule', async () => {
    const [index] = await db().query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'idx_membership_one_current'`)
    expect(index.indexdef).toMatch(
      /^CREATE UNIQUE INDEX idx_membership_one_current ON public\.family_membership USING btree \(person_id\) WHERE \(left_at IS NULL\)$/
    )
    const refused = await insertMembership(randomUUID(), new Date().toISOString()).then(
      () => null,
      (e: { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } }) => e.driverError ?? e
    )
    expect(refused).toMatchObject({ code: '23505', constraint: 'idx_membership_one_current' })
  })

  it('built over two current memberships, closes the older as the newer began, and goes down and up again', async () => {
    const [registered] = await current()
    const runner = db().createQueryRunner()
    const later = '2099-01-01T09:00:00.000Z'
    const newer = randomUUID()
    try {
      await runner.startTransaction()
      const migration = new OneCurrentMembership1764000000022()
      await migration.down(runner)
      await runner.query(`INSERT INTO family_membership (id, person_id, family_id, joined_at, left_at, recorded_by_user_id) VALUES (?, ?, ?, ?, NULL, NULL)`, [
        newer,
        personId,
        otherFamilyId,
        later
      ])
      await migration.up(runner)
      await runner.commitTransaction()
    } finally {
      await runner.release()
    }
    expect(await current()).toEqual([
      { id: registered.id, joinedAt: registered.joinedAt, leftAt: later },
      { id: newer, joinedAt: later, leftAt: null }
    ])
    expect(await db().query(`SELECT count(*)::int AS n FROM pg_indexes WHERE indexname = 'idx_membership_one_current'`)).toEqual([{ n: 1 }])
  })
})
