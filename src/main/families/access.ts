// Restricted families: only the users named on one, and managers, may open it. Everyone else can
// still find that it exists, and is told whom to ask, but sees no address or date of birth.
import { In, IsNull, type EntityManager } from 'typeorm'
import type { RestrictedViewer } from './restrictedViewer'
import type { SearchHit } from '../../shared/search/schemas'
import type { CallContext } from '../core/context'
import { AppError, notFound } from '../core/errors'
import { auditRefusal } from '../core/refusals'
import { UserEntity } from '../accounts/entities'
import { FamilyAccessEntity, FamilyEntity, PersonEntity } from './entities'
import { EpisodeEntity } from '../earlyHelp/entities'

export interface FamilyAccess {
  restricted: boolean
  allowedUsers: { id: string; displayName: string }[]
}

/** The users named on each of these families, by name. */
async function namedUsers(db: EntityManager, familyIds: string[]): Promise<Map<string, { id: string; displayName: string }[]>> {
  const rows = familyIds.length ? await db.findBy(FamilyAccessEntity, { familyId: In(familyIds), revokedAt: IsNull() }) : []
  const users = rows.length ? await db.findBy(UserEntity, { id: In([...new Set(rows.map((r) => r.userId))]) }) : []
  const byId = new Map(users.map((u) => [u.id, { id: u.id, displayName: u.displayName }]))
  return new Map(
    familyIds.map((familyId) => [
      familyId,
      rows
        .filter((r) => r.familyId === familyId)
        .flatMap((r) => byId.get(r.userId) ?? [])
        .sort((a, b) => a.displayName.localeCompare(b.displayName))
    ])
  )
}

export async function familyAccess(ctx: CallContext, familyId: string, restricted: boolean): Promise<FamilyAccess> {
  return { restricted, allowedUsers: (await namedUsers(ctx.core.db.manager, [familyId])).get(familyId) ?? [] }
}

/** Managers (and trusted callers, who hold every permission) open any family. */
const overrides = (ctx: CallContext) => ctx.actor.permissions.has('families.restrict')

/** The caller, when there are restricted families they may not open; null when they may open all. */
export const restrictedViewer = (ctx: CallContext): RestrictedViewer | null => (overrides(ctx) ? null : { userId: ctx.actor.userId })

/** For each restricted family, whom to ask about it: "Rita or a hub manager". */
export async function whomToAsk(db: EntityManager, familyIds: string[]): Promise<Map<string, string>> {
  const named = await namedUsers(db, familyIds)
  return new Map(familyIds.map((id) => [id, [...(named.get(id) ?? []).map((u) => u.displayName), 'a hub manager'].join(' or ')]))
}

/** Of these families, those the caller is named on (whatever their restriction). */
export async function allowedFamilies(ctx: CallContext, familyIds: string[]): Promise<Set<string>> {
  if (!ctx.actor.userId || familyIds.length === 0) return new Set()
  const rows = await ctx.core.db.manager.findBy(FamilyAccessEntity, { userId: ctx.actor.userId, familyId: In(familyIds), revokedAt: IsNull() })
  return new Set(rows.map((r) => r.familyId))
}

/**
 * Refuses, and records the refusal, when the caller may not open this family. Runs before the
 * handler's own transaction, so the audit entry is not rolled back with it.
 */
export async function requireFamilyAccess(ctx: CallContext, familyId: string): Promise<void> {
  const family = await ctx.core.db.manager.findOne(FamilyEntity, { where: { id: familyId }, select: { id: true, restricted: true } })
  if (!family) throw notFound('family')
  if (!family.restricted || overrides(ctx) || (await allowedFamilies(ctx, [familyId])).has(familyId)) return
  const whom = (await whomToAsk(ctx.core.db.manager, [familyId])).get(familyId)
  await auditRefusal(ctx, { recordType: 'family', recordId: familyId, familyId, changes: { reason: 'restricted' } })
  throw new AppError('FORBIDDEN', `This family's record is restricted. Ask ${whom} if you need to see it.`)
}

/** A restricted family's person as someone who may not open it sees them: a name and a reference. */
export function nameOnly<T extends SearchHit>(hit: T): T {
  return { ...hit, restricted: true, dateOfBirth: null, expectedDate: null, addressLine1: '', town: '', postcode: '' }
}

/** Search results and duplicate matches: a restricted family's people keep their names only. */
export async function redactRestricted<T extends SearchHit>(ctx: CallContext, hits: T[]): Promise<T[]> {
  const restricted = [...new Set(hits.filter((h) => h.restricted).map((h) => h.familyId))]
  if (restricted.length === 0 || overrides(ctx)) return hits.map((h) => ({ ...h, restricted: Boolean(h.restricted) }))
  const allowed = await allowedFamilies(ctx, restricted)
  return hits.map((h) => (h.restricted && !allowed.has(h.familyId) ? nameOnly(h) : { ...h, restricted: Boolean(h.restricted) }))
}

/**
 * A handler that first checks the caller may open the family its input concerns (found by
 * `familyOf`, which may look it up), then runs.
 */
export function withFamilyAccess<I, O>(
  familyOf: (input: I, ctx: CallContext) => string | Promise<string>,
  handler: (input: I, ctx: CallContext) => Promise<O>
): (input: I, ctx: CallContext) => Promise<O> {
  return async (input, ctx) => {
    await requireFamilyAccess(ctx, await familyOf(input, ctx))
    return handler(input, ctx)
  }
}

/** The family an early-help episode is for. */
export async function familyOfEpisode(ctx: CallContext, episodeId: string): Promise<string> {
  const episode = await ctx.core.db.manager.findOne(EpisodeEntity, { where: { id: episodeId }, select: { id: true, familyId: true } })
  if (!episode) throw notFound('episode')
  return episode.familyId
}

/** The family a person belongs to now. */
export async function familyOfPerson(ctx: CallContext, personId: string): Promise<string> {
  const person = await ctx.core.db.manager.findOne(PersonEntity, { where: { id: personId }, select: { id: true, familyId: true } })
  if (!person) throw notFound('person')
  return person.familyId
}
