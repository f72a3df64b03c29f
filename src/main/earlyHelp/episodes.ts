import { randomUUID } from 'node:crypto'
import { In, type EntityManager } from 'typeorm'
import type { z } from 'zod'
import { NEW_CONSENT, type EpisodeClosure, type EpisodeDetail, type EpisodeSummary, type openEpisodeInput } from '../../shared/earlyHelp/schemas'
import type { CallContext } from '../core/context'
import { AppError } from '../core/errors'
import { writeAudit } from '../audit/audit'
import { UserEntity } from '../accounts/entities'
import { HubEntity } from '../hub/entities'
import { ConsentEntity } from '../consent/entities'
import { insertConsent } from '../consent/service'
import { EpisodeEntity, EpisodeHeadlineEntity, type EpisodeRow } from './entities'
import { teamOf } from './team'
import { assessmentOf } from './assessment'
import { planOf } from './plan'
import { reviewsOf } from './reviews'
import { DocumentVersionEntity } from './planEntities'
import { readStored } from '../core/storedJson'
import { StepUpEntity } from '../referrals/stepUpEntities'
import { storedClosure, storedReopenings, type StoredClosure } from '../../shared/earlyHelp/stored'
import { HEADLINE, inListOrder } from '../../shared/codes'
import { staffNames } from '../accounts/staffNames'

/** Who can lead an episode: active practitioners and managers. */
export async function leadChoices(ctx: CallContext) {
  const users = await ctx.core.db.manager.find(UserEntity, {
    where: [
      { role: 'practitioner', disabled: false },
      { role: 'manager', disabled: false }
    ],
    order: { displayName: 'ASC' }
  })
  return { users: users.map((u) => ({ id: u.id, displayName: u.displayName })) }
}

/** The closure stored on an episode, through its schema. */
export const closureOf = (row: EpisodeRow) => (row.closure ? readStored(storedClosure, row.closure, 'episode closure', row.id) : null)

/** Each time the episode was reopened, through its schema. */
export const reopeningsOf = (row: EpisodeRow) => (row.reopened ? readStored(storedReopenings, row.reopened, 'episode history', row.id) : [])

/** The closure with who recorded and who approved it by name. */
export const closureView = (closure: StoredClosure, name: (userId: string | null) => string): EpisodeClosure => ({
  ...closure,
  requestedBy: name(closure.requestedByUserId),
  approvedBy: closure.approved ? name(closure.approvedByUserId) : null
})

/** The headlines an episode was opened for, in the code list's order (the order the form lists them). */
export async function headlinesOf(db: EntityManager, episodeId: string): Promise<string[]> {
  const rows = await db.find(EpisodeHeadlineEntity, { where: { episodeId }, select: { code: true } })
  return inListOrder(
    HEADLINE,
    rows.map((r) => r.code)
  )
}

async function summary(db: EntityManager, row: EpisodeRow): Promise<EpisodeSummary> {
  const closure = closureOf(row)
  const name = await staffNames(db, [row.leadUserId, closure?.requestedByUserId ?? null, closure?.approvedByUserId ?? null])
  return {
    id: row.id,
    familyId: row.familyId,
    status: row.status,
    openedOn: row.openedOn,
    closedOn: row.closedOn,
    closure: closure ? closureView(closure, name) : null,
    leadUserId: row.leadUserId,
    leadName: name(row.leadUserId),
    reason: row.reason,
    headlines: await headlinesOf(db, row.id),
    consentId: row.consentId,
    version: row.version
  }
}

/** The family's current episode: open, or closing while a manager's approval is awaited. */
export async function openEpisodeOf(db: EntityManager, familyId: string): Promise<EpisodeSummary | null> {
  const row = await db.findOneBy(EpisodeEntity, { familyId, status: In(['open', 'closing']) })
  return row ? summary(db, row) : null
}

/** The consent an episode opens on: one the family gave earlier, or one recorded now in the same transaction. */
async function consentForEpisode(manager: EntityManager, ctx: CallContext, input: z.output<typeof openEpisodeInput>): Promise<string> {
  if (input.consentId === NEW_CONSENT) {
    const { id } = await insertConsent(
      manager,
      ctx,
      {
        familyId: input.familyId,
        givenById: input.consentGivenById!,
        scope: 'EARLY_HELP',
        agency: null,
        method: input.consentMethod as 'VERBAL' | 'WRITTEN',
        givenOn: input.consentGivenOn!
      },
      'consentGivenById',
      'consentGivenOn'
    )
    return id
  }
  const consent = await manager.findOneBy(ConsentEntity, { id: input.consentId, familyId: input.familyId, scope: 'EARLY_HELP' })
  if (!consent || consent.withdrawnOn)
    throw new AppError('VALIDATION', 'There is a problem', { consentId: 'That consent is no longer in force. Record the family’s consent again.' })
  return consent.id
}

