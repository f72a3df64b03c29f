// What the window is told when Casebook could not open its database as it should: what happened in
// plain words, the newest good backup, and what may be done about it. Public: nobody can sign in to
// a database that cannot be read.
import { z } from 'zod'
import { backupFile, backupFileName } from '../backup/schemas'
import { signInInput } from '../accounts/schemas'

/**
 * damaged: SQLite's check found damage, or the file is truncated or not a database. unreadable: the
 * file or its folder cannot be read. newer: a newer Casebook made it. network: it is on a network
 * drive, where SQLite cannot keep it safe. missing: there is no database where IT said.
 */
export const RECOVERY_PROBLEMS = ['damaged', 'unreadable', 'newer', 'network', 'missing'] as const
export const recoveryProblem = z.enum(RECOVERY_PROBLEMS)
export type RecoveryProblem = z.infer<typeof recoveryProblem>

export const recoveryStatus = z.discriminatedUnion('state', [
  /** The database opened as it should: the window carries on to sign-in. */
  z.object({ state: z.literal('ok') }),
  z.object({
    state: z.enum(['recovery', 'readOnlyCopy']),
    problem: recoveryProblem,
    /** What happened and what to do, in plain words, naming the file. */
    message: z.string(),
    databasePath: z.string(),
    newestBackup: backupFile.nullable(),
    newestBackupAgeHours: z.number().nullable(),
    /** The hub the newest backup is of. */
    newestBackupHubCode: z.string().nullable(),
    /** The hub the database is, read from a copy of it; null when it cannot be known (then any hub's backup is offered: the screen names its hub). */
    hubCode: z.string().nullable(),
    /** Restoring is offered where it is the way back: damage, a file that cannot be read or is not there. */
    canRestore: z.boolean(),
    /** Opening what can be read, read-only, from a copy (the damaged file is never touched). */
    canOpenReadOnly: z.boolean()
  })
])
export type RecoveryStatus = z.infer<typeof recoveryStatus>

/** An administrator's own account, as the backup holds it, authorises its restore. */
export const recoveryRestoreInput = signInInput.extend({ fileName: backupFileName })
export const recoveryRestoreResult = z.object({ restoredFrom: backupFileName, damagedKeptAt: z.string().nullable(), restoredAt: z.string() })
