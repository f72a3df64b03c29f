// The export's validation rules: the one table the runner, the Export screen and the format
// document (docs/export-format.md) all read. In the style of the Children in Need census rules,
// each has a code that never changes meaning once released (a retired rule's code is not reused).
//
// Codes: CB and three digits; the first digit says what the rule is about
//   1xx family   2xx person   3xx consent   4xx early-help episode   5xx family plan and review
//   6xx case note   7xx requests for help (70x), referrals to services (71x), step-ups (72x)
//   8xx staff
// An error is a record the package's Table Schema or an importer would refuse (a code that is not on
// its list, an identifier that fails its check, a date that cannot be), or one the authority cannot
// use as it stands (a closure with no reason, a referral with no basis for sharing): it blocks the
// export. A
// warning is something the authority will want put right that does not make the record unreadable
// (a child's missing NHS number or UPN: the census asks for them, but a hub often cannot know them
// yet, and holding back every other record until it does would help nobody).
// A message says what is wrong and what to do. Where no screen changes the record (a value that
// came from an import or from before a check existed), it says to ask IT.
//
// Rules read the schema as it is after migrations 13 and 14 (staff by user id, lists as rows,
// tombstones), and no column that names staff. None reads a table with tombstones (taf_member,
// family_access): a rule that does must leave out rows with deleted_at or revoked_at.
import {
  ADULT_RELATIONSHIP,
  CLOSURE_REASON,
  CONSENT_METHOD,
  CONSENT_SCOPE,
  DISABILITY,
  ETHNICITY,
  HEADLINE,
  HEADLINE_OUTCOME,
  HEARD_ABOUT,
  MEMBER_KIND,
  NOTE_TYPE,
  SEX
} from '../../../shared/codes'
import { addDays, isRealIsoDate } from '../../../shared/dates'
import { isValidNhsNumber } from '../../../shared/identifiers/nhsNumber'
import { isValidPostcode } from '../../../shared/identifiers/postcode'
import { isValidUpn, normaliseUpn } from '../../../shared/identifiers/upn'
import {
  CONTACT_METHOD,
  FAMILY_AWARENESS,
  LAWFUL_BASIS_6,
  LAWFUL_BASIS_9,
  REFERRAL_SOURCE,
  REQUEST_CHANNEL,
  SCREENING_DECISION,
  STEP_UP_SOURCE,
  UPN_UNKNOWN,
  URGENCY
} from '../../../shared/referrals/codes'
import { OUTBOUND_STATUS, REFERRAL_OUTCOME } from '../../../shared/referrals/outbound'
import { ROLES } from '../../../shared/roles'
import { episodeRow, requestRow } from '../../../shared/export/records'
import { localDay } from '../../referrals/timing'
import { blank, codesOf, CURRENT_EPISODE, missingOrOffList, offList, type ValidationRule } from './rule'
import {
  childOnEpisode,
  consent,
  episode,
  family,
  familyCandidates,
  note,
  person,
  personCandidates,
  plan,
  referral,
  request,
  review,
  sharedIdentifier,
  stepUp,
  unsureDate
} from './recordQueries'

/** An unborn baby is surely born this long after the expected date (a pregnancy runs to 42 weeks at most). */
export const BIRTH_OVERDUE_DAYS = 28

/**
 * Working Together (2023) asks social care to acknowledge a referral within one working day: five
 * calendar days leaves room for a bank-holiday weekend before the hub is told to chase it.
 */
export const STEP_UP_ACKNOWLEDGEMENT_DAYS = 5

/** An instant as the package writes it: 2026-11-24T03:14:20.000Z. */
const INSTANT_PATTERN = '____-__-__T__:__:__.___Z'

const text = (row: Record<string, unknown>, key: string) => (typeof row[key] === 'string' ? (row[key] as string) : null)

