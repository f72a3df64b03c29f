// How backups look on the Backups screen: a run's status as a tag, a warning in GOV.UK's words.
import type { ReactNode } from 'react'
import type { BackupStatus } from '../../../shared/backup/schemas'

const STATUS: Record<BackupStatus, { text: string; colour: string }> = {
  running: { text: 'Running', colour: 'govuk-tag--blue' },
  ok: { text: 'Succeeded', colour: 'govuk-tag--green' },
  failed: { text: 'Failed', colour: 'govuk-tag--red' }
}

export function BackupStatusTag({ status }: { status: BackupStatus }) {
  const { text, colour } = STATUS[status]
  return <strong className={`govuk-tag ${colour}`}>{text}</strong>
}

/** GOV.UK's warning text: the "!" is for the eye, "Warning" for the ear. */
export function Warning({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <div className="govuk-warning-text" id={id}>
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  )
}
