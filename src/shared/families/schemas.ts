// Families and their members: one definition, used by the register and edit forms and by the core.
import { z } from 'zod'
import { addMonths, addYears } from '../dates'
import { ADULT_RELATIONSHIP, DISABILITY, ETHNICITY, HEARD_ABOUT, MEMBER_KIND, SEX } from '../codes'
import {
  dateField,
  emailField,
  idField,
  isoDateTime,
  nhsNumberField,
  optionalCode,
  optionalName,
  optionalText,
  phoneField,
  postcodeField,
  requiredCode,
  requiredName,
  requiredText,
  upnField,
  versionField,
  whenValid
} from '../fields'
import { isRecord } from '../plainData'
import { UPN_UNKNOWN } from '../referrals/codes'
import { savedDraftKey } from '../drafts/savedKey'

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
  givenName: requiredName('Enter first name', 'First name'),
  familyName: requiredName('Enter last name', 'Last name'),
  nhsNumber: nhsNumberField,
  disabilities: z.array(DISABILITY.schema).max(DISABILITY.items.length, { error: 'Select each disability once' }).default([]),
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

export const childSchema = z
  .object({
    kind: z.literal('child'),
    ...personFields,
    dateOfBirth: dateField('Date of birth', childBirthRule),
    sex: requiredCode(SEX.schema, 'Select sex'),
    ethnicity: requiredCode(ETHNICITY.schema, 'Select ethnicity'),
    upn: upnField,
    /** Why the UPN is not known (the census's UN1 to UN7): for a child with no UPN, and optional. */
    upnUnknown: optionalCode(UPN_UNKNOWN.schema),
    school: optionalText(200, 'School or setting')
  })
  .superRefine(
    (v, ctx) => {
      if (v.upn && v.upnUnknown) ctx.addIssue({ code: 'custom', path: ['upnUnknown'], message: 'Enter the UPN or say why it is not known, not both' })
    },
    whenValid('upn', 'upnUnknown')
  )

export const unbornSchema = z.object({
  kind: z.literal('unborn'),
  ...personFields,
  // An unborn baby often has no name yet; the family name is still how reception finds them.
  givenName: optionalName('First name'),
  expectedDate: dateField('Expected date of delivery', expectedDateRule),
  sex: optionalCode(SEX.schema),
  ethnicity: optionalCode(ETHNICITY.schema)
})

export const memberSchema = z.discriminatedUnion('kind', [adultSchema, childSchema, unbornSchema], {
  error: 'Select whether they are an adult, a child or an unborn baby'
})
export type MemberInput = z.input<typeof memberSchema>
export type Member = z.output<typeof memberSchema>
export type MemberKind = Member['kind']

/**
 * People the user has looked at and confirmed are not this person (stored with the new record).
 * The duplicate check names at most a few dozen; 100 leaves room for every one of them.
 */
const notDuplicateOf = z.array(idField).max(100).default([])

export const newMemberSchema = z.object({ member: memberSchema, notDuplicateOf })

/** A name as the same-person check compares it: case, accents, spaces and punctuation aside. */
const nameKey = (name: unknown) =>
  typeof name === 'string'
    ? name
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^\p{L}]/gu, '')
    : ''

/**
 * The same person entered twice in one registration (a second "Add a child" filled in for the same
 * child): the same kind, names and date of birth or expected date, or the same NHS number or UPN.
 * The message goes on the later one's field and names the earlier one as the form's legend does
 * ("Child 1"). Unborn babies without a first name are not compared by name: twins share a day.
 * It reads the members defensively, because it runs even when some of their fields are wrong.
 */
function refuseSamePersonTwice(entries: unknown[], ctx: z.core.$RefinementCtx<unknown[]>) {
  const first = new Map<string, string>()
  const counts: Record<string, number> = {}
  entries.forEach((entry, i) => {
    const m = isRecord(entry) && isRecord(entry.member) ? entry.member : null
    const kind = m?.kind
    if (!m || (kind !== 'adult' && kind !== 'child' && kind !== 'unborn')) return
    counts[kind] = (counts[kind] ?? 0) + 1
    const label = `${MEMBER_KIND.label(kind)} ${counts[kind]}`
    const given = nameKey(m.givenName)
    const family = nameKey(m.familyName)
    const day = kind === 'unborn' ? m.expectedDate : m.dateOfBirth
    const keys: [field: string, key: string, message: (earlier: string) => string][] = []
    if (family && typeof day === 'string' && (given || kind !== 'unborn')) {
      keys.push(['givenName', `person ${kind} ${given} ${family} ${day}`, (earlier) => `You have already added this person as ${earlier}`])
    }
    if (typeof m.nhsNumber === 'string' && m.nhsNumber) keys.push(['nhsNumber', `nhs ${m.nhsNumber}`, (earlier) => `${earlier} already has this NHS number`])
    if (typeof m.upn === 'string' && m.upn) keys.push(['upn', `upn ${m.upn}`, (earlier) => `${earlier} already has this UPN`])
    for (const [field, key, message] of keys) {
      const earlier = first.get(key)
      if (earlier) ctx.addIssue({ code: 'custom', path: [i, 'member', field], message: message(earlier) })
      else first.set(key, label)
    }
  })
}

