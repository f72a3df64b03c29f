// The referral as printed for the service, and saved as a PDF the user sends by the hub's secure
// email. Only the parts the user ticked are read at all: what was not agreed to be shared never
// reaches the page. Printing is a view of the record; saving the PDF is an export, both audited.
import { In, type EntityManager } from 'typeorm'
import { formatDate } from '../../shared/dates'
import type { z } from 'zod'
import { HEADLINE } from '../../shared/codes'
import type { OutboundPrint, saveOutboundPdfInput } from '../../shared/referrals/outbound'
import type { CallContext } from '../core/context'
import { AppError } from '../core/errors'
import { auditView, writeAudit } from '../audit/audit'
import { HubEntity } from '../hub/entities'
import { FamilyEntity, PersonEntity } from '../families/entities'
import { displayName } from '../families/records'
import { AssessmentEntity, FamilyPlanEntity } from '../earlyHelp/planEntities'
import { readAssessmentRow, readPlan } from '../earlyHelp/documents'
import { ConsentEntity } from '../consent/entities'
import { OutboundEntity, OutboundPersonEntity } from './outboundEntities'
import { basis, stillSendable } from './outbound'
import { readOutbound } from './outboundRead'

/**
 * Whether the referral may go on paper or into a PDF, which is how it is really shared: a draft only
 * when it could be sent now on the family's consent (an override is recorded by sending it first);
 * a sent one as the copy of what went, unless the consent it went on has since been withdrawn; a
 * withdrawn one never.
 */
async function refuseUnlessShareable(db: EntityManager, ctx: CallContext, id: string): Promise<void> {
  const row = await db.findOneBy(OutboundEntity, { id })
  if (!row) return
  if (row.status === 'withdrawn') throw new AppError('CONFLICT', 'This referral was withdrawn, so it is not to be printed or sent.')
  if (row.status === 'draft') {
    await basis(db, ctx, await stillSendable(db, row), null)
    return
  }
  const consent = row.consentId ? await db.findOneBy(ConsentEntity, { id: row.consentId }) : null
  if (consent?.withdrawnOn) {
    throw new AppError(
      'CONFLICT',
      `The family withdrew the consent this referral was sent on, on ${formatDate(consent.withdrawnOn)}, so it is not to be printed or shared again.`
    )
  }
}

export async function printOutbound({ id }: { id: string }, ctx: CallContext): Promise<OutboundPrint> {
  const db = ctx.core.db.manager
  const referral = await readOutbound(db, ctx, id)
  await refuseUnlessShareable(db, ctx, id)
  const hub = await db.findOneByOrFail(HubEntity, { id: 1 })
  const ticked = new Set(referral.shared)
  let identifiers: OutboundPrint['identifiers'] = null
  if (ticked.has('identifiers')) {
    const ids = (await db.findBy(OutboundPersonEntity, { referralId: id })).map((p) => p.personId)
    const people = ids.length ? await db.findBy(PersonEntity, { id: In(ids) }) : []
    identifiers = people
      .map((p) => ({ name: displayName(p), dateOfBirth: p.dateOfBirth, expectedDate: p.expectedDate, nhsNumber: p.nhsNumber, upn: p.upn }))
      .sort((a, b) => a.name.localeCompare(b.name))
  }
  let address: OutboundPrint['address'] = null
  if (ticked.has('address')) {
    const f = await db.findOneByOrFail(FamilyEntity, { id: referral.familyId })
    address = { lines: [f.addressLine1, f.addressLine2, f.town].filter((l): l is string => Boolean(l)), postcode: f.postcode, phone: f.phone, email: f.email }
  }
  let plan: OutboundPrint['plan'] = null
  if (ticked.has('plan')) {
    const row = referral.episodeId ? await db.findOneBy(FamilyPlanEntity, { episodeId: referral.episodeId }) : null
    const document = row ? readPlan(row) : null
    plan = {
      agreedOn: document?.agreedOn ?? null,
      outcomes: (document?.outcomes ?? []).map((o) => ({
        text: o.text,
        headline: HEADLINE.label(o.headline),
        actions: o.actions.map((a) => ({ what: a.what, due: a.due }))
      }))
    }
  }
  let assessment: OutboundPrint['assessment'] = null
  if (ticked.has('assessment')) {
    const row = referral.episodeId ? await db.findOneBy(AssessmentEntity, { episodeId: referral.episodeId }) : null
    const document = row ? await readAssessmentRow(db, row) : null
    assessment = {
      completedOn: document?.completedOn ?? null,
      headlines: (document?.identified ?? []).map((h) => ({ headline: HEADLINE.label(h), evidence: document?.evidence[h] ?? null })),
      familyVoice: document?.familyVoice ?? null
    }
  }
  await auditView(ctx, 'outbound-referral', referral.id, referral.familyId, { print: referral.shared })
  return { referral, hubName: hub.name, identifiers, address, plan, assessment }
}

export async function saveOutboundPdf(input: z.output<typeof saveOutboundPdfInput>, ctx: CallContext) {
  if (!ctx.window) throw new AppError('UNAVAILABLE', 'Saving as a PDF works in the Casebook desktop app. Use Print and choose a PDF printer instead.')
  const referral = await readOutbound(ctx.core.db.manager, ctx, input.id)
  await refuseUnlessShareable(ctx.core.db.manager, ctx, input.id)
  const path = await ctx.window.savePdf(input.fileName)
  if (path === null) return { saved: false, path: null }
  await ctx.core.writes.run((manager) =>
    writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'export',
      recordType: 'outbound-referral',
      recordId: referral.id,
      familyId: referral.familyId,
      changes: { format: 'PDF', path, shared: referral.shared, version: referral.version }
    })
  )
  return { saved: true, path }
}
