// The IPC contract: every channel's input schema, output schema and permission, in one place.
// Main validates with it, the preload is typed by it, and forms validate with the same schemas.
import { z } from 'zod'
import type { Result } from './result'
import { hubRecord, hubSettings, updateHubInput } from './hub/schemas'
import { duplicateCheckInput, duplicateCheckOutput, searchInput, searchOutput } from './search/schemas'
import {
  addMemberInput,
  familyRecord,
  getFamilyInput,
  movePersonInput,
  personRecord,
  registerFamilyInput,
  setRestrictionInput,
  updateFamilyInput,
  updatePersonInput
} from './families/schemas'
import { consentRecord, recordConsentInput, withdrawConsentInput } from './consent/schemas'
import { idField, versionField } from './fields'
import { auditListInput, auditListOutput, auditVerification } from './audit/schemas'
import {
  authStatus,
  changePasswordInput,
  createUserInput,
  resetPasswordInput,
  sessionUser,
  updateUserInput,
  setupInput,
  setUserDisabledInput,
  signInInput,
  unlockInput,
  userRecord
} from './accounts/schemas'

import { roleSchema } from './roles'
import { channel, type ChannelSpec } from './channel'
import { directoryChannels } from './directory/contract'
import { referralChannels } from './referrals/contract'
import { exportChannels } from './export/contract'
import { backupChannels } from './backup/contract'
import { recoveryChannels } from './recovery/contract'
import { changesChannels } from './changes/contract'
import {
  addNoteInput,
  allOpenInput,
  approveClosureInput,
  caseloadOutput,
  closeEpisodeInput,
  reopenEpisodeInput,
  episodeDetail,
  episodeNotice,
  leadChoices,
  openEpisodeInput,
  pastEpisode,
  reallocateInput
} from './earlyHelp/schemas'
import { removeTeamMemberInput, saveTeamMemberInput } from './earlyHelp/team'
import { chronologyAnswer, chronologyInput } from './earlyHelp/chronology'
import { closuresAwaitingInput, closuresAwaitingOutput } from './earlyHelp/closures'
import { saveAssessmentInput } from './earlyHelp/assessment'
import { addReviewInput, savedPdf, savePlanInput, savePlanPdfInput } from './earlyHelp/plan'
import { documentVersionInput, documentVersionOutput, documentVersionsInput, documentVersionsOutput } from './earlyHelp/history'
import { draftKeyInput, draftRecord, saveDraftInput } from './drafts/schemas'
export { PERMISSIONS, type Permission } from './roles'

export type { ChannelSpec } from './channel'

const saved = z.object({ id: idField, version: versionField })

const userName = z.object({ id: idField, displayName: z.string() })

export const familyView = z.object({
  family: familyRecord,
  members: z.array(personRecord),
  consents: z.array(consentRecord),
  /** Who may open the family when it is restricted (managers always can). */
  allowedUsers: z.array(userName),
  /** Everyone who may open the family sees whether an episode is open and who leads it. */
  openEpisode: episodeNotice.nullable(),
  pastEpisodes: z.array(pastEpisode)
})
export type FamilyView = z.infer<typeof familyView>

const nothing = z.object({})

