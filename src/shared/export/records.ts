// What the export sends: one zod object per CSV file of the package, its columns in file order.
// The package's Table Schemas (types, formats, national code lists as enum constraints) are
// generated from these, and docs/export-format.md lists them: there is no second copy. Column
// names are snake_case as importers expect; every staff column holds a user id (staff.csv).
import { z } from 'zod'
import {
  ACTION_STATUS,
  ADULT_RELATIONSHIP,
  ASSESSMENT_DOMAIN,
  CLOSURE_REASON,
  CONSENT_METHOD,
  CONSENT_SCOPE,
  DISABILITY,
  ETHNICITY,
  HEADLINE,
  HEADLINE_OUTCOME,
  HEARD_ABOUT,
  MEMBER_KIND,
  NEED_LEVEL,
  NOTE_TYPE,
  SEX
} from '../codes'
import {
  CONTACT_METHOD,
  FAMILY_AWARENESS,
  REFERRAL_SOURCE,
  REQUEST_CHANNEL,
  REQUEST_STATUS,
  SCREENING_DECISION,
  SERVICE_STATUS,
  SERVICE_TYPE,
  LAWFUL_BASIS_6,
  LAWFUL_BASIS_9,
  STEP_UP_SOURCE,
  UPN_UNKNOWN,
  URGENCY
} from '../referrals/codes'
import { OUTBOUND_STATUS, REFERRAL_OUTCOME } from '../referrals/outbound'
import { episodeStatus } from '../earlyHelp/schemas'
import { roleSchema } from '../roles'

/** Raised when a column's meaning changes or a column goes; a new file or column alone does not. */
export const EXPORT_FORMAT_VERSION = '1.0'

const id = (what: string) => z.uuid().describe(what)
const ref = (what: string) => z.uuid().nullable().describe(what)
const staff = (what: string) => z.uuid().nullable().describe(`${what} (staff.csv id); empty when done by the system or the command line`)
const instant = (what: string) => z.iso.datetime().describe(`${what}: an instant in UTC, ISO 8601`)
const maybeInstant = (what: string) => z.iso.datetime().nullable().describe(`${what}: an instant in UTC, ISO 8601; empty when not yet`)
const day = (what: string) => z.iso.date().describe(what)
const maybeDay = (what: string) => z.iso.date().nullable().describe(what)
const text = (max: number, what: string) => z.string().max(max).describe(what)
const maybeText = (max: number, what: string) => z.string().max(max).nullable().describe(what)
const flag = (what: string) => z.boolean().describe(what)

export const staffRow = z.object({
  id: id('The user id every staff column refers to'),
  username: text(50, 'Sign-in name'),
  display_name: text(100, 'Name as shown to staff'),
  role: roleSchema.describe('reception, practitioner, manager or admin'),
  disabled: flag('The account can no longer sign in'),
  created_at: instant('Account created'),
  updated_at: instant('Account last changed')
})

export const organisationRow = z.object({
  id: id('Organisation id'),
  feed_id: maybeText(200, 'Its id in the Open Referral UK feed it was imported from'),
  name: text(200, 'Name'),
  website: maybeText(500, 'Website'),
  email: maybeText(254, 'Email'),
  phone: maybeText(30, 'Phone'),
  updated_at: instant('Last changed')
})

export const serviceRow = z.object({
  id: id('Service id'),
  organisation_id: id('The organisation that runs it'),
  feed_id: maybeText(200, 'Its id in the Open Referral UK feed'),
  name: text(200, 'Name'),
  service_type: SERVICE_TYPE.schema.describe('Kind of service'),
  referral_source: REFERRAL_SOURCE.schema.nullable().describe('The census referral source for requests that come from it'),
  status: SERVICE_STATUS.schema.describe('Whether it takes referrals now'),
  postcode: maybeText(8, 'Postcode'),
  updated_at: instant('Last changed')
})

export const familyRow = z.object({
  id: id('Family (household) id'),
  reference: text(20, "The hub's reference: hub code and number"),
  address_line1: text(200, 'Address'),
  address_line2: maybeText(200, 'Address, second line'),
  town: text(100, 'Town'),
  postcode: text(8, 'Postcode'),
  phone: maybeText(30, 'Phone'),
  email: maybeText(254, 'Email'),
  main_language: text(60, 'Main language at home'),
  interpreter_needed: flag('An interpreter is needed'),
  heard_about: HEARD_ABOUT.schema.nullable().describe('How they heard of the hub'),
  restricted: flag('Only named staff may open the record'),
  registered_at: instant('Registered'),
  registered_by_user_id: staff('Who registered the family'),
  updated_at: instant('Last changed')
})

