// Tampering with a test's database as someone holding it would, outside the app, with its guards off:
// SQLite's file with the audit trail's triggers dropped (./rawDb); PostgreSQL's database on a
// connection of its own with no trigger firing (session_replication_role = replica, as a superuser
// editing rows by hand may set it), so neither the append-only guards nor the audit head's keeper act.
import pg from 'pg'
import { tamper } from './rawDb'
import type { TempCasebook } from './tempCasebook'

export async function tamperWith(t: TempCasebook, sql: string): Promise<void> {
  if (!t.postgres) return tamper(t.databasePath, sql)
  const client = new pg.Client({ ...t.postgres, password: t.postgres.password ?? undefined })
  await client.connect()
  try {
    await client.query(`SET session_replication_role = replica; ${sql}`)
  } finally {
    await client.end()
  }
}
