// One try of a password (signing in, unlocking, or the current password when changing it), counted
// so that guesses cannot be raced. The attempt is counted in the database before the password is
// checked: forty guesses sent at once are forty increments in turn, so at most five are ever
// checked before the account locks, on one desk or several. scrypt runs between two short
// transactions, never inside one, because it takes a few hundred milliseconds at OWASP's cost.
import type { EntityManager } from 'typeorm'
import type { CallContext } from '../core/context'
import { AppError } from '../core/errors'
import { writeAudit } from '../audit/audit'
import { UserEntity, type UserRow } from './entities'
import { hashPassword, verifyPassword } from './passwords'
import { LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS } from './policy'

export type AttemptPurpose = 'sign-in' | 'unlock' | 'change-password'

export const WRONG = 'The username or password is not right'

// Compared against when there is no password to check, so that the answer takes as long either way.
let decoy: Promise<string> | null = null

const lockedUntil = (user: UserRow, now: string) => (user.lockedUntil && user.lockedUntil > now ? user.lockedUntil : null)

function lockUntil(now: string): string {
  return new Date(new Date(now).getTime() + LOCKOUT_MINUTES * 60_000).toISOString()
}

async function lockAccount(manager: EntityManager, user: UserRow, now: string): Promise<string> {
  const until = lockUntil(now)
  await manager.update(UserEntity, { id: user.id }, { failedAttempts: 0, lockedUntil: until })
  return until
}

/** A refused attempt, already on the audit trail with the count or lock it caused. */
interface Refusal {
  refused: true
  message: string
}

/**
 * Checks `password` for `username` and returns the account when it is right. Otherwise it refuses
 * with a message for the user; the failure is written to the audit trail in the same transaction
 * as the count or the lock it caused, so the trail never misses a lock.
 */
export async function attemptPassword(ctx: CallContext, username: string, password: string, purpose: AttemptPurpose): Promise<UserRow> {
  const refuse = async (manager: EntityManager, user: UserRow | null, reason: string, message: string): Promise<Refusal> => {
    const changes = { reason, during: purpose }
    await writeAudit(manager, { at: ctx.now, actor: username, action: 'failed-sign-in', recordType: 'user', recordId: user?.id ?? null, changes })
    return { refused: true, message }
  }
  // 1. Count the attempt, or refuse it unchecked when the account is locked or has had its five.
  const reserved: UserRow | Refusal = await ctx.core.writes.run(async (manager) => {
    const user = await manager.findOneBy(UserEntity, { username })
    if (!user) return refuse(manager, null, 'unknown username', WRONG)
    const locked = lockedUntil(user, ctx.now)
    if (locked) return refuse(manager, user, 'account locked', lockedMessage(locked))
    // An expired lock starts the count again.
    const failed = user.lockedUntil ? 0 : user.failedAttempts
    if (failed >= MAX_FAILED_ATTEMPTS) return refuse(manager, user, 'account locked', lockedMessage(await lockAccount(manager, user, ctx.now)))
    await manager.update(UserEntity, { id: user.id }, { failedAttempts: failed + 1, lockedUntil: null })
    return user
  })
  if ('refused' in reserved) {
    // As long as a real check, so that the answer does not say whether the account exists.
    await verifyPassword(password, await (decoy ??= hashPassword('decoy password', ctx.core.passwordCost)))
    return refusedWith(purpose, reserved.message)
  }
  // 2. Check it.
  const right = await verifyPassword(password, reserved.passwordHash)
  // 3. Settle it: a right password clears the count unless other guesses locked the account meanwhile.
  const settled: UserRow | Refusal = await ctx.core.writes.run(async (manager) => {
    const user = await manager.findOneBy(UserEntity, { id: reserved.id })
    if (!user) return refuse(manager, null, 'unknown username', WRONG)
    // The password checked is no longer the account's (reset or changed meanwhile): it proves nothing.
    if (user.passwordHash !== reserved.passwordHash) {
      return refuse(manager, user, 'password replaced during the attempt', 'The password has just been changed. Try again with the new one.')
    }
    const locked = lockedUntil(user, ctx.now)
    if (!right) {
      if (locked) return refuse(manager, user, 'wrong password', lockedMessage(locked))
      if (user.failedAttempts < MAX_FAILED_ATTEMPTS) return refuse(manager, user, 'wrong password', WRONG)
      const until = await lockAccount(manager, user, ctx.now)
      return refuse(manager, user, `wrong password; account locked until ${until}`, `${WRONG}. The account is now locked for ${LOCKOUT_MINUTES} minutes.`)
    }
    if (locked) return refuse(manager, user, 'account locked', lockedMessage(locked))
    if (user.disabled) return refuse(manager, user, 'account disabled', 'This account has been disabled. Ask an administrator.')
    await manager.update(UserEntity, { id: user.id }, { failedAttempts: 0, lockedUntil: null, ...(purpose === 'sign-in' ? { lastSignInAt: ctx.now } : {}) })
    if (purpose !== 'change-password') await writeAudit(manager, { at: ctx.now, actor: user.username, action: purpose, recordType: 'user', recordId: user.id })
    return user
  })
  return 'refused' in settled ? refusedWith(purpose, settled.message) : settled
}

function lockedMessage(until: string): string {
  const time = new Date(until).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
  return `Too many wrong passwords. Try again after ${time}, or ask an administrator to reset your password.`
}

/** The refusal as the screen that asked shows it: on the sign-in page, or next to the password field. */
function refusedWith(purpose: AttemptPurpose, message: string): never {
  if (purpose === 'sign-in') throw new AppError('UNAUTHENTICATED', message)
  const field = purpose === 'unlock' ? 'password' : 'currentPassword'
  const text = message === WRONG ? (purpose === 'unlock' ? 'The password is not right' : 'Your current password is not right') : message
  throw new AppError(purpose === 'unlock' ? 'UNAUTHENTICATED' : 'VALIDATION', 'There is a problem', { [field]: text })
}
