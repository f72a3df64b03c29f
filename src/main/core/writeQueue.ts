// All of a core's writes go through one queue: one transaction at a time from this desk, each begun
// as its engine needs (./dialect: BEGIN IMMEDIATE on SQLite; on PostgreSQL, where other desks write
// at the same moment, read committed under the audit chain head's row lock). The transaction's EntityManager is passed to the work
// explicitly; nothing else may write. On PostgreSQL a transaction the server ends as a serialization
// failure or deadlock did nothing, and is run again a few times before the failure is reported. A
// core opened read-only has a queue with no database, which refuses every write.
import type { DataSource, EntityManager, QueryRunner } from 'typeorm'
import { AppError } from './errors'
import { BEGIN_WRITE, dialectOf, isRetryable } from './dialect'
import { announceChangesSince, CHANGE_FEED_TOP } from './postgres'
import { holdWrites, queryTogether, takeHeldWrites } from './postgresHeldWrites'
import { holdAuditHead } from './auditHead'

export type WriteWork<T> = (manager: EntityManager) => Promise<T>

/** Attempts at a transaction PostgreSQL ends as a serialization failure or deadlock, before giving up. */
export const WRITE_ATTEMPTS = 5

export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve()
  private closed = false
  /** Transactions run again after PostgreSQL ended them as a serialization failure or deadlock (the bench reports it). */
  retried = 0

  /** `null`: the database was opened read-only, and nothing may be written through this core. */
  constructor(private readonly dataSource: DataSource | null) {}

  run<T>(work: WriteWork<T>): Promise<T> {
    if (!this.dataSource) {
      return Promise.reject(new AppError('UNAVAILABLE', 'Casebook opened this database read-only, so nothing can be saved.'))
    }
    if (this.closed) return Promise.reject(new Error('The database is closed'))
    const dataSource = this.dataSource
    const result = this.tail.then(() => this.attempt(dataSource, work))
    this.tail = result.catch(() => undefined)
    return result
  }

  /** Resolves when every queued write has finished; later writes are refused. */
  async drain(): Promise<void> {
    this.closed = true
    await this.tail
  }

  private async attempt<T>(dataSource: DataSource, work: WriteWork<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.transact(dataSource, work)
      } catch (error) {
        if (attempt >= WRITE_ATTEMPTS || !isRetryable(error)) throw error
        this.retried++
      }
    }
  }

  private async transact<T>(dataSource: DataSource, work: WriteWork<T>): Promise<T> {
    // The queue begins the transaction itself (TypeORM's startTransaction can only say BEGIN) and
    // marks the runner as inside one, so that a save() within the work joins it instead of nesting.
    // SQLite's driver hands every caller the same runner; PostgreSQL's takes a pooled connection,
    // given back when the transaction ends.
    const runner = dataSource.createQueryRunner()
    const postgres = dialectOf(dataSource) === 'postgres'
    try {
      try {
        let feedBefore = 0
        if (postgres) {
          // One round trip: the beginning, the audit head's lock (and the head itself, which the
          // transaction's entries follow: ./auditHead), and the change feed's last number, from
          // which the other desks are told, as this commits, that the feed moved on.
          const [, heads, feeds] = await queryTogether(runner, [...BEGIN_WRITE.postgres, CHANGE_FEED_TOP])
          const head = heads?.[0]
          if (!head || !feeds?.[0]) throw new Error('The audit chain has no head row: the database was not made by Casebook')
          holdAuditHead(runner, { seq: Number(head.seq), hash: String(head.hash) })
          holdWrites(runner, true)
          feedBefore = Number(feeds[0].seq)
        } else {
          for (const statement of BEGIN_WRITE.sqlite) await runner.query(statement)
        }
        setTransactionState(runner, true)
        const value = await work(runner.manager)
        // What the work held back (./postgresHeldWrites) goes with the COMMIT, in one round trip. A
        // refused statement fails the batch there; and should the work have caught a refusal and gone
        // on, the announcement before COMMIT fails in the aborted transaction, where a COMMIT alone
        // would have rolled back and answered as if it had saved.
        if (postgres) await queryTogether(runner, [...takeHeldWrites(runner), announceChangesSince(feedBefore), 'COMMIT'])
        else await runner.query('COMMIT')
        return value
      } catch (error) {
        // Rolled back whatever failed, the beginning too: on PostgreSQL a statement refused after BEGIN
        // (the audit head's lock, on a server taking no changes) leaves the transaction open and
        // aborted, and a pooled connection given back so would fail every later call that took it.
        holdWrites(runner, false)
        await runner.query('ROLLBACK').catch(() => undefined)
        throw error
      } finally {
        setTransactionState(runner, false)
        holdAuditHead(runner, null)
        holdWrites(runner, false)
      }
    } finally {
      if (postgres) await runner.release()
    }
  }
}

function setTransactionState(runner: QueryRunner, active: boolean): void {
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number }
  state.isTransactionActive = active
  state.transactionDepth = active ? 1 : 0
}
