// Referrals on: a draft made from an episode or from screening a request, then moved through the
// state machine of src/shared/referrals/outbound.ts, one status at a time. Sending is gated on the
// family's consent to share with the service's organisation, or a recorded override with its lawful
// basis. A move says which status it comes from in its UPDATE, so of two desks applying the same
// move exactly one changes the row; the other is told what happened.
import { randomUUID } from 'node:crypto'
import { In, type EntityManager } from 'typeorm'
import type { z } from 'zod'
import { formatDate } from '../../shared/dates'
import { SERVICE_STATUS } from '../../shared/referrals/codes'
import {
  canMove,
  OUTBOUND_STATUS,
  type createOutboundInput,
  type moveOutboundInput,
  type OutboundStatus,
  type recordOverrideInput
} from '../../shared/referrals/outbound'
import type { CallContext } from '../core/context'
import { AppError, conflict, notFound } from '../core/errors'
import { writeAudit } from '../audit/audit'
import { PersonEntity } from '../families/entities'
import { EpisodeEntity } from '../earlyHelp/entities'
import { OrganisationEntity, ServiceEntity } from '../directory/entities'
import { RequestEntity } from './entities'
import { OutboundEntity, OutboundPersonEntity, type OutboundRow } from './outboundEntities'
import { consentGate } from './outboundGate'
import { localDay } from './timing'

const PROBLEM = 'There is a problem'
const WHAT = 'referral'

export async function createOutbound(input: z.output<typeof createOutboundInput>, ctx: CallContext) {
  const personIds = [...new Set(input.personIds)]
  return ctx.core.writes.run(async (manager) => {
    if (input.episodeId) {
      const episode = await manager.findOneBy(EpisodeEntity, { id: input.episodeId })
      if (!episode || episode.familyId !== input.familyId) throw new AppError('VALIDATION', PROBLEM, { episodeId: 'Choose an episode of this family' })
    }
    if (input.requestId) {
      const request = await manager.findOneBy(RequestEntity, { id: input.requestId })
      if (!request || request.familyId !== input.familyId) throw new AppError('VALIDATION', PROBLEM, { requestId: 'Choose a request about this family' })
    }
    const service = await manager.findOneBy(ServiceEntity, { id: input.serviceId })
    if (!service) throw new AppError('VALIDATION', PROBLEM, { serviceId: 'That service is no longer in the directory. Choose another.' })
    if (service.status !== 'active') {
      throw new AppError('VALIDATION', PROBLEM, {
        serviceId: `${service.name} is not taking referrals at present (${SERVICE_STATUS.label(service.status).toLowerCase()}). Choose an active service.`
      })
    }
    const people = await manager.findBy(PersonEntity, { id: In(personIds) })
    if (people.length !== personIds.length || people.some((p) => p.familyId !== input.familyId)) {
      throw new AppError('VALIDATION', PROBLEM, { personIds: 'Select people who are in this family now' })
    }
    const shared = new Set(input.shared)
    const row: OutboundRow = {
      id: randomUUID(),
      familyId: input.familyId,
      episodeId: input.episodeId,
      requestId: input.requestId,
      serviceId: service.id,
      organisationId: service.organisationId,
      reason: input.reason,
      shareIdentifiers: shared.has('identifiers'),
      shareAddress: shared.has('address'),
      sharePlan: shared.has('plan'),
      shareAssessment: shared.has('assessment'),
      status: 'draft',
      sentAt: null,
      sentMethod: null,
      sentByUserId: null,
      acknowledgedAt: null,
      acknowledgedByUserId: null,
      respondedAt: null,
      respondedByUserId: null,
      declineReason: null,
      completedAt: null,
      completedByUserId: null,
      outcome: null,
      outcomeReason: null,
      withdrawnAt: null,
      withdrawnByUserId: null,
      withdrawnReason: null,
      consentId: null,
      overrideReason: null,
      lawfulBasis6: null,
      lawfulBasis9: null,
      overrideByUserId: null,
      overrideAt: null,
      createdByUserId: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      version: 1
    }
    await manager.insert(OutboundEntity, row)
    await manager.insert(
      OutboundPersonEntity,
      personIds.map((personId) => ({ referralId: row.id, personId }))
    )
    await writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'create',
      recordType: 'outbound-referral',
      recordId: row.id,
      familyId: row.familyId,
      changes: {
        serviceId: row.serviceId,
        organisationId: row.organisationId,
        episodeId: row.episodeId,
        requestId: row.requestId,
        people: personIds,
        shared: input.shared
      }
    })
    return { id: row.id, version: 1 }
  })
}

