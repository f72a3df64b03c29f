import { defineHandlers } from '../core/router'
import { registerFamily } from './register'
import { getFamily } from './read'
import { addMember, movePerson, updateFamily, updatePerson } from './update'
import { setRestriction } from './restriction'
import { requireFamilyAccess, requirePersonAccess } from './access'
import { FamilyEntity } from './entities'
import { normaliseReference } from '../search/parseQuery'

export const familyHandlers = defineHandlers({
  'families.register': registerFamily,
  'families.get': async ({ id }, ctx) => {
    await requireFamilyAccess(ctx, id)
    return getFamily(id, ctx)
  },
  'families.update': async (input, ctx) => {
    await requireFamilyAccess(ctx, input.id)
    return updateFamily(input, ctx)
  },
  'families.addMember': async (input, ctx) => {
    await requireFamilyAccess(ctx, input.familyId)
    return addMember(input, ctx)
  },
  'families.setRestriction': setRestriction,
  'people.update': async (input, ctx) => {
    await requirePersonAccess(ctx, input.id)
    return updatePerson(input, ctx)
  },
  'people.move': async (input, ctx) => {
    // Moving takes someone out of one household and into another: both must be open to the user.
    await requirePersonAccess(ctx, input.id)
    const target = await moveTarget(ctx, input.toFamilyReference)
    if (target) await requireFamilyAccess(ctx, target)
    return movePerson(input, ctx)
  }
})

async function moveTarget(ctx: Parameters<typeof requireFamilyAccess>[0], text: string): Promise<string | null> {
  const reference = normaliseReference(text)
  if (!reference) return null
  const family = await ctx.core.db.manager.findOne(FamilyEntity, { where: { reference }, select: { id: true } })
  return family?.id ?? null
}
