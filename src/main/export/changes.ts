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
  // Each record once, by its type and key (no type holds a space): counted over the range of the
  // feed's sequence after the cursor. Counted as distinct pairs in a subquery, SQLite read the whole of
  // idx_change_feed_type instead, for its order (core/queryPlans.test.ts).
  const [{ n }] = (await db.query(`SELECT count(DISTINCT record_type || ' ' || record_key) AS n FROM change_feed WHERE seq > ?`, [cursor])) as [{ n: number }]
  return Number(n)
}
