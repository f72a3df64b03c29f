// Reading the directory: an organisation with a page of its services, one service, and the list of
// organisations with how many services each has. The directory is about services, not about anyone's
// record, so reading it is not audited (as directory.search is not).
import type { z } from 'zod'
import type { EntityManager } from 'typeorm'
import {
  DIRECTORY_PAGE_SIZE,
  type getOrganisationInput,
  type listOrganisationsInput,
  type OrganisationRecord,
  type OrganisationSummary,
  type ServiceRecord,
  type ServiceSummary
} from '../../shared/directory/schemas'
import type { CallContext } from '../core/context'
import { notFound } from '../core/errors'
import { OrganisationEntity, ServiceEntity, type OrganisationRow, type ServiceRow } from './entities'

export function organisationRecord(row: OrganisationRow): OrganisationRecord {
  const { id, feedId, name, description, website, email, phone, updatedAt, version } = row
  return { id, feedId, name, description, website, email, phone, updatedAt, version }
}

export function serviceRecord(row: ServiceRow, organisationName: string): ServiceRecord {
  const { createdAt: _created, ...rest } = row
  return { ...rest, organisationName } as ServiceRecord
}

/** Words typed, each to be found somewhere in the name: LIKE patterns with the wildcards taken out. */
export function nameWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6)
    .map((word) => `%${word.replace(/[%_\\]/g, '')}%`)
}

export async function getOrganisation(input: z.output<typeof getOrganisationInput>, ctx: CallContext) {
  const db = ctx.core.db.manager
  const row = await db.findOneBy(OrganisationEntity, { id: input.id })
  if (!row) throw notFound('organisation')
  const where = { organisationId: row.id }
  const total = await db.countBy(ServiceEntity, where)
  const rows = await db.find(ServiceEntity, {
    where,
    order: { name: 'ASC', id: 'ASC' },
    skip: (input.page - 1) * DIRECTORY_PAGE_SIZE,
    take: DIRECTORY_PAGE_SIZE
  })
  const services: ServiceSummary[] = rows.map((s) => ({
    id: s.id,
    organisationId: s.organisationId,
    organisationName: row.name,
    name: s.name,
    serviceType: s.serviceType,
    referralSource: s.referralSource,
    status: s.status,
    town: s.town,
    phone: s.phone,
    secureEmail: s.secureEmail
  })) as ServiceSummary[]
  return { organisation: organisationRecord(row), services, total, page: input.page, pageSize: DIRECTORY_PAGE_SIZE }
}

export async function getService(input: { id: string }, ctx: CallContext) {
  const found = await serviceWithOrganisation(ctx.core.db.manager, input.id)
  if (!found) throw notFound('service')
  return { service: serviceRecord(found.service, found.organisationName) }
}

export async function serviceWithOrganisation(db: EntityManager, id: string): Promise<{ service: ServiceRow; organisationName: string } | null> {
  const service = await db.findOneBy(ServiceEntity, { id })
  if (!service) return null
  const organisation = await db.findOneByOrFail(OrganisationEntity, { id: service.organisationId })
  return { service, organisationName: organisation.name }
}

/** Organisations by name, with their services counted: the way to one that has none yet. */
export async function listOrganisations(input: z.output<typeof listOrganisationsInput>, ctx: CallContext) {
  const db = ctx.core.db.manager
  const matching = db.createQueryBuilder(OrganisationEntity, 'o')
  nameWords(input.text).forEach((pattern, i) => matching.andWhere(`LOWER(o.name) LIKE :w${i}`, { [`w${i}`]: pattern }))
  const total = await matching.getCount()
  const rows = (await matching
    .clone()
    // By the entity's name: TypeORM's join takes a class or a name, not an EntitySchema.
    .leftJoin(ServiceEntity.options.name, 's', 's.organisationId = o.id')
    .select(['o.id AS "id"', 'o.name AS "name"', 'o.feedId AS "feedId"'])
    .addSelect('COUNT(s.id)', 'services')
    .addSelect(`SUM(CASE WHEN s.status = 'active' THEN 1 ELSE 0 END)`, 'activeServices')
    .groupBy('o.id')
    .addGroupBy('o.name')
    .addGroupBy('o.feedId')
    .orderBy('o.name')
    .addOrderBy('o.id')
    .offset((input.page - 1) * DIRECTORY_PAGE_SIZE)
    .limit(DIRECTORY_PAGE_SIZE)
    .getRawMany()) as { id: string; name: string; feedId: string | null; services: number | string; activeServices: number | string | null }[]
  const organisations: OrganisationSummary[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    fromFeed: r.feedId !== null,
    services: Number(r.services),
    activeServices: Number(r.activeServices ?? 0)
  }))
  return { organisations, total, page: input.page, pageSize: DIRECTORY_PAGE_SIZE }
}
