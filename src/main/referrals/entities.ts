import { EntitySchema } from 'typeorm'
import { textColumn as text } from '../core/columns'

/** A request for help: logged, screened, and fed back to the person who asked (migration 9). */
export interface RequestRow {
  id: string
  familyId: string
  /** ISO-8601 UTC instant. */
  receivedAt: string
  /** REQUEST_CHANNEL code. */
  channel: string
  /** Null only for an anonymous request (source 9). */
  referrerName: string | null
  referrerRole: string | null
  /** Their agency in the directory; or `agency`, as typed, when it is not there. */
  organisationId: string | null
  agency: string | null
  referrerPhone: string | null
  referrerEmail: string | null
  /** REFERRAL_SOURCE code (Children in Need census). */
  source: string
  /** A step-down's (source 5A) social care case reference. */
  socialCareReference: string | null
  reason: string
  awareness: string
  urgency: string
  status: 'waiting' | 'decided'
  /** SCREENING_DECISION code, once decided. */
  decision: string | null
  decidedAt: string | null
  /** Null when decided by a trusted caller (the command line). */
  decidedByUserId: string | null
  declineReason: string | null
  serviceId: string | null
  familyTold: string | null
  /** The early-help episode accepting the request opened. */
  episodeId: string | null
  /** The day the person who asked was told of the outcome. */
  fedBackOn: string | null
  /** CONTACT_METHOD code. */
  feedbackMethod: string | null
  feedbackByUserId: string | null
  feedbackNote: string | null
  loggedByUserId: string | null
  createdAt: string
  updatedAt: string
  version: number
}

export const RequestEntity = new EntitySchema<RequestRow>({
  name: 'RequestForHelp',
  tableName: 'request_for_help',
  columns: {
    id: { ...text('id', 36), primary: true },
    familyId: text('family_id', 36),
    receivedAt: text('received_at', 32),
    channel: text('channel', 20),
    referrerName: text('referrer_name', 100, true),
    referrerRole: text('referrer_role', 200, true),
    organisationId: text('organisation_id', 36, true),
    agency: text('agency', 200, true),
    referrerPhone: text('referrer_phone', 30, true),
    referrerEmail: text('referrer_email', 254, true),
    source: text('source', 3),
    socialCareReference: text('social_care_reference', 50, true),
    reason: { type: 'text' },
    awareness: text('awareness', 20),
    urgency: text('urgency', 10),
    status: text('status', 10) as never,
    decision: text('decision', 10, true),
    decidedAt: text('decided_at', 32, true),
    decidedByUserId: text('decided_by_user_id', 36, true),
    declineReason: { type: 'text', name: 'decline_reason', nullable: true },
    serviceId: text('service_id', 36, true),
    familyTold: { type: 'text', name: 'family_told', nullable: true },
    episodeId: text('episode_id', 36, true),
    fedBackOn: text('fed_back_on', 10, true),
    feedbackMethod: text('feedback_method', 20, true),
    feedbackByUserId: text('feedback_by_user_id', 36, true),
    feedbackNote: { type: 'text', name: 'feedback_note', nullable: true },
    loggedByUserId: text('logged_by_user_id', 36, true),
    createdAt: text('created_at', 32),
    updatedAt: text('updated_at', 32),
    version: { type: 'integer' }
  }
})

/** A child (or unborn baby) a request is about. */
export interface RequestChildRow {
  requestId: string
  personId: string
}

export const RequestChildEntity = new EntitySchema<RequestChildRow>({
  name: 'RequestChild',
  tableName: 'request_child',
  columns: {
    requestId: { ...text('request_id', 36), primary: true },
    personId: { ...text('person_id', 36), primary: true }
  }
})
