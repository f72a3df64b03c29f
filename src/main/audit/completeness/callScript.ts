// The script ../completeness.test.ts runs: a call that succeeds for each channel, in an order where
// each has what it needs, and what each answer gives the calls after it.
import type { Channel } from '../../../shared/contract'
import type { Connection } from '../../core/casebook'
import { stepUpWorld } from '../../referrals/stepUpTestWorld'
import type { TestBackup } from '../../testing/backupForTests'
import { channelSamples, CHOSEN_PASSWORD, type SampleWorld } from '../../testing/channelSamples'
import { okaforFamily, today } from '../../testing/fixtures'
import type { TempCasebook } from '../../testing/tempCasebook'
import { addDays } from '../../../shared/dates'

/** Who makes the calls, set up by the test before the first; the script reads them only as each call is made. */
export interface CallWorld {
  t: TempCasebook
  /** The window that signs in (as molly) and does most of the work. */
  window: Connection
  admin: Connection
  /** A practitioner, whose closure waits for a manager's approval. */
  practitioner: Connection
  /** The recovery screen's window, on a damaged database with a backup beside it. */
  rescue: { window: Connection; backup: TestBackup }
  /** What earlier calls answered, for later ones. */
  state: Record<string, any>
}

export type Call = [Channel, () => [Connection, unknown]]

/** A backup run and a backup file that are nowhere: what the backup channels are asked about where none can be taken. */
const NO_BACKUP_RUN = '00000000-0000-4000-8000-000000000000'
const NO_BACKUP_FILE = 'casebook-th-20261124t120000000z.cbbackup'

/**
 * channelSamples' inputs over the records the script has made by the time of the call: the script
 * calls with the samples every test of every channel uses, changing only what a call that must
 * succeed needs (the version it saves over, today's date, no id for a new record).
 */
function samplesNow(state: CallWorld['state']): Record<Channel, any> {
  return channelSamples({
    familyId: state.family?.id,
    family: state.view?.family,
    // Consent is an adult's to give: Grace's (nobody until the family is read; the samples read person.id).
    person: state.grace ?? {},
    consentId: state.consent?.id,
    episodeId: state.episode?.id,
    leadUserId: state.molly?.id,
    organisationId: state.organisation?.id,
    serviceId: state.service?.id,
    childId: state.catherine?.id,
    requestId: state.request?.id,
    stepUpId: state.stepUps?.stepUp.id,
    outboundId: state.outbound?.id
  } as SampleWorld)
}

