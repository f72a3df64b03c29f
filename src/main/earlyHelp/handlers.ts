import { defineHandlers } from '../core/router'
import { notFound } from '../core/errors'
import type { CallContext } from '../core/context'
import { auditView } from '../audit/audit'
import { familyOfEpisode, restrictedViewer, withFamilyAccess } from '../families/access'
import { getEpisode, leadChoices, openEpisode } from './episodes'
import { addNote } from './notes'
import { chronology } from './chronology'
import { caseload, reallocate } from './caseload'
import { approveClosure, closeEpisode, reopenEpisode } from './closure'
import { closuresAwaiting } from './closuresAwaiting'
import { onTheTeam, TafMemberEntity } from './planEntities'
import { removeTeamMember, saveTeamMember } from './team'
import { saveAssessment } from './assessment'
import { savePlan } from './plan'
import { addReview } from './reviews'
import { savePlanPdf } from './planPdf'
import { getVersion, listVersions } from './history'

async function familyOfTeamMember(ctx: CallContext, id: string): Promise<string> {
  const member = await ctx.core.db.manager.findOne(TafMemberEntity, { where: { id, ...onTheTeam() }, select: { id: true, episodeId: true } })
  if (!member) throw notFound('team member')
  return familyOfEpisode(ctx, member.episodeId)
}

const ofEpisode = (i: { episodeId: string }, ctx: CallContext) => familyOfEpisode(ctx, i.episodeId)

/** A trusted caller (the CLI, tests) leads nothing. */
const NO_ONE = '00000000-0000-0000-0000-000000000000'

export const earlyHelpHandlers = defineHandlers({
  'episodes.leads': (_input, ctx) => leadChoices(ctx),
  'episodes.open': withFamilyAccess((i) => i.familyId, openEpisode),
  'episodes.get': withFamilyAccess(
    (i, ctx) => familyOfEpisode(ctx, i.id),
    async ({ id }, ctx) => {
      const episode = await getEpisode(id, ctx)
      if (!episode) throw notFound('episode')
      await auditView(ctx, 'episode', episode.id, episode.familyId)
      return episode
    }
  ),
  'team.save': withFamilyAccess(ofEpisode, saveTeamMember),
  'team.remove': withFamilyAccess((i, ctx) => familyOfTeamMember(ctx, i.id), removeTeamMember),
  'assessment.save': withFamilyAccess(ofEpisode, saveAssessment),
  'plan.save': withFamilyAccess(ofEpisode, savePlan),
  'reviews.add': withFamilyAccess(ofEpisode, addReview),
  'plan.savePdf': withFamilyAccess(ofEpisode, savePlanPdf),
  'versions.list': withFamilyAccess(ofEpisode, listVersions),
  'versions.get': withFamilyAccess(ofEpisode, getVersion),
  'episodes.mine': (_input, ctx) => caseload(ctx, { leadUserId: ctx.actor.userId ?? NO_ONE, overdueOnly: false, page: null, viewer: restrictedViewer(ctx) }),
  'episodes.allOpen': (input, ctx) => caseload(ctx, { ...input, viewer: restrictedViewer(ctx) }),
  'episodes.reallocate': reallocate,
  'episodes.close': withFamilyAccess((i, ctx) => familyOfEpisode(ctx, i.id), closeEpisode),
  'episodes.approveClosure': approveClosure,
  'episodes.closuresAwaiting': (input, ctx) => closuresAwaiting(ctx, { ...input, viewer: restrictedViewer(ctx) }),
  'episodes.reopen': reopenEpisode,
  'notes.add': withFamilyAccess((i) => i.familyId, addNote),
  'chronology.get': withFamilyAccess((i) => i.familyId, chronology)
})
