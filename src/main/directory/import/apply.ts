// Writing an import: one transaction, an audit entry for each organisation and service it adds or
// changes, and one for the import itself. Rows are found by the feed's id, so importing again
// updates and never duplicates. A service is updated only when the feed's last_modified is newer
// than the one it was imported at (or the feed gives none), and only what differs is changed. What
// the feed leaves out never erases what the hub filled in (the UK profile drops phone numbers, so
// a manager's would otherwise go at every import). When the feed was read whole, a service it
// brought in before and no longer lists becomes inactive: nothing is deleted, as referrals and
// requests may name it.
import { randomUUID } from 'node:crypto'
import { IsNull, Not, type EntityManager } from 'typeorm'
import { IMPORT_LIST_LIMIT, type DirectoryImportResult } from '../../../shared/directory/schemas'
import type { CallContext } from '../../core/context'
import { updateVersioned } from '../../core/versioned'
import { changedFields, writeAudit, type AuditInput } from '../../audit/audit'
import { OrganisationEntity, ServiceEntity, type OrganisationRow, type ServiceRow } from '../entities'
import type { ImportPlan, PlannedService } from './plan'

export async function applyImport(manager: EntityManager, plan: ImportPlan, ctx: CallContext): Promise<DirectoryImportResult> {
  const audit = (action: 'create' | 'update', recordType: AuditInput['recordType'], recordId: string, changes: Record<string, unknown>) =>
    writeAudit(manager, { at: ctx.now, actor: ctx.actor.name, action, recordType, recordId, changes })
  const organisations = { added: 0, updated: 0, unchanged: 0 }
  const services = { added: 0, updated: 0, unchanged: 0, madeInactive: 0 }
  const skipped = [...plan.skipped]

  const existingOrganisations = new Map((await manager.findBy(OrganisationEntity, { feedId: Not(IsNull()) })).map((o) => [o.feedId!, o]))
  const organisationIds = new Map<string, string>()
  for (const [feedId, values] of plan.organisations) {
    const before = existingOrganisations.get(feedId)
    if (!before) {
      const row: OrganisationRow = { id: randomUUID(), feedId, ...values, createdAt: ctx.now, updatedAt: ctx.now, version: 1 }
      await manager.insert(OrganisationEntity, row)
      await audit('create', 'directory-organisation', row.id, { feedId, ...values })
      organisations.added++
      organisationIds.set(feedId, row.id)
      continue
    }
    organisationIds.set(feedId, before.id)
    const kept = keepingWhatTheFeedLeavesOut(before, values)
    const changes = changedFields(before, kept)
    if (Object.keys(changes).length === 0) {
      organisations.unchanged++
      continue
    }
    await updateVersioned(manager, OrganisationEntity, before.id, before.version, { ...kept, updatedAt: ctx.now }, 'organisation')
    await audit('update', 'directory-organisation', before.id, changes)
    organisations.updated++
  }
  // A service may name its organisation by id alone, when an earlier import brought it in.
  for (const [feedId, row] of existingOrganisations) if (!organisationIds.has(feedId)) organisationIds.set(feedId, row.id)

  const existingServices = new Map((await manager.findBy(ServiceEntity, { feedId: Not(IsNull()) })).map((s) => [s.feedId!, s]))
  // What the feed lists, skipped or not: a service it still lists but Casebook could not take this
  // time (a slip in the council's data) has not gone, so it is not made inactive.
  const listed = new Set(plan.skipped.flatMap((s) => (s.feedId ? [s.feedId] : [])))
  for (const service of plan.services) {
    listed.add(service.feedId)
    const organisationId = organisationIds.get(service.organisationFeedId)
    if (!organisationId) {
      skipped.push({ feedId: service.feedId, name: service.values.name, reason: `the feed does not describe its organisation (${service.organisationFeedId})` })
      continue
    }
    const before = existingServices.get(service.feedId)
    if (!before) {
      const row: ServiceRow = {
        id: randomUUID(),
        organisationId,
        feedId: service.feedId,
        ...service.values,
        ...service.classification,
        secureEmail: null,
        feedModifiedAt: service.lastModified,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        version: 1
      }
      await manager.insert(ServiceEntity, row)
      const { id: _id, createdAt: _c, updatedAt: _u, version: _v, ...values } = row
      await audit('create', 'directory-service', row.id, values)
      services.added++
      continue
    }
    if (!changedSince(before, service)) {
      services.unchanged++
      continue
    }
    const values = { organisationId, ...keepingWhatTheFeedLeavesOut(before, service.values) }
    const changes = changedFields(before, values)
    if (Object.keys(changes).length === 0) {
      services.unchanged++
      continue
    }
    await updateVersioned(manager, ServiceEntity, before.id, before.version, { ...values, feedModifiedAt: service.lastModified, updatedAt: ctx.now }, 'service')
    await audit('update', 'directory-service', before.id, { ...changes, ...changedFields(before, { feedModifiedAt: service.lastModified }) })
    services.updated++
  }

  if (plan.complete) {
    for (const before of existingServices.values()) {
      if (listed.has(before.feedId!) || (before.status !== 'active' && before.status !== 'temporarily closed')) continue
      // Forgetting its last_modified means that if it comes back, it is read again in full.
      const values = { status: 'inactive', feedModifiedAt: null }
      await updateVersioned(manager, ServiceEntity, before.id, before.version, { ...values, updatedAt: ctx.now }, 'service')
      await audit('update', 'directory-service', before.id, { ...changedFields(before, values), why: 'no longer in the directory feed' })
      services.madeInactive++
    }
  }

  const result: DirectoryImportResult = {
    source: plan.source,
    shape: plan.shape,
    complete: plan.complete,
    organisations,
    services,
    skipped: skipped.slice(0, IMPORT_LIST_LIMIT),
    skippedTotal: skipped.length,
    notes: plan.notes.slice(0, IMPORT_LIST_LIMIT),
    notesTotal: plan.notes.length
  }
  const { skipped: _s, notes: _n, ...summary } = result
  await audit('create', 'directory-import', randomUUID(), summary)
  return result
}

/** The feed's values, but where it says nothing (null) the hub's value stays. */
function keepingWhatTheFeedLeavesOut<T extends object>(before: object, values: T): T {
  const had = before as Partial<T>
  const kept = { ...values }
  for (const key of Object.keys(kept) as (keyof T)[]) if (kept[key] === null && had[key] !== null && had[key] !== undefined) kept[key] = had[key] as T[keyof T]
  return kept
}

/** Whether the feed has changed the service since it was imported: a newer last_modified, or none to go by. */
function changedSince(before: ServiceRow, service: PlannedService): boolean {
  if (!service.lastModified || !before.feedModifiedAt) return true
  return Date.parse(service.lastModified) > Date.parse(before.feedModifiedAt)
}
