// The rules on requests for help (70x), referrals to services (71x), step-ups (72x) and staff
// (8xx) on a real SQLite file: each breaks records of a hub made through the app with plain SQL
// (past today's CHECK constraints where the package's contract must still expect it), and its rule
// reports exactly those.
import { afterAll, beforeAll, describe, it } from 'vitest'
import { addDays } from '../../../shared/dates'
import { today } from '../../testing/fixtures'
import { checkCase, noon, of, validationWorld, type RuleCase, type ValidationWorld } from './testWorld'

let w: ValidationWorld
beforeAll(async () => {
  w = await validationWorld('validation-referrals')
})
afterAll(async () => {
  await w?.t.dispose()
})

const unacknowledged = 'acknowledged_on = NULL, social_care_reference = NULL, acknowledged_by_user_id = NULL'
/** Shared without consent, for `reason` (each column set once: PostgreSQL refuses a second assignment). */
const overrideFor = (reason: string) => `consent_id = NULL, override_reason = '${reason}', override_at = created_at`
const override = overrideFor('Asking would put Catherine at risk.')

const requests: RuleCase[] = [
  {
    code: 'CB701',
    does: 'the request’s referral source is 11, which the census does not have',
    breaks: (w) => [[`UPDATE request_for_help SET source = '11' WHERE id = ?`, [w.requestId]]],
    reported: (w) => [of(w, 'okafors', w.requestId)]
  },
  {
    code: 'CB702',
    does: 'the request is decided with no time of the decision',
    unchecked: true,
    breaks: (w) => [['UPDATE request_for_help SET decided_at = NULL WHERE id = ?', [w.requestId]]],
    reported: (w) => [of(w, 'okafors', w.requestId)]
  },
  {
    code: 'CB703',
    does: 'the request is a step-down from social care (5A) with no social care reference',
    unchecked: true,
    breaks: (w) => [[`UPDATE request_for_help SET source = '5A' WHERE id = ?`, [w.requestId]]],
    reported: (w) => [of(w, 'okafors', w.requestId)]
  },
  {
    code: 'CB704',
    does: 'the request came by fax',
    breaks: (w) => [[`UPDATE request_for_help SET channel = 'FAX' WHERE id = ?`, [w.requestId]]],
    reported: (w) => [of(w, 'okafors', w.requestId)]
  },
  {
    code: 'CB704',
    does: 'the request was decided “maybe”',
    unchecked: true,
    breaks: (w) => [[`UPDATE request_for_help SET decision = 'MAYBE' WHERE id = ?`, [w.requestId]]],
    reported: (w) => [of(w, 'okafors', w.requestId)]
  },
  {
    code: 'CB704',
    does: 'the request is “lost”, neither waiting nor decided',
    unchecked: true,
    breaks: (w) => [[`UPDATE request_for_help SET status = 'lost' WHERE id = ?`, [w.requestId]]],
    reported: (w) => [of(w, 'okafors', w.requestId)]
  },
  {
    code: 'CB705',
    does: 'the request’s time received is a local time with a space, as a spreadsheet would write it',
    breaks: (w) => [[`UPDATE request_for_help SET received_at = '2026-04-02 10:15' WHERE id = ?`, [w.requestId]]],
    reported: (w) => [of(w, 'okafors', w.requestId)]
  }
]

