// Each search hit's family by its name ("Okafor family (RV-000001)"), as this user may see it: the
// naming rules are familyName's (shared/families/familyName.ts) and the restriction rule is
// familyNames' (families/familyNames.ts: a restricted family the user may not open keeps its
// reference alone). Read here in one statement because search answers as reception type, where
// the ORM's two reads per answer cost more than the search itself; search.test.ts checks the
// names agree with the family's own.
import type { CallContext } from '../core/context'
import type { SearchHit } from '../../shared/search/schemas'
import { familyName, type NamedPerson } from '../../shared/families/familyName'
import { allowedFamilies, restrictedViewer } from '../families/access'

export async function hitFamilyNames(ctx: CallContext, hits: SearchHit[]): Promise<Record<string, string>> {
  const references = new Map(hits.map((h) => [h.familyId, h.familyReference]))
  if (references.size === 0) return {}
  const restricted = [...new Set(hits.filter((h) => h.restricted).map((h) => h.familyId))]
  const allowed = restrictedViewer(ctx) && restricted.length ? await allowedFamilies(ctx, restricted) : null
  const shown = [...references.keys()].filter((id) => !restricted.includes(id) || !allowed || allowed.has(id))
  const members = new Map<string, NamedPerson[]>(shown.map((id) => [id, []]))
  if (shown.length) {
    // Oldest first, as familyNames orders them, so a household is always named in the same order.
    const rows = (await ctx.core.db.query(
      `SELECT family_id AS "familyId", kind, given_name AS "givenName", family_name AS "familyName" FROM person
       WHERE family_id IN (${shown.map(() => '?').join(', ')}) ORDER BY date_of_birth, expected_date, id`,
      shown
    )) as (NamedPerson & { familyId: string })[]
    for (const { familyId, ...person } of rows) members.get(familyId)?.push(person)
  }
  return Object.fromEntries([...references].map(([id, reference]) => [id, familyName(reference, members.get(id) ?? null)]))
}
