import { EntitySchema } from 'typeorm'
import { textColumn as text } from '../core/columns'

export interface AuditRow {
  seq: number
  at: string
  actor: string
  action: string
  recordType: string
  recordId: string | null
  familyId: string | null
  /** JSON: field-level before/after for updates, the new values for creates. */
  changes: string | null
  prevHash: string
  hash: string
}

export const AuditEntity = new EntitySchema<AuditRow>({
  name: 'AuditEntry',
  tableName: 'audit_entry',
  columns: {
    seq: { type: 'integer', primary: true },
    at: text('at', 32),
    actor: text('actor', 100),
    action: text('action', 30),
    recordType: text('record_type', 30),
    recordId: text('record_id', 36, true),
    familyId: text('family_id', 36, true),
    changes: { type: 'text', nullable: true },
    prevHash: text('prev_hash', 64),
    hash: text('hash', 64)
  }
})
