// Reading referrals on: one as its page shows it (the moves the transition table allows from where it
// is, the consent gate as it stands, how long it has waited for an acknowledgement), a family's or an
// episode's a page at a time, and the managers' list of those sent without consent.
import { In, type EntityManager } from 'typeorm'
import type { z } from 'zod'
import { todayIso } from '../../shared/dates'
import {
  OUTBOUND_PAGE_SIZE,
  OUTBOUND_TRANSITIONS,
  type listOutboundInput,
  type listOverridesInput,
  type OutboundRecord,
  type OutboundRowView,
  type SharedPart
} from '../../shared/referrals/outbound'
import type { CallContext } from '../core/context'
import { notFound } from '../core/errors'
import { auditView } from '../audit/audit'
import { HubEntity } from '../hub/entities'
import { ConsentEntity } from '../consent/entities'
import { FamilyEntity, PersonEntity } from '../families/entities'
import { displayName } from '../families/records'
import { restrictedViewer } from '../families/access'
import { openToViewer } from '../families/restrictedViewer'
import { familyNames, openFamilyName } from '../families/familyNames'
import { OrganisationEntity, ServiceEntity } from '../directory/entities'
import { OutboundEntity, OutboundPersonEntity, type OutboundRow } from './outboundEntities'
import { consentGate } from './outboundGate'
import { usersById } from './read'
import { requestTiming } from './timing'

/** The family a referral is about. */
export async function familyOfOutbound(ctx: CallContext, id: string): Promise<string> {
  const row = await ctx.core.db.manager.findOne(OutboundEntity, { where: { id }, select: { id: true, familyId: true } })
  if (!row) throw notFound('referral')
  return row.familyId
}

export const sharedParts = (row: OutboundRow): SharedPart[] =>
  [
    row.shareIdentifiers && ('identifiers' as const),
    row.shareAddress && ('address' as const),
    row.sharePlan && ('plan' as const),
    row.shareAssessment && ('assessment' as const)
  ].filter((p): p is SharedPart => Boolean(p))

/** Waiting for an acknowledgement: working days since it was sent, and whether that is past the hub's target. */
export function ackTiming(ctx: CallContext, row: Pick<OutboundRow, 'status' | 'sentAt'>, targetDays: number) {
  if (row.status !== 'sent' || !row.sentAt) return { waitingDays: null, overdue: false }
  const { workingDays, overdue } = requestTiming(ctx.core.workingDays, row.sentAt, null, todayIso(ctx.core.clock.now()), targetDays)
  return { waitingDays: workingDays, overdue }
}

/** One referral as its page shows it; read without recording a view (the print and the page each record their own). */
export async function readOutbound(db: EntityManager, ctx: CallContext, id: string): Promise<OutboundRecord> {
  const row = await db.findOneBy(OutboundEntity, { id })
  if (!row) throw notFound('referral')
  const family = await db.findOneByOrFail(FamilyEntity, { id: row.familyId })
  const hub = await db.findOneByOrFail(HubEntity, { id: 1 })
  const service = await db.findOneByOrFail(ServiceEntity, { id: row.serviceId })
  const organisation = await db.findOneByOrFail(OrganisationEntity, { id: row.organisationId })
  const personRows = await db.findBy(OutboundPersonEntity, { referralId: id })
  const people = personRows.length ? await db.findBy(PersonEntity, { id: In(personRows.map((p) => p.personId)) }) : []
  const name = await usersById(db, [
    row.createdByUserId,
    row.sentByUserId,
    row.acknowledgedByUserId,
    row.respondedByUserId,
    row.completedByUserId,
    row.withdrawnByUserId,
    row.overrideByUserId
  ])
  const step = (at: string | null, by: string | null) => (at ? { at, by: name(by) } : null)
  const gate = await consentGate(db, row.familyId, row.organisationId)
  // Once sent, the consent it was sent on; before, the one that would let it be sent.
  const consentRow = row.sentAt ? (row.consentId ? await db.findOneBy(ConsentEntity, { id: row.consentId }) : null) : gate.consent
  const giver = consentRow ? await db.findOneBy(PersonEntity, { id: consentRow.givenById }) : null
  return {
    id: row.id,
    familyId: row.familyId,
    familyReference: family.reference,
    familyName: await openFamilyName(db, family),
    episodeId: row.episodeId,
    requestId: row.requestId,
    service: { id: service.id, name: service.name, email: service.secureEmail ?? service.email, phone: service.phone },
    organisation: { id: organisation.id, name: organisation.name },
    reason: row.reason,
    people: people.map((p) => ({ id: p.id, name: displayName(p) })).sort((a, b) => a.name.localeCompare(b.name)),
    shared: sharedParts(row),
    status: row.status,
    next: OUTBOUND_TRANSITIONS[row.status].filter((s) => s !== 'draft') as OutboundRecord['next'],
    created: step(row.createdAt, row.createdByUserId),
    sent: row.sentAt && row.sentMethod ? { at: row.sentAt, by: name(row.sentByUserId), method: row.sentMethod as never } : null,
    acknowledged: step(row.acknowledgedAt, row.acknowledgedByUserId),
    responded: step(row.respondedAt, row.respondedByUserId),
    declineReason: row.declineReason,
    completed: step(row.completedAt, row.completedByUserId),
    outcome: row.outcome,
    outcomeReason: row.outcomeReason,
    withdrawn: step(row.withdrawnAt, row.withdrawnByUserId),
    withdrawnReason: row.withdrawnReason,
    consent: {
      consentId: consentRow?.id ?? null,
      givenOn: consentRow?.givenOn ?? null,
      givenBy: giver ? displayName(giver) : null,
      withdrawnOn: consentRow ? null : (gate.withdrawn?.withdrawnOn ?? null)
    },
    override:
      row.overrideReason && row.overrideAt
        ? {
            reason: row.overrideReason,
            lawfulBasis6: row.lawfulBasis6 as never,
            lawfulBasis9: row.lawfulBasis9 as never,
            at: row.overrideAt,
            by: name(row.overrideByUserId)
          }
        : null,
    ...ackTiming(ctx, row, hub.referralAckDays),
    targetDays: hub.referralAckDays,
    version: row.version
  }
}

