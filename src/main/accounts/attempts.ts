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

type Reservation = { user: null } | { user: UserRow; lockedUntil: string } | { user: UserRow; lockedUntil: null }

const lockedUntil = (user: UserRow, now: string) => (user.lockedUntil && user.lockedUntil > now ? user.lockedUntil : null)

function lockUntil(now: string): string {
  return new Date(new Date(now).getTime() + LOCKOUT_MINUTES * 60_000).toISOString()
}

async function lockAccount(manager: EntityManager, user: UserRow, now: string): Promise<string> {
  const until = lockUntil(now)
  await manager.update(UserEntity, { id: user.id }, { failedAttempts: 0, lockedUntil: until })
  return until
}

/**
 * Checks `password` for `username` and returns the account when it is right; otherwise refuses
 * with a message for the user, after writing the failure (and any lock) to the audit trail.
 */
export async function attemptPassword(ctx: CallContext, username: string, password: string, purpose: AttemptPurpose): Promise<UserRow> {
  const fail = (user: UserRow | null, reason: string, message: string) => failWith(ctx, username, user, purpose, reason, message)
  // 1. Count the attempt, or refuse it unchecked when the account is locked or has had its five.
  const reservation: Reservation = await ctx.core.writes.run(async (manager) => {
    const user = await manager.findOneBy(UserEntity, { username })
    if (!user) return { user: null }
    const locked = lockedUntil(user, ctx.now)
    if (locked) return { user, lockedUntil: locked }
    // An expired lock starts the count again.
    const failed = user.lockedUntil ? 0 : user.failedAttempts
    if (failed >= MAX_FAILED_ATTEMPTS) return { user, lockedUntil: await lockAccount(manager, user, ctx.now) }
    await manager.update(UserEntity, { id: user.id }, { failedAttempts: failed + 1, lockedUntil: null })
    return { user, lockedUntil: null }
  })
  if (!reservation.user || reservation.lockedUntil) {
    await verifyPassword(password, await (decoy ??= hashPassword('decoy password', ctx.core.passwordCost)))
    if (!reservation.user) return fail(null, 'unknown username', WRONG)
    return fail(reservation.user, 'account locked', lockedMessage(reservation.lockedUntil as string))
  }
  // 2. Check it.
  const right = await verifyPassword(password, reservation.user.passwordHash)
  // 3. Settle it: a right password clears the count unless other guesses locked the account meanwhile.
  const settled = await ctx.core.writes.run(async (manager) => {
    const user = await manager.findOneBy(UserEntity, { id: reservation.user.id })
    if (!user) return { user: null, locked: null, lockedNow: false, replaced: false }
    // The password checked is no longer the account's (reset or changed meanwhile): it proves nothing.
    if (user.passwordHash !== reservation.user.passwordHash) return { user, locked: null, lockedNow: false, replaced: true }
    const locked = lockedUntil(user, ctx.now)
    if (locked) return { user, locked, lockedNow: false, replaced: false }
    if (!right) {
      if (user.failedAttempts >= MAX_FAILED_ATTEMPTS) return { user, locked: await lockAccount(manager, user, ctx.now), lockedNow: true, replaced: false }
      return { user, locked: null, lockedNow: false, replaced: false }
    }
    if (user.disabled) return { user, locked: null, lockedNow: false, replaced: false }
    await manager.update(UserEntity, { id: user.id }, { failedAttempts: 0, lockedUntil: null, ...(purpose === 'sign-in' ? { lastSignInAt: ctx.now } : {}) })
    if (purpose !== 'change-password') await writeAudit(manager, { at: ctx.now, actor: user.username, action: purpose, recordType: 'user', recordId: user.id })
    return { user, locked: null, lockedNow: false, replaced: false }
  })
  if (!settled.user) return fail(null, 'unknown username', WRONG)
  if (settled.replaced) return fail(settled.user, 'password replaced during the attempt', 'The password has just been changed. Try again with the new one.')
  if (settled.lockedNow)
    return fail(settled.user, `wrong password; account locked until ${settled.locked}`, `${WRONG}. The account is now locked for ${LOCKOUT_MINUTES} minutes.`)
  if (!right) return fail(settled.user, 'wrong password', settled.locked ? lockedMessage(settled.locked) : WRONG)
  if (settled.locked) return fail(settled.user, 'account locked', lockedMessage(settled.locked))
  if (settled.user.disabled) return fail(settled.user, 'account disabled', 'This account has been disabled. Ask an administrator.')
  return settled.user
}

function lockedMessage(until: string): string {
  const time = new Date(until).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
  return `Too many wrong passwords. Try again after ${time}, or ask an administrator to reset your password.`
}

async function failWith(ctx: CallContext, username: string, user: UserRow | null, purpose: AttemptPurpose, reason: string, message: string): Promise<never> {
  await ctx.core.writes.run((manager) =>
    writeAudit(manager, {
      at: ctx.now,
      actor: username,
      action: 'failed-sign-in',
      recordType: 'user',
      recordId: user?.id ?? null,
      changes: { reason, during: purpose }
    })
  )
  if (purpose === 'sign-in') throw new AppError('UNAUTHENTICATED', message)
  const field = purpose === 'unlock' ? 'password' : 'currentPassword'
  const text = message === WRONG ? (purpose === 'unlock' ? 'The password is not right' : 'Your current password is not right') : message
  throw new AppError(purpose === 'unlock' ? 'UNAUTHENTICATED' : 'VALIDATION', 'There is a problem', { [field]: text })
}
