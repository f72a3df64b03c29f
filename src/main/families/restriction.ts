import { In } from 'typeorm'
import type { z } from 'zod'
import type { setRestrictionInput } from '../../shared/families/schemas'
import type { CallContext } from '../core/context'
import { AppError, notFound } from '../core/errors'
import { updateVersioned } from '../core/versioned'
import { writeAudit } from '../audit/audit'
import { UserEntity } from '../accounts/entities'
import { FamilyAccessEntity, FamilyEntity } from './entities'

/**
 * A manager restricts a family to the users named (managers can always open it), or lifts it.
 * Names taken off are revoked, never deleted: the authority holds them too. Naming someone again
 * un-revokes their row; someone still named keeps the row, and when they were first granted it.
 */
export async function setRestriction(input: z.output<typeof setRestrictionInput>, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    const family = await manager.findOneBy(FamilyEntity, { id: input.id })
    if (!family) throw notFound('family')
    const allowed = input.restricted ? [...new Set(input.allowedUserIds)] : []
    const users = allowed.length ? await manager.findBy(UserEntity, { id: In(allowed) }) : []
    if (users.length !== allowed.length) throw new AppError('VALIDATION', 'There is a problem', { allowedUserIds: 'Choose people who have an account' })
    const version = await updateVersioned(manager, FamilyEntity, input.id, input.version, { restricted: input.restricted, updatedAt: ctx.now }, 'family')
    const held = new Map((await manager.findBy(FamilyAccessEntity, { familyId: family.id })).map((r) => [r.userId, r]))
    const revoked = [...held.values()].filter((r) => !r.revokedAt && !allowed.includes(r.userId)).map((r) => r.userId)
    if (revoked.length) {
      await manager.update(FamilyAccessEntity, { familyId: family.id, userId: In(revoked) }, { revokedAt: ctx.now, revokedByUserId: ctx.actor.userId })
    }
    const granted = { grantedAt: ctx.now, grantedByUserId: ctx.actor.userId, revokedAt: null, revokedByUserId: null }
    for (const userId of allowed) {
      const row = held.get(userId)
      if (!row) await manager.insert(FamilyAccessEntity, { familyId: family.id, userId, ...granted })
      else if (row.revokedAt) await manager.update(FamilyAccessEntity, { familyId: family.id, userId }, granted)
    }
    await writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'update',
      recordType: 'family',
      recordId: family.id,
      familyId: family.id,
      changes: { restricted: { from: Boolean(family.restricted), to: input.restricted }, allowedUsers: users.map((u) => u.username).sort() }
    })
    return { id: family.id, version }
  })
}
