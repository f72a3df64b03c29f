// What every write to an episode's work shares: the episode must be open (a closed episode is
// read-only until a manager reopens it), and the people named must belong to it.
import { randomUUID } from 'node:crypto'
import { In, type EntityManager, type EntitySchema, type ObjectLiteral } from 'typeorm'
import type { CallContext } from '../core/context'
import { AppError, conflict, notFound } from '../core/errors'
import { updateVersioned } from '../core/versioned'
import { writeAudit } from '../audit/audit'
import { PersonEntity } from '../families/entities'
import { EpisodeEntity, type EpisodeRow } from './entities'
import { TafMemberEntity } from './planEntities'

export async function openEpisodeForWork(manager: EntityManager, episodeId: string): Promise<EpisodeRow> {
  const episode = await manager.findOneBy(EpisodeEntity, { id: episodeId })
  if (!episode) throw notFound('episode')
  if (episode.status !== 'open') throw new AppError('CONFLICT', 'This episode is closed, so its record can no longer be changed. A manager can reopen it.')
  return episode
}

/** The ids given that are not members of the family: none means every one is. */
export async function notInFamily(manager: EntityManager, familyId: string, personIds: string[]): Promise<Set<string>> {
  const wanted = [...new Set(personIds)]
  if (wanted.length === 0) return new Set()
  const found = await manager.findBy(PersonEntity, { id: In(wanted), familyId })
  const known = new Set(found.map((p) => p.id))
  return new Set(wanted.filter((id) => !known.has(id)))
}

/** Participant keys ('taf:<id>', 'person:<id>') that name no one in this episode or family. */
export async function unknownParticipants(manager: EntityManager, episode: EpisodeRow, keys: string[]): Promise<Set<string>> {
  const team = new Set((await manager.findBy(TafMemberEntity, { episodeId: episode.id })).map((m) => `taf:${m.id}`))
  const strangers = await notInFamily(
    manager,
    episode.familyId,
    keys.filter((k) => k.startsWith('person:')).map((k) => k.slice(7))
  )
  return new Set(keys.filter((k) => (k.startsWith('taf:') ? !team.has(k) : strangers.has(k.slice(7)))))
}

/**
 * Saves an episode's one assessment or plan: created by a save from a blank form (version null),
 * changed by a save from the version that was read. A blank form's save when someone has started
 * the document meanwhile, or a stale version, is the conflict message; never an overwrite.
 */
export async function saveEpisodeDocument<T extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  ctx: CallContext,
  doc: {
    entity: EntitySchema<T>
    recordType: 'assessment' | 'family-plan'
    what: string
    episode: EpisodeRow
    version: number | null
    /** The columns to write; given the row as it stands when they depend on it. */
    values: Partial<T> | ((existing: T | null) => Partial<T>)
    /** Columns only a new row has (who agreed the plan, say). */
    created?: Partial<T>
    /** What the audit entry says of the change. */
    summary: Record<string, unknown>
  }
): Promise<{ id: string; version: number }> {
  const { entity, episode } = doc
  const existing = await manager.findOneBy(entity, { episodeId: episode.id } as never)
  const values = typeof doc.values === 'function' ? doc.values(existing) : doc.values
  const audit = (action: 'create' | 'update', id: string) =>
    writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action,
      recordType: doc.recordType,
      recordId: id,
      familyId: episode.familyId,
      changes: doc.summary
    })
  if (!existing) {
    if (doc.version !== null) throw conflict(doc.what)
    const id = randomUUID()
    await manager.insert(entity, { id, episodeId: episode.id, familyId: episode.familyId, ...values, ...doc.created, createdAt: ctx.now, version: 1 } as never)
    await audit('create', id)
    return { id, version: 1 }
  }
  if (doc.version === null) throw conflict(doc.what)
  const version = await updateVersioned(manager, entity, existing.id, doc.version, values, doc.what)
  await audit('update', existing.id)
  return { id: existing.id, version }
}
