// Every channel × every role: allowed or refused as the hub's access policy says. The policy is
// written out here by hand, not read from the code, so that a change to either is a visible diff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract } from '../../shared/contract'
import type { Role } from '../../shared/roles'
import type { Connection } from './casebook'
import { tempCasebook, unwrap, type TempCasebook } from '../testing/tempCasebook'
import { channelSamples, CHOSEN_PASSWORD, roleWindows, sampleWorld } from '../testing/channelSamples'

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
  'episodes.closuresAwaiting': ['manager'],
  'episodes.reallocate': ['manager'],
  'episodes.close': EARLY_HELP,
  'episodes.approveClosure': ['manager'],
  'episodes.reopen': ['manager'],
  'chronology.get': EARLY_HELP,
  'drafts.save': EARLY_HELP,
  'drafts.get': EARLY_HELP,
  'drafts.discard': EARLY_HELP,
  'audit.verify': ['manager'],
  'audit.list': ['manager'],
  // Reception log requests for help, follow them and tell the referrer; practitioners and managers screen.
  'referrals.logRequest': CASEWORK,
  'referrals.listRequests': CASEWORK,
  'referrals.getRequest': CASEWORK,
  'referrals.screenRequest': EARLY_HELP,
  'referrals.recordFeedback': CASEWORK,
  // Reception see where each request and referral has got to; what a referral holds is left out for them.
  'referrals.overview': CASEWORK,
  'referrals.forFamily': CASEWORK,
  // Practitioners and managers step children up and record social care's acknowledgement; the manager sees every step-up.
  'referrals.stepUpFromEpisode': EARLY_HELP,
  'referrals.getStepUp': EARLY_HELP,
  'referrals.listStepUps': ['manager'],
  'referrals.acknowledgeStepUp': EARLY_HELP,
  'referrals.saveStepUpPdf': EARLY_HELP,
  'referrals.saveCinFile': EARLY_HELP,
  // Referrals on: what a referral says is casework, so reception (referrals.log only) has none of these; managers see the overrides.
  'referrals.createOutbound': EARLY_HELP,
  'referrals.moveOutbound': EARLY_HELP,
  'referrals.recordOverride': EARLY_HELP,
  'referrals.getOutbound': EARLY_HELP,
  'referrals.listOutbound': EARLY_HELP,
  'referrals.printOutbound': EARLY_HELP,
  'referrals.savePdf': EARLY_HELP,
  'referrals.listOverrides': ['manager'],
  'directory.search': CASEWORK,
  // Everyone at the hub's desks reads the agency directory; managers keep it and import its feed.
  'directory.organisations': CASEWORK,
  'directory.getOrganisation': CASEWORK,
  'directory.getService': CASEWORK,
  'directory.saveOrganisation': ['manager'],
  'directory.saveService': ['manager'],
  'directory.feed': ['manager'],
  'directory.import': ['manager'],
  // Sending the hub's records to the authority is the manager's.
  'export.overview': ['manager'],
  'export.validate': ['manager'],
  'export.start': ['manager'],
  'export.progress': ['manager'],
  'export.history': ['manager'],
  // Backups (whole copies of the database, encrypted) are IT's: administrators only.
  'backup.overview': ['admin'],
  'backup.list': ['admin'],
  'backup.start': ['admin'],
  'backup.progress': ['admin'],
  'backup.restore': ['admin'],
  // The recovery screen's: a database that cannot be opened has no accounts to sign in with (a restore
  // asks for an administrator's password as the backup holds it). A core that opened its database says
  // all is well, and refuses a restore or read-only opening from there outright.
  'recovery.status': PUBLIC,
  'recovery.restore': PUBLIC,
  'recovery.openReadOnly': PUBLIC,
  // Whether another desk saved something: any window signed in may hear it (never what, or whose).
  'changes.wait': ANY
}

let t: TempCasebook
let sample: Record<string, unknown>

beforeAll(async () => {
  t = await tempCasebook('permissions')
  const windows = await roleWindows(t)
  // A valid input for every channel, so that a refusal can only be the permission's.
  sample = channelSamples(await sampleWorld(t, windows.practitioner.userId))
})
afterAll(async () => {
  await t.dispose()
})

/**
 * A window of its own for each call: a window's refusals are audited at a bounded rate (a looping
 * window cannot flood the trail), and each refusal here must be on it.
 */
async function windowFor(role: Role): Promise<Connection> {
  const window = t.casebook.connect()
  unwrap(await window.invoke('auth.signIn', { username: role, password: CHOSEN_PASSWORD }))
  return window
}

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
        const result = await (await windowFor(role)).invoke(channel, sample[channel])
        const refused = !result.ok && result.error.code === 'FORBIDDEN'
        expect({ role, refused, error: result.ok ? null : result.error.code }).toMatchObject({ role, refused: !allowed })
        const after = (
          await t.casebook.core.db.query(`SELECT count(*) AS n FROM audit_entry WHERE action = 'permission-refused' AND actor = ? AND record_id = ?`, [
            role,
            channel
          ])
        )[0].n
        expect(after - before).toBe(allowed ? 0 : 1)
      }
      const stranger = await t.casebook.connect().invoke(channel, sample[channel])
      if (policy !== PUBLIC) expect(stranger).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    })
  }
})