export const personRow = z.object({
  id: id('Person id'),
  family_id: id('The family the person belongs to now'),
  kind: MEMBER_KIND.schema.describe('child, adult or unborn'),
  given_name: maybeText(100, 'Given name'),
  family_name: text(100, 'Family name'),
  date_of_birth: maybeDay('Date of birth'),
  expected_date: maybeDay('Expected date of delivery, for an unborn child'),
  sex: SEX.schema.nullable().describe('Census sex code'),
  ethnicity: ETHNICITY.schema.nullable().describe('DfE ethnicity code'),
  nhs_number: z
    .string()
    .regex(/^\d{10}$/)
    .nullable()
    .describe('NHS number, 10 digits'),
  upn: z
    .string()
    .regex(/^[A-Z]\d{11}[0-9A-Z]$/)
    .nullable()
    .describe('Unique pupil number'),
  upn_unknown: UPN_UNKNOWN.schema.nullable().describe('Why the UPN is not known (census UN1 to UN7)'),
  school: maybeText(200, 'School or setting'),
  gp_practice: maybeText(200, 'GP practice'),
  relationship: ADULT_RELATIONSHIP.schema.nullable().describe('An adult’s role in the family'),
  parental_responsibility: z.boolean().nullable().describe('An adult has parental responsibility'),
  created_at: instant('Recorded'),
  updated_at: instant('Last changed')
})

export const personDisabilityRow = z.object({
  person_id: id('The person'),
  code: DISABILITY.schema.describe('Census disability code')
})

export const membershipRow = z.object({
  id: id('Membership id'),
  person_id: id('The person'),
  family_id: id('The family'),
  joined_at: instant('Joined the family'),
  left_at: maybeInstant('Left the family'),
  recorded_by_user_id: staff('Who recorded it')
})

export const consentRow = z.object({
  id: id('Consent id'),
  family_id: id('The family'),
  given_by_person_id: id('Who gave it'),
  scope: CONSENT_SCOPE.schema.describe('What was agreed'),
  organisation_id: ref('The organisation sharing was agreed with (organisations.csv)'),
  agency: maybeText(200, 'The agency, as typed, for consents recorded before the directory'),
  method: CONSENT_METHOD.schema.describe('How it was given'),
  given_on: day('Given on'),
  withdrawn_on: maybeDay('Withdrawn on'),
  recorded_at: instant('Recorded'),
  recorded_by_user_id: staff('Who recorded it')
})

export const familyAccessRow = z.object({
  family_id: id('A restricted family'),
  user_id: id('A member of staff who may open it'),
  granted_at: instant('Access given'),
  granted_by_user_id: staff('Who gave it')
})

export const episodeRow = z.object({
  id: id('Early-help episode id'),
  family_id: id('The family'),
  status: episodeStatus.describe('open; closing (waiting for a manager to approve); closed'),
  opened_on: day('Opened on'),
  closed_on: maybeDay('Closed on'),
  lead_user_id: id('Lead practitioner (staff.csv)'),
  opened_by_user_id: staff('Who opened it'),
  consent_id: ref('The consent to early help it was opened on'),
  reason: text(4000, 'Why it was opened'),
  next_review_on: maybeDay('When the next review is due'),
  closure_reason: CLOSURE_REASON.schema.nullable().describe('Why it closed'),
  closure_note: maybeText(4000, 'About the closure'),
  family_view: maybeText(4000, "The family's view of the help they had"),
  stepped_up_on: maybeDay("Stepped up to children's social care on"),
  closure_requested_by_user_id: staff('Who closed it'),
  closure_approved_by_user_id: staff('The manager who approved the closure'),
  created_at: instant('Recorded'),
  updated_at: instant('Last changed')
})

export const episodeHeadlineRow = z.object({
  episode_id: id('The episode'),
  headline: HEADLINE.schema.describe('Supporting Families headline it was opened for'),
  outcome: HEADLINE_OUTCOME.schema.nullable().describe('The outcome for it at closure')
})

export const teamMemberRow = z.object({
  id: id('Team Around the Family member id'),
  episode_id: id('The episode'),
  name: text(200, 'Name'),
  agency: text(200, 'Agency'),
  role: text(200, 'Role'),
  phone: maybeText(30, 'Phone'),
  email: maybeText(320, 'Email'),
  created_at: instant('Added'),
  updated_at: instant('Last changed')
})

