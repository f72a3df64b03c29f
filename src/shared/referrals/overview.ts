// The Referrals screen: requests for help (in) and referrals on (out) in one list, filtered and a
// page at a time, with how many there are of each status and how many came or went each month; and
// one family's referrals, in and out, for its page and its episodes'. Reception reads statuses only.
import { z } from 'zod'
import { codeList } from '../codes'
import { endNotBeforeStart, idField, optionalDate } from '../fields'
import { OUTBOUND_STATUS } from './outbound'

export const REFERRAL_DIRECTION = codeList([
  { code: 'all', label: 'In and out' },
  { code: 'in', label: 'Requests for help (in)' },
  { code: 'out', label: 'Referrals on (out)' }
] as const)
export type ReferralDirection = z.infer<typeof REFERRAL_DIRECTION.schema>

/**
 * Where each request or referral has got to, as one list: a request's own status and, once decided,
 * what was decided; a referral's status from the referrals' one transition table. The prefix says
 * which direction, so a status chosen as a filter says it too.
 */
export const OVERVIEW_STATUS = codeList([
  { code: 'in-waiting', label: 'Request waiting for a decision' },
  { code: 'in-ACCEPT', label: 'Request accepted' },
  { code: 'in-SIGNPOST', label: 'Request signposted' },
  { code: 'in-DECLINE', label: 'Request declined' },
  { code: 'in-ESCALATE', label: 'Request escalated' },
  ...OUTBOUND_STATUS.items.map((i) => ({ code: `out-${i.code}` as const, label: `Referral ${i.label.toLowerCase()}` }))
])
export type OverviewStatus = z.infer<typeof OVERVIEW_STATUS.schema>

/** A row's status: a filter's, or only "decided" on a family the user may not open (what was decided is casework). */
export const OVERVIEW_ROW_STATUS = codeList([...OVERVIEW_STATUS.items, { code: 'in-decided', label: 'Request decided' }])
export type OverviewRowStatus = z.infer<typeof OVERVIEW_ROW_STATUS.schema>

export const OVERVIEW_PAGE_SIZE = 25
/** The chart's months: a date range longer than this shows its last months only. */
export const MAX_CHART_MONTHS = 24

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v)
const page = z.number().int().min(1).max(100_000).default(1)

export const referralsOverviewInput = z
  .object({
    direction: REFERRAL_DIRECTION.schema.default('all'),
    status: z.preprocess(blankToNull, OVERVIEW_STATUS.schema.nullable()).default(null),
    /** A directory organisation: the agency of the person who asked, or the one referred to. */
    organisationId: z.preprocess(blankToNull, z.uuid({ error: 'Choose an organisation from the directory' }).nullable()).default(null),
    from: optionalDate('Start date'),
    to: optionalDate('End date'),
    /** Requests waiting past the hub's decision target; referrals not acknowledged within its target. */
    overdue: z.boolean().default(false),
    /** Requests decided whose referrer has not been told the outcome (referrals on have no such step). */
    notFedBack: z.boolean().default(false),
    /** Oldest first instead of newest first: the whole list's order, taken in the query. */
    oldestFirst: z.boolean().default(false),
    page
  })
  .superRefine(...endNotBeforeStart('from', 'to'))
export type ReferralsOverviewQuery = z.output<typeof referralsOverviewInput>

/** One request or referral, as the list shows it. */
export const overviewRow = z.object({
  direction: z.enum(['in', 'out']),
  id: idField,
  familyId: idField,
  familyReference: z.string(),
  /** familyName: "Okafor family (RV-000001)"; "Family RV-000001" where the caller may not open a restricted family. */
  familyName: z.string(),
  /** A restricted family the user may not open: its reference and the progress only. */
  restricted: z.boolean(),
  /** When the request came, or when the referral was sent (made, while a draft). */
  at: z.string(),
  status: OVERVIEW_ROW_STATUS.schema,
  /** Who asked (in), or the service and organisation referred to (out): null where the user may not read it. */
  party: z.string().nullable(),
  /** Past the hub's target: a request waiting (or decided late), a referral not acknowledged in time. */
  overdue: z.boolean(),
  /** A request decided whose referrer has not been told. */
  awaitingFeedback: z.boolean()
})
export type OverviewRow = z.infer<typeof overviewRow>

const pageOf = {
  rows: z.array(overviewRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int()
}

export const referralsOverviewOutput = z.object({
  ...pageOf,
  /** How many of each status match the direction, organisation and dates chosen (every status, zeros too). */
  counts: z.array(z.object({ status: OVERVIEW_STATUS.schema, count: z.number().int() })),
  /** Requests and referrals per month: the date range's months, or the last twelve. */
  months: z.array(z.object({ month: z.string(), requests: z.number().int(), referrals: z.number().int() })),
  targets: z.object({ requestDecisionDays: z.number().int(), referralAckDays: z.number().int() })
})
export type ReferralsOverview = z.infer<typeof referralsOverviewOutput>

export const familyReferralsInput = z.object({
  familyId: idField,
  /** Only the episode's: the request that opened it and the referrals made from it. */
  episodeId: z.preprocess(blankToNull, idField.nullable()).default(null),
  page
})
export const familyReferralsOutput = z.object(pageOf)
export type FamilyReferrals = z.infer<typeof familyReferralsOutput>
