// The episode's assessment: one per episode, saved part-done as often as needed and completed once
// everything is in. Completing it records who completed it, puts it on the chronology and keeps it
// as a version; so is every change saved after that.
import type { EntityManager } from 'typeorm'
import type { z } from 'zod'
import type { AssessmentRecord, saveAssessmentInput } from '../../shared/earlyHelp/assessment'
import type { CallContext } from '../core/context'
import { AppError } from '../core/errors'
import { discardDraft } from '../drafts/service'
import { notInFamily, openEpisodeForWork, saveEpisodeDocument } from './episodeWork'
import { AssessmentEntity } from './planEntities'
import { assessmentColumns, hasKeptVersions, readAssessment } from './documents'
import { assessmentChanges, namesFor } from './documentChanges'
import { staffNames } from '../accounts/staffNames'

export async function assessmentOf(db: EntityManager, episodeId: string): Promise<AssessmentRecord | null> {
  const row = await db.findOneBy(AssessmentEntity, { episodeId })
  if (!row) return null
  const name = await staffNames(db, [row.completedByUserId, row.updatedByUserId])
  return {
    id: row.id,
    ...readAssessment(row, name(row.completedByUserId)),
    updatedBy: name(row.updatedByUserId),
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
    // Who completed it is whoever first saved it complete; a later edit does not take that over.
    const existing = await manager.findOne(AssessmentEntity, {
      where: { episodeId: episode.id },
      select: { id: true, completedOn: true, completedByUserId: true }
    })
    const completedByUserId = input.completedOn ? (existing?.completedOn ? existing.completedByUserId : ctx.actor.userId) : null
    const name = await staffNames(manager, [existing?.completedByUserId ?? null, completedByUserId])
    const saved = await saveEpisodeDocument(manager, ctx, {
      kind: 'assessment',
      entity: AssessmentEntity,
      episode,
      version: input.version,
      document: {
        startedOn: input.startedOn,
        completedOn: input.completedOn,
        // A kept version names them as they were called then.
        completedBy: input.completedOn ? name(completedByUserId) : null,
        subjects: input.subjects,
        familyVoice: input.familyVoice,
        identified: input.identified,
        evidence: Object.fromEntries(input.identified.map((c) => [c, input.evidence[c] ?? null]))
      },
      read: (row) => readAssessment(row, name(row.completedByUserId)),
      columns: (document) => ({ ...assessmentColumns(document), completedByUserId }),
      changes: async (before, after) => assessmentChanges(before, after, await namesFor(manager, episode.id, [before, after])),
      // Kept from its completion on: the completed assessment, and every change saved after it.
      occasion: async (before, after, existing) =>
        after.completedOn ? (before?.completedOn ? 'changed' : 'completed') : existing && (await hasKeptVersions(manager, existing.id)) ? 'changed' : null
    })
    if (input.draftKey) await discardDraft(manager, ctx.actor.name, input.draftKey)
    return saved
  })
}
