// How the directory's values read on its screens.
import { SERVICE_STATUS } from '../../../shared/referrals/codes'

/** "0 to 5", "16 and over", "up to 4", or null when the directory does not say. */
export function agesText(minAge: number | null, maxAge: number | null): string | null {
  if (minAge !== null && maxAge !== null) return minAge === maxAge ? `${minAge} only` : `${minAge} to ${maxAge}`
  if (minAge !== null) return `${minAge} and over`
  if (maxAge !== null) return `up to ${maxAge}`
  return null
}

export function addressLines(s: { addressLine1: string | null; town: string | null; postcode: string | null }): string[] {
  return [s.addressLine1, s.town, s.postcode].filter((line): line is string => Boolean(line))
}

const TAG: Record<string, string> = {
  active: 'govuk-tag--green',
  inactive: 'govuk-tag--grey',
  defunct: 'govuk-tag--grey',
  'temporarily closed': 'govuk-tag--yellow'
}

export function StatusTag({ status }: { status: string }) {
  return <strong className={`govuk-tag ${TAG[status] ?? 'govuk-tag--grey'}`}>{SERVICE_STATUS.label(status)}</strong>
}

/** GOV.UK pagination as links: each page has its own address, so Back returns to it. */
export function Pagination({
  label,
  page,
  pageSize,
  total,
  href
}: {
  label: string
  page: number
  pageSize: number
  total: number
  href: (page: number) => string
}) {
  if (total <= pageSize) return null
  const last = Math.ceil(total / pageSize)
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label={label}>
      {page > 1 ? (
        <div className="govuk-pagination__prev">
          <a className="govuk-link govuk-pagination__link" href={href(page - 1)} rel="prev">
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">
              {page - 1} of {last}
            </span>
          </a>
        </div>
      ) : null}
      {page < last ? (
        <div className="govuk-pagination__next">
          <a className="govuk-link govuk-pagination__link" href={href(page + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">
              {page + 1} of {last}
            </span>
          </a>
        </div>
      ) : null}
    </nav>
  )
}

/** "Showing 26 to 50 of 73 services" */
export function showing(page: number, pageSize: number, shown: number, total: number, what: string): string {
  const first = (page - 1) * pageSize + 1
  return `Showing ${first} to ${first + shown - 1} of ${total} ${what}`
}
