// What a call changed in a PostgreSQL database, for the fuzz test's rule that a refused call changes
// nothing but the audit trail's record of the refusal: ./dbChanges's watch for the PostgreSQL project.
// PostgreSQL has no data_version or total_changes(), so the watch installs their equivalent in the
// test's own database: a row trigger on every table but the audit trail's takes a number from a
// sequence, which no rollback gives back (as total_changes() counts rolled-back rows). Unchanged, and
// nothing but audit entries was written; grown, and each table's rows are fingerprinted to say which.
import { createHash } from 'node:crypto'
import pg from 'pg'
import type { PostgresConnection } from '../core/postgres'
import { PASSWORD_ATTEMPT_COLUMNS, PASSWORD_ATTEMPTS, type Changes } from './dbChanges'

/** The audit trail, and its head (migration 19), which its trigger moves with every entry. */
const AUDIT_TABLES = new Set(['audit_entry', 'audit_head'])

export class PostgresDatabaseWatch {
  private writes = 0
  private lastSeq = 0
  private fingerprints = new Map<string, string>()

  private constructor(private readonly client: pg.Client) {}

  /** Watches the test's database at `connection` (a superuser's, as the test server's is: it adds triggers). */
  static async open(connection: PostgresConnection): Promise<PostgresDatabaseWatch> {
    const client = new pg.Client({ ...connection, password: connection.password ?? undefined, application_name: 'Casebook test (watch)' })
    await client.connect()
    await client.query(`CREATE SEQUENCE test_watch_writes;
      CREATE FUNCTION test_watch_writes() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM nextval('test_watch_writes'); RETURN NULL; END $$`)
    for (const name of await tablesOf(client)) {
      if (!AUDIT_TABLES.has(name))
        await client.query(`CREATE TRIGGER test_watch_writes AFTER INSERT OR UPDATE OR DELETE ON "${name}" FOR EACH ROW EXECUTE FUNCTION test_watch_writes()`)
    }
    const watch = new PostgresDatabaseWatch(client)
    await watch.look()
    return watch
  }

  /** Rows written outside the audit trail since the watch began (rolled back or not), and the trail's last entry. */
  private async counts(): Promise<{ writes: number; seq: number }> {
    const { rows } = await this.client.query(`SELECT (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM test_watch_writes) AS writes,
      (SELECT coalesce(max(seq), 0) FROM audit_entry) AS seq`)
    return { writes: Number(rows[0].writes), seq: Number(rows[0].seq) }
  }

  /** Takes the state as it is now as the one to compare with. */
  async look(): Promise<void> {
    const { writes, seq } = await this.counts()
    this.writes = writes
    this.lastSeq = seq
    this.fingerprints = await this.fingerprint()
  }

  /** Each table's rows, in no particular order (PostgreSQL keeps none a row keeps when it is rewritten as it was). */
  private async fingerprint(): Promise<Map<string, string>> {
    const hash = (rows: string[]) => createHash('sha256').update(JSON.stringify(rows.sort())).digest('hex')
    const fingerprints = new Map<string, string>()
    for (const name of await tablesOf(this.client)) {
      if (AUDIT_TABLES.has(name)) continue
      const rows = (await this.client.query<{ r: Record<string, unknown> }>(`SELECT to_jsonb(t) AS r FROM "${name}" t`)).rows.map((row) => row.r)
      if (name === 'app_user') {
        fingerprints.set(PASSWORD_ATTEMPTS, hash(rows.map((r) => JSON.stringify([r.id, ...PASSWORD_ATTEMPT_COLUMNS.map((c) => r[c])]))))
        for (const r of rows) for (const c of PASSWORD_ATTEMPT_COLUMNS) delete r[c]
      }
      fingerprints.set(name, hash(rows.map((r) => JSON.stringify(r))))
    }
    return fingerprints
  }

  /** What changed since the last look; the state now is the next one to compare with. */
  async changes(): Promise<Changes> {
    const { writes, seq } = await this.counts()
    if (writes === this.writes && seq === this.lastSeq) return { tables: [], audit: [] }
    const added = (await this.client.query<{ action: string }>('SELECT action FROM audit_entry WHERE seq > $1 ORDER BY seq', [this.lastSeq])).rows
    const onlyAudit = writes === this.writes
    const before = this.fingerprints
    this.writes = writes
    this.lastSeq = seq
    if (!onlyAudit) this.fingerprints = await this.fingerprint()
    const tables = onlyAudit ? [] : [...new Set([...before.keys(), ...this.fingerprints.keys()])].filter((t) => before.get(t) !== this.fingerprints.get(t))
    return { tables, audit: added.map((r) => r.action) }
  }

  close(): Promise<void> {
    return this.client.end()
  }
}

async function tablesOf(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`)
  return rows.map((r) => r.name)
}
