import { EntitySchema } from 'typeorm'
import { textColumn as text } from '../core/columns'

/** A step-up to children's social care, from screening a request or from an episode's closure (migration 11). */
export interface StepUpRow {
  id: string
  familyId: string
  /** The request whose screening escalated it; or `episodeId`, the episode closed as stepped up: one of the two. */
  requestId: string | null
  episodeId: string | null
  concern: string
  /** YYYY-MM-DD: the referral date social care's census records. */
  steppedUpOn: string
  /** How the authority codes the hub (Hub settings' stepUpSource at the time): 5D or 8. */
  referralSource: string
  /** Null when made by a trusted caller (the command line). */
  madeByUserId: string | null
  acknowledgedOn: string | null
  /** Social care's own reference, given with their acknowledgement. */
  socialCareReference: string | null
  acknowledgedByUserId: string | null
  createdAt: string
  updatedAt: string
  version: number
}

export const StepUpEntity = new EntitySchema<StepUpRow>({
  name: 'StepUp',
  tableName: 'step_up',
  columns: {
    id: { ...text('id', 36), primary: true },
    familyId: text('family_id', 36),
    requestId: text('request_id', 36, true),
    episodeId: text('episode_id', 36, true),
    concern: { type: 'text' },
    steppedUpOn: text('stepped_up_on', 10),
    referralSource: text('referral_source', 3),
    madeByUserId: text('made_by_user_id', 36, true),
    acknowledgedOn: text('acknowledged_on', 10, true),
    socialCareReference: text('social_care_reference', 50, true),
    acknowledgedByUserId: text('acknowledged_by_user_id', 36, true),
    createdAt: text('created_at', 32),
    updatedAt: text('updated_at', 32),
    version: { type: 'integer' }
  }
})

/** A child (or unborn baby) a step-up is about. */
export interface StepUpChildRow {
  stepUpId: string
  personId: string
}

export const StepUpChildEntity = new EntitySchema<StepUpChildRow>({
  name: 'StepUpChild',
  tableName: 'step_up_child',
  columns: {
    stepUpId: { ...text('step_up_id', 36), primary: true },
    personId: { ...text('person_id', 36), primary: true }
  }
})
