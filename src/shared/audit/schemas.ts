import { z } from 'zod'
import '../messages'
import { LARGEST_STORED_INTEGER } from '../fields'

/** Where an anchor (the trail's last entry as a backup or an export saw it) was found. */
export const AUDIT_ANCHOR_SOURCES = ['backup file', 'export package', 'backup run', 'export run'] as const

export const auditVerification = z.object({
  intact: z.boolean(),
  entries: z.number().int(),
  problem: z.object({ seq: z.number().int(), message: z.string() }).nullable(),
  /**
   * The anchor the trail's end was checked against: the one that shows it was cut short, or else the
   * newest the trail still holds. Absent when no backup or export has recorded the trail's end (or the
   * chain itself is broken, which is said first).
   */
  anchor: z
    .object({
      source: z.enum(AUDIT_ANCHOR_SOURCES),
      /** The backup file's or package's name (a run's id when it had none). */
      name: z.string(),
      takenAt: z.string(),
      /** The last entry it had seen. */
      seq: z.number().int(),
      /** In words: "the backup taken on 24 November 2026 at 18:30 (casebook-th-….cbbackup)". */
      description: z.string()
    })
    .optional(),
  /** Anchors found but not this trail's: another database's, the database a restore replaced, or not authenticated. */
  anchorsSetAside: z.number().int().optional(),
  /** Of those set aside, the backup files and packages whose anchor could not be authenticated (no MAC, a failing one, or another key's). */
  anchorsUnauthenticated: z.number().int().optional()
})
export type AuditVerification = z.infer<typeof auditVerification>

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'move',
  'export',
  'view',
  'withdraw',
  'confirm-not-duplicate',
  'permission-refused',
  'sign-in',
  'failed-sign-in',
  'sign-out',
  'unlock',
  /** A backup restored over the database: written into the restored database at the swap (../../main/audit/verify.ts reads it). */
  'restore',
  /** A backup run: started, finished, failed, or a file pruned by the retention policy. */
  'backup'
] as const

const TOO_LARGE = 'No entry has a number that large'
/**
 * The audit trail's entries are numbered from 1, one by one, as far as both databases hold a number
 * (LARGEST_STORED_INTEGER). `rule` says what the field takes at its lower end.
 */
const entryNumber = (least: number, rule: string) =>
  z
    .number({ error: rule })
    .int({ error: (issue) => (issue.code === 'too_big' ? TOO_LARGE : rule) })
    .min(least, { error: rule })
    .max(LARGEST_STORED_INTEGER, { error: TOO_LARGE })
    .nullable()
    .default(null)

export const auditListInput = z.object({
  familyReference: z.preprocess((v) => (v === '' ? null : v), z.string().trim().max(20).nullable()).default(null),
  personId: z.uuid().nullable().default(null),
  actor: z.preprocess((v) => (v === '' ? null : v), z.string().trim().max(100).nullable()).default(null),
  action: z.preprocess((v) => (v === '' ? null : v), z.enum(AUDIT_ACTIONS).nullable()).default(null),
  from: z.preprocess((v) => (v === '' ? null : v), z.iso.date({ error: 'Enter a real date' }).nullable()).default(null),
  to: z.preprocess((v) => (v === '' ? null : v), z.iso.date({ error: 'Enter a real date' }).nullable()).default(null),
  /** Entries before this sequence number: newest first, the next page back in time. Both bounds apply in either order. */
  beforeSeq: entryNumber(1, 'Entry numbers start at 1'),
  /** Oldest first instead of newest first: the whole trail's order, taken in the query. */
  oldestFirst: z.boolean().default(false),
  /** Entries after this sequence number (0: from the first): oldest first, the next page forward in time. */
  afterSeq: entryNumber(0, 'Entry number must be a whole number, 0 or more'),
  limit: z.number().int().min(1).max(500).default(100)
})

export const auditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  familyId: z.string().nullable(),
  familyReference: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()).nullable()
})
export type AuditEntry = z.infer<typeof auditEntry>

export const auditListOutput = z.object({ entries: z.array(auditEntry), more: z.boolean() })

/** How each action reads in the audit trail. */
export const AUDIT_ACTION_LABELS: Record<(typeof AUDIT_ACTIONS)[number], string> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Removed',
  export: 'Saved a copy outside Casebook',
  move: 'Moved to another family',
  view: 'Viewed',
  withdraw: 'Withdrew consent',
  'confirm-not-duplicate': 'Confirmed not a duplicate',
  'permission-refused': 'Refused: no permission',
  'sign-in': 'Signed in',
  'failed-sign-in': 'Failed to sign in',
  'sign-out': 'Signed out',
  unlock: 'Unlocked the screen',
  restore: 'Restored a backup',
  backup: 'Backed up'
}
