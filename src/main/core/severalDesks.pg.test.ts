// Several desks on one PostgreSQL database (issue 13), on a real server (the PostgreSQL project's
// global set-up): the schema the migrations build there, the guards SQLite's triggers gave, and what
// SQLite's single writer used to guarantee and the database now does itself: one unbroken audit
// chain and change-feed numbers in commit order while two desks write at the same moment.
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Casebook } from './casebook'
import { dialectOf } from './dialect'
import { migrations } from '../../../migrations'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'
import { anotherDesk as openDesk } from '../testing/desks'
import { writeAudit } from '../audit/audit'
import { WRITE_ATTEMPTS } from './writeQueue'
import { verifyAuditChain } from '../audit/verify'

let t: TempCasebook
let desks: Casebook[] = []

beforeEach(async () => {
  t = await tempCasebook('desks')
})
afterEach(async () => {
  for (const desk of desks) await desk.close()
  desks = []
  await t.dispose()
})

async function anotherDesk(): Promise<Casebook> {
  const desk = await openDesk(t)
  desks.push(desk)
  return desk
}

const db = () => t.casebook.core.db
const refusal = (sql: string, params: unknown[] = []) =>
  db()
    .query(sql, params)
    .then(
      () => null,
      (e: Error) => e.message
    )

/** An organisation row: exported, so its insert goes on the change feed. */
const organisation = (name: string) => {
  const now = new Date().toISOString()
  return [`INSERT INTO directory_organisation (id, name, created_at, updated_at, version) VALUES (?, ?, ?, ?, 1)`, [randomUUID(), name, now, now]] as const
}

describe('a PostgreSQL database', () => {
  it('is what the core opened, migrated to the last migration, with the tables SQLite has', async () => {
    expect(dialectOf(db())).toBe('postgres')
    // Sorting text as a hub's server in England does (testing/postgresDatabase COLLATIONS), not by code point.
    const [collation] = (await db().query(`SELECT datlocprovider AS provider, daticulocale AS locale FROM pg_database WHERE datname = current_database()`)) as {
      provider: string
      locale: string
    }[]
    expect(collation).toEqual({ provider: 'i', locale: 'en-GB' })
    expect(((await db().query(`SELECT x FROM unnest(ARRAY['B', 'a', 'b', 'A']) x ORDER BY x`)) as { x: string }[]).map((r) => r.x)).toEqual([
      'a',
      'A',
      'b',
      'B'
    ])
    const ran = (await db().query(`SELECT name FROM migrations ORDER BY id`)) as { name: string }[]
    expect(ran.at(-1)?.name).toBe(migrations.at(-1)!.name)
    const tables = ((await db().query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)) as { tablename: string }[]).map(
      (r) => r.tablename
    )
    for (const table of [
      'hub',
      'family',
      'person',
      'audit_entry',
      'change_feed',
      'episode',
      'export_run',
      'backup_run',
      'audit_head',
      'change_feed_counter',
      'person_search'
    ])
      expect(tables).toContain(table)
    const [hub] = (await db().query(`SELECT database_id AS "databaseId" FROM hub`)) as { databaseId: string }[]
    expect(hub?.databaseId).toMatch(/^[0-9a-f]{32}$/)
  })

  it('refuses to change or delete the audit trail, kept versions, the change feed, a record the authority may hold, or the database id', async () => {
    await t.casebook.core.writes.run((m) => writeAudit(m, { at: new Date().toISOString(), actor: 'tester', action: 'view', recordType: 'hub', recordId: '1' }))
    expect(await refusal(`UPDATE audit_entry SET actor = 'someone else'`)).toMatch(/audit entries cannot be changed/)
    expect(await refusal(`DELETE FROM audit_entry`)).toMatch(/audit entries cannot be deleted/)
    const [sql, params] = organisation('Food bank')
    await t.casebook.core.writes.run((m) => m.query(sql, [...params]))
    expect(await refusal(`DELETE FROM change_feed`)).toMatch(/the change feed cannot be deleted/)
    expect(await refusal(`UPDATE change_feed SET record_key = 'x'`)).toMatch(/the change feed cannot be changed/)
    expect(await refusal(`DELETE FROM directory_organisation`)).toMatch(/never deleted: mark them removed/)
    expect(await refusal(`UPDATE hub SET database_id = ?`, ['0'.repeat(32)])).toMatch(/made once and never changed/)
  })

  it('refuses an audit entry that does not follow the head of the chain', async () => {
    await t.casebook.core.writes.run((m) => writeAudit(m, { at: new Date().toISOString(), actor: 'tester', action: 'view', recordType: 'hub', recordId: '1' }))
    const [head] = (await db().query(`SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1`)) as { seq: number; hash: string }[]
    const insert = `INSERT INTO audit_entry (seq, at, actor, action, record_type, record_id, prev_hash, hash) VALUES (?, ?, 'x', 'view', 'hub', '1', ?, ?)`
    const at = new Date().toISOString()
    // A second entry claiming the same place, one skipping a place, and one naming another predecessor.
    expect(await refusal(insert, [head!.seq, at, head!.hash, 'f'.repeat(64)])).toMatch(/does not follow the head of the chain/)
    expect(await refusal(insert, [head!.seq + 2, at, head!.hash, 'f'.repeat(64)])).toMatch(/does not follow the head of the chain/)
    expect(await refusal(insert, [head!.seq + 1, at, 'e'.repeat(64), 'f'.repeat(64)])).toMatch(/does not follow the head of the chain/)
    expect((await verifyAuditChain(db())).intact).toBe(true)
  })
})

