// Requests (in) and referrals (out) as one table: the Referrals screen's, a family's and an
// episode's. What a user may not read (a closed family's names, whom a referral went to, for
// reception) comes as null from the core and is simply not shown.
import { useMemo } from 'react'
import { formatDate, todayIso } from '../../../shared/dates'
import { OVERVIEW_ROW_STATUS, type OverviewRow } from '../../../shared/referrals/overview'
import { roleMay } from '../../../shared/roles'
import { familyHref, requestHref } from '../app/router'
import { useAuth } from '../accounts/useAuth'
import { outboundHref } from './outboundRoutes'
import { DataTable, type DataColumn } from '../components/DataTable'
import { FamilyNameText } from '../components/FamilyNameText'

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

const familyColumn: DataColumn<OverviewRow> = {
  id: 'family',
  header: 'Family',
  cell: (r) => (
    <>
      <FamilyNameText name={r.familyName} />
      {r.restricted ? (
        <>
          {' '}
          <strong className="govuk-tag govuk-tag--grey">Restricted record</strong>
        </>
      ) : null}
    </>
  )
}

const dateColumn = (readsReferrals: boolean, sortable: boolean): DataColumn<OverviewRow> => ({
  id: 'at',
  header: 'Date',
  sortValue: sortable ? (r) => r.at : undefined,
  cell: (r) =>
    r.restricted ? (
      formatDate(todayIso(new Date(r.at)))
    ) : (
      <a className="govuk-link" href={rowHref(r, readsReferrals)}>
        {formatDate(todayIso(new Date(r.at)))}
        <span className="govuk-visually-hidden">
          {' '}
          {r.direction === 'in' ? 'request for help' : 'referral'} {r.familyReference}
        </span>
      </a>
    )
})

const OTHER_COLUMNS: DataColumn<OverviewRow>[] = [
  { id: 'direction', header: 'In or out', cell: (r) => (r.direction === 'in' ? 'In: request for help' : 'Out: referral') },
  { id: 'party', header: 'Who asked, or referred to', cell: (r) => r.party ?? '' },
  {
    id: 'status',
    header: 'Status',
    cell: (r) => (
      <>
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
      </>
    )
  }
]

/**
 * The list sorts by date, in the query (newest or oldest first, over every page, not only this one;
 * rows of the same moment by id, so they keep one order); the rest is narrowed with the screen's
 * filters. A family's own list is not sorted.
 */
export function ReferralsTable({
  rows,
  caption,
  showFamily = true,
  sort
}: {
  rows: OverviewRow[]
  caption: string
  showFamily?: boolean
  sort?: { oldestFirst: boolean; onSort: (oldestFirst: boolean) => void }
}) {
  const role = useAuth().status?.user?.role
  const readsReferrals = Boolean(role && roleMay(role, 'referrals.screen'))
  const sortable = Boolean(sort)
  const columns = useMemo(
    () => [...(showFamily ? [familyColumn] : []), dateColumn(readsReferrals, sortable), ...OTHER_COLUMNS],
    [showFamily, readsReferrals, sortable]
  )
  return (
    <DataTable
      caption={caption}
      rows={rows}
      columns={columns}
      rowKey={(r) => `${r.direction}-${r.id}`}
      serverSort={sort ? { sort: { id: 'at', desc: !sort.oldestFirst }, onSort: (next) => sort.onSort(!next.desc) } : undefined}
    />
  )
}
