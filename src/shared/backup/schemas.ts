// Backups as the Backups screen and the command line see them: the files in the backup folder (each
// an encrypted, checked copy of the database), the runs that made them or failed to, and restoring one.
import { z } from 'zod'

/** What started a backup: the day's first sign-in, the timer while the app is open, an upgrade, an administrator, IT's command line. */
export const BACKUP_REASONS = ['sign-in', 'schedule', 'before-upgrade', 'manual', 'command'] as const
export const backupReason = z.enum(BACKUP_REASONS)
export type BackupReason = z.infer<typeof backupReason>

export const BACKUP_STATUS = ['running', 'ok', 'failed'] as const
export const backupStatus = z.enum(BACKUP_STATUS)
export type BackupStatus = z.infer<typeof backupStatus>

/**
 * A backup file's name: Casebook makes every one and a window can only name one of them, so no
 * value can steer a path (no separators, no dots but the extension's).
 */
export const BACKUP_FILE_NAME = /^casebook-[a-z0-9-]{1,60}\.cbbackup$/
export const backupFileName = z.string().regex(BACKUP_FILE_NAME, { error: 'Choose one of the backups in the backup folder' })

/**
 * The audit trail's last entry when a backup or an export was made: verification checks the live trail
 * still holds it. firstHash is the hash of the trail's first entry: which database's trail the anchor
 * belongs to (a copy or a restored backup of a database shares it; another database never does).
 * databaseId is the database's own id (hub.database_id, made once): a trail replaced whole, its first
 * entry included, keeps it, so an anchor with this database's id and another first entry shows the replacement.
 */
export const auditAnchor = z.object({ seq: z.number().int().min(0), hash: z.string(), firstHash: z.string().optional(), databaseId: z.string().optional() })
export type AuditAnchor = z.infer<typeof auditAnchor>

/** A backup file in the backup folder, as its unencrypted header describes it (not authenticated until a restore decrypts the file). */
export const backupFile = z.object({
  fileName: backupFileName,
  takenAt: z.string(),
  reason: backupReason,
  /** The encrypted file's size, in bytes. */
  bytes: z.number().int(),
  /** SHA-256 of the encrypted file, as recorded when it was written. */
  sha256: z.string().nullable(),
  /** The last migration the backed-up database had: a backup from a newer Casebook cannot be restored here. */
  schemaVersion: z.string(),
  auditHead: auditAnchor.nullable(),
  /** Whether the key this machine holds is the one the backup was encrypted with. */
  keyMatches: z.boolean()
})
export type BackupFile = z.infer<typeof backupFile>

/** One run of the backup, whatever became of it. */
export const backupRun = z.object({
  id: z.string(),
  reason: backupReason,
  status: backupStatus,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  fileName: backupFileName.nullable(),
  bytes: z.number().int().nullable(),
  sha256: z.string().nullable(),
  /** Why it failed, in plain words; null when it did not. */
  message: z.string().nullable(),
  /** Who started it (display name); null for the app's own schedule or the command line. */
  startedBy: z.string().nullable(),
  /** 0 to 1 while running; 1 when finished. */
  progress: z.number().min(0).max(1)
})
export type BackupRun = z.infer<typeof backupRun>

export const BACKUP_KEY_SOURCES = ['config', 'key file', 'beside the database'] as const

export const backupOverview = z.object({
  folder: z.string(),
  /** Where the encryption key comes from: IT's config, IT's key file, or one Casebook made beside the database (IT should set one). */
  keySource: z.enum(BACKUP_KEY_SOURCES),
  everyHours: z.number(),
  /** The retention policy, in words. */
  retention: z.string(),
  newestGood: backupFile.nullable(),
  /** Hours since the newest good backup was taken; null when there is none. */
  newestGoodAgeHours: z.number().nullable(),
  running: backupRun.nullable(),
  /** Something an administrator must know: the folder cannot be reached, the last backup failed... */
  warning: z.string().nullable()
})
export type BackupOverview = z.infer<typeof backupOverview>

export const backupListInput = z.object({ limit: z.number().int().min(1).max(500).default(100) })
export const backupListOutput = z.object({
  /** The backup folder's files, newest first. */
  files: z.array(backupFile),
  /** Recent runs, newest first, failures included. */
  runs: z.array(backupRun)
})
export type BackupListOutput = z.infer<typeof backupListOutput>

export const backupProgressInput = z.object({ id: z.uuid() })

export const restoreInput = z.object({ fileName: backupFileName })
export const restoreResult = z.object({
  restoredFrom: backupFileName,
  /** Where the database it replaced was kept, beside the live one. */
  replacedKeptAt: z.string(),
  restoredAt: z.string()
})
export type RestoreResult = z.infer<typeof restoreResult>
