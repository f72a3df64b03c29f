// The agency directory as the forms and the core see it: organisations and the services they offer.
import { z } from 'zod'
import {
  emailField,
  idField,
  MULTI_LINE,
  optionalCode,
  optionalText,
  phoneField,
  requiredCode,
  requiredText,
  tooLong,
  versionField,
  whenValid
} from '../fields'
import { isValidPostcode, normalisePostcode } from '../identifiers/postcode'
import { REFERRAL_SOURCE, SERVICE_STATUS, SERVICE_TYPE } from '../referrals/codes'

export const DIRECTORY_PAGE_SIZE = 25

const pageField = z.number().int().min(1).max(100_000).default(1)
const searchText = z.string().max(100, { error: 'Search must be 100 characters or fewer' }).default('')

/** Finding a service: by words of its or its organisation's name, of a kind, active ones only by default. */
export const directorySearchInput = z.object({
  text: searchText,
  serviceType: optionalCode(SERVICE_TYPE.schema),
  activeOnly: z.boolean().default(true),
  page: pageField
})

/** A service as a list shows it, and as a request or referral names it. */
export const serviceSummary = z.object({
  id: idField,
  organisationId: idField,
  organisationName: z.string(),
  name: z.string(),
  serviceType: SERVICE_TYPE.schema,
  referralSource: REFERRAL_SOURCE.schema.nullable(),
  status: SERVICE_STATUS.schema,
  town: z.string().nullable(),
  phone: z.string().nullable(),
  secureEmail: z.string().nullable()
})
export type ServiceSummary = z.infer<typeof serviceSummary>

export const directorySearchOutput = z.object({
  services: z.array(serviceSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int()
})

// ---- Fields of the directory's forms, which an import's values pass through too ----

const blank = (v: unknown) => (typeof v === 'string' ? (v.trim() === '' ? null : v.trim()) : v)

/** A web address people can open: http or https, with a host name that has a dot in it. */
export function isWebAddress(value: string): boolean {
  if (/\s/.test(value)) return false
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.') && !url.username && !url.password
  } catch {
    return false
  }
}

export const websiteField = z
  .preprocess(
    blank,
    z
      .string()
      .max(500, { error: tooLong('Website', 500) })
      .refine(isWebAddress, { error: 'Enter a website address starting with https://, like https://www.example.org.uk' })
      .nullable()
  )
  .default(null)

const POSTCODE_MESSAGE = 'Enter a real UK postcode, like SW1A 1AA, or leave it blank'
export const optionalPostcodeField = z
  .preprocess(
    blank,
    z.string().max(16, { error: POSTCODE_MESSAGE }).refine(isValidPostcode, { error: POSTCODE_MESSAGE }).transform(normalisePostcode).nullable()
  )
  .default(null)

const AGE_MESSAGE = 'Enter an age in whole years from 0 to 120, like 5, or leave it blank'
/** An age in whole years; a form's text box sends it as text. */
export const ageField = z
  .preprocess(
    (v) => {
      const b = blank(v)
      return typeof b === 'string' && /^\d{1,3}$/.test(b) ? Number(b) : b
    },
    z.number({ error: AGE_MESSAGE }).int({ error: AGE_MESSAGE }).min(0, { error: AGE_MESSAGE }).max(120, { error: AGE_MESSAGE }).nullable()
  )
  .default(null)

export const organisationFields = z.object({
  name: requiredText('Enter the organisation’s name', 200, 'Name'),
  description: optionalText(4000, 'What they do', MULTI_LINE),
  website: websiteField,
  email: emailField,
  phone: phoneField
})

export const serviceFields = z.object({
  name: requiredText('Enter the service’s name', 200, 'Name'),
  serviceType: requiredCode(SERVICE_TYPE.schema, 'Select the kind of service'),
  referralSource: optionalCode(REFERRAL_SOURCE.schema),
  description: optionalText(4000, 'What they offer', MULTI_LINE),
  addressLine1: optionalText(200, 'Address'),
  town: optionalText(100, 'Town or city'),
  postcode: optionalPostcodeField,
  phone: phoneField,
  email: emailField,
  secureEmail: emailField,
  website: websiteField,
  minAge: ageField,
  maxAge: ageField,
  status: requiredCode(SERVICE_STATUS.schema, 'Select whether the service takes referrals')
})

