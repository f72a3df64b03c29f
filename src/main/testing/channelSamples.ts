// One valid input for every channel, over a small world of real records (a family, its members and
// consent, an open episode with a team member): for tests that call every channel, so that a
// refusal can only be the rule under test (a permission, a fuzzed field), never a missing record.
// Writes that would change who can sign in (the users.* channels) name an account of their own,
// and saves of existing records carry a version nobody has (99), so they end in a conflict after
// every check but the last.
import type { Channel } from '../../shared/contract'
import type { Role } from '../../shared/roles'
import type { Connection } from '../core/casebook'
import { okaforFamily } from './fixtures'
import { signedInUser } from './accounts'
import type { TempCasebook } from './tempCasebook'

export const ROLES: Role[] = ['reception', 'practitioner', 'manager', 'admin']

/** The password signedInUser gives every account it makes. */
export const CHOSEN_PASSWORD = 'a chosen passphrase'

export interface SampleWorld {
  familyId: string
  /** The family as families.get answers it. */
  family: Record<string, unknown>
  /** An adult member, as families.get answers them. */
  person: Record<string, any>
  unbornExpectedDate: string
  consentId: string
  episodeId: string
  teamMemberId: string
  /** The practitioner who leads the episode. */
  leadUserId: string
  /** An organisation of the agency directory, and an active service of it. */
  organisationId: string
  serviceId: string
  /** An account that no window uses, for the users.* channels. */
  otherUserId: string
  /** A child of the family, and a request for help about them, waiting for a decision. */
  childId: string
  requestId: string
  /** A step-up to children's social care about the child, made by escalating a second request. */
  stepUpId: string
  /** A draft referral on of the child to the directory's service, from the episode. */
  outboundId: string
}

export interface RoleWindow {
  role: Role
  username: string
  userId: string
  connection: Connection
}

/** A signed-in window per role (username = role), each account's password changed to CHOSEN_PASSWORD. */
export async function roleWindows(t: TempCasebook): Promise<Record<Role, RoleWindow>> {
  const windows = {} as Record<Role, RoleWindow>
  for (const role of ROLES) {
    const { connection, id } = await signedInUser(t, role, role)
    windows[role] = { role, username: role, userId: id, connection }
  }
  return windows
}

/** The Okafors registered, with consent, an open episode led by `leadUserId` with a plan and a team member. */
export async function sampleWorld(t: TempCasebook, leadUserId: string): Promise<SampleWorld> {
  const { id: familyId } = await t.ok('families.register', okaforFamily())
  const view = await t.ok('families.get', { id: familyId })
  const person = view.members.find((m: { kind: string }) => m.kind === 'adult')
  const consent = await t.ok('consent.record', { familyId, givenById: person.id, scope: 'EARLY_HELP', method: 'VERBAL', givenOn: '2026-01-05' })
  const episode = await t.ok('episodes.open', {
    familyId,
    openedOn: '2026-01-05',
    leadUserId,
    reason: 'Housing worries',
    headlines: ['HOUSING'],
    consentId: consent.id
  })
  await t.ok('plan.save', planInput(episode.id, person.id, null))
  const team = await t.ok('team.save', { episodeId: episode.id, name: 'Dee Patel', agency: 'Health visiting', role: 'Health visitor' })
  const other = await t.ok('users.create', { displayName: 'Other User', username: 'other', role: 'reception', temporaryPassword: 'lantern orchard pebble' })
  const organisation = await t.ok('directory.saveOrganisation', { name: 'Acorn Community Trust' })
  const service = await t.ok('directory.saveService', { organisationId: organisation.id, name: 'Acorn Food Bank', serviceType: 'COMMUNITY', status: 'active' })
  const childId = view.members.find((m: { kind: string }) => m.kind === 'child').id
  const request = await t.ok('referrals.logRequest', requestInput(familyId, childId))
  const escalated = await t.ok('referrals.logRequest', requestInput(familyId, childId))
  const { stepUpId } = await t.ok('referrals.screenRequest', {
    id: escalated.id,
    version: escalated.version,
    decision: 'ESCALATE',
    escalate: { concern: 'Bruising seen on the child.', childIds: [childId], steppedUpOn: '2026-01-05' }
  })
  const outbound = await t.ok('referrals.createOutbound', outboundInput(familyId, episode.id, service.id, childId))
  return {
    familyId,
    family: view.family,
    person,
    unbornExpectedDate: view.members.find((m: { kind: string }) => m.kind === 'unborn').expectedDate,
    consentId: consent.id,
    episodeId: episode.id,
    teamMemberId: team.id,
    leadUserId,
    organisationId: organisation.id,
    serviceId: service.id,
    otherUserId: other.id,
    childId,
    requestId: request.id,
    stepUpId,
    outboundId: outbound.id
  }
}

