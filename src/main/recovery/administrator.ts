// Who may restore from the recovery screen: an administrator, by their username and password as the
// chosen backup holds them (nobody can sign in to a database that cannot be read). The password is
// checked as sign-in checks it (scrypt, ../accounts/passwords) against the backup's own account, and
// wrong guesses are counted here, in memory (the backup's count would be thrown away with its copy):
// five for a username, or fifteen in all, and restores wait fifteen minutes.
import sqlite3 from 'sqlite3'
import { hashPassword, verifyPassword } from '../accounts/passwords'
import { LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS } from '../accounts/policy'
import { AppError } from '../core/errors'
import { all, closeRaw, openRaw } from '../core/opening'

/** Wrong guesses of any username, in a row, before restores wait. */
const MAX_FAILED_IN_ALL = MAX_FAILED_ATTEMPTS * 3

export const NOT_AN_ADMINISTRATOR =
  'The username or password is not right for an administrator in this backup. Use an administrator’s account as it was when the backup was taken.'

interface Count {
  failed: number
  until: number
}

/**
 * Wrong passwords on the recovery screen, per username. Kept in memory only, so a restart of Casebook
 * starts the count again: the damaged database cannot be written, and the backup's copy is discarded
 * after each attempt. Each guess still costs the backup's full scrypt check plus a restart after every
 * five, and the guesser must be at the desk; accepted for that reason (issue 11).
 */
export class RestoreAttempts {
  private readonly byName = new Map<string, Count>()
  private readonly inAll: Count = { failed: 0, until: 0 }

  /** Refuses at once while a username (or every username) must wait. */
  refuseIfWaiting(username: string, now: number): void {
    const waiting = Math.max(this.byName.get(username)?.until ?? 0, this.inAll.until)
    if (waiting > now) {
      const time = new Date(waiting).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' })
      throw new AppError('UNAUTHENTICATED', `Too many wrong passwords. Try again after ${time}.`)
    }
  }

  failed(username: string, now: number): void {
    const until = now + LOCKOUT_MINUTES * 60_000
    const count = this.byName.get(username) ?? { failed: 0, until: 0 }
    count.failed++
    if (count.failed >= MAX_FAILED_ATTEMPTS) Object.assign(count, { failed: 0, until })
    this.byName.set(username, count)
    if (++this.inAll.failed >= MAX_FAILED_IN_ALL) Object.assign(this.inAll, { failed: 0, until })
  }

  succeeded(username: string): void {
    this.byName.delete(username)
    this.inAll.failed = 0
  }
}

// Compared against when there is no account to check, so that the answer takes as long either way.
let decoy: Promise<string> | null = null

/** Refuses unless `username` is an enabled administrator of the decrypted backup at `path` and `password` is theirs. */
export async function checkAdministrator(path: string, username: string, password: string): Promise<void> {
  const db = await openRaw(path, sqlite3.OPEN_READWRITE)
  let account: { role: string; disabled: number; passwordHash: string } | undefined
  try {
    ;[account] = await all<{ role: string; disabled: number; passwordHash: string }>(
      db,
      'SELECT role, disabled, password_hash AS "passwordHash" FROM app_user WHERE username = ?',
      [username]
    )
  } finally {
    await closeRaw(db)
  }
  const right = await verifyPassword(password, account?.passwordHash ?? (await (decoy ??= hashPassword('decoy password'))))
  if (!account || !right || account.role !== 'admin' || Boolean(account.disabled)) throw new AppError('UNAUTHENTICATED', NOT_AN_ADMINISTRATOR)
}
