// The Referrals screen: requests for help (in) and referrals on (out) together, filtered by
// direction, status, organisation, dates, overdue and "not fed back"; how many of each status; and
// how many came and went each month, as a chart to look at and the same numbers as a table to read.
import { useEffect, useState } from 'react'
import type { z } from 'zod'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts'
import { datePartsToValue, EMPTY_DATE_PARTS, MONTHS, type DateParts } from '../../../shared/dates'
import { OVERVIEW_STATUS, REFERRAL_DIRECTION, referralsOverviewInput, type ReferralsOverview } from '../../../shared/referrals/overview'
import type { AppErrorValue } from '../../../shared/result'
import { roleMay } from '../../../shared/roles'
import { invoke } from '../api'
import { useSharedChanges } from '../changes/SharedChanges'
import { useAuth } from '../accounts/useAuth'
import { useContractForm } from '../accounts/useContractForm'
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { TableScroll } from '../components/TableScroll'
import { DateRangeFields } from '../components/DateRangeFields'
import { CheckboxField, RadiosField, SelectField } from '../components/fields'
import { AgencyPicker } from './DirectoryPickers'
import { Pages } from '../components/Pages'
import { OverviewStatusTag, ReferralsTable } from './ReferralsTable'

interface Values {
  direction: string
  status: string
  organisationId: string
  organisationName: string
  from: DateParts
  to: DateParts
  overdue: boolean
  notFedBack: boolean
}

type Query = z.output<typeof referralsOverviewInput>

const EMPTY: Values = {
  direction: 'all',
  status: '',
  organisationId: '',
  organisationName: '',
  from: EMPTY_DATE_PARTS,
  to: EMPTY_DATE_PARTS,
  overdue: false,
  notFedBack: false
}

// The filters last used, so coming back to the screen finds it as it was left.
let lastFilters: Values = EMPTY
let lastQuery: Query = referralsOverviewInput.parse({})

const toInput = (v: Values) => ({
  direction: v.direction,
  status: v.status || null,
  organisationId: v.organisationId || null,
  from: datePartsToValue(v.from) ?? null,
  to: datePartsToValue(v.to) ?? null,
  overdue: Boolean(v.overdue),
  notFedBack: Boolean(v.notFedBack),
  // The order chosen with the Date heading stays when the filters change.
  oldestFirst: lastQuery.oldestFirst,
  page: 1
})

/** "2026-11" as "November 2026", and as "Nov 26" on the chart's axis. */
const monthName = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`
const monthTick = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]!.slice(0, 3)} ${month.slice(2, 4)}`

