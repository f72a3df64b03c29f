// Drafts are saved every few seconds as someone types, so they are kept out of the audit trail
// (the note itself is audited when saved) and written with one upsert. A draft belongs to one user
// and one record: its key names the form and the record ('case-note:<family id>'), and the user
// must still be allowed to open that record to save or read the draft (a draft of a disclosure
// about a family stays out of reach of someone taken off that family). A registration's draft is of
// no record yet: it is the user's own, open to whoever may register a family (the channel's permission).
import type { EntityManager } from 'typeorm'
import type { CallContext } from '../core/context'
import { AppError } from '../core/errors'
import { auditRefusal } from '../core/refusals'
import { defineHandlers } from '../core/router'
import { readStored } from '../core/storedJson'
import { draftRecord, REGISTRATION_DRAFT_KEY, registrationDraft, type DraftForm } from '../../shared/drafts/schemas'
import { familyOfEpisode, requireFamilyAccess } from '../families/access'
import { DraftEntity } from './entities'

/** The forms that keep drafts of a record, and how each finds the family its record belongs to. */
const FAMILY_OF: Record<Exclude<DraftForm, 'registration'>, (ctx: CallContext, id: string) => Promise<string>> = {
  'case-note': async (_ctx, familyId) => familyId,
  assessment: familyOfEpisode,
  'family-plan': familyOfEpisode,
  review: familyOfEpisode
}

/** More unsaved forms than anyone has open: a bound on what one user's drafts can hold. */
export const MAX_DRAFTS_PER_USER = 50

async function requireDraftAccess(ctx: CallContext, channel: string, key: string): Promise<void> {
  if (key === REGISTRATION_DRAFT_KEY) return
  // Casework: refused, and on the trail, as the router refuses a channel the role may not call.
  if (!ctx.actor.permissions.has('earlyHelp.write')) {
    await auditRefusal(ctx, { recordType: 'channel', recordId: channel })
    throw new AppError('FORBIDDEN', 'You do not have permission to do that')
  }
  // The key's form is one of RECORD_DRAFT_FORMS: the contract's schema has checked it.
  const [form, id] = key.split(':') as [Exclude<DraftForm, 'registration'>, string]
  await requireFamilyAccess(ctx, await FAMILY_OF[form](ctx, id))
}

export async function discardDraft(manager: EntityManager, userName: string, key: string): Promise<void> {
  await manager.delete(DraftEntity, { userName, draftKey: key })
}

const payloadSchema = draftRecord.unwrap().shape.payload
/** What a stored draft must be to be given back: a registration's is read as its form's draft, as it was saved. */
const storedShape = (key: string) => (key === REGISTRATION_DRAFT_KEY ? registrationDraft : payloadSchema)

export const draftHandlers = defineHandlers({
  'drafts.save': async ({ key, payload }, ctx: CallContext) => {
    await requireDraftAccess(ctx, 'drafts.save', key)
    await ctx.core.writes.run(async (manager) => {
      const existing = await manager.countBy(DraftEntity, { userName: ctx.actor.name, draftKey: key })
      if (!existing && (await manager.countBy(DraftEntity, { userName: ctx.actor.name })) >= MAX_DRAFTS_PER_USER) {
        throw new AppError(
          'CONFLICT',
          `You have ${MAX_DRAFTS_PER_USER} unsaved drafts already, so this one was not kept. Save or discard some of the forms you have started.`
        )
      }
      await manager.query(
        `INSERT INTO draft (user_name, draft_key, payload, saved_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (user_name, draft_key) DO UPDATE SET payload = excluded.payload, saved_at = excluded.saved_at`,
        [ctx.actor.name, key, JSON.stringify(payload), ctx.now]
      )
    })
    return { savedAt: ctx.now }
  },
  'drafts.get': async ({ key }, ctx) => {
    await requireDraftAccess(ctx, 'drafts.get', key)
    const row = await ctx.core.db.manager.findOneBy(DraftEntity, { userName: ctx.actor.name, draftKey: key })
    return row ? { payload: readStored(storedShape(key), row.payload, 'draft', key), savedAt: row.savedAt } : null
  },
  'drafts.discard': async ({ key }, ctx) => {
    await requireDraftAccess(ctx, 'drafts.discard', key)
    await ctx.core.writes.run((manager) => discardDraft(manager, ctx.actor.name, key))
    return {}
  }
})
