// The validation rules about consent (3xx), early-help episodes (4xx), family plans and reviews
// (5xx) and case notes (6xx). rules.ts says how codes and severities are chosen; the table is RULES there.
import { CLOSURE_REASON, CONSENT_METHOD, CONSENT_SCOPE, HEADLINE, HEADLINE_OUTCOME, NOTE_TYPE } from '../../../shared/codes'
import { episodeStatus } from '../../../shared/earlyHelp/schemas'
import { blank, CURRENT_EPISODE, missingOrOffList, offList, type ValidationRule } from './rule'
import { consent, episode, note, plan, review } from './recordQueries'

export const EARLY_HELP_RULES: readonly ValidationRule[] = [
  // 3xx consent
  {
    code: 'CB301',
    severity: 'error',
    recordType: 'consent',
    message: 'What the consent covers, or how it was given, is not one of the choices. Ask IT to correct the consent.',
    description: 'consent.scope is not a CONSENT_SCOPE code, or consent.method is not a CONSENT_METHOD code.',
    sql: () => consent(`(${missingOrOffList('c.scope', 'scope')} OR ${missingOrOffList('c.method', 'method')})`),
    params: () => ({ scope: CONSENT_SCOPE.schema.options, method: CONSENT_METHOD.schema.options })
  },
  {
    code: 'CB302',
    severity: 'error',
    recordType: 'consent',
    message: 'The consent was withdrawn before it was given. Ask IT to correct the dates.',
    description: 'consent.withdrawn_on is before consent.given_on.',
    sql: () => consent('c.withdrawn_on < c.given_on')
  },
  {
    code: 'CB303',
    severity: 'error',
    recordType: 'consent',
    message: 'The date the consent was given or withdrawn is in the future. Ask IT to correct it.',
    description: 'consent.given_on or consent.withdrawn_on is after the day the checks ran.',
    sql: () => consent('(c.given_on > :today OR c.withdrawn_on > :today)'),
    params: ({ today }) => ({ today })
  },
  {
    code: 'CB304',
    severity: 'error',
    recordType: 'consent',
    message: 'The consent to share information does not say who it may be shared with. Record the family’s consent again, naming the organisation.',
    description: 'A consent of scope SHARING names neither a directory organisation nor an agency.',
    sql: () => consent(`c.scope = 'SHARING' AND c.organisation_id IS NULL AND ${blank('c.agency')}`)
  },

  // 4xx early-help episode
  {
    code: 'CB401',
    severity: 'error',
    recordType: 'episode',
    message: 'The episode was closed without a reason. Reopen it and close it again, saying why.',
    description: 'An episode that is closed, or closing and waiting for approval, has no closure reason.',
    sql: (d) => episode(`e.status IN ('closing', 'closed') AND ${blank(d.jsonText('e.closure', 'reason'))}`)
  },
  {
    code: 'CB402',
    severity: 'error',
    recordType: 'episode',
    message: 'The reason the episode closed is not one of the choices. Reopen it and close it again with a reason from the list.',
    description: 'The episode’s closure reason is present and not a CLOSURE_REASON code.',
    sql: (d) => episode(`${d.jsonText('e.closure', 'reason')} <> '' AND ${d.jsonText('e.closure', 'reason')} NOT IN (:...reason)`),
    params: () => ({ reason: CLOSURE_REASON.schema.options })
  },
  {
    code: 'CB403',
    severity: 'error',
    recordType: 'episode',
    message: 'The episode is closed with no date closed, or a date before it opened. Reopen it and close it again with the right date.',
    description: 'An episode that is closed or closing has no closed_on, or closed_on is before opened_on.',
    sql: () => episode(`e.status IN ('closing', 'closed') AND (e.closed_on IS NULL OR e.closed_on < e.opened_on)`)
  },
  {
    code: 'CB404',
    severity: 'warning',
    recordType: 'episode',
    message: 'The lead practitioner’s account is disabled. Give the episode a new lead.',
    description: 'An open or closing episode’s lead user is disabled.',
    sql: () => episode(`${CURRENT_EPISODE} AND u.disabled = :disabled`, 'JOIN app_user u ON u.id = e.lead_user_id'),
    params: () => ({ disabled: true })
  },
  {
    code: 'CB405',
    severity: 'error',
    recordType: 'episode',
    message: 'A headline recorded for the episode is not a Supporting Families headline. Ask IT to correct it.',
    description: 'An episode_headline row holds a code that is not a Supporting Families headline.',
    sql: () => episode(`e.id IN (SELECT h.episode_id FROM episode_headline h WHERE h.code NOT IN (:...headline))`),
    params: () => ({ headline: HEADLINE.schema.options })
  },
  {
    code: 'CB406',
    severity: 'error',
    recordType: 'episode',
    message: 'The episode’s date opened is in the future. Ask IT to correct it.',
    description: 'episode.opened_on is after the day the checks ran.',
    sql: () => episode('e.opened_on > :today'),
    params: ({ today }) => ({ today })
  },
  {
    code: 'CB407',
    severity: 'warning',
    recordType: 'episode',
    message: 'The family withdrew their consent to early help, but the episode is still open. Close the episode, or record their consent again.',
    description: 'An open or closing episode’s consent to early help has been withdrawn.',
    sql: () => episode(`${CURRENT_EPISODE} AND c.withdrawn_on IS NOT NULL`, 'JOIN consent c ON c.id = e.consent_id')
  },
  {
    code: 'CB408',
    severity: 'warning',
    recordType: 'episode',
    message: 'The episode has no record of the family’s consent to early help. Record their consent.',
    description: 'An open or closing episode names no consent to early help (episodes opened before consent was asked for).',
    sql: () => episode(`${CURRENT_EPISODE} AND e.consent_id IS NULL`)
  },
  {
    code: 'CB409',
    severity: 'error',
    recordType: 'episode',
    message:
      'An outcome recorded at closure for one of the episode’s headlines is not one of the choices. Reopen the episode and close it again with an outcome from the list.',
    description: 'A closed or closing episode’s closure gives an outcome for one of its headlines that is not a HEADLINE_OUTCOME code.',
    // Only headlines on the list are looked up in the closure: their codes are safe to put in a JSON path.
    sql: (d) =>
      episode(`e.status IN ('closing', 'closed') AND e.id IN (
        SELECT h.episode_id FROM episode_headline h JOIN episode x ON x.id = h.episode_id
        WHERE x.status IN ('closing', 'closed') AND h.code IN (:...headline) AND ${offList(d.jsonMember('x.closure', 'outcomes', 'h.code'), 'outcome')})`),
    params: () => ({ headline: HEADLINE.schema.options, outcome: HEADLINE_OUTCOME.schema.options })
  },
  {
    code: 'CB410',
    severity: 'error',
    recordType: 'episode',
    message: 'Whether the episode is open, closing or closed is not one of the choices. Ask IT to correct it.',
    description: 'episode.status is not open, closing or closed.',
    sql: () => episode(missingOrOffList('e.status', 'status')),
    params: () => ({ status: episodeStatus.options })
  },

  // 5xx family plan and review
  {
    code: 'CB501',
    severity: 'error',
    recordType: 'family-plan',
    message: 'The plan is agreed but has no date for its next review. Save the plan again to set one.',
    description: 'An open or closing episode has a family plan but no next review date.',
    sql: () => plan(`${CURRENT_EPISODE} AND e.next_review_on IS NULL`)
  },
  {
    code: 'CB502',
    severity: 'warning',
    recordType: 'review',
    message: 'The next review was due and has not been recorded. Hold the review and record it, or set a new date.',
    description: 'The latest review of an open or closing episode set a next review date before the day the checks ran.',
    sql: () =>
      review(
        `${CURRENT_EPISODE} AND r.next_review_on < :today
         AND NOT EXISTS (SELECT 1 FROM review later WHERE later.episode_id = r.episode_id
           AND (later.held_on > r.held_on OR (later.held_on = r.held_on AND later.created_at > r.created_at)))`,
        'episode e JOIN review r ON r.episode_id = e.id'
      ),
    params: ({ today }) => ({ today })
  },
  {
    code: 'CB503',
    severity: 'warning',
    recordType: 'family-plan',
    message: 'The plan’s first review was due and has not been recorded. Hold the review and record it.',
    description: 'An open or closing episode has a plan, no review, and a next review date before the day the checks ran.',
    sql: () => plan(`${CURRENT_EPISODE} AND e.next_review_on < :today AND NOT EXISTS (SELECT 1 FROM review r WHERE r.episode_id = e.id)`),
    params: ({ today }) => ({ today })
  },
  {
    code: 'CB504',
    severity: 'error',
    recordType: 'family-plan',
    message: 'The date the plan was agreed is in the future. Correct it and save the plan.',
    description: 'family_plan.agreed_on is after the day the checks ran.',
    sql: () => plan('pl.agreed_on > :today'),
    params: ({ today }) => ({ today })
  },
  {
    code: 'CB505',
    severity: 'error',
    recordType: 'review',
    message: 'The date the review was held is in the future. Ask IT to correct it.',
    description: 'review.held_on is after the day the checks ran.',
    sql: () => review('r.held_on > :today'),
    params: ({ today }) => ({ today })
  },
  {
    code: 'CB506',
    severity: 'error',
    recordType: 'review',
    message: 'The next review date is before the review was held. Ask IT to correct the next review date.',
    description: 'review.next_review_on is before review.held_on.',
    sql: () => review('r.next_review_on < r.held_on')
  },

  // 6xx case note
  {
    code: 'CB601',
    severity: 'error',
    recordType: 'case-note',
    message: 'The kind of contact the case note records is not one of the choices. Ask IT to correct it.',
    description: 'case_note.type is not a NOTE_TYPE code.',
    sql: () => note(missingOrOffList('n.type', 'type')),
    params: () => ({ type: NOTE_TYPE.schema.options })
  },
  {
    code: 'CB602',
    severity: 'error',
    recordType: 'case-note',
    message: 'The case note says the contact happened in the future. Ask IT to correct when it happened.',
    description: 'case_note.occurred_at is after the instant the checks ran.',
    sql: () => note('n.occurred_at > :now'),
    params: ({ now }) => ({ now })
  },
  {
    code: 'CB603',
    severity: 'error',
    recordType: 'case-note',
    message: 'When the contact happened is not a date and time Casebook can read. Ask IT to correct it.',
    description: 'case_note.occurred_at is not an instant in UTC written YYYY-MM-DDTHH:MM:SS.sssZ.',
    sql: (d) => note(`NOT ${d.instantShaped('n.occurred_at')}`)
  }
]
