// What can be read of a damaged database, from a copy: the file (and its -wal, which may hold the
// last saves) is copied into a folder of its own beside it, and a core is opened over the copy. The
// damaged file is only ever read, byte for byte, so IT still has it exactly as it was.
//
// On the copy a window signs in as usual, and what sign-in and reading write in any database (the
// count of password attempts, the audit trail's entries of sign-ins, views and refusals) is written
// to the copy, so every check that records works as it always does. Everything else is refused, by
// SQLite itself: temporary triggers, which live in the copy's connection and never in a file, stop
// every other insert, update and delete. The copy is deleted when the window moves on (a restore)
// or Casebook closes; one a crash left behind is deleted by the next read-only opening.
import type { DataSource } from 'typeorm'
import { openReader } from '../core/database'
import { AppError } from '../core/errors'
import { WriteQueue, type WriteWork } from '../core/writeQueue'
import type { OpenedStore } from '../core/casebook'
import { copyBeside } from './copyBeside'

/** The message every refused write of the copy raises inside SQLite, and the one the window is told. */
const TRIGGER_MESSAGE = 'casebook: read-only copy'
export const READ_ONLY_COPY =
  'This is a read-only copy of what could be read from the damaged database, so nothing can be saved. Restore a backup to carry on working.'

/** Columns of app_user that signing in writes (the attempt count and lock, the time of the last sign-in). */
const SIGN_IN_COLUMNS = new Set(['failed_attempts', 'locked_until', 'last_sign_in_at'])

/** Turns the triggers' refusal into the window's message; any other failure is the copy's damage or the disk's. */
class CopyWriteQueue extends WriteQueue {
  override run<T>(work: WriteWork<T>): Promise<T> {
    return super.run(work).catch((error: unknown) => {
      throw String((error as Error)?.message ?? error).includes(TRIGGER_MESSAGE) ? new AppError('UNAVAILABLE', READ_ONLY_COPY) : error
    })
  }
}

/** Temporary triggers that refuse every write but sign-in's and the audit trail's new entries. */
async function refuseWrites(writer: DataSource): Promise<void> {
  const raise = `BEGIN SELECT RAISE(ABORT, '${TRIGGER_MESSAGE}'); END`
  const tables = (await writer.query(
    `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`
  )) as {
    name: string
  }[]
  let n = 0
  const trigger = (when: string, table: string) => writer.query(`CREATE TEMP TRIGGER read_only_${n++} BEFORE ${when} ON main."${table}" ${raise}`)
  for (const { name } of tables) {
    if (name !== 'audit_entry') await trigger('INSERT', name)
    await trigger('DELETE', name)
    if (name !== 'app_user') {
      await trigger('UPDATE', name)
      continue
    }
    const columns = ((await writer.query(`SELECT name FROM pragma_table_info('app_user')`)) as { name: string }[]).map((c) => c.name)
    const others = columns.filter((c) => !SIGN_IN_COLUMNS.has(c))
    if (others.length) await trigger(`UPDATE OF ${others.map((c) => `"${c}"`).join(', ')}`, name)
  }
}

export interface ReadOnlyCopy {
  /** The copied database file. */
  path: string
  /** Opens the copy's connections, for a core (casebook.ts's openWith). */
  open(): Promise<OpenedStore>
  /** Deletes the copy: call once its core is closed. */
  remove(): Promise<void>
}

/** Copies the damaged database (and its -wal) into a new folder beside it. The original is only read. */
export async function copyForReading(databasePath: string): Promise<ReadOnlyCopy> {
  const { path, remove } = await copyBeside(databasePath, 'read-only-copy')
  const open = async (): Promise<OpenedStore> => {
    // Opened as the core's reader is (every entity, no migrations), then allowed to write what the triggers let through.
    const writer = await openReader(path)
    let opened: DataSource
    try {
      await writer.query('PRAGMA query_only = OFF')
      await refuseWrites(writer)
      opened = await openReader(path)
    } catch (error) {
      await writer.destroy()
      throw error
    }
    const writes = new CopyWriteQueue(writer)
    return {
      reader: opened,
      writes,
      backupPath: null,
      async close() {
        await writes.drain()
        await opened.destroy()
        await writer.destroy()
      }
    }
  }
  return { path, open, remove }
}
