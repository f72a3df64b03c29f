// Open episodes as lists: a practitioner's own caseload, and every open episode for the manager,
// who can hand an episode to another lead.
import { CASELOAD_PAGE_SIZE, type CaseloadOutput, type CaseloadRow } from '../../shared/earlyHelp/schemas'
import { todayIso, utcToLondon } from '../../shared/dates'
import type { CallContext } from '../core/context'
import { AppError, notFound } from '../core/errors'
import { updateVersioned } from '../core/versioned'
import { writeAudit } from '../audit/audit'
import { UserEntity } from '../accounts/entities'
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

export interface CaseloadQuery {
  /** One lead's episodes, or everyone's. */
  leadUserId: string | null
  overdueOnly: boolean
  /** A page of the list, or all of it (a practitioner's own list is short). */
  page: number | null
  /**
   * Who is asking, when there are restricted families they may not open: an episode of such a family
   * is left out, even one they lead (its surnames, contacts and what is overdue are casework).
   */
  viewer: RestrictedViewer | null
}

/** The statements a caseload list runs: its rows, and for a page the count of the whole list. */
export function buildCaseloadQueries(query: CaseloadQuery, todayText: string): { rows: SqlQuery; count: SqlQuery | null } {
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
  return {
    rows: {
      sql: `SELECT e.id AS episodeId, e.family_id AS familyId, e.status AS status, f.reference AS familyReference, e.opened_on AS openedOn, e.lead_user_id AS leadUserId,
            u.display_name AS leadName, e.version AS version,
            e.last_contact_at AS lastContactAt, e.note_count AS notes, e.next_review_on AS nextReviewOn, e.open_action_dues AS dues,
            (SELECT group_concat(DISTINCT p.family_name) FROM person p WHERE p.family_id = e.family_id AND p.kind = 'adult') AS familyNames
     FROM episode e JOIN family f ON f.id = e.family_id JOIN app_user u ON u.id = e.lead_user_id
     WHERE ${where.join(' AND ')}
     ORDER BY e.opened_on, f.reference${query.page === null ? '' : ' LIMIT ? OFFSET ?'}`,
      params: query.page === null ? params : [...params, CASELOAD_PAGE_SIZE, (query.page - 1) * CASELOAD_PAGE_SIZE]
    },
    count: query.page === null ? null : { sql: `SELECT count(*) AS n FROM episode e JOIN family f ON f.id = e.family_id WHERE ${where.join(' AND ')}`, params }
  }
}

export async function caseload(ctx: CallContext, query: CaseloadQuery): Promise<CaseloadOutput> {
  const todayText = todayIso(ctx.core.clock.now())
  const queries = buildCaseloadQueries(query, todayText)
  const rows = (await ctx.core.db.query(queries.rows.sql, queries.rows.params)) as (Omit<
    CaseloadRow,
    'daysOpen' | 'familyNames' | 'reviewOverdue' | 'overdueActions'
  > & { familyNames: string | null; dues: string })[]
  const today = Date.parse(todayText)
  const episodes = rows.map(({ dues, ...r }) => ({
    ...r,
    // Stored as the instant; read as the clock in England showed it, as the note was typed.
    lastContactAt: r.lastContactAt === null ? null : utcToLondon(r.lastContactAt),
    familyNames: (r.familyNames ?? '').split(',').filter(Boolean).join(' / '),
    daysOpen: Math.max(0, Math.round((today - Date.parse(r.openedOn)) / DAY_MS)),
    notes: Number(r.notes),
    reviewOverdue: r.nextReviewOn !== null && r.nextReviewOn < todayText,
    overdueActions: countBefore(dues, todayText)
  }))
  // A practitioner's own list comes whole: one page as long as the list.
  if (query.page === null || queries.count === null) return { episodes, total: episodes.length, page: 1, pageSize: episodes.length }
  const [{ n }] = (await ctx.core.db.query(queries.count.sql, queries.count.params)) as [{ n: number }]
  return { episodes, total: Number(n), page: query.page, pageSize: CASELOAD_PAGE_SIZE }
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
