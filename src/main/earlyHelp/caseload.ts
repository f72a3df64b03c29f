// Open episodes as lists: a practitioner's own caseload, and every open episode for the manager,
// who can hand an episode to another lead. Each row says what is overdue, what falls due within the
// week, and whether the family has gone longer without contact than the hub allows.
import { CASELOAD_PAGE_SIZE, DUE_SOON_DAYS, type CaseloadOutput, type CaseloadRow, type CaseloadSort } from '../../shared/earlyHelp/schemas'
import { addDays, todayIso, utcToLondon, londonToUtc } from '../../shared/dates'
import type { CallContext } from '../core/context'
import { AppError, notFound } from '../core/errors'
import { updateVersioned } from '../core/versioned'
import { writeAudit } from '../audit/audit'
import { UserEntity } from '../accounts/entities'
import { HubEntity } from '../hub/entities'
import { familyNames } from '../families/familyNames'
import { EpisodeEntity } from './entities'
import type { SqlQuery } from '../search/searchIndex'
import { openToViewer, type RestrictedViewer } from '../families/restrictedViewer'

const DAY_MS = 86_400_000

/** How many of the sorted, space-separated dates fall before `day`. */
function countBefore(sortedDates: string, day: string): number {
  const dates = sortedDates ? sortedDates.split(' ') : []
  const firstNotBefore = dates.findIndex((d) => d >= day)
  return firstNotBefore === -1 ? dates.length : firstNotBefore
}

/** Whole days from one ISO date to another. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS)

export interface CaseloadQuery {
  /** One lead's episodes, or everyone's. */
  leadUserId: string | null
  overdueOnly: boolean
  /** Only those with a review or an action due from today to DUE_SOON_DAYS ahead. */
  dueSoonOnly?: boolean
  /** Only those longer without contact than the hub's setting. */
  longGapOnly?: boolean
  /** The whole list's order (the manager's list comes a page at a time). */
  sort?: CaseloadSort
  desc?: boolean
  /** A page of the list, or all of it (a practitioner's own list is short). */
  page: number | null
  /**
   * Who is asking, when there are restricted families they may not open: an episode of such a family
   * is left out, even one they lead (its surnames, contacts and what is overdue are casework).
   */
  viewer: RestrictedViewer | null
}

/**
 * A household in a list sorted by family: by its adults' surname (else anyone's), as its name reads
 * ("Okafor family (RV-000001)"), then by reference. `e` is the episode.
 */
export const FAMILY_SURNAME_SQL = `COALESCE((SELECT min(lower(p.family_name)) FROM person p WHERE p.family_id = e.family_id AND p.kind = 'adult'),
                   (SELECT min(lower(p.family_name)) FROM person p WHERE p.family_id = e.family_id))`

/** What each sort reads, and which way is ascending; nulls (no contact, no plan) go last either way. */
const ORDER: Record<CaseloadSort, { sql: string; invert?: boolean; nullable?: boolean }> = {
  family: { sql: FAMILY_SURNAME_SQL, nullable: true },
  opened: { sql: 'e.opened_on' },
  daysOpen: { sql: 'e.opened_on', invert: true },
  lastContact: { sql: 'e.last_contact_at', nullable: true },
  nextReview: { sql: 'e.next_review_on', nullable: true },
  notes: { sql: 'e.note_count' },
  lead: { sql: 'lower(u.display_name)' }
}

function orderBy(sort: CaseloadSort, desc: boolean): string {
  const o = ORDER[sort]
  const direction = desc !== Boolean(o.invert) ? 'DESC' : 'ASC'
  const ties = ['e.opened_on', 'f.reference', 'e.id'].filter((t) => t !== o.sql)
  return [o.nullable ? `(${o.sql}) IS NULL` : null, `${o.sql} ${direction}`, ...ties].filter(Boolean).join(', ')
}

/** The days from `today` that count as due soon: a short list, so matching them is plain LIKE (any database). */
const dueSoonDays = (today: string) => Array.from({ length: DUE_SOON_DAYS + 1 }, (_, i) => addDays(today, i))

/** The instant the London day `day` began: a contact before it was on an earlier day. */
const londonDayStart = (day: string) => londonToUtc(`${day}T00:00`, 'later') ?? `${day}T00:00:00.000Z`

