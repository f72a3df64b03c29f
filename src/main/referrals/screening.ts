// Screening a request for help: accept (opening an early-help episode, in the same transaction as
// the decision), signpost to an active service of the directory, decline, or escalate to children's
// social care (making the step-up, in the same transaction). A decision is final; a colleague's
// decision in between is refused, never overwritten.
import type { EntityManager } from 'typeorm'
import type { z } from 'zod'
import { formatDate } from '../../shared/dates'
import type { openEpisodeInput } from '../../shared/earlyHelp/schemas'
import { SCREENING_DECISION, SERVICE_STATUS } from '../../shared/referrals/codes'
import type { ScreenRequestInput } from '../../shared/referrals/requests'
import type { StepUpDetails } from '../../shared/referrals/stepUp'
import type { CallContext } from '../core/context'
import { AppError, conflict, notFound } from '../core/errors'
import { updateVersioned } from '../core/versioned'
import { writeAudit } from '../audit/audit'
import { openEpisodeIn, openEpisodeOf } from '../earlyHelp/episodes'
import { ServiceEntity } from '../directory/entities'
import { RequestChildEntity, RequestEntity, type RequestRow } from './entities'
import { createStepUp } from './stepUp'
import { localDay } from './timing'

const PROBLEM = 'There is a problem'
const WHAT = 'request for help'

/** A request that may still be decided, read inside the deciding transaction. */
export async function waitingRequest(manager: EntityManager, id: string, version: number): Promise<RequestRow> {
  const row = await manager.findOneBy(RequestEntity, { id })
  if (!row) throw notFound(WHAT)
  if (row.status !== 'waiting') {
    const decided = `${SCREENING_DECISION.label(row.decision).toLowerCase()}, on ${formatDate(localDay(row.decidedAt ?? row.updatedAt))}`
    throw new AppError('CONFLICT', `This request has been decided already (${decided}). A decision is final: it cannot be decided again.`)
  }
  if (row.version !== version) throw conflict(WHAT)
  return row
}

export async function screenRequest(input: ScreenRequestInput, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    const row = await waitingRequest(manager, input.id, input.version)
    let details: Partial<RequestRow>
    if (input.decision === 'ACCEPT') details = { episodeId: await accept(manager, ctx, row, input.accept!) }
    else if (input.decision === 'SIGNPOST') details = await signpost(manager, input.signpost!)
    else if (input.decision === 'DECLINE') details = { declineReason: input.decline!.reason }
    else details = {}
    const version = await updateVersioned(
      manager,
      RequestEntity,
      row.id,
      row.version,
      { ...details, status: 'decided', decision: input.decision, decidedAt: ctx.now, decidedByUserId: ctx.actor.userId, updatedAt: ctx.now },
      WHAT
    )
    await writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'update',
      recordType: 'request-for-help',
      recordId: row.id,
      familyId: row.familyId,
      changes: { decision: input.decision, episodeId: details.episodeId ?? null, serviceId: details.serviceId ?? null }
    })
    const stepUpId = input.decision === 'ESCALATE' ? await escalate(manager, ctx, row, input.escalate!) : null
    return { id: row.id, version, episodeId: details.episodeId ?? null, stepUpId }
  })
}

/** Opens the episode the request is accepted into: the open-episode flow, consent step and all. */
async function accept(manager: EntityManager, ctx: CallContext, row: RequestRow, episode: z.output<typeof openEpisodeInput>): Promise<string> {
  if (episode.familyId !== row.familyId)
    throw new AppError('VALIDATION', PROBLEM, { 'accept.familyId': 'The episode must be for the family the request is about' })
  const received = localDay(row.receivedAt)
  if (episode.openedOn < received)
    throw new AppError('VALIDATION', PROBLEM, { 'accept.openedOn': `Date opened must be on or after the request came (${formatDate(received)})` })
  const current = await openEpisodeOf(manager, row.familyId)
  if (current) {
    throw new AppError(
      'CONFLICT',
      `This family already has an early-help episode, opened on ${formatDate(current.openedOn)} and led by ${current.leadName}, and a family has one at a time. Pass the request to ${current.leadName}, then record your decision as a signpost or a decline, saying why.`
    )
  }
  try {
    return (await openEpisodeIn(manager, ctx, episode)).id
  } catch (error) {
    // The episode's fields are the form's accept.* fields.
    if (error instanceof AppError && error.fields)
      throw new AppError(error.code, error.message, Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [`accept.${k}`, v])))
    throw error
  }
}

async function signpost(manager: EntityManager, answer: { serviceId: string; familyTold: string }): Promise<Partial<RequestRow>> {
  const service = await manager.findOneBy(ServiceEntity, { id: answer.serviceId })
  if (!service) throw new AppError('VALIDATION', PROBLEM, { 'signpost.serviceId': 'That service is no longer in the directory. Choose another.' })
  if (service.status !== 'active') {
    throw new AppError('VALIDATION', PROBLEM, {
      'signpost.serviceId': `${service.name} is not taking anyone at present (${SERVICE_STATUS.label(service.status).toLowerCase()}). Choose an active service.`
    })
  }
  return { serviceId: service.id, familyTold: answer.familyTold }
}

/** The step-up an escalation makes: about the request's own children, and pointing back at it. */
async function escalate(manager: EntityManager, ctx: CallContext, row: RequestRow, details: StepUpDetails): Promise<string> {
  const received = localDay(row.receivedAt)
  if (details.steppedUpOn < received)
    throw new AppError('VALIDATION', PROBLEM, { 'escalate.steppedUpOn': `Date of the step-up must be on or after the request came (${formatDate(received)})` })
  const children = await manager.findBy(RequestChildEntity, { requestId: row.id })
  return createStepUp(
    manager,
    ctx,
    { familyId: row.familyId, requestId: row.id, allowedChildIds: children.map((c) => c.personId), fieldPrefix: 'escalate.' },
    details
  )
}
