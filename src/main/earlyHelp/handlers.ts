import { defineHandlers } from '../core/router'
import { notFound } from '../core/errors'
import { writeAudit } from '../audit/audit'
import { requireFamilyAccess } from '../families/access'
import { getEpisode, leadChoices, openEpisode } from './episodes'
import { addNote } from './notes'
import { chronology } from './chronology'
import { caseload, reallocate } from './caseload'
import { approveClosure, closeEpisode, reopenEpisode } from './closure'
import { EpisodeEntity } from './entities'
import type { CallContext } from '../core/context'

async function requireEpisodeAccess(ctx: CallContext, id: string) {
  const episode = await ctx.core.db.manager.findOneBy(EpisodeEntity, { id })
  if (!episode) throw notFound('episode')
  await requireFamilyAccess(ctx, episode.familyId)
}

/** A trusted caller (the CLI, tests) leads nothing. */
const NO_ONE = '00000000-0000-0000-0000-000000000000'

export const earlyHelpHandlers = defineHandlers({
  'episodes.leads': (_input, ctx) => leadChoices(ctx),
  'episodes.open': async (input, ctx) => {
    await requireFamilyAccess(ctx, input.familyId)
    return openEpisode(input, ctx)
  },
  'episodes.get': async ({ id }, ctx) => {
    const episode = await getEpisode(id, ctx)
    if (!episode) throw notFound('episode')
    await requireFamilyAccess(ctx, episode.familyId)
    await ctx.core.writes.run((manager) =>
      writeAudit(manager, { at: ctx.now, actor: ctx.actor.name, action: 'view', recordType: 'episode', recordId: episode.id, familyId: episode.familyId })
    )
    return episode
  },
  'episodes.mine': (_input, ctx) => caseload(ctx, ctx.actor.userId ?? NO_ONE),
  'episodes.allOpen': (_input, ctx) => caseload(ctx, null),
  'episodes.reallocate': reallocate,
  'episodes.close': async (input, ctx) => {
    await requireEpisodeAccess(ctx, input.id)
    return closeEpisode(input, ctx)
  },
  'episodes.approveClosure': approveClosure,
  'episodes.reopen': reopenEpisode,
  'notes.add': async (input, ctx) => {
    await requireFamilyAccess(ctx, input.familyId)
    return addNote(input, ctx)
  },
  'chronology.get': async (input, ctx) => {
    await requireFamilyAccess(ctx, input.familyId)
    return chronology(input, ctx)
  }
})
