// Team Around the Family reviews: who came, a 0–10 score per outcome, where each action has got to,
// and when to meet next. A review changes the plan's actions, so it is refused if the plan changed
// since the form was opened; the plan with its actions moved on is a version of the plan, kept.
import { randomUUID } from 'node:crypto'
import { In, type EntityManager } from 'typeorm'
import type { z } from 'zod'
import type { addReviewInput, ReviewRecord } from '../../shared/earlyHelp/plan'
import type { CallContext } from '../core/context'
import { AppError, conflict } from '../core/errors'
import { writeAudit } from '../audit/audit'
import { discardDraft } from '../drafts/service'
import { openEpisodeForWork, unknownParticipants } from './episodeWork'
import { FamilyPlanEntity, onTheTeam, ReviewAttendeeEntity, ReviewEntity, ReviewTeamAttendeeEntity, TafMemberEntity, type ReviewRow } from './planEntities'
import { refreshSchedule, savePlanDocument } from './plan'
import { readPlan } from './documents'
import { readStored } from '../core/storedJson'
import { storedScores } from '../../shared/earlyHelp/stored'
import { PersonEntity } from '../families/entities'
import { displayName } from '../families/records'
import { staffNames } from '../accounts/staffNames'

/**
 * Who attended each of the episode's reviews, as participant keys ('person:<id>', 'taf:<id>'):
 * the family's members first, then the team, each by name, as the review form lists them.
 */
async function attendeesOf(db: EntityManager, episodeId: string): Promise<Map<string, string[]>> {
  // Through the episode's reviews: each attendee table is keyed by review first.
  const people = await db
    .createQueryBuilder(ReviewAttendeeEntity, 'a')
    .innerJoin(ReviewEntity.options.name, 'r', 'r.id = a.reviewId')
    .where('r.episodeId = :episodeId', { episodeId })
    .getMany()
  const team = await db
    .createQueryBuilder(ReviewTeamAttendeeEntity, 'a')
    .innerJoin(ReviewEntity.options.name, 'r', 'r.id = a.reviewId')
    .where('r.episodeId = :episodeId', { episodeId })
    .getMany()
  const personIds = [...new Set(people.map((a) => a.personId))]
  const persons = personIds.length
    ? await db.find(PersonEntity, { where: { id: In(personIds) }, select: { id: true, givenName: true, familyName: true, kind: true } })
    : []
  const personNames = new Map(persons.map((p) => [p.id, displayName(p)]))
  const teamNames = new Map(
    (await db.find(TafMemberEntity, { where: { episodeId, ...onTheTeam() }, select: { id: true, name: true } })).map((m) => [m.id, m.name])
  )
  const listed = new Map<string, { team: boolean; name: string; key: string }[]>()
  const add = (reviewId: string, entry: { team: boolean; name: string; key: string }) => listed.set(reviewId, [...(listed.get(reviewId) ?? []), entry])
  for (const a of people) add(a.reviewId, { team: false, name: personNames.get(a.personId) ?? '', key: `person:${a.personId}` })
  for (const a of team) add(a.reviewId, { team: true, name: teamNames.get(a.tafMemberId) ?? '', key: `taf:${a.tafMemberId}` })
  const order = (a: { team: boolean; name: string; key: string }, b: { team: boolean; name: string; key: string }) =>
    Number(a.team) - Number(b.team) || a.name.localeCompare(b.name) || a.key.localeCompare(b.key)
  return new Map([...listed].map(([reviewId, list]) => [reviewId, list.sort(order).map((e) => e.key)]))
}

export async function reviewsOf(db: EntityManager, episodeId: string): Promise<ReviewRecord[]> {
  const rows = await db.find(ReviewEntity, { where: { episodeId }, order: { heldOn: 'ASC', createdAt: 'ASC' } })
  const attendees = rows.length ? await attendeesOf(db, episodeId) : new Map<string, string[]>()
  const name = await staffNames(
    db,
    rows.map((r) => r.recordedByUserId)
  )
  return rows.map((r) => ({
    id: r.id,
    heldOn: r.heldOn,
    attendees: attendees.get(r.id) ?? [],
    otherAttendees: r.otherAttendees,
    scores: readStored(storedScores, r.scores, 'review', r.id),
    nextReviewOn: r.nextReviewOn,
    recordedBy: name(r.recordedByUserId)
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
      otherAttendees: input.otherAttendees,
      scores: JSON.stringify(outcomes.map((o) => ({ outcomeId: o.id, score: scored.get(o.id)!.score, comment: scored.get(o.id)!.comment }))),
      nextReviewOn: input.nextReviewOn,
      recordedByUserId: ctx.actor.userId,
      createdAt: ctx.now,
      version: 1
    }
    await manager.insert(ReviewEntity, row)
    const came = (prefix: string) => [...new Set(input.attendees.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)))]
    const people = came('person:')
    const team = came('taf:')
    if (people.length)
      await manager.insert(
        ReviewAttendeeEntity,
        people.map((personId) => ({ reviewId: row.id, personId }))
      )
    if (team.length)
      await manager.insert(
        ReviewTeamAttendeeEntity,
        team.map((tafMemberId) => ({ reviewId: row.id, tafMemberId }))
      )
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
        document: { agreedOn: plan.agreedOn, outcomes: updated },
        occasion: 'review'
      })
    await refreshSchedule(manager, episode, updated, plan.agreedOn)
    if (input.draftKey) await discardDraft(manager, ctx.actor.name, input.draftKey)
    return { id: row.id, version: 1 }
  })
}
