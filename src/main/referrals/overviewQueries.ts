// The Referrals screen's statements: which requests (in) and referrals (out) match the filters, a
// page of them newest first, how many, how many of each status, and how many per month. Each side
// is one table's own SELECT on that table's indexes; both sides together are one UNION ALL whose
// ORDER BY SQLite answers by merging the two index orders, so a page never sorts the whole list.
// The page's rows are then read by id (overview.ts). Plain SQL that PostgreSQL runs too.
import type { ReferralsOverviewQuery, OverviewStatus } from '../../shared/referrals/overview'
import { ANONYMOUS_SOURCE } from '../../shared/referrals/requests'
import type { SqlQuery } from '../search/searchIndex'
import { addDays } from '../../shared/dates'
import { openToViewer, type RestrictedViewer } from '../families/restrictedViewer'
import { startOfLocalDay } from './timing'

/** What narrows the list: the screen's filters, or one family's (and one episode's) referrals. */
export interface OverviewFilter extends Partial<Omit<ReferralsOverviewQuery, 'page'>> {
  familyId?: string
  episodeId?: string | null
  /**
   * Whether the caller may read whom a referral went to (its content). Reception may not, so their
   * organisation filter finds requests only: a referral's match would tell them where it went.
   */
  readsReferrals?: boolean
  /**
   * Who is looking, when they may not open every restricted family. A filter on what such a family's
   * row does not show them (the decision, who asked, where it went) leaves those families out, so
   * that matching does not tell it either.
   */
  viewer?: RestrictedViewer | null
}

/** The condition that keeps a family the viewer may not open out of a filter on what its row hides. */
function openOnly(where: string[], params: unknown[], familyColumn: string, f: OverviewFilter) {
  if (!f.viewer) return
  const open = openToViewer(f.viewer, 'hidden_f')
  where.push(`EXISTS (SELECT 1 FROM family hidden_f WHERE hidden_f.id = ${familyColumn} AND ${open.sql})`)
  params.push(...open.params)
}

/** The instants before which what is still waiting is overdue (timing.ts overdueBefore). */
export interface OverdueFrom {
  request: string
  referral: string
}

/** One side's table, the instant it is listed by, and its conditions. */
interface Side {
  direction: 'in' | 'out'
  from: string
  at: string
  where: string[]
  params: unknown[]
}

const sideOf = (status: OverviewStatus | null | undefined) => (status ? (status.startsWith('in-') ? 'in' : 'out') : null)

function dates(where: string[], params: unknown[], column: string, f: OverviewFilter) {
  if (f.from) {
    where.push(`${column} >= ?`)
    params.push(startOfLocalDay(f.from))
  }
  if (f.to) {
    where.push(`${column} < ?`)
    params.push(startOfLocalDay(addDays(f.to, 1)))
  }
}

/** The requests' side, or null when the filters leave requests out. `withStatus` false: for the counts per status. */
export function requestSide(f: OverviewFilter, overdue: OverdueFrom, withStatus = true): Side | null {
  if (f.direction === 'out' || (withStatus && sideOf(f.status) === 'out')) return null
  const where: string[] = []
  const params: unknown[] = []
  if (f.familyId) {
    where.push('r.family_id = ?')
    params.push(f.familyId)
  }
  if (f.episodeId) {
    where.push('r.episode_id = ?')
    params.push(f.episodeId)
  }
  if (f.organisationId) {
    where.push('r.organisation_id = ?')
    params.push(f.organisationId)
  }
  // A request is decided exactly when it has a decision (a constraint): the decision alone says both,
  // on the indexes that lead with it.
  if (withStatus && f.status === 'in-waiting') where.push('r.decision IS NULL')
  else if (withStatus && f.status) {
    where.push('r.decision = ?')
    params.push(f.status.slice(3))
  }
  if (f.organisationId || (withStatus && f.status && f.status !== 'in-waiting')) openOnly(where, params, 'r.family_id', f)
  if (withStatus && f.overdue) {
    where.push(`r.status = 'waiting'`, 'r.received_at < ?')
    params.push(overdue.request)
  }
  if (withStatus && f.notFedBack) {
    where.push(`r.status = 'decided'`, 'r.fed_back_on IS NULL', 'r.source <> ?')
    params.push(ANONYMOUS_SOURCE)
  }
  dates(where, params, 'r.received_at', f)
  return { direction: 'in', from: 'request_for_help r', at: 'r.received_at', where, params }
}

