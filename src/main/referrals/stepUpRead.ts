// Step-ups as they are read: one with everything its referral document and census files need (for
// those who screen), and the manager's list of every step-up and its acknowledgement, a page at a
// time. A restricted family's step-up stays on the list with its reference and progress only.
import { In, type EntityManager } from 'typeorm'
import type { z } from 'zod'
import { DISABILITY } from '../../shared/codes'
import {
  STEP_UPS_PAGE_SIZE,
  type listStepUpsInput,
  type ListStepUpsOutput,
  type StepUpChild,
  type StepUpRecord,
  type StepUpRow
} from '../../shared/referrals/stepUp'
import type { CallContext } from '../core/context'
import { notFound } from '../core/errors'
import { auditView } from '../audit/audit'
import { HubEntity } from '../hub/entities'
import { FamilyEntity, PersonEntity, type PersonRow } from '../families/entities'
import { withDisabilities, type PersonWithDisabilities } from '../families/disabilities'
import { displayName } from '../families/records'
import { restrictedViewer } from '../families/access'
import { openToViewer } from '../families/restrictedViewer'
import { familyNames, openFamilyName } from '../families/familyNames'
import { EpisodeEntity } from '../earlyHelp/entities'
import { OrganisationEntity } from '../directory/entities'
import { RequestEntity } from './entities'
import { usersById } from './read'
import { cinMissing } from './cinXml'
import { StepUpChildEntity, StepUpEntity, type StepUpRow as StepUpEntityRow } from './stepUpEntities'
import { familyName } from '../../shared/families/familyName'

export async function familyOfStepUp(ctx: CallContext, id: string): Promise<string> {
  const row = await ctx.core.db.manager.findOne(StepUpEntity, { where: { id }, select: { id: true, familyId: true } })
  if (!row) throw notFound('step-up')
  return row.familyId
}

/** A child of a step-up as the census file will describe them. */
export function stepUpChildOf(p: PersonWithDisabilities<PersonRow>): StepUpChild {
  const child = {
    id: p.id,
    name: displayName(p),
    kind: p.kind,
    dateOfBirth: p.dateOfBirth,
    expectedDate: p.expectedDate,
    sex: p.sex as StepUpChild['sex'],
    ethnicity: p.ethnicity as StepUpChild['ethnicity'],
    upn: p.upn,
    disabilities: p.disabilities as StepUpChild['disabilities']
  }
  return { ...child, disabilities: child.disabilities.filter((d) => DISABILITY.items.some((i) => i.code === d)), missing: cinMissing(child) }
}

/** The step-up's row and its children's person rows, read with `db`. */
export async function stepUpWithChildren(db: EntityManager, id: string): Promise<{ row: StepUpEntityRow; people: PersonWithDisabilities<PersonRow>[] }> {
  const row = await db.findOneBy(StepUpEntity, { id })
  if (!row) throw notFound('step-up')
  const links = await db.findBy(StepUpChildEntity, { stepUpId: id })
  const people = await withDisabilities(db, links.length ? await db.findBy(PersonEntity, { id: In(links.map((l) => l.personId)) }) : [])
  return { row, people: people.sort((a, b) => displayName(a).localeCompare(displayName(b))) }
}

export async function getStepUp({ id }: { id: string }, ctx: CallContext): Promise<StepUpRecord> {
  const record = await readStepUp(ctx.core.db.manager, id)
  await auditView(ctx, 'step-up', id, record.familyId)
  return record
}