/** The most members one registration adds; more are added to the family afterwards. */
export const MAX_MEMBERS_AT_REGISTRATION = 20
/** The most current members a family may have: the core refuses adding or moving in one more. */
export const MAX_FAMILY_MEMBERS = 30
/**
 * The most people one note, outcome or list names: a family's current members and room for those
 * who have left it but are still named in its history.
 */
export const MAX_PEOPLE_NAMED = MAX_FAMILY_MEMBERS + 20

export const registerFamilyInput = z.object({
  family: familyDetailsSchema,
  members: z
    .array(newMemberSchema)
    .min(1, { error: 'Add at least one member of the family' })
    .max(MAX_MEMBERS_AT_REGISTRATION, {
      error: `Register up to ${MAX_MEMBERS_AT_REGISTRATION} members at a time, then add the others to the family`
    })
    .superRefine(refuseSamePersonTwice, { when: (payload) => Array.isArray(payload.value) }),
  draftKey: savedDraftKey
})
export type RegisterFamilyInput = z.input<typeof registerFamilyInput>

export const updateFamilyInput = z.object({ id: idField, version: versionField, family: familyDetailsSchema })
export const addMemberInput = z.object({ familyId: idField }).extend(newMemberSchema.shape)
export const updatePersonInput = z.object({ id: idField, version: versionField, member: memberSchema, notDuplicateOf })
export const movePersonInput = z.object({
  id: idField,
  version: versionField,
  toFamilyReference: z
    .string({ error: 'Enter the family reference to move them to' })
    .trim()
    .min(1, { error: 'Enter the family reference to move them to' })
    .max(20, { error: 'Enter a family reference, like RV-000012' })
})
export const getFamilyInput = z.object({ id: idField })
/** Far more accounts than a hub has. */
const MAX_ALLOWED_USERS = 200
export const setRestrictionInput = z.object({
  id: idField,
  version: versionField,
  restricted: z.boolean(),
  allowedUserIds: z
    .array(idField)
    .max(MAX_ALLOWED_USERS, { error: `Name up to ${MAX_ALLOWED_USERS} people` })
    .default([])
})

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
  upnUnknown: UPN_UNKNOWN.schema.nullable(),
  disabilities: z.array(z.string()),
  school: z.string().nullable(),
  gpPractice: z.string().nullable(),
  relationship: z.string().nullable(),
  parentalResponsibility: z.boolean().nullable(),
  version: versionField,
  updatedAt: isoDateTime
})
export type PersonRecord = z.infer<typeof personRecord>

/** A household as read back: its stored shape, not the form's rules, which may have tightened since it was saved. */
export const familyRecord = z.object({
  id: idField,
  reference: z.string(),
  addressLine1: z.string(),
  addressLine2: z.string().nullable(),
  town: z.string(),
  postcode: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  mainLanguage: z.string(),
  interpreterNeeded: z.boolean(),
  heardAbout: HEARD_ABOUT.schema.nullable(),
  registeredAt: isoDateTime,
  registeredBy: z.string(),
  restricted: z.boolean(),
  version: versionField,
  updatedAt: isoDateTime,
  /** How the family is named everywhere (familyName): "Okafor family (RV-000001)". */
  name: z.string(),
  /** The open episode as the family bar shows it on every page about the family. */
  episode: z.object({ status: z.enum(['open', 'closing']), openedOn: z.string(), leadName: z.string() }).nullable(),
  /** What anyone opening the family must know at once, in plain words ("A request for help is waiting for a decision"). */
  alerts: z.array(z.string())
})
export type FamilyRecord = z.infer<typeof familyRecord>
