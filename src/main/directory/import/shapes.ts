// The two shapes of Open Referral UK a council's feed comes in, as zod schemas of what Casebook reads
// from them, and the one shape (FeedService) the rest of the import works with.
//   Version 3 (the UK profile of HSDS 3.0, OpenReferralUK/uk-profile): GET /services answers a page,
//   { total_items, total_pages, page_number, size, first_page, last_page, empty, contents: [...] },
//   and GET /services/{id} one service with its organization, service_at_locations[].location
//   .addresses, attributes[].taxonomy_term, minimum_age/maximum_age and last_modified.
//   Version 1 (still served by many councils): pages of { totalElements, totalPages, number, size,
//   first, last, content: [...] }, services with organization, eligibilitys[] (ages),
//   service_at_locations[].location.physical_addresses, contacts[].phones, service_taxonomys[].taxonomy.
// Objects are loose (a feed may carry much more than Casebook reads), and only what the standard
// requires and Casebook needs must be there: a service's id, name and status, an organisation's id
// and name. Phones are read where HSDS puts them (the service, its contacts, its location), though
// the UK profile leaves them out.
import { z } from 'zod'
import { SERVICE_STATUS } from '../../../shared/referrals/codes'

export type ServiceStatus = z.infer<typeof SERVICE_STATUS.schema>

/** An id is text, or a whole number in some version 1 feeds; kept as text. */
const feedId = z.union([z.string().trim().min(1), z.number().int().nonnegative()]).transform(String)
const text = z.string().nullish()
/** Ages are numbers; some feeds send them as text. */
const age = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\s*\d{1,3}(\.\d+)?\s*$/)
      .transform(Number)
  ])
  .nullish()
const status = z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), SERVICE_STATUS.schema)
const instant = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), { error: 'should be a date and time, like 2025-03-15T10:30:45Z' })
  .nullish()
const phones = z.array(z.looseObject({ number: text })).nullish()
const contacts = z.array(z.looseObject({ phones })).nullish()

const v3Organisation = z.looseObject({ id: feedId, name: z.string(), description: text, email: text, website: text, uri: text, url: text, phones })
const v3Location = z.looseObject({
  location_type: text,
  name: text,
  addresses: z.array(z.looseObject({ address_1: text, address_2: text, city: text, postal_code: text, address_type: text })).nullish(),
  phones
})
export const v3Service = z.looseObject({
  id: feedId,
  name: z.string(),
  status,
  description: text,
  url: text,
  email: text,
  minimum_age: age,
  maximum_age: age,
  last_modified: instant,
  organization_id: feedId.nullish(),
  organization: v3Organisation.nullish(),
  service_at_locations: z.array(z.looseObject({ location: v3Location.nullish() })).nullish(),
  phones,
  contacts,
  attributes: z.array(z.looseObject({ taxonomy_term: z.looseObject({ name: text, term: text }).nullish() })).nullish()
})

const v1Organisation = z.looseObject({ id: feedId, name: z.string(), description: text, email: text, website: text, url: text, phones })
export const v1Service = z.looseObject({
  id: feedId,
  name: z.string(),
  status,
  description: text,
  url: text,
  email: text,
  last_modified: instant,
  organization: v1Organisation.nullish(),
  eligibilitys: z.array(z.looseObject({ minimum_age: age, maximum_age: age })).nullish(),
  service_at_locations: z
    .array(
      z.looseObject({
        location: z
          .looseObject({ name: text, physical_addresses: z.array(z.looseObject({ address_1: text, city: text, postal_code: text })).nullish(), phones })
          .nullish()
      })
    )
    .nullish(),
  contacts,
  service_taxonomys: z.array(z.looseObject({ taxonomy: z.looseObject({ name: text, vocabulary: text }).nullish() })).nullish()
})

const count = z.number().int().nonnegative().nullish()
export const v3Page = z.looseObject({ total_items: count, total_pages: count, page_number: count, contents: z.array(z.unknown()) })
export const v1Page = z.looseObject({ totalElements: count, totalPages: count, number: count, content: z.array(z.unknown()) })
/** Enough of a listed service to ask for the rest of it. */
export const listedService = z.looseObject({ id: feedId })

/** Keys only a version 1 service has: the feed is read as version 1 when its services carry them. */
const V1_KEYS = [
  'eligibilitys',
  'regular_schedules',
  'holiday_schedules',
  'service_taxonomys',
  'fundings',
  'deliverable_type',
  'attending_type',
  'attending_access'
]

