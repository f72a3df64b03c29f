// A family's requests for help in its chronology: when each was received (from whom, about whom,
// why) and when it was decided (and what was decided). The chronology is casework: only those who
// read early help see it.
import { In, type EntityManager } from 'typeorm'
import type { ChronologyEntry } from '../../shared/earlyHelp/schemas'
import { REFERRAL_SOURCE } from '../../shared/referrals/codes'
import { OrganisationEntity, ServiceEntity } from '../directory/entities'
import { RequestChildEntity, RequestEntity, type RequestRow } from './entities'
import { usersById } from './read'

/** Where a chronology shows instants: as the local date and time people read. */
type LocalMinute = (instant: string) => string

export async function requestEntries(db: EntityManager, familyId: string, personName: (id: string) => string, at: LocalMinute): Promise<ChronologyEntry[]> {
  const requests = await db.findBy(RequestEntity, { familyId })
  if (requests.length === 0) return []
  const ids = requests.map((r) => r.id)
  const children = await db.findBy(RequestChildEntity, { requestId: In(ids) })
  const serviceIds = present(requests.map((r) => r.serviceId))
  const services = new Map((serviceIds.length ? await db.findBy(ServiceEntity, { id: In(serviceIds) }) : []).map((s) => [s.id, s]))
  const organisationIds = present([...requests.map((r) => r.organisationId), ...[...services.values()].map((s) => s.organisationId)])
  const organisations = new Map((organisationIds.length ? await db.findBy(OrganisationEntity, { id: In(organisationIds) }) : []).map((o) => [o.id, o]))
  const by = await usersById(db, [...requests.map((r) => r.loggedByUserId), ...requests.map((r) => r.decidedByUserId)])
  const entries: ChronologyEntry[] = []
  for (const r of requests) {
    const people = children.filter((c) => c.requestId === r.id).map((c) => personName(c.personId))
    const agency = r.organisationId ? organisations.get(r.organisationId)?.name : r.agency
    const who = [r.referrerName ?? 'someone anonymous', agency].filter(Boolean).join(', ')
    entries.push({
      id: `request-${r.id}`,
      when: at(r.receivedAt),
      kind: 'request-received',
      title: `Request for help received from ${who} (${r.source} ${REFERRAL_SOURCE.label(r.source)})`,
      text: r.reason,
      significant: false,
      by: by(r.loggedByUserId),
      people
    })
    if (r.decidedAt)
      entries.push({
        id: `request-decided-${r.id}`,
        when: at(r.decidedAt),
        kind: 'request-decided',
        ...decided(r, services, organisations),
        significant: false,
        by: by(r.decidedByUserId),
        people
      })
  }
  return entries
}

function decided(r: RequestRow, services: Map<string, { name: string; organisationId: string }>, organisations: Map<string, { name: string }>) {
  if (r.decision === 'ACCEPT') return { title: 'Request for help accepted: an early-help episode opened', text: null }
  if (r.decision === 'SIGNPOST') {
    const service = r.serviceId ? services.get(r.serviceId) : undefined
    const provider = service ? organisations.get(service.organisationId)?.name : undefined
    return { title: `Request for help signposted to ${[service?.name ?? 'a service', provider].filter(Boolean).join(', ')}`, text: r.familyTold }
  }
  if (r.decision === 'DECLINE') return { title: 'Request for help declined', text: r.declineReason }
  return { title: 'Request for help decided', text: null }
}

/** The ids given, once each. */
const present = (ids: (string | null)[]) => [...new Set(ids.filter((id): id is string => Boolean(id)))]
