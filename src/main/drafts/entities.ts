import { EntitySchema } from 'typeorm'
import { textColumn as text } from '../core/columns'

export interface DraftRow {
  userName: string
  draftKey: string
  /** The form's values, JSON. */
  payload: string
  savedAt: string
}

export const DraftEntity = new EntitySchema<DraftRow>({
  name: 'Draft',
  tableName: 'draft',
  columns: {
    userName: { ...text('user_name', 100), primary: true },
    draftKey: { ...text('draft_key', 200), primary: true },
    payload: { type: 'text' },
    savedAt: text('saved_at', 32)
  }
})
