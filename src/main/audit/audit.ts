// The audit trail: one row per view or change, written in the same transaction as the change,
// append-only (triggers refuse UPDATE and DELETE) and hash-chained so that an edit or removal
// made outside the app breaks the chain at that entry.
import { createHash } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import { AuditEntity, type AuditRow } from './entities'
import type { AUDIT_ACTIONS } from '../../shared/audit/schemas'
import type { CallContext } from '../core/context'
import { auditHeadMoved, knownAuditHead } from '../core/auditHead'
import { insertLater } from '../core/postgresHeldWrites'

export const GENESIS_HASH = '0'.repeat(64)

export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export interface AuditInput {
  actor: string
  action: AuditAction
  /** 'channel' for a refused call, with the channel's name as the record id. */
  recordType:
    | 'family'
    | 'person'
    | 'consent'
    | 'hub'
    | 'channel'
    | 'user'
    | 'episode'
    | 'case-note'
    | 'chronology'
    | 'taf-member'
    | 'assessment'
    | 'family-plan'
    | 'review'
    | 'directory-organisation'
    | 'directory-service'
    | 'directory-import'
    | 'request-for-help'
    | 'outbound-referral'
    | 'step-up'
    | 'export-run'
    /** A backup run (its start, its end, the old backups its retention deleted); the record id is the run's. */
    | 'backup-run'
    /** A restore of a backup over the whole database (the record id is the restore's). */
    | 'database'
  /** Null only for a failed sign-in with a username nobody has. */
  recordId: string | null
  familyId?: string | null
  changes?: Record<string, unknown> | null
  at: string
}

/** The exact text hashed for an entry: every field but the hash itself, in a fixed order. */
export function canonicalEntry(row: Omit<AuditRow, 'hash'>): string {
  return JSON.stringify([row.seq, row.at, row.actor, row.action, row.recordType, row.recordId, row.familyId, row.changes, row.prevHash])
}

export function entryHash(row: Omit<AuditRow, 'hash'>): string {
  return createHash('sha256').update(canonicalEntry(row)).digest('hex')
}

/** The trail's last entry as `db` sees it (seq as a number on either engine); null for an empty trail. */
export async function lastAuditEntry(db: Pick<EntityManager, 'query'>): Promise<{ seq: number; hash: string } | null> {
  const [last] = (await db.query('SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1')) as { seq: number | string; hash: string }[]
  return last ? { seq: Number(last.seq), hash: last.hash } : null
}

export async function writeAudit(manager: EntityManager, input: AuditInput): Promise<void> {
  const last = knownAuditHead(manager) ?? (await lastAuditEntry(manager))
  const row: Omit<AuditRow, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at: input.at,
    actor: input.actor,
    action: input.action,
    recordType: input.recordType,
    recordId: input.recordId,
    familyId: input.familyId ?? null,
    changes: input.changes ? JSON.stringify(input.changes) : null,
    prevHash: last?.hash ?? GENESIS_HASH
  }
  const hash = entryHash(row)
  // Nothing in the transaction reads the entry back: on PostgreSQL it goes to the server with the
  // transaction's next question or its COMMIT (../core/postgresHeldWrites), one round trip fewer.
  await insertLater(manager, AuditEntity, { ...row, hash })
  auditHeadMoved(manager, { seq: row.seq, hash })
}

/** Field-level before/after for the fields that changed. */
export function changedFields<T extends object>(before: T, after: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {}
  for (const key of Object.keys(after) as (keyof T)[]) {
    const from = before[key] ?? null
    const to = after[key] ?? null
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[String(key)] = { from, to }
  }
  return changes
}

/** Who opened which part of a family's record: its own transaction, as reading has none. */
export function auditView(
  ctx: CallContext,
  recordType: 'family' | 'episode' | 'chronology' | 'family-plan' | 'assessment' | 'request-for-help' | 'outbound-referral' | 'step-up',
  recordId: string,
  familyId: string,
  /** Which part was read, when it was not the whole record (a kept version, say). */
  changes: Record<string, unknown> | null = null
): Promise<void> {
  return ctx.core.writes.run((manager) => writeAudit(manager, { at: ctx.now, actor: ctx.actor.name, action: 'view', recordType, recordId, familyId, changes }))
}
