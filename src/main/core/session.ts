// One window's sign-in, kept in step with the account on every call. The core decides: a disabled
// account, a password reset or changed elsewhere, or a new role ends the session at the window's
// next call, and a window that has made no call for longer than the hub's idle time (and a grace,
// see IDLE_GRACE_SECONDS) is locked whatever its page does.
import type { DataSource } from 'typeorm'
import { IDLE_GRACE_SECONDS, type SessionUser } from '../../shared/accounts/schemas'
import type { Role } from '../../shared/roles'

export interface Session {
  user: SessionUser | null
  locked: boolean
  /** The password hash the user signed in with: another one on the account ends the session. */
  passwordHash: string | null
  /** When the window last made a call (ms since the epoch): its idle time runs from here. */
  lastCallAt: number
  /** Why the session ended without the user signing out; told once on the sign-in page. */
  signedOutBecause: string | null
  /** Refused calls written to the audit trail lately (see refusalBudget in the router). */
  refusals: RefusalBudget
}

/** A token bucket: a looping window is on the trail, but cannot flood it. */
export interface RefusalBudget {
  tokens: number
  refilledAt: number
  /** Refusals not written since the last one that was; the next entry says how many. */
  suppressed: number
}

export const REFUSAL_BURST = 20
export const REFUSAL_REFILL_MS = 3_000

export function newSession(now: number): Session {
  return {
    user: null,
    locked: false,
    passwordHash: null,
    lastCallAt: now,
    signedOutBecause: null,
    refusals: { tokens: REFUSAL_BURST, refilledAt: now, suppressed: 0 }
  }
}

/** The columns of an account a session follows. */
export interface AccountState {
  id: string
  username: string
  displayName: string
  role: Role
  passwordHash: string
  mustChangePassword: boolean
  disabled: boolean
}

export function startSession(session: Session, account: AccountState, now: number): SessionUser {
  session.user = {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    mustChangePassword: Boolean(account.mustChangePassword)
  }
  session.passwordHash = account.passwordHash
  session.locked = false
  session.lastCallAt = now
  session.signedOutBecause = null
  return session.user
}

export function endSession(session: Session, because: string | null): void {
  session.user = null
  session.passwordHash = null
  session.locked = false
  session.signedOutBecause = because
}

interface AccountRow {
  disabled: number | boolean
  role: Role
  passwordHash: string
  displayName: string
  mustChangePassword: number | boolean
  idleLockMinutes: number
}

/**
 * Re-reads the signed-in account and the hub's idle time (one indexed read) and applies them to
 * the session before the call is looked at: ended, locked, or carried on with the latest name.
 */
export async function followAccount(db: DataSource, session: Session, now: number): Promise<void> {
  const user = session.user
  if (!user) return
  const [row] = (await db.query(
    `SELECT u.disabled AS disabled, u.role AS role, u.password_hash AS passwordHash, u.display_name AS displayName,
       u.must_change_password AS mustChangePassword, h.idle_lock_minutes AS idleLockMinutes
     FROM app_user u CROSS JOIN hub h WHERE u.id = ? AND h.id = 1`,
    [user.id]
  )) as AccountRow[]
  if (!row || row.disabled) return endSession(session, 'This account has been disabled. Ask an administrator if you need it again.')
  if (row.passwordHash !== session.passwordHash) {
    return endSession(
      session,
      row.mustChangePassword
        ? 'An administrator has reset your password. Sign in with the temporary password they gave you.'
        : 'Your password has been changed in another window. Sign in with the new password.'
    )
  }
  if (row.role !== user.role) return endSession(session, 'An administrator has changed your role. Sign in again to carry on with your new role.')
  if (row.displayName !== user.displayName) session.user = { ...user, displayName: row.displayName }
  if (!session.locked && now - session.lastCallAt > (row.idleLockMinutes * 60 + IDLE_GRACE_SECONDS) * 1000) session.locked = true
}
