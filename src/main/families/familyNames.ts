// Every answer that names a family names it the same way (familyName), and only where the caller
// may see its people: a restricted family the caller may not open keeps its reference alone, as
// it did before families had names, so no answer leaks who is in it.
import { In, type EntityManager } from 'typeorm'
import { familyName, type NamedPerson } from '../../shared/families/familyName'
import type { CallContext } from '../core/context'
import { allowedFamilies, restrictedViewer } from './access'
import { FamilyEntity, PersonEntity } from './entities'

/** Under SQLite's smallest limit on bound values, with room to spare. */
const CHUNK = 500

function chunks<T>(items: T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK))
}

/** Each family's current members, as the name is made from them. */
async function membersOf(db: EntityManager, familyIds: string[]): Promise<Map<string, NamedPerson[]>> {
  const byFamily = new Map<string, NamedPerson[]>(familyIds.map((id) => [id, []]))
  for (const ids of chunks(familyIds)) {
    const rows = await db.find(PersonEntity, {
      where: { familyId: In(ids) },
      select: { id: true, familyId: true, kind: true, givenName: true, familyName: true, dateOfBirth: true, expectedDate: true },
      // Oldest first, so the same household is always named in the same order.
      order: { dateOfBirth: 'ASC', expectedDate: 'ASC', id: 'ASC' }
    })
    for (const r of rows) byFamily.get(r.familyId)?.push({ kind: r.kind, givenName: r.givenName, familyName: r.familyName })
  }
  return byFamily
}

/**
 * Each family's name ("Okafor family (RV-000001)") by id, as this caller may see it: "Family RV-000001"
 * for a restricted family they may not open. An id that names no family is left out.
 */
export async function familyNames(ctx: CallContext, familyIds: string[], db: EntityManager = ctx.core.db.manager): Promise<Map<string, string>> {
  const ids = [...new Set(familyIds)]
  if (ids.length === 0) return new Map()
  const families = (
    await Promise.all(chunks(ids).map((part) => db.find(FamilyEntity, { where: { id: In(part) }, select: { id: true, reference: true, restricted: true } })))
  ).flat()
  const restricted = families.filter((f) => f.restricted).map((f) => f.id)
  const allowed = restrictedViewer(ctx) && restricted.length ? await allowedFamilies(ctx, restricted) : null
  const shown = families.filter((f) => !f.restricted || !allowed || allowed.has(f.id))
  const members = await membersOf(
    db,
    shown.map((f) => f.id)
  )
  return new Map(families.map((f) => [f.id, familyName(f.reference, members.get(f.id) ?? null)]))
}

/** The name of a family whose record the caller may open (their access already checked): its people name it. */
export async function openFamilyName(db: EntityManager, family: { id: string; reference: string }): Promise<string> {
  return familyName(family.reference, (await membersOf(db, [family.id])).get(family.id) ?? [])
}
