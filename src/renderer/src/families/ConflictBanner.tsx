import { ProblemBanner } from '../components/ErrorSummary'

/** A colleague saved first: the user's changes stay on screen until they choose to load theirs. */
export function ConflictBanner({ message, onLoadLatest }: { message: string; onLoadLatest: () => void }) {
  return (
    <>
      <ProblemBanner title="Your changes have not been saved" message={message} />
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onLoadLatest}>
        Discard my changes and load the latest version
      </button>
    </>
  )
}
