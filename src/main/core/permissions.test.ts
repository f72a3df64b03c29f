// Every channel × every role: allowed or refused as the hub's access policy says. The policy is
// written out here by hand, not read from the code, so that a change to either is a visible diff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract } from '../../shared/contract'
import type { Role } from '../../shared/roles'
import type { Connection } from './casebook'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { okaforFamily } from '../testing/fixtures'

const R: Role[] = ['reception', 'practitioner', 'manager', 'admin']
const CASEWORK: Role[] = ['reception', 'practitioner', 'manager']
const EARLY_HELP: Role[] = ['practitioner', 'manager']
const PUBLIC = 'anyone, signed in or not'
const ANY = 'any signed-in user'

/** The policy of issue 3: who may call each channel. */
const POLICY: Record<string, Role[] | typeof PUBLIC | typeof ANY> = {
  'auth.status': PUBLIC,
  'auth.setUp': PUBLIC,
  'auth.signIn': PUBLIC,
  'auth.signOut': PUBLIC,
  'auth.unlock': PUBLIC,
  'auth.lock': ANY,
  'auth.activity': ANY,
  'auth.changePassword': ANY,
  'users.list': ['admin'],
  'users.directory': ['manager'],
  'users.create': ['admin'],
  'users.update': ['admin'],
  'users.setDisabled': ['admin'],
  'users.resetPassword': ['admin'],
  'hub.get': R,
  'hub.settings': ['admin'],
  'hub.update': ['admin'],
  'people.search': CASEWORK,
  'people.checkDuplicates': CASEWORK,
  'families.register': CASEWORK,
  'families.get': CASEWORK,
  'families.update': CASEWORK,
  'families.setRestriction': ['manager'],
  'families.addMember': CASEWORK,
  'people.update': CASEWORK,
  'people.move': CASEWORK,
  'consent.record': CASEWORK,
  'consent.withdraw': CASEWORK,
  'episodes.leads': EARLY_HELP,
  'episodes.open': EARLY_HELP,
  'episodes.get': EARLY_HELP,
  'team.save': EARLY_HELP,
  'team.remove': EARLY_HELP,
  'assessment.save': EARLY_HELP,
  'plan.save': EARLY_HELP,
  'reviews.add': EARLY_HELP,
  'plan.savePdf': EARLY_HELP,
  'versions.list': EARLY_HELP,
  'versions.get': EARLY_HELP,
  'notes.add': EARLY_HELP,
  'episodes.mine': EARLY_HELP,
  'episodes.allOpen': ['manager'],
  'episodes.reallocate': ['manager'],
  'episodes.close': EARLY_HELP,
  'episodes.approveClosure': ['manager'],
  'episodes.reopen': ['manager'],
  'chronology.get': EARLY_HELP,
  'drafts.save': ANY,
  'drafts.get': ANY,
  'drafts.discard': ANY,
  'audit.verify': ['manager'],
  'audit.list': ['manager']
}

let t: TempCasebook
const windows = {} as Record<Role, Connection>
let sample: Record<string, unknown>