describe('two desks writing at the same moment', () => {
  it('keep one unbroken audit chain and number the change feed without a gap or a repeat', async () => {
    const second = await anotherDesk()
    const perDesk = 40
    const write = (desk: Casebook, name: string) =>
      desk.core.writes.run(async (m) => {
        const [sql, params] = organisation(name)
        await m.query(sql, [...params])
        await writeAudit(m, { at: new Date().toISOString(), actor: name, action: 'create', recordType: 'directory-organisation', recordId: String(params[0]) })
      })
    // Each desk's queue takes one write at a time; the two queues race each other on the server.
    await Promise.all([
      Promise.all(Array.from({ length: perDesk }, (_, i) => write(t.casebook, `first desk ${i}`))),
      Promise.all(Array.from({ length: perDesk }, (_, i) => write(second, `second desk ${i}`)))
    ])
    const chain = await verifyAuditChain(db())
    expect(chain).toMatchObject({ intact: true, problem: null })
    const actors = (await db().query(`SELECT actor FROM audit_entry WHERE action = 'create'`)) as { actor: string }[]
    expect(actors).toHaveLength(2 * perDesk)
    const feed = (await db().query(`SELECT seq FROM change_feed WHERE record_type = 'organisations' ORDER BY seq`)) as { seq: number }[]
    expect(feed.map((f) => f.seq)).toEqual(Array.from({ length: 2 * perDesk }, (_, i) => feed[0]!.seq + i))
    const [counter] = (await db().query(`SELECT seq FROM change_feed_counter`)) as { seq: number }[]
    expect(counter?.seq).toBe(feed.at(-1)?.seq)
  })
})

describe('a write PostgreSQL ends as a serialization failure', () => {
  const entry = (actor: string) => ({ at: new Date().toISOString(), actor, action: 'view' as const, recordType: 'hub' as const, recordId: '1' })
  /** What the server says when it gives up on a transaction two desks' writes made impossible. */
  const serializationFailure = `DO $$ BEGIN RAISE EXCEPTION 'could not serialize access' USING ERRCODE = 'serialization_failure'; END $$`

  it('is run again from the start, its entries following the head as it is then, and the chain stays whole', async () => {
    const second = await anotherDesk()
    const writes = t.casebook.core.writes
    const retriedBefore = writes.retried
    let attempts = 0
    let other: Promise<void> | null = null
    const saved = await writes.run(async (m) => {
      attempts++
      await writeAudit(m, entry(`attempt ${attempts}`))
      await writeAudit(m, entry(`attempt ${attempts}, second entry`))
      if (attempts === 1) {
        // Another desk's write waits for the head's lock this transaction holds; once the server has
        // it queued, this attempt fails, and the other desk appends first: the head the retry
        // follows is not the one the first attempt began with.
        other = second.core.writes.run((o) => writeAudit(o, entry('the other desk')))
        await expect
          .poll(async () => (await db().query(`SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`)).length)
          .toBe(1)
        await m.query(serializationFailure)
      }
      return attempts
    })
    await other
    expect(saved).toBe(2)
    expect(writes.retried - retriedBefore).toBe(1)
    const actors = ((await db().query(`SELECT actor FROM audit_entry WHERE actor <> 'tester' ORDER BY seq`)) as { actor: string }[]).map((r) => r.actor)
    expect(actors).toEqual(['the other desk', 'attempt 2', 'attempt 2, second entry'])
    expect(await verifyAuditChain(db())).toMatchObject({ intact: true, problem: null })
  })

  it('is given up after the last attempt, nothing of it written, and the next write follows the chain', async () => {
    const writes = t.casebook.core.writes
    let attempts = 0
    const failed = writes.run(async (m) => {
      attempts++
      await writeAudit(m, entry('never saved'))
      await m.query(serializationFailure)
    })
    await expect(failed).rejects.toMatchObject({ driverError: { code: '40001' } })
    expect(attempts).toBe(WRITE_ATTEMPTS)
    await writes.run((m) => writeAudit(m, entry('after')))
    expect(await db().query(`SELECT seq FROM audit_entry WHERE actor = 'never saved'`)).toEqual([])
    expect(await verifyAuditChain(db())).toMatchObject({ intact: true, problem: null })
  })
})