/** A referral of the child on to the food bank, sharing their identifiers. */
function outboundInput(familyId: string, episodeId: string, serviceId: string, childId: string) {
  return { familyId, episodeId, serviceId, reason: 'Help with food while the benefits claim is settled.', personIds: [childId], shared: ['identifiers'] }
}

/** A health visitor's request for help with a child of the family. */
function requestInput(familyId: string, childId: string) {
  return {
    familyId,
    receivedOn: '2026-01-05',
    receivedTime: '10:00',
    channel: 'PHONE',
    referrerName: 'Dee Patel',
    referrerRole: 'Health visitor',
    agency: 'Riverside Health',
    source: '3B',
    childIds: [childId],
    reason: 'Mum is finding the nights hard.',
    awareness: 'AWARE_AGREES',
    urgency: 'ROUTINE'
  }
}

/** A family plan of one outcome with one action, for the family's adult to do. */
function planInput(episodeId: string, personId: string, version: number | null) {
  return {
    episodeId,
    version,
    agreedOn: '2026-01-05',
    outcomes: [
      {
        id: '00000000-0000-4000-8000-000000000001',
        text: 'Rent paid on time',
        headline: 'HOUSING',
        peopleIds: [personId],
        actions: [
          {
            id: '00000000-0000-4000-8000-000000000002',
            what: 'Apply for housing benefit',
            owner: `person:${personId}`,
            due: '2026-02-01',
            status: 'NOT_STARTED'
          }
        ]
      }
    ]
  }
}

