// Where the database lives, in order: a --db argument, the CASEBOOK_DB environment variable, the
// machine-wide config file IT deploys, then the signed-in user's app-data folder. The machine-wide
// file is what managed desktops use, so every user of a PC opens the same database.
import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { describePostgres } from './postgres'
import { postgresSettingsSchema, type PostgresSettings } from './postgresSettings'

export const APP_FOLDER = 'Casebook'

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'a day as YYYY-MM-DD' })

export const machineConfigSchema = z.object({
  databasePath: z.string().min(1).optional(),
  exportFolder: z.string().min(1).optional(),
  /** Where the agency directory's Open Referral UK feed is: an http(s) URL, or a JSON file IT saves. */
  directoryFeed: z.string().min(1).optional(),
  /** Changes to England's bank holidays, for working days: a one-off holiday added, a moved one removed. */
  bankHolidays: z.object({ add: z.array(isoDay).default([]), remove: z.array(isoDay).default([]) }).optional(),
  /** Where backups go (a network share is fine: they are encrypted). Default: a Backups folder beside the database. */
  backupFolder: z.string().min(1).optional(),
  /** A file holding the backups' key (32 random bytes, base64), readable only by the accounts that run Casebook. */
  backupKeyFile: z.string().min(1).optional(),
  /** The backups' key itself (32 random bytes, base64), for IT that would rather keep it in this file than in a key file. */
  backupKey: z.string().min(1).optional(),
  /** Hours between backups while the app is open (default 2). */
  backupEveryHours: z.number().min(0.25).max(24).optional(),
  /** Where the app and its commands write their log (rotated). Default: per OS, see logFolders in ../log/folders.ts. */
  logFolder: z.string().min(1).optional(),
  /** A hub whose desks share one PostgreSQL database (issue 13), instead of databasePath: see ./postgresSettings. */
  postgres: postgresSettingsSchema.optional()
})
export type MachineConfig = z.infer<typeof machineConfigSchema>

/** The machine-wide config file for this OS (CASEBOOK_CONFIG overrides it, for IT and tests). */
export function machineConfigPath(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (env.CASEBOOK_CONFIG) return env.CASEBOOK_CONFIG
  if (platform === 'win32') return join(env.ProgramData ?? 'C:\\ProgramData', APP_FOLDER, 'casebook.json')
  if (platform === 'darwin') return join('/Library/Application Support', APP_FOLDER, 'casebook.json')
  return '/etc/casebook/casebook.json'
}

/** The per-user folder, the same one Electron's app.getPath('userData') gives for Casebook. */
export function userDataFolder(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER)
}

export function readMachineConfig(path = machineConfigPath()): MachineConfig {
  if (!existsSync(path)) return {}
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new Error(`The machine-wide config file ${path} is not valid JSON: ${(error as Error).message}`, { cause: error })
  }
  const parsed = machineConfigSchema.safeParse(json)
  if (!parsed.success)
    throw new Error(`The machine-wide config file ${path} has a problem: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  // Which database a desk opens must never be a guess between the two.
  if (parsed.data.databasePath && parsed.data.postgres)
    throw new Error(
      `The machine-wide config file ${path} names two databases: databasePath (a file) and postgres (a shared server). Remove databasePath if this desk shares the hub's PostgreSQL database, or postgres if it keeps its own file.`
    )
  return parsed.data
}

export type DatabaseSource = 'argument' | 'environment' | 'machine config' | 'user data'

/** The value of `--db <path>` or `--db=<path>` in an argument list. */
export function dbArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    if (a === '--db') return argv[i + 1]
    if (a.startsWith('--db=')) return a.slice(5)
  }
  return undefined
}

/**
 * A --db argument or CASEBOOK_DB names a file, and wins over the machine-wide config, as it always has.
 * The machine-wide config's `postgres` comes back as IT wrote it (`path` then names it for logs and
 * messages, without the password): its password and CA file are read by postgresConnection (./postgres)
 * only when the database is opened, so a command that opens none does not need them.
 */
export function resolveDatabasePath(options: { argv?: readonly string[]; env?: NodeJS.ProcessEnv; userData?: string } = {}): {
  path: string
  source: DatabaseSource
  postgres?: PostgresSettings
} {
  const env = options.env ?? process.env
  const fromArgument = dbArgument(options.argv ?? [])
  if (fromArgument) return { path: fromArgument, source: 'argument' }
  if (env.CASEBOOK_DB) return { path: env.CASEBOOK_DB, source: 'environment' }
  const machine = readMachineConfig(machineConfigPath(process.platform, env))
  if (machine.databasePath) return { path: machine.databasePath, source: 'machine config' }
  if (machine.postgres) return { path: describePostgres(machine.postgres), source: 'machine config', postgres: machine.postgres }
  return { path: join(options.userData ?? userDataFolder(process.platform, env), 'casebook.sqlite'), source: 'user data' }
}

/**
 * What the core takes from the machine-wide config besides the database: the directory's feed, the
 * export folder, bank holiday changes, the backup settings and the log folder.
 */
export function machineSettings(env: NodeJS.ProcessEnv = process.env): {
  directoryFeed: string | null
  exportFolder: string | null
  bankHolidays: { add: string[]; remove: string[] }
  backup: BackupSettings
  logFolder: string | null
} {
  const machine = readMachineConfig(machineConfigPath(process.platform, env))
  return {
    directoryFeed: machine.directoryFeed ?? null,
    exportFolder: machine.exportFolder ?? null,
    bankHolidays: machine.bankHolidays ?? { add: [], remove: [] },
    backup: {
      folder: machine.backupFolder ?? null,
      keyFile: machine.backupKeyFile ?? null,
      key: machine.backupKey ?? null,
      everyHours: machine.backupEveryHours ?? DEFAULT_BACKUP_SETTINGS.everyHours
    },
    logFolder: machine.logFolder ?? null
  }
}

/** IT's backup settings from the machine-wide config; null where IT set nothing (the backup module's defaults apply). */
export interface BackupSettings {
  folder: string | null
  keyFile: string | null
  key: string | null
  everyHours: number
}

/** What a core opened without IT's settings uses (tests, a read-only tool): the backup module's defaults, every 2 hours. */
export const DEFAULT_BACKUP_SETTINGS: Readonly<BackupSettings> = { folder: null, keyFile: null, key: null, everyHours: 2 }