/** A call that succeeds, for each channel, made in an order where each has what it needs. */
export function callScript(world: CallWorld): Call[] {
  const { state } = world
  const sample = (channel: Channel) => samplesNow(state)[channel]
  return [
    ['auth.status', () => [world.window, {}]],
    [
      'auth.setUp',
      () => [
        world.admin,
        {
          hubName: 'Hub',
          hubCode: 'TH',
          localAuthorityCode: '999',
          displayName: 'Ivy',
          username: 'ivy',
          password: 'lantern orchard pebble',
          confirmPassword: 'lantern orchard pebble'
        }
      ]
    ],
    ['hub.settings', () => [world.admin, {}]],
    ['hub.update', () => [world.admin, { ...sample('hub.update'), version: 1 }]],
    ['users.create', () => [world.admin, { displayName: 'Molly', username: 'molly', role: 'manager', temporaryPassword: 'marble tugboat violin' }]],
    ['users.list', () => [world.admin, {}]],
    ['users.resetPassword', () => [world.admin, { id: state.molly.id, version: state.molly.version, temporaryPassword: 'violet engine canopy' }]],
    ['users.setDisabled', () => [world.admin, { id: state.molly.id, version: state.molly.version + 1, disabled: false }]],
    ['users.update', () => [world.admin, { id: state.molly.id, version: state.molly.version + 2, displayName: 'Molly Jones', role: 'manager' }]],
    ['auth.signIn', () => [world.window, { username: 'molly', password: 'violet engine canopy' }]],
    [
      'auth.changePassword',
      () => [world.window, { currentPassword: 'violet engine canopy', newPassword: 'kettle harbour moss', confirmPassword: 'kettle harbour moss' }]
    ],
    ['auth.lock', () => [world.window, {}]],
    ['auth.unlock', () => [world.window, { password: 'kettle harbour moss' }]],
    ['auth.activity', () => [world.window, {}]],
    ['hub.get', () => [world.window, {}]],
    ['families.register', () => [world.window, okaforFamily()]],
    ['people.search', () => [world.window, { text: 'okafor' }]],
    ['people.checkDuplicates', () => [world.window, { familyName: 'Okafor', dateOfBirth: '2019-07-03' }]],
    ['families.get', () => [world.window, { id: state.family.id }]],
    ['families.update', () => [world.window, { id: state.family.id, version: 1, family: { ...state.view.family, phone: '0121 496 0999' } }]],
    ['referrals.logRequest', () => [world.window, { ...sample('referrals.logRequest'), receivedOn: today, receivedTime: '00:00' }]],
    ['referrals.listRequests', () => [world.window, { show: 'waiting' }]],
    ['referrals.getRequest', () => [world.window, { id: state.request.id }]],
    ['referrals.screenRequest', () => [world.window, { ...sample('referrals.screenRequest'), version: 1 }]],
    ['referrals.recordFeedback', () => [world.window, { ...sample('referrals.recordFeedback'), version: 2, fedBackOn: today }]],
    ['referrals.overview', () => [world.window, { overdue: true }]],
    ['referrals.forFamily', () => [world.window, { familyId: state.family.id }]],
    [
      'referrals.stepUpFromEpisode',
      () => [
        world.window,
        {
          episodeId: state.stepUps.episodeId,
          concern: 'Ellie has told her teacher she is scared to go home.',
          childIds: [state.stepUps.episodeChildId],
          steppedUpOn: today
        }
      ]
    ],
    ['referrals.getStepUp', () => [world.window, { id: state.stepUps.stepUp.id }]],
    ['referrals.listStepUps', () => [world.window, { show: 'waiting' }]],
    ['referrals.acknowledgeStepUp', () => [world.window, { ...sample('referrals.acknowledgeStepUp'), version: 1, acknowledgedOn: today }]],
    ['referrals.saveStepUpPdf', () => [world.window, { id: state.stepUps.stepUp.id, fileName: 'Step-up.pdf' }]],
    ['referrals.saveCinFile', () => [world.window, { id: state.stepUps.stepUp.id, personId: state.catherine.id, fileName: 'Step-up Catherine.xml' }]],
    ['episodes.leads', () => [world.window, {}]],
    ['episodes.open', () => [world.window, { ...sample('episodes.open'), openedOn: today, consentGivenOn: today }]],
    ['episodes.get', () => [world.window, { id: state.episode.id }]],
    ['episodes.mine', () => [world.window, {}]],
    ['episodes.allOpen', () => [world.window, {}]],
    ['episodes.closuresAwaiting', () => [world.window, {}]],
    ['episodes.reallocate', () => [world.window, { ...sample('episodes.reallocate'), version: 1 }]],
    ['team.save', () => [world.window, { ...sample('team.save'), id: null, version: null }]],
    ['team.remove', () => [world.window, { id: state.member.id, version: 1 }]],
    ['assessment.save', () => [world.window, { ...sample('assessment.save'), version: null, startedOn: today }]],
    [
      'plan.save',
      () => [
        world.window,
        {
          episodeId: state.episode.id,
          agreedOn: today,
          outcomes: [
            {
              id: '11111111-1111-4111-8111-111111111111',
              text: 'The rent is paid on time',
              headline: 'HOUSING',
              peopleIds: [state.catherine.id],
              actions: [
                {
                  id: '22222222-2222-4222-8222-222222222222',
                  what: 'Apply for help with rent',
                  owner: `person:${state.catherine.id}`,
                  due: today,
                  status: 'NOT_STARTED'
                }
              ]
            }
          ]
        }
      ]
    ],
    ['plan.savePdf', () => [world.window, { episodeId: state.episode.id, fileName: 'Family plan.pdf' }]],
    [
      'reviews.add',
      () => [
        world.window,
        {
          episodeId: state.episode.id,
          planVersion: 1,
          heldOn: today,
          attendees: [`person:${state.catherine.id}`],
          scores: [{ outcomeId: '11111111-1111-4111-8111-111111111111', score: 4 }],
          actions: [{ id: '22222222-2222-4222-8222-222222222222', status: 'IN_PROGRESS' }],
          nextReviewOn: '2099-01-01'
        }
      ]
    ],
    // The plan as agreed (version 1) and as the review moved it on (version 2) are both kept.
    ['versions.list', () => [world.window, { episodeId: state.episode.id, document: 'family-plan' }]],
    ['versions.get', () => [world.window, { episodeId: state.episode.id, document: 'family-plan', version: 2 }]],
    // A practitioner's closure waits for a manager, who approves it, and later reopens the episode.
    ['episodes.close', () => [world.practitioner, { ...sample('episodes.close'), version: 2, closedOn: today }]],
    ['episodes.approveClosure', () => [world.window, { ...sample('episodes.approveClosure'), version: 3 }]],
    ['episodes.reopen', () => [world.window, { ...sample('episodes.reopen'), version: 4 }]],
    ['drafts.save', () => [world.window, sample('drafts.save')]],
    ['drafts.get', () => [world.window, sample('drafts.get')]],
    [
      'notes.add',
      () => [
        world.window,
        // The day before: a time today is refused until it has come, and the export below checks it is not in the future.
        { ...sample('notes.add'), occurredOn: addDays(today, -1), draftKey: sample('drafts.save').key }
      ]
    ],
    ['drafts.discard', () => [world.window, sample('drafts.discard')]],
    ['chronology.get', () => [world.window, { familyId: state.family.id }]],
    ['families.setRestriction', () => [world.window, { id: state.family.id, version: 2, restricted: true, allowedUserIds: [state.molly.id] }]],
    ['users.directory', () => [world.window, {}]],
    [
      'families.addMember',
      () => [
        world.window,
        {
          familyId: state.family.id,
          member: { kind: 'child', givenName: 'Kathryn', familyName: 'Okafor', dateOfBirth: '2019-07-03', sex: 'F', ethnicity: 'BAFR' },
          notDuplicateOf: [state.catherine.id]
        }
      ]
    ],
    [
      'people.update',
      () => [
        world.window,
        {
          id: state.samuel.id,
          version: state.samuel.version,
          member: {
            kind: 'adult',
            givenName: 'Sam',
            familyName: 'Okafor',
            dateOfBirth: state.samuel.dateOfBirth,
            sex: 'M',
            ethnicity: 'BAFR',
            relationship: 'PARENT_CARER'
          }
        }
      ]
    ],
    ['people.move', () => [world.window, { id: state.samuel.id, version: state.samuel.version + 1, toFamilyReference: state.other.reference }]],
    ['consent.record', () => [world.window, { ...sample('consent.record'), givenOn: today }]],
    ['consent.withdraw', () => [world.window, { ...sample('consent.withdraw'), version: 1 }]],
    ['audit.verify', () => [world.window, {}]],
    ['audit.list', () => [world.window, {}]],
    ['directory.search', () => [world.window, { text: 'health' }]],
    ['directory.saveOrganisation', () => [world.window, { ...sample('directory.saveOrganisation'), id: null, version: null }]],
    ['directory.saveService', () => [world.window, { ...sample('directory.saveService'), id: null, version: null }]],
    ['directory.organisations', () => [world.window, { text: 'acorn' }]],
    ['directory.getOrganisation', () => [world.window, { id: state.organisation.id }]],
    ['directory.getService', () => [world.window, { id: state.service.id }]],
    ['referrals.createOutbound', () => [world.window, sample('referrals.createOutbound')]],
    ['referrals.recordOverride', () => [world.window, { ...sample('referrals.recordOverride'), version: 1 }]],
    ['referrals.moveOutbound', () => [world.window, { ...sample('referrals.moveOutbound'), version: 2 }]],
    ['referrals.getOutbound', () => [world.window, { id: state.outbound.id }]],
    ['referrals.listOutbound', () => [world.window, { familyId: state.family.id }]],
    ['referrals.printOutbound', () => [world.window, { id: state.outbound.id }]],
    ['referrals.savePdf', () => [world.window, { id: state.outbound.id, fileName: 'Referral.pdf' }]],
    ['referrals.listOverrides', () => [world.window, {}]],
    ['directory.feed', () => [world.window, {}]],
    ['directory.import', () => [world.window, {}]],
    ['export.overview', () => [world.window, {}]],
    ['export.validate', () => [world.window, {}]],
    ['export.start', () => [world.window, { kind: 'full', pseudonymised: false }]],
    ['export.progress', () => [world.window, { runId: state.exportRun.id }]],
    ['export.history', () => [world.window, {}]],
    ['changes.wait', () => [world.window, { after: null }]],
    ['backup.overview', () => [world.admin, {}]],
    ['backup.list', () => [world.admin, {}]],
    ['backup.start', () => [world.admin, {}]],
    // On PostgreSQL no backup was taken (backup.start is refused there): a run's id and a file's name of the
    // right form, so that the refusal answers, not validation.
    ['backup.progress', () => [world.admin, { id: state.backupRun?.id ?? NO_BACKUP_RUN }]],
    ['auth.signOut', () => [world.window, {}]],
    // Last: a restore signs every window out, and takes the database back to the backup just taken.
    ['backup.restore', () => [world.admin, { fileName: state.backupFile ?? NO_BACKUP_FILE }]],
    ['recovery.status', () => [world.rescue.window, {}]],
    ['recovery.openReadOnly', () => [world.rescue.window, {}]],
    ['recovery.restore', () => [world.rescue.window, { username: 'ivy', password: CHOSEN_PASSWORD, fileName: world.rescue.backup.fileName }]]
  ]
}

