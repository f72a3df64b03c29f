import { useMemo, useState } from 'react'
import { useFieldArray, useForm, type FieldErrors } from 'react-hook-form'
import { registerFamilyInput, type MemberKind } from '../../../shared/families/schemas'
import { MEMBER_KIND } from '../../../shared/codes'
import { REGISTRATION_DRAFT_KEY } from '../../../shared/drafts/schemas'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { familyHref, navigate } from '../app/router'
import { contractResolver, listErrors, namedByPart } from '../components/formErrors'
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { useDraft, type DraftState } from '../drafts/useDraft'
import { DraftRestored, DraftSaved } from '../drafts/DraftNotice'
import { FamilyDetailsFields } from './FamilyDetailsFields'
import { MemberFields } from './MemberFields'
import { DuplicateWarning } from './DuplicateWarning'
import { emptyMember, memberFormPath } from './formValues'
import { blankRegistration, registrationDraftShape, registrationToInput as toInput, type RegisterFormValues } from './registrationDraft'
import { unconfirmedDuplicates, type DuplicatesByMember } from './duplicates'
import { applyServerErrors } from './applyServerErrors'
import { personName } from './format'

/** "Adult 1", "Child 2", "Unborn baby 1": each member by kind, counted in the form's order. */
function memberLegends(kinds: MemberKind[]): string[] {
  const counts: Partial<Record<MemberKind, number>> = {}
  return kinds.map((kind) => {
    counts[kind] = (counts[kind] ?? 0) + 1
    return `${MEMBER_KIND.label(kind)} ${counts[kind]}`
  })
}

/**
 * The registration in progress is kept as a draft in the database, for this user only, as it is
 * typed (useDraft): while they look at another record (a possible duplicate), and through a closed
 * window, a crash or signing out; brought back, saying so, when the form is opened again; and gone
 * once the family is saved (in the same transaction) or the user discards it.
 */
export function RegisterPage() {
  const blank = useMemo(blankRegistration, [])
  const form = useForm<RegisterFormValues, unknown, ReturnType<typeof registerFamilyInput.parse>>({
    resolver: contractResolver(registerFamilyInput, toInput, memberFormPath),
    defaultValues: blank,
    shouldFocusError: false
  })
  const members = useFieldArray({ control: form.control, name: 'members' })
  const [duplicates, setDuplicates] = useState<DuplicatesByMember>({})
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [saving, setSaving] = useState(false)
  const kept = useDraft(REGISTRATION_DRAFT_KEY, form, blank, registrationDraftShape)
  const draft: DraftState = {
    ...kept,
    discard: async () => {
      await kept.discard()
      setDuplicates({})
      setProblem(null)
      // The notice and its button go: focus goes back to the top of the form, not to the page's end.
      document.querySelector<HTMLElement>('h1')?.focus()
    }
  }

  const add = (kind: MemberKind) => {
    const familyName = form.getValues('members.0.familyName') ?? ''
    members.append(emptyMember(kind, familyName))
  }

  const onValid = async (data: ReturnType<typeof registerFamilyInput.parse>) => {
    setProblem(null)
    setSaving(true)
    try {
      const check = await unconfirmedDuplicates(data.members, data.family.postcode)
      if (!check.ok) return setProblem(check.error)
      setDuplicates(check.found)
      if (Object.keys(check.found).length > 0) return
      const result = await draft.saveRecord(() => invoke('families.register', { ...toInput(form.getValues()), draftKey: REGISTRATION_DRAFT_KEY }))
      if (result.ok) {
        navigate(familyHref(result.value.id, `Family registered. Their reference is ${result.value.reference}.`))
      } else if (result.error.code === 'VALIDATION' && applyServerErrors(form, result.error, memberFormPath)) {
        setAttempt((a) => a + 1)
      } else {
        setProblem(result.error)
      }
    } finally {
      setSaving(false)
    }
  }

  const onInvalid = (_errors: FieldErrors<RegisterFormValues>) => setAttempt((a) => a + 1)
  const legends = memberLegends(members.fields.map((f) => f.kind))
  const errorItems = namedByPart(listErrors(form.formState.errors), 'members', (i) => legends[i] ?? null)
  // Until the draft has been looked for, the form is not offered: what was typed would be overwritten.
  if (!draft.ready) return <Loading />

  return (
    <Page title="Register a family">
      <DraftRestored draft={draft} what="registration" />
      {problem ? <ProblemBanner title="The family has not been saved" message={problem.message} /> : null}
      <ErrorSummary items={errorItems} focusKey={attempt} />
      <form noValidate onSubmit={form.handleSubmit(onValid, onInvalid)}>
        <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
            <h2 className="govuk-fieldset__heading">Household</h2>
          </legend>
          <FamilyDetailsFields form={form} prefix="family." />
        </fieldset>

        <h2 className="govuk-heading-m" id="members" tabIndex={-1}>
          Members
        </h2>
        {members.fields.length === 0 ? <p className="govuk-body">Add the adults, children and unborn babies in the household.</p> : null}
        {form.formState.errors.members?.root || form.formState.errors.members?.message ? (
          <p className="govuk-error-message" id="members-error">
            {form.formState.errors.members?.message ?? form.formState.errors.members?.root?.message}
          </p>
        ) : null}
        {members.fields.map((field, index) => {
          const kind = field.kind
          const legend = legends[index]
          const matches = duplicates[index]
          const current = form.getValues(`members.${index}`)
          return (
            <fieldset className="govuk-fieldset app-member" key={field.id}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                <h3 className="govuk-fieldset__heading">{legend}</h3>
              </legend>
              {matches ? (
                <DuplicateWarning
                  who={personName({ givenName: current?.givenName || null, familyName: current?.familyName ?? '', kind })}
                  matches={matches}
                  focus={Number(Object.keys(duplicates)[0]) === index}
                  level={4}
                  onDifferent={() => {
                    form.setValue(`members.${index}.notDuplicateOf`, [...(current?.notDuplicateOf ?? []), ...matches.map((m) => m.personId)])
                    setDuplicates(({ [index]: _done, ...rest }) => rest)
                  }}
                />
              ) : null}
              {current?.notDuplicateOf?.length ? (
                <p className="govuk-inset-text">
                  You confirmed this is a different person from the {current.notDuplicateOf.length === 1 ? 'record' : 'records'} shown.
                </p>
              ) : null}
              <MemberFields form={form} prefix={`members.${index}.`} kind={kind} who={legend} />
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => members.remove(index)}>
                Remove<span className="govuk-visually-hidden"> {legend}</span>
              </button>
            </fieldset>
          )
        })}
        <div className="app-button-row">
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => add('adult')}>
            Add an adult
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => add('child')}>
            Add a child
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => add('unborn')}>
            Add an unborn baby
          </button>
        </div>
        <DraftSaved draft={draft} />
        <button type="submit" className="govuk-button" disabled={saving} aria-disabled={saving}>
          Save family
        </button>
      </form>
    </Page>
  )
}
