// The episode's assessment: one per episode, saved part-done as often as needed and completed once
// everything is in. Completing it records who completed it and puts it on the chronology.
import { randomUUID } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import type { z } from 'zod'
import type { AssessmentRecord, saveAssessmentInput } from '../../shared/earlyHelp/assessment'
import type { CallContext } from '../core/context'
import { AppError, conflict } from '../core/errors'
import { updateVersioned } from '../core/versioned'
import { writeAudit } from '../audit/audit'
import { discardDraft } from '../drafts/service'
import { notInFamily, openEpisodeForWork } from './episodeWork'
import { AssessmentEntity, type AssessmentRow } from './planEntities'

type Content = Pick<AssessmentRecord, 'subjects' | 'familyVoice' | 'identified' | 'evidence'>

export async function assessmentOf(db: EntityManager, episodeId: string): Promise<AssessmentRecord | null> {
  const row = await db.findOneBy(AssessmentEntity, { episodeId })
  if (!row) return null
  const content = JSON.parse(row.content) as Content
  return {
    id: row.id, startedOn: row.startedOn, completedOn: row.completedOn, completedBy: row.completedBy, ...content,
    updatedBy: row.updatedBy, updatedAt: row.updatedAt, version: row.version
  }
}

export async function saveAssessment(input: z.output<typeof saveAssessmentInput>, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    const episode = await openEpisodeForWork(manager, input.episodeId)
    const people = input.subjects.flatMap((s) => (s.personId ? [s.personId] : []))
    const strangers = await notInFamily(manager, episode.familyId, people)
    if (strangers.size) throw new AppError('VALIDATION', 'The assessment names someone who is no longer in the family. Reload the page to see the family as it is now.')
    const content: Content = { subjects: input.subjects, familyVoice: input.familyVoice, identified: input.identified, evidence: Object.fromEntries(input.identified.map((c) => [c, input.evidence[c] ?? null])) }
    const existing = await manager.findOneBy(AssessmentEntity, { episodeId: episode.id })
    const completedBy = input.completedOn ? (existing?.completedOn ? existing.completedBy : ctx.actor.name) : null
    const values = { startedOn: input.startedOn, completedOn: input.completedOn, completedBy, content: JSON.stringify(content), updatedBy: ctx.actor.name, updatedAt: ctx.now }
    const summary = { startedOn: input.startedOn, completedOn: input.completedOn, subjects: input.subjects.length, identified: input.identified }
    let id: string
    let version: number
    if (!existing) {
      if (input.version !== null) throw conflict('assessment')
      const row: AssessmentRow = { id: randomUUID(), episodeId: episode.id, familyId: episode.familyId, ...values, createdAt: ctx.now, version: 1 }
      await manager.insert(AssessmentEntity, row)
      ;[id, version] = [row.id, 1]
      await writeAudit(manager, { at: ctx.now, actor: ctx.actor.name, action: 'create', recordType: 'assessment', recordId: id, familyId: episode.familyId, changes: summary })
    } else {
      // Someone started the assessment while this form was open on a blank one: theirs is not overwritten.
      if (input.version === null) throw conflict('assessment')
      version = await updateVersioned(manager, AssessmentEntity, existing.id, input.version, values, 'assessment')
      id = existing.id
      await writeAudit(manager, { at: ctx.now, actor: ctx.actor.name, action: 'update', recordType: 'assessment', recordId: id, familyId: episode.familyId, changes: summary })
    }
    if (input.draftKey) await discardDraft(manager, ctx.actor.name, input.draftKey)
    return { id, version }
  })
}
