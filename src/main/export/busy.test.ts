// Another program holding the database's write lock for several seconds while an export runs (the
// app beside a scheduled export, a long import): the run's own writes wait and try again, its
// progress bar only falls behind, and the command line ends with the run's outcome, never hanging.
// On PostgreSQL the write lock is the audit chain head's row lock (core/dialect.ts BEGIN_WRITE),
// held by another desk's transaction.
import pg from 'pg'
import sqlite3 from 'sqlite3'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { exportAs, exportWorld, type ExportWorld } from './exportTestWorld'
import { exportCommand, EXPORT_EXIT } from '../cli/exportCommand'

let w: ExportWorld
beforeAll(async () => {
  w = await exportWorld('export-busy')
  await exportAs(w.molly, { kind: 'full' })
}, 60_000)
afterAll(async () => {
  await w.t.dispose()
})

/** Another program's connection to the database, and how it takes and gives back the write lock. */
async function otherProgram(): Promise<{ run: (sql: string) => Promise<void>; take: string; close: () => Promise<void> }> {
  if (w.t.postgres) {
    const { host, port, database, user } = w.t.postgres
    const client = new pg.Client({ host, port, database, user })
    await client.connect()
    return {
      run: (sql) => client.query(sql).then(() => undefined),
      take: 'BEGIN; SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE',
      close: () => client.end()
    }
  }
  const other = new sqlite3.Database(w.t.databasePath)
  return {
    run: (sql) => new Promise<void>((resolve, reject) => other.run(sql, (e) => (e ? reject(e) : resolve()))),
    take: 'BEGIN IMMEDIATE',
    close: () => new Promise<void>((resolve) => other.close(() => resolve()))
  }
}

it('finishes the run when another program holds the write lock for longer than one busy wait', async () => {
  const { run, take, close } = await otherProgram()
  const core = w.t.casebook.core
  const snapshot = core.snapshot!
  let released: Promise<void> | null = null
  // The lock is taken as the run reads its snapshot, and held for 8 s (the busy timeout is 5 s).
  core.snapshot = async () => {
    core.snapshot = snapshot
    const reader = await snapshot()
    const query = reader.query.bind(reader)
    let taken = false
    reader.query = (async (sql: string, params?: unknown[]) => {
      const rows = await query(sql, params)
      if (!taken && /MAX\(seq\)/.test(sql)) {
        taken = true
        await run(take)
        released = new Promise((resolve) => setTimeout(() => void run('COMMIT').then(resolve), 8_000))
      }
      return rows
    }) as typeof reader.query
    return reader
  }
  await w.t.ok('families.update', {
    id: w.family.id,
    version: (await w.t.ok('families.get', { id: w.family.id })).family.version,
    family: { ...(await w.t.ok('families.get', { id: w.family.id })).family, town: 'Leeds' }
  })
  const lines: string[] = []
  const code = await exportCommand(w.molly, { kind: 'incremental', pseudonymised: false }, (l) => lines.push(l))
  expect(released).not.toBeNull()
  await released
  await close()
  expect({ code, lines }).toEqual({ code: EXPORT_EXIT.written, lines: [expect.stringMatching(/^Exported package TH-.*-000002 \(incremental/)] })
}, 90_000)
