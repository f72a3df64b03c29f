// Closures waiting for a manager's approval, as a list a page at a time, sorted in the query so the
// order is the whole list's. A restricted family the manager may not open is left out, as on the
// caseload lists: its reason for closing is casework.
import { CLOSURES_PAGE_SIZE, type ClosureSort, type ClosuresAwaiting } from '../../shared/earlyHelp/closures'
import type { CallContext } from '../core/context'
import { staffNames } from '../accounts/staffNames'
import { familyNames } from '../families/familyNames'
import { openToViewer, type RestrictedViewer } from '../families/restrictedViewer'
import type { SqlQuery } from '../search/searchIndex'
import { closureOf } from './episodes'
import { FAMILY_SURNAME_SQL } from './caseload'
import type { EpisodeRow } from './entities'

const ORDER: Record<ClosureSort, string> = {
  closedOn: 'e.closed_on',
  family: `(${FAMILY_SURNAME_SQL}) IS NULL, ${FAMILY_SURNAME_SQL}`,
  openedOn: 'e.opened_on',
  lead: 'lower(u.display_name)'
}

export interface ClosuresQuery {
  sort: ClosureSort
  desc: boolean
  page: number
  viewer: RestrictedViewer | null
}

export function buildClosuresQueries(query: ClosuresQuery): { rows: SqlQuery; count: SqlQuery } {
  const where = [`e.status = 'closing'`]
  const params: unknown[] = []
  if (query.viewer) {
    const open = openToViewer(query.viewer, 'f')
    where.push(open.sql)
    params.push(...open.params)
  }
  const ties = ['e.closed_on', 'f.reference', 'e.id'].filter((t) => t !== ORDER[query.sort])
  return {
    rows: {
      sql: `SELECT e.id AS "episodeId", e.family_id AS "familyId", f.reference AS "familyReference", e.opened_on AS "openedOn", e.closed_on AS "closedOn",
              e.closure AS closure, u.display_name AS "leadName", e.version AS version
       FROM episode e JOIN family f ON f.id = e.family_id JOIN app_user u ON u.id = e.lead_user_id
       WHERE ${where.join(' AND ')}
       ORDER BY ${ORDER[query.sort]} ${query.desc ? 'DESC' : 'ASC'}, ${ties.join(', ')} LIMIT ? OFFSET ?`,
      params: [...params, CLOSURES_PAGE_SIZE, (query.page - 1) * CLOSURES_PAGE_SIZE]
    },
    count: { sql: `SELECT count(*) AS n FROM episode e JOIN family f ON f.id = e.family_id WHERE ${where.join(' AND ')}`, params }
  }
}

export async function closuresAwaiting(ctx: CallContext, query: ClosuresQuery): Promise<ClosuresAwaiting> {
  const queries = buildClosuresQueries(query)
  const rows = (await ctx.core.db.query(queries.rows.sql, queries.rows.params)) as {
    episodeId: string
    familyId: string
    familyReference: string
    openedOn: string
    closedOn: string
    closure: string | null
    leadName: string
    version: number
  }[]
  const closures = rows.map((r) => ({ ...r, stored: closureOf({ id: r.episodeId, closure: r.closure } as EpisodeRow) }))
  const [names, staff] = await Promise.all([
    familyNames(
      ctx,
      rows.map((r) => r.familyId)
    ),
    staffNames(
      ctx.core.db.manager,
      closures.map((c) => c.stored?.requestedByUserId ?? null)
    )
  ])
  const [{ n }] = (await ctx.core.db.query(queries.count.sql, queries.count.params)) as [{ n: number }]
  return {
    closures: closures.map(({ stored, closure: _json, ...r }) => ({
      ...r,
      version: Number(r.version),
      familyName: names.get(r.familyId) ?? `Family ${r.familyReference}`,
      reason: stored?.reason ?? '',
      closedBy: staff(stored?.requestedByUserId ?? null)
    })),
    total: Number(n),
    page: query.page,
    pageSize: CLOSURES_PAGE_SIZE
  }
}
