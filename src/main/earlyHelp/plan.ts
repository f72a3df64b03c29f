// The family plan: one per episode, written and then changed as the work goes on. Every save says
// which version it was based on, so two people editing the plan never overwrite each other.
import type { EntityManager } from 'typeorm'
import type { z } from 'zod'
import { isUnfinished, nextReviewAfter, type PlanOutcome, type PlanRecord, type savePlanInput } from '../../shared/earlyHelp/plan'
import type { PlanDocument } from '../../shared/earlyHelp/history'
import type { CallContext } from '../core/context'
import { AppError } from '../core/errors'
import { discardDraft } from '../drafts/service'
import { HubEntity } from '../hub/entities'
import { EpisodeEntity, type EpisodeRow } from './entities'
import { notInFamily, openEpisodeForWork, saveEpisodeDocument, unknownParticipants } from './episodeWork'
import { FamilyPlanEntity, ReviewEntity } from './planEntities'
import { planColumns, readPlan } from './documents'
import { namesFor, planChanges } from './documentChanges'
import { staffNames } from '../accounts/staffNames'
import { updateLater } from '../core/postgresHeldWrites'

export async function planOf(db: EntityManager, episodeId: string): Promise<PlanRecord | null> {
  const row = await db.findOneBy(FamilyPlanEntity, { episodeId })
  if (!row) return null
  const name = await staffNames(db, [row.updatedByUserId])
  return { id: row.id, ...readPlan(row), updatedBy: name(row.updatedByUserId), updatedAt: row.updatedAt, version: row.version }
}

/**
 * Saves the plan as agreed, or as a review moved its actions on. Every save is a version of the plan
 * and is kept: the plan's version number goes up with each, and every number it has had can be read.
 */
export function savePlanDocument(
  manager: EntityManager,
  ctx: CallContext,
  save: { episode: EpisodeRow; version: number | null; document: PlanDocument; occasion: 'saved' | 'review' }
) {
  return saveEpisodeDocument(manager, ctx, {
    kind: 'family-plan',
    entity: FamilyPlanEntity,
    episode: save.episode,
    version: save.version,
    document: save.document,
    read: readPlan,
    columns: planColumns,
    created: { agreedByUserId: ctx.actor.userId },
    changes: async (before, after) => planChanges(before, after, await namesFor(manager, save.episode.id, [before, after])),
    occasion: async () => save.occasion
  })
}

/**
 * Keeps what the caseload lists read on the episode: the next review (the latest review's next
 * date, or the hub's interval after the plan was agreed) and the due dates of unfinished actions.
 */
export async function refreshSchedule(manager: EntityManager, episode: EpisodeRow, outcomes: PlanOutcome[], agreedOn: string): Promise<void> {
  const latest = await manager.findOne(ReviewEntity, { where: { episodeId: episode.id }, order: { heldOn: 'DESC', createdAt: 'DESC' } })
  const hub = await manager.findOneByOrFail(HubEntity, { id: 1 })
  const nextReviewOn = latest ? latest.nextReviewOn : nextReviewAfter(agreedOn, hub.reviewWeeks)
  const dues = outcomes.flatMap((o) => o.actions.filter((a) => isUnfinished(a.status)).map((a) => a.due)).sort()
  await updateLater(manager, EpisodeEntity, { id: episode.id }, { nextReviewOn, openActionDues: dues.join(' ') })
}

/** Everything the plan names must be someone in this episode's team or family, named once. */
export async function checkPlanPeople(manager: EntityManager, episode: EpisodeRow, outcomes: PlanOutcome[]): Promise<void> {
  const fields: Record<string, string> = {}
  const strangers = await notInFamily(
    manager,
    episode.familyId,
    outcomes.flatMap((o) => o.peopleIds)
  )
  const unknown = await unknownParticipants(
    manager,
    episode,
    outcomes.flatMap((o) => o.actions.map((a) => a.owner as string))
  )
  outcomes.forEach((o, i) => {
    if (o.peopleIds.some((p) => strangers.has(p))) fields[`outcomes.${i}.peopleIds`] = 'Choose people who are in the family now'
    o.actions.forEach((a, j) => {
      if (unknown.has(a.owner as string)) fields[`outcomes.${i}.actions.${j}.owner`] = 'Choose someone in the family or the Team Around the Family'
    })
  })
  const ids = outcomes.flatMap((o) => [o.id, ...o.actions.map((a) => a.id)])
  if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION', 'Two outcomes or actions have the same identity. Reload the page and try again.')
  if (Object.keys(fields).length) throw new AppError('VALIDATION', 'There is a problem', fields)
}

export async function savePlan(input: z.output<typeof savePlanInput>, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    const episode = await openEpisodeForWork(manager, input.episodeId)
    if (input.agreedOn < episode.openedOn)
      throw new AppError('VALIDATION', 'There is a problem', { agreedOn: 'The plan cannot be agreed before the episode opened' })
    await checkPlanPeople(manager, episode, input.outcomes)
    const saved = await savePlanDocument(manager, ctx, {
      episode,
      version: input.version,
      document: { agreedOn: input.agreedOn, outcomes: input.outcomes },
      occasion: 'saved'
    })
    await refreshSchedule(manager, episode, input.outcomes, input.agreedOn)
    if (input.draftKey) await discardDraft(manager, ctx.actor.name, input.draftKey)
    return saved
  })
}
