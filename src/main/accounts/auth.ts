// Signing in and out, the first-run set-up, the idle lock and changing a password. Passwords are
// checked outside the write queue (scrypt takes a few hundred milliseconds at OWASP's cost) and
// the outcome is written, with its audit entry, in one transaction afterwards.
import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import type { AuthStatus, changePasswordInput, setupInput, SessionUser } from '../../shared/accounts/schemas'
import type { CallContext } from '../core/context'
import { AppError } from '../core/errors'
import { writeAudit } from '../audit/audit'
import { HubEntity } from '../hub/entities'
import { UserEntity, type UserRow } from './entities'
import { hashPassword, verifyPassword } from './passwords'
import { LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS, refuseCommonPassword } from './policy'
import { sessionUserOf } from './records'

const WRONG = 'The username or password is not right'

// Compared against when the username is unknown, so that the answer takes as long either way.
let decoy: Promise<string> | null = null

export async function authStatus(ctx: CallContext): Promise<AuthStatus> {
  const users = await ctx.core.db.manager.count(UserEntity)
  const hub = await ctx.core.db.manager.findOneByOrFail(HubEntity, { id: 1 })
  return { needsSetup: users === 0, user: ctx.session.user, locked: ctx.session.locked, idleLockMinutes: hub.idleLockMinutes }
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
  ctx.session.user = sessionUserOf(user)
  ctx.session.locked = false
  return ctx.session.user
}

/**
 * Checks a password for a user and records the outcome: a success clears the failed count, a
 * failure adds to it, and the fifth in a row locks the account for 15 minutes.
 */
async function attempt(ctx: CallContext, username: string, password: string, action: 'sign-in' | 'unlock'): Promise<UserRow> {
  const user = await ctx.core.db.manager.findOneBy(UserEntity, { username })
  const lockedUntil = user?.lockedUntil && user.lockedUntil > ctx.now ? user.lockedUntil : null
  const ok =
    user && !lockedUntil
      ? await verifyPassword(password, user.passwordHash)
      : (await verifyPassword(password, await (decoy ??= hashPassword('decoy password', ctx.core.passwordCost))), false)
  const refuse = async (reason: string, message: string, counts: boolean) => {
    await ctx.core.writes.run(async (manager) => {
      if (user && counts) {
        const failed = user.failedAttempts + 1
        const lock = failed >= MAX_FAILED_ATTEMPTS
        const until = new Date(new Date(ctx.now).getTime() + LOCKOUT_MINUTES * 60_000).toISOString()
        await manager.update(UserEntity, { id: user.id }, { failedAttempts: lock ? 0 : failed, lockedUntil: lock ? until : user.lockedUntil })
        if (lock) reason = `${reason}; account locked until ${until}`
      }
      await writeAudit(manager, {
        at: ctx.now,
        actor: username,
        action: 'failed-sign-in',
        recordType: 'user',
        recordId: user?.id ?? null,
        changes: { reason, during: action }
      })
    })
    throw new AppError('UNAUTHENTICATED', message, action === 'unlock' ? { password: message } : undefined)
  }
  if (!user) return refuse('unknown username', WRONG, false)
  if (lockedUntil) {
    const time = new Date(lockedUntil).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
    return refuse('account locked', `Too many wrong passwords. Try again after ${time}, or ask an administrator to reset your password.`, false)
  }
  if (!ok) {
    const left = MAX_FAILED_ATTEMPTS - user.failedAttempts - 1
    return refuse('wrong password', left > 0 ? WRONG : `${WRONG}. The account is now locked for ${LOCKOUT_MINUTES} minutes.`, true)
  }
  if (user.disabled) return refuse('account disabled', 'This account has been disabled. Ask an administrator.', false)
  await ctx.core.writes.run(async (manager) => {
    await manager.update(UserEntity, { id: user.id }, { failedAttempts: 0, lockedUntil: null, lastSignInAt: ctx.now })
    await writeAudit(manager, { at: ctx.now, actor: user.username, action, recordType: 'user', recordId: user.id })
  })
  return user
}

export async function signIn(input: { username: string; password: string }, ctx: CallContext): Promise<SessionUser> {
  const user = await attempt(ctx, input.username, input.password, 'sign-in')
  ctx.session.user = sessionUserOf(user)
  ctx.session.locked = false
  return ctx.session.user
}

export async function signOut(ctx: CallContext): Promise<Record<string, never>> {
  const user = ctx.session.user
  if (user) {
    await ctx.core.writes.run((manager) =>
      writeAudit(manager, { at: ctx.now, actor: user.username, action: 'sign-out', recordType: 'user', recordId: user.id })
    )
  }
  ctx.session.user = null
  ctx.session.locked = false
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
  const user = await attempt(ctx, current.username, input.password, 'unlock')
  ctx.session.user = sessionUserOf(user)
  ctx.session.locked = false
  return ctx.session.user
}

export async function changePassword(input: z.output<typeof changePasswordInput>, ctx: CallContext): Promise<SessionUser> {
  const current = ctx.session.user
  if (!current) throw new AppError('UNAUTHENTICATED', 'Sign in to continue')
  const user = await ctx.core.db.manager.findOneByOrFail(UserEntity, { id: current.id })
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError('VALIDATION', 'There is a problem', { currentPassword: 'Your current password is not right' })
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('VALIDATION', 'There is a problem', { newPassword: 'Choose a password different from your current one' })
  }
  await refuseCommonPassword(input.newPassword, 'newPassword')
  const passwordHash = await hashPassword(input.newPassword, ctx.core.passwordCost)
  await ctx.core.writes.run(async (manager) => {
    await manager.update(UserEntity, { id: user.id }, { passwordHash, mustChangePassword: false, updatedAt: ctx.now, version: user.version + 1 })
    await writeAudit(manager, { at: ctx.now, actor: user.username, action: 'update', recordType: 'user', recordId: user.id, changes: { password: 'changed' } })
  })
  ctx.session.user = { ...current, mustChangePassword: false }
  return ctx.session.user
}
