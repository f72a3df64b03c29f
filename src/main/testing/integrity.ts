// SQLite's own checks of a database file, on a connection opened for them alone. Not on a core's
// long-lived reader: with SQLite 3.52.0, a connection that has read an FTS5 table (people search)
// and then runs PRAGMA integrity_check or quick_check after another connection has written to it
// reports "fts5: checksum mismatch" for a file that is sound (a new connection finds it ok).
import sqlite3 from 'sqlite3'

/** PRAGMA integrity_check's findings and PRAGMA foreign_key_check's rows: ['ok'] and [] for a sound file. */
export async function checkFile(databasePath: string): Promise<{ integrity: string[]; foreignKeys: unknown[] }> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened = new sqlite3.Database(databasePath, sqlite3.OPEN_READONLY, (error) => (error ? reject(error) : resolve(opened)))
  })
  const all = (sql: string) =>
    new Promise<Record<string, unknown>[]>((resolve, reject) => db.all(sql, (error, rows) => (error ? reject(error) : resolve(rows as never))))
  try {
    db.configure('busyTimeout', 5000)
    return {
      integrity: (await all('PRAGMA integrity_check')).map((row) => String(row.integrity_check)),
      foreignKeys: await all('PRAGMA foreign_key_check')
    }
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()))
  }
}

/** What a sound file's checks answer. */
export const SOUND = { integrity: ['ok'], foreignKeys: [] }