/** Keeps what a call's answer gives the calls after it (and makes what they need beside it). */
export async function remember(world: CallWorld, channel: Channel, value: any): Promise<void> {
  const { t, state } = world
  if (channel === 'backup.progress') state.backupFile = value.fileName
  if (channel === 'users.list') state.molly = value.users.find((u: { username: string }) => u.username === 'molly')
  if (channel === 'families.register') {
    state.family = value
    state.other = await t.ok('families.register', {
      ...okaforFamily(),
      family: { ...okaforFamily().family, postcode: 'M1 1AE' },
      members: [
        {
          member: {
            kind: 'adult',
            givenName: 'Ruth',
            familyName: 'Bell',
            dateOfBirth: '1970-01-01',
            sex: 'F',
            ethnicity: 'WBRI',
            relationship: 'PARENT_CARER'
          }
        }
      ]
    })
  }
  if (channel === 'families.get') {
    state.view = value
    state.catherine = value.members.find((m: { givenName: string }) => m.givenName === 'Catherine')
    // Consent is an adult's to give (a seven-year-old's is refused).
    state.grace = value.members.find((m: { givenName: string }) => m.givenName === 'Grace')
    state.samuel = value.members.find((m: { givenName: string }) => m.givenName === 'Samuel')
  }
  if (channel === 'consent.record') state.consent = value
  if (channel === 'episodes.open') state.episode = value
  if (channel === 'team.save') state.member = value
  if (channel === 'directory.saveOrganisation') state.organisation = value
  if (channel === 'directory.saveService') state.service = value
  if (channel === 'referrals.logRequest') state.request = value
  if (channel === 'referrals.createOutbound') state.outbound = value
  if (channel === 'referrals.logRequest')
    state.stepUps = await stepUpWorld(t, {
      familyId: state.family.id,
      childId: state.catherine.id,
      otherFamilyId: state.other.id,
      leadUserId: state.molly.id,
      today
    })
}
