// A database file damaged as a failing disk damages one, for the recovery tests and the recovery
// screen's calls: garbage over bytes of it, or over pages SQLite's own page map names.
import { randomBytes } from 'node:crypto'
import { closeSync, openSync, rmSync, writeSync } from 'node:fs'
import sqlite3 from 'sqlite3'
import { openCasebookOrRecovery } from '../recovery/recoveryCasebook'
import { seedFamilies } from '../seed/seed'
import { signedInUser } from './accounts'
import { backupForTests } from './backupForTests'
import { rawAll } from './rawDb'
import { tempCasebook, TEST_SCRYPT } from './tempCasebook'

/** Overwrites `length` bytes at `offset`: with random ones, or each with `fill`. */
export function garbage(path: string, offset: number, length: number, fill?: number): void {
  const fd = openSync(path, 'r+')
  try {
    writeSync(fd, fill === undefined ? randomBytes(length) : Buffer.alloc(length, fill), 0, length, offset)
  } finally {
    closeSync(fd)
  }
}

/**
 * Leaf pages of the person table, in order, from SQLite's own page map. Read on a connection that may
 * write: a read-only one would leave -wal and -shm files beside a WAL-mode file, which the tests of a
 * damaged file must not find there.
 */
export async function personLeafPages(path: string): Promise<{ pages: number[]; pageSize: number }> {
  const read = <T>(sql: string) => rawAll<T>(path, sql, [], sqlite3.OPEN_READWRITE)
  const pages = (await read<{ pageno: number }>(`SELECT pageno FROM dbstat WHERE name = 'person' AND pagetype = 'leaf' ORDER BY pageno`)).map((p) => p.pageno)
  const [size] = await read<{ page_size: number }>('PRAGMA page_size')
  return { pages, pageSize: size!.page_size }
}

/**
 * A database that cannot be opened (garbage over its last leaf page of people), with a backup of it
 * beside it taken while it was sound, opened as the app opens one: in recovery. Its administrator is
 * ivy (../testing/accounts). dispose() closes it and removes its folder.
 */
export async function damagedWithBackup(name = 'damaged') {
  // A SQLite file in the PostgreSQL project too: a shared database has no file to damage, and no recovery screen.
  const r = await tempCasebook(name, { sqliteFile: true })
  await signedInUser(r, 'ivy', 'admin')
  await seedFamilies(r.casebook, { families: 60, seed: 1 })
  const backup = await backupForTests(r.databasePath)
  await r.casebook.close()
  const { pages, pageSize } = await personLeafPages(r.databasePath)
  garbage(r.databasePath, (pages.at(-1)! - 1) * pageSize, pageSize, 0xa5)
  const casebook = await openCasebookOrRecovery({ databasePath: r.databasePath, passwordCost: TEST_SCRYPT })
  return {
    dir: r.dir,
    casebook,
    backup,
    window: casebook.connect(),
    async dispose() {
      await casebook.close()
      rmSync(r.dir, { recursive: true, force: true })
    }
  }
}
