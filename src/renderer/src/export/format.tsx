// How export runs and the validation report look on the Export screen: tags and long names.
import type { ExportStatus } from '../../../shared/export/schemas'
import { VALIDATION_SEVERITY, type ValidationSeverity } from '../../../shared/export/validation'

export const STATUS: Record<ExportStatus, { text: string; colour: string }> = {
  running: { text: 'Running', colour: 'govuk-tag--blue' },
  succeeded: { text: 'Succeeded', colour: 'govuk-tag--green' },
  failed: { text: 'Failed', colour: 'govuk-tag--red' },
  interrupted: { text: 'Interrupted', colour: 'govuk-tag--orange' },
  blocked: { text: 'Stopped by errors', colour: 'govuk-tag--yellow' }
}

export function RunStatusTag({ status }: { status: ExportStatus }) {
  const { text, colour } = STATUS[status]
  return <strong className={`govuk-tag ${colour}`}>{text}</strong>
}

export function SeverityTag({ severity }: { severity: ValidationSeverity }) {
  return <strong className={`govuk-tag ${severity === 'error' ? 'govuk-tag--red' : 'govuk-tag--yellow'}`}>{VALIDATION_SEVERITY.label(severity)}</strong>
}

/** A file path or a checksum: long, without spaces, so it may break anywhere rather than widen the page. */
export function Long({ children }: { children: string }) {
  return <code style={{ overflowWrap: 'anywhere', wordBreak: 'break-all' }}>{children}</code>
}
