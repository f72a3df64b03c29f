// Writes held back inside a PostgreSQL write and sent together (./postgresHeldWrites): every value
// written into a held statement reads back on the server exactly as the parameter it replaces; the
// transaction reads what it held; a held statement the server refuses fails the whole write, even
// one whose work caught the refusal and went on; what is asked after it is answered as TypeORM
// answers; and a family of four is registered in 9 round trips, where it took 25 one after another
// while every other desk waited for the lock.
import pg from 'pg'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { okaforFamily } from '../testing/fixtures'
import { insertLater, queryLater } from './postgresHeldWrites'
import { literal, NotLiteral, withLiterals } from './postgresPlaceholders'
import { FamilyEntity } from '../families/entities'
import { verifyAuditChain } from '../audit/verify'

let t: TempCasebook
beforeEach(async () => {
  t = await tempCasebook('held-writes')
})
afterEach(async () => {
  vi.restoreAllMocks()
  await t.dispose()
})

const db = () => t.casebook.core.db
const count = async (sql: string) => Number(((await db().query(sql)) as { n: number }[])[0]!.n)

describe('a value written into a statement', () => {
  const hostile = [
    "O'Neill",
    "''; DROP TABLE person; --",
    'back\\slash and \\x41 and \\',
    "E'\\''",
    '$$ $tag$ ? $1 ?',
    'ünïcødé 🙂 \u2028 tab\there\nnewline',
    '',
    ' leading and trailing '
  ]

  it.each(hostile)('reads back as the parameter it replaces: %j', async (text) => {
    const [row] = (await db().query(`SELECT ${literal(text)}::text AS written, ?::text AS sent`, [text])) as { written: string; sent: string }[]
    expect(row!.written).toBe(text)
    expect(row!.written).toBe(row!.sent)
  })

  it('reads back the same for lists, numbers, truth and nothing', async () => {
    const list = [...hostile, null, 'a"b', '{x,y}']
    const sql = withLiterals("SELECT ?::text[] AS list, ?::int AS n, ?::numeric AS x, ?::boolean AS yes, ?::text AS none, '?' AS mark", [
      list,
      -42,
      0.1,
      true,
      null
    ])
    const [row] = (await db().query(sql)) as Record<string, unknown>[]
    expect(row).toEqual({ list, n: -42, x: 0.1, yes: true, none: null, mark: '?' })
  })

  it('is refused for bytes, which node-postgres sends as bytes, for a placeholder with no value, and beside quoted text it could be in', () => {
    expect(() => literal(Buffer.from('x'))).toThrow(NotLiteral)
    expect(() => withLiterals('SELECT ?, ?', [1])).toThrow(/no parameter 2/)
    expect(() => withLiterals('SELECT $1, $2', [1])).toThrow(/no parameter 2/)
    // Numbered placeholders beside quoted text: a `$1` in the text is not taken for one.
    expect(() => withLiterals(`SELECT $1, 'costs $1'`, [1])).toThrow(NotLiteral)
  })
})

