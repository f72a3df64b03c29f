// The database a command-line test works on, set up as IT sets one up: a SQLite file made by init and
// named with --db; or, in the PostgreSQL project (vitest.config.mts), a database of the test server
// whose tables `migrate --postgres` makes as IT's owner role, named in the machine-wide config's
// postgres section with the desks' role, which every command then opens.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openCasebook, type Casebook, type OpenOptions } from '../core/casebook'
import type { OpenMode } from '../core/opening'

/** What else the app's core is opened with (its log, its export folder, a quick password cost). */
type MoreOptions = Omit<OpenOptions, 'databasePath' | 'postgres' | 'mode'>
import type { PostgresConnection } from '../core/postgres'
import { runCommand } from './commandLine'
import { makeTestHubDatabase, testPostgresAdminUrl } from './postgresDatabase'

export interface CliDatabase {
  /** What a command is given to find the database: --db and the file, or nothing (the config names the PostgreSQL database). */
  args: string[]
  /** The core over the same database, as the app opens it. */
  open(mode?: OpenMode, more?: MoreOptions): Promise<Casebook>
  /** Writes the machine-wide config (the file CASEBOOK_CONFIG names) with these settings, and the database's. */
  configure(settings?: Record<string, unknown>): void
  /** On PostgreSQL, the database as the server's superuser (who may make test triggers); undefined on SQLite. */
  superuser?: PostgresConnection
  dispose(): Promise<void>
}

/** `dir`: the test's folder, for the SQLite file. CASEBOOK_CONFIG must name the test's own config file first. */
export async function cliDatabase(
  dir: string,
  hub: { code: string; localAuthorityCode: string } = { code: 'TH', localAuthorityCode: '999' }
): Promise<CliDatabase> {
  const configFile = process.env.CASEBOOK_CONFIG
  if (!configFile) throw new Error('Set CASEBOOK_CONFIG to the test’s own config file first')
  const hubArgs = ['--hub-code', hub.code, '--la-code', hub.localAuthorityCode]
  const adminUrl = testPostgresAdminUrl()
  if (!adminUrl) {
    const file = join(dir, 'casebook.sqlite')
    const configure = (settings: Record<string, unknown> = {}) => writeFileSync(configFile, JSON.stringify(settings))
    configure()
    const init = await runCommand('init', '--db', file, ...hubArgs)
    if (init.code !== 0) throw new Error(`init failed: ${init.out}`)
    return { args: ['--db', file], open: (mode, more) => openCasebook({ ...more, databasePath: file, mode }), configure, dispose: async () => undefined }
  }
  const hubDatabase = await makeTestHubDatabase(adminUrl)
  const { owner, desk, database } = hubDatabase
  const configure = (settings: Record<string, unknown> = {}) => writeFileSync(configFile, JSON.stringify({ ...settings, postgres: hubDatabase.section }))
  configure()
  const migrate = await runCommand('migrate', '--postgres', '--owner', owner.name, ...hubArgs)
  if (migrate.code !== 0) throw new Error(`migrate failed: ${migrate.out}`)
  return {
    args: [],
    open: (mode, more) => openCasebook({ ...more, databasePath: 'not used', postgres: hubDatabase.as(desk), mode }),
    configure,
    superuser: database.connection,
    dispose: () => hubDatabase.drop()
  }
}
