// Requests for help, a page at a time: what waits (and what waits too long), what was decided, and
// who has not been told what was decided; any of them received between two dates.
import { useEffect, useState } from 'react'
import type { z } from 'zod'
import { datePartsToValue, EMPTY_DATE_PARTS, type DateParts } from '../../../shared/dates'
import { listRequestsInput, REQUEST_VIEW, type ListRequestsOutput, type RequestRow } from '../../../shared/referrals/requests'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { useSharedChanges } from '../changes/SharedChanges'
import { logRequestHref, navigate, requestHref } from '../app/router'
import { useContractForm } from '../accounts/useContractForm'
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { Pages } from '../components/Pages'
import { TableHead } from '../components/TableHead'
import { TableScroll } from '../components/TableScroll'
import { DateRangeFields } from '../components/DateRangeFields'
import { RadiosField } from '../components/fields'
import { localDateTime, sourceLabel, StatusTag } from './format'
import { FamilyNameText } from '../components/FamilyNameText'

interface Values {
  show: string
  receivedFrom: DateParts
  receivedTo: DateParts
}

type Query = z.output<typeof listRequestsInput>

// The filters last used, so coming back to the list finds it as it was left.
let lastFilters: Values = { show: 'all', receivedFrom: EMPTY_DATE_PARTS, receivedTo: EMPTY_DATE_PARTS }
let lastQuery: Query = listRequestsInput.parse({})

const toInput = (v: Values) => ({
  show: v.show,
  receivedFrom: datePartsToValue(v.receivedFrom) ?? null,
  receivedTo: datePartsToValue(v.receivedTo) ?? null,
  page: 1
})

export function RequestsPage() {
  const [query, setQuery] = useState<Query>(lastQuery)
  const [list, setList] = useState<ListRequestsOutput | null>(null)
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  // Read again when another desk saves something (a shared database's).
  const changes = useSharedChanges()
  const { form, attempt, errors, failed } = useContractForm<Values, typeof listRequestsInput>(listRequestsInput, lastFilters, toInput)
  useEffect(() => {
    lastQuery = query
    void invoke('referrals.listRequests', query).then((r) => (r.ok ? setList(r.value) : setProblem(r.error)))
  }, [query, changes])
  const first = list ? (list.page - 1) * list.pageSize + 1 : 0
  const last = list ? first + list.requests.length - 1 : 0
  const what = REQUEST_VIEW.label(query.show).toLowerCase()
  return (
    <Page title="Requests for help">
      <button type="button" className="govuk-button" onClick={() => navigate(logRequestHref())}>
        Log a request for help
      </button>
      {problem ? <ProblemBanner title="The requests cannot be shown" message={problem.message} /> : null}
      <ErrorSummary items={errors} focusKey={attempt} />
      <form
        noValidate
        onSubmit={form.handleSubmit((input) => {
          lastFilters = form.getValues()
          setQuery(input)
        }, failed)}
      >
        <RadiosField form={form} name="show" label="Show" items={REQUEST_VIEW.items} />
        <DateRangeFields form={form} from="receivedFrom" to="receivedTo" what="Requests that came" />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show requests
        </button>
      </form>
      {!list ? (
        problem ? null : (
          <Loading />
        )
      ) : list.requests.length === 0 ? (
        <p className="govuk-body" role="status">
          No requests to show: {what}.
        </p>
      ) : (
        <>
          <p className="govuk-body" role="status">
            Showing {first} to {last} of {list.total} · {what} · the hub’s target is {list.targetDays} working {list.targetDays === 1 ? 'day' : 'days'} from a
            request to its decision
          </p>
          <TableScroll label="Requests for help">
            <table className="govuk-table">
              <TableHead
                caption="Requests for help"
                columns={['Family', 'Came', 'Who asked', 'Source', 'Status', { label: 'Working days', numeric: true }, 'Told']}
              />
              <tbody className="govuk-table__body">
                {list.requests.map((r) => (
                  <RequestLine key={r.id} r={r} />
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pages
            page={list.page}
            pageSize={list.pageSize}
            total={list.total}
            shown={list.requests.length}
            label="Pages of requests"
            go={(page) => setQuery((q) => ({ ...q, page }))}
          />
        </>
      )}
    </Page>
  )
}

function RequestLine({ r }: { r: RequestRow }) {
  const told = r.status === 'waiting' ? '' : r.fedBack ? 'Told' : r.awaitingFeedback ? null : 'No one to tell'
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell">
        <a className="govuk-link" href={requestHref(r.id)}>
          <FamilyNameText name={r.familyName} />
        </a>
        {r.restricted ? (
          <>
            {' '}
            <strong className="govuk-tag govuk-tag--grey">Restricted record</strong>
          </>
        ) : null}
      </td>
      <td className="govuk-table__cell">{localDateTime(r.receivedAt)}</td>
      <td className="govuk-table__cell">{[r.referrerName ?? (r.restricted ? null : 'Anonymous'), r.referrerAgency].filter(Boolean).join(', ')}</td>
      <td className="govuk-table__cell">{r.source ? sourceLabel(r.source) : ''}</td>
      <td className="govuk-table__cell">
        <StatusTag status={r.status} decision={r.decision} />
        {r.urgency === 'URGENT' && r.status === 'waiting' ? (
          <>
            {' '}
            <strong className="govuk-tag govuk-tag--red">Urgent</strong>
          </>
        ) : null}
      </td>
      <td className="govuk-table__cell govuk-table__cell--numeric">
        {r.overdue ? (
          <strong className="govuk-tag govuk-tag--red">
            {r.workingDays}
            <span className="govuk-visually-hidden">,</span> {r.status === 'waiting' ? 'overdue' : 'late'}
          </strong>
        ) : (
          r.workingDays
        )}
      </td>
      <td className="govuk-table__cell">{told ?? <strong className="govuk-tag govuk-tag--yellow">Not yet</strong>}</td>
    </tr>
  )
}