/** The referrals' side (listed by when each was made: a draft has not been sent), or null when the filters leave referrals out. */
export function referralSide(f: OverviewFilter, overdue: OverdueFrom, withStatus = true): Side | null {
  if (f.direction === 'in' || (withStatus && (sideOf(f.status) === 'in' || f.notFedBack))) return null
  if (f.organisationId && !f.readsReferrals) return null
  const where: string[] = []
  const params: unknown[] = []
  if (f.familyId) {
    where.push('o.family_id = ?')
    params.push(f.familyId)
  }
  if (f.episodeId) {
    where.push('o.episode_id = ?')
    params.push(f.episodeId)
  }
  if (f.organisationId) {
    where.push('o.organisation_id = ?')
    params.push(f.organisationId)
  }
  if (f.organisationId) openOnly(where, params, 'o.family_id', f)
  if (withStatus && f.status) {
    where.push('o.status = ?')
    params.push(f.status.slice(4))
  }
  if (withStatus && f.overdue) {
    where.push(`o.status = 'sent'`, 'o.sent_at < ?')
    params.push(overdue.referral)
  }
  dates(where, params, 'o.created_at', f)
  return { direction: 'out', from: 'outbound_referral o', at: 'o.created_at', where, params }
}

const whereOf = (s: Side) => (s.where.length ? `WHERE ${s.where.join(' AND ')}` : '')
const idOf = (s: Side) => `${s.from.split(' ')[1]}.id`

/** The sides the filters keep. */
export function sides(f: OverviewFilter, overdue: OverdueFrom, withStatus = true): Side[] {
  return [requestSide(f, overdue, withStatus), referralSide(f, overdue, withStatus)].filter((s): s is Side => s !== null)
}

/**
 * A page of what matches, newest (or oldest) first: each row's direction, id and instant. Rows of the
 * same instant (requests are received at a typed minute) go by id, which each side's index holds after
 * the instant: one order every time, on SQLite and PostgreSQL alike, so no row is on two pages or none.
 */
export function pageQuery(list: Side[], page: number, pageSize: number, oldestFirst = false): SqlQuery | null {
  if (list.length === 0) return null
  const selects = list.map((s) => `SELECT '${s.direction}' AS direction, ${idOf(s)} AS id, ${s.at} AS at FROM ${s.from} ${whereOf(s)}`)
  const order = oldestFirst ? 'ASC' : 'DESC'
  return {
    sql: `${selects.join(' UNION ALL ')} ORDER BY at ${order}, id ${order} LIMIT ? OFFSET ?`,
    params: [...list.flatMap((s) => s.params), pageSize, (page - 1) * pageSize]
  }
}

/** How many match on each side. */
export function countQueries(list: Side[]): SqlQuery[] {
  return list.map((s) => ({ sql: `SELECT count(*) AS "n" FROM ${s.from} ${whereOf(s)}`, params: s.params }))
}

/**
 * How many of each status on one side, one count to a status: each is read off the index that
 * leads with the status (a request's decision, none while waiting; a referral's status) and goes on
 * with the date, so a date range narrows each count on the index itself.
 */
export function statusCounts(s: Side, statuses: readonly string[]): SqlQuery {
  const params: unknown[] = []
  const counts = statuses.map((status, i) => {
    const code = status.slice(status.indexOf('-') + 1)
    const own = s.direction === 'in' ? (code === 'waiting' ? 'r.decision IS NULL' : 'r.decision = ?') : 'o.status = ?'
    params.push(...s.params, ...(own.endsWith('?') ? [code] : []))
    return `(SELECT count(*) FROM ${s.from} WHERE ${[...s.where, own].join(' AND ')}) AS "c${i}"`
  })
  return { sql: `SELECT ${counts.join(', ')}`, params }
}

/**
 * How many requests and referrals fell in each month: `starts` are the instants each month starts
 * (and the one after the last ends), so months are the hub's local months. One count to a month
 * and table, each a range of the table's date index.
 */
export function monthQuery(starts: string[]): SqlQuery {
  const months = starts.slice(0, -1).map((start, i) => [start, starts[i + 1]])
  const params: unknown[] = []
  const counts = (table: string, at: string, prefix: string) =>
    months.map(([from, to], i) => {
      params.push(from, to)
      return `(SELECT count(*) FROM ${table} WHERE ${at} >= ? AND ${at} < ?) AS "${prefix}${i}"`
    })
  const columns = [...counts('request_for_help', 'received_at', 'r'), ...counts('outbound_referral', 'created_at', 'o')]
  return { sql: `SELECT ${columns.join(', ')}`, params }
}
