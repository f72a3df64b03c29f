import { Fragment, type ReactNode } from 'react'

/** A GOV.UK summary list; a row with nothing to show says so rather than vanish. */
export function SummaryRows({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="govuk-summary-list">
      {rows.map(([key, value]) => (
        <div className="govuk-summary-list__row" key={key}>
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className="govuk-summary-list__value govuk-!-text-break-word">{value === null || value === undefined || value === '' ? 'Not given' : value}</dd>
        </div>
      ))}
    </dl>
  )
}

/** Text of several lines (a description, an address) with its line breaks kept. */
export function Lines({ lines }: { lines: string[] }) {
  if (lines.length === 0) return null
  return (
    <>
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </>
  )
}
