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

export async function setUp(input: z.output<typeof setupInput>, ctx: CallContext): Promise<SessionUser> {
  await refuseCommonPassword(input.password, 'password')
  const passwordHash = await hashPassword(input.password, ctx.core.passwordCost)
  const user = await ctx.core.writes.run(async (manager) => {
    if ((await manager.count(UserEntity)) > 0) throw new AppError('CONFLICT', 'Casebook has already been set up. Sign in instead.')
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

export async function signIn(input: { username: string; password: string }, ctx: CallContext): Promise<SessionUser> {
  return start(ctx, await attemptPassword(ctx, input.username, input.password, 'sign-in'))
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
  if (ctx.session.user) ctx.session.locked = true
  return {}
}

export async function unlock(input: { password: string }, ctx: CallContext): Promise<SessionUser> {
  const current = ctx.session.user
  if (!current) throw new AppError('UNAUTHENTICATED', 'Sign in to continue')
  return start(ctx, await attemptPassword(ctx, current.username, input.password, 'unlock'))
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
  return start(ctx, changed)
}
