import { defineHandlers } from '../core/router'
import { notFound } from '../core/errors'
import { withFamilyAccess } from '../families/access'
import { ConsentEntity } from './entities'
import { recordConsent, withdrawConsent } from './service'

export const consentHandlers = defineHandlers({
  'consent.record': withFamilyAccess((i) => i.familyId, recordConsent),
  'consent.withdraw': withFamilyAccess(async (i, ctx) => {
    const consent = await ctx.core.db.manager.findOneBy(ConsentEntity, { id: i.id })
    if (!consent) throw notFound('consent')
    return consent.familyId
  }, withdrawConsent)
})
