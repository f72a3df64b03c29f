// Families, people and household moves as TypeORM entity schemas. EntitySchema rather than
// decorators: the same core then loads under Vite, tsx and Playwright without decorator metadata.
import { EntitySchema } from 'typeorm'
import { textColumn as text } from '../core/columns'

export interface FamilyRow {
  id: string
  reference: string
  addressLine1: string
  addressLine2: string | null
  town: string
  postcode: string
  postcodeKey: string
  phone: string | null
  email: string | null
  mainLanguage: string
  interpreterNeeded: boolean
  heardAbout: string | null
  registeredAt: string
  /** Null: registered by the system or the command line (the audit trail says who). */
  registeredByUserId: string | null
  /** Only the users named in family_access, and managers, may open it. */
  restricted: boolean
  updatedAt: string
  version: number
}

export const FamilyEntity = new EntitySchema<FamilyRow>({
  name: 'Family',
  tableName: 'family',
  columns: {
    id: { ...text('id', 36), primary: true },
    reference: text('reference', 20),
    addressLine1: text('address_line1', 200),
    addressLine2: text('address_line2', 200, true),
    town: text('town', 100),
    postcode: text('postcode', 8),
    postcodeKey: text('postcode_key', 7),
    phone: text('phone', 30, true),
    email: text('email', 254, true),
    mainLanguage: text('main_language', 60),
    interpreterNeeded: { type: 'boolean', name: 'interpreter_needed' },
    heardAbout: text('heard_about', 30, true),
    registeredAt: text('registered_at', 32),
    registeredByUserId: text('registered_by_user_id', 36, true),
    restricted: { type: 'boolean', default: false },
    updatedAt: text('updated_at', 32),
    version: { type: 'integer' }
  }
})

export interface PersonRow {
  id: string
  familyId: string
  kind: 'adult' | 'child' | 'unborn'
  givenName: string | null
  familyName: string
  dateOfBirth: string | null
  expectedDate: string | null
  sex: string | null
  ethnicity: string | null
  nhsNumber: string | null
  upn: string | null
  /** Why the census is told a child's UPN is not known (UN1 to UN7); never beside a UPN. */
  upnUnknown: string | null
  school: string | null
  gpPractice: string | null
  relationship: string | null
  parentalResponsibility: boolean | null
  createdAt: string
  updatedAt: string
  version: number
}

export const PersonEntity = new EntitySchema<PersonRow>({
  name: 'Person',
  tableName: 'person',
  columns: {
    id: { ...text('id', 36), primary: true },
    familyId: text('family_id', 36),
    kind: text('kind', 10) as never,
    givenName: text('given_name', 100, true),
    familyName: text('family_name', 100),
    dateOfBirth: text('date_of_birth', 10, true),
    expectedDate: text('expected_date', 10, true),
    sex: text('sex', 1, true),
    ethnicity: text('ethnicity', 4, true),
    nhsNumber: text('nhs_number', 10, true),
    upn: text('upn', 13, true),
    upnUnknown: text('upn_unknown', 3, true),
    school: text('school', 200, true),
    gpPractice: text('gp_practice', 200, true),
    relationship: text('relationship', 20, true),
    parentalResponsibility: { type: 'boolean', name: 'parental_responsibility', nullable: true },
    createdAt: text('created_at', 32),
    updatedAt: text('updated_at', 32),
    version: { type: 'integer' }
  }
})

export interface MembershipRow {
  id: string
  personId: string
  familyId: string
  joinedAt: string
  leftAt: string | null
  recordedByUserId: string | null
}

export const MembershipEntity = new EntitySchema<MembershipRow>({
  name: 'FamilyMembership',
  tableName: 'family_membership',
  columns: {
    id: { ...text('id', 36), primary: true },
    personId: text('person_id', 36),
    familyId: text('family_id', 36),
    joinedAt: text('joined_at', 32),
    leftAt: text('left_at', 32, true),
    recordedByUserId: text('recorded_by_user_id', 36, true)
  }
})

export interface DuplicateDecisionRow {
  id: string
  personId: string
  otherPersonId: string
  decision: 'different'
  decidedByUserId: string | null
  decidedAt: string
}

export const DuplicateDecisionEntity = new EntitySchema<DuplicateDecisionRow>({
  name: 'DuplicateDecision',
  tableName: 'duplicate_decision',
  columns: {
    id: { ...text('id', 36), primary: true },
    personId: text('person_id', 36),
    otherPersonId: text('other_person_id', 36),
    decision: text('decision', 20) as never,
    decidedByUserId: text('decided_by_user_id', 36, true),
    decidedAt: text('decided_at', 32)
  }
})

/**
 * A user named on a restricted family. Taking the name off revokes the row (it stays, for the
 * authority's copy and the history); naming them again un-revokes the same row. Only a row with no
 * revokedAt gives access: every read says `revoked_at IS NULL`.
 */
export interface FamilyAccessRow {
  familyId: string
  userId: string
  grantedAt: string
  grantedByUserId: string | null
  revokedAt: string | null
  revokedByUserId: string | null
}

export const FamilyAccessEntity = new EntitySchema<FamilyAccessRow>({
  name: 'FamilyAccess',
  tableName: 'family_access',
  columns: {
    familyId: { ...text('family_id', 36), primary: true },
    userId: { ...text('user_id', 36), primary: true },
    grantedAt: text('granted_at', 32),
    grantedByUserId: text('granted_by_user_id', 36, true),
    revokedAt: text('revoked_at', 32, true),
    revokedByUserId: text('revoked_by_user_id', 36, true)
  }
})

/** One of a person's disabilities (DISABILITY codes); a person has each at most once. */
export interface PersonDisabilityRow {
  personId: string
  code: string
}

export const PersonDisabilityEntity = new EntitySchema<PersonDisabilityRow>({
  name: 'PersonDisability',
  tableName: 'person_disability',
  columns: {
    personId: { ...text('person_id', 36), primary: true },
    code: { ...text('code', 10), primary: true }
  }
})
