// One request for help as the caller may see it: its progress for everyone who logs requests, and
// the casework (what was asked, what the family knows, why it was decided so) only for those who
// screen them.
import { accountsById, UNKNOWN_USER_LABEL } from '../accounts/staffNames'
import { In, type EntityManager } from 'typeorm'
import { todayIso } from '../../shared/dates'
import { ANONYMOUS_SOURCE, type RequestRecord } from '../../shared/referrals/requests'
import type { CallContext } from '../core/context'
import { notFound } from '../core/errors'
import { auditView } from '../audit/audit'
import { HubEntity } from '../hub/entities'
import { FamilyEntity, PersonEntity } from '../families/entities'
import { displayName } from '../families/records'
import { openFamilyName } from '../families/familyNames'
import { OrganisationEntity, ServiceEntity } from '../directory/entities'
import { RequestChildEntity, RequestEntity, type RequestRow } from './entities'
import { requestTiming } from './timing'
import { StepUpEntity } from './stepUpEntities'

/** Said where a trusted caller (the command line) did something: its name is on the audit trail. */
export const NOT_RECORDED = 'Not recorded'

/** The family a request is about. */
export async function familyOfRequest(ctx: CallContext, id: string): Promise<string> {
  const row = await ctx.core.db.manager.findOne(RequestEntity, { where: { id }, select: { id: true, familyId: true } })
  if (!row) throw notFound('request for help')
  return row.familyId
}

/** Staff by id, by their display names (never usernames: people read them). */
export async function usersById(db: EntityManager, ids: (string | null)[]) {
  const users = await accountsById(db, ids)
  return (id: string | null) => (id ? (users.get(id)?.displayName ?? UNKNOWN_USER_LABEL) : NOT_RECORDED)
}

export async function getRequest({ id }: { id: string }, ctx: CallContext): Promise<RequestRecord> {
  const db = ctx.core.db.manager
  const row = await db.findOneBy(RequestEntity, { id })
  if (!row) throw notFound('request for help')
  const family = await db.findOneByOrFail(FamilyEntity, { id: row.familyId })
  const hub = await db.findOneByOrFail(HubEntity, { id: 1 })
  const childRows = await db.findBy(RequestChildEntity, { requestId: id })
  const people = childRows.length ? await db.findBy(PersonEntity, { id: In(childRows.map((c) => c.personId)) }) : []
  const organisation = row.organisationId ? await db.findOneBy(OrganisationEntity, { id: row.organisationId }) : null
  const userName = await usersById(db, [row.loggedByUserId, row.decidedByUserId, row.feedbackByUserId])
  const mayScreen = ctx.actor.permissions.has('referrals.screen')
  const record: RequestRecord = {
    id: row.id,
    familyId: row.familyId,
    familyReference: family.reference,
    familyName: await openFamilyName(db, family),
    receivedAt: row.receivedAt,
    channel: row.channel as RequestRecord['channel'],
    referrer: {
      name: row.referrerName,
      role: row.referrerRole,
      organisationId: row.organisationId,
      agency: organisation?.name ?? row.agency,
      phone: row.referrerPhone,
      email: row.referrerEmail
    },
    source: row.source as RequestRecord['source'],
    children: people.map((p) => ({ id: p.id, name: displayName(p) })).sort((a, b) => a.name.localeCompare(b.name)),
    urgency: row.urgency as RequestRecord['urgency'],
    status: row.status,
    decision: row.decision as RequestRecord['decision'],
    decidedAt: row.decidedAt,
    decidedBy: row.decidedAt ? userName(row.decidedByUserId) : null,
    ...requestTiming(ctx.core.workingDays, row.receivedAt, row.decidedAt, todayIso(ctx.core.clock.now()), hub.requestDecisionDays),
    targetDays: hub.requestDecisionDays,
    feedback:
      row.fedBackOn && row.feedbackMethod
        ? { on: row.fedBackOn, method: row.feedbackMethod as never, by: userName(row.feedbackByUserId), note: row.feedbackNote }
        : null,
    anonymous: row.source === ANONYMOUS_SOURCE,
    loggedAt: row.createdAt,
    loggedBy: userName(row.loggedByUserId),
    details: mayScreen ? await casework(db, row) : null,
    version: row.version
  }
  await auditView(ctx, 'request-for-help', row.id, row.familyId)
  return record
}

async function casework(db: EntityManager, row: RequestRow): Promise<NonNullable<RequestRecord['details']>> {
  const service = row.serviceId ? await db.findOneBy(ServiceEntity, { id: row.serviceId }) : null
  const provider = service ? await db.findOneBy(OrganisationEntity, { id: service.organisationId }) : null
  return {
    reason: row.reason,
    awareness: row.awareness as NonNullable<RequestRecord['details']>['awareness'],
    socialCareReference: row.socialCareReference,
    declineReason: row.declineReason,
    service: service ? { id: service.id, name: service.name, organisationName: provider?.name ?? '' } : null,
    familyTold: row.familyTold,
    episodeId: row.episodeId,
    stepUpId: (await db.findOne(StepUpEntity, { where: { requestId: row.id }, select: { id: true } }))?.id ?? null
  }
}
