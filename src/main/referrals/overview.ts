// The Referrals screen and a family's referrals: requests for help and referrals on in one list,
// newest first, a page at a time. A restricted family the caller may not open stays on the list by
// its reference and progress only (as the requests list shows it); reception reads where each has
// got to, never the referral's content: who a referral went to is for those who screen and refer.
import { todayIso } from '../../shared/dates'
import {
  MAX_CHART_MONTHS,
  OVERVIEW_PAGE_SIZE,
  OVERVIEW_STATUS,
  type FamilyReferrals,
  type familyReferralsInput,
  type OverviewRow,
  type OverviewRowStatus,
  type ReferralsOverview,
  type ReferralsOverviewQuery
} from '../../shared/referrals/overview'
import type { OutboundStatus } from '../../shared/referrals/outbound'
import type { z } from 'zod'
import type { CallContext } from '../core/context'
import { HubEntity } from '../hub/entities'
import { restrictedViewer } from '../families/access'
import { openToViewer } from '../families/restrictedViewer'
import { familyNames } from '../families/familyNames'
import { awaitingFeedback } from './list'
import { overdueBefore, requestTiming, startOfLocalDay } from './timing'
import { countQueries, monthQuery, pageQuery, sides, statusCounts, type OverdueFrom, type OverviewFilter } from './overviewQueries'
import { familyName } from '../../shared/families/familyName'

interface Targets {
  requestDecisionDays: number
  referralAckDays: number
}

type Known = Awaited<ReturnType<typeof targetsOf>>

interface Found {
  direction: 'in' | 'out'
  id: string
}

async function targetsOf(ctx: CallContext): Promise<{ targets: Targets; overdue: OverdueFrom; today: string }> {
  const hub = await ctx.core.db.manager.findOneByOrFail(HubEntity, { id: 1 })
  const today = todayIso(ctx.core.clock.now())
  const targets = { requestDecisionDays: hub.requestDecisionDays, referralAckDays: hub.referralAckDays }
  return {
    targets,
    today,
    overdue: {
      request: overdueBefore(ctx.core.workingDays, today, targets.requestDecisionDays),
      referral: overdueBefore(ctx.core.workingDays, today, targets.referralAckDays)
    }
  }
}

/** A page of what matches, and how many match in all. */
async function pageOf(ctx: CallContext, filter: OverviewFilter, page: number, known: Known, counted?: number) {
  const list = sides(filter, known.overdue)
  const query = pageQuery(list, page, OVERVIEW_PAGE_SIZE, filter.oldestFirst)
  const found = query ? ((await ctx.core.db.query(query.sql, query.params)) as Found[]) : []
  let total = counted ?? 0
  if (counted === undefined) for (const q of countQueries(list)) total += Number(((await ctx.core.db.query(q.sql, q.params)) as [{ n: number }])[0].n)
  return { rows: await rowsOf(ctx, found, known), total, page, pageSize: OVERVIEW_PAGE_SIZE }
}

interface RequestFound {
  id: string
  familyId: string
  familyReference: string
  open: number | boolean
  receivedAt: string
  referrerName: string | null
  referrerAgency: string | null
  source: string
  status: 'waiting' | 'decided'
  decision: string | null
  decidedAt: string | null
  fedBackOn: string | null
}

/** The page's rows, read by id, in the page's order. */
async function rowsOf(ctx: CallContext, found: Found[], known: Known): Promise<OverviewRow[]> {
  const requestIds = found.filter((f) => f.direction === 'in').map((f) => f.id)
  const viewer = restrictedViewer(ctx)
  const open = viewer ? openToViewer(viewer, 'f') : null
  const requests = requestIds.length
    ? ((await ctx.core.db.query(
        `SELECT r.id AS "id", r.family_id AS "familyId", f.reference AS "familyReference", ${open ? `CASE WHEN ${open.sql} THEN 1 ELSE 0 END` : '1'} AS "open",
           r.received_at AS "receivedAt", r.referrer_name AS "referrerName", COALESCE(o.name, r.agency) AS "referrerAgency", r.source AS "source",
           r.status AS "status", r.decision AS "decision", r.decided_at AS "decidedAt", r.fed_back_on AS "fedBackOn"
         FROM request_for_help r
         JOIN family f ON f.id = r.family_id
         LEFT JOIN directory_organisation o ON o.id = r.organisation_id
         WHERE r.id IN (${requestIds.map(() => '?').join(', ')})`,
        [...(open?.params ?? []), ...requestIds]
      )) as RequestFound[])
    : []
  const names = await familyNames(
    ctx,
    requests.map((r) => r.familyId)
  )
  const byId = new Map<string, OverviewRow>()
  for (const row of await referralRowsOf(ctx, found, known)) byId.set(row.id, row)
  for (const r of requests) {
    const shown = Boolean(r.open)
    byId.set(r.id, {
      direction: 'in',
      id: r.id,
      familyId: r.familyId,
      familyReference: r.familyReference,
      familyName: names.get(r.familyId) ?? familyName(r.familyReference, null),
      restricted: !shown,
      at: r.receivedAt,
      // What was decided is casework: a family the user may not open shows only that it was.
      status: (r.status === 'waiting' ? 'in-waiting' : shown ? `in-${r.decision}` : 'in-decided') as OverviewRowStatus,
      party: shown ? [r.referrerName ?? 'Anonymous', r.referrerAgency].filter(Boolean).join(', ') : null,
      overdue: requestTiming(ctx.core.workingDays, r.receivedAt, r.decidedAt, known.today, known.targets.requestDecisionDays).overdue,
      awaitingFeedback: awaitingFeedback(r, shown)
    })
  }
  return found.flatMap((f) => byId.get(f.id) ?? [])
}

