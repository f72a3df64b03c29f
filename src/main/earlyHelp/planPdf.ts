// The printed plan saved as a PDF by the window that shows it. A PDF of a child's plan is a copy of
// the record outside Casebook, so saving one is on the audit trail: who, when, which plan, where.
import type { z } from 'zod'
import type { savePlanPdfInput } from '../../shared/earlyHelp/plan'
import type { CallContext } from '../core/context'
import { AppError, notFound } from '../core/errors'
import { writeAudit } from '../audit/audit'
import { FamilyPlanEntity } from './planEntities'

export async function savePlanPdf(input: z.output<typeof savePlanPdfInput>, ctx: CallContext) {
  if (!ctx.window) throw new AppError('UNAVAILABLE', 'Saving as a PDF works in the Casebook desktop app. Use Print and choose a PDF printer instead.')
  const plan = await ctx.core.db.manager.findOneBy(FamilyPlanEntity, { episodeId: input.episodeId })
  if (!plan) throw notFound('family plan')
  const path = await ctx.window.savePdf(input.fileName)
  if (path === null) return { saved: false, path: null }
  await ctx.core.writes.run((manager) =>
    writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'export',
      recordType: 'family-plan',
      recordId: plan.id,
      familyId: plan.familyId,
      changes: { format: 'PDF', path, planVersion: plan.version }
    })
  )
  return { saved: true, path }
}
