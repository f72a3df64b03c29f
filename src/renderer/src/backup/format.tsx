// How backups look on the Backups screen: a run's status as a tag.
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
