// Writes a transaction needs no answer from (an audit entry, a new family's rows), held back on
// PostgreSQL and sent together in one round trip: with the next statement the transaction does need
// an answer from, or with its COMMIT. Every write holds the audit head's row lock until it
// commits (./dialect BEGIN_WRITE), so each round trip inside one is time every other desk waits: a
// family of four registered took 25, one after another; held, its inserts are one. The server runs
// what was held in the order it was asked, before anything read after it, so the transaction sees
// what it wrote; a held statement the server refuses fails the transaction as it would have, one
// round trip later. Held statements carry their values as literals (./postgresPlaceholders), as the
// simple query protocol, which alone takes several statements at once, has no parameters. SQLite
// (whose statements cost no round trip) and anything outside the queue's transactions write at once.
import type pg from 'pg'
import {
  QueryFailedError,
  QueryResult,
  type EntityManager,
  type EntityTarget,
  type FindOptionsWhere,
  type ObjectLiteral,
  type QueryDeepPartialEntity,
  type QueryRunner
} from 'typeorm'
import { NotLiteral, withLiterals } from './postgresPlaceholders'

/**
 * Several statements sent as one (PostgreSQL's simple query protocol, so they take no parameters),
 * each one's rows in order: a write's beginning and its end each cost one round trip to the server,
 * not three, and on PostgreSQL every round trip inside a write is time the audit head's lock is held
 * while other desks wait for it. A failure is the driver's error wrapped as TypeORM wraps its own, so
 * the router reads its SQLSTATE where it reads every other.
 */
export async function queryTogether(runner: QueryRunner, statements: string[]): Promise<Record<string, unknown>[][]> {
  return (await sendTogether(runner, statements)).map((r) => r.rows as Record<string, unknown>[])
}

async function sendTogether(runner: QueryRunner, statements: string[]): Promise<pg.QueryResult[]> {
  const sql = statements.join(';\n')
  const client = (await runner.connect()) as pg.PoolClient
  try {
    const results = (await client.query(sql)) as unknown as pg.QueryResult | pg.QueryResult[]
    return Array.isArray(results) ? results : [results]
  } catch (error) {
    throw new QueryFailedError(sql, [], error as Error)
  }
}

/** The statements each PostgreSQL write transaction holds, by its runner; none while it holds nothing back. */
const held = new WeakMap<QueryRunner, string[]>()

/** The queue's: a PostgreSQL write transaction begins holding writes back (`true`), or ends (`false`: what is held is dropped). */
export function holdWrites(runner: QueryRunner, on: boolean): void {
  if (on) held.set(runner, [])
  else held.delete(runner)
}

/** The queue's, to send with its COMMIT: what is held, held no longer. */
export function takeHeldWrites(runner: QueryRunner): string[] {
  const statements = held.get(runner) ?? []
  if (held.has(runner)) held.set(runner, [])
  return statements
}

/**
 * What `runner` is asked (./postgres wraps every query with it), after what is held: in the same round
 * trip, its values written in, or (bytes, which cannot be) in one of its own after the held ones.
 * Answered in the shapes TypeORM's PostgresQueryRunner.query gives (the rows; UPDATE's and DELETE's
 * [rows, count]; with `structured`, a QueryResult), so that no caller can tell how it was sent.
 */
export async function askAfterHeld(
  runner: QueryRunner,
  sql: string,
  parameters: readonly unknown[],
  structured: boolean,
  ask: () => Promise<unknown>
): Promise<unknown> {
  const statements = takeHeldWrites(runner)
  if (!statements.length) return ask()
  const written = writtenIn(sql, parameters)
  const sent = sendTogether(runner, written === null ? statements : [...statements, written])
  if (written === null) {
    await sent
    return ask()
  }
  const answer = (await sent).at(-1) as pg.QueryResult
  const result = new QueryResult()
  result.records = answer.rows
  result.affected = answer.rowCount ?? undefined
  result.raw = answer.command === 'UPDATE' || answer.command === 'DELETE' ? [answer.rows, answer.rowCount] : answer.rows
  return structured ? result : result.raw
}

/** The statement with its values written in, or null where withLiterals cannot do so safely (then it is sent as it was asked). */
function writtenIn(sql: string, parameters: readonly unknown[]): string | null {
  if (!parameters.length) return sql
  try {
    return withLiterals(sql, parameters)
  } catch (error) {
    if (error instanceof NotLiteral) return null
    throw error
  }
}

/** Rows inserted through `manager`: held back inside a PostgreSQL write, at once anywhere else. */
export async function insertLater<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: QueryDeepPartialEntity<T> | QueryDeepPartialEntity<T>[]
): Promise<void> {
  const statements = manager.queryRunner && held.get(manager.queryRunner)
  if (statements) {
    const [sql, parameters] = manager.createQueryBuilder().insert().into(target).values(rows).getQueryAndParameters()
    if (hold(statements, sql, parameters)) return
  }
  await manager.insert(target, rows)
}

/** Rows changed through `manager`, where nobody asks how many were (no version is checked): held inside a PostgreSQL write, at once anywhere else. */
export async function updateLater<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  where: FindOptionsWhere<T>,
  values: QueryDeepPartialEntity<T>
): Promise<void> {
  const statements = manager.queryRunner && held.get(manager.queryRunner)
  if (statements) {
    const [sql, parameters] = manager.createQueryBuilder().update(target).set(values).where(where).getQueryAndParameters()
    if (hold(statements, sql, parameters)) return
  }
  await manager.update(target, where, values)
}

/** A statement whose rows nobody reads (`?` placeholders): held back inside a PostgreSQL write, run at once anywhere else. */
export async function queryLater(
  db: Pick<EntityManager, 'query'> & Partial<Pick<EntityManager, 'queryRunner'>>,
  sql: string,
  parameters: unknown[] = []
): Promise<void> {
  const statements = db.queryRunner && held.get(db.queryRunner)
  if (statements && hold(statements, sql, parameters)) return
  await db.query(sql, parameters)
}

/** Whether the statement was held: only one its values can be written into (writtenIn); any other is sent at once. */
function hold(statements: string[], sql: string, parameters: readonly unknown[]): boolean {
  const written = writtenIn(sql, parameters)
  if (written !== null) statements.push(written)
  return written !== null
}
