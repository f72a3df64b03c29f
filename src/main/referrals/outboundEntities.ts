import { EntitySchema } from 'typeorm'
import type { OutboundStatus, Outcome } from '../../shared/referrals/outbound'
import { textColumn as text } from '../core/columns'

/** A referral on to a service in the directory, with each step of its state machine (migration 10). */
export interface OutboundRow {
  id: string
  familyId: string
  /** The episode it was made from, or null (from screening). */
  episodeId: string | null
  /** The request for help it was made from, when screening. */
  requestId: string | null
  serviceId: string
  /** The service's organisation: the one consent must be to share with. */
  organisationId: string
  reason: string
  shareIdentifiers: boolean
  shareAddress: boolean
  sharePlan: boolean
  shareAssessment: boolean
  status: OutboundStatus
  sentAt: string | null
  /** CONTACT_METHOD code. */
  sentMethod: string | null
  sentByUserId: string | null
  acknowledgedAt: string | null
  acknowledgedByUserId: string | null
  /** When the service accepted or declined it. */
  respondedAt: string | null
  respondedByUserId: string | null
  declineReason: string | null
  completedAt: string | null
  completedByUserId: string | null
  outcome: Outcome | null
  outcomeReason: string | null
  withdrawnAt: string | null
  withdrawnByUserId: string | null
  withdrawnReason: string | null
  /** The consent the sending relied on; or the override below. */
  consentId: string | null
  overrideReason: string | null
  /** LAWFUL_BASIS_6 and LAWFUL_BASIS_9 codes. */
  lawfulBasis6: string | null
  lawfulBasis9: string | null
  overrideByUserId: string | null
  overrideAt: string | null
  createdByUserId: string | null
  createdAt: string
  updatedAt: string
  version: number
}

const optionalText = (name: string) => ({ type: 'text', name, nullable: true }) as const

export const OutboundEntity = new EntitySchema<OutboundRow>({
  name: 'OutboundReferral',
  tableName: 'outbound_referral',
  columns: {
    id: { ...text('id', 36), primary: true },
    familyId: text('family_id', 36),
    episodeId: text('episode_id', 36, true),
    requestId: text('request_id', 36, true),
    serviceId: text('service_id', 36),
    organisationId: text('organisation_id', 36),
    reason: { type: 'text' },
    shareIdentifiers: { type: 'boolean', name: 'share_identifiers' },
    shareAddress: { type: 'boolean', name: 'share_address' },
    sharePlan: { type: 'boolean', name: 'share_plan' },
    shareAssessment: { type: 'boolean', name: 'share_assessment' },
    status: text('status', 12) as never,
    sentAt: text('sent_at', 32, true),
    sentMethod: text('sent_method', 20, true),
    sentByUserId: text('sent_by_user_id', 36, true),
    acknowledgedAt: text('acknowledged_at', 32, true),
    acknowledgedByUserId: text('acknowledged_by_user_id', 36, true),
    respondedAt: text('responded_at', 32, true),
    respondedByUserId: text('responded_by_user_id', 36, true),
    declineReason: optionalText('decline_reason'),
    completedAt: text('completed_at', 32, true),
    completedByUserId: text('completed_by_user_id', 36, true),
    outcome: text('outcome', 12, true) as never,
    outcomeReason: optionalText('outcome_reason'),
    withdrawnAt: text('withdrawn_at', 32, true),
    withdrawnByUserId: text('withdrawn_by_user_id', 36, true),
    withdrawnReason: optionalText('withdrawn_reason'),
    consentId: text('consent_id', 36, true),
    overrideReason: optionalText('override_reason'),
    lawfulBasis6: text('lawful_basis_6', 20, true),
    lawfulBasis9: text('lawful_basis_9', 20, true),
    overrideByUserId: text('override_by_user_id', 36, true),
    overrideAt: text('override_at', 32, true),
    createdByUserId: text('created_by_user_id', 36, true),
    createdAt: text('created_at', 32),
    updatedAt: text('updated_at', 32),
    version: { type: 'integer' }
  }
})

/** A person a referral is about. */
export interface OutboundPersonRow {
  referralId: string
  personId: string
}

export const OutboundPersonEntity = new EntitySchema<OutboundPersonRow>({
  name: 'OutboundReferralPerson',
  tableName: 'outbound_referral_person',
  columns: {
    referralId: { ...text('referral_id', 36), primary: true },
    personId: { ...text('person_id', 36), primary: true }
  }
})