export function channelSamples(w: SampleWorld): Record<Channel, unknown> {
  const person = `person:${w.person.id}`
  return {
    'auth.status': {},
    'auth.setUp': {
      hubName: 'X',
      hubCode: 'XX',
      localAuthorityCode: '111',
      displayName: 'X',
      username: 'x',
      password: 'lantern orchard pebble',
      confirmPassword: 'lantern orchard pebble'
    },
    'auth.signIn': { username: 'nobody', password: 'whatever it is' },
    'auth.signOut': {},
    'auth.unlock': { password: 'whatever it is' },
    'auth.lock': {},
    'auth.activity': {},
    'auth.changePassword': { currentPassword: 'not the password', newPassword: 'lantern orchard pebble', confirmPassword: 'lantern orchard pebble' },
    'users.list': {},
    'users.directory': {},
    'users.create': { displayName: 'New', username: 'newcomer', role: 'reception', temporaryPassword: 'lantern orchard pebble' },
    'users.update': { id: w.otherUserId, version: 99, displayName: 'Someone', role: 'reception' },
    'users.setDisabled': { id: w.otherUserId, version: 99, disabled: false },
    'users.resetPassword': { id: w.otherUserId, version: 99, temporaryPassword: 'lantern orchard pebble' },
    'hub.get': {},
    'hub.settings': {},
    'hub.update': {
      version: 99,
      name: 'Test hub',
      localAuthorityCode: '999',
      idleLockMinutes: 10,
      closureNeedsApproval: true,
      reviewWeeks: 6,
      requestDecisionDays: 2,
      referralAckDays: 5,
      stepUpSource: '8',
      exportNoteText: false,
      contactGapDays: 28
    },
    'people.search': { text: 'okafor' },
    'people.checkDuplicates': { givenName: 'Grace', familyName: 'Okafor', dateOfBirth: '2019-07-03', postcode: 'B33 8TH' },
    'families.register': { ...okaforFamily(), members: [{ member: { kind: 'unborn', familyName: 'Matrix', expectedDate: w.unbornExpectedDate } }] },
    'families.get': { id: w.familyId },
    'families.update': { id: w.familyId, version: 99, family: w.family },
    'families.setRestriction': { id: w.familyId, version: 99, restricted: false },
    'families.addMember': { familyId: w.familyId, member: { kind: 'unborn', familyName: 'Matrix', expectedDate: w.unbornExpectedDate } },
    'people.update': { id: w.person.id, version: 99, member: { ...w.person, kind: 'adult', ethnicity: 'BAFR' } },
    'people.move': { id: w.person.id, version: 99, toFamilyReference: 'TH-999999' },
    'consent.record': { familyId: w.familyId, givenById: w.person.id, scope: 'CONTACT', method: 'VERBAL', givenOn: '2026-01-05' },
    'consent.withdraw': { id: w.consentId, version: 99 },
    'episodes.leads': {},
    'episodes.open': {
      familyId: w.familyId,
      openedOn: '2026-01-05',
      leadUserId: w.leadUserId,
      reason: 'Housing worries',
      headlines: ['HOUSING'],
      consentId: 'new',
      consentGivenById: w.person.id,
      consentMethod: 'VERBAL',
      consentGivenOn: '2026-01-05'
    },
    'episodes.get': { id: w.episodeId },
    'team.save': { episodeId: w.episodeId, id: w.teamMemberId, version: 99, name: 'Dee Patel', agency: 'Health visiting', role: 'Health visitor' },
    'team.remove': { id: w.teamMemberId, version: 99 },
    'assessment.save': {
      episodeId: w.episodeId,
      version: 99,
      startedOn: '2026-01-05',
      completedOn: null,
      subjects: [{ personId: null, domains: { CHILD_DEVELOPMENT: {}, PARENTS_CARERS: {}, FAMILY_ENVIRONMENT: {} } }]
    },
    'plan.save': planInput(w.episodeId, w.person.id, 99),
    'plan.savePdf': { episodeId: w.episodeId, fileName: 'Family plan.pdf' },
    'reviews.add': {
      episodeId: w.episodeId,
      planVersion: 99,
      heldOn: '2026-01-05',
      attendees: [person],
      scores: [{ outcomeId: '00000000-0000-4000-8000-000000000001', score: 5, comment: 'Rent paid twice' }],
      nextReviewOn: '2026-02-16'
    },
    'versions.list': { episodeId: w.episodeId, document: 'family-plan' },
    'versions.get': { episodeId: w.episodeId, document: 'family-plan', version: 1 },
    'notes.add': { familyId: w.familyId, occurredOn: '2026-01-05', occurredAt: '10:00', type: 'PHONE_CALL', text: 'Spoke to mum.', peopleIds: [w.person.id] },
    'chronology.get': { familyId: w.familyId },
    'episodes.mine': {},
    'episodes.allOpen': {},
    'episodes.closuresAwaiting': {},
    'episodes.close': { id: w.episodeId, version: 99, closedOn: '2026-01-05', reason: 'MOVED_AWAY', outcomes: { HOUSING: 'PARTLY' }, familyView: 'Moving on.' },
    'episodes.approveClosure': { id: w.episodeId, version: 99 },
    'episodes.reopen': { id: w.episodeId, version: 99, reason: 'Back again' },
    'episodes.reallocate': { id: w.episodeId, version: 99, leadUserId: w.leadUserId },
    'drafts.save': { key: `case-note:${w.familyId}`, payload: { text: 'typing' } },
    'drafts.get': { key: `case-note:${w.familyId}` },
    'drafts.discard': { key: `case-note:${w.familyId}` },
    'audit.verify': {},
    'audit.list': {},
    'referrals.logRequest': requestInput(w.familyId, w.childId),
    'referrals.listRequests': { show: 'waiting' },
    'referrals.getRequest': { id: w.requestId },
    'referrals.screenRequest': { id: w.requestId, version: 99, decision: 'DECLINE', decline: { reason: 'Already known to the school nurse.' } },
    'referrals.recordFeedback': { id: w.requestId, version: 99, fedBackOn: '2026-01-06', method: 'PHONE' },
    'referrals.overview': { direction: 'in', status: 'in-waiting' },
    'referrals.forFamily': { familyId: w.familyId },
    'referrals.stepUpFromEpisode': { episodeId: w.episodeId, concern: 'Bruising seen on the child.', childIds: [w.childId], steppedUpOn: '2026-01-06' },
    'referrals.getStepUp': { id: w.stepUpId },
    'referrals.listStepUps': { show: 'waiting' },
    'referrals.acknowledgeStepUp': { id: w.stepUpId, version: 99, acknowledgedOn: '2026-01-06', socialCareReference: 'SC-2026-0042' },
    'referrals.saveStepUpPdf': { id: w.stepUpId, fileName: 'Step-up RV-000001.pdf' },
    'referrals.saveCinFile': { id: w.stepUpId, personId: w.childId, upnUnknown: 'UN1', fileName: 'Step-up RV-000001.xml' },
    'referrals.createOutbound': outboundInput(w.familyId, w.episodeId, w.serviceId, w.childId),
    'referrals.moveOutbound': { id: w.outboundId, version: 99, to: 'sent', method: 'SECURE_EMAIL' },
    'referrals.recordOverride': {
      id: w.outboundId,
      version: 99,
      override: { reason: 'Asking would put the child at risk.', lawfulBasis6: '6_1_E', lawfulBasis9: 'DPA_S1_P18' }
    },
    'referrals.getOutbound': { id: w.outboundId },
    'referrals.listOutbound': { familyId: w.familyId },
    'referrals.printOutbound': { id: w.outboundId },
    'referrals.savePdf': { id: w.outboundId, fileName: 'Referral RV-000001.pdf' },
    'referrals.listOverrides': {},
    'directory.search': { text: 'health' },
    'directory.organisations': { text: 'acorn' },
    'directory.getOrganisation': { id: w.organisationId },
    'directory.getService': { id: w.serviceId },
    'directory.saveOrganisation': { id: w.organisationId, version: 99, name: 'Acorn Community Trust' },
    'directory.saveService': {
      id: w.serviceId,
      version: 99,
      organisationId: w.organisationId,
      name: 'Acorn Food Bank',
      serviceType: 'COMMUNITY',
      status: 'active'
    },
    // No feed is set in these tests: the import answers that IT sets one, and changes nothing.
    'directory.feed': {},
    'directory.import': {},
    'export.overview': {},
    'export.validate': {},
    // No export folder is set in these tests: a start is refused before anything is written.
    'export.start': { kind: 'incremental', pseudonymised: false },
    'export.progress': { runId: '00000000-0000-4000-8000-000000000000' },
    'export.history': {},
    'backup.overview': {},
    'backup.list': {},
    // An administrator's start takes a real backup in the background (into Backups beside the test's
    // database): a test that compares the database before and after a call waits first for core.backups.whenIdle().
    'backup.start': {},
    'backup.progress': { id: '00000000-0000-4000-8000-000000000000' },
    // A backup no folder holds: the restore is refused (NOT_FOUND) after every other check, and nothing is swapped.
    'backup.restore': { fileName: 'casebook-th-20260105t100000000z.cbbackup' },
    // A core that opened its database as it should says so, and refuses the recovery screen's restore and read-only opening outright.
    'recovery.status': {},
    'recovery.restore': { username: 'admin', password: CHOSEN_PASSWORD, fileName: 'casebook-th-20260105t100000000z.cbbackup' },
    'recovery.openReadOnly': {},
    'changes.wait': { after: null }
  }
}

