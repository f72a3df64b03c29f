// The backup's channels (prefix backup.): see contract.ts. Administrators (IT) see the backups, take
// one now and restore one; the folder and the key are IT's machine-wide settings, never the window's.
import { z } from 'zod'
import { channel, type ChannelSpec } from '../channel'
import { backupListInput, backupListOutput, backupOverview, backupProgressInput, backupRun, restoreInput, restoreResult } from './schemas'

export const backupChannels = {
  'backup.overview': channel(z.object({}), backupOverview, 'backup.manage'),
  'backup.list': channel(backupListInput, backupListOutput, 'backup.manage'),
  /** Starts a backup and answers at once; the window follows it with backup.progress. */
  'backup.start': channel(z.object({}), backupRun, 'backup.manage'),
  'backup.progress': channel(backupProgressInput, backupRun, 'backup.manage'),
  /** Checks the backup, then swaps it in for the live database (kept beside it); every window is signed out. */
  'backup.restore': channel(restoreInput, restoreResult, 'backup.manage')
} as const satisfies Record<string, ChannelSpec>
