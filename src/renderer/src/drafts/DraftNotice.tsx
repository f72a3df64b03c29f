import type { DraftState } from './useDraft'
import { NOTHING_SAVED } from '../../../shared/result'

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })

/**
 * Tells the user their unsaved work was brought back, and offers to start again. `stale` says the
 * record changed since the draft began: saving it would be refused, so they are told before typing more.
 */
export function DraftRestored({ draft, what, stale = false }: { draft: DraftState; what: string; stale?: boolean }) {
  if (!draft.restoredFrom) return null
  return (
    <div className={`govuk-inset-text${stale ? ' app-draft-stale' : ''}`}>
      <p className="govuk-body">
        Your unsaved {what} from {timeOf(draft.restoredFrom)} has been brought back.
      </p>
      {stale ? (
        <p className="govuk-body">
          Someone else has saved changes since you started it, so it cannot be saved over theirs. Copy anything you need from it, then discard it to see the
          latest version.
        </p>
      ) : null}
      <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => void draft.discard()}>
        Discard it and start again
      </button>
    </div>
  )
}

/** The core's message, without its sentence for a form (this notice says in its own words that the typing is kept). */
const problemOf = (message: string) => message.replace(NOTHING_SAVED, '').replace(/\s+/g, ' ').trim()

/**
 * A quiet line that says when the draft last reached the database or, when a save failed, a
 * message that stays in view at the foot of the window until a save succeeds.
 */
export function DraftSaved({ draft }: { draft: DraftState }) {
  return (
    <>
      {draft.failure ? (
        <div className="app-draft-failed" role="alert">
          <p className="govuk-body govuk-!-margin-bottom-0">
            <strong>
              Your draft could not be saved. {problemOf(draft.failure)} What you typed is still on the screen, and Casebook will try again as you type.
            </strong>
          </p>
        </div>
      ) : null}
      <p className="govuk-body-s" role="status" aria-live="polite">
        {draft.savedAt && !draft.failure ? `Draft saved at ${timeOf(draft.savedAt)}` : ''}
      </p>
    </>
  )
}
