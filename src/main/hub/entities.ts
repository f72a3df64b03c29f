import { EntitySchema } from 'typeorm'
import { textColumn as text } from '../core/columns'

export interface HubRow {
  id: number
  name: string
  code: string
  localAuthorityCode: string
  /** The number the next family reference takes; advanced inside the registering transaction. */
  nextFamilyNumber: number
  /** Minutes without input before the screen locks. */
  idleLockMinutes: number
  /** Whether a practitioner's closure of an episode waits for a manager's approval. */
  closureNeedsApproval: boolean
  /** Weeks from the plan, or a review, to the next review. */
  reviewWeeks: number
  /** Working days from a request for help's receipt to its decision: the hub's target. */
  requestDecisionDays: number
  /** Working days a referral on may wait for the service to acknowledge it. */
  referralAckDays: number
  /** How the authority codes the hub's step-ups to children's social care: '5D' or '8'. */
  stepUpSource: '5D' | '8'
  /** Whether the export carries case notes' text (the most sensitive thing held): off unless an administrator turns it on. */
  exportNoteText: boolean
  /** Days without a contact after which an open episode is flagged in the caseload lists. */
  contactGapDays: number
  version: number
}

export const HubEntity = new EntitySchema<HubRow>({
  name: 'Hub',
  tableName: 'hub',
  columns: {
    id: { type: 'integer', primary: true },
    name: text('name', 200),
    code: text('code', 5),
    localAuthorityCode: text('local_authority_code', 10),
    nextFamilyNumber: { type: 'integer', name: 'next_family_number' },
    idleLockMinutes: { type: 'integer', name: 'idle_lock_minutes', default: 10 },
    closureNeedsApproval: { type: 'boolean', name: 'closure_needs_approval', default: true },
    reviewWeeks: { type: 'integer', name: 'review_weeks', default: 6 },
    requestDecisionDays: { type: 'integer', name: 'request_decision_days', default: 2 },
    referralAckDays: { type: 'integer', name: 'referral_ack_days', default: 5 },
    stepUpSource: { ...text('step_up_source', 2), default: '8' } as never,
    exportNoteText: { type: 'boolean', name: 'export_note_text', default: false },
    contactGapDays: { type: 'integer', name: 'contact_gap_days', default: 28 },
    version: { type: 'integer' }
  }
})
