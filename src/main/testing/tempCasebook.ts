// Tests open a real SQLite file in a fresh temporary folder: no mocks of the database. In the
// PostgreSQL project (vitest.config.mts) the same tests open a real PostgreSQL database of their own
// on the test server instead; the folder is still theirs, for exports and the like.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCasebook, type Casebook, type Connection } from '../core/casebook'
import type { Clock } from '../core/clock'
import type { Result } from '../../shared/result'
import type { HubRecord } from '../../shared/hub/schemas'
import type { PostgresConnection } from '../core/postgres'
import { makeTestPostgresDatabase, testPostgresAdminUrl } from './postgresDatabase'

export interface TempCasebook {
  dir: string
  databasePath: string
  /** The test's PostgreSQL database, in the PostgreSQL project; undefined on SQLite. */
  postgres?: PostgresConnection
  casebook: Casebook
  connection: Connection
  /** invoke that fails the test unless the call succeeded, and returns its value. */
  ok<T = any>(channel: string, input: unknown): Promise<T>
  reopen(): Promise<void>
  dispose(): Promise<void>
}

/** scrypt at 2^10 keeps tests quick; the OWASP default is asserted in the accounts tests. */
export const TEST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 }

export function unwrap<T>(result: Result<unknown>, channel = 'call'): T {
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`)
  return result.value as T
}

/** The hub a test's database is made for, unless the test names another. */
export const TEST_HUB: HubRecord = { name: 'Test hub', code: 'TH', localAuthorityCode: '999' }

/**
 * `clock`: the core's time, for tests that must mean the same at any hour they run (reopen keeps it).
 * `hub`: the hub the new database is made for, for tests of several hubs' files; null for none yet, as
 * on first start before an administrator sets the hub up.
 * `sqliteFile`: a SQLite file even in the PostgreSQL project (a hub's file that is moved to the server).
 */
export async function tempCasebook(name = 'casebook', options: { clock?: Clock; hub?: HubRecord | null; sqliteFile?: boolean } = {}): Promise<TempCasebook> {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`))
  const databasePath = join(dir, 'casebook.sqlite')
  const adminUrl = options.sqliteFile ? null : testPostgresAdminUrl()
  const database = adminUrl ? await makeTestPostgresDatabase(adminUrl) : null
  const postgres = database?.connection
  const t: TempCasebook = {
    dir,
    databasePath,
    postgres,
    casebook: await openCasebook({
      databasePath,
      postgres,
      mode: 'create',
      clock: options.clock,
      passwordCost: TEST_SCRYPT,
      hub: options.hub === null ? undefined : (options.hub ?? TEST_HUB)
    }),
    connection: undefined as never,
    async ok(channel, input) {
      return unwrap(await t.connection.invoke(channel, input), channel)
    },
    async reopen() {
      await t.casebook.close()
      t.casebook = await openCasebook({ databasePath, postgres, mode: 'existing', clock: options.clock, passwordCost: TEST_SCRYPT })
      t.connection = t.casebook.connect({ name: 'tester' })
    },
    async dispose() {
      await t.casebook.close()
      await database?.drop()
      rmSync(dir, { recursive: true, force: true })
    }
  }
  t.connection = t.casebook.connect({ name: 'tester' })
  return t
}
