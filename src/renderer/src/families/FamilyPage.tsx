import { CONSENT_METHOD, CONSENT_SCOPE, ETHNICITY, HEARD_ABOUT, SEX } from '../../../shared/codes'
import { formatDate } from '../../../shared/dates'
import { formatNhsNumber } from '../../../shared/identifiers/nhsNumber'
import { Loading, Page } from '../components/Page'
import { approveClosureHref, episodeHref, logRequestHref, navigate } from '../app/router'
import { ProblemBanner, SuccessBanner } from '../components/ErrorSummary'
import { useState } from 'react'
import { invoke } from '../api'
import { FamilyHeader } from './FamilyHeader'
import { FamilyNotFound } from './FamilyNotFound'
import { useFamily } from './useFamily'
import { describeAge, describeRole, personName } from './format'
import { TableHead } from '../components/TableHead'
import { TableScroll } from '../components/TableScroll'
import { FamilyReferrals } from '../referrals/FamilyReferrals'
import { roleMay } from '../../../shared/roles'
import { useAuth } from '../accounts/useAuth'

export function FamilyPage({
  id,
  notice,
  canAudit,
  canEarlyHelp,
  canManageEpisodes
}: {
  id: string
  notice?: string
  canAudit: boolean
  canEarlyHelp: boolean
  canManageEpisodes: boolean
}) {
  const role = useAuth().status?.user?.role
  const canLogRequests = Boolean(role && roleMay(role, 'referrals.log'))
  const { view, error, reload } = useFamily(id)
  const [consentProblem, setConsentProblem] = useState<string | null>(null)
  if (error) return <FamilyNotFound error={error} />
  if (!view) return <Loading />
  const { family, members, consents } = view
  // What staff come to a family's page to do, first; the rest sit under the heading they concern.
  const common = [
    ...(canEarlyHelp && !view.openEpisode ? [{ label: 'Open an early-help episode', href: `#/families/${id}/early-help/open` }] : []),
    ...(canEarlyHelp ? [{ label: 'Add a case note', href: `#/families/${id}/notes/new` }] : []),
    ...(canLogRequests ? [{ label: 'Log a request for help', href: logRequestHref(id) }] : []),
    ...(canEarlyHelp ? [{ label: 'Chronology', href: `#/families/${id}/chronology` }] : [])
  ]
  const row = (key: string, value: string | null | undefined) => (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{key}</dt>
      <dd className="govuk-summary-list__value">{value || 'Not given'}</dd>
    </div>
  )
  return (
    <>
      <FamilyHeader family={family} members={members.length} />
      {family.restricted ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>This record is restricted. Only the people named on it and hub managers can open it.
          </strong>
        </div>
      ) : null}
      <Page title={family.name} focusHeading={!notice}>
        {notice ? (
          <SuccessBanner title={notice}>
            {consents.length === 0 ? (
              <p className="govuk-body">
                Next,{' '}
                <a className="govuk-notification-banner__link" href={`#/families/${id}/consent`}>
                  record their consent
                </a>
                .
              </p>
            ) : null}
          </SuccessBanner>
        ) : null}

        {common.length ? (
          <section aria-labelledby="common-actions">
            <h2 className="govuk-visually-hidden" id="common-actions">
              Common actions
            </h2>
            <div className="app-button-row">
              {common.map((action, i) => (
                <button
                  key={action.label}
                  type="button"
                  className={i === 0 ? 'govuk-button' : 'govuk-button govuk-button--secondary'}
                  onClick={() => navigate(action.href)}
                >
                  {action.label}
                </button>
              ))}
            </div>
          </section>
        ) : null}

        <h2 className="govuk-heading-m">Early help</h2>
        <p className="govuk-body">
          {view.openEpisode
            ? `An early-help episode has been open since ${formatDate(view.openEpisode.openedOn)}, led by ${view.openEpisode.leadName}.`
            : 'No early-help episode is open.'}
          {view.openEpisode?.status === 'closing' ? " Its closure has been recorded and is waiting for a manager's approval." : ''}
        </p>
        {view.openEpisode && canEarlyHelp ? (
          <p className="govuk-body">
            <a className="govuk-link" href={episodeHref(id, view.openEpisode.id)}>
              Go to the episode: team, assessment, plan and reviews
            </a>
          </p>
        ) : null}
        {view.openEpisode?.status === 'closing' && canManageEpisodes ? (
          // The approval screen shows the closure first and asks to confirm: a manager never approves unseen.
          <button type="button" className="govuk-button" onClick={() => navigate(approveClosureHref(id, view.openEpisode!.id))}>
            Approve closure
          </button>
        ) : null}
        {view.openEpisode?.status === 'open' && canEarlyHelp ? (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate(`#/families/${id}/early-help/close`)}>
            Close the episode
          </button>
        ) : null}
        {view.pastEpisodes.length && canEarlyHelp ? (
          <ul className="govuk-list">
            {view.pastEpisodes.map((e) => (
              <li key={e.id}>
                <a className="govuk-link" href={episodeHref(id, e.id)}>
                  Closed episode: {formatDate(e.openedOn)} to {e.closedOn ? formatDate(e.closedOn) : 'not recorded'}
                </a>
              </li>
            ))}
          </ul>
        ) : null}

        <h2 className="govuk-heading-m">Members</h2>
        <TableScroll label="Members">
          <table className="govuk-table">
            <TableHead
              caption="Members of the family"
              columns={['Name', 'Role', 'Born', 'Age', 'Sex', 'Ethnicity', 'NHS number', { label: 'Actions', hidden: true }]}
            />
            <tbody className="govuk-table__body">
              {members.map((m) => (
                <tr className="govuk-table__row" key={m.id}>
                  <th scope="row" className="govuk-table__header">
                    {personName(m)}
                  </th>
                  <td className="govuk-table__cell">
                    {describeRole(m)}
                    {m.parentalResponsibility ? ' (parental responsibility)' : ''}
                  </td>
                  <td className="govuk-table__cell">{m.dateOfBirth ? formatDate(m.dateOfBirth) : ''}</td>
                  <td className="govuk-table__cell">{describeAge(m)}</td>
                  <td className="govuk-table__cell">{SEX.label(m.sex)}</td>
                  <td className="govuk-table__cell">{ETHNICITY.label(m.ethnicity)}</td>
                  <td className="govuk-table__cell">{m.nhsNumber ? formatNhsNumber(m.nhsNumber) : ''}</td>
                  <td className="govuk-table__cell">
                    <a className="govuk-link" href={`#/families/${id}/people/${m.id}/edit`}>
                      Change<span className="govuk-visually-hidden"> {personName(m)}</span>
                    </a>{' '}
                    <a className="govuk-link" href={`#/families/${id}/people/${m.id}/move`}>
                      Move<span className="govuk-visually-hidden"> {personName(m)} to another family</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <div className="app-button-row">
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate(`#/families/${id}/add/adult`)}>
            Add an adult
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate(`#/families/${id}/add/child`)}>
            Add a child
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate(`#/families/${id}/add/unborn`)}>
            Add an unborn baby
          </button>
        </div>

        <FamilyReferrals familyId={id} />

        <h2 className="govuk-heading-m">Household</h2>
        <dl className="govuk-summary-list">
          {row('Address', [family.addressLine1, family.addressLine2, family.town].filter(Boolean).join(', '))}
          {row('Postcode', family.postcode)}
          {row('Phone number', family.phone)}
          {row('Email address', family.email)}
          {row('Main language', `${family.mainLanguage}${family.interpreterNeeded ? ' (interpreter needed)' : ''}`)}
          {row('How they heard of the hub', HEARD_ABOUT.label(family.heardAbout))}
          {row('Registered', `${formatDate(family.registeredAt)} by ${family.registeredBy}`)}
        </dl>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate(`#/families/${id}/edit`)}>
          Change household details
        </button>

        <h2 className="govuk-heading-m">Consent</h2>
        {consentProblem ? <ProblemBanner title="The withdrawal has not been recorded" message={consentProblem} /> : null}
        {view.openEpisode && consents.some((c) => c.scope === 'EARLY_HELP') && !consents.some((c) => c.scope === 'EARLY_HELP' && !c.withdrawnOn) ? (
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>The family has withdrawn their consent to early help while an episode is open. Talk to them,
              and close the episode if they no longer want help.
            </strong>
          </div>
        ) : null}
        {consents.length === 0 ? (
          <p className="govuk-body">No consent has been recorded yet.</p>
        ) : (
          <TableScroll label="Consent recorded">
            <table className="govuk-table">
              <TableHead
                caption="Consent recorded"
                columns={['What was agreed', 'Given by', 'How', 'Date', 'Recorded by', { label: 'Actions', hidden: true }]}
              />
              <tbody className="govuk-table__body">
                {consents.map((c) => (
                  <tr className="govuk-table__row" key={c.id}>
                    <td className="govuk-table__cell">
                      {CONSENT_SCOPE.label(c.scope)}
                      {c.agency ? `: ${c.agency}` : ''}
                      {c.withdrawnOn ? ` (withdrawn ${formatDate(c.withdrawnOn)})` : ''}
                    </td>
                    <td className="govuk-table__cell">{c.givenByName}</td>
                    <td className="govuk-table__cell">{CONSENT_METHOD.label(c.method)}</td>
                    <td className="govuk-table__cell">{formatDate(c.givenOn)}</td>
                    <td className="govuk-table__cell">{c.recordedBy}</td>
                    <td className="govuk-table__cell">
                      {c.withdrawnOn ? null : (
                        <button
                          type="button"
                          className="app-link-button govuk-link"
                          onClick={async () => {
                            if (!window.confirm(`Record that ${c.givenByName} has withdrawn consent to ${CONSENT_SCOPE.label(c.scope).toLowerCase()}?`)) return
                            const r = await invoke('consent.withdraw', { id: c.id, version: c.version })
                            setConsentProblem(r.ok ? null : r.error.message)
                            await reload()
                          }}
                        >
                          Withdraw<span className="govuk-visually-hidden"> consent to {CONSENT_SCOPE.label(c.scope).toLowerCase()}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate(`#/families/${id}/consent`)}>
          Record consent
        </button>
        {canAudit ? (
          <>
            <h2 className="govuk-heading-m">Who can open this record</h2>
            <p className="govuk-body">
              {family.restricted
                ? `Restricted: ${[...view.allowedUsers.map((u) => u.displayName), 'hub managers'].join(', ')}.`
                : 'Everyone whose role includes family records.'}
            </p>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate(`#/families/${id}/access`)}>
              Change who can open this record
            </button>
            <h2 className="govuk-heading-m">Audit</h2>
            <p className="govuk-body">
              <a className="govuk-link" href={`#/audit?family=${encodeURIComponent(family.reference)}`}>
                Who has seen or changed this family's record
              </a>
            </p>
            <ul className="govuk-list">
              {members.map((m) => (
                <li key={m.id}>
                  <a className="govuk-link" href={`#/audit?person=${m.id}`}>
                    Who has seen or changed {personName(m)}'s record
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Page>
    </>
  )
}
