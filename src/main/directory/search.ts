// Finding services in the directory: by words of the service's or its organisation's name, of a
// kind, active only unless asked otherwise; a page at a time, by name.
import type { z } from 'zod'
import { DIRECTORY_PAGE_SIZE, type directorySearchInput, type ServiceSummary } from '../../shared/directory/schemas'
import type { CallContext } from '../core/context'
import { OrganisationEntity, ServiceEntity } from './entities'
import { nameWords } from './records'

export async function searchDirectory(input: z.output<typeof directorySearchInput>, ctx: CallContext) {
  const query = ctx.core.db.manager
    .createQueryBuilder(ServiceEntity, 's')
    // By the entity's name: TypeORM's join takes a class or a name, not an EntitySchema.
    .innerJoin(OrganisationEntity.options.name, 'o', 'o.id = s.organisationId')
    .select([
      's.id AS "id"',
      's.organisationId AS "organisationId"',
      'o.name AS "organisationName"',
      's.name AS "name"',
      's.serviceType AS "serviceType"',
      's.referralSource AS "referralSource"',
      's.status AS "status"',
      's.town AS "town"',
      's.phone AS "phone"',
      's.secureEmail AS "secureEmail"'
    ])
  // Each word typed is in the service's name or its organisation's, in any case.
  nameWords(input.text).forEach((pattern, i) => query.andWhere(`(LOWER(s.name) LIKE :w${i} OR LOWER(o.name) LIKE :w${i})`, { [`w${i}`]: pattern }))
  if (input.serviceType) query.andWhere('s.serviceType = :type', { type: input.serviceType })
  if (input.activeOnly) query.andWhere('s.status = :active', { active: 'active' })
  const total = await query.getCount()
  const services = (await query
    .orderBy('s.name')
    .addOrderBy('o.name')
    .offset((input.page - 1) * DIRECTORY_PAGE_SIZE)
    .limit(DIRECTORY_PAGE_SIZE)
    .getRawMany()) as ServiceSummary[]
  return { services, total, page: input.page, pageSize: DIRECTORY_PAGE_SIZE }
}