export async function readStepUp(db: EntityManager, id: string): Promise<StepUpRecord> {
  const { row, people } = await stepUpWithChildren(db, id)
  const family = await db.findOneByOrFail(FamilyEntity, { id: row.familyId })
  const hub = await db.findOneByOrFail(HubEntity, { id: 1 })
  const request = row.requestId ? await db.findOneBy(RequestEntity, { id: row.requestId }) : null
  const episode = row.episodeId ? await db.findOneBy(EpisodeEntity, { id: row.episodeId }) : null
  const organisation = request?.organisationId ? await db.findOneBy(OrganisationEntity, { id: request.organisationId }) : null
  const name = await usersById(db, [row.madeByUserId, row.acknowledgedByUserId, request?.decidedByUserId ?? null, episode?.leadUserId ?? null])
  return {
    id: row.id,
    familyId: row.familyId,
    familyReference: family.reference,
    familyName: await openFamilyName(db, family),
    hubName: hub.name,
    concern: row.concern,
    steppedUpOn: row.steppedUpOn,
    referralSource: row.referralSource as StepUpRecord['referralSource'],
    madeBy: name(row.madeByUserId),
    madeAt: row.createdAt,
    children: people.map(stepUpChildOf),
    request: request
      ? {
          id: request.id,
          receivedAt: request.receivedAt,
          referrer: [request.referrerName ?? 'Anonymous', request.referrerRole, organisation?.name ?? request.agency].filter(Boolean).join(', '),
          source: request.source as NonNullable<StepUpRecord['request']>['source'],
          reason: request.reason,
          decidedBy: name(request.decidedByUserId)
        }
      : null,
    episode: episode
      ? {
          id: episode.id,
          openedOn: episode.openedOn,
          closedOn: episode.closedOn,
          leadName: name(episode.leadUserId),
          reason: episode.reason
        }
      : null,
    acknowledgement:
      row.acknowledgedOn && row.socialCareReference ? { on: row.acknowledgedOn, reference: row.socialCareReference, by: name(row.acknowledgedByUserId) } : null,
    version: row.version
  }
}

interface Found {
  id: string
  familyId: string
  familyReference: string
  open: number | boolean
  steppedUpOn: string
  requestId: string | null
  referralSource: string
  madeByUserId: string | null
  acknowledgedOn: string | null
  socialCareReference: string | null
  acknowledgedByUserId: string | null
}

/** Every step-up, newest first; or those social care has not acknowledged (oldest first: the longest wait is the most pressing), or has. */
export async function listStepUps(input: z.output<typeof listStepUpsInput>, ctx: CallContext): Promise<ListStepUpsOutput> {
  const db = ctx.core.db
  const where = input.show === 'waiting' ? 'WHERE s.acknowledged_on IS NULL' : input.show === 'acknowledged' ? 'WHERE s.acknowledged_on IS NOT NULL' : ''
  const order = input.show === 'waiting' ? 'ASC' : 'DESC'
  const viewer = restrictedViewer(ctx)
  const open = viewer ? openToViewer(viewer, 'f') : null
  const found = (await db.query(
    `SELECT s.id AS "id", s.family_id AS "familyId", f.reference AS "familyReference",
       ${open ? `CASE WHEN ${open.sql} THEN 1 ELSE 0 END` : '1'} AS "open",
       s.stepped_up_on AS "steppedUpOn", s.request_id AS "requestId", s.referral_source AS "referralSource",
       s.made_by_user_id AS "madeByUserId", s.acknowledged_on AS "acknowledgedOn", s.social_care_reference AS "socialCareReference",
       s.acknowledged_by_user_id AS "acknowledgedByUserId"
     FROM step_up s JOIN family f ON f.id = s.family_id
     ${where}
     ORDER BY s.stepped_up_on ${order}, s.id ${order}
     LIMIT ? OFFSET ?`,
    [...(open?.params ?? []), STEP_UPS_PAGE_SIZE, (input.page - 1) * STEP_UPS_PAGE_SIZE]
  )) as Found[]
  const [{ n }] = (await db.query(`SELECT count(*) AS "n" FROM step_up s ${where}`)) as [{ n: number }]
  const names = await familyNames(
    ctx,
    found.map((r) => r.familyId)
  )
  const name = await usersById(db.manager, [...found.map((r) => r.madeByUserId), ...found.map((r) => r.acknowledgedByUserId)])
  const stepUps = found.map((r): StepUpRow => {
    const shown = Boolean(r.open)
    return {
      id: r.id,
      familyId: r.familyId,
      familyReference: r.familyReference,
      familyName: names.get(r.familyId) ?? familyName(r.familyReference, null),
      restricted: !shown,
      steppedUpOn: r.steppedUpOn,
      from: r.requestId ? 'request' : 'episode',
      referralSource: r.referralSource as StepUpRow['referralSource'],
      madeBy: name(r.madeByUserId),
      acknowledgement:
        r.acknowledgedOn && r.socialCareReference ? { on: r.acknowledgedOn, reference: r.socialCareReference, by: name(r.acknowledgedByUserId) } : null
    }
  })
  return { stepUps, total: Number(n), page: input.page, pageSize: STEP_UPS_PAGE_SIZE }
}
