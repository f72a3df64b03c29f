// The hub a database belongs to, by its hub row's code: backups are named and matched by it, and a
// restore refuses another hub's backup.
import type { Queryable } from '../core/queryable'

/** The hub's code; null when the database has no hub row yet. A query that fails throws. */
export async function hubCodeIn(db: Queryable): Promise<string | null> {
  const [hub] = (await db.query('SELECT code FROM hub WHERE id = 1', [])) as { code: unknown }[]
  return typeof hub?.code === 'string' && hub.code ? hub.code : null
}
