// A family's chronology: what the screen asks for (its filters) and what the core answers.
import { z } from 'zod'
import { codeList } from '../codes'
import { endNotBeforeStart, idField, optionalCode, optionalDate } from '../fields'

/** Every kind of entry the core writes into a chronology. */
export const CHRONOLOGY_ENTRY_KINDS = [
  'note',
  'registered',
  'episode-opened',
  'episode-closed',
  'episode-reopened',
  'joined',
  'left',
  'assessment-completed',
  'plan-agreed',
  'review',
  'request-received',
  'request-decided',
  'referral-created',
  'referral-status',
  'step-up',
  'step-up-acknowledged'
] as const
export type ChronologyEntryKind = (typeof CHRONOLOGY_ENTRY_KINDS)[number]

/** The kinds a user filters by: the entry kinds as staff group them. */
export const CHRONOLOGY_KIND = codeList([
  { code: 'notes', label: 'Case notes' },
  { code: 'household', label: 'Registration and household changes' },
  { code: 'episode', label: 'Early-help episodes opened, closed and reopened' },
  { code: 'casework', label: 'Assessments, plans and reviews' },
  { code: 'requests', label: 'Requests for help' },
  { code: 'referrals', label: 'Referrals on' },
  { code: 'stepUps', label: 'Step-ups to children’s social care' }
] as const)
export type ChronologyKind = z.infer<typeof CHRONOLOGY_KIND.schema>

const KIND_OF_ENTRY: Record<ChronologyEntryKind, ChronologyKind> = {
  note: 'notes',
  registered: 'household',
  joined: 'household',
  left: 'household',
  'episode-opened': 'episode',
  'episode-closed': 'episode',
  'episode-reopened': 'episode',
  'assessment-completed': 'casework',
  'plan-agreed': 'casework',
  review: 'casework',
  'request-received': 'requests',
  'request-decided': 'requests',
  'referral-created': 'referrals',
  'referral-status': 'referrals',
  'step-up': 'stepUps',
  'step-up-acknowledged': 'stepUps'
}

/** The kind a user filters an entry by. */
export const kindOfEntry = (kind: ChronologyEntryKind): ChronologyKind => KIND_OF_ENTRY[kind]

/** The first day a filter takes: nothing in a family's record is older. */
const EARLIEST_DAY = '1900-01-01'

export const chronologyInput = z
  .object({
    familyId: idField,
    significantOnly: z.boolean().default(false),
    /** The kinds to show; none ticked shows every kind. */
    kinds: z
      .array(CHRONOLOGY_KIND.schema, { error: 'Select kinds of entry from the list' })
      .max(CHRONOLOGY_KIND.items.length, { error: 'Select each kind of entry once' })
      .default([]),
    /** Entries about this person (a member of the family, now or before). */
    personId: optionalCode(z.uuid({ error: 'Select a person from the list' })),
    /** Entries on or after this day (the hub's day the entry shows). */
    from: optionalDate('Start date', EARLIEST_DAY),
    /** Entries on or before this day. */
    to: optionalDate('End date', EARLIEST_DAY)
  })
  .superRefine(...endNotBeforeStart('from', 'to'))
export type ChronologyQuery = z.output<typeof chronologyInput>

export const chronologyEntry = z.object({
  id: z.string(),
  /** ISO date, or the date and time as the clock in England showed it (YYYY-MM-DDTHH:MM), of the event. */
  when: z.string(),
  kind: z.enum(CHRONOLOGY_ENTRY_KINDS),
  title: z.string(),
  text: z.string().nullable(),
  significant: z.boolean(),
  /** Who recorded it, by the name staff know them by (never a username). */
  by: z.string(),
  /** Whom it is about, by name. */
  people: z.array(z.string())
})
export type ChronologyEntry = z.infer<typeof chronologyEntry>

export const chronologyAnswer = z.object({
  /** The entries the filters let through, newest first. */
  entries: z.array(chronologyEntry),
  /** How many entries the chronology holds before any filter. */
  total: z.number().int().min(0),
  /** Everyone the chronology is about (members now and before), for the filter's choice of person. */
  people: z.array(z.object({ id: idField, name: z.string() }))
})
export type ChronologyAnswer = z.infer<typeof chronologyAnswer>
