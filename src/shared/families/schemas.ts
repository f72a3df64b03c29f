// Families and their members: one definition, used by the register and edit forms and by the core.
import { z } from 'zod'
import { addMonths, addYears } from '../dates'
import { ADULT_RELATIONSHIP, DISABILITY, ETHNICITY, HEARD_ABOUT, SEX } from '../codes'
import {
  dateField,
  emailField,
  idField,
  isoDateTime,
  nhsNumberField,
  optionalCode,
  optionalText,
  phoneField,
  postcodeField,
  requiredCode,
  requiredText,
  upnField,
  versionField
} from '../fields'

export const familyDetailsSchema = z.object({
  addressLine1: requiredText('Enter address line 1', 200, 'Address line 1'),
  addressLine2: optionalText(200, 'Address line 2'),
  town: requiredText('Enter town or city', 100, 'Town or city'),
  postcode: postcodeField,
  phone: phoneField,
  email: emailField,
  mainLanguage: requiredText('Enter main language', 60, 'Main language'),
  interpreterNeeded: z.boolean().default(false),
  heardAbout: optionalCode(HEARD_ABOUT.schema)
})

const childBirthRule = (iso: string, today: string) =>
  iso > today ? 'Date of birth must be today or in the past' : iso < addYears(today, -25) ? "A child's date of birth must be within the last 25 years" : null

const adultBirthRule = (iso: string, today: string) =>
  iso > today ? 'Date of birth must be in the past' : iso < addYears(today, -120) ? 'Date of birth must be within the last 120 years' : null

const expectedDateRule = (iso: string, today: string) =>
  iso < today
    ? 'Expected date of delivery must be today or in the future'
    : iso > addMonths(today, 10)
      ? 'Expected date of delivery must be within the next 10 months'
      : null

const personFields = {
  givenName: requiredText('Enter first name', 100, 'First name'),
  familyName: requiredText('Enter last name', 100, 'Last name'),
  nhsNumber: nhsNumberField,
  disabilities: z.array(DISABILITY.schema).default([]),
  gpPractice: optionalText(200, 'GP practice')
}

export const adultSchema = z.object({
  kind: z.literal('adult'),
  ...personFields,
  dateOfBirth: dateField('Date of birth', adultBirthRule),
  sex: requiredCode(SEX.schema, 'Select sex'),
  ethnicity: requiredCode(ETHNICITY.schema, 'Select ethnicity'),
  relationship: requiredCode(ADULT_RELATIONSHIP.schema, 'Select how they are related to the family'),
  parentalResponsibility: z.boolean().default(false)
})

export const childSchema = z.object({
  kind: z.literal('child'),
  ...personFields,
  dateOfBirth: dateField('Date of birth', childBirthRule),
  sex: requiredCode(SEX.schema, 'Select sex'),
  ethnicity: requiredCode(ETHNICITY.schema, 'Select ethnicity'),
  upn: upnField,
  school: optionalText(200, 'School or setting')
})

export const unbornSchema = z.object({
  kind: z.literal('unborn'),
  ...personFields,
  // An unborn baby often has no name yet; the family name is still how reception finds them.
  givenName: optionalText(100, 'First name'),
  expectedDate: dateField('Expected date of delivery', expectedDateRule),
  sex: optionalCode(SEX.schema),
  ethnicity: optionalCode(ETHNICITY.schema)
})

export const memberSchema = z.discriminatedUnion('kind', [adultSchema, childSchema, unbornSchema])
export type MemberInput = z.input<typeof memberSchema>
export type Member = z.output<typeof memberSchema>
export type MemberKind = Member['kind']

/** People the user has looked at and confirmed are not this person (stored with the new record). */
const notDuplicateOf = z.array(idField).default([])

export const newMemberSchema = z.object({ member: memberSchema, notDuplicateOf })

export const registerFamilyInput = z.object({
  family: familyDetailsSchema,
  members: z.array(newMemberSchema).min(1, { error: 'Add at least one member of the family' })
})
export type RegisterFamilyInput = z.input<typeof registerFamilyInput>

export const updateFamilyInput = z.object({ id: idField, version: versionField, family: familyDetailsSchema })
export const addMemberInput = z.object({ familyId: idField }).extend(newMemberSchema.shape)
export const updatePersonInput = z.object({ id: idField, version: versionField, member: memberSchema, notDuplicateOf })
export const movePersonInput = z.object({
  id: idField,
  version: versionField,
  toFamilyReference: z.string().trim().min(1, { error: 'Enter the family reference to move them to' })
})
export const getFamilyInput = z.object({ id: idField })
export const setRestrictionInput = z.object({ id: idField, version: versionField, restricted: z.boolean(), allowedUserIds: z.array(idField).default([]) })

export const personRecord = z.object({
  id: idField,
  familyId: idField,
  kind: z.enum(['adult', 'child', 'unborn']),
  givenName: z.string().nullable(),
  familyName: z.string(),
  dateOfBirth: z.string().nullable(),
  expectedDate: z.string().nullable(),
  sex: z.string().nullable(),
  ethnicity: z.string().nullable(),
  nhsNumber: z.string().nullable(),
  upn: z.string().nullable(),
  disabilities: z.array(z.string()),
  school: z.string().nullable(),
  gpPractice: z.string().nullable(),
  relationship: z.string().nullable(),
  parentalResponsibility: z.boolean().nullable(),
  version: versionField,
  updatedAt: isoDateTime
})
export type PersonRecord = z.infer<typeof personRecord>

export const familyRecord = familyDetailsSchema.extend({
  id: idField,
  reference: z.string(),
  postcode: z.string(),
  registeredAt: isoDateTime,
  registeredBy: z.string(),
  restricted: z.boolean(),
  version: versionField,
  updatedAt: isoDateTime
})
export type FamilyRecord = z.infer<typeof familyRecord>
