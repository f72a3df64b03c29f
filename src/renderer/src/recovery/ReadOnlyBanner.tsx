// On every page of a read-only copy (what could be read from a damaged database): nothing typed here
// can be saved, so the window says so before anyone starts typing, and offers the way back to the
// recovery screen, where an administrator restores a backup. What happened, in full, is said there.
export function ReadOnlyBanner({ onRecovery }: { onRecovery: () => void }) {
  return (
    <div className="govuk-notification-banner govuk-!-margin-top-4 govuk-!-margin-bottom-0" role="region" aria-labelledby="read-only-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="read-only-title">
          Read-only copy
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">Nothing can be saved: this is a copy of what could be read from a damaged database.</p>
        <p className="govuk-body">
          Some records may be missing. An administrator can restore a backup from{' '}
          <button type="button" className="app-link-button" onClick={onRecovery}>
            the recovery screen
          </button>
          .
        </p>
      </div>
    </div>
  )
}
