// Every step-up to children's social care and whether social care has acknowledged it, a page at a
// time: for the hub manager, who sees that none waits unanswered.
import { useEffect, useState } from 'react'
import { formatDate } from '../../../shared/dates'
import { STEP_UP_VIEW, type ListStepUpsOutput } from '../../../shared/referrals/stepUp'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { Pages } from '../components/Pages'
import { TableHead } from '../components/TableHead'
import { TableScroll } from '../components/TableScroll'
import { ToggleCheckbox } from '../components/fields'
import { stepUpHref } from './stepUpRoutes'
import { FamilyNameText } from '../components/FamilyNameText'

export function StepUpsPage({ page: firstPage }: { page: number }) {
  const [waiting, setWaiting] = useState(false)
  const [page, setPage] = useState(firstPage)
  const [list, setList] = useState<ListStepUpsOutput | null>(null)
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  const show = waiting ? 'waiting' : 'all'
  useEffect(() => {
    void invoke('referrals.listStepUps', { show, page }).then((r) => (r.ok ? setList(r.value) : setProblem(r.error)))
  }, [show, page])
  const first = list ? (list.page - 1) * list.pageSize + 1 : 0
  const last = list ? first + list.stepUps.length - 1 : 0
  const what = STEP_UP_VIEW.label(show).toLowerCase()
  return (
    <Page title="Step-ups to children’s social care">
      {problem ? <ProblemBanner title="The step-ups cannot be shown" message={problem.message} /> : null}
      <div className="govuk-form-group govuk-checkboxes govuk-checkboxes--small">
        <ToggleCheckbox
          id="waiting-only"
          label="Only those not yet acknowledged"
          checked={waiting}
          onChange={(checked) => {
            setWaiting(checked)
            setPage(1)
          }}
        />
      </div>
      {!list ? (
        problem ? null : (
          <Loading />
        )
      ) : list.stepUps.length === 0 ? (
        <p className="govuk-body" role="status">
          No step-ups to show: {what}.
        </p>
      ) : (
        <>
          <p className="govuk-body" role="status">
            Showing {first} to {last} of {list.total} · {what}
          </p>
          <TableScroll label="Step-ups">
            <table className="govuk-table">
              <TableHead caption="Step-ups" columns={['Family', 'Date', 'From', 'Made by', 'Acknowledged']} />
              <tbody className="govuk-table__body">
                {list.stepUps.map((s) => (
                  <tr className="govuk-table__row" key={s.id}>
                    <td className="govuk-table__cell">
                      <a className="govuk-link" href={stepUpHref(s.id)}>
                        <FamilyNameText name={s.familyName} />
                      </a>
                      {s.restricted ? (
                        <>
                          {' '}
                          <strong className="govuk-tag govuk-tag--grey">Restricted record</strong>
                        </>
                      ) : null}
                    </td>
                    <td className="govuk-table__cell">{formatDate(s.steppedUpOn)}</td>
                    <td className="govuk-table__cell">{s.from === 'request' ? 'Screening' : 'Early-help episode'}</td>
                    <td className="govuk-table__cell">{s.madeBy}</td>
                    <td className="govuk-table__cell">
                      {s.acknowledgement ? (
                        `${formatDate(s.acknowledgement.on)}, reference ${s.acknowledgement.reference}`
                      ) : (
                        <strong className="govuk-tag govuk-tag--yellow">Not yet</strong>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pages page={list.page} pageSize={list.pageSize} total={list.total} shown={list.stepUps.length} label="Pages of step-ups" go={setPage} />
        </>
      )}
    </Page>
  )
}
