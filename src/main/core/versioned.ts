// Every update of a versioned row goes through here: the UPDATE itself says WHERE version = ?,
// so a colleague's save in between is refused, never overwritten.
import type { EntityManager, EntitySchema, ObjectLiteral } from 'typeorm'
import { conflict, notFound } from './errors'

/** Returns the new version; zero rows changed is a conflict (or, if the row is gone, not found). */
export async function updateVersioned<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntitySchema<T>,
  id: string | number,
  version: number,
  values: Partial<T>,
  what: string
): Promise<number> {
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...values, version: version + 1 } as never)
    .where('id = :id AND version = :version', { id, version })
    .execute()
  if (result.affected !== 1) {
    if (!(await manager.findOneBy(entity, { id } as never))) throw notFound(what)
    throw conflict(what)
  }
  return version + 1
}