type MoveInput = z.output<typeof moveOutboundInput>

export async function moveOutbound(input: MoveInput, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    const row = await manager.findOneBy(OutboundEntity, { id: input.id })
    if (!row) throw notFound(WHAT)
    refuseMove(row, input.to)
    if (row.version !== input.version) throw conflict(WHAT)
    const by = ctx.actor.userId
    const details: Partial<OutboundRow> =
      input.to === 'sent'
        ? { sentAt: ctx.now, sentMethod: input.method, sentByUserId: by, ...(await basis(manager, ctx, await stillSendable(manager, row), input.override)) }
        : input.to === 'acknowledged'
          ? { acknowledgedAt: ctx.now, acknowledgedByUserId: by }
          : input.to === 'accepted'
            ? { respondedAt: ctx.now, respondedByUserId: by }
            : input.to === 'declined'
              ? { respondedAt: ctx.now, respondedByUserId: by, declineReason: input.reason }
              : input.to === 'completed'
                ? { completedAt: ctx.now, completedByUserId: by, outcome: input.outcome, outcomeReason: input.reason }
                : { withdrawnAt: ctx.now, withdrawnByUserId: by, withdrawnReason: input.reason }
    // The status it comes from is part of the condition: a move applied twice changes the row once.
    const result = await manager
      .createQueryBuilder()
      .update(OutboundEntity)
      .set({ ...details, status: input.to, updatedAt: ctx.now, version: row.version + 1 } as never)
      .where('id = :id AND version = :version AND status = :from', { id: row.id, version: row.version, from: row.status })
      .execute()
    if (result.affected !== 1) throw conflict(WHAT)
    await writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'update',
      recordType: 'outbound-referral',
      recordId: row.id,
      familyId: row.familyId,
      changes: { status: [row.status, input.to], ...withoutBy(details) }
    })
    return { id: row.id, version: row.version + 1 }
  })
}

/**
 * Records on a draft why it is to be shared without the family's consent (the safeguarding reason and
 * the lawful basis), so that it may then be printed, saved and sent on it. Refused where the family
 * has agreed to share with the organisation, and once recorded it stands: it is the referral's basis.
 */
export async function recordOverride(input: z.output<typeof recordOverrideInput>, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    const row = await manager.findOneBy(OutboundEntity, { id: input.id })
    if (!row) throw notFound(WHAT)
    if (row.status !== 'draft') throw new AppError('CONFLICT', 'This referral has been sent already: why it was shared is recorded with it.')
    if (row.overrideAt) throw new AppError('CONFLICT', 'Why this referral is shared without consent is recorded already.')
    if (row.version !== input.version) throw conflict(WHAT)
    const now = await stillSendable(manager, row)
    const gate = await consentGate(manager, row.familyId, now.organisationId)
    if (gate.consent) {
      throw new AppError('VALIDATION', PROBLEM, {
        'override.reason': 'The family has agreed to share with this organisation: send the referral on their consent, without an override'
      })
    }
    const details: Partial<OutboundRow> = {
      organisationId: now.organisationId,
      overrideReason: input.override.reason,
      lawfulBasis6: input.override.lawfulBasis6,
      lawfulBasis9: input.override.lawfulBasis9,
      overrideByUserId: ctx.actor.userId,
      overrideAt: ctx.now
    }
    const result = await manager
      .createQueryBuilder()
      .update(OutboundEntity)
      .set({ ...details, updatedAt: ctx.now, version: row.version + 1 } as never)
      .where(`id = :id AND version = :version AND status = 'draft' AND override_at IS NULL`, { id: row.id, version: row.version })
      .execute()
    if (result.affected !== 1) throw conflict(WHAT)
    await writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'update',
      recordType: 'outbound-referral',
      recordId: row.id,
      familyId: row.familyId,
      changes: { sharedWithoutConsent: true, ...withoutBy(details) }
    })
    return { id: row.id, version: row.version + 1 }
  })
}

