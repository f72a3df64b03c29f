// The work inside an episode: Team Around the Family, assessment, family plan, reviews.
import { EntitySchema, IsNull } from 'typeorm'
import { textColumn as text } from '../core/columns'

export interface TafMemberRow {
  id: string
  episodeId: string
  name: string
  agency: string
  role: string
  phone: string | null
  email: string | null
  createdAt: string
  updatedAt: string
  version: number
  /** Taken off the team: the row stays (the authority may hold it), and every read leaves it out. */
  deletedAt: string | null
  deletedByUserId: string | null
}

export const TafMemberEntity = new EntitySchema<TafMemberRow>({
  name: 'TafMember',
  tableName: 'taf_member',
  columns: {
    id: { ...text('id', 36), primary: true },
    episodeId: text('episode_id', 36),
    name: text('name', 200),
    agency: text('agency', 200),
    role: text('role', 200),
    phone: text('phone', 30, true),
    email: text('email', 320, true),
    createdAt: text('created_at', 32),
    updatedAt: text('updated_at', 32),
    version: { type: 'integer' },
    deletedAt: text('deleted_at', 32, true),
    deletedByUserId: text('deleted_by_user_id', 36, true)
  }
})

/** Where a read of the team as it stands: members taken off it are left out. */
export const onTheTeam = () => ({ deletedAt: IsNull() })

/** Columns every episode document has: who last changed it, when, its version, and its JSON's schema version. */
const documentColumns = {
  id: { ...text('id', 36), primary: true },
  episodeId: text('episode_id', 36),
  familyId: text('family_id', 36),
  updatedByUserId: text('updated_by_user_id', 36, true),
  createdAt: text('created_at', 32),
  updatedAt: text('updated_at', 32),
  version: { type: 'integer' },
  schemaVersion: { type: 'integer', name: 'schema_version' }
} as const

interface DocumentRow {
  id: string
  episodeId: string
  familyId: string
  /** Null: saved by the system or the command line. */
  updatedByUserId: string | null
  createdAt: string
  updatedAt: string
  version: number
  /** The schema the JSON was written in (see src/shared/earlyHelp/history.ts). */
  schemaVersion: number
}

export interface AssessmentRow extends DocumentRow {
  startedOn: string
  completedOn: string | null
  /** Who first saved it complete; null while it is not, or when that was the system or the command line. */
  completedByUserId: string | null
  /** JSON: subjects with their domains, the family's words, the headlines found and their evidence. */
  content: string
}

export const AssessmentEntity = new EntitySchema<AssessmentRow>({
  name: 'Assessment',
  tableName: 'assessment',
  columns: {
    ...documentColumns,
    startedOn: text('started_on', 10),
    completedOn: text('completed_on', 10, true),
    completedByUserId: text('completed_by_user_id', 36, true),
    content: { type: 'text' }
  }
})

export interface FamilyPlanRow extends DocumentRow {
  agreedOn: string
  /** JSON: the outcomes, each with its actions. */
  outcomes: string
  /** Who first saved it; null for the system or the command line. */
  agreedByUserId: string | null
}

export const FamilyPlanEntity = new EntitySchema<FamilyPlanRow>({
  name: 'FamilyPlan',
  tableName: 'family_plan',
  columns: {
    ...documentColumns,
    agreedOn: text('agreed_on', 10),
    outcomes: { type: 'text' },
    agreedByUserId: text('agreed_by_user_id', 36, true)
  }
})

export interface ReviewRow {
  id: string
  episodeId: string
  familyId: string
  heldOn: string
  /** Who attended is in review_attendee (family members) and review_team_attendee (the team); others, as typed, here. */
  otherAttendees: string | null
  /** JSON: score and comment per outcome id. */
  scores: string
  nextReviewOn: string
  /** Null: recorded by the system or the command line. */
  recordedByUserId: string | null
  createdAt: string
  version: number
}

export const ReviewEntity = new EntitySchema<ReviewRow>({
  name: 'Review',
  tableName: 'review',
  columns: {
    id: { ...text('id', 36), primary: true },
    episodeId: text('episode_id', 36),
    familyId: text('family_id', 36),
    heldOn: text('held_on', 10),
    otherAttendees: { type: 'text', nullable: true, name: 'other_attendees' },
    scores: { type: 'text' },
    nextReviewOn: text('next_review_on', 10),
    recordedByUserId: text('recorded_by_user_id', 36, true),
    createdAt: text('created_at', 32),
    version: { type: 'integer' }
  }
})

/** A member of the family who attended a review. */
export interface ReviewAttendeeRow {
  reviewId: string
  personId: string
}

export const ReviewAttendeeEntity = new EntitySchema<ReviewAttendeeRow>({
  name: 'ReviewAttendee',
  tableName: 'review_attendee',
  columns: {
    reviewId: { ...text('review_id', 36), primary: true },
    personId: { ...text('person_id', 36), primary: true }
  }
})

/** A member of the Team Around the Family who attended a review. */
export interface ReviewTeamAttendeeRow {
  reviewId: string
  tafMemberId: string
}

export const ReviewTeamAttendeeEntity = new EntitySchema<ReviewTeamAttendeeRow>({
  name: 'ReviewTeamAttendee',
  tableName: 'review_team_attendee',
  columns: {
    reviewId: { ...text('review_id', 36), primary: true },
    tafMemberId: { ...text('taf_member_id', 36), primary: true }
  }
})

/**
 * A kept version of an episode document: the plan at each save, the assessment at its completion
 * and each change after it. Append-only: the app only inserts (on SQLite, triggers refuse UPDATE
 * and DELETE), and (document_id, version) is unique.
 */
export interface DocumentVersionRow {
  id: string
  documentType: 'family-plan' | 'assessment'
  documentId: string
  episodeId: string
  familyId: string
  version: number
  schemaVersion: number
  /** JSON: the whole document, as its schema version describes it. */
  content: string
  occasion: 'saved' | 'review' | 'completed' | 'changed' | 'upgrade'
  savedAt: string
  /** Null: saved by the system or the command line (saved_by_name is the caller's name then). */
  savedByUserId: string | null
  /** The display name as it was when the version was saved. */
  savedByName: string
}

export const DocumentVersionEntity = new EntitySchema<DocumentVersionRow>({
  name: 'DocumentVersion',
  tableName: 'document_version',
  columns: {
    id: { ...text('id', 36), primary: true },
    documentType: text('document_type', 20) as never,
    documentId: text('document_id', 36),
    episodeId: text('episode_id', 36),
    familyId: text('family_id', 36),
    version: { type: 'integer' },
    schemaVersion: { type: 'integer', name: 'schema_version' },
    content: { type: 'text' },
    occasion: text('occasion', 20) as never,
    savedAt: text('saved_at', 32),
    savedByUserId: text('saved_by_user_id', 36, true),
    savedByName: text('saved_by_name', 100)
  }
})
