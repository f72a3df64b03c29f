// For the requests tests: the directory's rows (put in as the directory's own tables hold them, so
// these tests do not depend on how the directory is kept), and a request as reception would log it.
import { randomUUID } from 'node:crypto'
import type { Casebook } from '../core/casebook'

export interface DirectoryRows {
  organisationId: string
  /** Health visiting, active. */
  serviceId: string
  /** A stay-and-play, temporarily closed. */
  closedServiceId: string
}

export async function directoryRows(casebook: Casebook, at = new Date().toISOString()): Promise<DirectoryRows> {
  const organisationId = randomUUID()
  const serviceId = randomUUID()
  const closedServiceId = randomUUID()
  await casebook.core.writes.run(async (m) => {
    await m.query(`INSERT INTO directory_organisation (id, name, created_at, updated_at, version) VALUES (?, 'Riverside Health', ?, ?, 1)`, [
      organisationId,
      at,
      at
    ])
    const service = `INSERT INTO directory_service (id, organisation_id, name, service_type, status, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)`
    await m.query(service, [serviceId, organisationId, 'Health visiting', 'HEALTH', 'active', at, at])
    await m.query(service, [closedServiceId, organisationId, 'Stay and play', 'EARLY_YEARS', 'temporarily closed', at, at])
  })
  return { organisationId, serviceId, closedServiceId }
}

/** A health visitor's phone call about `childIds`, received on the day and time given. */
export function requestInput(familyId: string, childIds: string[], more: Record<string, unknown> = {}) {
  return {
    familyId,
    receivedOn: '2026-04-02',
    receivedTime: '10:15',
    channel: 'PHONE',
    referrerName: 'Dee Patel',
    referrerRole: 'Health visitor',
    referrerPhone: '01632 960 001',
    source: '3B',
    childIds,
    reason: 'Mum is finding the nights hard since the baby came.',
    awareness: 'AWARE_AGREES',
    urgency: 'ROUTINE',
    ...more
  }
}
