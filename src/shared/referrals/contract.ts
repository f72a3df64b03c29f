// Requests for help, screening, referrals on and step-ups (prefix referrals.): see contract.ts.
import { z } from 'zod'
import { channel, type ChannelSpec } from '../channel'
import { idField, versionField } from '../fields'
import { listRequestsInput, listRequestsOutput, logRequestInput, recordFeedbackInput, requestRecord, screenRequestInput } from './requests'
import {
  acknowledgeStepUpInput,
  listStepUpsInput,
  listStepUpsOutput,
  saveCinFileInput,
  savedFile,
  saveStepUpPdfInput,
  stepUpFromEpisodeInput,
  stepUpRecord
} from './stepUp'
import { familyReferralsInput, familyReferralsOutput, referralsOverviewInput, referralsOverviewOutput } from './overview'
import {
  createOutboundInput,
  listOutboundInput,
  listOutboundOutput,
  listOverridesInput,
  listOverridesOutput,
  moveOutboundInput,
  recordOverrideInput,
  outboundPrint,
  outboundRecord,
  saveOutboundPdfInput
} from './outbound'
import { savedPdf } from '../earlyHelp/plan'

const saved = z.object({ id: idField, version: versionField })

export const referralChannels = {
  // Reception logs requests, follows where each has got to and records that the person who asked was told.
  'referrals.logRequest': channel(logRequestInput, saved, 'referrals.log'),
  'referrals.listRequests': channel(listRequestsInput, listRequestsOutput, 'referrals.log'),
  // What reception may not see (what was asked, why it was decided so) is left out for them.
  'referrals.getRequest': channel(z.object({ id: idField }), requestRecord, 'referrals.log'),
  'referrals.screenRequest': channel(screenRequestInput, saved.extend({ episodeId: idField.nullable(), stepUpId: idField.nullable() }), 'referrals.screen'),
  'referrals.recordFeedback': channel(recordFeedbackInput, saved, 'referrals.log'),
  // The Referrals screen, and a family's referrals in and out: statuses for reception, content for those who screen.
  'referrals.overview': channel(referralsOverviewInput, referralsOverviewOutput, 'referrals.log'),
  'referrals.forFamily': channel(familyReferralsInput, familyReferralsOutput, 'referrals.log'),
  // Step-ups to children's social care: made from an episode closed as stepped up (screening makes its own),
  // acknowledged by social care, their referral printed and each child's census file written; the manager sees them all.
  'referrals.stepUpFromEpisode': channel(stepUpFromEpisodeInput, saved, 'referrals.screen'),
  'referrals.getStepUp': channel(z.object({ id: idField }), stepUpRecord, 'referrals.screen'),
  'referrals.listStepUps': channel(listStepUpsInput, listStepUpsOutput, 'referrals.oversee'),
  'referrals.acknowledgeStepUp': channel(acknowledgeStepUpInput, saved, 'referrals.screen'),
  'referrals.saveStepUpPdf': channel(saveStepUpPdfInput, savedFile, 'referrals.screen'),
  'referrals.saveCinFile': channel(saveCinFileInput, savedFile, 'referrals.screen'),
  // Referrals on: made as a draft, then moved through the one state machine; sending is gated on consent in the core.
  // Reception (referrals.log only) never sees what a referral says: every one of these needs referrals.screen.
  'referrals.createOutbound': channel(createOutboundInput, saved, 'referrals.screen'),
  'referrals.moveOutbound': channel(moveOutboundInput, saved, 'referrals.screen'),
  'referrals.recordOverride': channel(recordOverrideInput, saved, 'referrals.screen'),
  'referrals.getOutbound': channel(z.object({ id: idField }), outboundRecord, 'referrals.screen'),
  'referrals.listOutbound': channel(listOutboundInput, listOutboundOutput, 'referrals.screen'),
  'referrals.printOutbound': channel(z.object({ id: idField }), outboundPrint, 'referrals.screen'),
  'referrals.savePdf': channel(saveOutboundPdfInput, savedPdf, 'referrals.screen'),
  // Referrals sent without consent, on a recorded override: for managers to look over.
  'referrals.listOverrides': channel(listOverridesInput, listOverridesOutput, 'referrals.oversee')
} as const satisfies Record<string, ChannelSpec>
