// The validation report as the manager reads it: how many errors and warnings, then one row per
// record that breaks a rule (errors first), each with a link to the page that puts it right. A rule
// that found more records than the report lists says how many more.
import { Fragment } from 'react'
import type { ValidationItem, ValidationReport as Report, ValidationRuleResult } from '../../../shared/export/validation'
import { FullWidthRow } from '../components/FullWidthRow'
import { TableHead, type Column } from '../components/TableHead'
import { TableScroll } from '../components/TableScroll'
import { localDateTime } from '../referrals/format'
import { SeverityTag } from './format'
import { count, plural } from './words'
import { recordLink } from './recordLinks'

const SEVERITY_ORDER = { error: 0, warning: 1 } as const

/** The table's headings; the row that says how many more a rule found spans them all. */
const COLUMNS: (string | Column)[] = [
  'Rule',
  'Severity',
  { label: <span style={{ display: 'inline-block', minWidth: '14em' }}>What is wrong</span> },
  'Family',
  'Record'
]

/** The rules that found something, errors first, then by code. */
function rulesFound(report: Report): ValidationRuleResult[] {
  return report.rules.filter((rule) => rule.count > 0).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code))
}

export function ValidationReport({ report, checking, onCheckAgain }: { report: Report | null; checking: boolean; onCheckAgain: () => void }) {
  return (
    <section aria-labelledby="report-heading">
      <h2 className="govuk-heading-m" id="report-heading">
        Checks before exporting
      </h2>
      <p className="govuk-body">
        Casebook checks every record that would be sent against the authority’s rules. <strong>Errors must be fixed before exporting.</strong> Warnings need not
        be: the package is still sent, but the authority will want them put right.
      </p>
      <div role="status">{!report || checking ? <p className="govuk-body">Checking the records…</p> : <Summary report={report} />}</div>
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onCheckAgain} disabled={checking} aria-disabled={checking || undefined}>
        Check again
      </button>
      {report && !checking && report.items.length > 0 ? <Problems report={report} /> : null}
    </section>
  )
}

function Summary({ report }: { report: Report }) {
  const { error, warning } = report.counts
  return (
    <>
      <p className="govuk-body govuk-!-font-weight-bold">
        {error === 0 && warning === 0 ? 'No problems found.' : `${plural(error, 'error')} and ${plural(warning, 'warning')}.`}
      </p>
      <p className="govuk-body">
        {error > 0
          ? 'The export cannot run until the errors are fixed. Open each record from the table, put it right, then come back here: the checks run again.'
          : warning > 0
            ? 'Nothing stops the export.'
            : 'Every record would be accepted. Nothing stops the export.'}{' '}
        <span className="govuk-body-s">Checked {localDateTime(report.ranAt)}.</span>
      </p>
    </>
  )
}

function Problems({ report }: { report: Report }) {
  const byRule = new Map<string, ValidationItem[]>()
  for (const item of report.items) byRule.set(item.code, [...(byRule.get(item.code) ?? []), item])
  const caption = 'Records to put right'
  return (
    <TableScroll label={caption}>
      <table className="govuk-table">
        <TableHead caption={caption} columns={COLUMNS} />
        <tbody className="govuk-table__body">
          {rulesFound(report).map((rule) => {
            const items = byRule.get(rule.code) ?? []
            const more = rule.count - items.length
            return (
              <Fragment key={rule.code}>
                {items.map((item) => (
                  <ProblemRow key={`${item.code}-${item.recordId}`} item={item} />
                ))}
                {more > 0 ? (
                  <FullWidthRow columns={COLUMNS.length}>
                    <span className="app-nowrap">{rule.code}</span>: and {count(more)} more {more === 1 ? 'record' : 'records'} not listed here
                  </FullWidthRow>
                ) : null}
              </Fragment>
            )
          })}
        </tbody>
      </table>
    </TableScroll>
  )
}

function ProblemRow({ item }: { item: ValidationItem }) {
  const link = recordLink(item)
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell">
        <span className="app-nowrap">{item.code}</span>
      </td>
      <td className="govuk-table__cell">
        <SeverityTag severity={item.severity} />
      </td>
      <td className="govuk-table__cell">{item.message}</td>
      <td className="govuk-table__cell">
        <span className="app-nowrap">{item.familyReference ?? ''}</span>
      </td>
      <td className="govuk-table__cell">
        {link ? (
          <a className="govuk-link" href={link.href}>
            {link.text}
            <span className="govuk-visually-hidden">
              {' '}
              to fix {item.code}
              {item.familyReference ? `, family ${item.familyReference}` : ''}
            </span>
          </a>
        ) : (
          'Ask IT, who manage staff accounts'
        )}
      </td>
    </tr>
  )
}