/** The statements a caseload list runs: its rows, and for a page the count of the whole list. */
export function buildCaseloadQueries(query: CaseloadQuery, todayText: string, contactGapDays = 28): { rows: SqlQuery; count: SqlQuery | null } {
  const where = [`e.status IN ('open', 'closing')`]
  const params: unknown[] = []
  if (query.leadUserId) {
    where.push('e.lead_user_id = ?')
    params.push(query.leadUserId)
  }
  if (query.viewer) {
    const open = openToViewer(query.viewer, 'f')
    where.push(open.sql)
    params.push(...open.params)
  }
  // The earliest unfinished action is first in the sorted list of due dates.
  if (query.overdueOnly) {
    where.push(`(e.next_review_on < ? OR (e.open_action_dues != '' AND substr(e.open_action_dues, 1, 10) < ?))`)
    params.push(todayText, todayText)
  }
  if (query.dueSoonOnly) {
    const days = dueSoonDays(todayText)
    where.push(`((e.next_review_on >= ? AND e.next_review_on <= ?) OR ${days.map(() => 'e.open_action_dues LIKE ?').join(' OR ')})`)
    params.push(days[0], days.at(-1), ...days.map((d) => `%${d}%`))
  }
  // Long without contact: the last contact (or, with none yet, the opening) was before the cut-off day.
  if (query.longGapOnly) {
    const cutOff = addDays(todayText, -contactGapDays)
    where.push(`(CASE WHEN e.last_contact_at IS NULL THEN e.opened_on < ? ELSE e.last_contact_at < ? END)`)
    params.push(cutOff, londonDayStart(cutOff))
  }
  const from = `FROM episode e JOIN family f ON f.id = e.family_id WHERE ${where.join(' AND ')}`
  return {
    rows: {
      sql: `SELECT e.id AS "episodeId", e.family_id AS "familyId", e.status AS status, f.reference AS "familyReference", e.opened_on AS "openedOn", e.lead_user_id AS "leadUserId",
            u.display_name AS "leadName", e.version AS version,
            e.last_contact_at AS "lastContactAt", e.note_count AS notes, e.next_review_on AS "nextReviewOn", e.open_action_dues AS dues
     FROM episode e JOIN family f ON f.id = e.family_id JOIN app_user u ON u.id = e.lead_user_id WHERE ${where.join(' AND ')}
     ORDER BY ${orderBy(query.sort ?? 'opened', query.desc ?? false)}${query.page === null ? '' : ' LIMIT ? OFFSET ?'}`,
      params: query.page === null ? params : [...params, CASELOAD_PAGE_SIZE, (query.page - 1) * CASELOAD_PAGE_SIZE]
    },
    count: query.page === null ? null : { sql: `SELECT count(*) AS n ${from}`, params }
  }
}

type StoredRow = Omit<
  CaseloadRow,
  'daysOpen' | 'familyName' | 'reviewOverdue' | 'reviewDueSoon' | 'overdueActions' | 'actionsDueSoon' | 'daysSinceContact' | 'longGap'
> & { dues: string }

export async function caseload(ctx: CallContext, query: CaseloadQuery): Promise<CaseloadOutput> {
  const todayText = todayIso(ctx.core.clock.now())
  const { contactGapDays } = await ctx.core.db.manager.findOneOrFail(HubEntity, { where: { id: 1 }, select: { id: true, contactGapDays: true } })
  const queries = buildCaseloadQueries(query, todayText, contactGapDays)
  const rows = (await ctx.core.db.query(queries.rows.sql, queries.rows.params)) as StoredRow[]
  // Named as everywhere else, by familyNames, for the page's families at once. The list leaves out
  // families the caller may not open, so every name here is one they may see.
  const names = await familyNames(
    ctx,
    rows.map((r) => r.familyId)
  )
  const soon = addDays(todayText, DUE_SOON_DAYS)
  const episodes = rows.map(({ dues, ...r }) => {
    // Stored as the instant; read as the clock in England showed it, as the note was typed.
    const lastContactAt = r.lastContactAt === null ? null : utcToLondon(r.lastContactAt)
    const daysSinceContact = Math.max(0, daysBetween(lastContactAt?.slice(0, 10) ?? r.openedOn, todayText))
    const overdueActions = countBefore(dues, todayText)
    return {
      ...r,
      lastContactAt,
      familyName: names.get(r.familyId) ?? `Family ${r.familyReference}`,
      daysOpen: Math.max(0, daysBetween(r.openedOn, todayText)),
      notes: Number(r.notes),
      reviewOverdue: r.nextReviewOn !== null && r.nextReviewOn < todayText,
      reviewDueSoon: r.nextReviewOn !== null && r.nextReviewOn >= todayText && r.nextReviewOn <= soon,
      overdueActions,
      actionsDueSoon: countBefore(dues, addDays(soon, 1)) - overdueActions,
      daysSinceContact,
      longGap: daysSinceContact > contactGapDays
    }
  })
  // A practitioner's own list comes whole: one page as long as the list.
  if (query.page === null || queries.count === null) return { episodes, total: episodes.length, page: 1, pageSize: episodes.length, contactGapDays }
  const [{ n }] = (await ctx.core.db.query(queries.count.sql, queries.count.params)) as [{ n: number }]
  return { episodes, total: Number(n), page: query.page, pageSize: CASELOAD_PAGE_SIZE, contactGapDays }
}

export async function reallocate(input: { id: string; version: number; leadUserId: string }, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    const episode = await manager.findOneBy(EpisodeEntity, { id: input.id })
    if (!episode) throw notFound('episode')
    if (episode.status !== 'open') throw new AppError('CONFLICT', 'This episode is closed. Reopen it before changing its lead.')
    const lead = await manager.findOneBy(UserEntity, { id: input.leadUserId })
    if (!lead || lead.disabled || (lead.role !== 'practitioner' && lead.role !== 'manager')) {
      throw new AppError('VALIDATION', 'There is a problem', { leadUserId: 'Select a practitioner or manager to lead the episode' })
    }
    const previous = await manager.findOneBy(UserEntity, { id: episode.leadUserId })
    const version = await updateVersioned(manager, EpisodeEntity, input.id, input.version, { leadUserId: lead.id, updatedAt: ctx.now }, 'episode')
    await writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'update',
      recordType: 'episode',
      recordId: input.id,
      familyId: episode.familyId,
      changes: { lead: { from: previous?.username ?? null, to: lead.username } }
    })
    return { id: input.id, version }
  })
}
