// The consent (3xx), episode (4xx), plan and review (5xx) and case note (6xx) rules on a real
// SQLite file: each breaks records of a hub made through the app with plain SQL, and its rule
// reports exactly those records, with their family.
import { afterAll, beforeAll, describe, it } from 'vitest'
import { addDays } from '../../../shared/dates'
import { today } from '../../testing/fixtures'
import { checkCase, noon, of, validationWorld, type RuleCase, type ValidationWorld } from './testWorld'

let w: ValidationWorld
beforeAll(async () => {
  w = await validationWorld('validation-early-help')
})
afterAll(async () => {
  await w?.t.dispose()
})

const consents: RuleCase[] = [
  {
    code: 'CB301',
    does: 'the consent to share covers “everything”, and the consent to early help was given by email',
    breaks: (w) => [
      [`UPDATE consent SET scope = 'EVERYTHING' WHERE id = ?`, [w.sharingConsentId]],
      [`UPDATE consent SET method = 'EMAIL' WHERE id = ?`, [w.earlyHelpConsentId]]
    ],
    reported: (w) => [of(w, 'okafors', w.sharingConsentId), of(w, 'okafors', w.earlyHelpConsentId)]
  },
  {
    code: 'CB302',
    does: 'the consent to share was withdrawn the day before it was given (the referral sent on it is then after withdrawal too)',
    breaks: (w) => [['UPDATE consent SET withdrawn_on = ? WHERE id = ?', [addDays(today, -1), w.sharingConsentId]]],
    reported: (w) => [of(w, 'okafors', w.sharingConsentId)],
    alsoFound: ['CB712']
  },
  {
    code: 'CB303',
    does: 'the consent to early help is given tomorrow, and the Bells’ withdrawn tomorrow',
    breaks: (w) => [
      ['UPDATE consent SET given_on = ? WHERE id = ?', [addDays(today, 1), w.earlyHelpConsentId]],
      ['UPDATE consent SET withdrawn_on = ? WHERE id = ?', [addDays(today, 1), w.closedEpisodeConsentId]]
    ],
    reported: (w) => [of(w, 'okafors', w.earlyHelpConsentId), of(w, 'bells', w.closedEpisodeConsentId)]
  },
  {
    code: 'CB304',
    does: 'the consent to share names neither an organisation nor an agency',
    breaks: (w) => [['UPDATE consent SET organisation_id = NULL, agency = NULL WHERE id = ?', [w.sharingConsentId]]],
    reported: (w) => [of(w, 'okafors', w.sharingConsentId)]
  }
]

const episodes: RuleCase[] = [
  {
    code: 'CB401',
    does: 'the Bells’ closed episode has a closure that is not JSON; the Okafors’ open one has none, as it should',
    breaks: (w) => [[`UPDATE episode SET closure = 'closed' WHERE id = ?`, [w.closedEpisodeId]]],
    reported: (w) => [of(w, 'bells', w.closedEpisodeId)]
  },
  {
    code: 'CB402',
    does: 'the Bells’ episode closed for a reason of no list',
    breaks: (w) => [[`UPDATE episode SET closure = replace(closure, '"OUTCOMES_ACHIEVED"', '"FINISHED"') WHERE id = ?`, [w.closedEpisodeId]]],
    reported: (w) => [of(w, 'bells', w.closedEpisodeId)]
  },
  {
    code: 'CB403',
    does: 'the Bells’ closed episode has no date closed',
    breaks: (w) => [['UPDATE episode SET closed_on = NULL WHERE id = ?', [w.closedEpisodeId]]],
    reported: (w) => [of(w, 'bells', w.closedEpisodeId)]
  },
  {
    code: 'CB403',
    does: 'the Bells’ closed episode closed the day before it opened (closing the day it opened is fine)',
    breaks: (w) => [['UPDATE episode SET closed_on = ? WHERE id = ?', [addDays(today, -1), w.closedEpisodeId]]],
    reported: (w) => [of(w, 'bells', w.closedEpisodeId)],
    nearMiss: (w) => [['UPDATE episode SET closed_on = opened_on WHERE id = ?', [w.closedEpisodeId]]]
  },
  {
    code: 'CB404',
    does: 'the lead’s account is disabled: the open episode is reported, the closed one they led is not',
    breaks: (w) => [['UPDATE app_user SET disabled = true WHERE id = ?', [w.leadId]]],
    reported: (w) => [of(w, 'okafors', w.episodeId)]
  },
  {
    code: 'CB405',
    does: 'the open episode has a headline of no list beside its two real ones',
    breaks: (w) => [[`INSERT INTO episode_headline (episode_id, code) VALUES (?, 'POVERTY')`, [w.episodeId]]],
    reported: (w) => [of(w, 'okafors', w.episodeId)]
  },
  {
    code: 'CB406',
    does: 'the open episode opens tomorrow',
    breaks: (w) => [['UPDATE episode SET opened_on = ? WHERE id = ?', [addDays(today, 1), w.episodeId]]],
    reported: (w) => [of(w, 'okafors', w.episodeId)]
  },
  {
    code: 'CB407',
    does: 'both families withdraw their consent to early help: only the open episode is reported',
    breaks: (w) => [
      ['UPDATE consent SET withdrawn_on = ? WHERE id = ?', [today, w.earlyHelpConsentId]],
      ['UPDATE consent SET withdrawn_on = ? WHERE id = ?', [today, w.closedEpisodeConsentId]]
    ],
    reported: (w) => [of(w, 'okafors', w.episodeId)]
  },
  {
    code: 'CB408',
    does: 'neither episode names its consent to early help: only the open one is reported',
    breaks: (w) => [['UPDATE episode SET consent_id = NULL WHERE id IN (?, ?)', [w.episodeId, w.closedEpisodeId]]],
    reported: (w) => [of(w, 'okafors', w.episodeId)]
  },
  {
    code: 'CB409',
    does: 'the Bells’ episode closed with its housing outcome “done”',
    breaks: (w) => [[`UPDATE episode SET closure = replace(closure, '"ACHIEVED"', '"DONE"') WHERE id = ?`, [w.closedEpisodeId]]],
    reported: (w) => [of(w, 'bells', w.closedEpisodeId)]
  },
  {
    code: 'CB410',
    does: 'the Bells’ episode is “archived”',
    breaks: (w) => [[`UPDATE episode SET status = 'archived' WHERE id = ?`, [w.closedEpisodeId]]],
    reported: (w) => [of(w, 'bells', w.closedEpisodeId)]
  }
]

