// The package's files, and where their rows come from. Records travel in groups: a parent record
// (the change feed names it: migration 15) with the rows of its link tables and of its JSON
// documents, so an incremental package sends a changed person with all of that person's
// disabilities, and importers replace them. Each group reads one page of parents at a time.
import type { z } from 'zod'
import * as records from '../../shared/export/records'
import type { CellValue, ForeignKeyDefinition, ResourceDefinition } from './package/resource'

/** A record's values by column, as the groups read them and before the package writer checks them. */
export type ExportRow = Record<string, CellValue>

export interface ExportResource extends ResourceDefinition {
  /** The file's name without .csv, and the change feed's record type for a group's parent. */
  name: string
  foreignKeys: ForeignKeyDefinition[]
  /**
   * What the pseudonymised package does with each column not kept as it is: ids become keyed
   * hashes, dates of birth a year and month, postcodes their district; the rest are left out.
   */
  pseudonymised: Record<string, 'hash' | 'yearMonth' | 'district' | 'drop'>
}

const fk = (field: string, resource: string, to = 'id'): ForeignKeyDefinition => ({ fields: [field], reference: { resource, fields: [to] } })
const staffFk = (...fields: string[]) => fields.map((f) => fk(f, 'staff'))
/** An outcome is known by its plan and its own id (unique only within the plan). */
const outcomeFk: ForeignKeyDefinition = { fields: ['plan_id', 'outcome_id'], reference: { resource: 'plan_outcomes', fields: ['plan_id', 'id'] } }
const drop = (...fields: string[]) => Object.fromEntries(fields.map((f) => [f, 'drop' as const]))

/**
 * A file of the package. In the pseudonymised package every id-like column is hashed; `exceptions`
 * says what else changes (or is left out), and may hash a column that is not id-like.
 */
function resource(
  name: string,
  title: string,
  description: string,
  schema: z.ZodObject,
  primaryKey: string[],
  foreignKeys: ForeignKeyDefinition[],
  exceptions: ExportResource['pseudonymised'] = {}
): ExportResource {
  const pseudonymised: ExportResource['pseudonymised'] = {}
  for (const key of Object.keys(schema.shape)) if (key === 'id' || key.endsWith('_id')) pseudonymised[key] = 'hash'
  return { name, title, description, schema, primaryKey, foreignKeys, pseudonymised: { ...pseudonymised, ...exceptions } }
}

const FREE_TEXT_OF_A_REQUEST = drop(
  'referrer_name',
  'referrer_role',
  'agency',
  'referrer_phone',
  'referrer_email',
  'social_care_reference',
  'reason',
  'decline_reason'
)

