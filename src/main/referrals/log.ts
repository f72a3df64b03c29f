// Logging a request for help: reception (or a practitioner) records it as it came, for a family
// already on record or registered there and then, with the children it is about.
import { randomUUID } from 'node:crypto'
import { In } from 'typeorm'
import type { z } from 'zod'
import type { logRequestInput } from '../../shared/referrals/requests'
import type { CallContext } from '../core/context'
import { AppError } from '../core/errors'
import { writeAudit } from '../audit/audit'
import { PersonEntity } from '../families/entities'
import { OrganisationEntity } from '../directory/entities'
import { RequestChildEntity, RequestEntity, type RequestRow } from './entities'

const PROBLEM = 'There is a problem'

export async function logRequest(input: z.output<typeof logRequestInput>, ctx: CallContext) {
  // The date and time as the hub's clock on the wall said them, kept as the instant they were.
  const receivedAt = new Date(`${input.receivedOn}T${input.receivedTime}:00`).toISOString()
  if (receivedAt > ctx.now) throw new AppError('VALIDATION', PROBLEM, { receivedTime: 'The time of the request must be now or earlier' })
  const childIds = [...new Set(input.childIds)]
  return ctx.core.writes.run(async (manager) => {
    const people = await manager.findBy(PersonEntity, { id: In(childIds) })
    const children = people.filter((p) => p.familyId === input.familyId && p.kind !== 'adult')
    if (children.length !== childIds.length) throw new AppError('VALIDATION', PROBLEM, { childIds: 'Select children who are in this family now' })
    if (input.organisationId && !(await manager.findOneBy(OrganisationEntity, { id: input.organisationId }))) {
      throw new AppError('VALIDATION', PROBLEM, { organisationId: 'That agency is no longer in the directory. Choose it again, or type its name.' })
    }
    const row: RequestRow = {
      id: randomUUID(),
      familyId: input.familyId,
      receivedAt,
      channel: input.channel,
      referrerName: input.referrerName,
      referrerRole: input.referrerRole,
      organisationId: input.organisationId,
      agency: input.agency,
      referrerPhone: input.referrerPhone,
      referrerEmail: input.referrerEmail,
      source: input.source,
      socialCareReference: input.socialCareReference,
      reason: input.reason,
      awareness: input.awareness,
      urgency: input.urgency,
      status: 'waiting',
      decision: null,
      decidedAt: null,
      decidedByUserId: null,
      declineReason: null,
      serviceId: null,
      familyTold: null,
      episodeId: null,
      fedBackOn: null,
      feedbackMethod: null,
      feedbackByUserId: null,
      feedbackNote: null,
      loggedByUserId: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      version: 1
    }
    await manager.insert(RequestEntity, row)
    await manager.insert(
      RequestChildEntity,
      childIds.map((personId) => ({ requestId: row.id, personId }))
    )
    await writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'create',
      recordType: 'request-for-help',
      recordId: row.id,
      familyId: row.familyId,
      changes: { receivedAt, channel: row.channel, source: row.source, urgency: row.urgency, awareness: row.awareness, children: childIds }
    })
    return { id: row.id, version: 1 }
  })
}
