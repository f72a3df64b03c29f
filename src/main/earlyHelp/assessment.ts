// The episode's assessment: one per episode, saved part-done as often as needed and completed once
// everything is in. Completing it records who completed it and puts it on the chronology.
import type { EntityManager } from 'typeorm'
import type { z } from 'zod'
import type { AssessmentRecord, saveAssessmentInput } from '../../shared/earlyHelp/assessment'
import type { CallContext } from '../core/context'
import { AppError } from '../core/errors'
import { discardDraft } from '../drafts/service'
import { notInFamily, openEpisodeForWork, saveEpisodeDocument } from './episodeWork'
import { AssessmentEntity } from './planEntities'

type Content = Pick<AssessmentRecord, 'subjects' | 'familyVoice' | 'identified' | 'evidence'>

export async function assessmentOf(db: EntityManager, episodeId: string): Promise<AssessmentRecord | null> {
  const row = await db.findOneBy(AssessmentEntity, { episodeId })
  if (!row) return null
  const content = JSON.parse(row.content) as Content
  return {
    id: row.id,
    startedOn: row.startedOn,
    completedOn: row.completedOn,
    completedBy: row.completedBy,
    ...content,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt,
    version: row.version
  }
}

export async function saveAssessment(input: z.output<typeof saveAssessmentInput>, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    const episode = await openEpisodeForWork(manager, input.episodeId)
    const people = input.subjects.flatMap((s) => (s.personId ? [s.personId] : []))
    const strangers = await notInFamily(manager, episode.familyId, people)
    if (strangers.size)
      throw new AppError('VALIDATION', 'The assessment names someone who is no longer in the family. Reload the page to see the family as it is now.')
    const content: Content = {
      subjects: input.subjects,
      familyVoice: input.familyVoice,
      identified: input.identified,
      evidence: Object.fromEntries(input.identified.map((c) => [c, input.evidence[c] ?? null]))
    }
    const saved = await saveEpisodeDocument(manager, ctx, {
      entity: AssessmentEntity,
      recordType: 'assessment',
      what: 'assessment',
      episode,
      version: input.version,
      values: (existing) => ({
        startedOn: input.startedOn,
        completedOn: input.completedOn,
        content: JSON.stringify(content),
        updatedBy: ctx.actor.name,
        updatedAt: ctx.now,
        // Who completed it is whoever first saved it complete; a later edit does not take that over.
        completedBy: input.completedOn ? (existing?.completedOn ? existing.completedBy : ctx.actor.name) : null
      }),
      summary: { startedOn: input.startedOn, completedOn: input.completedOn, subjects: input.subjects.length, identified: input.identified }
    })
    if (input.draftKey) await discardDraft(manager, ctx.actor.name, input.draftKey)
    return saved
  })
}