const plansAndReviews: RuleCase[] = [
  {
    code: 'CB501',
    does: 'the open episode’s plan has no next review date',
    breaks: (w) => [['UPDATE episode SET next_review_on = NULL WHERE id = ?', [w.episodeId]]],
    reported: (w) => [of(w, 'okafors', w.planId)]
  },
  {
    code: 'CB502',
    does: 'the latest review set the next for yesterday (an earlier review, overdue long ago but followed by it, is not reported)',
    breaks: (w) => [
      [
        `INSERT INTO review (id, episode_id, family_id, held_on, other_attendees, scores, next_review_on, created_at, version)
         SELECT 'earlier-review', episode_id, family_id, ?, 'Grandmother', '[]', ?, created_at, 1 FROM review WHERE id = ?`,
        [addDays(today, -60), addDays(today, -20), w.reviewId]
      ],
      ['UPDATE review SET held_on = ?, next_review_on = ? WHERE id = ?', [addDays(today, -43), addDays(today, -1), w.reviewId]]
    ],
    reported: (w) => [of(w, 'okafors', w.reviewId)]
  },
  {
    code: 'CB503',
    does: 'the open episode has a plan, no review yet, and its first review was due yesterday',
    breaks: (w) => [
      ['UPDATE review SET episode_id = ?, family_id = ? WHERE id = ?', [w.closedEpisodeId, w.bells.id, w.reviewId]],
      ['UPDATE episode SET next_review_on = ? WHERE id = ?', [addDays(today, -1), w.episodeId]]
    ],
    reported: (w) => [of(w, 'okafors', w.planId)],
    nearMiss: (w) => [['UPDATE episode SET next_review_on = ? WHERE id = ?', [addDays(today, -1), w.episodeId]]]
  },
  {
    code: 'CB504',
    does: 'the plan is agreed tomorrow',
    breaks: (w) => [['UPDATE family_plan SET agreed_on = ? WHERE id = ?', [addDays(today, 1), w.planId]]],
    reported: (w) => [of(w, 'okafors', w.planId)]
  },
  {
    code: 'CB505',
    does: 'the review is held tomorrow',
    breaks: (w) => [['UPDATE review SET held_on = ? WHERE id = ?', [addDays(today, 1), w.reviewId]]],
    reported: (w) => [of(w, 'okafors', w.reviewId)]
  },
  {
    code: 'CB506',
    does: 'the review moved to the closed episode sets its next review before it was held',
    breaks: (w) => [
      ['UPDATE review SET episode_id = ?, family_id = ?, next_review_on = ? WHERE id = ?', [w.closedEpisodeId, w.bells.id, addDays(today, -1), w.reviewId]]
    ],
    reported: (w) => [of(w, 'bells', w.reviewId)]
  }
]

const notes: RuleCase[] = [
  {
    code: 'CB601',
    does: 'the case note records a kind of contact of no list',
    breaks: (w) => [[`UPDATE case_note SET type = 'VISIT' WHERE id = ?`, [w.noteId]]],
    reported: (w) => [of(w, 'okafors', w.noteId)]
  },
  {
    code: 'CB602',
    does: 'the case note happened tomorrow',
    breaks: (w) => [['UPDATE case_note SET occurred_at = ? WHERE id = ?', [noon(addDays(today, 1)), w.noteId]]],
    reported: (w) => [of(w, 'okafors', w.noteId)]
  },
  {
    code: 'CB603',
    does: 'the case note’s time is the wall clock, as notes were kept before times were instants in UTC',
    breaks: (w) => [['UPDATE case_note SET occurred_at = ? WHERE id = ?', [`${addDays(today, -1)}T09:15`, w.noteId]]],
    reported: (w) => [of(w, 'okafors', w.noteId)]
  }
]

describe('consent rules', () => {
  for (const c of consents) it(`${c.code}: ${c.does}`, () => checkCase(w, c))
})

describe('episode rules', () => {
  for (const c of episodes) it(`${c.code}: ${c.does}`, () => checkCase(w, c))
})

describe('family plan and review rules', () => {
  for (const c of plansAndReviews) it(`${c.code}: ${c.does}`, () => checkCase(w, c))
})

describe('case note rules', () => {
  for (const c of notes) it(`${c.code}: ${c.does}`, () => checkCase(w, c))
})
