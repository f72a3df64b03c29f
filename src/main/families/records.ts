// Between the form's member (a discriminated union) and the person row, both ways.
import type { Member, PersonRecord } from '../../shared/families/schemas'
import type { FamilyRecord } from '../../shared/families/schemas'
import { personName } from '../../shared/families/familyName'
import type { FamilyRow, PersonRow } from './entities'
import type { DuplicateQuery } from '../search/duplicates'

export type PersonColumns = Omit<PersonRow, 'id' | 'familyId' | 'createdAt' | 'updatedAt' | 'version'>

export function memberColumns(m: Member): PersonColumns {
  return {
    kind: m.kind,
    givenName: m.givenName,
    familyName: m.familyName,
    dateOfBirth: m.kind === 'unborn' ? null : m.dateOfBirth,
    expectedDate: m.kind === 'unborn' ? m.expectedDate : null,
    sex: m.sex,
    ethnicity: m.ethnicity,
    nhsNumber: m.nhsNumber,
    upn: m.kind === 'child' ? m.upn : null,
    upnUnknown: m.kind === 'child' ? m.upnUnknown : null,
    school: m.kind === 'child' ? m.school : null,
    gpPractice: m.gpPractice,
    relationship: m.kind === 'adult' ? m.relationship : null,
    parentalResponsibility: m.kind === 'adult' ? m.parentalResponsibility : null
  }
}

/** A person as read back, with their disabilities (rows of their own: disabilitiesOf). */
export function personRecord(row: PersonRow, disabilities: string[]): PersonRecord {
  return {
    id: row.id,
    familyId: row.familyId,
    kind: row.kind,
    givenName: row.givenName,
    familyName: row.familyName,
    dateOfBirth: row.dateOfBirth,
    expectedDate: row.expectedDate,
    sex: row.sex,
    ethnicity: row.ethnicity,
    nhsNumber: row.nhsNumber,
    upn: row.upn,
    upnUnknown: row.upnUnknown as PersonRecord['upnUnknown'],
    disabilities,
    school: row.school,
    gpPractice: row.gpPractice,
    relationship: row.relationship,
    parentalResponsibility: row.parentalResponsibility === null ? null : Boolean(row.parentalResponsibility),
    version: row.version,
    updatedAt: row.updatedAt
  }
}

/** What a family's record says beyond its row: who registered it (staffNames), its name (familyNames) and what its bar shows. */
export type FamilyFacts = Pick<FamilyRecord, 'registeredBy' | 'name' | 'episode' | 'alerts'>

export function familyRecord(row: FamilyRow, facts: FamilyFacts): FamilyRecord {
  const { postcodeKey: _key, registeredByUserId: _by, ...record } = row
  return {
    ...record,
    ...facts,
    heardAbout: record.heardAbout as FamilyRecord['heardAbout'],
    interpreterNeeded: Boolean(row.interpreterNeeded),
    restricted: Boolean(row.restricted)
  }
}

export function duplicateQuery(m: Member, postcode: string | null, excludePersonId: string | null = null): DuplicateQuery {
  return {
    givenName: m.givenName,
    familyName: m.familyName,
    dateOfBirth: m.kind === 'unborn' ? null : m.dateOfBirth,
    nhsNumber: m.nhsNumber,
    upn: m.kind === 'child' ? m.upn : null,
    postcode,
    sex: m.sex,
    excludePersonId
  }
}

/** How a person is named in messages: an unborn baby may have no first name yet. */
export const displayName = personName
