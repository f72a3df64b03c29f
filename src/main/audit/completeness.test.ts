import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sqlite3 from 'sqlite3'
// Every channel, called successfully, leaves exactly the audit entries its policy says: a change
// or a view of a record always, and nothing for calls that touch no one's record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract } from '../../shared/contract'
import { tempCasebook, TEST_SCRYPT, type TempCasebook } from '../testing/tempCasebook'
import { signedInUser } from '../testing/accounts'
import { CHOSEN_PASSWORD } from '../testing/channelSamples'
import { seedFamilies } from '../seed/seed'
import { readBackupHeader } from '../backup/crypto'
import { all, closeRaw, openRaw } from '../core/opening'
import { backupForTests } from '../recovery/backupForTests'
import { openCasebookOrRecovery } from '../recovery/recoveryCasebook'
import { stepUpWorld } from '../referrals/stepUpTestWorld'
import { okaforFamily, today } from '../testing/fixtures'
import { addDays } from '../../shared/dates'
import type { Connection } from '../core/casebook'

/** Entries a successful call must write: "action recordType", in order. */
const EXPECTED: Record<string, string[]> = {
  'auth.status': [],
  'auth.setUp': ['update hub', 'create user', 'sign-in user'],
  'auth.signIn': ['sign-in user'],
  'auth.signOut': ['sign-out user'],
  'auth.lock': [],
  'auth.activity': [],
  'auth.unlock': ['unlock user'],
  'auth.changePassword': ['update user'],
  'users.list': [],
  'users.directory': [],
  'users.create': ['create user'],
  'users.update': ['update user'],
  'users.setDisabled': ['update user'],
  'users.resetPassword': ['update user'],
  'hub.get': [],
  'hub.settings': [],
  'hub.update': ['update hub'],
  // Search answers name, age and address lines, not records; opening one is what is audited.
  'people.search': [],
  'people.checkDuplicates': [],
  'families.register': ['create family', 'create person', 'create person', 'create person', 'create person', 'create person'],
  'families.get': ['view family'],
  'families.update': ['update family'],
  'families.setRestriction': ['update family'],
  'families.addMember': ['create person', 'confirm-not-duplicate person'],
  'people.update': ['update person'],
  'people.move': ['move person'],
  'consent.record': ['create consent'],
  'consent.withdraw': ['withdraw consent'],
  'episodes.leads': [],
  'episodes.open': ['create consent', 'create episode'],
  'episodes.get': ['view episode'],
  'notes.add': ['create case-note'],
  'episodes.mine': [],
  'episodes.allOpen': [],
  'episodes.reallocate': ['update episode'],
  'team.save': ['create taf-member'],
  'team.remove': ['delete taf-member'],
  'assessment.save': ['create assessment'],
  'plan.save': ['create family-plan'],
  'reviews.add': ['create review', 'update family-plan'],
  'plan.savePdf': ['export family-plan'],
  'versions.list': ['view family-plan'],
  'versions.get': ['view family-plan'],
  'episodes.close': ['update episode'],
  'episodes.approveClosure': ['update episode'],
  'episodes.reopen': ['update episode'],
  'chronology.get': ['view chronology'],
  // Drafts are saved every few seconds while typing; the note they become is what is audited.
  'drafts.save': [],
  'drafts.get': [],
  'drafts.discard': [],
  'audit.verify': [],
  'audit.list': [],
  // A list is not a record; opening one request is.
  'referrals.logRequest': ['create request-for-help'],
  'referrals.listRequests': [],
  'referrals.getRequest': ['view request-for-help'],
  'referrals.screenRequest': ['update request-for-help'],
  'referrals.recordFeedback': ['update request-for-help'],
  // Lists, as the requests list: opening a request (or the family) is what is audited.
  'referrals.overview': [],
  'referrals.forFamily': [],
  // A referral on: made, sent (here on an override, which the update records with its lawful basis), opened, printed and saved as a PDF.
  'referrals.createOutbound': ['create outbound-referral'],
  'referrals.moveOutbound': ['update outbound-referral'],
  'referrals.recordOverride': ['update outbound-referral'],
  'referrals.getOutbound': ['view outbound-referral'],
  'referrals.listOutbound': [],
  'referrals.printOutbound': ['view outbound-referral'],
  'referrals.savePdf': ['export outbound-referral'],
  'referrals.listOverrides': [],
  // A step-up made from an episode; one opened; the manager's list (a list is not a record); social care's
  // acknowledgement; the referral saved as a PDF and a child's census file: each a copy outside Casebook.
  'referrals.stepUpFromEpisode': ['create step-up'],
  'referrals.getStepUp': ['view step-up'],
  'referrals.listStepUps': [],
  'referrals.acknowledgeStepUp': ['update step-up'],
  'referrals.saveStepUpPdf': ['export step-up'],
  'referrals.saveCinFile': ['export step-up'],
  // The directory is about services, not about anyone's record: reading it is not audited, keeping it is.
  'directory.search': [],
  'directory.organisations': [],
  'directory.getOrganisation': [],
  'directory.getService': [],
  'directory.saveOrganisation': ['create directory-organisation'],
  'directory.saveService': ['create directory-service'],
  'directory.feed': [],
  // The fixture file holds one service: its organisation, the service, and the import itself.
  'directory.import': ['create directory-organisation', 'create directory-service', 'create directory-import'],
  'export.overview': [],
  'export.validate': [],
  // Its start, then (the test waits for the run) its end: the package and its files.
  'export.start': ['export export-run', 'export export-run'],
  'export.progress': [],
  'export.history': [],
  'backup.overview': [],
  'backup.list': [],
  // Its start, then (the test waits for the run) its end, with the file's size and checksum.
  'backup.start': ['backup backup-run', 'backup backup-run'],
  'backup.progress': [],
  // Written into the backup before it is swapped in: the restored database's first entry after the backup's own.
  'backup.restore': ['restore database'],
  // The recovery screen's calls are made to a core whose database could not be opened (another file): telling
  // what happened and opening a copy read-only write nothing; the restore's entry is in the restored database.
  'recovery.status': [],
  'recovery.openReadOnly': [],
  'recovery.restore': ['restore database']
}