beforeAll(async () => {
  t = await tempCasebook('permissions')
  const family = await t.ok('families.register', okaforFamily())
  const view = await t.ok('families.get', { id: family.id })
  const person = view.members[0]
  const consent = await t.ok('consent.record', { familyId: family.id, givenById: person.id, scope: 'CONTACT', method: 'VERBAL', givenOn: '2026-01-05' })
  for (const role of R) {
    await t.ok('users.create', { displayName: `A ${role}`, username: role, role, temporaryPassword: `${role} long passphrase here` })
    const window = t.casebook.connect()
    unwrap(await window.invoke('auth.signIn', { username: role, password: `${role} long passphrase here` }))
    unwrap(
      await window.invoke('auth.changePassword', {
        currentPassword: `${role} long passphrase here`,
        newPassword: `${role} second passphrase here`,
        confirmPassword: `${role} second passphrase here`
      })
    )
    windows[role] = window
  }
  const someone = (await t.ok('users.list', {})).users[0]
  const practitionerId = (await t.ok('users.list', {})).users.find((u: { username: string }) => u.username === 'practitioner').id
  // A valid input for every channel, so that a refusal can only be the permission's.
  sample = {
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
    'users.create': {
      displayName: 'New',
      username: `new${Math.random().toString(36).slice(2, 8)}`,
      role: 'reception',
      temporaryPassword: 'lantern orchard pebble'
    },
    'users.update': { id: someone.id, version: 99, displayName: 'Someone', role: 'reception' },
    'users.setDisabled': { id: someone.id, version: 99, disabled: false },
    'users.resetPassword': { id: someone.id, version: 99, temporaryPassword: 'lantern orchard pebble' },
    'hub.get': {},
    'hub.settings': {},
    'hub.update': { version: 99, name: 'Test hub', localAuthorityCode: '999', idleLockMinutes: 10, closureNeedsApproval: true, reviewWeeks: 6 },
    'people.search': { text: 'okafor' },
    'people.checkDuplicates': { familyName: 'Okafor', dateOfBirth: '2019-07-03' },
    'families.register': {
      ...okaforFamily(),
      members: [
        { member: { kind: 'unborn', familyName: 'Matrix', expectedDate: view.members.find((m: { kind: string }) => m.kind === 'unborn').expectedDate } }
      ]
    },
    'families.get': { id: family.id },
    'families.update': { id: family.id, version: 99, family: view.family },
    'families.setRestriction': { id: family.id, version: 99, restricted: false },
    'families.addMember': {
      familyId: family.id,
      member: { kind: 'unborn', familyName: 'Matrix', expectedDate: view.members.find((m: { kind: string }) => m.kind === 'unborn').expectedDate }
    },
    'people.update': { id: person.id, version: 99, member: { ...person, kind: 'adult', ethnicity: 'BAFR' } },
    'people.move': { id: person.id, version: 99, toFamilyReference: 'TH-999999' },
    'consent.record': { familyId: family.id, givenById: person.id, scope: 'CONTACT', method: 'VERBAL', givenOn: '2026-01-05' },
    'consent.withdraw': { id: consent.id, version: 99 },
    'episodes.leads': {},
    'episodes.open': {
      familyId: family.id,
      openedOn: '2026-01-05',
      leadUserId: practitionerId,
      reason: 'Housing worries',
      headlines: ['HOUSING'],
      consentId: 'new',
      consentGivenById: person.id,
      consentMethod: 'VERBAL',
      consentGivenOn: '2026-01-05'
    },
    'episodes.get': { id: '00000000-0000-4000-8000-000000000000' },
    'team.save': { episodeId: '00000000-0000-4000-8000-000000000000', name: 'Dee', agency: 'Health visiting', role: 'Health visitor' },
    'team.remove': { id: '00000000-0000-4000-8000-000000000000', version: 1 },
    'assessment.save': {
      episodeId: '00000000-0000-4000-8000-000000000000',
      startedOn: '2026-01-05',
      completedOn: null,
      subjects: [{ personId: null, domains: { CHILD_DEVELOPMENT: {}, PARENTS_CARERS: {}, FAMILY_ENVIRONMENT: {} } }]
    },
    'plan.save': {
      episodeId: '00000000-0000-4000-8000-000000000000',
      agreedOn: '2026-01-05',
      outcomes: [
        {
          id: '00000000-0000-4000-8000-000000000000',
          text: 'Rent paid',
          headline: 'HOUSING',
          peopleIds: ['00000000-0000-4000-8000-000000000000'],
          actions: [
            {
              id: '00000000-0000-4000-8000-000000000000',
              what: 'Apply',
              owner: 'person:00000000-0000-4000-8000-000000000000',
              due: '2026-02-01',
              status: 'NOT_STARTED'
            }
          ]
        }
      ]
    },
    'plan.savePdf': { episodeId: '00000000-0000-4000-8000-000000000000', fileName: 'Family plan.pdf' },
    'versions.list': { episodeId: '00000000-0000-4000-8000-000000000000', document: 'family-plan' },
    'versions.get': { episodeId: '00000000-0000-4000-8000-000000000000', document: 'assessment', version: 1 },
    'reviews.add': {
      episodeId: '00000000-0000-4000-8000-000000000000',
      planVersion: 1,
      heldOn: '2026-01-05',
      attendees: ['person:00000000-0000-4000-8000-000000000000'],
      scores: [],
      nextReviewOn: '2026-02-16'
    },
    'notes.add': { familyId: family.id, occurredOn: '2026-01-05', occurredAt: '10:00', type: 'PHONE_CALL', text: 'Spoke to mum.' },
    'chronology.get': { familyId: family.id },
    'episodes.mine': {},
    'episodes.allOpen': {},
    'episodes.close': {
      id: '00000000-0000-4000-8000-000000000000',
      version: 1,
      closedOn: '2026-01-05',
      reason: 'MOVED_AWAY',
      outcomes: {},
      familyView: 'Moving on.'
    },
    'episodes.approveClosure': { id: '00000000-0000-4000-8000-000000000000', version: 1 },
    'episodes.reopen': { id: '00000000-0000-4000-8000-000000000000', version: 1, reason: 'Back again' },
    'episodes.reallocate': { id: '00000000-0000-4000-8000-000000000000', version: 1, leadUserId: practitionerId },
    'drafts.save': { key: `case-note:${family.id}`, payload: { text: 'typing' } },
    'drafts.get': { key: `case-note:${family.id}` },
    'drafts.discard': { key: `case-note:${family.id}` },
    'audit.verify': {},
    'audit.list': {}
  }
})
afterAll(async () => {
  await t.dispose()
})