export function ReferralsPage({ readsReferrals }: { readsReferrals: boolean }) {
  const [query, setQuery] = useState<Query>(lastQuery)
  const [overview, setOverview] = useState<ReferralsOverview | null>(null)
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  // Read again when another desk saves something (a shared database's).
  const changes = useSharedChanges()
  const { form, attempt, errors, failed, refused } = useContractForm<Values, typeof referralsOverviewInput>(referralsOverviewInput, lastFilters, toInput)
  useEffect(() => {
    lastQuery = query
    void invoke('referrals.overview', query).then((r) => {
      if (r.ok) {
        setProblem(null)
        setOverview(r.value)
      } else if (r.error.fields) refused(r.error)
      else setProblem(r.error)
    })
    // refused is the form's own and stays the same while the page is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, changes])
  const role = useAuth().status?.user?.role
  const first = overview ? (overview.page - 1) * overview.pageSize + 1 : 0
  const last = overview ? first + overview.rows.length - 1 : 0
  return (
    <Page title="Referrals">
      <p className="govuk-body">Requests for help that came to the hub, and referrals the hub made to other services.</p>
      {role && roleMay(role, 'referrals.oversee') ? (
        <p className="govuk-body">
          <a className="govuk-link" href="#/outbound/overrides">
            Referrals sent without consent
          </a>{' '}
          (each with the reason and the lawful basis recorded)
        </p>
      ) : null}
      {problem ? <ProblemBanner title="The referrals cannot be shown" message={problem.message} /> : null}
      <ErrorSummary items={errors} focusKey={attempt} />
      <form
        noValidate
        aria-label="Filter the referrals"
        onSubmit={form.handleSubmit((input) => {
          lastFilters = form.getValues()
          setQuery(input)
        }, failed)}
      >
        <RadiosField form={form} name="direction" label="Direction" items={REFERRAL_DIRECTION.items} inline />
        <SelectField form={form} name="status" label="Status" items={OVERVIEW_STATUS.items} placeholder="Any status" />
        <AgencyPicker
          form={form}
          name="organisationId"
          nameField="organisationName"
          label="Organisation (optional)"
          hint={
            readsReferrals
              ? 'The agency of the person who asked, or the organisation referred to. Type words of its name.'
              : 'The agency of the person who asked. Type words of its name.'
          }
        />
        <DateRangeFields form={form} from="from" to="to" />
        <CheckboxField
          form={form}
          name="overdue"
          label="Only the overdue"
          hint="Requests waiting longer than the hub’s target for a decision; referrals not acknowledged in time"
        />
        <CheckboxField form={form} name="notFedBack" label="Only requests decided whose referrer has not been told" />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary">
            Show referrals
          </button>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => {
              form.reset(EMPTY)
              lastFilters = EMPTY
              setQuery(referralsOverviewInput.parse({}))
            }}
          >
            Clear the filters
          </button>
        </div>
      </form>
      {!overview ? (
        problem ? null : (
          <Loading />
        )
      ) : (
        <>
          <h2 className="govuk-heading-m">{overview.total === 0 ? 'Nothing matches these filters' : `Showing ${first} to ${last} of ${overview.total}`}</h2>
          <p className="govuk-body" role="status">
            {overview.total === 0 ? 'No requests or referrals match.' : `${overview.total} ${overview.total === 1 ? 'matches' : 'match'} the filters.`} The
            hub’s targets: a decision within {overview.targets.requestDecisionDays} working days of a request; an acknowledgement within{' '}
            {overview.targets.referralAckDays} working days of a referral.
          </p>
          {overview.rows.length ? (
            <ReferralsTable
              rows={overview.rows}
              caption="Requests and referrals"
              sort={{ oldestFirst: query.oldestFirst, onSort: (oldestFirst) => setQuery((q) => ({ ...q, oldestFirst, page: 1 })) }}
            />
          ) : null}
          <Pages
            page={overview.page}
            pageSize={overview.pageSize}
            total={overview.total}
            shown={overview.rows.length}
            label="Pages of referrals"
            go={(page) => setQuery((q) => ({ ...q, page }))}
          />
          <StatusCounts counts={overview.counts} />
          <Months months={overview.months} />
        </>
      )}
    </Page>
  )
}

function StatusCounts({ counts }: { counts: ReferralsOverview['counts'] }) {
  return (
    <>
      <h2 className="govuk-heading-m">How many of each status</h2>
      <p className="govuk-body">For the direction, organisation and dates chosen, whatever the status.</p>
      <TableScroll label="How many of each status">
        <table className="govuk-table">
          <caption className="govuk-visually-hidden">How many of each status</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Status
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Number
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {counts.map((c) => (
              <tr className="govuk-table__row" key={c.status}>
                <th scope="row" className="govuk-table__header">
                  <OverviewStatusTag status={c.status} />
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{c.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  )
}

function Months({ months }: { months: ReferralsOverview['months'] }) {
  const data = months.map((m) => ({ ...m, label: monthTick(m.month) }))
  return (
    <>
      <h2 className="govuk-heading-m">Requests and referrals per month</h2>
      <p className="govuk-body">Every request that came and every referral made, each month: the same numbers are in the table below the chart.</p>
      {/* Hidden overflow: on a narrow screen the chart is drawn at its old width until it has measured the new one. */}
      <div className="app-referrals-chart" aria-hidden="true" style={{ overflow: 'hidden', marginBottom: 20 }}>
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#b1b4b6" strokeDasharray="2 4" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#0b0c0c', fontFamily: 'inherit' }} interval="preserveStartEnd" />
            <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: '#0b0c0c', fontFamily: 'inherit' }} />
            <Legend wrapperStyle={{ fontSize: 14, fontFamily: 'inherit' }} />
            <Bar dataKey="requests" name="Requests for help (in)" fill="#1d70b8" isAnimationActive={false} />
            <Bar dataKey="referrals" name="Referrals on (out)" fill="#f47738" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <TableScroll label="Requests and referrals per month">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Requests and referrals per month</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Month
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Requests for help (in)
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Referrals on (out)
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {months.map((m) => (
              <tr className="govuk-table__row" key={m.month}>
                <th scope="row" className="govuk-table__header">
                  {monthName(m.month)}
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{m.requests}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{m.referrals}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  )
}
