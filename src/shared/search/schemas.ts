// Finding people: the search box and the duplicate check share one index.
import { z } from 'zod'
import { idField } from '../fields'
import { SEX } from '../codes'
import { personRecord } from '../families/schemas'

export const searchInput = z.object({
  text: z.string().max(200, { error: 'Search must be 200 characters or fewer' }),
  limit: z.number().int().min(1).max(100).default(25)
})

export const searchHit = personRecord.pick({ familyId: true, kind: true, givenName: true, familyName: true, dateOfBirth: true, expectedDate: true }).extend({
  personId: idField,
  familyReference: z.string(),
  /** A restricted family's people show no address or date of birth to those who may not open it. */
  restricted: z.boolean(),
  addressLine1: z.string(),
  town: z.string(),
  postcode: z.string()
})
export type SearchHit = z.infer<typeof searchHit>

/** A family the user opened lately, shown before anything is typed. */
export const recentFamily = z.object({
  familyId: idField,
  familyReference: z.string(),
  /** "Okafor family (RV-000001)"; the reference alone for a restricted family the user may not open. */
  name: z.string(),
  restricted: z.boolean(),
  addressLine1: z.string(),
  town: z.string(),
  postcode: z.string(),
  openedAt: z.string()
})
export type RecentFamily = z.infer<typeof recentFamily>

export const searchOutput = z.object({
  /** What the text was understood as, so the screen can say "Date of birth 3 July 2019". */
  understoodAs: z.array(z.string()),
  hits: z.array(searchHit),
  /** Each family of the hits by its name, as this user may see it (familyName). */
  familyNames: z.record(z.string(), z.string()),
  /** For blank text only: the families this user opened most recently, latest first. */
  recentFamilies: z.array(recentFamily)
})
export type SearchOutput = z.infer<typeof searchOutput>

/** What the form has so far: validated as a person when it is saved, so here only bounded. */
export const duplicateCheckInput = z.object({
  givenName: z.string().max(100).nullable().default(null),
  familyName: z.string().max(100).default(''),
  dateOfBirth: z.string().max(10).nullable().default(null),
  nhsNumber: z.string().max(20).nullable().default(null),
  upn: z.string().max(20).nullable().default(null),
  postcode: z.string().max(16).nullable().default(null),
  /** As recorded (SEX): a name close to another's but of the other recorded sex is another person. */
  sex: SEX.schema.nullable().default(null),
  /** When editing, the person themself is not a duplicate. */
  excludePersonId: idField.nullable().default(null)
})
export type DuplicateCheckInput = z.input<typeof duplicateCheckInput>

export const DUPLICATE_BANDS = ['certain', 'likely', 'possible'] as const
export type DuplicateBand = (typeof DUPLICATE_BANDS)[number]

export const duplicateMatch = searchHit.extend({
  band: z.enum(DUPLICATE_BANDS),
  reason: z.string()
})
export type DuplicateMatch = z.infer<typeof duplicateMatch>
export const duplicateCheckOutput = z.object({ matches: z.array(duplicateMatch) })
