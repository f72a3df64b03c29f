// Previous and Next under a list the core reads a page at a time (referrals, requests, step-ups,
// caseloads, closures, export runs): buttons, as the page changes where it is. The directory's lists
// and the referrals sent without consent page by address instead, with links.
/** Previous and Next, when there is more than one page. */
export function Pages({
  page,
  pageSize,
  total,
  shown,
  label,
  go
}: {
  page: number
  pageSize: number
  total: number
  shown: number
  label: string
  go: (page: number) => void
}) {
  if (total <= pageSize) return null
  const last = (page - 1) * pageSize + shown
  return (
    <nav className="govuk-pagination" aria-label={label}>
      {page > 1 ? (
        <div className="govuk-pagination__prev">
          <button type="button" className="app-link-button govuk-link govuk-pagination__link" onClick={() => go(page - 1)}>
            Previous<span className="govuk-visually-hidden"> page</span>
          </button>
        </div>
      ) : null}
      {last < total ? (
        <div className="govuk-pagination__next">
          <button type="button" className="app-link-button govuk-link govuk-pagination__link" onClick={() => go(page + 1)}>
            Next<span className="govuk-visually-hidden"> page</span>
          </button>
        </div>
      ) : null}
    </nav>
  )
}