export const contract = {
  'auth.status': channel(nothing, authStatus, 'public'),
  'auth.setUp': channel(setupInput, sessionUser, 'public'),
  'auth.signIn': channel(signInInput, sessionUser, 'public'),
  'auth.signOut': channel(nothing, nothing, 'public'),
  'auth.lock': channel(nothing, nothing, 'signedIn'),
  // The page reports keyboard and mouse use (throttled) so the core's own idle lock follows the user.
  'auth.activity': channel(nothing, nothing, 'signedIn'),
  // Public because a locked session can call nothing else; it answers only the signed-in user.
  'auth.unlock': channel(unlockInput, sessionUser, 'public'),
  'auth.changePassword': channel(changePasswordInput, sessionUser, 'signedIn'),
  'users.list': channel(nothing, z.object({ users: z.array(userRecord) }), 'users.manage'),
  // The people a manager can name on a restricted family.
  'users.directory': channel(nothing, z.object({ users: z.array(userName.extend({ role: roleSchema })) }), 'families.restrict'),
  'users.create': channel(createUserInput, saved, 'users.manage'),
  'users.update': channel(updateUserInput, saved, 'users.manage'),
  'users.setDisabled': channel(setUserDisabledInput, saved, 'users.manage'),
  'users.resetPassword': channel(resetPasswordInput, saved, 'users.manage'),
  'hub.get': channel(z.object({}), hubRecord, 'hub.read'),
  'hub.settings': channel(nothing, hubSettings, 'hub.manage'),
  'hub.update': channel(updateHubInput, z.object({ version: versionField }), 'hub.manage'),
  'people.search': channel(searchInput, searchOutput, 'people.search'),
  'people.checkDuplicates': channel(duplicateCheckInput, duplicateCheckOutput, 'people.search'),
  'families.register': channel(registerFamilyInput, z.object({ id: idField, reference: z.string() }), 'families.write'),
  'families.get': channel(getFamilyInput, familyView, 'families.read'),
  'families.update': channel(updateFamilyInput, saved, 'families.write'),
  'families.setRestriction': channel(setRestrictionInput, saved, 'families.restrict'),
  'families.addMember': channel(addMemberInput, saved, 'families.write'),
  'people.update': channel(updatePersonInput, saved, 'families.write'),
  'people.move': channel(movePersonInput, saved.extend({ familyId: idField }), 'families.write'),
  'consent.record': channel(recordConsentInput, saved, 'consent.write'),
  'consent.withdraw': channel(withdrawConsentInput, saved, 'consent.write'),
  'episodes.leads': channel(nothing, leadChoices, 'earlyHelp.write'),
  'episodes.open': channel(openEpisodeInput, saved, 'earlyHelp.write'),
  'episodes.get': channel(z.object({ id: idField }), episodeDetail, 'earlyHelp.read'),
  'team.save': channel(saveTeamMemberInput, saved, 'earlyHelp.write'),
  'team.remove': channel(removeTeamMemberInput, saved, 'earlyHelp.write'),
  'assessment.save': channel(saveAssessmentInput, saved, 'earlyHelp.write'),
  'plan.save': channel(savePlanInput, saved, 'earlyHelp.write'),
  'reviews.add': channel(addReviewInput, saved, 'earlyHelp.write'),
  // The window saves the page; the core checks who may, and records that a copy left Casebook.
  'plan.savePdf': channel(savePlanPdfInput, savedPdf, 'earlyHelp.read'),
  // The kept versions of an episode's plan or assessment, and one of them as it was saved.
  'versions.list': channel(documentVersionsInput, documentVersionsOutput, 'earlyHelp.read'),
  'versions.get': channel(documentVersionInput, documentVersionOutput, 'earlyHelp.read'),
  'notes.add': channel(addNoteInput, saved, 'earlyHelp.write'),
  'episodes.mine': channel(nothing, caseloadOutput, 'earlyHelp.read'),
  'episodes.allOpen': channel(allOpenInput, caseloadOutput, 'episodes.manage'),
  'episodes.reallocate': channel(reallocateInput, saved, 'episodes.manage'),
  'episodes.close': channel(closeEpisodeInput, saved, 'earlyHelp.write'),
  'episodes.approveClosure': channel(approveClosureInput, saved, 'episodes.manage'),
  'episodes.closuresAwaiting': channel(closuresAwaitingInput, closuresAwaitingOutput, 'episodes.manage'),
  'episodes.reopen': channel(reopenEpisodeInput, saved, 'episodes.manage'),
  'chronology.get': channel(chronologyInput, chronologyAnswer, 'earlyHelp.read'),
  // Reception keep a draft of the registration they are typing; a draft of casework (note, assessment,
  // plan, review) also needs earlyHelp.write and its record's access, which the core checks (drafts/service.ts).
  'drafts.save': channel(saveDraftInput, z.object({ savedAt: z.string() }), 'families.write'),
  'drafts.get': channel(draftKeyInput, draftRecord, 'families.write'),
  'drafts.discard': channel(draftKeyInput, nothing, 'families.write'),
  'audit.verify': channel(z.object({}), auditVerification, 'audit.read'),
  'audit.list': channel(auditListInput, auditListOutput, 'audit.read'),
  ...directoryChannels,
  ...referralChannels,
  ...exportChannels,
  ...backupChannels,
  ...recoveryChannels,
  ...changesChannels
} as const satisfies Record<string, ChannelSpec>

export type Contract = typeof contract
export type Channel = keyof Contract
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>

/** The whole of what the preload exposes to the page. */
export interface CasebookApi {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>
}

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)
}
