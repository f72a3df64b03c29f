// Requests (in) and referrals (out) as one table: the Referrals screen's, a family's and an
// episode's. What a user may not read (a closed family's names, whom a referral went to, for
// reception) comes as null from the core and is simply not shown.
import { formatDate, todayIso } from '../../../shared/dates'
import { OVERVIEW_ROW_STATUS, type OverviewRow } from '../../../shared/referrals/overview'
import { roleMay } from '../../../shared/roles'
import { familyHref, requestHref } from '../app/router'
import { useAuth } from '../accounts/useAuth'
import { outboundHref } from './outboundRoutes'
import { TableHead } from '../components/TableHead'
import { TableScroll } from '../components/TableScroll'

/** A status as a GOV.UK tag: what waits is blue, what ended well green, what ended otherwise grey. */
const COLOUR: Record<string, string> = {
  'in-waiting': 'govuk-tag--blue',
  'in-ACCEPT': 'govuk-tag--green',
  'in-SIGNPOST': 'govuk-tag--turquoise',
  'in-DECLINE': 'govuk-tag--grey',
  'in-ESCALATE': 'govuk-tag--purple',
  'out-draft': 'govuk-tag--grey',
  'out-sent': 'govuk-tag--blue',
  'out-acknowledged': 'govuk-tag--light-blue',
  'out-accepted': 'govuk-tag--green',
  'out-declined': 'govuk-tag--orange',
  'out-completed': 'govuk-tag--green',
  'out-withdrawn': 'govuk-tag--grey'
}

export const statusLabel = (status: string) => OVERVIEW_ROW_STATUS.label(status)

export function OverviewStatusTag({ status }: { status: string }) {
  return <strong className={`govuk-tag ${COLOUR[status] ?? 'govuk-tag--grey'}`}>{statusLabel(status)}</strong>
}

/** Where a row opens: a request its own page; a referral its own page for those who may read it, else its family's. */
const rowHref = (r: OverviewRow, readsReferrals: boolean) =>
  r.direction === 'in' ? requestHref(r.id) : readsReferrals ? outboundHref(r.id) : familyHref(r.familyId)

export function ReferralsTable({ rows, caption, showFamily = true }: { rows: OverviewRow[]; caption: string; showFamily?: boolean }) {
  const role = useAuth().status?.user?.role
  const readsReferrals = Boolean(role && roleMay(role, 'referrals.screen'))
  return (
    <TableScroll label={caption}>
      <table className="govuk-table">
        <TableHead caption={caption} columns={[...(showFamily ? ['Family'] : []), 'Date', 'In or out', 'Who asked, or referred to', 'Status']} />
        <tbody className="govuk-table__body">
          {rows.map((r) => (
            <tr className="govuk-table__row" key={`${r.direction}-${r.id}`}>
              {showFamily ? (
                <td className="govuk-table__cell">
                  <span className="app-nowrap">{r.familyReference}</span> {r.familyNames}
                  {r.restricted ? (
                    <>
                      {' '}
                      <strong className="govuk-tag govuk-tag--grey">Restricted record</strong>
                    </>
                  ) : null}
                </td>
              ) : null}
              <td className="govuk-table__cell">
                {r.restricted ? (
                  formatDate(todayIso(new Date(r.at)))
                ) : (
                  <a className="govuk-link" href={rowHref(r, readsReferrals)}>
                    {formatDate(todayIso(new Date(r.at)))}
                    <span className="govuk-visually-hidden">
                      {' '}
                      {r.direction === 'in' ? 'request for help' : 'referral'} {r.familyReference}
                    </span>
                  </a>
                )}
              </td>
              <td className="govuk-table__cell">{r.direction === 'in' ? 'In: request for help' : 'Out: referral'}</td>
              <td className="govuk-table__cell">{r.party ?? ''}</td>
              <td className="govuk-table__cell">
                <OverviewStatusTag status={r.status} />
                {r.overdue ? (
                  <>
                    {' '}
                    <strong className="govuk-tag govuk-tag--red">
                      {r.direction === 'in' ? (r.status === 'in-waiting' ? 'Overdue' : 'Decided late') : 'Not acknowledged in time'}
                    </strong>
                  </>
                ) : null}
                {r.awaitingFeedback ? (
                  <>
                    {' '}
                    <strong className="govuk-tag govuk-tag--yellow">Not told yet</strong>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}

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