export const assessmentRow = z.object({
  id: id('Assessment id'),
  episode_id: id('The episode'),
  family_id: id('The family'),
  started_on: day('Started on'),
  completed_on: maybeDay('Completed on'),
  completed_by_user_id: staff('Who completed it'),
  family_voice: maybeText(8000, "The family's own words"),
  updated_by_user_id: staff('Who last changed it'),
  updated_at: instant('Last changed')
})

export const assessmentEntryRow = z.object({
  assessment_id: id('The assessment'),
  entry_key: z.string().max(60).describe('The person id, or PARENTS_CARERS, then / and the domain'),
  person_id: ref('The child assessed; empty for the parents and carers together'),
  domain: ASSESSMENT_DOMAIN.schema.describe('Assessment domain'),
  level: NEED_LEVEL.schema.nullable().describe('Level of need'),
  strengths: maybeText(4000, 'Strengths'),
  needs: maybeText(4000, 'Needs')
})

export const assessmentHeadlineRow = z.object({
  assessment_id: id('The assessment'),
  headline: HEADLINE.schema.describe('A Supporting Families headline the assessment found'),
  evidence: maybeText(4000, 'The evidence for it')
})

export const planRow = z.object({
  id: id('Family plan id'),
  episode_id: id('The episode'),
  family_id: id('The family'),
  agreed_on: day('Agreed on'),
  agreed_by_user_id: staff('Who recorded the agreement'),
  updated_by_user_id: staff('Who last changed it'),
  updated_at: instant('Last changed')
})

// Outcome and action ids are made by the window when a plan is drafted, so they are unique only
// within their plan: their keys include the plan's id.
export const planOutcomeRow = z.object({
  id: id('Outcome id, unique within its plan'),
  plan_id: id('The plan'),
  headline: HEADLINE.schema.describe('The headline it is for'),
  text: text(2000, 'What will be different, and for whom')
})

export const planOutcomePersonRow = z.object({
  plan_id: id('The plan'),
  outcome_id: id('The outcome (within the plan)'),
  person_id: id('A person it is for')
})

export const planActionRow = z.object({
  id: id('Action id, unique within its plan'),
  outcome_id: id('The outcome (within the plan)'),
  plan_id: id('The plan'),
  what: text(1000, 'What will be done'),
  owner_person_id: ref('The family member who will do it'),
  owner_team_member_id: ref('The team member who will do it'),
  due_on: day('Due'),
  status: ACTION_STATUS.schema.describe('Where it has got to')
})

export const reviewRow = z.object({
  id: id('Review id'),
  episode_id: id('The episode'),
  family_id: id('The family'),
  held_on: day('Held on'),
  other_attendees: maybeText(1000, 'Others who attended'),
  next_review_on: day('Next review due'),
  recorded_by_user_id: staff('Who recorded it'),
  created_at: instant('Recorded')
})

export const reviewAttendeeRow = z.object({
  review_id: id('The review'),
  person_id: ref('A family member who attended'),
  team_member_id: ref('A team member who attended'),
  attendee_key: z.string().max(50).describe('person:<id> or taf:<id>')
})

export const reviewScoreRow = z.object({
  review_id: id('The review'),
  outcome_id: z.uuid().describe('The plan outcome scored (it may since have left the plan)'),
  score: z.number().int().min(0).max(10).describe('Progress, 0 to 10'),
  comment: maybeText(2000, 'Comment')
})

export const caseNoteRow = z.object({
  id: id('Case note id'),
  family_id: id('The family'),
  episode_id: ref('The episode it was written in'),
  occurred_at: instant('When the contact happened'),
  type: NOTE_TYPE.schema.describe('Kind of contact'),
  significant: flag('A significant event'),
  author_user_id: staff('Who wrote it'),
  created_at: instant('Written'),
  text: maybeText(20000, "The note's text: empty unless the hub exports it")
})

export const caseNotePersonRow = z.object({
  case_note_id: id('The case note'),
  person_id: id('A family member it involved')
})