// ---- Records ----

export const organisationRecord = z.object({
  id: idField,
  /** Its id in the Open Referral UK feed, or null when a manager added it. */
  feedId: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  updatedAt: z.string(),
  version: versionField
})
export type OrganisationRecord = z.infer<typeof organisationRecord>

export const serviceRecord = z.object({
  id: idField,
  organisationId: idField,
  organisationName: z.string(),
  feedId: z.string().nullable(),
  name: z.string(),
  serviceType: SERVICE_TYPE.schema,
  referralSource: REFERRAL_SOURCE.schema.nullable(),
  description: z.string().nullable(),
  addressLine1: z.string().nullable(),
  town: z.string().nullable(),
  postcode: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  secureEmail: z.string().nullable(),
  website: z.string().nullable(),
  minAge: z.number().int().nullable(),
  maxAge: z.number().int().nullable(),
  status: SERVICE_STATUS.schema,
  /** The feed's last_modified for it when it was last imported. */
  feedModifiedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: versionField
})
export type ServiceRecord = z.infer<typeof serviceRecord>

// ---- Channels' inputs and outputs ----

export const getOrganisationInput = z.object({ id: idField, page: pageField })
export const getOrganisationOutput = z.object({
  organisation: organisationRecord,
  /** Its services, inactive ones too, a page at a time. */
  services: z.array(serviceSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int()
})

export const listOrganisationsInput = z.object({ text: searchText, page: pageField })
export const organisationSummary = z.object({
  id: idField,
  name: z.string(),
  fromFeed: z.boolean(),
  services: z.number().int(),
  activeServices: z.number().int()
})
export type OrganisationSummary = z.infer<typeof organisationSummary>
export const listOrganisationsOutput = z.object({
  organisations: z.array(organisationSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int()
})

export const getServiceInput = z.object({ id: idField })
export const getServiceOutput = z.object({ service: serviceRecord })

/** Adds an organisation (no id) or changes one (its id and the version that was read). */
export const saveOrganisationInput = organisationFields.extend({
  id: idField.nullable().default(null),
  version: versionField.nullable().default(null)
})

const AGES_IN_ORDER = 'The youngest age must be the same as the oldest or below it'
/** Adds a service to an organisation, or changes one. A service is made inactive, never removed: referrals name it. */
export const saveServiceInput = serviceFields
  .extend({
    id: idField.nullable().default(null),
    version: versionField.nullable().default(null),
    organisationId: idField
  })
  .superRefine(
    (v, ctx) => {
      if (v.minAge !== null && v.maxAge !== null && v.minAge > v.maxAge) ctx.addIssue({ code: 'custom', path: ['maxAge'], message: AGES_IN_ORDER })
    },
    whenValid('minAge', 'maxAge')
  )

export const savedRecord = z.object({ id: idField, version: versionField })

/** Where the import reads from, as IT set it: for the screen to say so before anyone presses the button. */
export const directoryFeedOutput = z.object({
  /** The feed's web address or file path, or null when none is set. */
  feed: z.string().nullable(),
  /** The machine-wide config file where IT sets it. */
  configFile: z.string()
})

const counts = <K extends string>(...keys: K[]) => z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<K, z.ZodNumber>)

/** What an import did. Lists name at most IMPORT_LIST_LIMIT services; the totals count them all. */
export const directoryImportOutput = z.object({
  /** Where it read from: the address or file, and whether it was Open Referral UK's version 3 or 1. */
  source: z.string(),
  shape: z.enum(['v3', 'v1']),
  /** Whether the feed listed every service (pages, a list) or only some (one service): only then are missing ones made inactive. */
  complete: z.boolean(),
  organisations: counts('added', 'updated', 'unchanged'),
  services: counts('added', 'updated', 'unchanged', 'madeInactive'),
  skipped: z.array(z.object({ feedId: z.string().nullable(), name: z.string().nullable(), reason: z.string() })),
  skippedTotal: z.number().int(),
  /** What was cut short or left out of the services it imported (a description too long, an address that is not a postcode). */
  notes: z.array(z.object({ feedId: z.string(), name: z.string(), note: z.string() })),
  notesTotal: z.number().int()
})
export type DirectoryImportResult = z.infer<typeof directoryImportOutput>
export const IMPORT_LIST_LIMIT = 100
