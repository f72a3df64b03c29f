// Closing an episode: the reason, the outcome for each headline, the family's view. When the hub
// says so, a practitioner's closure waits for a manager's approval; a manager's closes at once.
// A closed episode takes no more notes; a manager can reopen it, saying why.
import { In, Not } from 'typeorm'
import type { z } from 'zod'
import type { closeEpisodeInput } from '../../shared/earlyHelp/schemas'
import type { CallContext } from '../core/context'
import { AppError, notFound } from '../core/errors'
import { updateVersioned } from '../core/versioned'
import { writeAudit } from '../audit/audit'
import { HubEntity } from '../hub/entities'
import { EpisodeEntity } from './entities'
import { closureOf, headlinesOf, reopeningsOf } from './episodes'
import type { StoredClosure } from '../../shared/earlyHelp/stored'

export async function closeEpisode(input: z.output<typeof closeEpisodeInput>, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    const episode = await manager.findOneBy(EpisodeEntity, { id: input.id })
    if (!episode) throw notFound('episode')
    if (episode.status !== 'open') throw new AppError('CONFLICT', 'This episode is already closed or waiting for its closure to be approved.')
    const missing: Record<string, string> = {}
    if (input.closedOn < episode.openedOn) missing.closedOn = 'Date closed must be on or after the date the episode opened'
    if (input.reason === 'STEPPED_UP' && input.stepUpOn && input.stepUpOn < episode.openedOn) {
      missing.stepUpOn = 'Date of the step-up must be on or after the date the episode opened'
    }
    for (const headline of await headlinesOf(manager, episode.id)) {
      if (!input.outcomes[headline]) missing[`outcomes.${headline}`] = 'Select the outcome for this headline'
    }
    if (Object.keys(missing).length) throw new AppError('VALIDATION', 'There is a problem', missing)
    const hub = await manager.findOneByOrFail(HubEntity, { id: 1 })
    const approvedNow = !hub.closureNeedsApproval || ctx.actor.permissions.has('episodes.manage')
    const closure = {
      reason: input.reason,
      note: input.note,
      outcomes: input.outcomes,
      familyView: input.familyView,
      stepUpOn: input.reason === 'STEPPED_UP' ? input.stepUpOn : null,
      requestedByUserId: ctx.actor.userId,
      approved: approvedNow,
      approvedByUserId: approvedNow ? ctx.actor.userId : null
    }
    const version = await updateVersioned(
      manager,
      EpisodeEntity,
      input.id,
      input.version,
      {
        status: approvedNow ? 'closed' : 'closing',
        closedOn: input.closedOn,
        closure: JSON.stringify(closure),
        updatedAt: ctx.now
      },
      'episode'
    )
    await writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'update',
      recordType: 'episode',
      recordId: input.id,
      familyId: episode.familyId,
      changes: { status: { from: 'open', to: approvedNow ? 'closed' : 'closing' }, closure }
    })
    return { id: input.id, version }
  })
}

export async function approveClosure(input: { id: string; version: number }, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    const episode = await manager.findOneBy(EpisodeEntity, { id: input.id })
    if (!episode) throw notFound('episode')
    if (episode.status !== 'closing') throw new AppError('CONFLICT', 'This episode is not waiting for its closure to be approved.')
    const closure: StoredClosure = { ...closureOf(episode)!, approved: true, approvedByUserId: ctx.actor.userId }
    const version = await updateVersioned(
      manager,
      EpisodeEntity,
      input.id,
      input.version,
      { status: 'closed', closure: JSON.stringify(closure), updatedAt: ctx.now },
      'episode'
    )
    await writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'update',
      recordType: 'episode',
      recordId: input.id,
      familyId: episode.familyId,
      changes: { status: { from: 'closing', to: 'closed' } }
    })
    return { id: input.id, version }
  })
}

export async function reopenEpisode(input: { id: string; version: number; reason: string }, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    const episode = await manager.findOneBy(EpisodeEntity, { id: input.id })
    if (!episode) throw notFound('episode')
    if (episode.status === 'open') throw new AppError('CONFLICT', 'This episode is already open.')
    // Open or waiting for its closure to be approved, another episode is still the family's current one
    // (the database refuses two as well: idx_episode_one_current).
    if (await manager.findOneBy(EpisodeEntity, { familyId: episode.familyId, status: In(['open', 'closing']), id: Not(episode.id) })) {
      throw new AppError(
        'CONFLICT',
        'The family has another current episode (open, or waiting for its closure to be approved). Only one can be current at a time.'
      )
    }
    const reopenings = [...reopeningsOf(episode), { at: ctx.now, byUserId: ctx.actor.userId, reason: input.reason, closure: closureOf(episode) }]
    const version = await updateVersioned(
      manager,
      EpisodeEntity,
      input.id,
      input.version,
      { status: 'open', closedOn: null, closure: null, reopened: JSON.stringify(reopenings), updatedAt: ctx.now },
      'episode'
    )
    await writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'update',
      recordType: 'episode',
      recordId: input.id,
      familyId: episode.familyId,
      changes: { status: { from: episode.status, to: 'open' }, reason: input.reason }
    })
    return { id: input.id, version }
  })
}
