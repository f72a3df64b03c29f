import { randomUUID } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import type { z } from 'zod'
import { agreedScopes, consentProblems, type ConsentRecord, type recordConsentInput } from '../../shared/consent/schemas'
import { todayIso } from '../../shared/dates'
import type { CallContext } from '../core/context'
import { AppError, conflict, notFound } from '../core/errors'
import { writeAudit } from '../audit/audit'
import { PersonEntity } from '../families/entities'
import { displayName } from '../families/records'
import { ConsentEntity } from './entities'
import { OrganisationEntity } from '../directory/entities'
import { staffNames } from '../accounts/staffNames'

export async function listConsents(db: EntityManager, familyId: string): Promise<ConsentRecord[]> {
  const rows = await db.find(ConsentEntity, { where: { familyId }, order: { givenOn: 'DESC', recordedAt: 'DESC' } })
  const people = rows.length
    ? await db.findBy(
        PersonEntity,
        rows.map((r) => ({ id: r.givenById }))
      )
    : []
  const names = new Map(people.map((p) => [p.id, displayName(p)]))
  const staff = await staffNames(
    db,
    rows.map((r) => r.recordedByUserId)
  )
  return rows.map(({ recordedByUserId, ...r }) => ({ ...r, givenByName: names.get(r.givenById) ?? 'Former member', recordedBy: staff(recordedByUserId) }))
}

/**
 * Inside a write: used by the consent screen, and by opening an episode on consent given there and
 * then, so both keep one rule of who can give consent and when (consentProblems). The field names
 * are the calling form's, so each refusal is shown next to the field it is about.
 */
export async function insertConsent(
  manager: EntityManager,
  ctx: CallContext,
  // One thing agreed. Opening an episode records early-help consent, which is with no organisation.
  input: Omit<z.output<typeof recordConsentInput>, 'organisationId' | 'scope' | 'scopes'> & {
    scope: ConsentRecord['scope']
    organisationId?: string | null
  },
  personField = 'givenById',
  dateField = 'givenOn'
) {
  const person = await manager.findOneBy(PersonEntity, { id: input.givenById })
  if (!person || person.familyId !== input.familyId) {
    throw new AppError('VALIDATION', 'There is a problem', { [personField]: 'Select a member of this family' })
  }
  const problems = consentProblems(person, input.givenOn, todayIso(new Date(ctx.now)))
  if (problems) {
    const fields: Record<string, string> = {}
    if (problems.givenById) fields[personField] = problems.givenById
    if (problems.givenOn) fields[dateField] = problems.givenOn
    throw new AppError('VALIDATION', 'There is a problem', fields)
  }
  // Tied to a directory organisation, the agency is its name as it was then: read as any older consent's.
  const organisation = input.scope === 'SHARING' && input.organisationId ? await manager.findOneBy(OrganisationEntity, { id: input.organisationId }) : null
  if (input.organisationId && !organisation) {
    throw new AppError('VALIDATION', 'There is a problem', { organisationId: 'That organisation is no longer in the directory. Choose it again.' })
  }
  const id = randomUUID()
  const row = {
    id,
    familyId: input.familyId,
    givenById: input.givenById,
    scope: input.scope,
    agency: input.scope === 'SHARING' ? (organisation?.name ?? input.agency) : null,
    organisationId: organisation?.id ?? null,
    method: input.method,
    givenOn: input.givenOn,
    recordedByUserId: ctx.actor.userId,
    recordedAt: ctx.now,
    withdrawnOn: null,
    version: 1
  }
  await manager.insert(ConsentEntity, row)
  await writeAudit(manager, {
    at: ctx.now,
    actor: ctx.actor.name,
    action: 'create',
    recordType: 'consent',
    recordId: id,
    familyId: input.familyId,
    changes: row
  })
  return { id, version: 1 }
}

/**
 * Everything agreed at once, one record (and its audit row) each, in one transaction: a refusal of
 * any of them (the organisation gone from the directory, say) leaves none of them written. Answers
 * with the first record, in the list's order.
 */
export async function recordConsent({ scope, scopes, ...input }: z.output<typeof recordConsentInput>, ctx: CallContext) {
  // The contract's schema has refused a call that agreed nothing.
  const [first, ...more] = agreedScopes({ scope, scopes }) as [ConsentRecord['scope'], ...ConsentRecord['scope'][]]
  // The organisation is the sharing's alone: the rest agreed beside it are with no organisation.
  const one = (agreed: ConsentRecord['scope']) => ({ ...input, scope: agreed, organisationId: agreed === 'SHARING' ? input.organisationId : null })
  return ctx.core.writes.run(async (manager) => {
    const saved = await insertConsent(manager, ctx, one(first))
    for (const next of more) await insertConsent(manager, ctx, one(next))
    return saved
  })
}

export async function withdrawConsent(input: { id: string; version: number }, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    const before = await manager.findOneBy(ConsentEntity, { id: input.id })
    if (!before) throw notFound('consent')
    // The day at the hub, not in UTC: just after midnight in summer time it is already tomorrow here.
    const withdrawnOn = todayIso(new Date(ctx.now))
    const result = await manager
      .createQueryBuilder()
      .update(ConsentEntity)
      .set({ withdrawnOn, version: input.version + 1 })
      .where('id = :id AND version = :version AND withdrawn_on IS NULL', { id: input.id, version: input.version })
      .execute()
    if (result.affected !== 1) throw conflict('consent')
    await writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'withdraw',
      recordType: 'consent',
      recordId: input.id,
      familyId: before.familyId,
      changes: { withdrawnOn }
    })
    return { id: input.id, version: input.version + 1 }
  })
}
