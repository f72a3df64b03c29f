import type { ReactNode } from 'react'

/** One row of a GOV.UK summary list (inside its <dl className="govuk-summary-list">). */
export function SummaryRow({ label, valueId, children }: { label: string; valueId?: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value" id={valueId}>
        {children}
      </dd>
    </div>
  )
}