export function looksVersion1(item: unknown): boolean {
  if (!isObject(item)) return false
  if (V1_KEYS.some((k) => k in item)) return true
  const locations = item.service_at_locations
  return Array.isArray(locations) && locations.some((l) => isObject(l) && isObject(l.location) && 'physical_addresses' in l.location)
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

// ---- One shape for both versions ----

export interface FeedOrganisation {
  feedId: string
  name: string
  description: string | null
  website: string | null
  email: string | null
  phone: string | null
}

export interface FeedService {
  feedId: string
  name: string
  description: string | null
  url: string | null
  email: string | null
  status: ServiceStatus
  /** ISO-8601 UTC, or null when the feed does not say (version 1 feeds mostly). */
  lastModified: string | null
  minAge: number | null
  maxAge: number | null
  /** Its organisation's id in the feed; its details too when the feed gives them here. */
  organisationFeedId: string | null
  organisation: FeedOrganisation | null
  address: { line1: string | null; town: string | null; postcode: string | null } | null
  phone: string | null
  /** The names of the taxonomy terms it is filed under. */
  taxonomy: string[]
}

const firstNumber = (lists: ({ number?: string | null }[] | null | undefined)[]) =>
  lists.flatMap((l) => l ?? []).find((p) => p.number && p.number.trim())?.number ?? null
const present = <T>(values: (T | null | undefined)[]): T[] => values.filter((v): v is T => v !== null && v !== undefined && v !== '')
/** The first value that says something: feeds send "" as often as null. */
const firstText = (...values: (string | null | undefined)[]) => values.find((v) => v && v.trim()) ?? null
const utc = (value: string | null | undefined) => (value ? new Date(value).toISOString() : null)

export function fromVersion3(s: z.output<typeof v3Service>): FeedService {
  const locations = present((s.service_at_locations ?? []).map((l) => l.location))
  const location = locations.find((l) => !l.location_type || l.location_type === 'physical') ?? null
  const addresses = location?.addresses ?? []
  const address = addresses.find((a) => a.address_type === 'physical') ?? addresses[0] ?? null
  const o = s.organization
  return {
    feedId: s.id,
    name: s.name,
    description: s.description ?? null,
    url: s.url ?? null,
    email: s.email ?? null,
    status: s.status,
    lastModified: utc(s.last_modified),
    minAge: s.minimum_age ?? null,
    maxAge: s.maximum_age ?? null,
    organisationFeedId: o?.id ?? s.organization_id ?? null,
    organisation: o
      ? {
          feedId: o.id,
          name: o.name,
          description: o.description ?? null,
          website: firstText(o.website, o.url, o.uri),
          email: o.email ?? null,
          phone: firstNumber([o.phones])
        }
      : null,
    address: address
      ? { line1: present([address.address_1, address.address_2]).join(', ') || null, town: address.city ?? null, postcode: address.postal_code ?? null }
      : null,
    phone: firstNumber([s.phones, ...(s.contacts ?? []).map((c) => c.phones), ...locations.map((l) => l.phones)]),
    taxonomy: present((s.attributes ?? []).map((a) => a.taxonomy_term?.name ?? a.taxonomy_term?.term))
  }
}

export function fromVersion1(s: z.output<typeof v1Service>): FeedService {
  const ages = s.eligibilitys ?? []
  const mins = present(ages.map((e) => e.minimum_age))
  const maxes = present(ages.map((e) => e.maximum_age))
  const locations = present((s.service_at_locations ?? []).map((l) => l.location))
  const address = locations.flatMap((l) => l.physical_addresses ?? [])[0] ?? null
  const o = s.organization
  return {
    feedId: s.id,
    name: s.name,
    description: s.description ?? null,
    url: s.url ?? null,
    email: s.email ?? null,
    status: s.status,
    lastModified: utc(s.last_modified),
    minAge: mins.length ? Math.min(...mins) : null,
    maxAge: maxes.length ? Math.max(...maxes) : null,
    organisationFeedId: o?.id ?? null,
    organisation: o
      ? {
          feedId: o.id,
          name: o.name,
          description: o.description ?? null,
          website: firstText(o.website, o.url),
          email: o.email ?? null,
          phone: firstNumber([o.phones])
        }
      : null,
    address: address ? { line1: address.address_1 ?? null, town: address.city ?? null, postcode: address.postal_code ?? null } : null,
    phone: firstNumber([...(s.contacts ?? []).map((c) => c.phones), ...locations.map((l) => l.phones)]),
    taxonomy: present((s.service_taxonomys ?? []).map((t) => t.taxonomy?.name))
  }
}

// ---- Saying what is wrong, and where, in words ----

const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  array: 'a list',
  object: 'an object ({ ... })',
  boolean: 'true or false'
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`
  if (typeof value === 'object') return 'an object'
  return String(value)
}

/** zod's error map for feeds: what is wrong with a value, said plainly (parseFeedPart adds where). */
export function feedIssue(issue: z.core.$ZodRawIssue): string {
  const input = issue.input
  if (input === undefined) return 'is missing'
  switch (issue.code) {
    case 'invalid_type':
      return `should be ${KINDS[issue.expected] ?? issue.expected}, not ${kindOf(input)}`
    case 'invalid_value':
      return `should be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, not ${kindOf(input)}`
    case 'invalid_union':
      return `should be text or a whole number, not ${kindOf(input)}`
    case 'too_small':
      return 'should not be empty'
    case 'invalid_format':
      return `is not in the right form (${kindOf(input)})`
    default:
      return `is not right (${kindOf(input)})`
  }
}

/** "contents[4].organization.name" from a zod path under a starting point. */
export function pathText(start: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((at, key) => (typeof key === 'number' ? `${at}[${key}]` : at ? `${at}.${String(key)}` : String(key)), start)
}

/**
 * Parses part of a feed with the feed's wording; throws the first problem as what and where: the
 * document (a page's address, a file) and the place in it ("contents[4].status").
 */
export function parseFeedPart<S extends z.ZodType>(schema: S, value: unknown, doc: string, start: string, refuse: (reason: string) => Error): z.output<S> {
  const parsed = schema.safeParse(value, { error: (issue) => feedIssue(issue) })
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  const at = pathText(start, issue.path)
  throw refuse(`it is not in the Open Referral UK shape: in ${doc}, ${at || 'the whole of it'} ${issue.message}`)
}
