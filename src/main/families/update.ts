// Changing what is on record. Every update names the version the user opened; the UPDATE itself
// says WHERE version = ?, so a colleague's save in between is refused, never overwritten.
import { randomUUID } from 'node:crypto'
import { IsNull } from 'typeorm'
import type { z } from 'zod'
import type { addMemberInput, familyDetailsSchema, Member, updatePersonInput } from '../../shared/families/schemas'
import { postcodeKey } from '../../shared/identifiers/postcode'
import type { CallContext } from '../core/context'
import { AppError, notFound } from '../core/errors'
import { updateVersioned } from '../core/versioned'
import { changedFields, writeAudit } from '../audit/audit'
import { indexHouseholds, indexPerson } from '../search/searchIndex'
import { FamilyEntity, MembershipEntity, PersonEntity } from './entities'
import { memberColumns } from './records'
import { disabilitiesOf, disabilityList, saveDisabilities } from './disabilities'
import { normaliseReference } from '../search/parseQuery'
import { insertPerson, recordNotDuplicate, refuseFullFamily, refuseUnconfirmedDuplicates } from './members'
import { restrictedViewer } from './access'

export async function updateFamily(input: { id: string; version: number; family: z.output<typeof familyDetailsSchema> }, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    const before = await manager.findOneBy(FamilyEntity, { id: input.id })
    if (!before) throw notFound('family')
    const values = { ...input.family, postcodeKey: postcodeKey(input.family.postcode), updatedAt: ctx.now }
    const version = await updateVersioned(manager, FamilyEntity, input.id, input.version, values, 'family')
    // Its people's search entries hold the household's postcode district (on SQLite a trigger of migration 17 has already moved it).
    await indexHouseholds(manager, [input.id])
    await writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'update',
      recordType: 'family',
      recordId: input.id,
      familyId: input.id,
      changes: changedFields(before, input.family)
    })
    return { id: input.id, version }
  })
}

export async function updatePerson(input: z.output<typeof updatePersonInput>, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    const before = await manager.findOneBy(PersonEntity, { id: input.id })
    if (!before) throw notFound('person')
    const family = await manager.findOneByOrFail(FamilyEntity, { id: before.familyId })
    const entry = { member: input.member as Member, notDuplicateOf: input.notDuplicateOf, personId: input.id }
    await refuseUnconfirmedDuplicates(manager, [{ path: 'member', entry }], family.postcode, restrictedViewer(ctx))
    await recordNotDuplicate(manager, ctx, input.id, before.familyId, input.notDuplicateOf)
    const columns = memberColumns(input.member as Member)
    const disabilities = disabilityList(input.member.disabilities)
    const held = (await disabilitiesOf(manager, [input.id])).get(input.id) ?? []
    const version = await updateVersioned(manager, PersonEntity, input.id, input.version, { ...columns, updatedAt: ctx.now }, 'person')
    await saveDisabilities(manager, input.id, disabilities, held)
    await indexPerson(manager, { id: input.id, givenName: columns.givenName, familyName: columns.familyName })
    await writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'update',
      recordType: 'person',
      recordId: input.id,
      familyId: before.familyId,
      changes: changedFields({ ...before, disabilities: held }, { ...columns, disabilities })
    })
    return { id: input.id, version }
  })
}

export async function addMember(input: z.output<typeof addMemberInput>, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    const family = await manager.findOneBy(FamilyEntity, { id: input.familyId })
    if (!family) throw notFound('family')
    await refuseFullFamily(manager, family.id, 'member', 'This')
    await refuseUnconfirmedDuplicates(manager, [{ path: 'member', entry: input }], family.postcode, restrictedViewer(ctx))
    const id = await insertPerson(manager, ctx, family.id, input)
    await indexHouseholds(manager, [family.id])
    return { id, version: 1 }
  })
}

/** A person moving household keeps their id, and so every record about them goes with them. */
export async function movePerson(input: { id: string; version: number; toFamilyReference: string }, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    const person = await manager.findOneBy(PersonEntity, { id: input.id })
    if (!person) throw notFound('person')
    const reference = normaliseReference(input.toFamilyReference)
    if (!reference) {
      throw new AppError('VALIDATION', 'There is a problem', { toFamilyReference: 'Enter a family reference, like RV-000012' })
    }
    const target = await manager.findOneBy(FamilyEntity, { reference })
    if (!target) {
      throw new AppError('VALIDATION', 'There is a problem', { toFamilyReference: `No family has the reference ${reference}` })
    }
    if (target.id === person.familyId) {
      throw new AppError('VALIDATION', 'There is a problem', { toFamilyReference: 'They are already a member of that family' })
    }
    await refuseFullFamily(manager, target.id, 'toFamilyReference', 'That')
    const version = await updateVersioned(manager, PersonEntity, person.id, input.version, { familyId: target.id, updatedAt: ctx.now }, 'person')
    await manager.update(MembershipEntity, { personId: person.id, leftAt: IsNull() }, { leftAt: ctx.now })
    await manager.insert(MembershipEntity, {
      id: randomUUID(),
      personId: person.id,
      familyId: target.id,
      joinedAt: ctx.now,
      leftAt: null,
      recordedByUserId: ctx.actor.userId
    })
    // Search finds a person by their household's other surnames: both households have changed.
    await indexHouseholds(manager, [person.familyId, target.id])
    await writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'move',
      recordType: 'person',
      recordId: person.id,
      familyId: target.id,
      changes: { familyId: { from: person.familyId, to: target.id } }
    })
    return { id: person.id, version, familyId: target.id }
  })
}
