// What every write to an episode's work shares: the episode must be open (a closed episode, or one
// whose closure awaits approval, is read-only until a manager reopens it), and the people named must belong to it.
import { randomUUID } from 'node:crypto'
import { In, type EntityManager, type EntitySchema, type ObjectLiteral } from 'typeorm'
import type { CallContext } from '../core/context'
import { DOCUMENT_NAMES, type AssessmentDocument, type DocumentKind, type PlanDocument, type VersionOccasion } from '../../shared/earlyHelp/history'
import { AppError, conflict, notFound } from '../core/errors'
import { updateVersioned } from '../core/versioned'
import { writeAudit } from '../audit/audit'
import { PersonEntity } from '../families/entities'
import { EpisodeEntity, type EpisodeRow } from './entities'
import { onTheTeam, TafMemberEntity } from './planEntities'
import type { Changes } from './documentChanges'
import { keepVersion } from './documents'

export async function openEpisodeForWork(manager: EntityManager, episodeId: string): Promise<EpisodeRow> {
  const episode = await manager.findOneBy(EpisodeEntity, { id: episodeId })
  if (!episode) throw notFound('episode')
  // Awaiting approval it is still the family's current episode, not a closed one: say so, as its page does.
  if (episode.status === 'closing') {
    throw new AppError(
      'CONFLICT',
      'This episode’s closure is waiting for a manager’s approval, so its record cannot be changed. To change it, ask a manager to reopen the episode.'
    )
  }
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
  const team = new Set((await manager.findBy(TafMemberEntity, { episodeId: episode.id, ...onTheTeam() })).map((m) => `taf:${m.id}`))
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
 * the document meanwhile, or a stale version, is the conflict message; never an overwrite. The
 * document it replaces is read with its own schema (one from a newer Casebook is refused, not
 * overwritten); the audit entry says what changed, and the save is kept as a version when it is one.
 */
export async function saveEpisodeDocument<T extends ObjectLiteral & { id: string; version: number }, D extends PlanDocument | AssessmentDocument>(
  manager: EntityManager,
  ctx: CallContext,
  doc: {
    kind: DocumentKind
    entity: EntitySchema<T>
    episode: EpisodeRow
    version: number | null
    /** The document to save. */
    document: D
    /** The document its row holds, parsed with its schema. */
    read: (row: T) => D
    /** The columns a document is stored in. */
    columns: (document: D) => Partial<T>
    /** Columns only a new row has (who agreed the plan, say). */
    created?: Partial<T>
    /** What changed, between the document as it stood (null if new) and as saved. */
    changes: (before: D | null, after: D) => Promise<Changes>
    /** Why this save is a version to keep, or null when it is not one (an assessment still being written). */
    occasion: (before: D | null, after: D, existing: T | null) => Promise<VersionOccasion | null>
  }
): Promise<{ id: string; version: number }> {
  const { entity, episode } = doc
  const what = DOCUMENT_NAMES[doc.kind]
  const existing = await manager.findOneBy(entity, { episodeId: episode.id } as never)
  if (!existing && doc.version !== null) throw conflict(what)
  if (existing && doc.version === null) throw conflict(what)
  const before = existing ? doc.read(existing) : null
  const after = doc.document
  const values = { ...doc.columns(after), updatedByUserId: ctx.actor.userId, updatedAt: ctx.now } as Partial<T>
  let saved: { id: string; version: number }
  if (!existing) {
    saved = { id: randomUUID(), version: 1 }
    await manager.insert(entity, { ...saved, episodeId: episode.id, familyId: episode.familyId, ...values, ...doc.created, createdAt: ctx.now } as never)
  } else {
    saved = { id: existing.id, version: await updateVersioned(manager, entity, existing.id, doc.version!, values, what) }
  }
  const changes = await doc.changes(before, after)
  await writeAudit(manager, {
    at: ctx.now,
    actor: ctx.actor.name,
    action: existing ? 'update' : 'create',
    recordType: doc.kind,
    recordId: saved.id,
    familyId: episode.familyId,
    changes: { version: saved.version, ...changes.audit }
  })
  const occasion = await doc.occasion(before, after, existing)
  if (occasion) await keepVersion(manager, ctx, { kind: doc.kind, documentId: saved.id, episode, version: saved.version, document: after, occasion })
  return saved
}
