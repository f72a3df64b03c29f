// Staff are stored by user id; screens show their display names. One lookup for the ids a read needs.
import { In, type EntityManager } from 'typeorm'
import { SYSTEM_ACTOR_LABEL } from '../../shared/accounts/systemActor'
import { UserEntity, type UserRow } from './entities'

/** An id that names no account: accounts are disabled, never removed, so this is a damaged row, not a user. */
export const UNKNOWN_USER_LABEL = 'A former user'

/** The display name for each of these user ids: SYSTEM_ACTOR_LABEL for none (the system or the command line). */
export async function staffNames(db: Pick<EntityManager, 'findBy'>, ids: (string | null)[]): Promise<(id: string | null) => string> {
  const users = await accountsById(db, ids)
  return (id) => (id ? (users.get(id)?.displayName ?? UNKNOWN_USER_LABEL) : SYSTEM_ACTOR_LABEL)
}

/** The accounts these ids name, read at once (an id twice, or null, costs nothing). */
export async function accountsById(db: Pick<EntityManager, 'findBy'>, ids: (string | null)[]): Promise<Map<string, UserRow>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))]
  const users = wanted.length ? await db.findBy(UserEntity, { id: In(wanted) }) : []
  return new Map(users.map((u) => [u.id, u]))
}