/** Refuses a move the transition table does not allow from where the referral is now. */
function refuseMove(row: OutboundRow, to: OutboundStatus): void {
  if (canMove(row.status, to)) return
  const now = `This referral is ${OUTBOUND_STATUS.label(row.status).toLowerCase()} (${formatDate(localDay(row.updatedAt))})`
  if (row.status === to) throw new AppError('CONFLICT', `${now} already. A status is recorded once.`)
  throw new AppError('CONFLICT', `${now}, so it cannot be recorded as ${OUTBOUND_STATUS.label(to).toLowerCase()} now.`)
}

/**
 * A draft as it may be sent (or printed to be sent) now, not as it was made: to the service's
 * organisation today (the directory's import may have moved the service), an active service, and
 * only about people still in the family (one may have moved to a family the user may not open).
 * The referral records the organisation it goes to.
 */
export async function stillSendable(manager: EntityManager, row: OutboundRow): Promise<OutboundRow> {
  const service = await manager.findOneBy(ServiceEntity, { id: row.serviceId })
  if (!service || service.status !== 'active') {
    const why = service
      ? `${service.name} is not taking referrals at present (${SERVICE_STATUS.label(service.status).toLowerCase()})`
      : 'Its service is no longer in the directory'
    throw new AppError('CONFLICT', `${why}. Withdraw this referral and refer to an active service instead.`)
  }
  const people = await manager.find(OutboundPersonEntity, { where: { referralId: row.id } })
  const members = people.length ? await manager.findBy(PersonEntity, { id: In(people.map((p) => p.personId)) }) : []
  if (members.length !== people.length || members.some((p) => p.familyId !== row.familyId)) {
    throw new AppError(
      'CONFLICT',
      'Someone this referral is about is no longer in this family. Withdraw it and make a new referral about the family as it is now.'
    )
  }
  return service.organisationId === row.organisationId ? row : { ...row, organisationId: service.organisationId }
}

/**
 * What sending rests on: the family's consent to share with the service's organisation, or the
 * override (a safeguarding reason with its lawful basis). Without either it is refused; with consent
 * recorded, an override is refused too, so an override always means there was no consent.
 */
export async function basis(manager: EntityManager, ctx: CallContext, row: OutboundRow, override: MoveInput['override']): Promise<Partial<OutboundRow>> {
  const gate = await consentGate(manager, row.familyId, row.organisationId)
  // The organisation it goes to, as the directory has it now (the gate was checked against it).
  const goesTo = { organisationId: row.organisationId }
  // Why it is shared without consent, recorded on the draft before it was printed: that is its basis.
  if (row.overrideAt) {
    if (override) throw new AppError('VALIDATION', PROBLEM, { 'override.reason': 'Why this referral is shared without consent is recorded already' })
    return goesTo
  }
  if (gate.consent) {
    if (override) {
      throw new AppError('VALIDATION', PROBLEM, {
        'override.reason': 'The family has agreed to share with this organisation: send the referral on their consent, without an override'
      })
    }
    return { ...goesTo, consentId: gate.consent.id }
  }
  if (override)
    return {
      ...goesTo,
      overrideReason: override.reason,
      lawfulBasis6: override.lawfulBasis6,
      lawfulBasis9: override.lawfulBasis9,
      overrideByUserId: ctx.actor.userId,
      overrideAt: ctx.now
    }
  const organisation = await manager.findOneBy(OrganisationEntity, { id: row.organisationId })
  const name = organisation?.name ?? 'the organisation'
  const message = gate.withdrawn
    ? `The family withdrew their consent to share information with ${name} on ${formatDate(gate.withdrawn.withdrawnOn!)}. Record their consent again, or record why sharing without consent is justified.`
    : `The family has not agreed to share information with ${name}. Record their consent to share with ${name}, or record why sharing without consent is justified.`
  throw new AppError('VALIDATION', message, { consent: message })
}

/** The audit row says what changed; who did it is its actor. */
function withoutBy(details: Partial<OutboundRow>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([k]) => !k.endsWith('ByUserId')))
}
