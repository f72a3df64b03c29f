// For the hub manager: every referral sent without the family's consent, newest first, with the
// safeguarding reason and the lawful basis recorded, a page at a time.
import { useEffect, useState } from 'react'
import { LAWFUL_BASIS_6, LAWFUL_BASIS_9 } from '../../../shared/referrals/codes'
import type { z } from 'zod'
import type { listOverridesOutput } from '../../../shared/referrals/outbound'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { TableHead } from '../components/TableHead'
import { TableScroll } from '../components/TableScroll'
import { localDateTime } from './format'
import { outboundHref } from './outboundRoutes'
import { OutboundStatusTag } from './OutboundPage'
import { FamilyNameText } from '../components/FamilyNameText'

export function OverridesPage({ page }: { page: number }) {
  const [list, setList] = useState<z.infer<typeof listOverridesOutput> | null>(null)
  const [error, setError] = useState<AppErrorValue | null>(null)
  useEffect(() => {
    void invoke('referrals.listOverrides', { page }).then((r) => (r.ok ? setList(r.value) : setError(r.error)))
  }, [page])
  if (error)
    return (
      <Page title="Referrals sent without consent">
        <ProblemBanner title="The list cannot be shown" message={error.message} />
      </Page>
    )
  if (!list) return <Loading />
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize))
  return (
    <Page title="Referrals sent without consent">
      <p className="govuk-body">
        Each was sent on a safeguarding reason with its lawful basis, recorded by the practitioner. {list.total === 0 ? 'There are none.' : ''}
      </p>
      {list.overrides.length ? (
        <TableScroll label="Referrals sent without consent">
          <table className="govuk-table">
            <TableHead caption="Referrals sent without consent" columns={['Sent', 'Family', 'To', 'Status', 'Why, and the lawful basis', 'By']} />
            <tbody className="govuk-table__body">
              {list.overrides.map((o) => (
                <tr className="govuk-table__row" key={o.id}>
                  <td className="govuk-table__cell">
                    <a className="govuk-link" href={outboundHref(o.id)}>
                      {localDateTime(o.at)}
                    </a>
                  </td>
                  <td className="govuk-table__cell">
                    <FamilyNameText name={o.familyName} />
                  </td>
                  <td className="govuk-table__cell">
                    {o.serviceName}, {o.organisationName}
                  </td>
                  <td className="govuk-table__cell">
                    <OutboundStatusTag status={o.status} />
                  </td>
                  <td className="govuk-table__cell">
                    {o.reason}
                    <br />
                    <span className="govuk-body-s">
                      {LAWFUL_BASIS_6.label(o.lawfulBasis6)}; {LAWFUL_BASIS_9.label(o.lawfulBasis9)}
                    </span>
                  </td>
                  <td className="govuk-table__cell">{o.by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {pages > 1 ? (
        <nav className="govuk-pagination" aria-label="Pages of referrals sent without consent">
          {page > 1 ? (
            <div className="govuk-pagination__prev">
              <a className="govuk-link govuk-pagination__link" href={`#/outbound/overrides?page=${page - 1}`}>
                Previous<span className="govuk-visually-hidden"> page</span>
              </a>
            </div>
          ) : null}
          {page < pages ? (
            <div className="govuk-pagination__next">
              <a className="govuk-link govuk-pagination__link" href={`#/outbound/overrides?page=${page + 1}`}>
                Next<span className="govuk-visually-hidden"> page</span>
              </a>
            </div>
          ) : null}
        </nav>
      ) : null}
    </Page>
  )
}