let t: TempCasebook
let window: Connection
let admin: Connection
let practitioner: Connection
const state: Record<string, any> = {}

/** A call that succeeds, for each channel, made in an order where each has what it needs. */
const CALLS: [string, () => [Connection, unknown]][] = [
  ['auth.status', () => [window, {}]],
  [
    'auth.setUp',
    () => [
      admin,
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
  ['hub.settings', () => [admin, {}]],
  [
    'hub.update',
    () => [
      admin,
      {
        version: 1,
        name: 'Riverside Family Hub',
        localAuthorityCode: '330',
        idleLockMinutes: 5,
        closureNeedsApproval: true,
        reviewWeeks: 6,
        requestDecisionDays: 2,
        referralAckDays: 5,
        stepUpSource: '8',
        exportNoteText: false
      }
    ]
  ],
  ['users.create', () => [admin, { displayName: 'Molly', username: 'molly', role: 'manager', temporaryPassword: 'marble tugboat violin' }]],
  ['users.list', () => [admin, {}]],
  ['users.resetPassword', () => [admin, { id: state.molly.id, version: state.molly.version, temporaryPassword: 'violet engine canopy' }]],
  ['users.setDisabled', () => [admin, { id: state.molly.id, version: state.molly.version + 1, disabled: false }]],
  ['users.update', () => [admin, { id: state.molly.id, version: state.molly.version + 2, displayName: 'Molly Jones', role: 'manager' }]],
  ['auth.signIn', () => [window, { username: 'molly', password: 'violet engine canopy' }]],
  [
    'auth.changePassword',
    () => [window, { currentPassword: 'violet engine canopy', newPassword: 'kettle harbour moss', confirmPassword: 'kettle harbour moss' }]
  ],
  ['auth.lock', () => [window, {}]],
  ['auth.unlock', () => [window, { password: 'kettle harbour moss' }]],
  ['auth.activity', () => [window, {}]],
  ['hub.get', () => [window, {}]],
  ['families.register', () => [window, okaforFamily()]],
  ['people.search', () => [window, { text: 'okafor' }]],
  ['people.checkDuplicates', () => [window, { familyName: 'Okafor', dateOfBirth: '2019-07-03' }]],
  ['families.get', () => [window, { id: state.family.id }]],
  ['families.update', () => [window, { id: state.family.id, version: 1, family: { ...state.view.family, phone: '0121 496 0999' } }]],
  [
    'referrals.logRequest',
    () => [
      window,
      {
        familyId: state.family.id,
        receivedOn: today,
        receivedTime: '00:00',
        channel: 'PHONE',
        referrerName: 'Dee Patel',
        source: '3B',
        childIds: [state.catherine.id],
        reason: 'Mum is finding the nights hard.',
        awareness: 'AWARE_AGREES',
        urgency: 'ROUTINE'
      }
    ]
  ],
  ['referrals.listRequests', () => [window, { show: 'waiting' }]],
  ['referrals.getRequest', () => [window, { id: state.request.id }]],
  ['referrals.screenRequest', () => [window, { id: state.request.id, version: 1, decision: 'DECLINE', decline: { reason: 'The school nurse is helping.' } }]],
  ['referrals.recordFeedback', () => [window, { id: state.request.id, version: 2, fedBackOn: today, method: 'PHONE' }]],
  ['referrals.overview', () => [window, { overdue: true }]],
  ['referrals.forFamily', () => [window, { familyId: state.family.id }]],
  [
    'referrals.stepUpFromEpisode',
    () => [
      window,
      {
        episodeId: state.stepUps.episodeId,
        concern: 'Ellie has told her teacher she is scared to go home.',
        childIds: [state.stepUps.episodeChildId],
        steppedUpOn: today
      }
    ]
  ],
  ['referrals.getStepUp', () => [window, { id: state.stepUps.stepUp.id }]],
  ['referrals.listStepUps', () => [window, { show: 'waiting' }]],
  ['referrals.acknowledgeStepUp', () => [window, { id: state.stepUps.stepUp.id, version: 1, acknowledgedOn: today, socialCareReference: 'SC-2026-0042' }]],
  ['referrals.saveStepUpPdf', () => [window, { id: state.stepUps.stepUp.id, fileName: 'Step-up.pdf' }]],
  ['referrals.saveCinFile', () => [window, { id: state.stepUps.stepUp.id, personId: state.catherine.id, fileName: 'Step-up Catherine.xml' }]],
  ['episodes.leads', () => [window, {}]],
  [
    'episodes.open',
    () => [
      window,
      {
        familyId: state.family.id,
        openedOn: today,
        leadUserId: state.molly.id,
        reason: 'Housing worries',
        headlines: ['HOUSING'],
        consentId: 'new',
        consentGivenById: state.grace.id,
        consentMethod: 'VERBAL',
        consentGivenOn: today
      }
    ]
  ],
  ['episodes.get', () => [window, { id: state.episode.id }]],
  ['episodes.mine', () => [window, {}]],
  ['episodes.allOpen', () => [window, {}]],
  ['episodes.reallocate', () => [window, { id: state.episode.id, version: 1, leadUserId: state.molly.id }]],
  ['team.save', () => [window, { episodeId: state.episode.id, name: 'Dee Brown', agency: 'Health visiting', role: 'Health visitor' }]],
  ['team.remove', () => [window, { id: state.member.id, version: 1 }]],
  [
    'assessment.save',
    () => [
      window,
      {
        episodeId: state.episode.id,
        startedOn: today,
        completedOn: null,
        subjects: [{ personId: null, domains: { CHILD_DEVELOPMENT: {}, PARENTS_CARERS: {}, FAMILY_ENVIRONMENT: {} } }]
      }
    ]
  ],
  [
    'plan.save',
    () => [
      window,
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
  ['plan.savePdf', () => [window, { episodeId: state.episode.id, fileName: 'Family plan.pdf' }]],
  [
    'reviews.add',
    () => [
      window,
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
  ['versions.list', () => [window, { episodeId: state.episode.id, document: 'family-plan' }]],
  ['versions.get', () => [window, { episodeId: state.episode.id, document: 'family-plan', version: 2 }]],
  // A practitioner's closure waits for a manager, who approves it, and later reopens the episode.
  [
    'episodes.close',
    () => [
      practitioner,
      { id: state.episode.id, version: 2, closedOn: today, reason: 'OUTCOMES_ACHIEVED', outcomes: { HOUSING: 'ACHIEVED' }, familyView: 'Settled now.' }
    ]
  ],
  ['episodes.approveClosure', () => [window, { id: state.episode.id, version: 3 }]],
  ['episodes.reopen', () => [window, { id: state.episode.id, version: 4, reason: 'The family asked for help again.' }]],
  ['drafts.save', () => [window, { key: `case-note:${state.family.id}`, payload: { text: 'Half a note' } }]],
  ['drafts.get', () => [window, { key: `case-note:${state.family.id}` }]],
  [
    'notes.add',
    () => [
      window,
      // The day before: a time today is refused until it has come, and the export below checks it is not in the future.
      {
        familyId: state.family.id,
        occurredOn: addDays(today, -1),
        occurredAt: '09:30',
        type: 'HOME_VISIT',
        text: 'Visited.',
        draftKey: `case-note:${state.family.id}`
      }
    ]
  ],
  ['drafts.discard', () => [window, { key: `case-note:${state.family.id}` }]],
  ['chronology.get', () => [window, { familyId: state.family.id }]],
  ['families.setRestriction', () => [window, { id: state.family.id, version: 2, restricted: true, allowedUserIds: [state.molly.id] }]],
  ['users.directory', () => [window, {}]],
  [
    'families.addMember',
    () => [
      window,
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
      window,
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
  ['people.move', () => [window, { id: state.samuel.id, version: state.samuel.version + 1, toFamilyReference: state.other.reference }]],
  ['consent.record', () => [window, { familyId: state.family.id, givenById: state.grace.id, scope: 'CONTACT', method: 'VERBAL', givenOn: today }]],
  ['consent.withdraw', () => [window, { id: state.consent.id, version: 1 }]],
  ['audit.verify', () => [window, {}]],
  ['audit.list', () => [window, {}]],
  ['directory.search', () => [window, { text: 'health' }]],
  ['directory.saveOrganisation', () => [window, { name: 'Acorn Community Trust' }]],
  ['directory.saveService', () => [window, { organisationId: state.organisation.id, name: 'Acorn Food Bank', serviceType: 'COMMUNITY', status: 'active' }]],
  ['directory.organisations', () => [window, { text: 'acorn' }]],
  ['directory.getOrganisation', () => [window, { id: state.organisation.id }]],
  ['directory.getService', () => [window, { id: state.service.id }]],
  [
    'referrals.createOutbound',
    () => [
      window,
      {
        familyId: state.family.id,
        episodeId: state.episode.id,
        serviceId: state.service.id,
        reason: 'Help with food.',
        personIds: [state.catherine.id],
        shared: ['identifiers', 'plan']
      }
    ]
  ],
  [
    'referrals.recordOverride',
    () => [
      window,
      { id: state.outbound.id, version: 1, override: { reason: 'Asking would put the child at risk.', lawfulBasis6: '6_1_E', lawfulBasis9: 'DPA_S1_P18' } }
    ]
  ],
  ['referrals.moveOutbound', () => [window, { id: state.outbound.id, version: 2, to: 'sent', method: 'SECURE_EMAIL' }]],
  ['referrals.getOutbound', () => [window, { id: state.outbound.id }]],
  ['referrals.listOutbound', () => [window, { familyId: state.family.id }]],
  ['referrals.printOutbound', () => [window, { id: state.outbound.id }]],
  ['referrals.savePdf', () => [window, { id: state.outbound.id, fileName: 'Referral.pdf' }]],
  ['referrals.listOverrides', () => [window, {}]],
  ['directory.feed', () => [window, {}]],
  ['directory.import', () => [window, {}]],
  ['export.overview', () => [window, {}]],
  ['export.validate', () => [window, {}]],
  ['export.start', () => [window, { kind: 'full', pseudonymised: false }]],
  ['export.progress', () => [window, { runId: state.exportRun.id }]],
  ['export.history', () => [window, {}]],
  ['backup.overview', () => [admin, {}]],
  ['backup.list', () => [admin, {}]],
  ['backup.start', () => [admin, {}]],
  ['backup.progress', () => [admin, { id: state.backupRun.id }]],
  ['auth.signOut', () => [window, {}]],
  // Last: a restore signs every window out, and takes the database back to the backup just taken.
  ['backup.restore', () => [admin, { fileName: state.backupFile }]],
  ['recovery.status', () => [rescue.window, {}]],
  ['recovery.openReadOnly', () => [rescue.window, {}]],
  ['recovery.restore', () => [rescue.window, { username: 'ivy', password: CHOSEN_PASSWORD, fileName: rescue.backup.fileName }]]
]

beforeAll(async () => {
  t = await tempCasebook('completeness')
  // This test is the window: asked to save a PDF, it writes the file where a user would have chosen.
  window = t.casebook.connect(undefined, {
    savePdf: async (name) => {
      writeFileSync(join(t.dir, name), '%PDF-1.7')
      return join(t.dir, name)
    },
    saveFile: async (name, content) => {
      writeFileSync(join(t.dir, name), content)
      return join(t.dir, name)
    }
  })
  admin = t.casebook.connect()
  // The directory's feed, as IT would set it: a file saved from it, of one service.
  t.casebook.core.directoryFeed = join(__dirname, '../directory/import/fixtures/v3-service-health-visiting.json')
  // The export folder, as IT would set it.
  t.casebook.core.exportFolder = t.dir
  practitioner = t.casebook.connect({ name: 'pat', permissions: new Set(['earlyHelp.read', 'earlyHelp.write', 'families.read']) })
})
/** A database that cannot be opened (garbage in its pages), with a backup beside it: for the recovery screen's calls. */
async function damagedWithBackup() {
  const r = await tempCasebook('completeness-rescue')
  await signedInUser(r, 'ivy', 'admin')
  await seedFamilies(r.casebook, { families: 60, seed: 1 })
  const backup = await backupForTests(r.databasePath)
  await r.casebook.close()
  const db = await openRaw(r.databasePath, sqlite3.OPEN_READWRITE)
  const [leaf] = await all<{ pageno: number }>(db, `SELECT pageno FROM dbstat WHERE name = 'person' AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1`)
  const [size] = await all<{ page_size: number }>(db, 'PRAGMA page_size')
  await closeRaw(db)
  const bytes = readFileSync(r.databasePath)
  bytes.fill(0xa5, (leaf!.pageno - 1) * size!.page_size, leaf!.pageno * size!.page_size)
  writeFileSync(r.databasePath, bytes)
  const casebook = await openCasebookOrRecovery({ databasePath: r.databasePath, passwordCost: TEST_SCRYPT })
  return { dir: r.dir, casebook, backup, window: casebook.connect() }
}
let rescue: Awaited<ReturnType<typeof damagedWithBackup>>
beforeAll(async () => {
  rescue = await damagedWithBackup()
})

afterAll(async () => {
  await rescue?.casebook.close()
  if (rescue) rmSync(rescue.dir, { recursive: true, force: true })
  await t.dispose()
})

const backupHead = async (path: string) => (await readBackupHeader(path)).header.auditHead?.seq ?? 0

const lastSeq = async () => (await t.casebook.core.db.query('SELECT coalesce(max(seq), 0) AS s FROM audit_entry'))[0].s as number

describe('audit completeness', () => {
  it('states the entries of every channel in the contract, and calls each', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(contract).sort())
    expect(CALLS.map(([c]) => c).sort()).toEqual(Object.keys(contract).sort())
  })

  it('writes exactly the stated entries for each successful call', async () => {
    for (const [channel, call] of CALLS) {
      const [connection, input] = call()
      // A restore's database goes on from the backup's last entry; the recovery screen's restore is of another database.
      const restoring = channel === 'backup.restore' || channel === 'recovery.restore'
      const before = restoring
        ? await backupHead(channel === 'backup.restore' ? join(t.dir, 'Backups', state.backupFile) : rescue.backup.path)
        : await lastSeq()
      const result = await connection.invoke(channel, input)
      expect({ channel, ok: result.ok, error: result.ok ? null : result.error }).toEqual({ channel, ok: true, error: null })
      if (channel === 'export.start') {
        state.exportRun = result.ok ? result.value : null
        await expect.poll(async () => ((await connection.invoke('export.progress', { runId: state.exportRun.id })) as any).value.status).toBe('succeeded')
      }
      if (channel === 'backup.start') {
        state.backupRun = result.ok ? result.value : null
        await t.casebook.core.backups.whenIdle()
      }
      const audited = channel === 'recovery.restore' ? rescue.casebook.core.db : t.casebook.core.db
      const written = (await audited.query('SELECT action, record_type AS type FROM audit_entry WHERE seq > ? ORDER BY seq', [before])).map(
        (e: { action: string; type: string }) => `${e.action} ${e.type}`
      )
      expect({ channel, written }).toEqual({ channel, written: EXPECTED[channel] })

      // What later calls need.
      const value = result.ok ? (result.value as any) : null
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
    expect(await t.ok('audit.verify', {})).toMatchObject({ intact: true })
  })
})
