// Administrators manage accounts. Nobody can disable the last active administrator, and a reset
// password must be changed by its user at the next sign-in.
import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import type { createUserInput, resetPasswordInput, updateUserInput, UserRecord } from '../../shared/accounts/schemas'
import type { CallContext } from '../core/context'
import { AppError, notFound } from '../core/errors'
import { updateVersioned } from '../core/versioned'
import type { EntityManager } from 'typeorm'
import type { Role } from '../../shared/roles'
import { changedFields, writeAudit } from '../audit/audit'
import { UserEntity, type UserRow } from './entities'
import { hashPassword } from './passwords'
import { refuseCommonPassword } from './policy'
import { userRecordOf } from './records'

export async function listUsers(ctx: CallContext): Promise<{ users: UserRecord[] }> {
  const rows = await ctx.core.db.manager.find(UserEntity, { order: { disabled: 'ASC', displayName: 'ASC' } })
  return { users: rows.map(userRecordOf) }
}

export async function createUser(input: z.output<typeof createUserInput>, ctx: CallContext) {
  await refuseCommonPassword(input.temporaryPassword, 'temporaryPassword')
  const passwordHash = await hashPassword(input.temporaryPassword, ctx.core.passwordCost)
  return ctx.core.writes.run(async (manager) => {
    if (await manager.findOneBy(UserEntity, { username: input.username })) {
      throw new AppError('VALIDATION', 'There is a problem', { username: 'Someone already has that username' })
    }
    const row: UserRow = {
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash,
      mustChangePassword: true,
      disabled: false,
      failedAttempts: 0,
      lockedUntil: null,
      lastSignInAt: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      version: 1
    }
    await manager.insert(UserEntity, row)
    await writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'create',
      recordType: 'user',
      recordId: row.id,
      changes: { username: row.username, displayName: row.displayName, role: row.role }
    })
    return { id: row.id, version: 1 }
  })
}

/** Nobody can take away the last active administrator: the hub would have no one to manage accounts. */
async function refuseLosingLastAdmin(manager: EntityManager, user: UserRow, what: string): Promise<void> {
  if (user.role !== 'admin' || user.disabled) return
  const activeAdmins = await manager.countBy(UserEntity, { role: 'admin', disabled: false })
  if (activeAdmins <= 1) throw new AppError('CONFLICT', `You cannot ${what} the last active administrator. Add another administrator first.`)
}

/** A new name, or a new role: a new role signs the user's open windows out at their next call (accounts/follow.ts); a new name just shows. */
export async function updateUser(input: z.output<typeof updateUserInput>, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    const user = await manager.findOneBy(UserEntity, { id: input.id })
    if (!user) throw notFound('user')
    if (input.role !== 'admin') await refuseLosingLastAdmin(manager, user, 'change the role of')
    const values = { displayName: input.displayName, role: input.role as Role, updatedAt: ctx.now }
    const version = await updateVersioned(manager, UserEntity, input.id, input.version, values, 'user')
    const changes = changedFields(user, { displayName: values.displayName, role: values.role })
    await writeAudit(manager, { at: ctx.now, actor: ctx.actor.name, action: 'update', recordType: 'user', recordId: user.id, changes })
    return { id: user.id, version }
  })
}

export async function setUserDisabled(input: { id: string; version: number; disabled: boolean }, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    const user = await manager.findOneBy(UserEntity, { id: input.id })
    if (!user) throw notFound('user')
    if (input.disabled) await refuseLosingLastAdmin(manager, user, 'disable')
    const version = await updateVersioned(manager, UserEntity, input.id, input.version, { disabled: input.disabled, updatedAt: ctx.now }, 'user')
    await writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'update',
      recordType: 'user',
      recordId: user.id,
      changes: { disabled: { from: Boolean(user.disabled), to: input.disabled } }
    })
    return { id: user.id, version }
  })
}

export async function resetPassword(input: z.output<typeof resetPasswordInput>, ctx: CallContext) {
  await refuseCommonPassword(input.temporaryPassword, 'temporaryPassword')
  const passwordHash = await hashPassword(input.temporaryPassword, ctx.core.passwordCost)
  return ctx.core.writes.run(async (manager) => {
    const values = { passwordHash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null, updatedAt: ctx.now }
    const version = await updateVersioned(manager, UserEntity, input.id, input.version, values, 'user')
    await writeAudit(manager, { at: ctx.now, actor: ctx.actor.name, action: 'update', recordType: 'user', recordId: input.id, changes: { password: 'reset' } })
    return { id: input.id, version }
  })
}
