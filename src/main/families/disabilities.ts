// A person's disabilities are rows of person_disability, one per code: the authority receives them
// as rows, and a change adds or removes only the codes that changed.
import { In, type EntityManager } from 'typeorm'
import { DISABILITY, inListOrder } from '../../shared/codes'
import { insertLater } from '../core/postgresHeldWrites'
import { PersonDisabilityEntity } from './entities'

/** Each code once, in the code list's order (a code the list no longer has, last). */
export const disabilityList = (codes: Iterable<string>): string[] => inListOrder(DISABILITY, codes)

/** Each person's disabilities, by person id (none: an empty list). */
export async function disabilitiesOf(db: Pick<EntityManager, 'findBy'>, personIds: string[]): Promise<Map<string, string[]>> {
  const rows = personIds.length ? await db.findBy(PersonDisabilityEntity, { personId: In(personIds) }) : []
  const codes = new Map<string, string[]>(personIds.map((id) => [id, []]))
  for (const r of rows) codes.get(r.personId)?.push(r.code)
  return new Map([...codes].map(([id, list]) => [id, disabilityList(list)]))
}

/** Makes the person's rows these codes, inside the caller's transaction, from the codes they `held` (none for a new person). */
export async function saveDisabilities(manager: EntityManager, personId: string, codes: string[], held: string[]): Promise<void> {
  const wanted = new Set(codes)
  const removed = held.filter((code) => !wanted.has(code))
  if (removed.length) await manager.delete(PersonDisabilityEntity, { personId, code: In(removed) })
  const added = [...wanted].filter((code) => !held.includes(code))
  if (added.length)
    await insertLater(
      manager,
      PersonDisabilityEntity,
      added.map((code) => ({ personId, code }))
    )
}

export type PersonWithDisabilities<P extends { id: string }> = P & { disabilities: string[] }

/** Person rows with their disabilities, for readers that describe a person whole (the census file). */
export async function withDisabilities<P extends { id: string }>(db: Pick<EntityManager, 'findBy'>, people: P[]): Promise<PersonWithDisabilities<P>[]> {
  const codes = await disabilitiesOf(
    db,
    people.map((p) => p.id)
  )
  return people.map((p) => ({ ...p, disabilities: codes.get(p.id) ?? [] }))
}
