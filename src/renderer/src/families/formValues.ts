// What the family and member forms hold (strings, date boxes) and how it becomes the contract's
// input. Validation is not here: the contract's schemas do it, in the form and again in main.
import { datePartsToValue, EMPTY_DATE_PARTS, isoToDateParts, type DateParts } from '../../../shared/dates'
import type { FamilyRecord, Member, MemberInput, MemberKind, PersonRecord } from '../../../shared/families/schemas'

export interface FamilyFormValues {
  addressLine1: string
  addressLine2: string
  town: string
  postcode: string
  phone: string
  email: string
  mainLanguage: string
  interpreterNeeded: boolean
  heardAbout: string
}

export interface MemberFormValues {
  kind: MemberKind
  givenName: string
  familyName: string
  dateOfBirth: DateParts
  expectedDate: DateParts
  sex: string
  ethnicity: string
  nhsNumber: string
  upn: string
  upnUnknown: string
  disabilities: string[]
  school: string
  gpPractice: string
  relationship: string
  parentalResponsibility: boolean
  /** People the user has confirmed this is not. */
  notDuplicateOf: string[]
}

export const emptyFamily = (): FamilyFormValues => ({
  addressLine1: '',
  addressLine2: '',
  town: '',
  postcode: '',
  phone: '',
  email: '',
  mainLanguage: 'English',
  interpreterNeeded: false,
  heardAbout: ''
})

export const emptyMember = (kind: MemberKind, familyName = ''): MemberFormValues => ({
  kind,
  givenName: '',
  familyName,
  dateOfBirth: { ...EMPTY_DATE_PARTS },
  expectedDate: { ...EMPTY_DATE_PARTS },
  sex: '',
  ethnicity: '',
  nhsNumber: '',
  upn: '',
  upnUnknown: '',
  disabilities: [],
  school: '',
  gpPractice: '',
  relationship: kind === 'adult' ? 'PARENT_CARER' : '',
  parentalResponsibility: false,
  notDuplicateOf: []
})

export const familyToInput = (f: FamilyFormValues) => ({ ...f, heardAbout: f.heardAbout || null })

/** Only the fields that belong to the member's kind go to the contract. */
export function memberToInput(m: MemberFormValues): MemberInput {
  const common = {
    givenName: m.givenName,
    familyName: m.familyName,
    nhsNumber: m.nhsNumber,
    disabilities: (m.disabilities ?? []) as never,
    gpPractice: m.gpPractice
  }
  if (m.kind === 'adult') {
    return {
      kind: 'adult',
      ...common,
      dateOfBirth: datePartsToValue(m.dateOfBirth) as string,
      sex: m.sex as never,
      ethnicity: m.ethnicity as never,
      relationship: m.relationship as never,
      parentalResponsibility: m.parentalResponsibility
    }
  }
  if (m.kind === 'child') {
    return {
      kind: 'child',
      ...common,
      dateOfBirth: datePartsToValue(m.dateOfBirth) as string,
      sex: m.sex as never,
      ethnicity: m.ethnicity as never,
      upn: m.upn,
      upnUnknown: m.upnUnknown as never,
      school: m.school
    }
  }
  return {
    kind: 'unborn',
    ...common,
    expectedDate: datePartsToValue(m.expectedDate) as string,
    sex: (m.sex || null) as never,
    ethnicity: (m.ethnicity || null) as never
  }
}

/** Contract paths (members.0.member.givenName) to form paths (members.0.givenName). */
export const memberFormPath = (path: string) => path.replace(/(^|\.)member\./, '$1').replace(/(^|\.)member$/, '$1_duplicate')

export function familyToForm(f: FamilyRecord): FamilyFormValues {
  return {
    addressLine1: f.addressLine1,
    addressLine2: f.addressLine2 ?? '',
    town: f.town,
    postcode: f.postcode,
    phone: f.phone ?? '',
    email: f.email ?? '',
    mainLanguage: f.mainLanguage,
    interpreterNeeded: f.interpreterNeeded,
    heardAbout: f.heardAbout ?? ''
  }
}

export function personToForm(p: PersonRecord): MemberFormValues {
  return {
    kind: p.kind,
    givenName: p.givenName ?? '',
    familyName: p.familyName,
    dateOfBirth: isoToDateParts(p.dateOfBirth),
    expectedDate: isoToDateParts(p.expectedDate),
    sex: p.sex ?? '',
    ethnicity: p.ethnicity ?? '',
    nhsNumber: p.nhsNumber ?? '',
    upn: p.upn ?? '',
    upnUnknown: p.upnUnknown ?? '',
    disabilities: p.disabilities,
    school: p.school ?? '',
    gpPractice: p.gpPractice ?? '',
    relationship: p.relationship ?? '',
    parentalResponsibility: p.parentalResponsibility ?? false,
    notDuplicateOf: []
  }
}

/** What the duplicate check needs to know about a member. */
export function duplicateQueryFor(m: Member, postcode: string | null, excludePersonId: string | null = null) {
  return {
    givenName: m.givenName ?? null,
    familyName: m.familyName,
    dateOfBirth: m.kind === 'unborn' ? null : (m.dateOfBirth ?? null),
    nhsNumber: m.nhsNumber ?? null,
    upn: m.kind === 'child' ? (m.upn ?? null) : null,
    postcode,
    sex: m.sex ?? null,
    excludePersonId
  }
}
