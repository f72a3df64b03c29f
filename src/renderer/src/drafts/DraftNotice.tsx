import type { DraftState } from './useDraft'

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })

/** Tells the user their unsaved work was brought back, and offers to start again. */
export function DraftRestored({ draft, what }: { draft: DraftState; what: string }) {
  if (!draft.restoredFrom) return null
  return (
    <div className="govuk-inset-text">
      <p className="govuk-body">Your unsaved {what} from {timeOf(draft.restoredFrom)} has been brought back.</p>
      <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => void draft.discard()}>Discard it and start again</button>
    </div>
  )
}

/** A quiet line that says when the draft last reached the database. */
export function DraftSaved({ draft }: { draft: DraftState }) {
  return <p className="govuk-body-s" role="status" aria-live="polite">{draft.savedAt ? `Draft saved at ${timeOf(draft.savedAt)}` : ''}</p>
}
