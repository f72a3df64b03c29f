// The headless core, constructed over a database path. The Electron main process, the CLI, the
// browser test harness and the integration tests all build exactly this.
import { userInfo } from 'node:os'
import { PERMISSIONS } from '../../shared/contract'
import type { HubRecord } from '../../shared/hub/schemas'
import type { Result } from '../../shared/result'
import { systemClock, type Clock } from './clock'
import type { Actor, Core, WindowHost } from './context'
import { endSession, newSession } from './session'
import { followAccount } from '../accounts/follow'
import { ROLE_PERMISSIONS, type Permission } from '../../shared/roles'
import { OWASP_SCRYPT, type ScryptCost } from '../accounts/passwords'
import type { DataSource } from 'typeorm'
import { openDatabase, openReadOnlyDatabase, openReader } from './database'
import { describePostgres, openPostgresDatabase, postgresDataSource, type PostgresConnection } from './postgres'
import { checkMigrated } from './postgresRoles'
import { postgresProblem } from './postgresProblems'
import type { OpenMode } from './opening'
import { DEFAULT_BACKUP_SETTINGS, type BackupSettings, type DatabaseSource } from './config'
import { errorFields, silentLog, type Log } from '../log/log'
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
import { recoveryHandlers } from '../recovery/handlers'
import { backupHandlers } from '../backup/handlers'
import { changesHandlers } from '../changes/handlers'
import { ChangeListener } from '../changes/listener'
import { BackupService } from '../backup/service'
import { recordBeforeUpgrade } from '../backup/beforeUpgrade'
import { AppError } from './errors'

export interface OpenOptions {
  /** The SQLite file; for a PostgreSQL core, how its database is named in logs (describePostgres). */
  databasePath: string
  /** A hub whose desks share one PostgreSQL database (issue 13): used instead of the file. */
  postgres?: PostgresConnection
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
  /** IT's backup settings (the machine-wide config's backupFolder, backupKeyFile, backupKey, backupEveryHours). */
  backup?: BackupSettings
  /** Where this core writes what it did (events and codes only); silent when not given. */
  log?: Log
  /**
   * Backups on their own (every backupEveryHours while open, and at the day's first sign-in): the app's
   * core turns this on; tests, the browser harness and the command line take backups only when asked.
   */
  scheduleBackups?: boolean
  /**
   * Opens the database some other way than by `mode` (the recovery screen's read-only copy of a damaged
   * file, which the checks would refuse): a core over it that cannot be swapped by a restore.
   */
  openWith?: () => Promise<OpenedStore>
}

/** A database's connections as the core holds them: what close() shuts, and a restore shuts and opens again. */
export interface OpenedStore {
  reader: DataSource
  writes: WriteQueue
  backupPath: string | null
  /** What this desk hears of other desks' saves, on a shared PostgreSQL database. */
  changes?: ChangeListener
  close(): Promise<void>
}

/**
 * What a restore asks of the core it replaces the database under: `replace` waits for the calls under
 * way, closes every connection, runs `swap` on the closed file, then opens it again in the same Core
 * (migrating it if it is older, after its own pre-migration copy). Every window's session ends.
 */
export interface DatabaseControl {
  replace<T>(swap: () => Promise<T>): Promise<T>
}

const controls = new WeakMap<Core, DatabaseControl>()

/** The control of a core whose database a restore may replace; undefined for a read-only core. */
export const databaseControl = (core: Core): DatabaseControl | undefined => controls.get(core)

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
    .register(recoveryHandlers)
    .register(backupHandlers)
    .register(changesHandlers)
    .seal()
}

const CLOSING = { code: 'UNAVAILABLE', message: 'Casebook is closing. Nothing more can be saved until it is opened again.' } as const
const RESTORING = { code: 'UNAVAILABLE', message: 'Casebook is restoring a backup. Nothing was saved. Sign in again in a moment.' } as const
/** Why every window was signed out: said on the sign-in page. */
export const SIGNED_OUT_BY_RESTORE = 'An administrator restored a backup, so everyone was signed out. Sign in again.'
/** How long a restore waits for the calls already under way before it closes the database under them. */
const CALLS_GRACE_MS = 10_000

