// The headless core, constructed over a database path. The Electron main process, the CLI, the
// browser test harness and the integration tests all build exactly this.
import { userInfo } from 'node:os'
import { PERMISSIONS } from '../../shared/contract'
import type { HubRecord } from '../../shared/hub/schemas'
import type { Result } from '../../shared/result'
import { systemClock, type Clock } from './clock'
import type { Actor, Core, WindowHost } from './context'
import { newSession } from './session'
import { followAccount } from '../accounts/follow'
import { ROLE_PERMISSIONS, type Permission } from '../../shared/roles'
import { OWASP_SCRYPT, type ScryptCost } from '../accounts/passwords'
import type { DataSource } from 'typeorm'
import { openDatabase, openReadOnlyDatabase, openReader } from './database'
import type { OpenMode } from './opening'
import type { DatabaseSource } from './config'
import { Router, unexpectedError } from './router'
import { WorkingDays, type BankHolidayChanges } from './workingDays'
import { WriteQueue } from './writeQueue'
import { ensureHub } from '../hub/service'
import { hubHandlers } from '../hub/service'
import { searchHandlers } from '../search/handlers'
import { familyHandlers } from '../families/handlers'
import { consentHandlers } from '../consent/handlers'
import { auditHandlers } from '../audit/handlers'
import { accountHandlers } from '../accounts/handlers'
import { earlyHelpHandlers } from '../earlyHelp/handlers'
import { draftHandlers } from '../drafts/service'
import { directoryHandlers } from '../directory/handlers'
import { referralHandlers } from '../referrals/handlers'
import { exportHandlers } from '../export/handlers'

export interface OpenOptions {
  databasePath: string
  /**
   * existing (the default): only a Casebook database that is already there. create: may also make
   * a new one where there is no file (init, a desk's first start). readOnly: reads, never writes
   * (no migrations, no hub row), and every write through the core is refused.
   */
  mode?: OpenMode
  /** Where the path came from (--db, CASEBOOK_DB, the machine-wide config), so a refusal says where to correct it. */
  source?: DatabaseSource
  clock?: Clock
  /** scrypt's cost for new passwords. Tests lower it; the app never sets it. */
  passwordCost?: ScryptCost
  /** IT's changes to England's bank holidays (the machine-wide config's bankHolidays). */
  bankHolidays?: BankHolidayChanges
  /** The agency directory's Open Referral UK feed: a URL or a file path (the machine-wide config's directoryFeed). */
  directoryFeed?: string | null
  /** The hub's settings for a database opened for the first time. */
  hub?: HubRecord
  /** Where export packages go (the machine-wide config's exportFolder, or the command line's --out). */
  exportFolder?: string | null
}

/** One window's, page's or command's way in: every call answers a Result and never throws. */
export interface Connection {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>
}

export interface Casebook {
  readonly core: Core
  readonly backupPath: string | null
  /**
   * A window's connection: nobody is signed in until it calls auth.signIn. A trusted in-process
   * caller (the command line, tests) names itself instead and holds every permission it is given.
   */
  connect(trusted?: { name: string; userId?: string; permissions?: ReadonlySet<Permission> }, window?: WindowHost): Connection
  close(): Promise<void>
}

const NOBODY: Actor = { name: 'not signed in', userId: null, permissions: new Set() }

export function buildRouter(): Router {
  return new Router()
    .register(hubHandlers)
    .register(searchHandlers)
    .register(familyHandlers)
    .register(consentHandlers)
    .register(auditHandlers)
    .register(accountHandlers)
    .register(earlyHelpHandlers)
    .register(draftHandlers)
    .register(directoryHandlers)
    .register(referralHandlers)
    .register(exportHandlers)
    .seal()
}

const CLOSING = { code: 'UNAVAILABLE', message: 'Casebook is closing. Nothing more can be saved until it is opened again.' } as const

/** Reading whether the window is signed in is not using it: only other calls keep it awake. */
const countsAsActivity = (channel: string) => channel !== 'auth.status'

export function desktopUserName(): string {
  try {
    return userInfo().username
  } catch {
    return 'unknown user'
  }
}

export async function openCasebook(options: OpenOptions): Promise<Casebook> {
  const clock = options.clock ?? systemClock
  const mode = options.mode ?? 'existing'
  // What close() shuts after the reader: the connection that writes, or for a read-only core the
  // tidying of the side files its reading made.
  let dataSource: Pick<DataSource, 'destroy'>
  let reader: DataSource
  let writes: WriteQueue
  let backupPath: string | null = null
  if (mode === 'readOnly') {
    const opened = await openReadOnlyDatabase(options.databasePath, options.source)
    reader = opened.reader
    dataSource = { destroy: opened.release }
    writes = new WriteQueue(null)
  } else {
    const opened = await openDatabase(options.databasePath, () => clock.now(), { mode, source: options.source })
    dataSource = opened.dataSource
    backupPath = opened.backupPath
    writes = new WriteQueue(opened.dataSource)
    try {
      await ensureHub(writes, options.hub)
      reader = await openReader(options.databasePath)
    } catch (error) {
      await opened.dataSource.destroy()
      throw error
    }
  }
  const core: Core = {
    db: reader,
    writes,
    clock,
    passwordCost: options.passwordCost ?? OWASP_SCRYPT,
    workingDays: new WorkingDays(options.bankHolidays),
    directoryFeed: options.directoryFeed ?? null,
    exportFolder: options.exportFolder ?? null,
    snapshot: mode === 'readOnly' ? null : () => openReader(options.databasePath)
  }
  const router = buildRouter()
  let closed = false
  return {
    core,
    backupPath,
    connect(trusted, window) {
      const session = newSession(clock.now().getTime())
      const trustedActor: Actor | null = trusted
        ? { name: trusted.name, userId: trusted.userId ?? null, permissions: trusted.permissions ?? new Set(PERMISSIONS) }
        : null
      return {
        invoke: async (channel, input) => {
          if (closed) return { ok: false, error: CLOSING }
          try {
            const now = clock.now()
            if (!trustedActor) {
              // The account may have changed since the last call, or the window been idle too long.
              await followAccount(core.db, session, now.getTime())
              if (session.user && !session.locked && countsAsActivity(channel)) session.lastCallAt = now.getTime()
            }
            const actor =
              trustedActor ??
              (session.user ? { name: session.user.username, userId: session.user.id, permissions: ROLE_PERMISSIONS[session.user.role] } : NOBODY)
            const result = await router.dispatch(channel, input, {
              core,
              window: window ?? null,
              actor,
              signedIn: actor !== NOBODY,
              session,
              now: now.toISOString()
            })
            // A call still running when Casebook closed failed because it closed, not for its own reasons.
            return closed && !result.ok && result.error.code === 'INTERNAL' ? { ok: false, error: CLOSING } : result
          } catch (error) {
            // The router answers every call itself; this is for what fails around it (a closed database).
            return { ok: false, error: unexpectedError(String(channel), error) }
          }
        }
      }
    },
    async close() {
      if (closed) return
      closed = true
      await writes.drain()
      await reader.destroy()
      await dataSource.destroy()
    }
  }
}