describe('permission matrix', () => {
  it('has a stated policy and a sample input for every channel in the contract', () => {
    expect(Object.keys(POLICY).sort()).toEqual(Object.keys(contract).sort())
    expect(Object.keys(sample).sort()).toEqual(Object.keys(contract).sort())
  })

  for (const channel of Object.keys(POLICY)) {
    it(`${channel}: ${POLICY[channel] === PUBLIC || POLICY[channel] === ANY ? POLICY[channel] : (POLICY[channel] as Role[]).join(', ')}`, async () => {
      const policy = POLICY[channel]!
      for (const role of R) {
        const allowed = policy === PUBLIC || policy === ANY || policy.includes(role)
        const before = (
          await t.casebook.core.db.query(`SELECT count(*) AS n FROM audit_entry WHERE action = 'permission-refused' AND actor = ? AND record_id = ?`, [
            role,
            channel
          ])
        )[0].n
        const result = await windows[role].invoke(channel, sample[channel])
        const refused = !result.ok && result.error.code === 'FORBIDDEN'
        expect({ role, refused, error: result.ok ? null : result.error.code }).toMatchObject({ role, refused: !allowed })
        const after = (
          await t.casebook.core.db.query(`SELECT count(*) AS n FROM audit_entry WHERE action = 'permission-refused' AND actor = ? AND record_id = ?`, [
            role,
            channel
          ])
        )[0].n
        expect(after - before).toBe(allowed ? 0 : 1)
        if (channel === 'auth.signOut' || channel === 'auth.lock') {
          // Put the window back as it was for the rest of the matrix.
          if (channel === 'auth.signOut') unwrap(await windows[role].invoke('auth.signIn', { username: role, password: `${role} second passphrase here` }))
          else unwrap(await windows[role].invoke('auth.unlock', { password: `${role} second passphrase here` }))
        }
      }
      const stranger = await t.casebook.connect().invoke(channel, sample[channel])
      if (policy !== PUBLIC) expect(stranger).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    })
  }
})
