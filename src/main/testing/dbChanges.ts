// What a call changed in the database, seen from a read-only connection of the test's own: each
// table's rows as a fingerprint, and the audit entries added since the last look. For the fuzz
// test's rule that a refused call changes nothing but the audit trail's record of the refusal.
// It reads through sqlite3 itself: it looks after every call, and TypeORM's cost per query would
// be most of the fuzz test's time.
import { createHash } from 'node:crypto'
import sqlite3 from 'sqlite3'
import { FTS5_SHADOW_TABLES, rowOrder } from './migrationDb'

/** A wrong password is counted on the account before it is checked (accounts/attempts.ts). */
export const PASSWORD_ATTEMPT_COLUMNS = ['failed_attempts', 'locked_until']
/** The fingerprint of those columns is kept apart from the rest of app_user's, under this name. */
export const PASSWORD_ATTEMPTS = 'app_user (password attempts)'

export interface Changes {
  /** Tables whose rows differ (audit_entry is not among them: see `audit`). */
  tables: string[]
  /** The actions of the audit entries added, in order. */
  audit: string[]
}

type Row = Record<string, unknown>

export class DatabaseWatch {
  private version = -1
  private writerChanges = 0
  private lastSeq = 0
  private fingerprints = new Map<string, string>()

  private constructor(
    private readonly db: sqlite3.Database,
    private readonly countWriterChanges: () => Promise<number>
  ) {}

  /**
   * Watches the file at `databasePath`. `countWriterChanges`: SQLite's total_changes() on the
   * connection that writes (rows inserted, updated or deleted since it opened, rolled back or
   * not). When it has grown by exactly the audit entries added, nothing else was written, and no
   * table needs fingerprinting again.
   */
  static async open(databasePath: string, countWriterChanges: () => Promise<number>): Promise<DatabaseWatch> {
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const opened = new sqlite3.Database(databasePath, sqlite3.OPEN_READONLY, (error) => (error ? reject(error) : resolve(opened)))
    })
    const watch = new DatabaseWatch(db, countWriterChanges)
    await watch.look()
    return watch
  }

  private all<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return new Promise((resolve, reject) => this.db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as T[]))))
  }

  /** SQLite's count of commits made by other connections: unchanged means nothing was written. */
  private async dataVersion(): Promise<number> {
    const [row] = await this.all<{ data_version: number }>('PRAGMA data_version')
    return row!.data_version
  }

  /** Takes the state as it is now as the one to compare with. */
  async look(): Promise<void> {
    this.version = await this.dataVersion()
    this.writerChanges = await this.countWriterChanges()
    this.fingerprints = await this.fingerprint()
    const [last] = await this.all<{ seq: number }>('SELECT coalesce(max(seq), 0) AS seq FROM audit_entry')
    this.lastSeq = last!.seq
  }

  private async fingerprint(): Promise<Map<string, string>> {
    const tables = await this.all<{ name: string; sql: string }>(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    // An FTS5 table's shadow tables hold its index: the table itself is fingerprinted by its rows.
    const shadow = new Set(tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).flatMap((t) => FTS5_SHADOW_TABLES.map((s) => `${t.name}_${s}`)))
    const hash = (rows: unknown) => createHash('sha256').update(JSON.stringify(rows)).digest('hex')
    const fingerprints = new Map<string, string>()
    for (const { name, sql } of tables) {
      if (name === 'audit_entry' || shadow.has(name)) continue
      const rows = await this.all(`SELECT * FROM "${name}"${rowOrder(sql)}`)
      if (name === 'app_user') {
        fingerprints.set(PASSWORD_ATTEMPTS, hash(rows.map((r) => PASSWORD_ATTEMPT_COLUMNS.map((c) => r[c]))))
        for (const r of rows) for (const c of PASSWORD_ATTEMPT_COLUMNS) delete r[c]
      }
      fingerprints.set(name, hash(rows))
    }
    return fingerprints
  }

  /** What changed since the last look; the state now is the next one to compare with. */
  async changes(): Promise<Changes> {
    const version = await this.dataVersion()
    if (version === this.version) return { tables: [], audit: [] }
    const added = await this.all<{ seq: number; action: string }>('SELECT seq, action FROM audit_entry WHERE seq > ? ORDER BY seq', [this.lastSeq])
    const writerChanges = await this.countWriterChanges()
    const onlyAudit = writerChanges - this.writerChanges === added.length
    const before = this.fingerprints
    this.version = version
    this.writerChanges = writerChanges
    this.lastSeq = added.at(-1)?.seq ?? this.lastSeq
    if (!onlyAudit) this.fingerprints = await this.fingerprint()
    const tables = onlyAudit ? [] : [...new Set([...before.keys(), ...this.fingerprints.keys()])].filter((t) => before.get(t) !== this.fingerprints.get(t))
    return { tables, audit: added.map((r) => r.action) }
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.db.close((error) => (error ? reject(error) : resolve())))
  }
}
