import { useEffect, useState } from 'react'
import type { z } from 'zod'
import type { getOrganisationOutput } from '../../../shared/directory/schemas'
import { SERVICE_TYPE } from '../../../shared/referrals/codes'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { ProblemBanner, SuccessBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { TableHead } from '../components/TableHead'
import { TableScroll } from '../components/TableScroll'
import { Pagination, showing, StatusTag } from './format'
import { addServiceHref, directoryHref, editOrganisationHref, organisationHref, serviceHref } from './routes'
import { Lines, SummaryRows } from './SummaryRows'

type OrganisationView = z.output<typeof getOrganisationOutput>

/** An organisation of the directory, with its services (inactive ones too), a page at a time. */
export function OrganisationPage({ organisationId, page, notice, canManage }: { organisationId: string; page: number; notice?: string; canManage: boolean }) {
  const [view, setView] = useState<OrganisationView | null>(null)
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  useEffect(() => {
    void invoke('directory.getOrganisation', { id: organisationId, page }).then((r) => (r.ok ? setView(r.value) : setProblem(r.error)))
  }, [organisationId, page])
  if (problem)
    return (
      <Page title="Organisation">
        <ProblemBanner title="The organisation cannot be shown" message={problem.message} />
        <p className="govuk-body">
          <a className="govuk-link" href={directoryHref()}>
            Go to the directory
          </a>
        </p>
      </Page>
    )
  if (!view) return <Loading />
  const { organisation: o, services } = view
  return (
    <Page title={o.name} caption="Organisation" focusHeading={!notice}>
      {notice ? <SuccessBanner title={notice} /> : null}
      <SummaryRows
        rows={[
          ['What they do', o.description ? <Lines lines={o.description.split('\n')} /> : null],
          ['Website', o.website],
          ['Email', o.email],
          ['Phone', o.phone],
          ['Where it comes from', o.feedId ? 'The directory feed: an import that changes it replaces any change made here' : 'Added by hand']
        ]}
      />
      {canManage ? (
        <div className="app-button-row">
          <a className="govuk-button govuk-button--secondary" href={editOrganisationHref(o.id)}>
            Change the organisation
          </a>
          <a className="govuk-button govuk-button--secondary" href={addServiceHref(o.id)}>
            Add a service
          </a>
        </div>
      ) : null}
      <h2 className="govuk-heading-m">Services</h2>
      {services.length === 0 ? (
        <p className="govuk-body">It has no services in the directory yet.</p>
      ) : (
        <>
          <p className="govuk-body">{showing(view.page, view.pageSize, services.length, view.total, view.total === 1 ? 'service' : 'services')}</p>
          <TableScroll label={`Services of ${o.name}`}>
            <table className="govuk-table">
              <TableHead caption={`Services of ${o.name}`} columns={['Service', 'Kind', 'Town', 'Phone', 'Status']} />
              <tbody className="govuk-table__body">
                {services.map((s) => (
                  <tr className="govuk-table__row" key={s.id}>
                    <td className="govuk-table__cell">
                      <a className="govuk-link" href={serviceHref(s.id)}>
                        {s.name}
                      </a>
                    </td>
                    <td className="govuk-table__cell">{SERVICE_TYPE.label(s.serviceType)}</td>
                    <td className="govuk-table__cell">{s.town}</td>
                    <td className="govuk-table__cell app-nowrap">{s.phone}</td>
                    <td className="govuk-table__cell">
                      <StatusTag status={s.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pagination
            label="Pages of services"
            page={view.page}
            pageSize={view.pageSize}
            total={view.total}
            href={(p) => organisationHref(o.id, { page: p })}
          />
        </>
      )}
    </Page>
  )
}