/** Every file of a package, in the order importers load them (a file's references come before it). */
export const RESOURCES: ExportResource[] = [
  resource('staff', 'Staff', 'Every account: the ids staff columns refer to.', records.staffRow, ['id'], [], drop('username', 'display_name')),
  resource('organisations', 'Organisations', 'The agency directory: organisations.', records.organisationRow, ['id'], []),
  resource('services', 'Services', 'The agency directory: services.', records.serviceRow, ['id'], [fk('organisation_id', 'organisations')]),
  resource('families', 'Families', 'Households registered with the hub.', records.familyRow, ['id'], staffFk('registered_by_user_id'), {
    ...drop('reference', 'address_line1', 'address_line2', 'town', 'phone', 'email', 'main_language'),
    postcode: 'district'
  }),
  resource('people', 'People', 'Everyone in a family, with the census items.', records.personRow, ['id'], [fk('family_id', 'families')], {
    ...drop('given_name', 'family_name', 'expected_date', 'nhs_number', 'upn', 'school', 'gp_practice'),
    date_of_birth: 'yearMonth'
  }),
  resource(
    'person_disabilities',
    'Disabilities',
    "A person's census disability codes.",
    records.personDisabilityRow,
    ['person_id', 'code'],
    [fk('person_id', 'people')]
  ),
  resource(
    'memberships',
    'Memberships',
    'Who belonged to which family, when: a person who moves has a row for each family.',
    records.membershipRow,
    ['id'],
    [fk('person_id', 'people'), fk('family_id', 'families'), ...staffFk('recorded_by_user_id')]
  ),
  resource(
    'consents',
    'Consents',
    'What each family agreed to, and withdrawals.',
    records.consentRow,
    ['id'],
    [fk('family_id', 'families'), fk('given_by_person_id', 'people'), fk('organisation_id', 'organisations'), ...staffFk('recorded_by_user_id')],
    drop('agency')
  ),
  resource(
    'family_access',
    'Access to restricted families',
    'Who may open each restricted family.',
    records.familyAccessRow,
    ['family_id', 'user_id'],
    [fk('family_id', 'families'), ...staffFk('user_id', 'granted_by_user_id')]
  ),
  resource(
    'episodes',
    'Early-help episodes',
    'Each episode of early help, with its closure.',
    records.episodeRow,
    ['id'],
    [
      fk('family_id', 'families'),
      fk('consent_id', 'consents'),
      ...staffFk('lead_user_id', 'opened_by_user_id', 'closure_requested_by_user_id', 'closure_approved_by_user_id')
    ],
    drop('reason', 'closure_note', 'family_view')
  ),
  resource(
    'episode_headlines',
    'Headlines',
    'The Supporting Families headlines each episode was opened for, and their outcomes.',
    records.episodeHeadlineRow,
    ['episode_id', 'headline'],
    [fk('episode_id', 'episodes')]
  ),
  resource(
    'team_members',
    'Team Around the Family',
    "The professionals around each episode's family.",
    records.teamMemberRow,
    ['id'],
    [fk('episode_id', 'episodes')],
    drop('name', 'agency', 'role', 'phone', 'email')
  ),
  resource(
    'assessments',
    'Assessments',
    'Each episode’s assessment.',
    records.assessmentRow,
    ['id'],
    [fk('episode_id', 'episodes'), fk('family_id', 'families'), ...staffFk('completed_by_user_id', 'updated_by_user_id')],
    drop('family_voice')
  ),
  resource(
    'assessment_entries',
    'Assessment entries',
    'Each domain of the assessment, for each child and for the parents and carers.',
    records.assessmentEntryRow,
    ['assessment_id', 'entry_key'],
    [fk('assessment_id', 'assessments'), fk('person_id', 'people')],
    { ...drop('strengths', 'needs'), entry_key: 'hash' }
  ),
  resource(
    'assessment_headlines',
    'Headlines assessed',
    'The headlines an assessment found, with the evidence.',
    records.assessmentHeadlineRow,
    ['assessment_id', 'headline'],
    [fk('assessment_id', 'assessments')],
    drop('evidence')
  ),
  resource(
    'plans',
    'Family plans',
    'Each episode’s family plan.',
    records.planRow,
    ['id'],
    [fk('episode_id', 'episodes'), fk('family_id', 'families'), ...staffFk('agreed_by_user_id', 'updated_by_user_id')]
  ),
  resource(
    'plan_outcomes',
    'Plan outcomes',
    'What the plan means to change.',
    records.planOutcomeRow,
    ['plan_id', 'id'],
    [fk('plan_id', 'plans')],
    drop('text')
  ),
  resource(
    'plan_outcome_people',
    'Who each outcome is for',
    'The people each outcome is for.',
    records.planOutcomePersonRow,
    ['plan_id', 'outcome_id', 'person_id'],
    [fk('plan_id', 'plans'), outcomeFk, fk('person_id', 'people')]
  ),
  resource(
    'plan_actions',
    'Plan actions',
    'The actions towards each outcome.',
    records.planActionRow,
    ['plan_id', 'id'],
    [outcomeFk, fk('plan_id', 'plans'), fk('owner_person_id', 'people'), fk('owner_team_member_id', 'team_members')],
    drop('what')
  ),
  resource(
    'reviews',
    'Reviews',
    'Reviews of the family plan.',
    records.reviewRow,
    ['id'],
    [fk('episode_id', 'episodes'), fk('family_id', 'families'), ...staffFk('recorded_by_user_id')],
    drop('other_attendees')
  ),
  resource(
    'review_attendees',
    'Who attended',
    'The family members and team members at each review.',
    records.reviewAttendeeRow,
    ['review_id', 'attendee_key'],
    [fk('review_id', 'reviews'), fk('person_id', 'people'), fk('team_member_id', 'team_members')],
    { attendee_key: 'hash' }
  ),
  resource(
    'review_scores',
    'Review scores',
    'Progress towards each outcome at each review.',
    records.reviewScoreRow,
    ['review_id', 'outcome_id'],
    [fk('review_id', 'reviews')],
    drop('comment')
  ),
  resource(
    'case_notes',
    'Case notes',
    "Contacts and events. The text travels only when the hub's setting says so.",
    records.caseNoteRow,
    ['id'],
    [fk('family_id', 'families'), fk('episode_id', 'episodes'), ...staffFk('author_user_id')],
    drop('text')
  ),
  resource(
    'case_note_people',
    'Who each note involved',
    'The family members each case note involved.',
    records.caseNotePersonRow,
    ['case_note_id', 'person_id'],
    [fk('case_note_id', 'case_notes'), fk('person_id', 'people')]
  ),
  resource(
    'requests',
    'Requests for help',
    'Requests for help that came to the hub, and how they were screened.',
    records.requestRow,
    ['id'],
    [
      fk('family_id', 'families'),
      fk('organisation_id', 'organisations'),
      fk('service_id', 'services'),
      fk('episode_id', 'episodes'),
      ...staffFk('decided_by_user_id', 'feedback_by_user_id', 'logged_by_user_id')
    ],
    FREE_TEXT_OF_A_REQUEST
  ),
  resource(
    'request_children',
    'Children of each request',
    'The children each request for help is about.',
    records.requestChildRow,
    ['request_id', 'person_id'],
    [fk('request_id', 'requests'), fk('person_id', 'people')]
  ),
  resource(
    'referrals',
    'Referrals',
    'Referrals the hub made to other services.',
    records.referralRow,
    ['id'],
    [
      fk('family_id', 'families'),
      fk('episode_id', 'episodes'),
      fk('request_id', 'requests'),
      fk('service_id', 'services'),
      fk('organisation_id', 'organisations'),
      fk('consent_id', 'consents'),
      ...staffFk('override_by_user_id', 'created_by_user_id')
    ],
    drop('reason', 'decline_reason', 'override_reason')
  ),
  resource(
    'referral_people',
    'People of each referral',
    'The people each referral is about.',
    records.referralPersonRow,
    ['referral_id', 'person_id'],
    [fk('referral_id', 'referrals'), fk('person_id', 'people')]
  ),
  resource(
    'step_ups',
    "Step-ups to children's social care",
    "Families stepped up to children's social care.",
    records.stepUpRow,
    ['id'],
    [fk('family_id', 'families'), fk('request_id', 'requests'), fk('episode_id', 'episodes'), ...staffFk('made_by_user_id')],
    drop('concern', 'social_care_reference')
  ),
  resource(
    'step_up_children',
    'Children of each step-up',
    'The children each step-up is about.',
    records.stepUpChildRow,
    ['step_up_id', 'person_id'],
    [fk('step_up_id', 'step_ups'), fk('person_id', 'people')]
  ),
  resource(
    'deletions',
    'Deletions',
    'Records removed since they were sent: delete them (a key that was never received can be ignored).',
    records.deletionRow,
    ['resource', 'record_key'],
    staffFk('deleted_by_user_id'),
    { record_key: 'hash' }
  )
]

export const resourceNamed = (name: string): ExportResource => {
  const found = RESOURCES.find((r) => r.name === name)
  if (!found) throw new Error(`No export resource ${name}`)
  return found
}
