import { useEffect, useState } from 'react'
import type { z } from 'zod'
import type { listOrganisationsOutput } from '../../../shared/directory/schemas'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { useSharedChanges } from '../changes/SharedChanges'
import { navigate } from '../app/router'
import { ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { TableHead } from '../components/TableHead'
import { TableScroll } from '../components/TableScroll'
import { Pagination, showing } from './format'
import { directoryHref, newOrganisationHref, organisationHref, organisationsHref } from './routes'

type Organisations = z.output<typeof listOrganisationsOutput>

/** Every organisation by name, with its services counted: the way to one that has no service yet. */
export function OrganisationsPage({ text, page, canManage }: { text: string; page: number; canManage: boolean }) {
  const [typed, setTyped] = useState(text)
  const [result, setResult] = useState<Organisations | null>(null)
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  // Read again when another desk saves something (a shared database's).
  const changes = useSharedChanges()
  useEffect(() => {
    void invoke('directory.organisations', { text, page }).then((r) => (r.ok ? setResult(r.value) : setProblem(r.error)))
  }, [text, page, changes])
  return (
    <Page title="Organisations" caption="Directory">
      <ul className="govuk-list app-button-row">
        <li>
          <a className="govuk-link" href={directoryHref()}>
            Find a service
          </a>
        </li>
        {canManage ? (
          <li>
            <a className="govuk-link" href={newOrganisationHref}>
              Add an organisation
            </a>
          </li>
        ) : null}
      </ul>
      <form
        className="app-filter"
        role="search"
        aria-label="Organisations"
        onSubmit={(e) => {
          e.preventDefault()
          navigate(organisationsHref({ text: typed }))
        }}
      >
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="organisations-text">
            Name of the organisation
          </label>
          <input
            className="govuk-input govuk-input--width-20"
            id="organisations-text"
            type="search"
            maxLength={100}
            autoComplete="off"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          Search
        </button>
      </form>
      {problem ? <ProblemBanner title="The organisations cannot be shown" message={problem.message} /> : null}
      {!result ? (
        problem ? null : (
          <Loading />
        )
      ) : result.organisations.length === 0 ? (
        <p className="govuk-body" role="status">
          {text ? 'No organisations match that name.' : 'The directory has no organisations yet.'}
        </p>
      ) : (
        <>
          <p className="govuk-body" role="status">
            {showing(result.page, result.pageSize, result.organisations.length, result.total, result.total === 1 ? 'organisation' : 'organisations')}
          </p>
          <TableScroll label="Organisations">
            <table className="govuk-table">
              <TableHead
                caption="Organisations"
                columns={['Organisation', 'From the feed', { label: 'Services', numeric: true }, { label: 'Active', numeric: true }]}
              />
              <tbody className="govuk-table__body">
                {result.organisations.map((o) => (
                  <tr className="govuk-table__row" key={o.id}>
                    <td className="govuk-table__cell">
                      <a className="govuk-link" href={organisationHref(o.id)}>
                        {o.name}
                      </a>
                    </td>
                    <td className="govuk-table__cell">{o.fromFeed ? 'Yes' : 'No'}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{o.services}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{o.activeServices}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pagination
            label="Pages of organisations"
            page={result.page}
            pageSize={result.pageSize}
            total={result.total}
            href={(p) => organisationsHref({ text, page: p })}
          />
        </>
      )}
    </Page>
  )
}
