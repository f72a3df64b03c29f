import { useEffect, useState } from 'react'
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

/**
 * The kept versions of the plan or the assessment, on the episode's page, when there is more than
 * one: each opens read-only. Asked for only when the document has been saved more than once, since
 * reading the list is on the audit trail.
 */
export function EarlierVersions({
  familyId,
  episodeId,
  document,
  savedMoreThanOnce
}: {
  familyId: string
  episodeId: string
  document: DocumentKind
  savedMoreThanOnce: boolean
}) {
  const [versions, setVersions] = useState<DocumentVersionSummary[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    if (!savedMoreThanOnce) return
    let current = true
    void invoke('versions.list', { episodeId, document }).then((r) => {
      if (!current) return
      if (r.ok) setVersions(r.value.versions)
      else setProblem(r.error.message)
    })
    return () => {
      current = false
    }
  }, [episodeId, document, savedMoreThanOnce])
  if (problem)
    return (
      <p className="govuk-body">
        Earlier versions of the {DOCUMENT_NAMES[document]} cannot be shown. {problem}
      </p>
    )
  if (!versions || versions.length < 2) return null
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          Earlier versions of the {DOCUMENT_NAMES[document]} ({versions.length - 1})
        </span>
      </summary>
      <div className="govuk-details__text">
        <ul className="govuk-list">
          {versions.map((v, i) => (
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
      </div>
    </details>
  )
}
