// A family's referrals on in its chronology: when each was made (to whom, about whom, why) and each
// step it has taken since (sent, and how; acknowledged; accepted or declined; completed, with the
// outcome; withdrawn), a referral sent without consent marked significant.
import { In, type EntityManager } from 'typeorm'
import type { ChronologyEntry } from '../../shared/earlyHelp/schemas'
import { CONTACT_METHOD } from '../../shared/referrals/codes'
import { REFERRAL_OUTCOME } from '../../shared/referrals/outbound'
import { OrganisationEntity, ServiceEntity } from '../directory/entities'
import { OutboundEntity, OutboundPersonEntity } from './outboundEntities'
import { usersById } from './read'

type LocalMinute = (instant: string) => string

export async function outboundEntries(db: EntityManager, familyId: string, personName: (id: string) => string, at: LocalMinute): Promise<ChronologyEntry[]> {
  const rows = await db.findBy(OutboundEntity, { familyId })
  if (rows.length === 0) return []
  const people = await db.findBy(OutboundPersonEntity, { referralId: In(rows.map((r) => r.id)) })
  const services = new Map((await db.findBy(ServiceEntity, { id: In([...new Set(rows.map((r) => r.serviceId))]) })).map((s) => [s.id, s.name]))
  const organisations = new Map((await db.findBy(OrganisationEntity, { id: In([...new Set(rows.map((r) => r.organisationId))]) })).map((o) => [o.id, o.name]))
  const by = await usersById(
    db,
    rows.flatMap((r) => [r.createdByUserId, r.sentByUserId, r.acknowledgedByUserId, r.respondedByUserId, r.completedByUserId, r.withdrawnByUserId])
  )
  const entries: ChronologyEntry[] = []
  for (const r of rows) {
    const to = `${services.get(r.serviceId) ?? 'a service'}, ${organisations.get(r.organisationId) ?? ''}`.replace(/, $/, '')
    const about = people.filter((p) => p.referralId === r.id).map((p) => personName(p.personId))
    const step = (id: string, when: string, title: string, text: string | null, user: string | null, significant = false) =>
      entries.push({
        id: `referral-${id}-${r.id}`,
        when: at(when),
        kind: id === 'created' ? 'referral-created' : 'referral-status',
        title,
        text,
        significant,
        by: by(user),
        people: about
      })
    step('created', r.createdAt, `Referral to ${to} drafted`, r.reason, r.createdByUserId)
    if (r.sentAt) {
      const how = CONTACT_METHOD.label(r.sentMethod).toLowerCase()
      if (r.overrideAt) step('sent', r.sentAt, `Referral to ${to} sent by ${how} without consent (safeguarding)`, r.overrideReason, r.sentByUserId, true)
      else step('sent', r.sentAt, `Referral to ${to} sent by ${how}, with the family's consent`, null, r.sentByUserId)
    }
    if (r.acknowledgedAt) step('acknowledged', r.acknowledgedAt, `Referral to ${to} acknowledged`, null, r.acknowledgedByUserId)
    if (r.respondedAt) {
      if (r.declineReason !== null) step('declined', r.respondedAt, `Referral to ${to} declined`, r.declineReason, r.respondedByUserId)
      else step('accepted', r.respondedAt, `Referral to ${to} accepted`, null, r.respondedByUserId)
    }
    if (r.completedAt)
      step('completed', r.completedAt, `Referral to ${to} completed: ${REFERRAL_OUTCOME.label(r.outcome).toLowerCase()}`, r.outcomeReason, r.completedByUserId)
    if (r.withdrawnAt) step('withdrawn', r.withdrawnAt, `Referral to ${to} withdrawn`, r.withdrawnReason, r.withdrawnByUserId)
  }
  return entries
}