/** A window to call channels through: one of roleWindows, or one nobody has signed in to (username null). */
export interface TestWindow {
  name: string
  username: string | null
  connection: Connection
}

/**
 * Puts a window back as it was made (signed in and unlocked, or signed out) after a call that
 * changed its session (auth.signOut, auth.lock). Guesses of the password made through the window
 * may have locked the account (five wrong ones lock it for 15 minutes): the count is cleared first.
 */
export async function restoreWindow(t: TempCasebook, window: TestWindow): Promise<void> {
  const status = await window.connection.invoke('auth.status', {})
  if (!status.ok) throw new Error(`${window.name}: auth.status failed: ${JSON.stringify(status.error)}`)
  const { user, locked } = status.value as { user: { username: string } | null; locked: boolean }
  if (window.username === null) {
    if (user) await window.connection.invoke('auth.signOut', {})
    return
  }
  if (user?.username === window.username && !locked) return
  const username = window.username
  const attempt = () =>
    user?.username === username
      ? window.connection.invoke('auth.unlock', { password: CHOSEN_PASSWORD })
      : window.connection.invoke('auth.signIn', { username, password: CHOSEN_PASSWORD })
  if (user && user.username !== username) await window.connection.invoke('auth.signOut', {})
  await t.casebook.core.writes.run((m) => m.query('UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE username = ?', [username]))
  const result = await attempt()
  if (!result.ok) throw new Error(`${window.name}: could not sign in again: ${JSON.stringify(result.error)}`)
}
