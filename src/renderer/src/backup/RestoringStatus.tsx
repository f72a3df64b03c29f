/** Said while a backup is checked and put in place, from the Backups screen or the recovery screen. */
export function RestoringStatus({ restoring }: { restoring: boolean }) {
  return (
    // There before it speaks, so that a screen reader announces it.
    <div role="status">
      {restoring ? <p className="govuk-body govuk-!-font-weight-bold">Checking and restoring the backup. Do not close Casebook.</p> : null}
    </div>
  )
}
