// Another program holding the database's write lock for several seconds while an export runs (the
// app beside a scheduled export, a long import): the run's own writes wait and try again, its
// progress bar only falls behind, and the command line ends with the run's outcome, never hanging.
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

it('finishes the run when another program holds the write lock for longer than one busy wait', async () => {
  const other = new sqlite3.Database(w.t.databasePath)
  const run = (sql: string) => new Promise<void>((resolve, reject) => other.run(sql, (e) => (e ? reject(e) : resolve())))
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
        await run('BEGIN IMMEDIATE')
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
  await new Promise<void>((resolve) => other.close(() => resolve()))
  expect({ code, lines }).toEqual({ code: EXPORT_EXIT.written, lines: [expect.stringMatching(/^Exported package TH-.*-000002 \(incremental/)] })
}, 90_000)