interface ReferralFound {
  id: string
  familyId: string
  familyReference: string
  open: number | boolean
  createdAt: string
  status: OutboundStatus
  sentAt: string | null
  service: string
  organisation: string
}

/** The page's referrals: who they went to only for those who may read a referral (not reception). */
async function referralRowsOf(ctx: CallContext, found: Found[], known: Known): Promise<OverviewRow[]> {
  const ids = found.filter((f) => f.direction === 'out').map((f) => f.id)
  if (ids.length === 0) return []
  const viewer = restrictedViewer(ctx)
  const open = viewer ? openToViewer(viewer, 'f') : null
  const referrals = (await ctx.core.db.query(
    `SELECT o.id AS "id", o.family_id AS "familyId", f.reference AS "familyReference", ${open ? `CASE WHEN ${open.sql} THEN 1 ELSE 0 END` : '1'} AS "open",
       o.created_at AS "createdAt", o.status AS "status", o.sent_at AS "sentAt", s.name AS "service", g.name AS "organisation"
     FROM outbound_referral o
     JOIN family f ON f.id = o.family_id
     JOIN directory_service s ON s.id = o.service_id
     JOIN directory_organisation g ON g.id = o.organisation_id
     WHERE o.id IN (${ids.map(() => '?').join(', ')})`,
    [...(open?.params ?? []), ...ids]
  )) as ReferralFound[]
  const names = await familyNames(
    ctx,
    referrals.map((r) => r.familyId)
  )
  const readsReferrals = ctx.actor.permissions.has('referrals.screen')
  return referrals.map((r) => {
    const shown = Boolean(r.open)
    return {
      direction: 'out',
      id: r.id,
      familyId: r.familyId,
      familyReference: r.familyReference,
      familyName: names.get(r.familyId) ?? familyName(r.familyReference, null),
      restricted: !shown,
      at: r.createdAt,
      status: `out-${r.status}`,
      party: shown && readsReferrals ? `${r.service}, ${r.organisation}` : null,
      // Sent and not yet acknowledged, for longer than the hub's target.
      overdue:
        r.status === 'sent' && r.sentAt !== null && requestTiming(ctx.core.workingDays, r.sentAt, null, known.today, known.targets.referralAckDays).overdue,
      awaitingFeedback: false
    }
  })
}

/** How many of each status match the direction, organisation and dates: every status of the sides kept, zeros too. */
async function countsOf(ctx: CallContext, filter: OverviewFilter, overdue: OverdueFrom): Promise<ReferralsOverview['counts']> {
  const counts: ReferralsOverview['counts'] = []
  for (const side of sides(filter, overdue, false)) {
    const statuses = OVERVIEW_STATUS.items.map((i) => i.code).filter((code) => code.startsWith(`${side.direction}-`))
    const q = statusCounts(side, statuses)
    const [row] = (await ctx.core.db.query(q.sql, q.params)) as [Record<string, number>]
    statuses.forEach((status, i) => counts.push({ status, count: Number(row[`c${i}`]) }))
  }
  return counts
}

/** The chart's months (YYYY-MM): the date range's, its last MAX_CHART_MONTHS at most, or the last twelve. */
export function chartMonths(from: string | null, to: string | null, today: string): string[] {
  const last = (to ?? today).slice(0, 7)
  const first = from ? from.slice(0, 7) : shiftMonth(last, -11)
  const months: string[] = []
  for (let m = last; m >= first && months.length < MAX_CHART_MONTHS; m = shiftMonth(m, -1)) months.unshift(m)
  return months
}

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const n = y * 12 + (m - 1) + by
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`
}

/** Every request and referral per month, whatever else is filtered: the hub's volumes. */
async function monthsOf(ctx: CallContext, months: string[]): Promise<ReferralsOverview['months']> {
  const q = monthQuery([...months, shiftMonth(months.at(-1)!, 1)].map((m) => startOfLocalDay(`${m}-01`)))
  const [row] = (await ctx.core.db.query(q.sql, q.params)) as [Record<string, number>]
  return months.map((month, i) => ({ month, requests: Number(row[`r${i}`]), referrals: Number(row[`o${i}`]) }))
}

export async function referralsOverview(input: ReferralsOverviewQuery, ctx: CallContext): Promise<ReferralsOverview> {
  const known = await targetsOf(ctx)
  const filter: OverviewFilter = { ...input, readsReferrals: ctx.actor.permissions.has('referrals.screen'), viewer: restrictedViewer(ctx) }
  const counts = await countsOf(ctx, filter, known.overdue)
  // With no filter of status, the counts per status add up to how many match.
  const counted = filter.status || filter.overdue || filter.notFedBack ? undefined : counts.reduce((n, c) => n + c.count, 0)
  const page = await pageOf(ctx, filter, input.page, known, counted)
  const months = await monthsOf(ctx, chartMonths(input.from, input.to, known.today))
  return { ...page, counts, months, targets: known.targets }
}

export async function familyReferrals(input: z.output<typeof familyReferralsInput>, ctx: CallContext): Promise<FamilyReferrals> {
  const known = await targetsOf(ctx)
  return pageOf(ctx, { familyId: input.familyId, episodeId: input.episodeId }, input.page, known)
}
