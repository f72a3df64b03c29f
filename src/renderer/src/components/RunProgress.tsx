import type { ReactNode } from 'react'

/**
 * A long run's progress (a backup, an export): a real progress bar, named by its label for what it
 * measures, with the same figure in words beside it for those who cannot see the bar. No `max` and
 * no `value` is a bar that says it does not know yet.
 */
export function RunProgress({
  id,
  label,
  hint,
  max,
  value,
  text
}: {
  id: string
  label: ReactNode
  hint: ReactNode
  max?: number
  value?: number
  text: string
}) {
  return (
    <div className="govuk-form-group">
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      <div className="govuk-hint">{hint}</div>
      <progress id={id} style={{ display: 'block', width: '100%', height: 24, marginBottom: 10 }} max={max} value={value} aria-describedby={`${id}-text`} />
      <p className="govuk-body" id={`${id}-text`}>
        {text}
      </p>
    </div>
  )
}
