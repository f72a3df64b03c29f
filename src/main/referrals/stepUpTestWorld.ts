// For tests that need step-ups: one made by escalating a request about a child, and an episode
// closed as "stepped up" ready for its own step-up. Made through the channels, by a trusted caller.
import type { TempCasebook } from '../testing/tempCasebook'

export interface StepUpWorld {
  /** Escalated from a request about `childId`, not yet acknowledged. */
  stepUp: { id: string; version: number }
  /** Closed as stepped up, with no step-up of its own yet; `episodeChildId` is a child of its family. */
  episodeId: string
  episodeChildId: string
}

/**
 * `familyId`/`childId`: a family and its child to escalate a request about. `otherFamilyId`: a family
 * with no current episode and an adult, who gives consent to early help; a child is added to it.
 */
export async function stepUpWorld(
  t: TempCasebook,
  w: { familyId: string; childId: string; otherFamilyId: string; leadUserId: string; today: string }
): Promise<StepUpWorld> {
  const request = await t.ok('referrals.logRequest', {
    familyId: w.familyId,
    receivedOn: w.today,
    receivedTime: '00:00',
    channel: 'PHONE',
    referrerName: 'Dee Patel',
    source: '3B',
    childIds: [w.childId],
    reason: 'Bruising seen on the child.',
    awareness: 'NOT_AWARE',
    urgency: 'URGENT'
  })
  const escalated = await t.ok('referrals.screenRequest', {
    id: request.id,
    version: request.version,
    decision: 'ESCALATE',
    escalate: { concern: 'Bruising seen on the child.', childIds: [w.childId], steppedUpOn: w.today }
  })
  const other = await t.ok('families.get', { id: w.otherFamilyId })
  const adult = other.members.find((m: { kind: string }) => m.kind === 'adult')
  const child = await t.ok('families.addMember', {
    familyId: w.otherFamilyId,
    member: { kind: 'child', givenName: 'Ellie', familyName: 'Bell', dateOfBirth: '2018-02-01', sex: 'F', ethnicity: 'WBRI' }
  })
  const episode = await t.ok('episodes.open', {
    familyId: w.otherFamilyId,
    openedOn: w.today,
    leadUserId: w.leadUserId,
    reason: 'Housing worries',
    headlines: ['HOUSING'],
    consentId: 'new',
    consentGivenById: adult.id,
    consentMethod: 'VERBAL',
    consentGivenOn: w.today
  })
  await t.ok('episodes.close', {
    id: episode.id,
    version: episode.version,
    closedOn: w.today,
    reason: 'STEPPED_UP',
    stepUpOn: w.today,
    outcomes: { HOUSING: 'NOT_ACHIEVED' },
    familyView: 'They know why.'
  })
  return { stepUp: { id: escalated.stepUpId, version: 1 }, episodeId: episode.id, episodeChildId: child.id }
}
