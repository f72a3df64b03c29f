// Team Around the Family members: added, changed and removed while the episode is open. A member
// taken off the team keeps their row, marked deleted (the authority may already hold it), and every
// read leaves them out; adding them again is a new member.
import { randomUUID } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import type { z } from 'zod'
import type { TeamMember, saveTeamMemberInput } from '../../shared/earlyHelp/team'
import type { CallContext } from '../core/context'
import { AppError, conflict, notFound } from '../core/errors'
import { updateVersioned } from '../core/versioned'
import { changedFields, writeAudit } from '../audit/audit'
import { openEpisodeForWork } from './episodeWork'
import { FamilyPlanEntity, onTheTeam, ReviewEntity, ReviewTeamAttendeeEntity, TafMemberEntity, type TafMemberRow } from './planEntities'
import { readPlan } from './documents'

export async function teamOf(db: EntityManager, episodeId: string): Promise<TeamMember[]> {
  const rows = await db.find(TafMemberEntity, { where: { episodeId, ...onTheTeam() }, order: { name: 'ASC' } })
  return rows.map(({ id, name, agency, role, phone, email, version }) => ({ id, name, agency, role, phone, email, version }))
}

export async function saveTeamMember(input: z.output<typeof saveTeamMemberInput>, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    const episode = await openEpisodeForWork(manager, input.episodeId)
    const values = { name: input.name, agency: input.agency, role: input.role, phone: input.phone, email: input.email }
    if (!input.id) {
      const row: TafMemberRow = {
        id: randomUUID(),
        episodeId: episode.id,
        ...values,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        version: 1,
        deletedAt: null,
        deletedByUserId: null
      }
      await manager.insert(TafMemberEntity, row)
      await writeAudit(manager, {
        at: ctx.now,
        actor: ctx.actor.name,
        action: 'create',
        recordType: 'taf-member',
        recordId: row.id,
        familyId: episode.familyId,
        changes: values
      })
      return { id: row.id, version: 1 }
    }
    const before = await manager.findOneBy(TafMemberEntity, { id: input.id, episodeId: episode.id, ...onTheTeam() })
    if (!before) throw notFound('team member')
    if (input.version === null) throw conflict('team member')
    const version = await updateVersioned(manager, TafMemberEntity, input.id, input.version, { ...values, updatedAt: ctx.now }, 'team member')
    await writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'update',
      recordType: 'taf-member',
      recordId: input.id,
      familyId: episode.familyId,
      changes: changedFields(before, values)
    })
    return { id: input.id, version }
  })
}

/** A member who owns an action or attended a review stays: the plan and reviews name them. */
export async function removeTeamMember(input: { id: string; version: number }, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    const member = await manager.findOneBy(TafMemberEntity, { id: input.id, ...onTheTeam() })
    if (!member) throw notFound('team member')
    const episode = await openEpisodeForWork(manager, member.episodeId)
    if (member.version !== input.version) throw conflict('team member')
    const key = `taf:${member.id}`
    const plan = await manager.findOneBy(FamilyPlanEntity, { episodeId: episode.id })
    const ownsAnAction = plan ? readPlan(plan).outcomes.some((o) => o.actions.some((a) => a.owner === key)) : false
    // Through the episode's reviews: review_team_attendee is keyed by review first.
    const attended = await manager
      .createQueryBuilder(ReviewTeamAttendeeEntity, 'a')
      .innerJoin(ReviewEntity.options.name, 'r', 'r.id = a.reviewId')
      .where('r.episodeId = :episodeId AND a.tafMemberId = :memberId', { episodeId: episode.id, memberId: member.id })
      .getExists()
    if (ownsAnAction || attended) {
      throw new AppError(
        'CONFLICT',
        `${member.name} is named in the family plan or a review, so they stay on the team. Give their actions to someone else first.`
      )
    }
    const version = await updateVersioned(
      manager,
      TafMemberEntity,
      member.id,
      input.version,
      { deletedAt: ctx.now, deletedByUserId: ctx.actor.userId, updatedAt: ctx.now },
      'team member'
    )
    await writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'delete',
      recordType: 'taf-member',
      recordId: member.id,
      familyId: episode.familyId,
      changes: { name: member.name, agency: member.agency, role: member.role }
    })
    return { id: member.id, version }
  })
}
