// SQLite's own checks of a database file, on a connection opened for them alone. Not on a core's
// long-lived reader: with SQLite 3.52.0, a connection that has read an FTS5 table (people search)
// and then runs PRAGMA integrity_check or quick_check after another connection has written to it
// reports "fts5: checksum mismatch" for a file that is sound (a new connection finds it ok).
import sqlite3 from 'sqlite3'
import { all, closeRaw, openRaw } from '../core/opening'

/** PRAGMA integrity_check's findings and PRAGMA foreign_key_check's rows: ['ok'] and [] for a sound file. */
export async function checkFile(databasePath: string): Promise<{ integrity: string[]; foreignKeys: unknown[] }> {
  const db = await openRaw(databasePath, sqlite3.OPEN_READONLY)
  try {
    return {
      integrity: (await all<{ integrity_check: unknown }>(db, 'PRAGMA integrity_check')).map((row) => String(row.integrity_check)),
      foreignKeys: await all(db, 'PRAGMA foreign_key_check')
    }
  } finally {
    await closeRaw(db)
  }
}

/** What a sound file's checks answer. */
export const SOUND = { integrity: ['ok'], foreignKeys: [] }
