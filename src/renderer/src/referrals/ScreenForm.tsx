// Screening a request: accept (the open-episode form's questions, consent step and all), signpost
// (a service of the directory, and what the family was told), decline (why), or escalate to
// children's social care (the step-up's concern, children and day, under the safeguarding warning).
import { useEffect, useState } from 'react'
import type { z } from 'zod'
import type { FamilyView } from '../../../shared/contract'
import { NEW_CONSENT } from '../../../shared/earlyHelp/schemas'
import { CONSENT_METHOD, HEADLINE } from '../../../shared/codes'
import { datePartsToValue, formatDate, isoToDateParts, todayIso, type DateParts } from '../../../shared/dates'
import { SCREENING_CHOICES, screenRequestInput, type RequestRecord } from '../../../shared/referrals/requests'
import { invoke } from '../api'
import { navigate, requestHref } from '../app/router'
import { useContractForm } from '../accounts/useContractForm'
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary'
import { Loading } from '../components/Page'
import { CheckboxesField, DateField, RadiosField, SelectField, TextareaField } from '../components/fields'
import { consentGivers } from '../consent/givers'
import { ServicePicker } from './DirectoryPickers'
import { StepUpWarning } from './StepUpWarning'
import { stepUpHref } from './stepUpRoutes'

interface Values {
  decision: string
  accept: {
    openedOn: DateParts
    leadUserId: string
    reason: string
    headlines: string[]
    consentId: string
    consentGivenById: string
    consentMethod: string
    consentGivenOn: DateParts
  }
  signpost: { serviceId: string; familyTold: string }
  decline: { reason: string }
  escalate: { concern: string; childIds: string[]; steppedUpOn: DateParts }
}

const DONE = {
  ACCEPT: 'Request accepted. An early-help episode has been opened for the family.',
  SIGNPOST: 'Request decided: the family was signposted.',
  DECLINE: 'Request declined.',
  ESCALATE: 'Request escalated: the step-up to children’s social care has been made.'
} as const

