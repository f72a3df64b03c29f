import { randomUUID } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import type { z } from 'zod'
import type { registerFamilyInput } from '../../shared/families/schemas'
import { postcodeKey } from '../../shared/identifiers/postcode'
import type { CallContext } from '../core/context'
import { writeAudit } from '../audit/audit'
import { HubEntity } from '../hub/entities'
import { formatReference } from '../search/parseQuery'
import { FamilyEntity } from './entities'
import { insertPerson, refuseUnconfirmedDuplicates } from './members'
import { restrictedViewer } from './access'
import { discardDraft } from '../drafts/service'
import { indexHouseholds } from '../search/searchIndex'
import { insertLater, updateLater } from '../core/postgresHeldWrites'

/** A new household and its members in one transaction: all of it is saved, or none. */
export async function registerFamily(input: z.output<typeof registerFamilyInput>, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    await refuseUnconfirmedDuplicates(
      manager,
      input.members.map((entry, i) => ({ path: `members.${i}.member`, entry })),
      input.family.postcode,
      restrictedViewer(ctx)
    )
    if (input.draftKey) await discardDraft(manager, ctx.actor.name, input.draftKey)
    return insertFamily(manager, ctx, input)
  })
}

/** The family and its members, inside the caller's transaction (registration, or a seed batch). */
export async function insertFamily(manager: EntityManager, ctx: CallContext, input: z.output<typeof registerFamilyInput>) {
  // Read under the write lock every desk's write takes first (../core/dialect BEGIN_WRITE), so no
  // other desk can take the same number; the rows below are held and sent together on PostgreSQL.
  const hub = await manager.findOneByOrFail(HubEntity, { id: 1 })
  await updateLater(manager, HubEntity, { id: 1 }, { nextFamilyNumber: hub.nextFamilyNumber + 1 })
  const id = randomUUID()
  const reference = formatReference(hub.code, hub.nextFamilyNumber)
  const family = {
    id,
    reference,
    ...input.family,
    postcodeKey: postcodeKey(input.family.postcode),
    registeredAt: ctx.now,
    registeredByUserId: ctx.actor.userId,
    updatedAt: ctx.now,
    version: 1
  }
  await insertLater(manager, FamilyEntity, family)
  await writeAudit(manager, { at: ctx.now, actor: ctx.actor.name, action: 'create', recordType: 'family', recordId: id, familyId: id, changes: input.family })
  for (const entry of input.members) await insertPerson(manager, ctx, id, entry)
  await indexHouseholds(manager, [id])
  return { id, reference }
}
