// The database a journey starts on, when it is not a sound one: damaged (one table's page overwritten,
// as a failing disk or a crash inside the file might leave it, after a backup was taken), or made by
// a newer Casebook (a migration this version does not know). The core is then opened as the app
// opens it: a recovery core, never a blank window.
import { open } from 'node:fs/promises'
import sqlite3 from 'sqlite3'
import { openCasebookOrRecovery } from '../../src/main/recovery/recoveryCasebook'
import type { Casebook, OpenOptions } from '../../src/main/core/casebook'
import { all, closeRaw, openRaw } from '../../src/main/core/opening'

export type DatabaseOption = 'sound' | 'damaged' | 'newer'

/** The table whose page is overwritten: one no journey reads or writes, so signing in and reading a copy still work. */
const DAMAGED_TABLE = 'case_note'

/** Backs up through the core, as the Backups screen does, and waits for the run to end. */
async function backUp(casebook: Casebook): Promise<void> {
  const harness = casebook.connect({ name: 'harness' })
  const started = await harness.invoke('backup.start', {})
  if (!started.ok) throw new Error(`backup.start: ${started.error.message}`)
  let run = started.value as { id: string; status: string; message: string | null }
  while (run.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20))
    const progress = await harness.invoke('backup.progress', { id: run.id })
    if (!progress.ok) throw new Error(`backup.progress: ${progress.error.message}`)
    run = progress.value as typeof run
  }
  if (run.status !== 'ok') throw new Error(`The harness's backup failed: ${run.message}`)
}

/** Overwrites the root page of DAMAGED_TABLE with bytes no page starts with; everything written so far is in the main file first. */
async function damage(databasePath: string): Promise<void> {
  const db = await openRaw(databasePath, sqlite3.OPEN_READWRITE)
  const [pageSize, rootPage] = await (async () => {
    try {
      await all(db, 'PRAGMA wal_checkpoint(TRUNCATE)')
      const size = (await all<{ page_size: number }>(db, 'PRAGMA page_size'))[0]?.page_size
      const root = (await all<{ rootpage: number }>(db, `SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?`, [DAMAGED_TABLE]))[0]?.rootpage
      return [Number(size), Number(root)]
    } finally {
      await closeRaw(db)
    }
  })()
  if (!(pageSize > 0 && rootPage > 1)) throw new Error(`No page of ${DAMAGED_TABLE} to damage`)
  const file = await open(databasePath, 'r+')
  try {
    await file.write(Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootPage - 1) * pageSize)
    await file.sync()
  } finally {
    await file.close()
  }
}

/** Records a migration no version of Casebook so far has: the database is a newer Casebook's. */
async function makeNewer(databasePath: string): Promise<void> {
  const db = await openRaw(databasePath, sqlite3.OPEN_READWRITE)
  try {
    await all(db, `INSERT INTO migrations (timestamp, name) VALUES (9999999999999, 'FromANewerCasebook9999999999999')`)
  } finally {
    await closeRaw(db)
  }
}

/** Closes the sound core over `options.databasePath`, breaks the file as `kind` says, and opens it again as the app would. */
export async function breakDatabase(casebook: Casebook, kind: Exclude<DatabaseOption, 'sound'>, options: OpenOptions): Promise<Casebook> {
  if (kind === 'damaged') await backUp(casebook)
  await casebook.close()
  if (kind === 'damaged') await damage(options.databasePath)
  else await makeNewer(options.databasePath)
  return openCasebookOrRecovery({ ...options, mode: 'existing' })
}
