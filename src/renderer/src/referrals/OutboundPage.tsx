// One referral on: where it has got to, each step and who recorded it, what it shares, the consent
// it rests on or the override flagged, how long it has waited to be acknowledged, and the moves the
// shared transition table allows from here.
import { useEffect, useState, type ReactNode } from 'react'
import { CONTACT_METHOD, LAWFUL_BASIS_6, LAWFUL_BASIS_9 } from '../../../shared/referrals/codes'
import { isFinal, OUTBOUND_STATUS, REFERRAL_OUTCOME, SHARED_PART, type OutboundRecord, type OutboundStatus } from '../../../shared/referrals/outbound'
import type { AppErrorValue } from '../../../shared/result'
import { formatDate } from '../../../shared/dates'
import { invoke } from '../api'
import { episodeHref, requestHref } from '../app/router'
import { ProblemBanner, SuccessBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { FamilyHeader } from '../families/FamilyHeader'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { useFamily } from '../families/useFamily'
import { Lines, localDateTime, workingDays } from './format'
import { OutboundMoveForm } from './OutboundMoveForm'
import { OverrideForm } from './OverrideForm'

const TAG: Record<OutboundStatus, string> = {
  draft: 'govuk-tag--grey',
  sent: 'govuk-tag--blue',
  acknowledged: 'govuk-tag--light-blue',
  accepted: 'govuk-tag--green',
  declined: 'govuk-tag--orange',
  completed: 'govuk-tag--green',
  withdrawn: 'govuk-tag--grey'
}

export function OutboundStatusTag({ status }: { status: OutboundStatus }) {
  return <strong className={`govuk-tag ${TAG[status]}`}>{OUTBOUND_STATUS.label(status)}</strong>
}

export function OutboundPage({ referralId, notice }: { referralId: string; notice?: string }) {
  const [referral, setReferral] = useState<OutboundRecord | null>(null)
  const [error, setError] = useState<AppErrorValue | null>(null)
  useEffect(() => {
    void invoke('referrals.getOutbound', { id: referralId }).then((r) => (r.ok ? setReferral(r.value) : setError(r.error)))
  }, [referralId])
  if (error)
    return error.code === 'FORBIDDEN' && error.message.includes('restricted') ? (
      <FamilyNotFound error={error} />
    ) : (
      <Page title="Referral not found">
        <ProblemBanner title="This referral cannot be shown" message={error.message} />
      </Page>
    )
  if (!referral) return <Loading />
  return <OutboundView referral={referral} notice={notice} />
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  )
}

const step = (s: { at: string; by: string } | null) => (s ? `${localDateTime(s.at)}, recorded by ${s.by}` : null)

function OutboundView({ referral: r, notice }: { referral: OutboundRecord; notice?: string }) {
  const { view, error } = useFamily(r.familyId)
  if (error) return <FamilyNotFound error={error} />
  if (!view) return <Loading />
  return (
    <>
      <FamilyHeader family={view.family} members={view.members.length} />
      <Page title={`Referral to ${r.service.name}`} caption={r.familyName} focusHeading={!notice}>
        {notice ? <SuccessBanner title={notice} /> : null}
        <p className="govuk-body">
          <OutboundStatusTag status={r.status} /> {r.override ? <strong className="govuk-tag govuk-tag--red">Sent without consent</strong> : null}{' '}
          {r.overdue ? <strong className="govuk-tag govuk-tag--red">Acknowledgement overdue</strong> : null}
        </p>
        <dl className="govuk-summary-list">
          <Row label="To">
            {r.service.name}, {r.organisation.name}
            {r.service.email || r.service.phone ? <br /> : null}
            {[r.service.email, r.service.phone].filter(Boolean).join(' · ')}
          </Row>
          <Row label="Why">
            <Lines text={r.reason} />
          </Row>
          <Row label="About">{r.people.map((p) => p.name).join(', ')}</Row>
          <Row label="What is shared">
            <ul className="govuk-list">
              {r.shared.map((p) => (
                <li key={p}>{SHARED_PART.label(p)}</li>
              ))}
            </ul>
          </Row>
          {r.episodeId ? (
            <Row label="Made from">
              <a className="govuk-link" href={episodeHref(r.familyId, r.episodeId)}>
                The early-help episode
              </a>
            </Row>
          ) : r.requestId ? (
            <Row label="Made from">
              <a className="govuk-link" href={requestHref(r.requestId)}>
                The request for help
              </a>
            </Row>
          ) : null}
          <Row label="Drafted">{step(r.created)}</Row>
          {r.sent ? (
            <Row label="Sent">
              {localDateTime(r.sent.at)} by {CONTACT_METHOD.label(r.sent.method).toLowerCase()}, recorded by {r.sent.by}
            </Row>
          ) : null}
          {r.waitingDays !== null ? (
            <Row label="Waiting for acknowledgement">
              {workingDays(r.waitingDays)} (the hub’s target is {workingDays(r.targetDays)}){' '}
              {r.overdue ? <strong className="govuk-tag govuk-tag--red">Overdue</strong> : null}
            </Row>
          ) : null}
          {r.acknowledged ? <Row label="Acknowledged">{step(r.acknowledged)}</Row> : null}
          {r.responded ? <Row label={r.declineReason === null ? 'Accepted' : 'Declined'}>{step(r.responded)}</Row> : null}
          {r.declineReason ? (
            <Row label="Why it was declined">
              <Lines text={r.declineReason} />
            </Row>
          ) : null}
          {r.completed ? <Row label="Completed">{step(r.completed)}</Row> : null}
          {r.outcome ? (
            <Row label="Outcome">
              {REFERRAL_OUTCOME.label(r.outcome)}
              {r.outcomeReason ? (
                <>
                  : <Lines text={r.outcomeReason} />
                </>
              ) : null}
            </Row>
          ) : null}
          {r.withdrawn ? <Row label="Withdrawn">{step(r.withdrawn)}</Row> : null}
          {r.withdrawnReason ? (
            <Row label="Why it was withdrawn">
              <Lines text={r.withdrawnReason} />
            </Row>
          ) : null}
          {r.sent && r.consent.consentId ? (
            <Row label="Consent">
              {r.consent.givenBy} agreed to share with {r.organisation.name}
              {r.consent.givenOn ? ` on ${formatDate(r.consent.givenOn)}` : ''}
            </Row>
          ) : null}
        </dl>
        {r.override ? (
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              {r.sent ? 'Sent' : 'To be shared'} without the family’s consent, recorded on {localDateTime(r.override.at)} by {r.override.by}:{' '}
              {r.override.reason} Lawful basis: {LAWFUL_BASIS_6.label(r.override.lawfulBasis6)}; {LAWFUL_BASIS_9.label(r.override.lawfulBasis9)}.
            </strong>
          </div>
        ) : null}
        <p className="govuk-body">
          <a className="govuk-link" href={`#/outbound/${r.id}/print`}>
            Print the referral or save it as a PDF
          </a>
        </p>
        {r.status === 'draft' && !r.override && !r.consent.consentId ? <OverrideForm referral={r} /> : null}
        {isFinal(r.status) ? null : <OutboundMoveForm referral={r} />}
      </Page>
    </>
  )
}
