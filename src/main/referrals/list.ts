// The list of requests for help, a page at a time: all of them, those waiting (oldest first), those
// waiting past the hub's target, those decided, and those decided whose referrer has not been told
// (oldest first); any of them received between two dates. A restricted family's request that the
// caller may not open stays on the list, so nothing is lost between desks, with its family's
// reference and its progress only, as search shows such a family by name and reference only.
import type { z } from 'zod'
import { addDays, todayIso } from '../../shared/dates'
import { ANONYMOUS_SOURCE, REQUESTS_PAGE_SIZE, type listRequestsInput, type ListRequestsOutput, type RequestRow } from '../../shared/referrals/requests'
import type { CallContext } from '../core/context'
import { HubEntity } from '../hub/entities'
import { restrictedViewer } from '../families/access'
import { openToViewer, type RestrictedViewer } from '../families/restrictedViewer'
import { familyNames } from '../families/familyNames'
import type { SqlQuery } from '../search/searchIndex'
import { overdueBefore, requestTiming, startOfLocalDay } from './timing'
import { familyName } from '../../shared/families/familyName'

export interface RequestQueries {
  rows: SqlQuery
  count: SqlQuery
}

/** The list's two statements (its page, and how many match), for the list and its query-plan test. */
export function buildRequestQueries(input: z.output<typeof listRequestsInput>, viewer: RestrictedViewer | null, overdueFrom: string): RequestQueries {
  const where: string[] = []
  const params: unknown[] = []
  if (input.show === 'waiting' || input.show === 'overdue') where.push(`r.status = 'waiting'`)
  if (input.show === 'overdue') {
    where.push('r.received_at < ?')
    params.push(overdueFrom)
  }
  if (input.show === 'decided') where.push(`r.status = 'decided'`)
  if (input.show === 'notFedBack') {
    where.push(`r.status = 'decided'`, 'r.fed_back_on IS NULL', 'r.source <> ?')
    params.push(ANONYMOUS_SOURCE)
  }
  if (input.receivedFrom) {
    where.push('r.received_at >= ?')
    params.push(startOfLocalDay(input.receivedFrom))
  }
  if (input.receivedTo) {
    where.push('r.received_at < ?')
    params.push(startOfLocalDay(addDays(input.receivedTo, 1)))
  }
  const open = viewer ? openToViewer(viewer, 'f') : null
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : ''
  // What waits is read oldest first: the longest wait is the most pressing.
  const order = input.show === 'all' || input.show === 'decided' ? 'DESC' : 'ASC'
  return {
    rows: {
      sql: `SELECT r.id AS "id", r.family_id AS "familyId", f.reference AS "familyReference", f.restricted AS "restricted",
              ${open ? `CASE WHEN ${open.sql} THEN 1 ELSE 0 END` : '1'} AS "open",
              r.received_at AS "receivedAt", r.referrer_name AS "referrerName", COALESCE(o.name, r.agency) AS "referrerAgency",
              r.source AS "source", r.urgency AS "urgency", r.status AS "status", r.decision AS "decision", r.decided_at AS "decidedAt",
              r.fed_back_on AS "fedBackOn"
            FROM request_for_help r
            JOIN family f ON f.id = r.family_id
            LEFT JOIN directory_organisation o ON o.id = r.organisation_id
            ${whereSql}
            ORDER BY r.received_at ${order}, r.id ${order}
            LIMIT ? OFFSET ?`,
      params: [...(open?.params ?? []), ...params, REQUESTS_PAGE_SIZE, (input.page - 1) * REQUESTS_PAGE_SIZE]
    },
    count: { sql: `SELECT count(*) AS "n" FROM request_for_help r ${whereSql}`, params }
  }
}

interface Found {
  id: string
  familyId: string
  familyReference: string
  restricted: number | boolean
  open: number | boolean
  receivedAt: string
  referrerName: string | null
  referrerAgency: string | null
  source: string
  urgency: string
  status: 'waiting' | 'decided'
  decision: string | null
  decidedAt: string | null
  fedBackOn: string | null
}

export async function listRequests(input: z.output<typeof listRequestsInput>, ctx: CallContext): Promise<ListRequestsOutput> {
  const db = ctx.core.db
  const { requestDecisionDays: targetDays } = await db.manager.findOneByOrFail(HubEntity, { id: 1 })
  const today = todayIso(ctx.core.clock.now())
  const queries = buildRequestQueries(input, restrictedViewer(ctx), overdueBefore(ctx.core.workingDays, today, targetDays))
  const found = (await db.query(queries.rows.sql, queries.rows.params)) as Found[]
  const [{ n }] = (await db.query(queries.count.sql, queries.count.params)) as [{ n: number }]
  const names = await familyNames(
    ctx,
    found.map((r) => r.familyId)
  )
  const requests = found.map((r): RequestRow => {
    const shown = Boolean(r.open)
    return {
      id: r.id,
      familyId: r.familyId,
      familyReference: r.familyReference,
      familyName: names.get(r.familyId) ?? familyName(r.familyReference, null),
      restricted: !shown,
      receivedAt: r.receivedAt,
      referrerName: shown ? r.referrerName : null,
      referrerAgency: shown ? r.referrerAgency : null,
      source: shown ? (r.source as RequestRow['source']) : null,
      urgency: shown ? (r.urgency as RequestRow['urgency']) : null,
      status: r.status,
      decision: shown ? (r.decision as RequestRow['decision']) : null,
      decidedAt: r.decidedAt,
      awaitingFeedback: awaitingFeedback(r, shown),
      fedBack: Boolean(r.fedBackOn),
      ...requestTiming(ctx.core.workingDays, r.receivedAt, r.decidedAt, today, targetDays)
    }
  })
  return { requests, total: Number(n), page: input.page, pageSize: REQUESTS_PAGE_SIZE, targetDays }
}

/**
 * A request decided whose referrer has not been told. An anonymous one has no one to tell; whether it
 * was anonymous is its source, which a family the caller may not open does not show, so there it is
 * not told apart. One rule for the requests list and the Referrals screen.
 */
export function awaitingFeedback(r: { status: string; fedBackOn: string | null; source: string }, shown: boolean): boolean {
  return r.status === 'decided' && !r.fedBackOn && (!shown || r.source !== ANONYMOUS_SOURCE)
}
