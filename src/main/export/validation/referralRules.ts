// The validation rules about requests for help (70x), referrals to services (71x), step-ups to
// children's social care (72x) and staff (8xx). rules.ts says how codes and severities are chosen;
// the table is RULES there.
import { addDays } from '../../../shared/dates'
import { localDay } from '../../referrals/timing'
import {
  CONTACT_METHOD,
  FAMILY_AWARENESS,
  LAWFUL_BASIS_6,
  LAWFUL_BASIS_9,
  REFERRAL_SOURCE,
  REQUEST_CHANNEL,
  REQUEST_STATUS,
  SCREENING_DECISION,
  STEP_UP_SOURCE,
  URGENCY
} from '../../../shared/referrals/codes'
import { OUTBOUND_STATUS, REFERRAL_OUTCOME } from '../../../shared/referrals/outbound'
import { roleSchema } from '../../../shared/roles'
import { blank, missingOrOffList, offList, rowText, type ValidationRule } from './rule'
import { referral, request, stepUp } from './recordQueries'

/**
 * Working Together (2023) asks social care to acknowledge a referral within one working day: five
 * calendar days leaves room for a bank-holiday weekend before the hub is told to chase it.
 */
const STEP_UP_ACKNOWLEDGEMENT_DAYS = 5

export const REFERRAL_RULES: readonly ValidationRule[] = [
  // 70x request for help
  {
    code: 'CB701',
    severity: 'error',
    recordType: 'request-for-help',
    message: 'The request has no referral source, or one that is not a census code. Ask IT to correct where the request came from.',
    description: 'request_for_help.source is missing or not a census referral-source code (N00152).',
    sql: () => request(missingOrOffList('r.source', 'source')),
    params: () => ({ source: REFERRAL_SOURCE.schema.options })
  },
  {
    code: 'CB702',
    severity: 'error',
    recordType: 'request-for-help',
    message: 'The request is decided but has no date and time of the decision. Ask IT to correct it, with the time from the person who screened it.',
    description: 'A request for help that is not waiting for a decision has no decided_at.',
    // "Not waiting" rather than "decided": the few without a time are found by reading the table
    // once, not by an index lookup for every decided request.
    sql: () => request(`r.status <> 'waiting' AND ${blank('r.decided_at')}`)
  },
  {
    code: 'CB703',
    severity: 'error',
    recordType: 'request-for-help',
    message: 'The step-down from children’s social care has no social care reference. Ask IT to add their reference.',
    description: 'A request for help with source 5A (children’s social care) has no social care reference.',
    sql: () => request(`r.source = '5A' AND ${blank('r.social_care_reference')}`)
  },
  {
    code: 'CB704',
    severity: 'error',
    recordType: 'request-for-help',
    message:
      'How the request came, what the family knows of it, its urgency, its status, the decision or how the referrer was told is not one of the choices. Ask IT to correct it.',
    description: 'request_for_help.channel, awareness, urgency or status is not on its list, or decision or feedback_method is present and not on its list.',
    sql: () =>
      request(
        `(${missingOrOffList('r.channel', 'channel')} OR ${missingOrOffList('r.awareness', 'awareness')} OR ${missingOrOffList('r.urgency', 'urgency')}
          OR ${missingOrOffList('r.status', 'status')} OR ${offList('r.decision', 'decision')} OR ${offList('r.feedback_method', 'feedbackMethod')})`
      ),
    params: () => ({
      channel: REQUEST_CHANNEL.schema.options,
      awareness: FAMILY_AWARENESS.schema.options,
      urgency: URGENCY.schema.options,
      status: REQUEST_STATUS.schema.options,
      decision: SCREENING_DECISION.schema.options,
      feedbackMethod: CONTACT_METHOD.schema.options
    })
  },
  {
    code: 'CB705',
    severity: 'error',
    recordType: 'request-for-help',
    message: 'When the request was received is not a date and time Casebook can read. Ask IT to correct it.',
    description: 'request_for_help.received_at is not an instant in UTC written YYYY-MM-DDTHH:MM:SS.sssZ.',
    sql: (d) => request(`NOT ${d.instantShaped('r.received_at')}`)
  },

  // 71x referral to a service
  {
    code: 'CB711',
    severity: 'error',
    recordType: 'outbound-referral',
    message:
      'The referral was sent without the family’s consent and without a recorded reason to share without it. Ask IT to record the consent it was sent on, or the reason.',
    description: 'A referral with a sent_at names neither a consent nor a safeguarding override.',
    sql: () => referral('o.sent_at IS NOT NULL AND o.consent_id IS NULL AND o.override_at IS NULL')
  },
  {
    code: 'CB712',
    severity: 'warning',
    recordType: 'outbound-referral',
    message: 'The referral was sent on or after the day the family withdrew the consent it was sent on. Tell the service, and record what was agreed.',
    description: 'A referral was sent on or after the day (in the hub’s time) its consent was withdrawn.',
    sql: () =>
      referral(
        'o.sent_at IS NOT NULL AND c.withdrawn_on IS NOT NULL',
        'JOIN consent c ON c.id = o.consent_id',
        ', o.sent_at AS sent_at, c.withdrawn_on AS withdrawn_on'
      ),
    breaks: (row) => {
      const sent = rowText(row, 'sent_at')
      // A sent_at that is not an instant is no finding of this rule's: reading it as one would stop every check.
      return sent !== null && !Number.isNaN(Date.parse(sent)) && localDay(sent) >= (rowText(row, 'withdrawn_on') ?? '')
    }
  },
  {
    code: 'CB713',
    severity: 'error',
    recordType: 'outbound-referral',
    message:
      'The referral is shared without consent but the reason or the lawful basis is missing. Ask IT to record the reason, the Article 6 basis and the Article 9 condition.',
    description: 'A referral with an override has no override reason, or its Article 6 basis or Article 9 condition is missing or not on its list.',
    sql: () =>
      referral(`o.override_at IS NOT NULL AND (${blank('o.override_reason')} OR ${missingOrOffList('o.lawful_basis_6', 'basis6')}
        OR ${missingOrOffList('o.lawful_basis_9', 'basis9')})`),
    params: () => ({ basis6: LAWFUL_BASIS_6.schema.options, basis9: LAWFUL_BASIS_9.schema.options })
  },
  {
    code: 'CB714',
    severity: 'error',
    recordType: 'outbound-referral',
    message: 'Where the referral has got to, how it was sent or its outcome is not one of the choices. Ask IT to correct it.',
    description: 'outbound_referral.status is not on its list, or sent_method or outcome is present and not on its list.',
    sql: () => referral(`(${missingOrOffList('o.status', 'status')} OR ${offList('o.sent_method', 'sentMethod')} OR ${offList('o.outcome', 'outcome')})`),
    params: () => ({ status: OUTBOUND_STATUS.schema.options, sentMethod: CONTACT_METHOD.schema.options, outcome: REFERRAL_OUTCOME.schema.options })
  },

  // 72x step-up to children's social care
  {
    code: 'CB721',
    severity: 'error',
    recordType: 'step-up',
    message: 'The step-up has no referral source, or one that is not 5D or 8. Ask IT to correct it to the source the authority uses for the hub.',
    description: 'step_up.referral_source is missing or not a step-up source code (5D or 8).',
    sql: () => stepUp(missingOrOffList('s.referral_source', 'source')),
    params: () => ({ source: STEP_UP_SOURCE.schema.options })
  },
  {
    code: 'CB722',
    severity: 'warning',
    recordType: 'step-up',
    message: `Children’s social care have not acknowledged the step-up after ${STEP_UP_ACKNOWLEDGEMENT_DAYS} days. Ask them for their reference and record it.`,
    description: `A step-up made more than ${STEP_UP_ACKNOWLEDGEMENT_DAYS} days before the day the checks ran has no acknowledgement.`,
    sql: () => stepUp('s.acknowledged_on IS NULL AND s.stepped_up_on < :dueBefore'),
    params: ({ today }) => ({ dueBefore: addDays(today, -STEP_UP_ACKNOWLEDGEMENT_DAYS) })
  },
  {
    code: 'CB723',
    severity: 'error',
    recordType: 'step-up',
    message: 'The step-up does not name any children. Ask IT to add the children it is about.',
    description: 'A step-up has no step_up_child rows (the census file needs at least one child).',
    sql: () => stepUp('NOT EXISTS (SELECT 1 FROM step_up_child c WHERE c.step_up_id = s.id)')
  },
  {
    code: 'CB724',
    severity: 'error',
    recordType: 'step-up',
    message: 'The date of the step-up is in the future. Ask IT to correct it.',
    description: 'step_up.stepped_up_on is after the day the checks ran.',
    sql: () => stepUp('s.stepped_up_on > :today'),
    params: ({ today }) => ({ today })
  },

  // 8xx staff
  {
    code: 'CB801',
    severity: 'error',
    recordType: 'staff',
    message: 'The member of staff’s role is not one of the roles. Ask an administrator to give them a role under Users.',
    description: 'app_user.role is not reception, practitioner, manager or admin.',
    sql: () => `SELECT u.id AS record_id, NULL AS family_id, NULL AS episode_id FROM app_user u WHERE ${missingOrOffList('u.role', 'role')}`,
    params: () => ({ role: roleSchema.options })
  }
]
