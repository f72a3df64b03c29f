// One step-up to children's social care: what was referred and why, social care's acknowledgement
// (recorded here when it comes), the referral to print or save, and for each child the census file
// the authority needs, with what the child's record still lacks said next to the child.
import { useEffect, useState } from 'react'
import type { z } from 'zod'
import { formatDate, datePartsToValue, isoToDateParts, todayIso, type DateParts } from '../../../shared/dates'
import { REFERRAL_SOURCE, UPN_UNKNOWN } from '../../../shared/referrals/codes'
import { acknowledgeStepUpInput, type StepUpChild, type StepUpRecord } from '../../../shared/referrals/stepUp'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { episodeHref, navigate, requestHref } from '../app/router'
import { useContractForm } from '../accounts/useContractForm'
import { ErrorSummary, ProblemBanner, SuccessBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { SummaryRow } from '../components/SummaryRow'
import { DateField, TextField } from '../components/fields'
import { FamilyHeader } from '../families/FamilyHeader'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { useFamily } from '../families/useFamily'
import { Lines, localDateTime } from './format'
import { stepUpHref } from './stepUpRoutes'

export function StepUpPage({ stepUpId, notice }: { stepUpId: string; notice?: string }) {
  const [stepUp, setStepUp] = useState<StepUpRecord | null>(null)
  const [error, setError] = useState<AppErrorValue | null>(null)
  useEffect(() => {
    void invoke('referrals.getStepUp', { id: stepUpId }).then((r) => (r.ok ? setStepUp(r.value) : setError(r.error)))
  }, [stepUpId])
  if (error)
    return error.code === 'FORBIDDEN' ? (
      <FamilyNotFound error={error} />
    ) : (
      <Page title="Step-up not found">
        <ProblemBanner title="This step-up cannot be shown" message={error.message} />
      </Page>
    )
  if (!stepUp) return <Loading />
  return <StepUpView stepUp={stepUp} notice={notice} />
}

export const sourceWords = (code: string) => `${code}: ${REFERRAL_SOURCE.label(code)}`

function StepUpView({ stepUp, notice }: { stepUp: StepUpRecord; notice?: string }) {
  const { view, error } = useFamily(stepUp.familyId)
  if (error) return <FamilyNotFound error={error} />
  if (!view) return <Loading />
  return (
    <>
      <FamilyHeader family={view.family} members={view.members.length} />
      <Page title="Step-up to children’s social care" caption={stepUp.familyName} focusHeading={!notice}>
        {notice ? <SuccessBanner title={notice} /> : null}
        <p className="govuk-body">
          {stepUp.acknowledgement ? (
            <strong className="govuk-tag govuk-tag--green">Acknowledged</strong>
          ) : (
            <strong className="govuk-tag govuk-tag--yellow">Not yet acknowledged</strong>
          )}
        </p>
        <dl className="govuk-summary-list">
          <SummaryRow label="Date of the step-up">{formatDate(stepUp.steppedUpOn)}</SummaryRow>
          <SummaryRow label="The children">{stepUp.children.map((c) => c.name).join(', ')}</SummaryRow>
          <SummaryRow label="The concern">
            <Lines text={stepUp.concern} />
          </SummaryRow>
          <SummaryRow label="Referral source">{sourceWords(stepUp.referralSource)}</SummaryRow>
          <SummaryRow label="Made by">
            {stepUp.madeBy}, {localDateTime(stepUp.madeAt)}
          </SummaryRow>
          {stepUp.request ? (
            <SummaryRow label="From">
              <a className="govuk-link" href={requestHref(stepUp.request.id)}>
                The request for help from {stepUp.request.referrer}
              </a>
              , escalated by {stepUp.request.decidedBy}
            </SummaryRow>
          ) : null}
          {stepUp.episode ? (
            <SummaryRow label="From">
              <a className="govuk-link" href={episodeHref(stepUp.familyId, stepUp.episode.id)}>
                The early-help episode opened on {formatDate(stepUp.episode.openedOn)}
              </a>
              , led by {stepUp.episode.leadName}
            </SummaryRow>
          ) : null}
        </dl>

        <h2 className="govuk-heading-m">The referral</h2>
        <p className="govuk-body">Print it or save it as a PDF, then send it to children’s social care by the hub’s secure email.</p>
        <p className="govuk-body">
          <a className="govuk-link" href={`#/step-ups/${stepUp.id}/print`}>
            Print or save the referral
          </a>
        </p>

        <h2 className="govuk-heading-m">Census files for social care</h2>
        <p className="govuk-body">Social care record each child in the Children in Need census. Save a file for each child and send it with the referral.</p>
        {stepUp.children.map((child) => (
          <CinFileForm key={child.id} stepUp={stepUp} child={child} familyId={stepUp.familyId} />
        ))}

        <h2 className="govuk-heading-m">Social care’s acknowledgement</h2>
        {stepUp.acknowledgement ? (
          <p className="govuk-body">
            Acknowledged on {formatDate(stepUp.acknowledgement.on)}, their reference {stepUp.acknowledgement.reference}, recorded by {stepUp.acknowledgement.by}
            .
          </p>
        ) : (
          <AcknowledgeForm stepUp={stepUp} />
        )}
      </Page>
    </>
  )
}

/** One child's census file: what their record lacks, why a missing UPN is not known, and the button. */
function CinFileForm({ stepUp, child, familyId }: { stepUp: StepUpRecord; child: StepUpChild; familyId: string }) {
  const [reason, setReason] = useState('')
  const [outcome, setOutcome] = useState<{ path: string } | { problem: string } | null>(null)
  const id = `cin-${child.id}`
  const problem = outcome && 'problem' in outcome ? outcome.problem : null
  const save = async () => {
    const fileName = `Step-up ${stepUp.familyReference} ${child.name.replace(/[^\w ,.()-]/g, '')} ${stepUp.steppedUpOn}.xml`
    const result = await invoke('referrals.saveCinFile', { id: stepUp.id, personId: child.id, upnUnknown: reason || null, fileName })
    if (!result.ok) setOutcome({ problem: result.error.fields ? Object.values(result.error.fields).join('. ') : result.error.message })
    else setOutcome(result.value.path ? { path: result.value.path } : null)
  }
  return (
    <section className="app-cin-child" aria-labelledby={`${id}-heading`}>
      <h3 className="govuk-heading-s" id={`${id}-heading`}>
        {child.name}
      </h3>
      {child.missing.length ? (
        <div className="govuk-inset-text" id={`${id}-missing`}>
          <p className="govuk-body">The file cannot be made until this is recorded on {child.name}’s details:</p>
          <ul className="govuk-list govuk-list--bullet">
            {child.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
          <a className="govuk-link" href={`#/families/${familyId}/people/${child.id}/edit`}>
            Change {child.name}’s details
          </a>
        </div>
      ) : null}
      {outcome && 'path' in outcome ? <p className="govuk-body">Saved: {outcome.path}</p> : null}
      <div className={`govuk-form-group${problem ? ' govuk-form-group--error' : ''}`}>
        {child.upn ? (
          <p className="govuk-body">UPN {child.upn}</p>
        ) : (
          <>
            <label className="govuk-label" htmlFor={`${id}-reason`}>
              Why {child.name}’s UPN is not known
            </label>
            <div className="govuk-hint" id={`${id}-hint`}>
              The census asks for a reason when a child has no unique pupil number.
            </div>
          </>
        )}
        {problem ? (
          <p className="govuk-error-message" id={`${id}-error`}>
            <span className="govuk-visually-hidden">Error:</span> {problem}
          </p>
        ) : null}
        {child.upn ? null : (
          <select
            className={`govuk-select${problem ? ' govuk-select--error' : ''}`}
            id={`${id}-reason`}
            aria-describedby={[`${id}-hint`, problem ? `${id}-error` : null].filter(Boolean).join(' ')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          >
            <option value="">Select</option>
            {UPN_UNKNOWN.items.map((u) => (
              <option key={u.code} value={u.code}>
                {u.label}
              </option>
            ))}
          </select>
        )}
      </div>
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void save()}>
        Save the census file<span className="govuk-visually-hidden"> for {child.name}</span>
      </button>
    </section>
  )
}

interface AckValues {
  acknowledgedOn: DateParts
  socialCareReference: string
}

function AcknowledgeForm({ stepUp }: { stepUp: StepUpRecord }) {
  const toInput = (v: AckValues) => ({ ...v, id: stepUp.id, version: stepUp.version, acknowledgedOn: datePartsToValue(v.acknowledgedOn) })
  const { form, attempt, problem, errors, failed, refused } = useContractForm<AckValues, typeof acknowledgeStepUpInput>(
    acknowledgeStepUpInput,
    { acknowledgedOn: isoToDateParts(todayIso()), socialCareReference: '' },
    toInput
  )
  const onValid = async (input: z.output<typeof acknowledgeStepUpInput>) => {
    const result = await invoke('referrals.acknowledgeStepUp', input)
    if (!result.ok) return refused(result.error)
    navigate(stepUpHref(stepUp.id, 'Social care’s acknowledgement has been recorded.'))
  }
  return (
    <>
      <p className="govuk-body">When children’s social care acknowledge the referral, record the day and their reference.</p>
      {problem ? <ProblemBanner title="The acknowledgement has not been recorded" message={problem.message} /> : null}
      <ErrorSummary items={errors} focusKey={attempt} />
      <form noValidate onSubmit={form.handleSubmit(onValid, failed)}>
        <DateField form={form} name="acknowledgedOn" label="Date social care acknowledged it" />
        <TextField form={form} name="socialCareReference" label="Social care’s reference" />
        <button type="submit" className="govuk-button">
          Record the acknowledgement
        </button>
      </form>
    </>
  )
}
