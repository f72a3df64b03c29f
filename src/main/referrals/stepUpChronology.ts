// A family's step-ups to children's social care in its chronology: the day each was made (why,
// about whom, from screening or from the episode) and the day social care acknowledged it.
import { In, type EntityManager } from 'typeorm'
import type { ChronologyEntry } from '../../shared/earlyHelp/schemas'
import { REFERRAL_SOURCE } from '../../shared/referrals/codes'
import { usersById } from './read'
import { StepUpChildEntity, StepUpEntity } from './stepUpEntities'

export async function stepUpEntries(db: EntityManager, familyId: string, personName: (id: string) => string): Promise<ChronologyEntry[]> {
  const stepUps = await db.findBy(StepUpEntity, { familyId })
  if (stepUps.length === 0) return []
  const children = await db.findBy(StepUpChildEntity, { stepUpId: In(stepUps.map((s) => s.id)) })
  const by = await usersById(db, [...stepUps.map((s) => s.madeByUserId), ...stepUps.map((s) => s.acknowledgedByUserId)])
  const entries: ChronologyEntry[] = []
  for (const s of stepUps) {
    const people = children
      .filter((c) => c.stepUpId === s.id)
      .map((c) => personName(c.personId))
      .sort((a, b) => a.localeCompare(b))
    entries.push({
      id: `step-up-${s.id}`,
      when: s.steppedUpOn,
      kind: 'step-up',
      title: `Stepped up to children’s social care ${s.requestId ? 'from screening a request for help' : 'from the early-help episode'} (source ${s.referralSource} ${REFERRAL_SOURCE.label(s.referralSource)})`,
      text: s.concern,
      significant: true,
      by: by(s.madeByUserId),
      people
    })
    if (s.acknowledgedOn)
      entries.push({
        id: `step-up-acknowledged-${s.id}`,
        when: s.acknowledgedOn,
        kind: 'step-up-acknowledged',
        title: `Children’s social care acknowledged the step-up (their reference ${s.socialCareReference})`,
        text: null,
        significant: false,
        by: by(s.acknowledgedByUserId),
        people
      })
  }
  return entries
}
