// The step-up's referral as a plain document for children's social care: printed, or saved as a PDF
// to send by the hub's secure email. The screen's navigation is left off the page.
import { useEffect, useState } from 'react'
import { formatDate } from '../../../shared/dates'
import { describeAge, personName } from '../families/format'
import type { StepUpRecord } from '../../../shared/referrals/stepUp'
import type { AppErrorValue } from '../../../shared/result'
import { MEMBER_KIND, ETHNICITY, SEX } from '../../../shared/codes'
import { invoke } from '../api'
import { Loading, Page } from '../components/Page'
import { ProblemBanner, SuccessBanner } from '../components/ErrorSummary'
import { SummaryRow } from '../components/SummaryRow'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { useFamily } from '../families/useFamily'
import { Lines, localDateTime, sourceLabel } from './format'
import { sourceWords } from './StepUpPage'
import { stepUpHref } from './stepUpRoutes'

export function StepUpPrintPage({ stepUpId }: { stepUpId: string }) {
  const [stepUp, setStepUp] = useState<StepUpRecord | null>(null)
  const [error, setError] = useState<AppErrorValue | null>(null)
  useEffect(() => {
    void invoke('referrals.getStepUp', { id: stepUpId }).then((r) => (r.ok ? setStepUp(r.value) : setError(r.error)))
  }, [stepUpId])
  if (error) return <FamilyNotFound error={error} />
  if (!stepUp) return <Loading />
  return <StepUpDocument stepUp={stepUp} />
}

function StepUpDocument({ stepUp }: { stepUp: StepUpRecord }) {
  const { view, error } = useFamily(stepUp.familyId)
  const [saved, setSaved] = useState<{ path: string } | { problem: string } | null>(null)
  if (error) return <FamilyNotFound error={error} />
  if (!view) return <Loading />
  const { family } = view
  const adults = view.members.filter((m) => m.kind === 'adult')
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
              const r = await invoke('referrals.saveStepUpPdf', { id: stepUp.id, fileName: `Step-up ${stepUp.familyReference} ${stepUp.steppedUpOn}.pdf` })
              if (!r.ok) setSaved({ problem: r.error.message })
              else setSaved(r.value.path ? { path: r.value.path } : null)
            }}
          >
            Save as PDF
          </button>
          <a className="govuk-link govuk-!-margin-top-2" href={stepUpHref(stepUp.id)}>
            Back to the step-up
          </a>
        </div>
      </div>
      <Page title="Referral to children’s social care" caption={stepUp.hubName}>
        <dl className="govuk-summary-list">
          <SummaryRow label="Date of referral">{formatDate(stepUp.steppedUpOn)}</SummaryRow>
          <SummaryRow label="Referral source">{sourceWords(stepUp.referralSource)}</SummaryRow>
          <SummaryRow label="From">
            {stepUp.hubName}, referred by {stepUp.madeBy}
          </SummaryRow>
          <SummaryRow label="Our reference">{stepUp.familyReference}</SummaryRow>
        </dl>
        <h2 className="govuk-heading-m">The concern</h2>
        <p className="govuk-body">
          <Lines text={stepUp.concern} />
        </p>
        <h2 className="govuk-heading-m">The children</h2>
        <ul className="govuk-list">
          {stepUp.children.map((c) => (
            <li key={c.id}>
              {[
                c.name,
                MEMBER_KIND.label(c.kind),
                describeAge(c),
                c.sex ? SEX.label(c.sex) : null,
                c.ethnicity ? `ethnicity ${ETHNICITY.label(c.ethnicity)}` : null,
                c.upn ? `UPN ${c.upn}` : null
              ]
                .filter(Boolean)
                .join(', ')}
            </li>
          ))}
        </ul>
        <h2 className="govuk-heading-m">The family</h2>
        <dl className="govuk-summary-list">
          <SummaryRow label="Address">{[family.addressLine1, family.addressLine2, family.town, family.postcode].filter(Boolean).join(', ')}</SummaryRow>
          {family.phone ? <SummaryRow label="Phone">{family.phone}</SummaryRow> : null}
          <SummaryRow label="Parents and carers">{adults.map((a) => personName(a)).join(', ') || 'None recorded'}</SummaryRow>
          {family.interpreterNeeded ? <SummaryRow label="Interpreter">Needed ({family.mainLanguage})</SummaryRow> : null}
        </dl>
        <h2 className="govuk-heading-m">What the hub did</h2>
        {stepUp.request ? (
          <>
            <p className="govuk-body">
              The request for help came from {stepUp.request.referrer} on {localDateTime(stepUp.request.receivedAt)} (source{' '}
              {sourceLabel(stepUp.request.source)}). They said:
            </p>
            <p className="govuk-body">
              <Lines text={stepUp.request.reason} />
            </p>
            <p className="govuk-body">{stepUp.request.decidedBy} screened the request and escalated it to children’s social care.</p>
          </>
        ) : null}
        {stepUp.episode ? (
          <p className="govuk-body">
            The family had early help from the hub from {formatDate(stepUp.episode.openedOn)}
            {stepUp.episode.closedOn ? ` to ${formatDate(stepUp.episode.closedOn)}` : ''}, led by {stepUp.episode.leadName}, because: {stepUp.episode.reason}.
            The episode closed so that the children could be stepped up to children’s social care.
          </p>
        ) : null}
      </Page>
    </div>
  )
}
