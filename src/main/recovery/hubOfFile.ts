// The hub a database file that would not open says it is, so that only that hub's backups are
// offered or restored over it (a shared backup folder may hold several hubs' under one key). Read
// from a copy in a folder of its own beside it, like what can be read (./readOnlyCopy): the file
// itself is only ever read, byte for byte.
import { existsSync } from 'node:fs'
import sqlite3 from 'sqlite3'
import { closeRaw, openRaw, rawQueries } from '../core/opening'
import { hubCodeIn } from '../hub/code'
import { copyBeside } from './copyBeside'

/** The hub code in the file at `databasePath` (and its -wal); null when there is no file, or no hub can be read in it. */
export async function hubCodeOfFile(databasePath: string): Promise<string | null> {
  if (!existsSync(databasePath)) return null
  let copy: { path: string; remove(): Promise<void> } | null = null
  try {
    copy = await copyBeside(databasePath, 'hub-check')
    const db = await openRaw(copy.path, sqlite3.OPEN_READWRITE)
    try {
      return await hubCodeIn(rawQueries(db))
    } finally {
      await closeRaw(db)
    }
  } catch {
    return null
  } finally {
    await copy?.remove()
  }
}