describe('inside a write', () => {
  const family = (reference: string) => ({
    id: randomUUID(),
    reference,
    addressLine1: '1 High Street',
    town: 'Leeds',
    postcode: 'LS1 1AA',
    postcodeKey: 'LS11AA',
    phone: null,
    email: null,
    mainLanguage: 'English',
    interpreterNeeded: false,
    heardAbout: 'SELF',
    registeredAt: '2026-01-01T09:00:00.000Z',
    registeredByUserId: null,
    updatedAt: '2026-01-01T09:00:00.000Z',
    version: 1
  })

  it('reads back what it held, and commits it', async () => {
    const seen = await t.casebook.core.writes.run(async (manager) => {
      await insertLater(manager, FamilyEntity, family('TH-HELD-1'))
      await queryLater(manager, 'UPDATE family SET town = ? WHERE reference = ?', ["St Mary's", 'TH-HELD-1'])
      return manager.query('SELECT town FROM family WHERE reference = ?', ['TH-HELD-1'])
    })
    expect(seen).toEqual([{ town: "St Mary's" }])
    expect(await db().query(`SELECT town FROM family WHERE reference = 'TH-HELD-1'`)).toEqual([{ town: "St Mary's" }])
  })

  it('answers what it asks after what it held as TypeORM would, and sends bytes as a parameter', async () => {
    const answers = await t.casebook.core.writes.run(async (manager) => {
      await insertLater(manager, FamilyEntity, family('TH-HELD-7'))
      const updated = await manager.update(FamilyEntity, { reference: 'TH-HELD-7' }, { town: 'York' })
      await insertLater(manager, FamilyEntity, family('TH-HELD-8'))
      const raw = await manager.query('UPDATE family SET town = ? WHERE reference IN (?, ?) RETURNING reference', ['Hull', 'TH-HELD-7', 'TH-HELD-8'])
      await queryLater(manager, 'UPDATE family SET town = ? WHERE reference = ?', ['Selby', 'TH-HELD-8'])
      const bytes = await manager.query('SELECT length(?::bytea) AS n, (SELECT town FROM family WHERE reference = ?) AS town', [
        Buffer.from([0, 1, 2]),
        'TH-HELD-8'
      ])
      return { affected: updated.affected, raw, bytes }
    })
    expect(answers).toEqual({
      affected: 1,
      raw: [expect.arrayContaining([{ reference: 'TH-HELD-7' }, { reference: 'TH-HELD-8' }]), 2],
      bytes: [{ n: 3, town: 'Selby' }]
    })
  })

  it('fails whole when the server refuses a held statement at the commit, writing nothing of it', async () => {
    await t.casebook.core.writes.run((manager) => insertLater(manager, FamilyEntity, family('TH-HELD-2')))
    const families = await count('SELECT count(*) AS n FROM family')
    const write = t.casebook.core.writes.run(async (manager) => {
      await insertLater(manager, FamilyEntity, family('TH-HELD-3'))
      await insertLater(manager, FamilyEntity, family('TH-HELD-2'))
    })
    await expect(write).rejects.toMatchObject({ driverError: { code: '23505' } })
    expect(await count('SELECT count(*) AS n FROM family')).toBe(families)
  })

  it('never answers saved when the work caught the refusal of a held statement and went on', async () => {
    await t.casebook.core.writes.run((manager) => insertLater(manager, FamilyEntity, family('TH-HELD-4')))
    const families = await count('SELECT count(*) AS n FROM family')
    const write = t.casebook.core.writes.run(async (manager) => {
      await insertLater(manager, FamilyEntity, family('TH-HELD-5'))
      await insertLater(manager, FamilyEntity, family('TH-HELD-4'))
      // The held statements go before this one, and are refused: the work takes no notice.
      await manager.query('SELECT 1').catch(() => undefined)
    })
    await expect(write).rejects.toMatchObject({ driverError: { code: '25P02' } })
    expect(await count('SELECT count(*) AS n FROM family')).toBe(families)
    // And the desk writes on, the chain unbroken.
    await t.casebook.core.writes.run((manager) => insertLater(manager, FamilyEntity, family('TH-HELD-6')))
    expect(await verifyAuditChain(db())).toMatchObject({ intact: true })
  })

  it('registers a family of four in 9 round trips to the server, all of it or none', async () => {
    const desk = t.casebook.connect({ name: 'reception' })
    const okafors = okaforFamily()
    const input = { ...okafors, members: okafors.members.slice(0, 4) }
    const asked = vi.spyOn(pg.Client.prototype, 'query')
    const { id } = unwrap<{ id: string }>(await desk.invoke('families.register', input))
    // The beginning (with the lock); the duplicate check, a question a person; the hub's counter;
    // what was held so far, sent with the question the household's search entries are worked out
    // from; the rest with the COMMIT.
    expect(asked.mock.calls.length).toBeLessThanOrEqual(9)
    asked.mockRestore()
    expect(await count(`SELECT count(*) AS n FROM person WHERE family_id = '${id}'`)).toBe(4)
    expect(await count(`SELECT count(*) AS n FROM person_search s JOIN person p ON p.id = s.person_id WHERE p.family_id = '${id}'`)).toBe(4)
    expect(await count(`SELECT count(*) AS n FROM audit_entry WHERE family_id = '${id}'`)).toBe(5)
    expect(await verifyAuditChain(db())).toMatchObject({ intact: true })
  })
})