/** Reading whether the window is signed in, or waiting to hear of other desks' saves, is not using it: only other calls keep it awake. */
const countsAsActivity = (channel: string) => channel !== 'auth.status' && channel !== 'changes.wait'

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
  const log = options.log ?? silentLog
  const backupSettings = options.backup ?? DEFAULT_BACKUP_SETTINGS
  // IT's log names the file and why it was refused (the code; the message is for the person at the desk).
  function failedToOpen(error: unknown): never {
    log.error('database.open-failed', { path: options.databasePath, mode, ...errorFields(error) })
    throw error
  }
  // For a read-only core, closing also tidies the side files its reading made.
  const openStore = async (mode: OpenMode): Promise<OpenedStore> => {
    if (options.openWith) return options.openWith()
    if (options.postgres) return openPostgresStore(options.postgres, mode)
    if (mode === 'readOnly') {
      const opened = await openReadOnlyDatabase(options.databasePath, options.source).catch(failedToOpen)
      log.info('database.opened', { path: options.databasePath, mode })
      const close = async () => {
        await opened.reader.destroy()
        await opened.release()
      }
      return { reader: opened.reader, writes: new WriteQueue(null), backupPath: null, close }
    }
    const opened = await openDatabase(options.databasePath, () => clock.now(), { mode, source: options.source, backup: backupSettings }).catch(failedToOpen)
    const writes = new WriteQueue(opened.dataSource)
    let reader: DataSource
    try {
      await ensureHub(writes, options.hub)
      // The backup taken before the migrations, recorded now that its table is there.
      if (opened.beforeUpgrade) await recordBeforeUpgrade(writes, opened.beforeUpgrade, log)
      reader = await openReader(options.databasePath)
    } catch (error) {
      await opened.dataSource.destroy()
      failedToOpen(error)
    }
    log.info('database.opened', { path: options.databasePath, mode, state: opened.state })
    const backupPath = opened.beforeUpgrade?.path ?? null
    if (opened.migrated.length > 0)
      log.info('database.migrated', { migrations: opened.migrated.length, last: opened.migrated.at(-1) ?? null, backup: backupPath })
    const close = async () => {
      await writes.drain()
      await reader.destroy()
      await opened.dataSource.destroy()
    }
    return { reader, writes, backupPath, close }
  }
  // The desks' shared database. Only `create` migrates it (under a lock, so two runs take turns): IT's
  // migrate command, as the owner role (../cli/migrateCommand), and the tests. A desk's role may not
  // change the tables, so a desk refuses a database whose migrations are not this Casebook's, saying
  // what IT must run (./postgresRoles). No file to back up or restore here: IT backs up the server.
  const openPostgresStore = async (connection: PostgresConnection, mode: OpenMode): Promise<OpenedStore> => {
    const path = describePostgres(connection)
    const refused = (error: unknown): never => failedToOpen(postgresProblem(error, connection))
    if (mode === 'readOnly') {
      const reader = postgresDataSource(connection, { readOnly: true })
      await reader.initialize().catch(refused)
      await checkMigrated(reader, connection).catch(async (error: unknown) => {
        await reader.destroy()
        refused(error)
      })
      log.info('database.opened', { path, mode })
      return { reader, writes: new WriteQueue(null), backupPath: null, close: () => reader.destroy() }
    }
    const opened = await openPostgresDatabase(connection, { migrate: mode === 'create' }).catch(refused)
    if (mode !== 'create')
      await checkMigrated(opened.dataSource, connection).catch(async (error: unknown) => {
        await opened.dataSource.destroy()
        refused(error)
      })
    const writes = new WriteQueue(opened.dataSource)
    try {
      await ensureHub(writes, options.hub)
    } catch (error) {
      await opened.dataSource.destroy()
      refused(error)
    }
    log.info('database.opened', { path, mode })
    if (opened.migrated.length > 0) log.info('database.migrated', { migrations: opened.migrated.length, last: opened.migrated.at(-1) ?? null, backup: null })
    const changes = new ChangeListener(connection)
    await changes.start()
    const close = async () => {
      await changes.close()
      await writes.drain()
      await opened.dataSource.destroy()
    }
    return { reader: opened.dataSource, writes, backupPath: null, changes, close }
  }
  /** One connection of its own for a long read that must see one moment (the export). */
  const openSnapshot = async (): Promise<DataSource> => {
    if (!options.postgres) return openReader(options.databasePath)
    const snapshot = postgresDataSource({ ...options.postgres, poolSize: 1 })
    return snapshot.initialize()
  }
  let store = await openStore(mode)
  const core: Core = {
    db: store.reader,
    writes: store.writes,
    clock,
    passwordCost: options.passwordCost ?? OWASP_SCRYPT,
    workingDays: new WorkingDays(options.bankHolidays),
    directoryFeed: options.directoryFeed ?? null,
    exportFolder: options.exportFolder ?? null,
    snapshot: mode === 'readOnly' ? null : openSnapshot,
    log,
    databasePath: options.databasePath,
    backupSettings,
    backups: new BackupService(() => core),
    changes: store.changes ?? null
  }
  if (options.scheduleBackups && mode !== 'readOnly' && !options.openWith && !options.postgres) core.backups.scheduler.start()
  const router = buildRouter()
  let closed = false
  // A restore: new calls are refused while it swaps the file; `generation` counts the databases this
  // core has had, and a window whose session began under an earlier one is signed out.
  let replacing = false
  let generation = 0
  let broken: { code: 'UNAVAILABLE'; message: string } | null = null
  let replacement: Promise<unknown> | null = null
  let calls = 0
  const callEnded = new Set<() => void>()
  const fewerCalls = (most: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, CALLS_GRACE_MS)
      function done() {
        clearTimeout(timer)
        callEnded.delete(check)
        resolve()
      }
      function check() {
        if (calls <= most) done()
      }
      callEnded.add(check)
      check()
    })
  if (mode !== 'readOnly' && !options.openWith && !options.postgres)
    controls.set(core, {
      async replace(swap) {
        if (closed || replacing || broken) throw new AppError('CONFLICT', 'Casebook is closing, or already restoring a backup. Nothing was changed.')
        replacing = true
        const replaced = (async () => {
          // The call that asked (when a window asked) is the one left.
          await fewerCalls(1)
          await store.close()
          const swapped = await swap().then(
            (value) => ({ value }),
            (error: unknown) => ({ error })
          )
          // Windows are signed out only when the database changed under them.
          if (!('error' in swapped)) generation++
          try {
            store = await openStore('existing')
          } catch (error) {
            const why = error instanceof Error ? error.message : String(error)
            broken = { code: 'UNAVAILABLE', message: `Casebook could not open its database again after the restore: ${why}` }
            throw error
          }
          core.db = store.reader
          core.writes = store.writes
          if ('error' in swapped) throw swapped.error
          return swapped.value
        })()
        replacement = replaced
        try {
          return await replaced
        } finally {
          replacing = false
          replacement = null
        }
      }
    })
  return {
    core,
    get backupPath() {
      return store.backupPath
    },
    connect(trusted, window) {
      const session = newSession(clock.now().getTime())
      let sessionGeneration = generation
      const trustedActor: Actor | null = trusted
        ? { name: trusted.name, userId: trusted.userId ?? null, permissions: trusted.permissions ?? new Set(PERMISSIONS) }
        : null
      return {
        invoke: async (channel, input) => {
          if (closed) return { ok: false, error: CLOSING }
          if (broken) return { ok: false, error: broken }
          if (replacing) return { ok: false, error: RESTORING }
          const startedUnder = generation
          calls++
          try {
            const now = clock.now()
            if (sessionGeneration !== generation) {
              if (session.user) endSession(session, SIGNED_OUT_BY_RESTORE)
              sessionGeneration = generation
            }
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
            // A call still running when Casebook closed (or a restore closed the database under it) failed
            // because of that, not for its own reasons.
            if (!result.ok && result.error.code === 'INTERNAL') {
              if (closed) return { ok: false, error: CLOSING }
              if (replacing || generation !== startedUnder) return { ok: false, error: RESTORING }
            }
            return result
          } catch (error) {
            // The router answers every call itself; this is for what fails around it (a closed database).
            return { ok: false, error: unexpectedError(String(channel), error, log) }
          } finally {
            calls--
            for (const check of [...callEnded]) check()
          }
        }
      }
    },
    async close() {
      if (closed) return
      closed = true
      // A backup under way is stopped (and recorded as failed) while the database can still be written.
      await core.backups.stop()
      // A restore under way opens the database again before it ends: closed after it.
      await replacement?.catch(() => undefined)
      if (!broken) await store.close()
    }
  }
}
