import { useState, type SyntheticEvent } from 'react'
import { DOCUMENT_NAMES, OCCASION_LABELS, type DocumentKind, type DocumentVersionSummary } from '../../../shared/earlyHelp/history'
import { formatDate, todayIso } from '../../../shared/dates'
import { invoke } from '../api'

/** Where one kept version of an episode's plan or assessment is shown. */
export const versionHref = (familyId: string, episodeId: string, document: DocumentKind, version: number) =>
  `#/families/${familyId}/episodes/${episodeId}/${document === 'family-plan' ? 'plan' : 'assessment'}/versions/${version}`

/** When a version was saved, in the user's own time: "12 January 2026 at 10:04". */
export const savedWhen = (iso: string) => {
  const at = new Date(iso)
  return `${formatDate(todayIso(at))} at ${at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`
}

/** Why a version was kept, when it is not plain from its summary. */
export const occasionNote = (v: Pick<DocumentVersionSummary, 'occasion'>) =>
  v.occasion === 'review' || v.occasion === 'upgrade' ? OCCASION_LABELS[v.occasion] : null

/** What the section holds: nothing asked yet, the list on its way, the list, or why it cannot be shown. */
type Listing = { state: 'closed' } | { state: 'loading' } | { state: 'listed'; versions: DocumentVersionSummary[] } | { state: 'failed'; message: string }

interface Props {
  familyId: string
  episodeId: string
  document: DocumentKind
  /** The document's version as the episode page shows it; null if it has not been started. */
  currentVersion: number | null
  /** How many of its versions are kept (the episode says, without reading them). */
  kept: number
}

/**
 * The kept versions of the plan or the assessment, on the episode's page, in a section that starts
 * closed: each opens read-only. Offered once more than one version is kept. The list is
 * read only when the user opens the section: reading it is a view of the family's record on the
 * audit trail, and showing the episode is not looking at its history.
 */
export function EarlierVersions(props: Props) {
  if (props.kept < 2) return null
  // A new version of the document starts the section afresh, closed, with nothing read.
  return <VersionsSection key={`${props.episodeId}:${props.document}:${props.currentVersion}`} {...props} />
}

/** Read once per version of the document: closed and opened again, it shows the list it has. */
function VersionsSection(props: Props) {
  const { familyId, episodeId, document } = props
  const [listing, setListing] = useState<Listing>({ state: 'closed' })
  const onToggle = (event: SyntheticEvent<HTMLDetailsElement>) => {
    if (!event.currentTarget.open || listing.state === 'loading' || listing.state === 'listed') return
    // After a failure, opening it again asks again: the problem may have passed.
    setListing({ state: 'loading' })
    void invoke('versions.list', { episodeId, document }).then((r) =>
      setListing(r.ok ? { state: 'listed', versions: r.value.versions } : { state: 'failed', message: r.error.message })
    )
  }
  const name = DOCUMENT_NAMES[document]
  return (
    <details className="govuk-details" onToggle={onToggle}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          Earlier versions of the {name} ({props.kept} kept)
        </span>
      </summary>
      <div className="govuk-details__text">
        {listing.state === 'closed' || listing.state === 'loading' ? (
          <p className="govuk-body">Looking for the earlier versions…</p>
        ) : listing.state === 'failed' ? (
          <p className="govuk-body">
            The earlier versions of the {name} cannot be shown. {listing.message}
          </p>
        ) : listing.versions.length < 2 ? (
          <p className="govuk-body">No earlier version of the {name} has been kept.</p>
        ) : (
          <ul className="govuk-list">
            {listing.versions.map((v, i) => (
              <li key={v.version}>
                <a className="govuk-link" href={versionHref(familyId, episodeId, document, v.version)}>
                  Version {v.version}
                  {i === 0 ? ' (the current one)' : ''}
                </a>
                <span className="govuk-body-s">
                  {' '}
                  saved {savedWhen(v.savedAt)} by {v.savedBy}
                </span>
                <br />
                <span className="govuk-body-s">
                  {occasionNote(v) ? `${occasionNote(v)}. ` : ''}
                  {v.summary}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  )
}
