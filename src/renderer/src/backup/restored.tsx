// After a restore every window is signed out, and this one starts again from its first screen (as
// signing out does: nothing of the last session is left in memory). What was restored travels across
// that reload in the address, once, and is told on the sign-in page.
import { Long } from '../export/format'
import { londonDateTime } from './words'

export interface Restored {
  /** When the restored backup was taken; null when the window did not know. */
  takenAt: string | null
  /** Where the database it replaced was kept, beside the live one; null when there was none to keep. */
  keptAt: string | null
}

/** Starts the window again on the sign-in page, which says what was restored. */
export function startAgainRestored(restored: Restored): void {
  const params = new URLSearchParams({ restored: restored.takenAt ?? '' })
  if (restored.keptAt) params.set('kept', restored.keptAt)
  window.history.replaceState(null, '', `#/?${params.toString()}`)
  window.location.reload()
}

let taken: Restored | null | undefined

/** What the reload carried, read once (the address is put back to the start at once, so Back or a reload does not tell it again). */
export function restoredAtStart(): Restored | null {
  if (taken !== undefined) return taken
  const [, query = ''] = window.location.hash.split('?')
  const params = new URLSearchParams(query)
  taken = params.has('restored') ? { takenAt: params.get('restored') || null, keptAt: params.get('kept') } : null
  if (taken) window.history.replaceState(null, '', '#/')
  return taken
}

export function RestoredNotice({ restored }: { restored: Restored }) {
  const when = restored.takenAt && !Number.isNaN(Date.parse(restored.takenAt)) ? londonDateTime(restored.takenAt) : null
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="region" aria-labelledby="restored-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="restored-title">
          Backup restored
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">
          {when ? `Casebook now holds the hub’s records as they were at ${when}, when the backup was taken.` : 'Casebook now holds the records of the backup.'}
        </p>
        <p className="govuk-body">Anything saved after the backup was taken is not in it. Everyone has been signed out: sign in to carry on.</p>
        {restored.keptAt ? (
          <p className="govuk-body">
            The database it replaced is kept at <Long>{restored.keptAt}</Long>
          </p>
        ) : null}
      </div>
    </div>
  )
}
