// The step-up's documents, written where the user chooses through the window: the referral as a PDF
// (the page as printed) and, per child, the Children in Need census file. Each is a copy of a child's
// record outside Casebook, so each is on the audit trail as an export: who, when, which, where.
// The census file is checked before the dialogue opens: a file the authority would refuse is never made.
import type { z } from 'zod'
import type { saveCinFileInput, saveStepUpPdfInput } from '../../shared/referrals/stepUp'
import type { CallContext } from '../core/context'
import { AppError, notFound } from '../core/errors'
import { writeAudit } from '../audit/audit'
import { HubEntity } from '../hub/entities'
import { cinProblems, cinXml, type CinFile } from './cinXml'
import { stepUpChildOf, stepUpWithChildren } from './stepUpRead'
import { StepUpEntity } from './stepUpEntities'

const NO_WINDOW = 'Saving a file works in the Casebook desktop app.'

export async function saveStepUpPdf(input: z.output<typeof saveStepUpPdfInput>, ctx: CallContext) {
  if (!ctx.window) throw new AppError('UNAVAILABLE', `${NO_WINDOW} Use Print and choose a PDF printer instead.`)
  const row = await ctx.core.db.manager.findOneBy(StepUpEntity, { id: input.id })
  if (!row) throw notFound('step-up')
  const path = await ctx.window.savePdf(input.fileName)
  if (path === null) return { saved: false, path: null }
  await ctx.core.writes.run((manager) =>
    writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'export',
      recordType: 'step-up',
      recordId: row.id,
      familyId: row.familyId,
      changes: { format: 'PDF', path, stepUpVersion: row.version }
    })
  )
  return { saved: true, path }
}

export async function saveCinFile(input: z.output<typeof saveCinFileInput>, ctx: CallContext) {
  const host = ctx.window
  if (!host?.saveFile) throw new AppError('UNAVAILABLE', NO_WINDOW)
  const db = ctx.core.db.manager
  const { row, people } = await stepUpWithChildren(db, input.id)
  const person = people.find((p) => p.id === input.personId)
  if (!person) throw notFound('child of this step-up')
  const { missing: _missing, name, ...child } = stepUpChildOf(person)
  const hub = await db.findOneByOrFail(HubEntity, { id: 1 })
  const file: CinFile = {
    lea: hub.localAuthorityCode,
    now: ctx.now,
    child,
    // The reason recorded on the child's details, unless the user chose another for this file.
    upnUnknown: child.upn ? null : (input.upnUnknown ?? person.upnUnknown),
    referralDate: row.steppedUpOn,
    referralSource: row.referralSource
  }
  const problems = cinProblems(file)
  if (problems.length) {
    throw new AppError('VALIDATION', `The census file for ${name} cannot be made yet: ${problems.join('; ')}.`, {
      [child.upn ? 'personId' : 'upnUnknown']: problems.join('. ')
    })
  }
  const path = await host.saveFile(input.fileName, cinXml(file))
  if (path === null) return { saved: false, path: null }
  await ctx.core.writes.run((manager) =>
    writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'export',
      recordType: 'step-up',
      recordId: row.id,
      familyId: row.familyId,
      changes: { format: 'CIN XML', path, personId: person.id, upnUnknown: file.upnUnknown }
    })
  )
  return { saved: true, path }
}
