import { defineHandlers } from '../core/router'
import { notFound } from '../core/errors'
import { requireFamilyAccess } from '../families/access'
import { ConsentEntity } from './entities'
import { recordConsent, withdrawConsent } from './service'

export const consentHandlers = defineHandlers({
  'consent.record': async (input, ctx) => {
    await requireFamilyAccess(ctx, input.familyId)
    return recordConsent(input, ctx)
  },
  'consent.withdraw': async (input, ctx) => {
    const consent = await ctx.core.db.manager.findOneBy(ConsentEntity, { id: input.id })
    if (!consent) throw notFound('consent')
    await requireFamilyAccess(ctx, consent.familyId)
    return withdrawConsent(input, ctx)
  }
})
