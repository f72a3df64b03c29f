// The PostgreSQL project's global set-up (vitest.config.mts): one real server for the whole run,
// its address given to that project's tests only (inject('postgresAdminUrl')), stopped at the end.
// Each test's database is its own, made and dropped by ./tempCasebook.
import type { TestProject } from 'vitest/node'
import { startPostgresServer } from './postgresServer'

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgresServer()
  // The test server's maintenance database, from which each test makes its own (./postgresDatabase).
  const provide = project.provide.bind(project) as (key: string, value: string) => void
  provide('postgresAdminUrl', server.url('postgres'))
  return () => server.stop()
}
