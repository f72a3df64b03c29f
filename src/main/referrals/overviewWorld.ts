// Referrals on as their table holds them, at any status, for the overview's tests and the benchmark,
// which need many referrals at chosen times (the app makes them one step at a time, on today's date).
// Each rests on a recorded safeguarding override, so it needs no consent row; each step's columns are
// filled as the table's constraint says a referral at that status has them.
import { randomUUID } from 'node:crypto'
import type { OutboundStatus } from '../../shared/referrals/outbound'

export const OUTBOUND_COLUMNS = [
  'id',
  'family_id',
  'service_id',
  'organisation_id',
  'reason',
  'share_identifiers',
  'share_address',
  'share_plan',
  'share_assessment',
  'status',
  'sent_at',
  'sent_method',
  'sent_by_user_id',
  'acknowledged_at',
  'responded_at',
  'decline_reason',
  'completed_at',
  'outcome',
  'outcome_reason',
  'withdrawn_at',
  'withdrawn_reason',
  'override_reason',
  'lawful_basis_6',
  'lawful_basis_9',
  'override_at',
  'episode_id',
  'created_at',
  'updated_at',
  'version'
] as const

export interface OutboundSeed {
  familyId: string
  serviceId: string
  organisationId: string
  status: OutboundStatus
  /** When it was made; each later step an hour after the one before. */
  createdAt: string
  userId: string
  episodeId?: string | null
  id?: string
}

const later = (instant: string, hours: number) => new Date(Date.parse(instant) + hours * 3_600_000).toISOString()

/** One row's values, in OUTBOUND_COLUMNS' order. */
export function outboundValues(s: OutboundSeed): unknown[] {
  const sent = s.status !== 'draft' && !(s.status === 'withdrawn')
  const acknowledged = ['acknowledged', 'accepted', 'declined', 'completed'].includes(s.status)
  const responded = ['accepted', 'declined', 'completed'].includes(s.status)
  const sentAt = sent ? later(s.createdAt, 1) : null
  return [
    s.id ?? randomUUID(),
    s.familyId,
    s.serviceId,
    s.organisationId,
    'Synthetic reason for the referral.',
    1,
    0,
    0,
    0,
    s.status,
    sentAt,
    sent ? 'EMAIL' : null,
    sent ? s.userId : null,
    acknowledged ? later(s.createdAt, 2) : null,
    responded ? later(s.createdAt, 3) : null,
    s.status === 'declined' ? 'No places.' : null,
    s.status === 'completed' ? later(s.createdAt, 4) : null,
    s.status === 'completed' ? 'successful' : null,
    s.status === 'completed' ? 'The family took part.' : null,
    s.status === 'withdrawn' ? later(s.createdAt, 1) : null,
    s.status === 'withdrawn' ? 'The family moved away.' : null,
    sent ? 'Synthetic safeguarding reason.' : null,
    sent ? '6_1_E' : null,
    sent ? 'DPA_S1_P18' : null,
    sentAt,
    s.episodeId ?? null,
    s.createdAt,
    s.createdAt,
    1
  ]
}

/** The INSERT of one row (for a test; the benchmark inserts many rows to a statement). */
export const insertOutboundSql = `INSERT INTO outbound_referral (${OUTBOUND_COLUMNS.join(', ')}) VALUES (${OUTBOUND_COLUMNS.map(() => '?').join(', ')})`
