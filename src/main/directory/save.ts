// A manager adds or changes an organisation or a service by hand. Changes say which version they
// were made to (WHERE version = ?). A service is never removed: referrals and requests name it, so it
// is made inactive instead. Changes to what an import brought in last until the feed changes it
// again; a service's type, referral-source code and secure email are the hub's and stay.
import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import type { saveOrganisationInput, saveServiceInput } from '../../shared/directory/schemas'
import type { CallContext } from '../core/context'
import { AppError, conflict, notFound } from '../core/errors'
import { updateVersioned } from '../core/versioned'
import { changedFields, writeAudit } from '../audit/audit'
import { OrganisationEntity, ServiceEntity, type OrganisationRow, type ServiceRow } from './entities'

export async function saveOrganisation(input: z.output<typeof saveOrganisationInput>, ctx: CallContext) {
  const { id, version, ...values } = input
  return ctx.core.writes.run(async (manager) => {
    const audit = (action: 'create' | 'update', recordId: string, changes: Record<string, unknown>) =>
      writeAudit(manager, { at: ctx.now, actor: ctx.actor.name, action, recordType: 'directory-organisation', recordId, changes })
    if (!id) {
      const row: OrganisationRow = { id: randomUUID(), feedId: null, ...values, createdAt: ctx.now, updatedAt: ctx.now, version: 1 }
      await manager.insert(OrganisationEntity, row)
      await audit('create', row.id, values)
      return { id: row.id, version: 1 }
    }
    const before = await manager.findOneBy(OrganisationEntity, { id })
    if (!before) throw notFound('organisation')
    if (version === null) throw conflict('organisation')
    const next = await updateVersioned(manager, OrganisationEntity, id, version, { ...values, updatedAt: ctx.now }, 'organisation')
    await audit('update', id, changedFields(before, values))
    return { id, version: next }
  })
}

export async function saveService(input: z.output<typeof saveServiceInput>, ctx: CallContext) {
  const { id, version, organisationId, ...values } = input
  return ctx.core.writes.run(async (manager) => {
    const audit = (action: 'create' | 'update', recordId: string, changes: Record<string, unknown>) =>
      writeAudit(manager, { at: ctx.now, actor: ctx.actor.name, action, recordType: 'directory-service', recordId, changes })
    if (!(await manager.findOneBy(OrganisationEntity, { id: organisationId }))) throw notFound('organisation')
    if (!id) {
      const row: ServiceRow = {
        id: randomUUID(),
        organisationId,
        feedId: null,
        ...values,
        feedModifiedAt: null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        version: 1
      }
      await manager.insert(ServiceEntity, row)
      await audit('create', row.id, { organisationId, ...values })
      return { id: row.id, version: 1 }
    }
    const before = await manager.findOneBy(ServiceEntity, { id })
    if (!before) throw notFound('service')
    if (version === null) throw conflict('service')
    if (before.organisationId !== organisationId) {
      throw new AppError('VALIDATION', 'A service stays with the organisation it was added to. Add it to the other organisation as a new service.')
    }
    const next = await updateVersioned(manager, ServiceEntity, id, version, { ...values, updatedAt: ctx.now }, 'service')
    await audit('update', id, changedFields(before, values))
    return { id, version: next }
  })
}
