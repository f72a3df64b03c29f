import type { ChangeListener } from '../changes/listener'
import type { DataSource } from 'typeorm'
import type { Permission } from '../../shared/contract'
import type { ScryptCost } from '../accounts/passwords'
import type { Clock } from './clock'
import type { WriteQueue } from './writeQueue'
import type { Session } from './session'
import type { WorkingDays } from './workingDays'
import type { Log } from '../log/log'
import type { BackupSettings } from './config'
import type { BackupService } from '../backup/service'

export type { Session } from './session'

/** What every service is given: the database for reads, the queue for writes, the clock. */
export interface Core {
  /** For reads only, on a connection of its own: it sees what has been committed, nothing else. */
  db: DataSource
  writes: WriteQueue
  clock: Clock
  /** scrypt's cost for new password hashes: OWASP's unless a test lowers it. */
  passwordCost: ScryptCost
  /** England's working days, with IT's changes to the bank holidays. */
  workingDays: WorkingDays
  /** The agency directory's feed (a URL or a file), as IT set it; null when there is none. */
  directoryFeed: string | null
  /** Where export packages go (the machine-wide config's exportFolder, or the command line's --out); null when unset. */
  exportFolder: string | null
  /**
   * A connection of its own for one long read that must see one moment (the export): the caller
   * begins a transaction on it, and destroys it after. Null for a read-only core.
   */
  snapshot: (() => Promise<DataSource>) | null
  /** The log IT reads (../log): events and codes, never a record's contents. */
  log: Log
  /** The database file this core was opened over (backups copy it, restore replaces it). */
  databasePath: string
  /** IT's backup settings (the machine-wide config). */
  backupSettings: BackupSettings
  /** This core's backups: the run under way and its progress, the schedule (../backup/service). */
  backups: BackupService
  /** On a shared PostgreSQL database, what this desk hears of other desks' saves (../changes/listener); null on SQLite. */
  changes: ChangeListener | null
}

/** Who is calling: the signed-in user, or a trusted in-process caller (the CLI, tests). */
export interface Actor {
  name: string
  /** The signed-in user's id; null for a trusted in-process caller. */
  userId: string | null
  permissions: ReadonlySet<Permission>
}

/**
 * What the window a call came from can do that the core cannot: the desktop app's window saves a
 * page as a PDF (the browser harness's page does the same with the same Chromium). The command
 * line and other trusted callers have no window.
 */
export interface WindowHost {
  /** Asks where to save, then writes the page as printed; the path, or null if the user cancelled. */
  savePdf(fileName: string): Promise<string | null>
  /**
   * Asks where to save, then writes `content` (UTF-8 text) there; the path, or null if the user cancelled.
   * Optional: the desktop window and the browser harness have it; a test's host that never saves a file may leave it out.
   */
  saveFile?(fileName: string, content: string): Promise<string | null>
}

export interface CallContext {
  core: Core
  /** The calling window's own abilities, if it has any. */
  window: WindowHost | null
  /** The caller, or an actor with no permissions when nobody is signed in. */
  actor: Actor
  signedIn: boolean
  session: Session
  /** The call's time, ISO-8601: one value for every row the call writes. */
  now: string
}
