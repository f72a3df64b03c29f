// All writes go through one queue: one transaction at a time, each opened with BEGIN IMMEDIATE so
// that SQLite takes the write lock up front (a deferred BEGIN can fail with SQLITE_BUSY half way
// through, after the user's work has been read). The transaction's EntityManager is passed to the
// work explicitly; nothing else may write. A core opened read-only has a queue with no database,
// which refuses every write.
import type { DataSource, EntityManager, QueryRunner } from 'typeorm'
import { AppError } from './errors'

export type WriteWork<T> = (manager: EntityManager) => Promise<T>

export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve()
  private closed = false

  /** `null`: the database was opened read-only, and nothing may be written through this core. */
  constructor(private readonly dataSource: DataSource | null) {}

  run<T>(work: WriteWork<T>): Promise<T> {
    if (!this.dataSource) {
      return Promise.reject(new AppError('UNAVAILABLE', 'Casebook opened this database read-only, so nothing can be saved.'))
    }
    if (this.closed) return Promise.reject(new Error('The database is closed'))
    const dataSource = this.dataSource
    const result = this.tail.then(() => this.transact(dataSource, work))
    this.tail = result.catch(() => undefined)
    return result
  }

  /** Resolves when every queued write has finished; later writes are refused. */
  async drain(): Promise<void> {
    this.closed = true
    await this.tail
  }

  private async transact<T>(dataSource: DataSource, work: WriteWork<T>): Promise<T> {
    // TypeORM's sqlite driver hands every caller the same query runner. Its own startTransaction
    // can only say BEGIN (deferred), so the queue begins the transaction itself and marks the
    // runner as inside one, so that a save() within the work joins it instead of nesting.
    const runner = dataSource.createQueryRunner()
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
