// Plain SQL on a database file, outside the app and outside TypeORM, for tests that read a copy, look
// at a file without opening it as the app would (which might migrate or tidy it), or change it as
// someone holding the file would. Each call opens its own connection and closes it: nothing is left
// holding the file when the test goes on to open, copy or restore it.
import sqlite3 from 'sqlite3'
import { all, closeRaw, openRaw } from '../core/opening'

/** The rows `sql` answers, on a connection of its own (read-only unless `mode` says otherwise). */
export async function rawAll<T = Record<string, unknown>>(
  path: string,
  sql: string,
  params: unknown[] = [],
  mode: number = sqlite3.OPEN_READONLY
): Promise<T[]> {
  const db = await openRaw(path, mode)
  try {
    return await all<T>(db, sql, params)
  } finally {
    await closeRaw(db)
  }
}

/** Runs statements (several, separated by semicolons) on a file that exists: a copy before it is encrypted, or a file a test damages. */
export async function rawExec(path: string, sql: string): Promise<void> {
  const db = await openRaw(path, sqlite3.OPEN_READWRITE)
  try {
    await new Promise<void>((resolve, reject) => db.exec(sql, (error) => (error ? reject(error) : resolve())))
  } finally {
    await closeRaw(db)
  }
}

/** Tampering as someone with the file would: outside the app, the audit trail's guards dropped first. */
export function tamper(path: string, sql: string): Promise<void> {
  return rawExec(path, `DROP TRIGGER IF EXISTS audit_entry_no_update; DROP TRIGGER IF EXISTS audit_entry_no_delete; ${sql}`)
}
