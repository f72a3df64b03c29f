// What anyone opening a family must know at once, shown in the family bar on every page about them.
// Casework (a step-up, consent to early help) only for those who read early help, as the family
// page already keeps what an episode is about from reception.
import { IsNull, type EntityManager } from 'typeorm'
import { formatDate } from '../../shared/dates'
import type { ConsentRecord } from '../../shared/consent/schemas'
import type { CallContext } from '../core/context'
import { RequestEntity } from '../referrals/entities'
import { StepUpEntity } from '../referrals/stepUpEntities'

export async function familyAlerts(
  db: EntityManager,
  ctx: CallContext,
  familyId: string,
  facts: { episodeOpen: boolean; consents: ConsentRecord[] }
): Promise<string[]> {
  const alerts: string[] = []
  const waiting = await db.countBy(RequestEntity, { familyId, status: 'waiting' })
  if (waiting) alerts.push(waiting === 1 ? 'A request for help is waiting for a decision' : `${waiting} requests for help are waiting for a decision`)
  if (!ctx.actor.permissions.has('earlyHelp.read')) return alerts
  const stepUps = await db.find(StepUpEntity, {
    where: { familyId, acknowledgedOn: IsNull() },
    order: { steppedUpOn: 'ASC' },
    select: { id: true, steppedUpOn: true }
  })
  for (const s of stepUps) alerts.push(`Stepped up to children’s social care on ${formatDate(s.steppedUpOn)}: not yet acknowledged`)
  const earlyHelp = facts.consents.filter((c) => c.scope === 'EARLY_HELP')
  if (facts.episodeOpen && earlyHelp.length && earlyHelp.every((c) => c.withdrawnOn))
    alerts.push('Consent to early help has been withdrawn while an episode is open')
  return alerts
}
