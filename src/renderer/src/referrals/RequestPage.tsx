// One request for help: where it has got to, its decision and whether the person who asked has been
// told; the screening form for those who screen, and the form recording that they were told.
import { useEffect, useState, type ReactNode } from 'react'
import { formatDate } from '../../../shared/dates'
import { CONTACT_METHOD, FAMILY_AWARENESS, REQUEST_CHANNEL, URGENCY } from '../../../shared/referrals/codes'
import type { RequestRecord } from '../../../shared/referrals/requests'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { episodeHref } from '../app/router'
import { ProblemBanner, SuccessBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { FamilyHeader } from '../families/FamilyHeader'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { useFamily } from '../families/useFamily'
import { FeedbackForm } from './FeedbackForm'
import { referOnHref } from './outboundRoutes'
import { ScreenForm } from './ScreenForm'
import { stepUpHref } from './stepUpRoutes'
import { Lines, localDateTime, sourceLabel, StatusTag, workingDays } from './format'

export function RequestPage({ requestId, notice, canScreen }: { requestId: string; notice?: string; canScreen: boolean }) {
  const [request, setRequest] = useState<RequestRecord | null>(null)
  const [error, setError] = useState<AppErrorValue | null>(null)
  useEffect(() => {
    void invoke('referrals.getRequest', { id: requestId }).then((r) => (r.ok ? setRequest(r.value) : setError(r.error)))
  }, [requestId])
  if (error)
    return error.code === 'FORBIDDEN' ? (
      <FamilyNotFound error={error} />
    ) : (
      <Page title="Request not found">
        <ProblemBanner title="This request cannot be shown" message={error.message} />
      </Page>
    )
  if (!request) return <Loading />
  return <RequestView request={request} notice={notice} canScreen={canScreen} />
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  )
}

function RequestView({ request, notice, canScreen }: { request: RequestRecord; notice?: string; canScreen: boolean }) {
  const { view, error } = useFamily(request.familyId)
  if (error) return <FamilyNotFound error={error} />
  if (!view) return <Loading />
  const { referrer, details } = request
  const waiting = request.status === 'waiting'
  return (
    <>
      <FamilyHeader family={view.family} members={view.members.length} />
      <Page title="Request for help" caption={request.familyName} focusHeading={!notice}>
        {notice ? <SuccessBanner title={notice} /> : null}
        <p className="govuk-body">
          <StatusTag status={request.status} decision={request.decision} />{' '}
          {request.urgency === 'URGENT' ? <strong className="govuk-tag govuk-tag--red">Urgent</strong> : null}
        </p>
        <dl className="govuk-summary-list">
          <Row label="Came">
            {localDateTime(request.receivedAt)}, by {REQUEST_CHANNEL.label(request.channel).toLowerCase()}
          </Row>
          <Row label="Who asked">
            {referrer.name ?? 'Anonymous'}
            {referrer.role ? `, ${referrer.role}` : ''}
            {referrer.agency ? `, ${referrer.agency}` : ''}
            {referrer.phone || referrer.email ? <br /> : null}
            {[referrer.phone, referrer.email].filter(Boolean).join(' · ')}
          </Row>
          <Row label="Source">{sourceLabel(request.source)}</Row>
          {details?.socialCareReference ? <Row label="Social care reference">{details.socialCareReference}</Row> : null}
          <Row label="The children it is about">{request.children.map((c) => c.name).join(', ')}</Row>
          <Row label="Urgency">{URGENCY.label(request.urgency)}</Row>
          {details ? (
            <>
              <Row label="Why they asked">
                <Lines text={details.reason} />
              </Row>
              <Row label="What the family knows">{FAMILY_AWARENESS.label(details.awareness)}</Row>
            </>
          ) : null}
          <Row label={waiting ? 'Waiting' : 'Time to decide'}>
            {workingDays(request.workingDays)} (the hub’s target is {workingDays(request.targetDays)}){' '}
            {request.overdue ? <strong className="govuk-tag govuk-tag--red">{waiting ? 'Overdue' : 'Decided late'}</strong> : null}
          </Row>
          <Row label="Logged by">
            {request.loggedBy}, {localDateTime(request.loggedAt)}
          </Row>
        </dl>

        {waiting ? null : <Decision request={request} />}
        {waiting && canScreen ? <ScreenForm request={request} view={view} /> : null}
        {canScreen ? (
          <p className="govuk-body">
            <a className="govuk-link" href={referOnHref(request.familyId, { requestId: request.id })}>
              Refer the family on to a service
            </a>{' '}
            (a referral with consent to share, apart from the screening decision)
          </p>
        ) : null}
        {waiting && !canScreen ? <p className="govuk-body">A practitioner or the hub manager will decide on it.</p> : null}
        {waiting ? null : request.feedback ? (
          <>
            <h2 className="govuk-heading-m">The person who asked</h2>
            <p className="govuk-body">
              Told on {formatDate(request.feedback.on)} by {CONTACT_METHOD.label(request.feedback.method).toLowerCase()}, recorded by {request.feedback.by}.
            </p>
            {request.feedback.note ? (
              <p className="govuk-body">
                <Lines text={request.feedback.note} />
              </p>
            ) : null}
          </>
        ) : request.anonymous ? (
          <p className="govuk-body">The request was anonymous: there is no one to tell what was decided.</p>
        ) : (
          <FeedbackForm request={request} />
        )}
      </Page>
    </>
  )
}

function Decision({ request }: { request: RequestRecord }) {
  const details = request.details
  return (
    <>
      <h2 className="govuk-heading-m">Decision</h2>
      <dl className="govuk-summary-list">
        <Row label="Decided">
          <StatusTag status={request.status} decision={request.decision} /> {request.decidedAt ? localDateTime(request.decidedAt) : ''}, by {request.decidedBy}
        </Row>
        {details?.episodeId ? (
          <Row label="Early-help episode">
            <a className="govuk-link" href={episodeHref(request.familyId, details.episodeId)}>
              Go to the episode
            </a>
          </Row>
        ) : null}
        {details?.stepUpId ? (
          <Row label="Step-up to children’s social care">
            <a className="govuk-link" href={stepUpHref(details.stepUpId)}>
              Go to the step-up
            </a>
          </Row>
        ) : null}
        {details?.service ? (
          <Row label="Signposted to">
            {details.service.name}, {details.service.organisationName}
          </Row>
        ) : null}
        {details?.familyTold ? (
          <Row label="What the family was told">
            <Lines text={details.familyTold} />
          </Row>
        ) : null}
        {details?.declineReason ? (
          <Row label="Why it was declined">
            <Lines text={details.declineReason} />
          </Row>
        ) : null}
      </dl>
    </>
  )
}
