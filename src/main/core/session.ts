// One window's sign-in. The core decides: the session follows its account at every call (see
// accounts/follow.ts: a disabled account, a password reset or changed elsewhere, or a new role ends
// it) and a window that has made no call for longer than the hub's idle time (and a grace, see
// IDLE_GRACE_SECONDS) is locked whatever its page does.
import type { SessionUser } from '../../shared/accounts/schemas'
import type { UserRow } from '../accounts/entities'

export interface Session {
  user: SessionUser | null
  locked: boolean
  /** The password hash the user signed in with: another one on the account ends the session. */
  passwordHash: string | null
  /**
   * Counts every sign-in, sign-out and change of password in this window, so that an answer about
   * the account read before one of them (a slow read, overtaken) is never applied after it.
   */
  generation: number
  /** When the window last made a call (ms since the epoch): its idle time runs from here. */
  lastCallAt: number
  /** Why the session ended without the user signing out; told on the sign-in page. */
  signedOutBecause: string | null
  /** Refused calls written to the audit trail lately (see auditSessionRefusal in the router). */
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
    generation: 0,
    lastCallAt: now,
    signedOutBecause: null,
    refusals: { tokens: REFUSAL_BURST, refilledAt: now, suppressed: 0 }
  }
}

/** The columns of an account a session is made from. */
export type AccountState = Pick<UserRow, 'id' | 'username' | 'displayName' | 'role' | 'passwordHash' | 'mustChangePassword'>

export function startSession(session: Session, account: AccountState, now: number): SessionUser {
  session.user = {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    mustChangePassword: Boolean(account.mustChangePassword)
  }
  session.passwordHash = account.passwordHash
  session.generation++
  session.locked = false
  session.lastCallAt = now
  session.signedOutBecause = null
  return session.user
}

export function endSession(session: Session, because: string | null): void {
  session.user = null
  session.passwordHash = null
  session.generation++
  session.locked = false
  session.signedOutBecause = because
}
