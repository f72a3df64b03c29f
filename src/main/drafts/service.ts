// Drafts are saved every few seconds as someone types, so they are kept out of the audit trail
// (the note itself is audited when saved) and written with one upsert.
import type { EntityManager } from 'typeorm'
import type { CallContext } from '../core/context'
import { defineHandlers } from '../core/router'
import { DraftEntity } from './entities'

export async function discardDraft(manager: EntityManager, userName: string, key: string): Promise<void> {
  await manager.delete(DraftEntity, { userName, draftKey: key })
}

export const draftHandlers = defineHandlers({
  'drafts.save': async ({ key, payload }, ctx: CallContext) => {
    await ctx.core.writes.run((manager) =>
      manager.query(
        `INSERT INTO draft (user_name, draft_key, payload, saved_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (user_name, draft_key) DO UPDATE SET payload = excluded.payload, saved_at = excluded.saved_at`,
        [ctx.actor.name, key, JSON.stringify(payload), ctx.now]
      )
    )
    return { savedAt: ctx.now }
  },
  'drafts.get': async ({ key }, ctx) => {
    const row = await ctx.core.db.manager.findOneBy(DraftEntity, { userName: ctx.actor.name, draftKey: key })
    return row ? { payload: JSON.parse(row.payload) as Record<string, unknown>, savedAt: row.savedAt } : null
  },
  'drafts.discard': async ({ key }, ctx) => {
    await ctx.core.writes.run((manager) => discardDraft(manager, ctx.actor.name, key))
    return {}
  }
})