export async function getOutbound({ id }: { id: string }, ctx: CallContext): Promise<OutboundRecord> {
  const record = await readOutbound(ctx.core.db.manager, ctx, id)
  await auditView(ctx, 'outbound-referral', record.id, record.familyId)
  return record
}

/** A family's or an episode's referrals, newest first; the access check on the family came first. */
export async function listOutbound(input: z.output<typeof listOutboundInput>, ctx: CallContext) {
  const db = ctx.core.db.manager
  const where = input.familyId ? { familyId: input.familyId } : { episodeId: input.episodeId! }
  const hub = await db.findOneByOrFail(HubEntity, { id: 1 })
  const [rows, total] = await db.findAndCount(OutboundEntity, {
    where,
    order: { createdAt: 'DESC', id: 'DESC' },
    skip: (input.page - 1) * OUTBOUND_PAGE_SIZE,
    take: OUTBOUND_PAGE_SIZE
  })
  const { services, organisations } = await directoryNames(db, rows)
  const referrals: OutboundRowView[] = rows.map((r) => ({
    id: r.id,
    familyId: r.familyId,
    episodeId: r.episodeId,
    serviceName: services.get(r.serviceId) ?? '',
    organisationName: organisations.get(r.organisationId) ?? '',
    status: r.status,
    createdAt: r.createdAt,
    sentAt: r.sentAt,
    overridden: r.overrideAt !== null,
    ...ackTiming(ctx, r, hub.referralAckDays)
  }))
  return { referrals, total, page: input.page, pageSize: OUTBOUND_PAGE_SIZE, targetDays: hub.referralAckDays }
}

/**
 * Referrals sent without consent, newest first, for managers. A restricted family a caller may not
 * open is left out in the SQL (managers open every family; the rule holds if the permission moves).
 */
export async function listOverrides(input: z.output<typeof listOverridesInput>, ctx: CallContext) {
  const db = ctx.core.db.manager
  const viewer = restrictedViewer(ctx)
  const open = viewer ? openToViewer(viewer, 'f') : null
  const from = `FROM outbound_referral r JOIN family f ON f.id = r.family_id WHERE r.override_at IS NOT NULL${open ? ` AND ${open.sql}` : ''}`
  const params = open?.params ?? []
  const [{ n }] = (await db.query(`SELECT count(*) AS n ${from}`, params)) as [{ n: number }]
  const ids = (await db.query(`SELECT r.id AS id ${from} ORDER BY r.override_at DESC, r.id DESC LIMIT ? OFFSET ?`, [
    ...params,
    OUTBOUND_PAGE_SIZE,
    (input.page - 1) * OUTBOUND_PAGE_SIZE
  ])) as { id: string }[]
  const rows = ids.length ? await db.findBy(OutboundEntity, { id: In(ids.map((r) => r.id)) }) : []
  rows.sort((a, b) => (b.overrideAt! + b.id).localeCompare(a.overrideAt! + a.id))
  const families = new Map((rows.length ? await db.findBy(FamilyEntity, { id: In(rows.map((r) => r.familyId)) }) : []).map((f) => [f.id, f.reference]))
  const familyName = await familyNames(
    ctx,
    rows.map((r) => r.familyId)
  )
  const { services, organisations } = await directoryNames(db, rows)
  const name = await usersById(
    db,
    rows.map((r) => r.overrideByUserId)
  )
  return {
    overrides: rows.map((r) => ({
      id: r.id,
      familyId: r.familyId,
      familyReference: families.get(r.familyId) ?? '',
      familyName: familyName.get(r.familyId) ?? '',
      serviceName: services.get(r.serviceId) ?? '',
      organisationName: organisations.get(r.organisationId) ?? '',
      status: r.status,
      reason: r.overrideReason ?? '',
      lawfulBasis6: r.lawfulBasis6 as never,
      lawfulBasis9: r.lawfulBasis9 as never,
      at: r.overrideAt!,
      by: name(r.overrideByUserId)
    })),
    total: Number(n),
    page: input.page,
    pageSize: OUTBOUND_PAGE_SIZE
  }
}

async function directoryNames(db: EntityManager, rows: OutboundRow[]) {
  const serviceIds = [...new Set(rows.map((r) => r.serviceId))]
  const organisationIds = [...new Set(rows.map((r) => r.organisationId))]
  const services = new Map((serviceIds.length ? await db.findBy(ServiceEntity, { id: In(serviceIds) }) : []).map((s) => [s.id, s.name]))
  const organisations = new Map((organisationIds.length ? await db.findBy(OrganisationEntity, { id: In(organisationIds) }) : []).map((o) => [o.id, o.name]))
  return { services, organisations }
}
