// Telling the person who asked what happened to their request: its own step, once decided, once.
import type { z } from 'zod'
import { formatDate } from '../../shared/dates'
import { ANONYMOUS_SOURCE, type recordFeedbackInput } from '../../shared/referrals/requests'
import type { CallContext } from '../core/context'
import { AppError, conflict, notFound } from '../core/errors'
import { updateVersioned } from '../core/versioned'
import { writeAudit } from '../audit/audit'
import { RequestEntity } from './entities'
import { localDay } from './timing'

const WHAT = 'request for help'

export async function recordFeedback(input: z.output<typeof recordFeedbackInput>, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    const row = await manager.findOneBy(RequestEntity, { id: input.id })
    if (!row) throw notFound(WHAT)
    if (row.status !== 'decided' || !row.decidedAt) throw new AppError('CONFLICT', 'The person who asked can be told once the request has been decided.')
    if (row.source === ANONYMOUS_SOURCE) throw new AppError('CONFLICT', 'This request was made anonymously: there is no one to tell.')
    if (row.fedBackOn) throw new AppError('CONFLICT', `The person who asked was told already, on ${formatDate(row.fedBackOn)}.`)
    if (row.version !== input.version) throw conflict(WHAT)
    const decidedOn = localDay(row.decidedAt)
    if (input.fedBackOn < decidedOn) {
      throw new AppError('VALIDATION', 'There is a problem', {
        fedBackOn: `The date they were told must be on or after the day the request was decided, ${formatDate(decidedOn)}`
      })
    }
    const version = await updateVersioned(
      manager,
      RequestEntity,
      row.id,
      row.version,
      { fedBackOn: input.fedBackOn, feedbackMethod: input.method, feedbackByUserId: ctx.actor.userId, feedbackNote: input.note, updatedAt: ctx.now },
      WHAT
    )
    await writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'update',
      recordType: 'request-for-help',
      recordId: row.id,
      familyId: row.familyId,
      changes: { fedBackOn: input.fedBackOn, method: input.method }
    })
    return { id: row.id, version }
  })
}