export async function openEpisode(input: z.output<typeof openEpisodeInput>, ctx: CallContext) {
  return ctx.core.writes.run((manager) => openEpisodeIn(manager, ctx, input))
}

/** Opening an episode inside a transaction the caller holds (accepting a request for help opens one with its decision). */
export async function openEpisodeIn(manager: EntityManager, ctx: CallContext, input: z.output<typeof openEpisodeInput>) {
  if (await manager.findOneBy(EpisodeEntity, { familyId: input.familyId, status: In(['open', 'closing']) })) {
    throw new AppError('CONFLICT', 'This family already has an open early-help episode. Add to that one instead.')
  }
  const lead = await manager.findOneBy(UserEntity, { id: input.leadUserId })
  if (!lead || lead.disabled || (lead.role !== 'practitioner' && lead.role !== 'manager')) {
    throw new AppError('VALIDATION', 'There is a problem', { leadUserId: 'Select a practitioner or manager to lead the episode' })
  }
  const consentId = await consentForEpisode(manager, ctx, input)
  const row: EpisodeRow = {
    id: randomUUID(),
    familyId: input.familyId,
    status: 'open',
    openedOn: input.openedOn,
    closedOn: null,
    leadUserId: lead.id,
    reason: input.reason,
    openedByUserId: ctx.actor.userId,
    closure: null,
    reopened: null,
    noteCount: 0,
    lastContactAt: null,
    nextReviewOn: null,
    openActionDues: '',
    consentId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1
  }
  await manager.insert(EpisodeEntity, row)
  await manager.insert(
    EpisodeHeadlineEntity,
    [...new Set(input.headlines)].map((code) => ({ episodeId: row.id, code }))
  )
  await writeAudit(manager, {
    at: ctx.now,
    actor: ctx.actor.name,
    action: 'create',
    recordType: 'episode',
    recordId: row.id,
    familyId: row.familyId,
    changes: { openedOn: row.openedOn, lead: lead.username, headlines: input.headlines, consentId }
  })
  return { id: row.id, version: 1 }
}

export async function getEpisode(id: string, ctx: CallContext): Promise<EpisodeDetail | null> {
  const db = ctx.core.db.manager
  const row = await db.findOneBy(EpisodeEntity, { id })
  if (!row) return null
  const hub = await db.findOneByOrFail(HubEntity, { id: 1 })
  const reopened = reopeningsOf(row)
  const name = await staffNames(
    db,
    reopened.map((r) => r.byUserId)
  )
  const reopenings = reopened.map(({ at, byUserId, reason }) => ({ at, by: name(byUserId), reason }))
  const assessment = await assessmentOf(db, id)
  const plan = await planOf(db, id)
  // Counted by document, on the index that keeps each document's versions unique.
  const kept = (documentId: string | undefined) => (documentId ? db.countBy(DocumentVersionEntity, { documentId }) : Promise.resolve(0))
  return {
    ...(await summary(db, row)),
    team: await teamOf(db, id),
    assessment,
    plan,
    reviews: await reviewsOf(db, id),
    nextReviewOn: row.nextReviewOn,
    reviewWeeks: hub.reviewWeeks,
    reopenings,
    versionsKept: { 'family-plan': await kept(plan?.id), assessment: await kept(assessment?.id) },
    stepUpId: (await db.findOne(StepUpEntity, { where: { episodeId: id }, select: { id: true } }))?.id ?? null
  }
}

/** The family's closed episodes, newest first. */
export async function pastEpisodesOf(db: EntityManager, familyId: string) {
  const rows = await db.find(EpisodeEntity, {
    where: { familyId, status: 'closed' },
    order: { openedOn: 'DESC' },
    select: { id: true, openedOn: true, closedOn: true, version: true }
  })
  return rows.map(({ id, openedOn, closedOn, version }) => ({ id, openedOn, closedOn, version }))
}
