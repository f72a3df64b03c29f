// Rows as earlier versions of Casebook wrote them, for the migration tests (see migrationDb.ts):
// column → value, as stored (booleans as 0 and 1, times as ISO-8601 text). Each is named for the
// migration that made its table, and has only that table's columns as they were then.

const AT = '2025-11-20T09:30:00.000Z'

/** The hub's one row, as the first schema had it. */
export const hubRow = { id: 1, name: 'Riverside Family Hub', code: 'RV', local_authority_code: '330', next_family_number: 3, version: 2 }

export const familyRows = [
  {
    id: '6f1c1b0e-1d2a-4c53-9a43-6f0d1a2b3c01',
    reference: 'RV-000001',
    address_line1: '12 Acacia Road',
    address_line2: null,
    town: 'Birmingham',
    postcode: 'B33 8TH',
    postcode_key: 'B338TH',
    phone: '0121 496 0000',
    email: 'okafor@example.com',
    main_language: 'English',
    interpreter_needed: 0,
    heard_about: 'HEALTH_VISITOR',
    registered_at: AT,
    registered_by: 'reception1',
    updated_at: AT,
    version: 1
  },
  {
    id: '6f1c1b0e-1d2a-4c53-9a43-6f0d1a2b3c02',
    reference: 'RV-000002',
    address_line1: 'Flat 3',
    address_line2: '4 Mill Lane',
    town: 'Coventry',
    postcode: 'CV1 2AB',
    postcode_key: 'CV12AB',
    phone: null,
    email: null,
    main_language: 'Polish',
    interpreter_needed: 1,
    heard_about: null,
    registered_at: AT,
    registered_by: 'reception1',
    updated_at: AT,
    version: 3
  }
]

const person = (id: string, familyId: string, given: string | null, family: string, more: Record<string, unknown>) => ({
  id,
  family_id: familyId,
  kind: 'child',
  given_name: given,
  family_name: family,
  date_of_birth: null,
  expected_date: null,
  sex: null,
  ethnicity: null,
  nhs_number: null,
  upn: null,
  disabilities: '',
  school: null,
  gp_practice: null,
  relationship: null,
  parental_responsibility: null,
  created_at: AT,
  updated_at: AT,
  version: 1,
  ...more
})

export const personRows = [
  person('7a2d2c1f-2e3b-4d64-8b54-7a1e2b3c4d01', familyRows[0]!.id, 'Grace', "O'Neill-Okafor", {
    kind: 'adult',
    date_of_birth: '1994-05-02',
    sex: 'F',
    ethnicity: 'BAFR',
    nhs_number: '9434765919',
    relationship: 'PARENT_CARER',
    parental_responsibility: 1
  }),
  person('7a2d2c1f-2e3b-4d64-8b54-7a1e2b3c4d02', familyRows[0]!.id, 'Catherine', 'Okafor', {
    date_of_birth: '2019-07-03',
    upn: 'Q823456789012',
    disabilities: 'HEAR',
    school: 'Acacia Primary'
  }),
  person('7a2d2c1f-2e3b-4d64-8b54-7a1e2b3c4d03', familyRows[0]!.id, null, 'Okafor', { kind: 'unborn', expected_date: '2026-03-01' }),
  person('7a2d2c1f-2e3b-4d64-8b54-7a1e2b3c4d04', familyRows[1]!.id, 'Zofia', 'Nowak', {
    kind: 'adult',
    date_of_birth: '1990-01-15',
    relationship: 'PARENT_CARER'
  })
]

export const membershipRows = personRows.map((p, i) => ({
  id: `8b3e3d20-3f4c-4e75-9c65-8b2f3c4d5e0${i + 1}`,
  person_id: p.id,
  family_id: p.family_id,
  joined_at: AT,
  left_at: null,
  recorded_by: 'reception1'
}))

export const consentRow = {
  id: '9c4f4e31-4a5d-4f86-8d76-9c3a4d5e6f01',
  family_id: familyRows[0]!.id,
  given_by_id: personRows[0]!.id,
  scope: 'EARLY_HELP',
  agency: null,
  method: 'VERBAL',
  given_on: '2025-11-20',
  recorded_by: 'reception1',
  recorded_at: AT,
  withdrawn_on: null,
  version: 1
}

export const auditRows = [1, 2, 3].map((seq) => ({
  seq,
  at: AT,
  actor: 'reception1',
  action: seq === 1 ? 'create' : 'view',
  record_type: 'family',
  record_id: familyRows[0]!.id,
  family_id: familyRows[0]!.id,
  changes: seq === 1 ? '{"reference":"RV-000001"}' : null,
  prev_hash: String(seq - 1).repeat(64),
  hash: String(seq).repeat(64)
}))

/** An account as the Accounts migration's table holds it. */
export const userRow = {
  id: 'a05a5f42-5b6e-4a97-9e87-ad4b5e6f7a01',
  username: 'pat',
  display_name: 'Pat Practitioner',
  role: 'practitioner',
  password_hash: 'scrypt$131072$8$1$c2FsdA$aGFzaA',
  must_change_password: 0,
  disabled: 0,
  failed_attempts: 2,
  locked_until: null,
  last_sign_in_at: AT,
  created_at: AT,
  updated_at: AT,
  version: 4
}

/** An early-help episode as the EarlyHelp migration's table holds it (n makes its id). */
export const episodeRow = (n: number, family: string, status: string, more: Record<string, unknown> = {}) => ({
  id: `b16b6a53-6c7f-4ba8-8f98-be5c6f7a8b0${n}`,
  family_id: family,
  status,
  opened_on: '2025-06-01',
  closed_on: null,
  lead_user_id: userRow.id,
  reason: 'Rent arrears',
  headlines: 'HOUSING',
  opened_by: 'pat',
  closure: null,
  reopened: null,
  note_count: 0,
  last_contact_at: null,
  created_at: '2025-06-01T10:00:00.000Z',
  updated_at: '2025-06-01T10:00:00.000Z',
  version: 1,
  ...more
})

/**
 * The same rows as FamiliesReadyToTravel (13) leaves them, for the tests of later migrations: staff
 * by user id ('reception1' is no account here, so NULL), no disability list (Catherine's HEAR is a
 * row of personDisabilityRows13), no reason for a missing UPN.
 */
export const familyRows13 = familyRows.map(({ registered_by: _by, ...f }) => ({ ...f, registered_by_user_id: null }))
export const personRows13 = personRows.map(({ disabilities: _list, ...p }) => ({ ...p, upn_unknown: null }))
export const personDisabilityRows13 = personRows.flatMap((p) => (p.disabilities ? p.disabilities.split(' ').map((code) => ({ person_id: p.id, code })) : []))
export const membershipRows13 = membershipRows.map(({ recorded_by: _by, ...m }) => ({ ...m, recorded_by_user_id: null }))

/** A hub with an account, families, people and their disabilities, memberships and a trail, as migration 13 left them: [table, rows] in an order the foreign keys allow. */
export const rows13: [string, Record<string, unknown>[]][] = [
  ['hub', [hubRow]],
  ['app_user', [userRow]],
  ['family', familyRows13],
  ['person', personRows13],
  ['person_disability', personDisabilityRows13],
  ['family_membership', membershipRows13],
  ['audit_entry', auditRows]
]
