// How many records the next incremental package would send: those the change feed names since the
// last package; before the first package, which is always full, every record.
import type { DataSource } from 'typeorm'
import { GROUPS } from './groups'

export async function changedSince(db: Pick<DataSource, 'query'>, cursor: number | null): Promise<number> {
  if (cursor === null) {
    let total = 0
    for (const group of GROUPS) total += Number(((await db.query(`SELECT count(*) AS n FROM ${group.table}`, [])) as [{ n: number }])[0].n)
    return total
  }
  const [{ n }] = (await db.query('SELECT count(*) AS n FROM (SELECT DISTINCT record_type, record_key FROM change_feed WHERE seq > ?) c', [cursor])) as [
    { n: number }
  ]
  return Number(n)
}
