import { useState } from 'react'
import { consentGivers } from './givers'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { recordConsentInput } from '../../../shared/consent/schemas'
import { CONSENT_METHOD, CONSENT_SCOPE } from '../../../shared/codes'
import { datePartsToValue, isoToDateParts, todayIso, type DateParts } from '../../../shared/dates'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { familyHref, navigate } from '../app/router'
import { contractResolver, listErrors } from '../components/formErrors'
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { CheckboxesField, DateField, RadiosField, SelectField, TextField } from '../components/fields'
import { FamilyHeader } from '../families/FamilyHeader'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { useFamily } from '../families/useFamily'
import { applyServerErrors } from '../families/applyServerErrors'
import { AgencyPicker } from '../referrals/DirectoryPickers'
import { outboundHref } from '../referrals/outboundRoutes'

interface ConsentFormValues {
  givenById: string
  /** Everything agreed at once: one record each, saved together. */
  scopes: string[]
  agency: string
  /** Sharing with an organisation of the directory (what a referral's consent gate looks for), and its name as shown. */
  organisationId: string
  organisationName: string
  method: string
  givenOn: DateParts
}

/** The boxes ticked: react-hook-form may answer false, not an empty list, before any is. */
const chosen = (scopes: string[] | false | undefined) => (Array.isArray(scopes) ? scopes : [])

/**
 * Consent is its own step: what was agreed, by whom, how and when. Opened from a referral that
 * waits for consent, it starts on sharing with that referral's organisation and goes back to it.
 */
export function ConsentPage({ id, organisation, referralId }: { id: string; organisation?: { id: string; name: string }; referralId?: string }) {
  const { view, error } = useFamily(id)
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  const [attempt, setAttempt] = useState(0)
  const toInput = ({ organisationName: _name, ...v }: ConsentFormValues) => ({
    ...v,
    familyId: id,
    scopes: chosen(v.scopes),
    organisationId: chosen(v.scopes).includes('SHARING') ? v.organisationId : '',
    givenOn: datePartsToValue(v.givenOn)
  })
  const form = useForm<ConsentFormValues, unknown, z.output<typeof recordConsentInput>>({
    resolver: contractResolver(recordConsentInput, toInput),
    shouldFocusError: false,
    defaultValues: {
      givenById: '',
      scopes: organisation ? ['SHARING'] : [],
      agency: '',
      organisationId: organisation?.id ?? '',
      organisationName: organisation?.name ?? '',
      method: '',
      givenOn: isoToDateParts(todayIso())
    }
  })
  const sharing = chosen(form.watch('scopes')).includes('SHARING')
  if (error) return <FamilyNotFound error={error} />
  if (!view) return <Loading />

  const people = consentGivers(view.members)
  const onValid = async (input: z.output<typeof recordConsentInput>) => {
    setProblem(null)
    const result = await invoke('consent.record', input)
    if (result.ok) return navigate(referralId ? outboundHref(referralId, 'Consent recorded.') : familyHref(id, 'Consent recorded.'))
    if (result.error.code === 'VALIDATION' && applyServerErrors(form, result.error)) return setAttempt((a) => a + 1)
    setProblem(result.error)
  }
  return (
    <>
      <FamilyHeader family={view.family} members={view.members.length} />
      <Page title="Record consent" caption={view.family.name}>
        {problem ? <ProblemBanner title="Consent has not been recorded" message={problem.message} /> : null}
        <ErrorSummary items={listErrors(form.formState.errors)} focusKey={attempt} />
        <form noValidate onSubmit={form.handleSubmit(onValid, () => setAttempt((a) => a + 1))}>
          <SelectField form={form} name="givenById" label="Who gave consent" items={people} />
          <CheckboxesField
            form={form}
            name="scopes"
            label="What was agreed"
            hint="Select all that apply. Each is recorded on its own, so it can be withdrawn on its own."
            items={CONSENT_SCOPE.items}
          />
          {sharing ? (
            <>
              <AgencyPicker
                form={form}
                name="organisationId"
                nameField="organisationName"
                label="Organisation information may be shared with"
                hint="Find it in the directory: a referral to one of its services can then be sent on this consent. If it is not there, type it below."
              />
              <TextField form={form} name="agency" label="Agency, if it is not in the directory" hint="For example, Health visiting team" />
            </>
          ) : null}
          <RadiosField form={form} name="method" label="How consent was given" items={CONSENT_METHOD.items} inline />
          <DateField form={form} name="givenOn" label="Date consent was given" />
          <div className="app-button-row">
            <button type="submit" className="govuk-button">
              Record consent
            </button>
            <a className="govuk-link govuk-!-margin-top-2" href={referralId ? outboundHref(referralId) : familyHref(id)}>
              Cancel
            </a>
          </div>
        </form>
      </Page>
    </>
  )
}
