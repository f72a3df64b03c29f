import { defineHandlers } from '../core/router'
import type { CallContext } from '../core/context'
import { withFamilyAccess } from '../families/access'
import { logRequest } from './log'
import { listRequests } from './list'
import { familyOfRequest, getRequest } from './read'
import { screenRequest } from './screening'
import { recordFeedback } from './feedback'
import { familyReferrals, referralsOverview } from './overview'
import { acknowledgeStepUp, stepUpFromEpisode } from './stepUp'
import { familyOfStepUp, getStepUp, listStepUps } from './stepUpRead'
import { saveCinFile, saveStepUpPdf } from './stepUpFiles'
import { familyOfEpisode } from '../families/access'
import { createOutbound, moveOutbound, recordOverride } from './outbound'
import { familyOfOutbound, getOutbound, listOutbound, listOverrides } from './outboundRead'
import { printOutbound, saveOutboundPdf } from './outboundPrint'

// Everything about a family's request goes through the family's access check first.
const ofRequest = (i: { id: string }, ctx: CallContext) => familyOfRequest(ctx, i.id)
const ofStepUp = (i: { id: string }, ctx: CallContext) => familyOfStepUp(ctx, i.id)
const ofOutbound = (i: { id: string }, ctx: CallContext) => familyOfOutbound(ctx, i.id)

export const referralHandlers = defineHandlers({
  'referrals.logRequest': withFamilyAccess((i) => i.familyId, logRequest),
  'referrals.listRequests': listRequests,
  'referrals.getRequest': withFamilyAccess(ofRequest, getRequest),
  'referrals.screenRequest': withFamilyAccess(ofRequest, screenRequest),
  'referrals.recordFeedback': withFamilyAccess(ofRequest, recordFeedback),
  'referrals.overview': referralsOverview,
  'referrals.forFamily': withFamilyAccess((i) => i.familyId, familyReferrals),
  'referrals.stepUpFromEpisode': withFamilyAccess((i, ctx) => familyOfEpisode(ctx, i.episodeId), stepUpFromEpisode),
  'referrals.getStepUp': withFamilyAccess(ofStepUp, getStepUp),
  'referrals.listStepUps': listStepUps,
  'referrals.acknowledgeStepUp': withFamilyAccess(ofStepUp, acknowledgeStepUp),
  'referrals.saveStepUpPdf': withFamilyAccess(ofStepUp, saveStepUpPdf),
  'referrals.saveCinFile': withFamilyAccess(ofStepUp, saveCinFile),
  'referrals.createOutbound': withFamilyAccess((i) => i.familyId, createOutbound),
  'referrals.moveOutbound': withFamilyAccess(ofOutbound, moveOutbound),
  'referrals.recordOverride': withFamilyAccess(ofOutbound, recordOverride),
  'referrals.getOutbound': withFamilyAccess(ofOutbound, getOutbound),
  'referrals.listOutbound': withFamilyAccess((i, ctx) => (i.familyId ? i.familyId : familyOfEpisode(ctx, i.episodeId!)), listOutbound),
  'referrals.printOutbound': withFamilyAccess(ofOutbound, printOutbound),
  'referrals.savePdf': withFamilyAccess(ofOutbound, saveOutboundPdf),
  'referrals.listOverrides': listOverrides
})