export const RULES: readonly ValidationRule[] = [
  // 1xx family
  {
    code: 'CB101',
    severity: 'error',
    recordType: 'family',
    message: 'The postcode is not a real UK postcode. Correct the family’s address.',
    description: 'The family’s postcode is not of UK postcode form (outward code, space, inward code), after upper-casing and spacing.',
    sql: () => familyCandidates('f.postcode AS postcode'),
    breaks: (row) => !isValidPostcode(text(row, 'postcode') ?? '')
  },
  {
    code: 'CB102',
    severity: 'warning',
    recordType: 'family',
    message: 'The family has no members. Add the people who live there.',
    description: 'No person belongs to the family now (everyone has moved to another family, or none was recorded).',
    sql: () => family('NOT EXISTS (SELECT 1 FROM person p WHERE p.family_id = f.id)')
  },
  {
    code: 'CB103',
    severity: 'error',
    recordType: 'family',
    message: 'How the family heard of the hub is not one of the choices. Choose one from the list.',
    description: 'family.heard_about is present and not a HEARD_ABOUT code.',
    sql: () => family(offList('f.heard_about', 'heardAbout')),
    params: () => ({ heardAbout: codesOf(HEARD_ABOUT) })
  },

  // 2xx person
  {
    code: 'CB201',
    severity: 'warning',
    recordType: 'person',
    message: 'The child has no NHS number. Add it from their red book, a health letter or their GP.',
    description: 'A child (kind child) of a family with an open or closing early-help episode has no NHS number.',
    sql: () => childOnEpisode(blank('p.nhs_number'))
  },
  {
    code: 'CB202',
    severity: 'warning',
    recordType: 'person',
    message: 'The child has no unique pupil number (UPN) and no reason it is not known. Add the UPN from their school, or say why it is not known.',
    description: 'A child (kind child) of a family with an open or closing early-help episode has neither a UPN nor a UPN-unknown reason (census item N00135).',
    sql: () => childOnEpisode(`${blank('p.upn')} AND p.upn_unknown IS NULL`)
  },
  {
    code: 'CB203',
    severity: 'error',
    recordType: 'person',
    message: 'The NHS number is not a valid NHS number. Check it against an NHS letter and correct it.',
    description: 'The NHS number is not 10 digits, or its last digit is not its modulus-11 check digit.',
    sql: () => personCandidates(`NOT ${blank('p.nhs_number')}`, 'p.nhs_number AS nhs_number'),
    breaks: (row) => {
      const value = text(row, 'nhs_number') ?? ''
      return !/^\d{10}$/.test(value) || !isValidNhsNumber(value)
    }
  },
  {
    code: 'CB204',
    severity: 'error',
    recordType: 'person',
    message: 'The unique pupil number (UPN) is not valid. Check it with the child’s school and correct it.',
    description: 'The UPN is not 13 characters in upper case, or its first letter is not the check letter of the other twelve (DfE UPN rules).',
    sql: () => personCandidates(`NOT ${blank('p.upn')}`, 'p.upn AS upn'),
    breaks: (row) => {
      const value = text(row, 'upn') ?? ''
      return value !== normaliseUpn(value) || !isValidUpn(value)
    }
  },
  {
    code: 'CB205',
    severity: 'error',
    recordType: 'person',
    message: 'The child has both a unique pupil number (UPN) and a reason it is not known. Remove one of them.',
    description: 'A person has a UPN and also a UPN-unknown reason: the census allows one or the other.',
    sql: () => person(`NOT ${blank('p.upn')} AND p.upn_unknown IS NOT NULL`)
  },
  {
    code: 'CB206',
    severity: 'error',
    recordType: 'person',
    message: 'The reason the unique pupil number (UPN) is not known is not a census reason. Choose one of UN1 to UN7.',
    description: 'person.upn_unknown is present and not a census UPN-unknown code (UN1 to UN7).',
    sql: () => person(offList('p.upn_unknown', 'upnUnknown')),
    params: () => ({ upnUnknown: codesOf(UPN_UNKNOWN) })
  },
  {
    code: 'CB207',
    severity: 'error',
    recordType: 'person',
    message: 'The date of birth is in the future. Correct it.',
    description: 'The date of birth is after the day the checks ran.',
    sql: () => person('p.date_of_birth > :today'),
    params: ({ today }) => ({ today })
  },
  {
    code: 'CB208',
    severity: 'error',
    recordType: 'person',
    message: 'The child has no date of birth and no expected date of delivery. Add their date of birth.',
    description: 'A child or unborn baby has neither a date of birth nor an expected date of delivery (census items N00066, N00098).',
    sql: () => person(`p.kind IN ('child', 'unborn') AND ${blank('p.date_of_birth')} AND ${blank('p.expected_date')}`)
  },
  {
    code: 'CB209',
    severity: 'error',
    recordType: 'person',
    message: 'The date of birth or expected date of delivery is not a real date. Correct it.',
    description: 'The date of birth or expected date is present and not a real calendar date written YYYY-MM-DD.',
    sql: (d) =>
      personCandidates(
        `(${unsureDate(d, 'p.date_of_birth')} OR ${unsureDate(d, 'p.expected_date')})`,
        'p.date_of_birth AS date_of_birth, p.expected_date AS expected_date'
      ),
    breaks: (row) => [text(row, 'date_of_birth'), text(row, 'expected_date')].some((day) => day !== null && !isRealIsoDate(day))
  },
  {
    code: 'CB210',
    severity: 'warning',
    recordType: 'person',
    message: `The baby’s expected date of delivery was more than ${BIRTH_OVERDUE_DAYS / 7} weeks ago. Record the birth, or a new expected date.`,
    description: `An unborn baby’s expected date of delivery is more than ${BIRTH_OVERDUE_DAYS} days before the day the checks ran.`,
    sql: () => person(`p.kind = 'unborn' AND p.expected_date < :bornBy`),
    params: ({ today }) => ({ bornBy: addDays(today, -BIRTH_OVERDUE_DAYS) })
  },
  {
    code: 'CB211',
    severity: 'error',
    recordType: 'person',
    message: 'Sex is not a census code. Choose female, male or unknown.',
    description: 'person.sex is present and not a census sex code (F, M, U).',
    sql: () => person(offList('p.sex', 'sex')),
    params: () => ({ sex: codesOf(SEX) })
  },
  {
    code: 'CB212',
    severity: 'error',
    recordType: 'person',
    message: 'Ethnicity is not a census ethnicity. Choose one from the list.',
    description: 'person.ethnicity is present and not a DfE ethnicity code.',
    sql: () => person(offList('p.ethnicity', 'ethnicity')),
    params: () => ({ ethnicity: codesOf(ETHNICITY) })
  },
  {
    code: 'CB213',
    severity: 'error',
    recordType: 'person',
    message: 'A disability recorded for the person is not a census disability. Choose each from the list.',
    description: 'A person_disability row holds a code that is not a census disability code.',
    sql: () => person(`p.id IN (SELECT d.person_id FROM person_disability d WHERE d.code NOT IN (:...disability))`),
    params: () => ({ disability: codesOf(DISABILITY) })
  },
  {
    code: 'CB214',
    severity: 'error',
    recordType: 'person',
    message: 'Whether the person is an adult, child or unborn baby, or how an adult is related to the family, is not one of the choices. Correct it.',
    description: 'person.kind is not adult, child or unborn, or person.relationship is present and not an ADULT_RELATIONSHIP code.',
    sql: () => person(`(${missingOrOffList('p.kind', 'kind')} OR ${offList('p.relationship', 'relationship')})`),
    params: () => ({ kind: codesOf(MEMBER_KIND), relationship: codesOf(ADULT_RELATIONSHIP) })
  },
  {
    code: 'CB215',
    severity: 'warning',
    recordType: 'person',
    message: 'Someone else has the same NHS number. Check both records: they may be the same person recorded twice.',
    description: 'Another person has the same NHS number.',
    sql: () => sharedIdentifier('nhs_number')
  },
  {
    code: 'CB216',
    severity: 'warning',
    recordType: 'person',
    message: 'Someone else has the same unique pupil number (UPN). Check both records: they may be the same child recorded twice.',
    description: 'Another person has the same UPN.',
    sql: () => sharedIdentifier('upn')
  },

  // 3xx consent
  {
    code: 'CB301',
    severity: 'error',
    recordType: 'consent',
    message: 'What the consent covers, or how it was given, is not one of the choices. Ask IT to correct the consent.',
    description: 'consent.scope is not a CONSENT_SCOPE code, or consent.method is not a CONSENT_METHOD code.',
    sql: () => consent(`(${missingOrOffList('c.scope', 'scope')} OR ${missingOrOffList('c.method', 'method')})`),
    params: () => ({ scope: codesOf(CONSENT_SCOPE), method: codesOf(CONSENT_METHOD) })
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
    params: () => ({ reason: codesOf(CLOSURE_REASON) })
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
    params: () => ({ headline: codesOf(HEADLINE) })
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
    params: () => ({ headline: codesOf(HEADLINE), outcome: codesOf(HEADLINE_OUTCOME) })
  },

  {
    code: 'CB410',
    severity: 'error',
    recordType: 'episode',
    message: 'Whether the episode is open, closing or closed is not one of the choices. Ask IT to correct it.',
    description: 'episode.status is not open, closing or closed.',
    sql: () => episode(missingOrOffList('e.status', 'status')),
    params: () => ({ status: [...episodeRow.shape.status.options] })
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
    params: () => ({ type: codesOf(NOTE_TYPE) })
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
    sql: () => note('n.occurred_at NOT LIKE :instant'),
    params: () => ({ instant: INSTANT_PATTERN })
  },

  // 70x request for help
  {
    code: 'CB701',
    severity: 'error',
    recordType: 'request-for-help',
    message: 'The request has no referral source, or one that is not a census code. Ask IT to correct where the request came from.',
    description: 'request_for_help.source is missing or not a census referral-source code (N00152).',
    sql: () => request(missingOrOffList('r.source', 'source')),
    params: () => ({ source: codesOf(REFERRAL_SOURCE) })
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
      channel: codesOf(REQUEST_CHANNEL),
      awareness: codesOf(FAMILY_AWARENESS),
      urgency: codesOf(URGENCY),
      status: [...requestRow.shape.status.options],
      decision: codesOf(SCREENING_DECISION),
      feedbackMethod: codesOf(CONTACT_METHOD)
    })
  },
  {
    code: 'CB705',
    severity: 'error',
    recordType: 'request-for-help',
    message: 'When the request was received is not a date and time Casebook can read. Ask IT to correct it.',
    description: 'request_for_help.received_at is not an instant in UTC written YYYY-MM-DDTHH:MM:SS.sssZ.',
    sql: () => request('r.received_at NOT LIKE :instant'),
    params: () => ({ instant: INSTANT_PATTERN })
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
    breaks: (row) => localDay(text(row, 'sent_at') ?? '') >= (text(row, 'withdrawn_on') ?? '')
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
    params: () => ({ basis6: codesOf(LAWFUL_BASIS_6), basis9: codesOf(LAWFUL_BASIS_9) })
  },
  {
    code: 'CB714',
    severity: 'error',
    recordType: 'outbound-referral',
    message: 'Where the referral has got to, how it was sent or its outcome is not one of the choices. Ask IT to correct it.',
    description: 'outbound_referral.status is not on its list, or sent_method or outcome is present and not on its list.',
    sql: () => referral(`(${missingOrOffList('o.status', 'status')} OR ${offList('o.sent_method', 'sentMethod')} OR ${offList('o.outcome', 'outcome')})`),
    params: () => ({ status: codesOf(OUTBOUND_STATUS), sentMethod: codesOf(CONTACT_METHOD), outcome: codesOf(REFERRAL_OUTCOME) })
  },

  // 72x step-up to children's social care
  {
    code: 'CB721',
    severity: 'error',
    recordType: 'step-up',
    message: 'The step-up has no referral source, or one that is not 5D or 8. Ask IT to correct it to the source the authority uses for the hub.',
    description: 'step_up.referral_source is missing or not a step-up source code (5D or 8).',
    sql: () => stepUp(missingOrOffList('s.referral_source', 'source')),
    params: () => ({ source: codesOf(STEP_UP_SOURCE) })
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
    params: () => ({ role: ROLES.map((r) => r.code) })
  }
]