export function ScreenForm({ request, view }: { request: RequestRecord; view: FamilyView }) {
  const [leads, setLeads] = useState<{ code: string; label: string }[] | null>(null)
  useEffect(() => {
    void invoke('episodes.leads', {}).then((r) => r.ok && setLeads(r.value.users.map((u) => ({ code: u.id, label: u.displayName }))))
  }, [])
  const toInput = (v: Values) => ({
    id: request.id,
    version: request.version,
    decision: v.decision || undefined,
    accept:
      v.decision === 'ACCEPT'
        ? {
            ...v.accept,
            familyId: request.familyId,
            openedOn: datePartsToValue(v.accept.openedOn),
            headlines: v.accept.headlines || [],
            consentId: v.accept.consentId || undefined,
            consentGivenOn: v.accept.consentId === NEW_CONSENT ? (datePartsToValue(v.accept.consentGivenOn) ?? null) : null
          }
        : null,
    signpost: v.decision === 'SIGNPOST' ? v.signpost : null,
    decline: v.decision === 'DECLINE' ? v.decline : null,
    escalate: v.decision === 'ESCALATE' ? { ...v.escalate, childIds: v.escalate.childIds || [], steppedUpOn: datePartsToValue(v.escalate.steppedUpOn) } : null
  })
  const today = isoToDateParts(todayIso())
  const { form, attempt, problem, errors, failed, refused } = useContractForm<Values, typeof screenRequestInput>(
    screenRequestInput,
    {
      decision: '',
      accept: {
        openedOn: today,
        leadUserId: '',
        // The request's own words are where the episode's reason starts.
        reason: request.details?.reason ?? '',
        headlines: [],
        consentId: '',
        consentGivenById: '',
        consentMethod: '',
        consentGivenOn: today
      },
      signpost: { serviceId: '', familyTold: '' },
      decline: { reason: '' },
      // The request's own words and children are where the step-up starts.
      escalate: { concern: request.details?.reason ?? '', childIds: request.children.map((c) => c.id), steppedUpOn: today }
    },
    toInput
  )
  const decision = form.watch('decision')
  const consentId = form.watch('accept.consentId')
  if (!leads) return <Loading />
  const consents = view.consents.filter((c) => c.scope === 'EARLY_HELP' && !c.withdrawnOn)
  const consentChoices = [
    ...consents.map((c) => ({ code: c.id, label: `Given by ${c.givenByName} on ${formatDate(c.givenOn)} (${CONSENT_METHOD.label(c.method).toLowerCase()})` })),
    { code: NEW_CONSENT, label: consents.length ? 'They have given it again: record it now' : 'They have given it: record it now' }
  ]
  const onValid = async (input: z.output<typeof screenRequestInput>) => {
    const result = await invoke('referrals.screenRequest', input)
    if (!result.ok) return refused(result.error)
    const done = DONE[input.decision as keyof typeof DONE]
    navigate(result.value.stepUpId ? stepUpHref(result.value.stepUpId, done) : requestHref(request.id, done))
  }
  return (
    <section aria-labelledby="screen-heading">
      <h2 className="govuk-heading-m" id="screen-heading">
        Screen the request
      </h2>
      {problem ? <ProblemBanner title="The request has not been decided" message={problem.message} /> : null}
      <ErrorSummary items={errors} focusKey={attempt} />
      <form noValidate onSubmit={form.handleSubmit(onValid, failed)}>
        <RadiosField form={form} name="decision" label="What did you decide?" hint="A decision is final." items={SCREENING_CHOICES} />
        {decision === 'ACCEPT' ? (
          <div className="govuk-inset-text">
            <p className="govuk-body">Accepting opens an early-help episode for the family, linked to this request.</p>
            {view.openEpisode ? (
              <div className="govuk-warning-text">
                <span className="govuk-warning-text__icon" aria-hidden="true">
                  !
                </span>
                <strong className="govuk-warning-text__text">
                  <span className="govuk-visually-hidden">Warning</span>
                  The family already has an early-help episode, led by {view.openEpisode.leadName}. A family has one at a time, so this request cannot be
                  accepted: signpost or decline it, saying why.
                </strong>
              </div>
            ) : null}
            <DateField form={form} name="accept.openedOn" label="Date opened" />
            <SelectField form={form} name="accept.leadUserId" label="Lead practitioner" items={leads} />
            <TextareaField
              form={form}
              name="accept.reason"
              label="Why the family needs early help"
              hint="In plain words the family would recognise."
              rows={5}
            />
            <CheckboxesField
              form={form}
              name="accept.headlines"
              label="What the family needs help with"
              hint="Supporting Families headlines. Select all that apply."
              items={HEADLINE.items}
            />
            <RadiosField
              form={form}
              name="accept.consentId"
              label="The family's consent to early help"
              hint="Early help is voluntary: the family agrees to the assessment and to working with the Team Around the Family."
              items={consentChoices}
            />
            {consentId === NEW_CONSENT ? (
              <>
                <SelectField form={form} name="accept.consentGivenById" label="Who gave consent" items={consentGivers(view.members)} />
                <RadiosField form={form} name="accept.consentMethod" label="How consent was given" items={CONSENT_METHOD.items} inline />
                <DateField form={form} name="accept.consentGivenOn" label="Date consent was given" />
              </>
            ) : null}
          </div>
        ) : null}
        {decision === 'SIGNPOST' ? (
          <div className="govuk-inset-text">
            <ServicePicker form={form} name="signpost.serviceId" />
            <TextareaField form={form} name="signpost.familyTold" label="What the family was told" hint="Who to contact, how, and what to expect." rows={4} />
          </div>
        ) : null}
        {decision === 'DECLINE' ? (
          <div className="govuk-inset-text">
            <TextareaField form={form} name="decline.reason" label="Why the request was declined" rows={4} />
          </div>
        ) : null}
        {decision === 'ESCALATE' ? (
          <div className="govuk-inset-text">
            <StepUpWarning />
            <p className="govuk-body">
              Escalating makes the step-up to children’s social care: its referral to print or save, and a census file for each child.
            </p>
            <TextareaField
              form={form}
              name="escalate.concern"
              label="The concern for the children"
              hint="What has happened, what you are worried will happen, and what the family knows. Social care will read this."
              rows={6}
            />
            <CheckboxesField
              form={form}
              name="escalate.childIds"
              label="The children it is about"
              items={request.children.map((c) => ({ code: c.id, label: c.name }))}
            />
            <DateField form={form} name="escalate.steppedUpOn" label="Date of the step-up" />
          </div>
        ) : null}
        <button type="submit" className="govuk-button">
          Record the decision
        </button>
      </form>
    </section>
  )
}
