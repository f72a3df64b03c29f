// Every refused call is on the audit trail: who tried what, and when. A window that keeps calling
// (a loop in a page, a script) is written down at a steady rate instead of once per call, with the
// count of the refusals left out, so it can neither flood the trail nor hold up everyone's saves in
// the write queue. The budget belongs to the window's session (core/session.ts).
import type { AuditInput } from '../audit/audit'
import { writeAudit } from '../audit/audit'
import type { CallContext } from './context'
import { REFUSAL_BURST, REFUSAL_REFILL_MS } from './session'

export type RefusalEntry = Pick<AuditInput, 'recordType' | 'recordId' | 'familyId' | 'changes'>

/** Takes a token from the window's budget; false when it has none left (the refusal is counted instead). */
function spend(ctx: CallContext): boolean {
  const budget = ctx.session.refusals
  const now = new Date(ctx.now).getTime()
  const refill = Math.floor((now - budget.refilledAt) / REFUSAL_REFILL_MS)
  if (refill > 0) {
    budget.tokens = Math.min(REFUSAL_BURST, budget.tokens + refill)
    budget.refilledAt += refill * REFUSAL_REFILL_MS
  }
  if (budget.tokens <= 0) {
    budget.suppressed++
    return false
  }
  budget.tokens--
  return true
}

export async function auditRefusal(ctx: CallContext, entry: RefusalEntry): Promise<void> {
  if (!spend(ctx)) return
  const budget = ctx.session.refusals
  const changes = budget.suppressed > 0 ? { ...entry.changes, refusedBeforeNotRecorded: budget.suppressed } : entry.changes
  budget.suppressed = 0
  const actor = ctx.session.user?.username ?? ctx.actor.name
  await ctx.core.writes
    .run((manager) => writeAudit(manager, { at: ctx.now, actor, action: 'permission-refused', ...entry, changes }))
    .catch((error: unknown) => console.error('casebook: could not audit a refused call', error))
}
