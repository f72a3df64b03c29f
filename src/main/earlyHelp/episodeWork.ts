// What every write to an episode's work shares: the episode must be open (a closed episode is
// read-only until a manager reopens it), and the people named must belong to it.
import type { EntityManager } from 'typeorm'
import { In } from 'typeorm'
import { AppError, notFound } from '../core/errors'
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
  const strangers = await notInFamily(manager, episode.familyId, keys.filter((k) => k.startsWith('person:')).map((k) => k.slice(7)))
  return new Set(keys.filter((k) => (k.startsWith('taf:') ? !team.has(k) : strangers.has(k.slice(7)))))
}
