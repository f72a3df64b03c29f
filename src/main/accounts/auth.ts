// Signing in and out, the first-run set-up, the idle lock and changing a password. Each password
// is tried through attemptPassword, which counts it before checking it (see attempts.ts); the
// session a window holds follows its account on every call (see core/session.ts).
import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import type { AuthStatus, changePasswordInput, setupInput, SessionUser } from '../../shared/accounts/schemas'
import type { CallContext } from '../core/context'
import { AppError } from '../core/errors'
import { updateVersioned } from '../core/versioned'
import { endSession, startSession } from '../core/session'
import { writeAudit } from '../audit/audit'
import { HubEntity } from '../hub/entities'
import { UserEntity, type UserRow } from './entities'
import { hashPassword } from './passwords'
import { refuseCommonPassword } from './policy'
import { attemptPassword } from './attempts'

const start = (ctx: CallContext, user: UserRow) => startSession(ctx.session, user, new Date(ctx.now).getTime())

export async function authStatus(ctx: CallContext): Promise<AuthStatus> {
  const users = await ctx.core.db.manager.count(UserEntity)
  const hub = await ctx.core.db.manager.findOneByOrFail(HubEntity, { id: 1 })
  return {
    needsSetup: users === 0,
    user: ctx.session.user,
    locked: ctx.session.locked,
    idleLockMinutes: hub.idleLockMinutes,
    signedOutBecause: ctx.session.user ? null : ctx.session.signedOutBecause
  }
}

const ALREADY_SET_UP = () => new AppError('CONFLICT', 'Casebook has already been set up. Sign in instead.')

export async function setUp(input: z.output<typeof setupInput>, ctx: CallContext): Promise<SessionUser> {
  // Asked before a password is hashed: otherwise any window could make the core hash at will.
  if ((await ctx.core.db.manager.count(UserEntity)) > 0) throw ALREADY_SET_UP()
  await refuseCommonPassword(input.password, 'password')
  const passwordHash = await hashPassword(input.password, ctx.core.passwordCost)
  const user = await ctx.core.writes.run(async (manager) => {
    if ((await manager.count(UserEntity)) > 0) throw ALREADY_SET_UP()
    await manager.update(HubEntity, { id: 1 }, { name: input.hubName, code: input.hubCode as string, localAuthorityCode: input.localAuthorityCode })
    const row: UserRow = {
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName,
      role: 'admin',
      passwordHash,
      mustChangePassword: false,
      disabled: false,
      failedAttempts: 0,
      lockedUntil: null,
      lastSignInAt: ctx.now,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      version: 1
    }
    await manager.insert(UserEntity, row)
    const at = ctx.now
    await writeAudit(manager, {
      at,
      actor: row.username,
      action: 'update',
      recordType: 'hub',
      recordId: '1',
      changes: { name: input.hubName, code: input.hubCode, localAuthorityCode: input.localAuthorityCode }
    })
    await writeAudit(manager, {
      at,
      actor: row.username,
      action: 'create',
      recordType: 'user',
      recordId: row.id,
      changes: { username: row.username, role: row.role }
    })
    await writeAudit(manager, { at, actor: row.username, action: 'sign-in', recordType: 'user', recordId: row.id })
    return row
  })
  return start(ctx, user)
}

// A password takes a few hundred milliseconds to check, and the window may do something else
// meanwhile (sign out, lock, sign in again). A sign-in, unlock or change of password is applied only
// to the session it began in: never undoing a sign-out or a lock that answered while it was checked.

export async function signIn(input: { username: string; password: string }, ctx: CallContext): Promise<SessionUser> {
  const generation = ctx.session.generation
  const user = await attemptPassword(ctx, input.username, input.password, 'sign-in')
  if (ctx.session.generation !== generation) {
    throw new AppError('CONFLICT', 'This window was signed in or out while your password was being checked. Sign in again.')
  }
  // Someone else's session in this window (locked, say) ends here, and the trail says so.
  const previous = ctx.session.user
  if (previous && previous.id !== user.id) {
    await ctx.core.writes.run((manager) =>
      writeAudit(manager, {
        at: ctx.now,
        actor: previous.username,
        action: 'sign-out',
        recordType: 'user',
        recordId: previous.id,
        changes: { by: 'another sign-in' }
      })
    )
  }
  const signedIn = await start(ctx, user)
  // The day's first sign-in takes a backup (when the app's schedule is on), in the background: never waited for here.
  ctx.core.backups.signedIn()
  return signedIn
}

export async function signOut(ctx: CallContext): Promise<Record<string, never>> {
  const user = ctx.session.user
  if (user) {
    await ctx.core.writes.run((manager) =>
      writeAudit(manager, { at: ctx.now, actor: user.username, action: 'sign-out', recordType: 'user', recordId: user.id })
    )
  }
  endSession(ctx.session, null)
  return {}
}

/** The idle lock: the window keeps its state; the core answers nothing but unlock until then. */
export async function lock(ctx: CallContext): Promise<Record<string, never>> {
  if (ctx.session.user) {
    ctx.session.locked = true
    ctx.session.generation++
  }
  return {}
}

export async function unlock(input: { password: string }, ctx: CallContext): Promise<SessionUser> {
  const current = ctx.session.user
  if (!current) throw new AppError('UNAUTHENTICATED', 'Sign in to continue')
  const user = await attemptPassword(ctx, current.username, input.password, 'unlock')
  // Signed out (or someone else signed in) while the password was checked: there is nothing to unlock.
  if (ctx.session.user?.id !== current.id) throw new AppError('UNAUTHENTICATED', ctx.session.signedOutBecause ?? 'Sign in to continue')
  return start(ctx, user)
}

/**
 * A guess of the current password counts like a wrong sign-in, and the new hash is written only
 * if the account is as it was read: an administrator's reset at the same moment wins, not both.
 */
export async function changePassword(input: z.output<typeof changePasswordInput>, ctx: CallContext): Promise<SessionUser> {
  const current = ctx.session.user
  if (!current) throw new AppError('UNAUTHENTICATED', 'Sign in to continue')
  const user = await attemptPassword(ctx, current.username, input.currentPassword, 'change-password')
  if (input.newPassword === input.currentPassword) {
    throw new AppError('VALIDATION', 'There is a problem', { newPassword: 'Choose a password different from your current one' })
  }
  await refuseCommonPassword(input.newPassword, 'newPassword')
  const passwordHash = await hashPassword(input.newPassword, ctx.core.passwordCost)
  const changed = await ctx.core.writes.run(async (manager) => {
    const values = { passwordHash, mustChangePassword: false, updatedAt: ctx.now }
    const version = await updateVersioned(manager, UserEntity, user.id, user.version, values, 'account')
    await writeAudit(manager, { at: ctx.now, actor: user.username, action: 'update', recordType: 'user', recordId: user.id, changes: { password: 'changed' } })
    return { ...user, ...values, version }
  })
  // The window keeps the session it has now: ended stays ended, locked stays locked, with the new password.
  if (ctx.session.user?.id !== current.id) throw new AppError('UNAUTHENTICATED', 'Your password has been changed. Sign in with the new password.')
  const locked = ctx.session.locked
  const session = start(ctx, changed)
  ctx.session.locked = locked
  return session
}
