// Making a step-up to children's social care, and recording social care's acknowledgement of it.
// A step-up is made inside the transaction of what caused it: screening's escalation of a request
// (screening.ts), or its own call from an episode closed (or closing) as stepped up. The source code
// is the hub's setting at the time, kept on the row: the authority may change how it codes the hub.
import { randomUUID } from 'node:crypto'
import { In, type EntityManager } from 'typeorm'
import type { z } from 'zod'
import { formatDate } from '../../shared/dates'
import type { acknowledgeStepUpInput, StepUpDetails, stepUpFromEpisodeInput } from '../../shared/referrals/stepUp'
import type { CallContext } from '../core/context'
import { AppError, notFound } from '../core/errors'
import { updateVersioned } from '../core/versioned'
import { writeAudit } from '../audit/audit'
import { HubEntity } from '../hub/entities'
import { PersonEntity } from '../families/entities'
import { EpisodeEntity } from '../earlyHelp/entities'
import { closureOf } from '../earlyHelp/episodes'
import { StepUpChildEntity, StepUpEntity } from './stepUpEntities'

const PROBLEM = 'There is a problem'
const WHAT = 'step-up'

export interface StepUpOrigin {
  familyId: string
  requestId?: string
  episodeId?: string
  /** The children it may be about (a request's own); otherwise any child or unborn baby of the family. */
  allowedChildIds?: string[]
  /** Where the form's fields are: 'escalate.' on the screening form. */
  fieldPrefix?: string
}

/** Writes the step-up, its children and its audit row with `manager`, inside the caller's transaction. */
export async function createStepUp(manager: EntityManager, ctx: CallContext, origin: StepUpOrigin, details: StepUpDetails): Promise<string> {
  const prefix = origin.fieldPrefix ?? ''
  const childIds = [...new Set(details.childIds)]
  const people = await manager.findBy(PersonEntity, { id: In(childIds) })
  const fits = (id: string) => {
    const p = people.find((x) => x.id === id)
    if (!p || p.familyId !== origin.familyId || p.kind === 'adult') return false
    return !origin.allowedChildIds || origin.allowedChildIds.includes(id)
  }
  if (!childIds.every(fits)) {
    const message = origin.allowedChildIds ? 'Select children the request is about' : 'Select children of this family'
    throw new AppError('VALIDATION', PROBLEM, { [`${prefix}childIds`]: message })
  }
  const hub = await manager.findOneByOrFail(HubEntity, { id: 1 })
  const id = randomUUID()
  await manager.insert(StepUpEntity, {
    id,
    familyId: origin.familyId,
    requestId: origin.requestId ?? null,
    episodeId: origin.episodeId ?? null,
    concern: details.concern,
    steppedUpOn: details.steppedUpOn,
    referralSource: hub.stepUpSource,
    madeByUserId: ctx.actor.userId,
    acknowledgedOn: null,
    socialCareReference: null,
    acknowledgedByUserId: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1
  })
  await manager.insert(
    StepUpChildEntity,
    childIds.map((personId) => ({ stepUpId: id, personId }))
  )
  await writeAudit(manager, {
    at: ctx.now,
    actor: ctx.actor.name,
    action: 'create',
    recordType: 'step-up',
    recordId: id,
    familyId: origin.familyId,
    changes: {
      requestId: origin.requestId ?? null,
      episodeId: origin.episodeId ?? null,
      steppedUpOn: details.steppedUpOn,
      referralSource: hub.stepUpSource,
      childIds
    }
  })
  return id
}

/** The step-up of an episode whose closure says "stepped up to children's social care". */
export async function stepUpFromEpisode(input: z.output<typeof stepUpFromEpisodeInput>, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    const episode = await manager.findOneBy(EpisodeEntity, { id: input.episodeId })
    if (!episode) throw notFound('episode')
    if (closureOf(episode)?.reason !== 'STEPPED_UP')
      throw new AppError(
        'CONFLICT',
        'Only an episode closed as “stepped up to children’s social care” can be stepped up. Close the episode with that reason first.'
      )
    if (input.steppedUpOn < episode.openedOn)
      throw new AppError('VALIDATION', PROBLEM, {
        steppedUpOn: `Date of the step-up must be on or after the day the episode opened (${formatDate(episode.openedOn)})`
      })
    const made = await manager.findOneBy(StepUpEntity, { episodeId: episode.id })
    if (made) throw new AppError('CONFLICT', `This episode was stepped up already, on ${formatDate(made.steppedUpOn)}. Open that step-up instead.`)
    const id = await createStepUp(manager, ctx, { familyId: episode.familyId, episodeId: episode.id }, input)
    return { id, version: 1 }
  })
}

/** Social care's acknowledgement: the day and their reference. Recorded once; a second is a conflict. */
export async function acknowledgeStepUp(input: z.output<typeof acknowledgeStepUpInput>, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    const row = await manager.findOneBy(StepUpEntity, { id: input.id })
    if (!row) throw notFound(WHAT)
    if (row.acknowledgedOn)
      throw new AppError(
        'CONFLICT',
        `Social care’s acknowledgement was recorded already (on ${formatDate(row.acknowledgedOn)}, reference ${row.socialCareReference}).`
      )
    if (input.acknowledgedOn < row.steppedUpOn)
      throw new AppError('VALIDATION', PROBLEM, {
        acknowledgedOn: `Date social care acknowledged it must be on or after the step-up (${formatDate(row.steppedUpOn)})`
      })
    const version = await updateVersioned(
      manager,
      StepUpEntity,
      row.id,
      input.version,
      { acknowledgedOn: input.acknowledgedOn, socialCareReference: input.socialCareReference, acknowledgedByUserId: ctx.actor.userId, updatedAt: ctx.now },
      WHAT
    )
    await writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'update',
      recordType: 'step-up',
      recordId: row.id,
      familyId: row.familyId,
      changes: { acknowledgedOn: input.acknowledgedOn, socialCareReference: input.socialCareReference }
    })
    return { id: row.id, version }
  })
}
