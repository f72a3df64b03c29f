// All writes go through one queue: one transaction at a time, each opened with BEGIN IMMEDIATE so
// that SQLite takes the write lock up front (a deferred BEGIN can fail with SQLITE_BUSY half way
// through, after the user's work has been read). The transaction's EntityManager is passed to the
// work explicitly; nothing else may write.
import type { DataSource, EntityManager, QueryRunner } from 'typeorm'

export type WriteWork<T> = (manager: EntityManager) => Promise<T>

export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve()
  private closed = false

  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: WriteWork<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The database is closed'))
    const result = this.tail.then(() => this.transact(work))
    this.tail = result.catch(() => undefined)
    return result
  }

  /** Resolves when every queued write has finished; later writes are refused. */
  async drain(): Promise<void> {
    this.closed = true
    await this.tail
  }

  private async transact<T>(work: WriteWork<T>): Promise<T> {
    // TypeORM's sqlite driver hands every caller the same query runner. Its own startTransaction
    // can only say BEGIN (deferred), so the queue begins the transaction itself and marks the
    // runner as inside one, so that a save() within the work joins it instead of nesting.
    const runner = this.dataSource.createQueryRunner()
    await runner.query('BEGIN IMMEDIATE')
    setTransactionState(runner, true)
    try {
      const value = await work(runner.manager)
      await runner.query('COMMIT')
      return value
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      setTransactionState(runner, false)
    }
  }
}

function setTransactionState(runner: QueryRunner, active: boolean): void {
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number }
  state.isTransactionActive = active
  state.transactionDepth = active ? 1 : 0
}
