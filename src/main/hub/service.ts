import type { HubRecord } from '../../shared/hub/schemas'
import { DEFAULT_CONTACT_GAP_DAYS, hubCodeField } from '../../shared/hub/schemas'
import type { WriteQueue } from '../core/writeQueue'
import { defineHandlers } from '../core/router'
import { HubEntity } from './entities'
import { updateVersioned } from '../core/versioned'
import { changedFields, writeAudit } from '../audit/audit'

/** Used until an administrator sets the hub up (the first-run setup screen comes with sign-in). */
export const DEFAULT_HUB: HubRecord = { name: 'Family hub', code: 'FH', localAuthorityCode: '000' }

/** The hub's one settings row exists from the first open, so a reference can always be made. */
export async function ensureHub(writes: WriteQueue, hub: HubRecord = DEFAULT_HUB): Promise<void> {
  const code = hubCodeField.parse(hub.code)
  await writes.run(async (manager) => {
    if (await manager.findOneBy(HubEntity, { id: 1 })) return
    await manager.insert(HubEntity, {
      id: 1,
      name: hub.name,
      code,
      localAuthorityCode: hub.localAuthorityCode,
      nextFamilyNumber: 1,
      idleLockMinutes: 10,
      closureNeedsApproval: true,
      reviewWeeks: 6,
      requestDecisionDays: 2,
      referralAckDays: 5,
      stepUpSource: '8',
      exportNoteText: false,
      contactGapDays: DEFAULT_CONTACT_GAP_DAYS,
      version: 1
    })
  })
}

export const hubHandlers = defineHandlers({
  'hub.get': async (_input, { core }) => {
    const hub = await core.db.manager.findOneByOrFail(HubEntity, { id: 1 })
    return { name: hub.name, code: hub.code, localAuthorityCode: hub.localAuthorityCode }
  },
  // Named one by one: the row also holds what no window may read (the pseudonymised export's key).
  'hub.settings': async (_input, { core }) => {
    const hub = await core.db.manager.findOneByOrFail(HubEntity, { id: 1 })
    return {
      name: hub.name,
      code: hub.code,
      localAuthorityCode: hub.localAuthorityCode,
      idleLockMinutes: hub.idleLockMinutes,
      closureNeedsApproval: hub.closureNeedsApproval,
      reviewWeeks: hub.reviewWeeks,
      requestDecisionDays: hub.requestDecisionDays,
      referralAckDays: hub.referralAckDays,
      stepUpSource: hub.stepUpSource,
      exportNoteText: hub.exportNoteText,
      contactGapDays: hub.contactGapDays,
      version: hub.version
    }
  },
  'hub.update': async ({ version, ...changes }, ctx) =>
    ctx.core.writes.run(async (manager) => {
      const before = await manager.findOneByOrFail(HubEntity, { id: 1 })
      const next = await updateVersioned(manager, HubEntity, 1, version, changes, 'hub settings')
      // Whether notes' text travels changes every note as the authority holds it: each goes into the
      // change feed (its trigger, migration 15), so the next package sends them all again.
      if (Boolean(before.exportNoteText) !== changes.exportNoteText) await manager.query('UPDATE case_note SET version = version')
      await writeAudit(manager, {
        at: ctx.now,
        actor: ctx.actor.name,
        action: 'update',
        recordType: 'hub',
        recordId: '1',
        changes: changedFields(before, changes)
      })
      return { version: next }
    })
})
