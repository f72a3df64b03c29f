import { useEffect, useState } from 'react'
import type { z } from 'zod'
import type { directorySearchOutput } from '../../../shared/directory/schemas'
import { SERVICE_TYPE } from '../../../shared/referrals/codes'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { useSharedChanges } from '../changes/SharedChanges'
import { navigate } from '../app/router'
import { ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { TableHead } from '../components/TableHead'
import { TableScroll } from '../components/TableScroll'
import { ToggleCheckbox } from '../components/fields'
import { Pagination, showing, StatusTag } from './format'
import { directoryHref, importHref, newOrganisationHref, organisationHref, organisationsHref, serviceHref } from './routes'

type SearchResult = z.output<typeof directorySearchOutput>

/** The agency directory: services by name and kind, active ones unless asked for all, a page at a time. */
export function DirectoryPage({
  text,
  serviceType,
  all,
  page,
  canManage
}: {
  text: string
  serviceType: string
  all: boolean
  page: number
  canManage: boolean
}) {
  const [form, setForm] = useState({ text, serviceType, all })
  const [result, setResult] = useState<SearchResult | null>(null)
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  // Read again when another desk saves something (a shared database's).
  const changes = useSharedChanges()
  useEffect(() => {
    void invoke('directory.search', { text, serviceType: serviceType || null, activeOnly: !all, page }).then((r) =>
      r.ok ? setResult(r.value) : setProblem(r.error)
    )
  }, [text, serviceType, all, page, changes])
  const searched = Boolean(text || serviceType || all)
  return (
    <Page title="Directory">
      <p className="govuk-body">Services that families can be signposted or referred to, and the organisations that run them.</p>
      <ul className="govuk-list app-button-row">
        <li>
          <a className="govuk-link" href={organisationsHref()}>
            All organisations
          </a>
        </li>
        {canManage ? (
          <>
            <li>
              <a className="govuk-link" href={newOrganisationHref}>
                Add an organisation
              </a>
            </li>
            <li>
              <a className="govuk-link" href={importHref}>
                Import from the feed
              </a>
            </li>
          </>
        ) : null}
      </ul>
      <form
        className="app-filter"
        role="search"
        aria-label="Services"
        onSubmit={(e) => {
          e.preventDefault()
          navigate(directoryHref({ ...form, page: 1 }))
        }}
      >
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="directory-text">
            Name of the service or organisation
          </label>
          <input
            className="govuk-input govuk-input--width-20"
            id="directory-text"
            type="search"
            maxLength={100}
            autoComplete="off"
            value={form.text}
            onChange={(e) => setForm((f) => ({ ...f, text: e.target.value }))}
          />
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="directory-type">
            Kind of service
          </label>
          <select
            className="govuk-select"
            id="directory-type"
            value={form.serviceType}
            onChange={(e) => setForm((f) => ({ ...f, serviceType: e.target.value }))}
          >
            <option value="">Any kind</option>
            {SERVICE_TYPE.items.map((item) => (
              <option key={item.code} value={item.code}>
                {item.label}
              </option>
            ))}
          </select>
        </div>
        <div className="govuk-form-group govuk-checkboxes govuk-checkboxes--small">
          <ToggleCheckbox
            id="directory-all"
            label="Include services that are not active"
            checked={form.all}
            onChange={(checked) => setForm((f) => ({ ...f, all: checked }))}
          />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          Search
        </button>
      </form>
      {problem ? <ProblemBanner title="The directory cannot be shown" message={problem.message} /> : null}
      {!result ? (
        problem ? null : (
          <Loading />
        )
      ) : result.services.length === 0 ? (
        <p className="govuk-body" role="status">
          {searched ? 'No services match that search.' : 'The directory has no active services yet.'}
        </p>
      ) : (
        <>
          <p className="govuk-body" role="status">
            {showing(result.page, result.pageSize, result.services.length, result.total, result.total === 1 ? 'service' : 'services')}
          </p>
          <TableScroll label="Services">
            <table className="govuk-table">
              <TableHead caption="Services" columns={['Service', 'Organisation', 'Kind', 'Town', 'Phone', 'Status']} />
              <tbody className="govuk-table__body">
                {result.services.map((s) => (
                  <tr className="govuk-table__row" key={s.id}>
                    <td className="govuk-table__cell">
                      <a className="govuk-link" href={serviceHref(s.id)}>
                        {s.name}
                      </a>
                    </td>
                    <td className="govuk-table__cell">
                      <a className="govuk-link" href={organisationHref(s.organisationId)}>
                        {s.organisationName}
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
            page={result.page}
            pageSize={result.pageSize}
            total={result.total}
            href={(p) => directoryHref({ text, serviceType, all, page: p })}
          />
        </>
      )}
    </Page>
  )
}
