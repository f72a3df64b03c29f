// The referral as a plain document for the service: printed, or saved as a PDF the user sends by the
// hub's secure email. Only the parts the user ticked are on it (the core sends nothing else).
import { useEffect, useState, type ReactNode } from 'react'
import { formatDate } from '../../../shared/dates'
import type { OutboundPrint } from '../../../shared/referrals/outbound'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { Loading, Page } from '../components/Page'
import { ProblemBanner, SuccessBanner } from '../components/ErrorSummary'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { Lines } from './format'
import { outboundHref } from './outboundRoutes'

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  )
}

export function OutboundPrintPage({ referralId }: { referralId: string }) {
  const [print, setPrint] = useState<OutboundPrint | null>(null)
  const [error, setError] = useState<AppErrorValue | null>(null)
  const [saved, setSaved] = useState<{ path: string } | { problem: string } | null>(null)
  useEffect(() => {
    void invoke('referrals.printOutbound', { id: referralId }).then((r) => (r.ok ? setPrint(r.value) : setError(r.error)))
  }, [referralId])
  // Refused by the consent gate (or the referral, the service or the family has changed): what to do, and the way back.
  if (error && (error.code === 'VALIDATION' || error.code === 'CONFLICT'))
    return (
      <Page title="The referral cannot be printed or saved">
        <ProblemBanner title="The referral cannot be printed or saved" message={error.message} />
        <p className="govuk-body">
          <a className="govuk-link" href={outboundHref(referralId)}>
            Back to the referral
          </a>
        </p>
      </Page>
    )
  if (error) return <FamilyNotFound error={error} />
  if (!print) return <Loading />
  const { referral: r, identifiers, address, plan, assessment } = print
  const fileName = `Referral ${r.familyReference} ${r.service.name.replace(/[^\w ,.()-]/g, '')}.pdf`.slice(0, 124)
  return (
    <div className="app-print-document">
      <div className="app-no-print">
        {saved && 'path' in saved ? (
          <SuccessBanner title="The referral has been saved as a PDF">
            <p className="govuk-body">{saved.path}</p>
          </SuccessBanner>
        ) : null}
        {saved && 'problem' in saved ? <ProblemBanner title="The referral has not been saved as a PDF" message={saved.problem} /> : null}
        <div className="app-button-row">
          <button type="button" className="govuk-button" onClick={() => window.print()}>
            Print
          </button>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={async () => {
              const result = await invoke('referrals.savePdf', { id: r.id, fileName })
              if (!result.ok) setSaved({ problem: result.error.message })
              else setSaved(result.value.path ? { path: result.value.path } : null)
            }}
          >
            Save as PDF
          </button>
          <a className="govuk-link govuk-!-margin-top-2" href={outboundHref(r.id)}>
            Back to the referral
          </a>
        </div>
      </div>
      <Page title={`Referral to ${r.service.name}`} caption={print.hubName}>
        <dl className="govuk-summary-list">
          <Row label="To">
            {r.service.name}, {r.organisation.name}
          </Row>
          <Row label="From">{print.hubName}</Row>
          <Row label="Our reference">{r.familyReference}</Row>
          <Row label="Why we are referring">
            <Lines text={r.reason} />
          </Row>
          <Row label="Who it is about">{r.people.map((p) => p.name).join(', ')}</Row>
          {r.consent.consentId && r.consent.givenBy ? (
            <Row label="Consent">
              {r.consent.givenBy} agreed to share information with {r.organisation.name}
              {r.consent.givenOn ? ` on ${formatDate(r.consent.givenOn)}` : ''}.
            </Row>
          ) : null}
          {r.override ? <Row label="Consent">Shared without consent, for a safeguarding reason: {r.override.reason}</Row> : null}
        </dl>
        {identifiers ? (
          <>
            <h2 className="govuk-heading-m">The people</h2>
            <ul className="govuk-list">
              {identifiers.map((p) => (
                <li key={p.name}>
                  {[
                    p.name,
                    p.dateOfBirth ? `born ${formatDate(p.dateOfBirth)}` : p.expectedDate ? `expected ${formatDate(p.expectedDate)}` : null,
                    p.nhsNumber ? `NHS number ${p.nhsNumber.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3')}` : null,
                    p.upn ? `UPN ${p.upn}` : null
                  ]
                    .filter(Boolean)
                    .join(', ')}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {address ? (
          <>
            <h2 className="govuk-heading-m">Address and contact details</h2>
            <p className="govuk-body">
              {[...address.lines, address.postcode].join(', ')}
              {address.phone || address.email ? <br /> : null}
              {[address.phone, address.email].filter(Boolean).join(' · ')}
            </p>
          </>
        ) : null}
        {plan ? (
          <>
            <h2 className="govuk-heading-m">The family plan</h2>
            {plan.outcomes.length === 0 ? <p className="govuk-body">There is no agreed plan yet.</p> : null}
            {plan.agreedOn ? <p className="govuk-body">Agreed on {formatDate(plan.agreedOn)}.</p> : null}
            {plan.outcomes.map((o, i) => (
              <div key={i}>
                <h3 className="govuk-heading-s">
                  {o.text} ({o.headline})
                </h3>
                <ul className="govuk-list govuk-list--bullet">
                  {o.actions.map((a, j) => (
                    <li key={j}>
                      {a.what}, by {formatDate(a.due)}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </>
        ) : null}
        {assessment ? (
          <>
            <h2 className="govuk-heading-m">The assessment summary</h2>
            {assessment.headlines.length === 0 && !assessment.familyVoice ? <p className="govuk-body">There is no assessment yet.</p> : null}
            {assessment.completedOn ? <p className="govuk-body">Completed on {formatDate(assessment.completedOn)}.</p> : null}
            {assessment.headlines.map((h) => (
              <p className="govuk-body" key={h.headline}>
                <strong>{h.headline}</strong>
                {h.evidence ? `: ${h.evidence}` : ''}
              </p>
            ))}
            {assessment.familyVoice ? (
              <p className="govuk-body">
                The family’s own words: <Lines text={assessment.familyVoice} />
              </p>
            ) : null}
          </>
        ) : null}
      </Page>
    </div>
  )
}
