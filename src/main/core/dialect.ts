// Where SQLite and PostgreSQL differ in how the core talks to them, outside the migrations and the
// search index (each of which keeps its own dialect steps in one place): how a write transaction
// begins, how a snapshot for reading begins, and which failures mean "try the transaction again".
import type { DataSource, EntityManager, QueryRunner } from 'typeorm'

export type Dialect = 'sqlite' | 'postgres'

type HasOptions = Pick<DataSource, 'options'> | Pick<EntityManager, 'connection'> | Pick<QueryRunner, 'connection'>

export function dialectOf(source: HasOptions): Dialect {
  const options = 'options' in source ? source.options : source.connection.options
  return options.type === 'postgres' ? 'postgres' : 'sqlite'
}

/**
 * How a write transaction begins. SQLite: BEGIN IMMEDIATE takes the one write lock up front (a deferred
 * BEGIN can fail with SQLITE_BUSY half way through, after the user's work has been read). PostgreSQL:
 * read committed, then the audit chain head's row lock (migration 1764000000019), held to the commit.
 * Every write appends to the audit trail, so desks' writes take turns as SQLite's do; taking the lock
 * first, before any row the work touches, means two desks can never each hold what the other waits
 * for, and what the work reads (a version, a counter, the chain's head) is what it writes after. The
 * head's seq and hash come back with the lock, for the transaction's entries to follow (./auditHead).
 */
export const BEGIN_WRITE: Record<Dialect, string[]> = {
  sqlite: ['BEGIN IMMEDIATE'],
  postgres: ['BEGIN ISOLATION LEVEL READ COMMITTED', 'SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE']
}

/**
 * How a snapshot for a long read (an export, a backup's check) begins: one consistent view of the
 * database while desks go on saving. SQLite's WAL gives a deferred transaction exactly that;
 * PostgreSQL needs repeatable read for it.
 */
export const BEGIN_SNAPSHOT: Record<Dialect, string> = {
  sqlite: 'BEGIN',
  postgres: 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY'
}

/**
 * What follows a text column in ORDER BY for the order SQLite's BINARY gives, by code point: a hub's
 * PostgreSQL server sorts by its own collation (en_GB.UTF-8, say, puts 'a' before 'B'), and what the
 * export writes must come in the same order from either engine.
 */
export const BY_CODE_POINT: Record<Dialect, string> = {
  sqlite: '',
  postgres: ' COLLATE "C"'
}

/** PostgreSQL's serialization failure and deadlock: the transaction did nothing and may be run again. */
const RETRYABLE = new Set(['40001', '40P01'])

export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } } | null)?.driverError?.code ?? (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && RETRYABLE.has(code)
}

/**
 * A row refused by a unique rule (a UNIQUE constraint or unique index: one open episode a family, one
 * family a reference): PostgreSQL's 23505; SQLite's "UNIQUE constraint failed" (its SQLITE_CONSTRAINT
 * code alone also covers CHECKs, foreign keys and triggers, which are not this).
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; driverError?: { code?: unknown } } | null
  if ((e?.driverError?.code ?? e?.code) === '23505') return true
  return /^SQLITE_CONSTRAINT: UNIQUE constraint failed/.test(String(e?.message ?? ''))
}
