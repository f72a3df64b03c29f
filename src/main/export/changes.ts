// How many records the next incremental package would send: those the change feed names since the
// last package; before the first package, which is always full, every record.
import type { Queryable } from '../core/queryable'
import { countKeys, GROUPS, type Query } from './groups'

export async function changedSince(db: Queryable, cursor: number | null): Promise<number> {
  if (cursor === null) {
    const query: Query = (sql, params) => db.query(sql, params) as Promise<Record<string, unknown>[]>
    let total = 0
    // A full count reads no range of the change feed.
    for (const group of GROUPS) total += await countKeys(query, group, { kind: 'full', from: 0, to: 0 })
    return total
  }
  const [{ n }] = (await db.query('SELECT count(*) AS n FROM (SELECT DISTINCT record_type, record_key FROM change_feed WHERE seq > ?) c', [cursor])) as [
    { n: number }
  ]
  return Number(n)
}
