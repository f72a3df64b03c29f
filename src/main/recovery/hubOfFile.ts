// The hub a database file that would not open says it is, so that only that hub's backups are
// offered or restored over it (a shared backup folder may hold several hubs' under one key). Read
// from a copy in a folder of its own beside it, like what can be read (./readOnlyCopy): the file
// itself is only ever read, byte for byte.
import { constants, existsSync, readdirSync } from 'node:fs'
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import sqlite3 from 'sqlite3'
import { hubCodeOf } from '../backup/restore'
import { all, closeRaw, openRaw } from '../core/opening'

const folderMark = (databasePath: string) => `${basename(databasePath)}.hub-check-`

/** The hub code in the file at `databasePath` (and its -wal); null when there is no file, or no hub can be read in it. */
export async function hubCodeOfFile(databasePath: string): Promise<string | null> {
  if (!existsSync(databasePath)) return null
  const beside = dirname(databasePath)
  // One a crash left behind.
  for (const name of readdirSync(beside).filter((n) => n.startsWith(folderMark(databasePath)))) await rm(join(beside, name), { recursive: true, force: true })
  let folder: string | null = null
  try {
    folder = await mkdtemp(join(beside, folderMark(databasePath)))
    const copy = join(folder, basename(databasePath))
    await copyFile(databasePath, copy, constants.COPYFILE_EXCL)
    if (existsSync(`${databasePath}-wal`)) await copyFile(`${databasePath}-wal`, `${copy}-wal`, constants.COPYFILE_EXCL)
    const db = await openRaw(copy, sqlite3.OPEN_READWRITE)
    try {
      return await hubCodeOf({ query: (sql: string, params?: unknown[]) => all(db, sql, params) })
    } finally {
      await closeRaw(db)
    }
  } catch {
    return null
  } finally {
    if (folder) await rm(folder, { recursive: true, force: true })
  }
}
