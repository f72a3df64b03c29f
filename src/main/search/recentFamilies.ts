// What the search page shows before anything is typed: the families this user opened most
// recently, read from the audit trail's views (it records every opening, per user). Shown as
// search shows them: a restricted family this user may not open (any more) keeps its reference
// alone, with no address.
import type { CallContext } from '../core/context'
import type { RecentFamily } from '../../shared/search/schemas'
import { familyNames } from '../families/familyNames'
import { allowedFamilies, restrictedViewer } from '../families/access'

/** Enough of the trail to find this many different families, even for someone who reopens the same few. */
const VIEWS_READ = 300

export async function recentFamilies(ctx: CallContext, limit: number): Promise<RecentFamily[]> {
  const db = ctx.core.db
  const views = (await db.query(
    `SELECT family_id AS "familyId", at FROM audit_entry WHERE actor = ? AND action = 'view' AND record_type = 'family' ORDER BY seq DESC LIMIT ?`,
    [ctx.actor.name, VIEWS_READ]
  )) as { familyId: string | null; at: string }[]
  const latest = new Map<string, string>()
  for (const v of views) if (v.familyId && !latest.has(v.familyId) && latest.size < limit) latest.set(v.familyId, v.at)
  if (latest.size === 0) return []
  const ids = [...latest.keys()]
  const rows = (await db.query(
    `SELECT f.id AS "familyId", f.reference AS "familyReference", f.restricted AS restricted, f.address_line1 AS "addressLine1", f.town AS town, f.postcode AS postcode
     FROM family f WHERE f.id IN (${ids.map(() => '?').join(', ')})`,
    ids
  )) as { familyId: string; familyReference: string; restricted: number; addressLine1: string; town: string; postcode: string }[]
  const names = await familyNames(ctx, ids)
  // The restriction rule search applies: details of a restricted family only for those who may open it.
  const viewer = restrictedViewer(ctx)
  const restricted = rows.filter((r) => r.restricted).map((r) => r.familyId)
  const allowed = viewer && restricted.length ? await allowedFamilies(ctx, restricted) : null
  const byId = new Map(rows.map((r) => [r.familyId, r]))
  return ids.flatMap((id) => {
    const f = byId.get(id)
    if (!f) return []
    return [
      {
        familyId: id,
        familyReference: f.familyReference,
        name: names.get(id) ?? `Family ${f.familyReference}`,
        restricted: Boolean(f.restricted),
        ...(f.restricted && allowed && !allowed.has(id)
          ? { addressLine1: '', town: '', postcode: '' }
          : { addressLine1: f.addressLine1, town: f.town, postcode: f.postcode }),
        openedAt: latest.get(id)!
      }
    ]
  })
}
