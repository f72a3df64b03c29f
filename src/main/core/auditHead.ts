// The audit chain's last entry, as the write transaction running on a connection holds it. On
// PostgreSQL the queue reads the head as it takes the head's row lock (./dialect BEGIN_WRITE), and
// every entry the transaction appends moves it on: so appending an entry needs no read of its own,
// and the lock, which other desks are waiting for, is held for one round trip less per entry. Kept
// per query runner (every manager a transaction hands out shares its runner) and forgotten as the
// transaction ends. Where nothing is known (SQLite, whose reads cost no round trip), the audit
// trail reads its last entry as before.
import type { EntityManager, QueryRunner } from 'typeorm'

export interface AuditHead {
  seq: number
  hash: string
}

const heads = new WeakMap<QueryRunner, AuditHead>()

export function knownAuditHead(manager: EntityManager): AuditHead | undefined {
  return manager.queryRunner ? heads.get(manager.queryRunner) : undefined
}

/** After an entry is appended: its seq and hash are the head now, if the transaction was keeping it. */
export function auditHeadMoved(manager: EntityManager, head: AuditHead): void {
  if (manager.queryRunner && heads.has(manager.queryRunner)) heads.set(manager.queryRunner, head)
}

/** The queue's: the head as the transaction took its lock, or `null` as the transaction ends. */
export function holdAuditHead(runner: QueryRunner, head: AuditHead | null): void {
  if (head) heads.set(runner, head)
  else heads.delete(runner)
}
