import { EntitySchema } from 'typeorm'
import { textColumn as text } from '../core/columns'

export interface EpisodeRow {
  id: string
  familyId: string
  status: 'open' | 'closing' | 'closed'
  openedOn: string
  closedOn: string | null
  leadUserId: string
  reason: string
  /** Null: opened by the system or the command line (the audit trail says which). */
  openedByUserId: string | null
  /** JSON: reason, note, outcomes per headline, the family's view, step-up date, who asked and who approved (user ids). */
  closure: string | null
  /** JSON list of reopenings: when, by whom (user id), why. */
  reopened: string | null
  /** Kept in step with case_note by addNote, in the same transaction, for the caseload lists. */
  noteCount: number
  /** The latest note's occurred_at: a UTC instant. */
  lastContactAt: string | null
  /** Kept in step by the plan and review writes: when the next review is due. */
  nextReviewOn: string | null
  /** Due dates of the plan's unfinished actions, sorted, space separated. */
  openActionDues: string
  /** The consent to early help the episode was opened on. */
  consentId: string | null
  createdAt: string
  updatedAt: string
  version: number
}

export const EpisodeEntity = new EntitySchema<EpisodeRow>({
  name: 'Episode',
  tableName: 'episode',
  columns: {
    id: { ...text('id', 36), primary: true },
    familyId: text('family_id', 36),
    status: text('status', 10) as never,
    openedOn: text('opened_on', 10),
    closedOn: text('closed_on', 10, true),
    leadUserId: text('lead_user_id', 36),
    reason: { type: 'text' },
    openedByUserId: text('opened_by_user_id', 36, true),
    closure: { type: 'text', nullable: true },
    reopened: { type: 'text', nullable: true },
    noteCount: { type: 'integer', name: 'note_count', default: 0 },
    lastContactAt: text('last_contact_at', 32, true),
    nextReviewOn: text('next_review_on', 10, true),
    openActionDues: { type: 'text', name: 'open_action_dues', default: '' },
    consentId: text('consent_id', 36, true),
    createdAt: text('created_at', 32),
    updatedAt: text('updated_at', 32),
    version: { type: 'integer' }
  }
})

export interface CaseNoteRow {
  id: string
  familyId: string
  episodeId: string | null
  /** When the contact was: a UTC instant (typed as the wall clock in England: src/shared/dates.ts). */
  occurredAt: string
  type: string
  text: string
  significant: boolean
  /** Null: written by the system or the command line. */
  authorUserId: string | null
  createdAt: string
  version: number
}

export const CaseNoteEntity = new EntitySchema<CaseNoteRow>({
  name: 'CaseNote',
  tableName: 'case_note',
  columns: {
    id: { ...text('id', 36), primary: true },
    familyId: text('family_id', 36),
    episodeId: text('episode_id', 36, true),
    occurredAt: text('occurred_at', 32),
    type: text('type', 20),
    text: { type: 'text' },
    significant: { type: 'boolean' },
    authorUserId: text('author_user_id', 36, true),
    createdAt: text('created_at', 32),
    version: { type: 'integer' }
  }
})

/** A Supporting Families headline the episode was opened for. */
export interface EpisodeHeadlineRow {
  episodeId: string
  code: string
}

export const EpisodeHeadlineEntity = new EntitySchema<EpisodeHeadlineRow>({
  name: 'EpisodeHeadline',
  tableName: 'episode_headline',
  columns: {
    episodeId: { ...text('episode_id', 36), primary: true },
    code: { ...text('code', 20), primary: true }
  }
})

/** A member of the family a case note is about. */
export interface CaseNotePersonRow {
  caseNoteId: string
  personId: string
}

export const CaseNotePersonEntity = new EntitySchema<CaseNotePersonRow>({
  name: 'CaseNotePerson',
  tableName: 'case_note_person',
  columns: {
    caseNoteId: { ...text('case_note_id', 36), primary: true },
    personId: { ...text('person_id', 36), primary: true }
  }
})