const referrals: RuleCase[] = [
  {
    code: 'CB711',
    does: 'the sent referral names no consent and no override',
    unchecked: true,
    breaks: (w) => [['UPDATE outbound_referral SET consent_id = NULL WHERE id = ?', [w.referralId]]],
    reported: (w) => [of(w, 'okafors', w.referralId)]
  },
  {
    code: 'CB712',
    does: 'the consent it was sent on was withdrawn the day it was sent (a referral sent the day before is not reported)',
    breaks: (w) => [['UPDATE consent SET withdrawn_on = ? WHERE id = ?', [today, w.sharingConsentId]]],
    reported: (w) => [of(w, 'okafors', w.referralId)],
    nearMiss: (w) => [
      ['UPDATE consent SET withdrawn_on = ? WHERE id = ?', [today, w.sharingConsentId]],
      ['UPDATE outbound_referral SET sent_at = ? WHERE id = ?', [noon(addDays(today, -1)), w.referralId]]
    ]
  },
  {
    code: 'CB713',
    does: 'the referral is shared without consent on an Article 6 basis of no list (a basis on the lists is not reported)',
    breaks: (w) => [[`UPDATE outbound_referral SET ${override}, lawful_basis_6 = '6_1_Z', lawful_basis_9 = 'DPA_S1_P18' WHERE id = ?`, [w.referralId]]],
    reported: (w) => [of(w, 'okafors', w.referralId)],
    nearMiss: (w) => [[`UPDATE outbound_referral SET ${override}, lawful_basis_6 = '6_1_E', lawful_basis_9 = 'DPA_S1_P18' WHERE id = ?`, [w.referralId]]]
  },
  {
    code: 'CB713',
    does: 'the referral is shared without consent, and the reason is blank',
    breaks: (w) => [[`UPDATE outbound_referral SET ${overrideFor('')}, lawful_basis_6 = '6_1_E', lawful_basis_9 = 'DPA_S1_P18' WHERE id = ?`, [w.referralId]]],
    reported: (w) => [of(w, 'okafors', w.referralId)]
  },
  {
    code: 'CB714',
    does: 'the referral was sent by carrier pigeon',
    breaks: (w) => [[`UPDATE outbound_referral SET sent_method = 'PIGEON' WHERE id = ?`, [w.referralId]]],
    reported: (w) => [of(w, 'okafors', w.referralId)]
  }
]

const stepUps: RuleCase[] = [
  {
    code: 'CB721',
    does: 'the step-up’s referral source is 9 (anonymous), not the hub’s 5D or 8',
    unchecked: true,
    breaks: (w) => [[`UPDATE step_up SET referral_source = '9' WHERE id = ?`, [w.stepUpId]]],
    reported: (w) => [of(w, 'okafors', w.stepUpId)]
  },
  {
    code: 'CB721',
    does: 'the step-up’s referral source is blank',
    unchecked: true,
    breaks: (w) => [[`UPDATE step_up SET referral_source = '' WHERE id = ?`, [w.stepUpId]]],
    reported: (w) => [of(w, 'okafors', w.stepUpId)]
  },
  {
    code: 'CB722',
    does: 'the step-up made 6 days ago is not acknowledged (one made 5 days ago is not reported yet)',
    breaks: (w) => [[`UPDATE step_up SET ${unacknowledged}, stepped_up_on = ? WHERE id = ?`, [addDays(today, -6), w.stepUpId]]],
    reported: (w) => [of(w, 'okafors', w.stepUpId)],
    nearMiss: (w) => [[`UPDATE step_up SET ${unacknowledged}, stepped_up_on = ? WHERE id = ?`, [addDays(today, -5), w.stepUpId]]]
  },
  {
    code: 'CB723',
    does: 'the step-up names no child',
    breaks: (w) => [['DELETE FROM step_up_child WHERE step_up_id = ?', [w.stepUpId]]],
    reported: (w) => [of(w, 'okafors', w.stepUpId)]
  },
  {
    code: 'CB724',
    does: 'the step-up is dated tomorrow',
    breaks: (w) => [['UPDATE step_up SET stepped_up_on = ? WHERE id = ?', [addDays(today, 1), w.stepUpId]]],
    reported: (w) => [of(w, 'okafors', w.stepUpId)]
  }
]

const staff: RuleCase[] = [
  {
    code: 'CB801',
    does: 'the lead’s role is “boss”: a finding with no family',
    breaks: (w) => [[`UPDATE app_user SET role = 'boss' WHERE id = ?`, [w.leadId]]],
    reported: (w) => [{ recordId: w.leadId, familyId: null, familyReference: null }]
  }
]

describe('request for help rules', () => {
  for (const c of requests) it(`${c.code}: ${c.does}`, () => checkCase(w, c))
})

describe('referral rules', () => {
  for (const c of referrals) it(`${c.code}: ${c.does}`, () => checkCase(w, c))
})

describe('step-up rules', () => {
  for (const c of stepUps) it(`${c.code}: ${c.does}`, () => checkCase(w, c))
})

describe('staff rules', () => {
  for (const c of staff) it(`${c.code}: ${c.does}`, () => checkCase(w, c))
})
