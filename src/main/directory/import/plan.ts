// From what a feed says to what the directory keeps: the same rules as the directory's forms (a
// website, an email, a phone number and a postcode pass the forms' own fields or are left out),
// text cleaned as typed text is, and bounded by the columns. Too long a name or description is cut;
// a value that breaks a rule is left out; both are noted against the service, so the manager sees
// which. Nothing here touches the database.
import type { z } from 'zod'
import { emailField, phoneField, cleanText } from '../../../shared/fields'
import { optionalPostcodeField, websiteField } from '../../../shared/directory/schemas'
import type { FeedRead, Skip } from './read'
import type { FeedOrganisation, FeedService, ServiceStatus } from './shapes'
import { classify } from './serviceType'

export interface OrganisationValues {
  name: string
  description: string | null
  website: string | null
  email: string | null
  phone: string | null
}

/** What the feed decides about a service. Its type, referral-source code and secure email are the hub's. */
export interface ServiceValues {
  name: string
  description: string | null
  addressLine1: string | null
  town: string | null
  postcode: string | null
  phone: string | null
  email: string | null
  website: string | null
  minAge: number | null
  maxAge: number | null
  status: ServiceStatus
}

export interface PlannedService {
  feedId: string
  organisationFeedId: string
  values: ServiceValues
  /** The guess from its taxonomy, used only when it is first imported. */
  classification: ReturnType<typeof classify>
  lastModified: string | null
}

export interface Note {
  feedId: string
  name: string
  note: string
}

export interface ImportPlan {
  source: string
  shape: 'v3' | 'v1'
  complete: boolean
  /** By feed id: each organisation as the first of its services to give its details had it. */
  organisations: Map<string, OrganisationValues>
  services: PlannedService[]
  skipped: Skip[]
  notes: Note[]
}

export function planImport(read: FeedRead): ImportPlan {
  const organisations = new Map<string, OrganisationValues>()
  const services: PlannedService[] = []
  const skipped = [...read.skipped]
  const notes: Note[] = []
  for (const service of read.services) {
    const name = cleaned(service.name, 200)
    const note = (text: string) => notes.push({ feedId: service.feedId, name: name.text ?? service.feedId, note: text })
    if (!name.text) {
      skipped.push({ feedId: service.feedId, name: null, reason: 'it has no name' })
      continue
    }
    if (name.cut) note('its name was cut to 200 characters')
    if (service.organisation && !organisations.has(service.organisation.feedId)) {
      const organisation = organisationValues(service.organisation, note)
      if (!organisation) {
        skipped.push({ feedId: service.feedId, name: name.text, reason: 'its organisation has no name' })
        continue
      }
      organisations.set(service.organisation.feedId, organisation)
    }
    services.push({
      feedId: service.feedId,
      organisationFeedId: service.organisationFeedId!,
      values: serviceValues(service, name.text, note),
      classification: classify(service.taxonomy),
      lastModified: service.lastModified
    })
  }
  return { source: read.source, shape: read.shape, complete: read.complete, organisations, services, skipped, notes }
}

function organisationValues(o: FeedOrganisation, note: (text: string) => void): OrganisationValues | null {
  const name = cleaned(o.name, 200)
  if (!name.text) return null
  if (name.cut) note(`its organisation’s name was cut to 200 characters`)
  return {
    name: name.text,
    description: text(o.description, 4000, 'its organisation’s description', note, true),
    website: byRule(websiteField, o.website, 'its organisation’s website', 'a web address', note),
    email: byRule(emailField, o.email, 'its organisation’s email', 'an email address', note),
    phone: byRule(phoneField, o.phone, 'its organisation’s phone number', 'a UK phone number', note)
  }
}

function serviceValues(s: FeedService, name: string, note: (text: string) => void): ServiceValues {
  let minAge = age(s.minAge, 'youngest age', note)
  let maxAge = age(s.maxAge, 'oldest age', note)
  if (minAge !== null && maxAge !== null && minAge > maxAge) {
    note(`its ages (${minAge} to ${maxAge}) were left out: the youngest is above the oldest`)
    minAge = maxAge = null
  }
  return {
    name,
    description: text(s.description, 4000, 'its description', note, true),
    addressLine1: text(s.address?.line1, 200, 'its address', note),
    town: text(s.address?.town, 100, 'its town', note),
    postcode: byRule(optionalPostcodeField, s.address?.postcode, 'its postcode', 'a UK postcode', note),
    phone: byRule(phoneField, s.phone, 'its phone number', 'a UK phone number', note),
    email: byRule(emailField, s.email, 'its email', 'an email address', note),
    website: byRule(websiteField, s.url, 'its website', 'a web address', note),
    minAge,
    maxAge,
    status: s.status
  }
}

function text(value: string | null | undefined, max: number, label: string, note: (text: string) => void, multiLine = false): string | null {
  const result = cleaned(value, max, multiLine)
  if (result.cut) note(`${label} was cut to ${max} characters`)
  return result.text
}

/** A value kept only if the form's own field takes it. */
function byRule(field: z.ZodType, value: string | null | undefined, label: string, what: string, note: (text: string) => void): string | null {
  if (value === null || value === undefined || value.trim() === '') return null
  const parsed = field.safeParse(cleanText(value))
  if (parsed.success) return parsed.data as string | null
  note(`${label} was left out: ${JSON.stringify(shorten(value, 60))} is not ${what}`)
  return null
}

function age(value: number | null, label: string, note: (text: string) => void): number | null {
  if (value === null) return null
  if (!Number.isFinite(value) || value < 0 || value > 120) {
    note(`its ${label} (${value}) was left out: ages are 0 to 120`)
    return null
  }
  return Math.floor(value)
}

const shorten = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1)}…` : value)

// eslint-disable-next-line no-control-regex -- control characters are what is taken out
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g

/** Text as the forms keep it (see cleanText), markup taken out, and cut to fit with an ellipsis. */
export function cleaned(value: string | null | undefined, max: number, multiLine = false): { text: string | null; cut: boolean } {
  if (value === null || value === undefined) return { text: null, cut: false }
  const plain = cleanText(withoutMarkup(value).replace(CONTROL, ''), { multiLine })
  if (!plain) return { text: null, cut: false }
  return plain.length > max ? { text: `${plain.slice(0, max - 1).trimEnd()}…`, cut: true } : { text: plain, cut: false }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘' }

/** Descriptions "can contain markup such as HTML" (HSDS): Casebook shows text, so the tags go. */
export function withoutMarkup(value: string): string {
  if (!/<\/?[a-z][^>]*>|&[a-z]+;|&#\d+;/i.test(value)) return value
  return (
    value
      .replace(/<\s*(br|\/p|\/div|\/li|\/h\d)\s*\/?>/gi, '\n')
      .replace(/<\s*li[^>]*>/gi, '• ')
      .replace(/<[^>]*>/g, '')
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Math.min(Number(n), 0x10ffff)))
      .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Math.min(parseInt(n, 16), 0x10ffff)))
      .replace(/&([a-z]+);/gi, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole)
      // Markup sent encoded (&lt;script&gt;) is markup once decoded: it goes too.
      .replace(/<\/?[a-z][^>]*>/gi, '')
      .replace(/\n{3,}/g, '\n\n')
  )
}
