// The validation rules about families (1xx) and people (2xx). rules.ts says how codes and
// severities are chosen; the table is RULES there.
import { ADULT_RELATIONSHIP, DISABILITY, ETHNICITY, HEARD_ABOUT, MEMBER_KIND, SEX } from '../../../shared/codes'
import { addDays, isRealIsoDate } from '../../../shared/dates'
import { isValidNhsNumber } from '../../../shared/identifiers/nhsNumber'
import { isValidPostcode } from '../../../shared/identifiers/postcode'
import { isValidUpn, normaliseUpn } from '../../../shared/identifiers/upn'
import { UPN_UNKNOWN } from '../../../shared/referrals/codes'
import { blank, missingOrOffList, offList, rowText, type ValidationRule } from './rule'
import { childOnEpisode, family, familyCandidates, person, personCandidates, sharedIdentifier, unsureDate } from './recordQueries'

/** An unborn baby is surely born this long after the expected date (a pregnancy runs to 42 weeks at most). */
const BIRTH_OVERDUE_DAYS = 28

export const PEOPLE_RULES: readonly ValidationRule[] = [
  // 1xx family
  {
    code: 'CB101',
    severity: 'error',
    recordType: 'family',
    message: 'The postcode is not a real UK postcode. Correct the family’s address.',
    description: 'The family’s postcode is not of UK postcode form (outward code, space, inward code), after upper-casing and spacing.',
    sql: () => familyCandidates('f.postcode AS postcode'),
    breaks: (row) => !isValidPostcode(rowText(row, 'postcode') ?? '')
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
    params: () => ({ heardAbout: HEARD_ABOUT.schema.options })
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
      const value = rowText(row, 'nhs_number') ?? ''
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
      const value = rowText(row, 'upn') ?? ''
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
    params: () => ({ upnUnknown: UPN_UNKNOWN.schema.options })
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
    breaks: (row) => [rowText(row, 'date_of_birth'), rowText(row, 'expected_date')].some((day) => day !== null && !isRealIsoDate(day))
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
    params: () => ({ sex: SEX.schema.options })
  },
  {
    code: 'CB212',
    severity: 'error',
    recordType: 'person',
    message: 'Ethnicity is not a census ethnicity. Choose one from the list.',
    description: 'person.ethnicity is present and not a DfE ethnicity code.',
    sql: () => person(offList('p.ethnicity', 'ethnicity')),
    params: () => ({ ethnicity: ETHNICITY.schema.options })
  },
  {
    code: 'CB213',
    severity: 'error',
    recordType: 'person',
    message: 'A disability recorded for the person is not a census disability. Choose each from the list.',
    description: 'A person_disability row holds a code that is not a census disability code.',
    sql: () => person(`p.id IN (SELECT d.person_id FROM person_disability d WHERE d.code NOT IN (:...disability))`),
    params: () => ({ disability: DISABILITY.schema.options })
  },
  {
    code: 'CB214',
    severity: 'error',
    recordType: 'person',
    message: 'Whether the person is an adult, child or unborn baby, or how an adult is related to the family, is not one of the choices. Correct it.',
    description: 'person.kind is not adult, child or unborn, or person.relationship is present and not an ADULT_RELATIONSHIP code.',
    sql: () => person(`(${missingOrOffList('p.kind', 'kind')} OR ${offList('p.relationship', 'relationship')})`),
    params: () => ({ kind: MEMBER_KIND.schema.options, relationship: ADULT_RELATIONSHIP.schema.options })
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
  }
]
