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
  /** Supporting Families headline codes, space separated. */
  headlines: string
  openedBy: string
  /** JSON: reason, note, outcomes per headline, the family's view, step-up date, who asked, who approved. */
  closure: string | null
  /** JSON list of reopenings: when, by whom, why. */
  reopened: string | null
  /** Kept in step with case_note by addNote, in the same transaction, for the caseload lists. */
  noteCount: number
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
    headlines: text('headlines', 200),
    openedBy: text('opened_by', 100),
    closure: { type: 'text', nullable: true },
    reopened: { type: 'text', nullable: true },
    noteCount: { type: 'integer', name: 'note_count', default: 0 },
    lastContactAt: text('last_contact_at', 16, true),
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
  /** Local date and time of the contact: YYYY-MM-DDTHH:MM. */
  occurredAt: string
  type: string
  /** Ids of the family members involved, JSON. */
  people: string
  text: string
  significant: boolean
  author: string
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
    occurredAt: text('occurred_at', 16),
    type: text('type', 20),
    people: { type: 'text' },
    text: { type: 'text' },
    significant: { type: 'boolean' },
    author: text('author', 100),
    createdAt: text('created_at', 32),
    version: { type: 'integer' }
  }
})
