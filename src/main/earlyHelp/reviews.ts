// Team Around the Family reviews: who came, a 0–10 score per outcome, where each action has got to,
// and when to meet next. A review changes the plan's actions, so it is refused if the plan changed
// since the form was opened; the plan with its actions moved on is a version of the plan, kept.
import { randomUUID } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import type { z } from 'zod'
import type { addReviewInput, ReviewRecord } from '../../shared/earlyHelp/plan'
import type { CallContext } from '../core/context'
import { AppError, conflict } from '../core/errors'
import { writeAudit } from '../audit/audit'
import { discardDraft } from '../drafts/service'
import { openEpisodeForWork, unknownParticipants } from './episodeWork'
import { FamilyPlanEntity, ReviewEntity, type ReviewRow } from './planEntities'
import { refreshSchedule, savePlanDocument } from './plan'
import { readPlan } from './documents'
import { readStored } from '../core/storedJson'
import { storedAttendees, storedScores } from '../../shared/earlyHelp/stored'

export async function reviewsOf(db: EntityManager, episodeId: string): Promise<ReviewRecord[]> {
  const rows = await db.find(ReviewEntity, { where: { episodeId }, order: { heldOn: 'ASC', createdAt: 'ASC' } })
  return rows.map((r) => ({
    id: r.id,
    heldOn: r.heldOn,
    attendees: readStored(storedAttendees, r.attendees, 'review', r.id),
    otherAttendees: r.otherAttendees,
    scores: readStored(storedScores, r.scores, 'review', r.id),
    nextReviewOn: r.nextReviewOn,
    recordedBy: r.recordedBy
  }))
}

export async function addReview(input: z.output<typeof addReviewInput>, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    const episode = await openEpisodeForWork(manager, input.episodeId)
    const plan = await manager.findOneBy(FamilyPlanEntity, { episodeId: episode.id })
    if (!plan) throw new AppError('CONFLICT', 'A review follows the family plan: agree the plan first.')
    if (input.heldOn < plan.agreedOn) throw new AppError('VALIDATION', 'There is a problem', { heldOn: 'The review cannot be before the plan was agreed' })
    const { outcomes } = readPlan(plan)
    const fields: Record<string, string> = {}
    const scored = new Map(input.scores.map((s) => [s.outcomeId, s]))
    outcomes.forEach((o, i) => {
      if (!scored.has(o.id)) fields[`scores.${i}.score`] = 'Select a score from 0 to 10'
    })
    const unknown = await unknownParticipants(manager, episode, input.attendees)
    if (unknown.size) fields.attendees = 'Choose people in the family or the Team Around the Family'
    if (Object.keys(fields).length) throw new AppError('VALIDATION', 'There is a problem', fields)
    if (plan.version !== input.planVersion) throw conflict('family plan')

    const row: ReviewRow = {
      id: randomUUID(),
      episodeId: episode.id,
      familyId: episode.familyId,
      heldOn: input.heldOn,
      attendees: JSON.stringify(input.attendees),
      otherAttendees: input.otherAttendees,
      scores: JSON.stringify(outcomes.map((o) => ({ outcomeId: o.id, score: scored.get(o.id)!.score, comment: scored.get(o.id)!.comment }))),
      nextReviewOn: input.nextReviewOn,
      recordedBy: ctx.actor.name,
      createdAt: ctx.now,
      version: 1
    }
    await manager.insert(ReviewEntity, row)
    await writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'create',
      recordType: 'review',
      recordId: row.id,
      familyId: episode.familyId,
      changes: { heldOn: row.heldOn, scores: Object.fromEntries(input.scores.map((s) => [s.outcomeId, s.score])), nextReviewOn: row.nextReviewOn }
    })

    // The actions' new statuses change the plan: that is a version of the plan like any other save,
    // checked against the version the form read, on the trail and kept.
    const statuses = new Map(input.actions.map((a) => [a.id, a.status]))
    let movedOn = false
    const updated = outcomes.map((o) => ({
      ...o,
      actions: o.actions.map((a) => {
        const status = statuses.get(a.id)
        if (!status || status === a.status) return a
        movedOn = true
        return { ...a, status }
      })
    }))
    if (movedOn)
      await savePlanDocument(manager, ctx, {
        episode,
        version: input.planVersion,
        document: () => ({ agreedOn: plan.agreedOn, outcomes: updated }),
        occasion: 'review'
      })
    await refreshSchedule(manager, episode, updated, plan.agreedOn)
    if (input.draftKey) await discardDraft(manager, ctx.actor.name, input.draftKey)
    return { id: row.id, version: 1 }
  })
}
