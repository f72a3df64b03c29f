// The change feed covers the whole schema as it is now, not only as migration 15 knew it: a table
// added later that holds what the authority receives must say when its rows change (a trigger in its
// own migration), or be named here as one the export does not send.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'
import { GROUPS } from './groups'

/** Tables whose rows never travel: the app's own bookkeeping, the trail, and what the export is made of. */
const NOT_SENT = [
  'migrations',
  'sqlite_sequence',
  'hub',
  'audit_entry',
  'draft',
  'duplicate_decision',
  'document_version',
  'change_feed',
  'export_run',
  'export_run_file',
  'backup_run',
  // PostgreSQL's counters for the audit chain's head and the change feed (migration 1764000000019).
  'audit_head',
  'change_feed_counter'
]

let t: TempCasebook
beforeAll(async () => {
  t = await tempCasebook('change-feed')
})
afterAll(async () => {
  await t.dispose()
})

const query = (sql: string) => t.casebook.core.db.query(sql) as Promise<{ name: string; tbl_name?: string }[]>

describe('the change feed', () => {
  it('has insert and update triggers on every table the export reads, and only tables it does not read are without', async () => {
    // Each engine's own catalogue: PostgreSQL's triggers are migration 1764000000019's, named as SQLite's are.
    const tables = (
      await query(
        t.postgres
          ? `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'person\\_search%'`
          : `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'person_search%'`
      )
    ).map((r) => r.name)
    const fed = new Set(
      (
        await query(
          t.postgres
            ? `SELECT c.relname AS tbl_name FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid WHERE NOT g.tgisinternal AND g.tgname LIKE 'change\\_feed\\_%\\_insert'`
            : `SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'change_feed_%_insert'`
        )
      ).map((r) => r.tbl_name!)
    )
    expect(tables.filter((name) => !fed.has(name) && !NOT_SENT.includes(name)).sort()).toEqual([])
    for (const group of GROUPS) expect({ table: group.table, fed: fed.has(group.table) }).toEqual({ table: group.table, fed: true })
  })
})
