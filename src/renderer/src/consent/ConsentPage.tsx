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
import { DateField, RadiosField, SelectField, TextField } from '../components/fields'
import { FamilyHeader } from '../families/FamilyHeader'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { useFamily } from '../families/useFamily'
import { applyServerErrors } from '../families/applyServerErrors'

interface ConsentFormValues {
  givenById: string
  scope: string
  agency: string
  method: string
  givenOn: DateParts
}

/** Consent is its own step: what was agreed, by whom, how and when. */
export function ConsentPage({ id }: { id: string }) {
  const { view, error } = useFamily(id)
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  const [attempt, setAttempt] = useState(0)
  const toInput = (v: ConsentFormValues) => ({ ...v, familyId: id, givenOn: datePartsToValue(v.givenOn) })
  const form = useForm<ConsentFormValues, unknown, z.output<typeof recordConsentInput>>({
    resolver: contractResolver(recordConsentInput, toInput),
    shouldFocusError: false,
    defaultValues: { givenById: '', scope: '', agency: '', method: '', givenOn: isoToDateParts(todayIso()) }
  })
  const scope = form.watch('scope')
  if (error) return <FamilyNotFound error={error} />
  if (!view) return <Loading />

  const people = consentGivers(view.members)
  const onValid = async (input: z.output<typeof recordConsentInput>) => {
    setProblem(null)
    const result = await invoke('consent.record', input)
    if (result.ok) return navigate(familyHref(id, 'Consent recorded.'))
    if (result.error.code === 'VALIDATION' && applyServerErrors(form, result.error)) return setAttempt((a) => a + 1)
    setProblem(result.error)
  }
  return (
    <>
      <FamilyHeader family={view.family} members={view.members.length} />
      <Page title="Record consent" caption={`Family ${view.family.reference}`}>
        {problem ? <ProblemBanner title="Consent has not been recorded" message={problem.message} /> : null}
        <ErrorSummary items={listErrors(form.formState.errors)} focusKey={attempt} />
        <form noValidate onSubmit={form.handleSubmit(onValid, () => setAttempt((a) => a + 1))}>
          <SelectField form={form} name="givenById" label="Who gave consent" items={people} />
          <RadiosField form={form} name="scope" label="What was agreed" items={CONSENT_SCOPE.items} />
          {scope === 'SHARING' ? (
            <TextField form={form} name="agency" label="Agency information may be shared with" hint="For example, Health visiting team" />
          ) : null}
          <RadiosField form={form} name="method" label="How consent was given" items={CONSENT_METHOD.items} inline />
          <DateField form={form} name="givenOn" label="Date consent was given" />
          <div className="app-button-row">
            <button type="submit" className="govuk-button">
              Record consent
            </button>
            <a className="govuk-link govuk-!-margin-top-2" href={familyHref(id)}>
              Cancel
            </a>
          </div>
        </form>
      </Page>
    </>
  )
}
