import { defineHandlers } from '../core/router'
import { registerFamily } from './register'
import { getFamily } from './read'
import { addMember, movePerson, updateFamily, updatePerson } from './update'
import { setRestriction } from './restriction'
import { familyOfPerson, requireFamilyAccess, withFamilyAccess } from './access'
import { FamilyEntity } from './entities'
import { normaliseReference } from '../search/parseQuery'
import type { CallContext } from '../core/context'

export const familyHandlers = defineHandlers({
  'families.register': registerFamily,
  'families.get': withFamilyAccess(
    (i) => i.id,
    ({ id }, ctx) => getFamily(id, ctx)
  ),
  'families.update': withFamilyAccess((i) => i.id, updateFamily),
  'families.addMember': withFamilyAccess((i) => i.familyId, addMember),
  'families.setRestriction': setRestriction,
  'people.update': withFamilyAccess((i, ctx) => familyOfPerson(ctx, i.id), updatePerson),
  // Moving takes someone out of one household and into another: both must be open to the user.
  'people.move': withFamilyAccess(
    (i, ctx) => familyOfPerson(ctx, i.id),
    async (input, ctx) => {
      const target = await moveTarget(ctx, input.toFamilyReference)
      if (target) await requireFamilyAccess(ctx, target)
      return movePerson(input, ctx)
    }
  )
})

async function moveTarget(ctx: CallContext, text: string): Promise<string | null> {
  const reference = normaliseReference(text)
  if (!reference) return null
  const family = await ctx.core.db.manager.findOne(FamilyEntity, { where: { reference }, select: { id: true } })
  return family?.id ?? null
}
