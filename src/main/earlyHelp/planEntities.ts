// The work inside an episode: Team Around the Family, assessment, family plan, reviews.
import { EntitySchema } from 'typeorm'
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
    version: { type: 'integer' }
  }
})

/** Columns every episode document has: who last changed it, when, its version, and its JSON's schema version. */
const documentColumns = {
  id: { ...text('id', 36), primary: true },
  episodeId: text('episode_id', 36),
  familyId: text('family_id', 36),
  updatedBy: text('updated_by', 100),
  createdAt: text('created_at', 32),
  updatedAt: text('updated_at', 32),
  version: { type: 'integer' },
  schemaVersion: { type: 'integer', name: 'schema_version' }
} as const

interface DocumentRow {
  id: string
  episodeId: string
  familyId: string
  updatedBy: string
  createdAt: string
  updatedAt: string
  version: number
  /** The schema the JSON was written in (see src/shared/earlyHelp/history.ts). */
  schemaVersion: number
}

export interface AssessmentRow extends DocumentRow {
  startedOn: string
  completedOn: string | null
  completedBy: string | null
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
    completedBy: text('completed_by', 100, true),
    content: { type: 'text' }
  }
})

export interface FamilyPlanRow extends DocumentRow {
  agreedOn: string
  /** JSON: the outcomes, each with its actions. */
  outcomes: string
  agreedBy: string
}

export const FamilyPlanEntity = new EntitySchema<FamilyPlanRow>({
  name: 'FamilyPlan',
  tableName: 'family_plan',
  columns: {
    ...documentColumns,
    agreedOn: text('agreed_on', 10),
    outcomes: { type: 'text' },
    agreedBy: text('agreed_by', 100)
  }
})

export interface ReviewRow {
  id: string
  episodeId: string
  familyId: string
  heldOn: string
  /** JSON list of participant keys ('taf:<id>', 'person:<id>'). */
  attendees: string
  otherAttendees: string | null
  /** JSON: score and comment per outcome id. */
  scores: string
  nextReviewOn: string
  recordedBy: string
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
    attendees: { type: 'text' },
    otherAttendees: { type: 'text', nullable: true, name: 'other_attendees' },
    scores: { type: 'text' },
    nextReviewOn: text('next_review_on', 10),
    recordedBy: text('recorded_by', 100),
    createdAt: text('created_at', 32),
    version: { type: 'integer' }
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
  /** As on the audit trail: the username, or the trusted caller's name. */
  savedBy: string
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
    savedBy: text('saved_by', 100),
    savedByUserId: text('saved_by_user_id', 36, true),
    savedByName: text('saved_by_name', 100)
  }
})
