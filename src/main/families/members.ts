// Writing one person: insert with their household membership, search index entry, any "not a
// duplicate" decisions and the audit rows, all inside the caller's transaction.
import { randomUUID } from 'node:crypto'
import { In, type EntityManager } from 'typeorm'
import { MAX_FAMILY_MEMBERS, type Member } from '../../shared/families/schemas'
import { AppError } from '../core/errors'
import type { CallContext } from '../core/context'
import { writeAudit } from '../audit/audit'
import { insertLater } from '../core/postgresHeldWrites'
import { findDuplicates } from '../search/duplicates'
import type { RestrictedViewer } from './restrictedViewer'
import { DuplicateDecisionEntity, MembershipEntity, PersonEntity } from './entities'
import { displayName, duplicateQuery, memberColumns } from './records'
import { disabilityList, saveDisabilities } from './disabilities'

export interface NewMember {
  member: Member
  notDuplicateOf: string[]
}

interface CheckedMember extends NewMember {
  /** Set when the member is already on record (an edit): they are not their own duplicate. */
  personId?: string
}

/**
 * Refuses the save when any member matches someone on record that the user has not looked at
 * and confirmed is a different person. `path` names the field the message belongs to.
 */
export async function refuseUnconfirmedDuplicates(
  manager: EntityManager,
  members: { path: string; entry: CheckedMember }[],
  postcode: string | null,
  viewer: RestrictedViewer | null
): Promise<void> {
  const fields: Record<string, string> = {}
  for (const { path, entry } of members) {
    const matches = await findDuplicates(manager, duplicateQuery(entry.member, postcode, entry.personId ?? null), viewer)
    const unconfirmed = matches.filter((m) => !entry.notDuplicateOf.includes(m.personId))
    if (unconfirmed.length > 0) {
      const first = unconfirmed[0]!
      fields[path] =
        `${displayName(entry.member)} may already be on record (${first.band}: ${displayName(first)}, ${first.familyReference}). Open the existing record or confirm this is a different person.`
    }
  }
  if (Object.keys(fields).length > 0) {
    throw new AppError('DUPLICATE_UNCONFIRMED', 'Check the possible duplicates before saving', fields)
  }
}

/**
 * Refuses one more member for a family that already has MAX_FAMILY_MEMBERS: no household is that
 * large, so it is a mistake (the wrong family, a form sent again) rather than a family.
 */
export async function refuseFullFamily(manager: EntityManager, familyId: string, path: string, which: 'This' | 'That'): Promise<void> {
  const current = await manager.countBy(PersonEntity, { familyId })
  if (current >= MAX_FAMILY_MEMBERS) {
    throw new AppError('VALIDATION', 'There is a problem', {
      [path]: `${which} family already has ${current} members, the most Casebook allows. Check it is the right family.`
    })
  }
}

/**
 * A new person in a family, recorded and audited. The caller brings the household's search entries
 * up to date once it has added everyone (indexHouseholds): each entry holds the household's
 * surnames, so indexing after each of a family of four rewrote the household four times.
 */
export async function insertPerson(manager: EntityManager, ctx: CallContext, familyId: string, entry: NewMember): Promise<string> {
  const id = randomUUID()
  const columns = memberColumns(entry.member)
  const disabilities = disabilityList(entry.member.disabilities)
  await insertLater(manager, PersonEntity, { id, familyId, ...columns, createdAt: ctx.now, updatedAt: ctx.now, version: 1 })
  await saveDisabilities(manager, id, disabilities, [])
  await insertLater(manager, MembershipEntity, {
    id: randomUUID(),
    personId: id,
    familyId,
    joinedAt: ctx.now,
    leftAt: null,
    recordedByUserId: ctx.actor.userId
  })
  await writeAudit(manager, {
    at: ctx.now,
    actor: ctx.actor.name,
    action: 'create',
    recordType: 'person',
    recordId: id,
    familyId,
    changes: { ...columns, disabilities }
  })
  await recordNotDuplicate(manager, ctx, id, familyId, entry.notDuplicateOf)
  return id
}

/** Stores "this is a different person" decisions, so that nobody is asked the same again. */
export async function recordNotDuplicate(manager: EntityManager, ctx: CallContext, personId: string, familyId: string, otherIds: string[]): Promise<void> {
  // Someone is never "not the same person" as themself, and a decision names someone on record.
  const others = [...new Set(otherIds)].filter((id) => id !== personId)
  const known = others.length ? await manager.countBy(PersonEntity, { id: In(others) }) : 0
  if (known !== others.length) {
    throw new AppError('VALIDATION', 'There is a problem', {
      notDuplicateOf: 'One of the people you compared them with is no longer on record. Check for duplicates again.'
    })
  }
  for (const otherId of others) {
    await insertLater(manager, DuplicateDecisionEntity, {
      id: randomUUID(),
      personId,
      otherPersonId: otherId,
      decision: 'different',
      decidedByUserId: ctx.actor.userId,
      decidedAt: ctx.now
    })
    await writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'confirm-not-duplicate',
      recordType: 'person',
      recordId: personId,
      familyId,
      changes: { otherPersonId: otherId }
    })
  }
}
