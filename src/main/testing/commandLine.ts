// The command line run in the test's own process, as IT runs it: its exit code and everything it
// printed, one line after another.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { main } from '../cli/index'
import type { TempCasebook } from './tempCasebook'

export async function runCommand(...args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = []
  const code = await main(args, (line) => lines.push(line))
  return { code, out: lines.join('\n') }
}

/**
 * A command run on the test's database as IT would name it: its file with --db on SQLite; on
 * PostgreSQL, the machine-wide config's postgres section (a config file of the test's own, for this
 * command only), as on a desk of a shared hub.
 */
export async function runCommandOn(t: TempCasebook, ...args: string[]): Promise<{ code: number; out: string }> {
  if (!t.postgres) return runCommand(...args, '--db', t.databasePath)
  const { host, port, database, user } = t.postgres
  const config = join(t.dir, 'casebook.json')
  writeFileSync(config, JSON.stringify({ postgres: { host, port, database, user, tls: 'disable' } }))
  const before = process.env.CASEBOOK_CONFIG
  process.env.CASEBOOK_CONFIG = config
  try {
    return await runCommand(...args)
  } finally {
    if (before === undefined) delete process.env.CASEBOOK_CONFIG
    else process.env.CASEBOOK_CONFIG = before
  }
}