export const requestRow = z.object({
  id: id('Request for help id'),
  family_id: id('The family'),
  received_at: instant('Received'),
  channel: REQUEST_CHANNEL.schema.describe('How it came'),
  referrer_name: maybeText(100, 'Who asked'),
  referrer_role: maybeText(200, 'Their role'),
  organisation_id: ref('Their organisation, from the directory'),
  agency: maybeText(200, 'Their agency, as typed'),
  referrer_phone: maybeText(30, 'Their phone'),
  referrer_email: maybeText(254, 'Their email'),
  source: REFERRAL_SOURCE.schema.describe('Census referral source'),
  social_care_reference: maybeText(50, "Children's social care reference, for a step-down"),
  reason: text(4000, "The reason, in the referrer's words"),
  awareness: FAMILY_AWARENESS.schema.describe('What the family knows of it'),
  urgency: URGENCY.schema.describe('Urgency'),
  status: REQUEST_STATUS.schema.describe('Screened yet or not'),
  decision: SCREENING_DECISION.schema.nullable().describe('The screening decision'),
  decided_at: maybeInstant('Decided'),
  decided_by_user_id: staff('Who decided'),
  decline_reason: maybeText(4000, 'Why it was declined'),
  service_id: ref('The service the family was signposted to'),
  episode_id: ref('The episode opened on accepting it'),
  fed_back_on: maybeDay('The referrer was told on'),
  feedback_method: CONTACT_METHOD.schema.nullable().describe('How the referrer was told'),
  feedback_by_user_id: staff('Who told the referrer'),
  logged_by_user_id: staff('Who logged it'),
  created_at: instant('Logged'),
  updated_at: instant('Last changed')
})

export const requestChildRow = z.object({
  request_id: id('The request'),
  person_id: id('A child it is about')
})

export const referralRow = z.object({
  id: id('Referral id'),
  family_id: id('The family'),
  episode_id: ref('The episode it was made from'),
  request_id: ref('The request for help it was made from'),
  service_id: id('The service referred to'),
  organisation_id: id('Its organisation'),
  reason: text(4000, 'Why'),
  share_identifiers: flag('Names, dates of birth and identifiers shared'),
  share_address: flag('Address and contact details shared'),
  share_plan: flag('The family plan shared'),
  share_assessment: flag('The assessment shared'),
  status: OUTBOUND_STATUS.schema.describe('Where it has got to'),
  sent_at: maybeInstant('Sent'),
  sent_method: CONTACT_METHOD.schema.nullable().describe('How it was sent'),
  acknowledged_at: maybeInstant('Acknowledged'),
  responded_at: maybeInstant('Accepted or declined'),
  decline_reason: maybeText(4000, 'Why it was declined'),
  completed_at: maybeInstant('Completed'),
  outcome: REFERRAL_OUTCOME.schema.nullable().describe('Its outcome'),
  withdrawn_at: maybeInstant('Withdrawn'),
  consent_id: ref('The consent it was shared under'),
  override_reason: maybeText(4000, 'Why it was shared without consent'),
  lawful_basis_6: LAWFUL_BASIS_6.schema.nullable().describe('UK GDPR Article 6 basis for sharing without consent'),
  lawful_basis_9: LAWFUL_BASIS_9.schema.nullable().describe('UK GDPR Article 9 condition for sharing without consent'),
  override_by_user_id: staff('Who recorded the override'),
  created_by_user_id: staff('Who drafted it'),
  created_at: instant('Drafted'),
  updated_at: instant('Last changed')
})

export const referralPersonRow = z.object({
  referral_id: id('The referral'),
  person_id: id('A person it is about')
})

export const stepUpRow = z.object({
  id: id('Step-up id'),
  family_id: id('The family'),
  request_id: ref('The request for help it came from'),
  episode_id: ref('The episode it came from'),
  stepped_up_on: day("Stepped up to children's social care on"),
  referral_source: STEP_UP_SOURCE.schema.describe('Census referral source given to social care'),
  concern: text(8000, 'The concern'),
  made_by_user_id: staff('Who made it'),
  acknowledged_on: maybeDay('Social care acknowledged it on'),
  social_care_reference: maybeText(50, "Social care's reference"),
  created_at: instant('Recorded'),
  updated_at: instant('Last changed')
})

export const stepUpChildRow = z.object({
  step_up_id: id('The step-up'),
  person_id: id('A child it is about')
})

export const deletionRow = z.object({
  resource: z.string().max(40).describe('The file the record was in (team_members, family_access)'),
  record_key: z.string().max(80).describe("The record's primary key; for two-column keys, the values joined by |"),
  deleted_at: instant('Removed'),
  deleted_by_user_id: staff('Who removed it')
})
