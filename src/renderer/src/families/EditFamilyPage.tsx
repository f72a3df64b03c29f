import { useEffect, useState } from 'react'
import { useForm } from 'react-hook-form'
import { familyDetailsSchema } from '../../../shared/families/schemas'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { familyHref, navigate } from '../app/router'
import { contractResolver, listErrors } from '../components/formErrors'
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { FamilyDetailsFields } from './FamilyDetailsFields'
import { FamilyHeader } from './FamilyHeader'
import { FamilyNotFound } from './FamilyNotFound'
import { useFamily } from './useFamily'
import { familyToForm, familyToInput, type FamilyFormValues } from './formValues'
import { applyServerErrors } from './applyServerErrors'
import { ConflictBanner } from './ConflictBanner'

export function EditFamilyPage({ id }: { id: string }) {
  const { view, error, reload } = useFamily(id)
  const [version, setVersion] = useState<number | null>(null)
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  const [attempt, setAttempt] = useState(0)
  const form = useForm<FamilyFormValues, unknown, ReturnType<typeof familyDetailsSchema.parse>>({
    resolver: contractResolver(familyDetailsSchema, familyToInput),
    shouldFocusError: false
  })

  // The version the user started from is kept until they choose to load a newer one.
  useEffect(() => {
    if (view && version === null) {
      form.reset(familyToForm(view.family))
      setVersion(view.family.version)
    }
  }, [view, version, form])

  if (error) return <FamilyNotFound error={error} />
  if (!view || version === null) return <Loading />

  const onValid = async (family: ReturnType<typeof familyDetailsSchema.parse>) => {
    setProblem(null)
    const result = await invoke('families.update', { id, version, family })
    if (result.ok) return navigate(familyHref(id, 'Household details saved.'))
    if (result.error.code === 'VALIDATION' && applyServerErrors(form, result.error, (p) => p.replace(/^family\./, ''))) return setAttempt((a) => a + 1)
    setProblem(result.error)
  }

  const loadLatest = async () => {
    const latest = await reload()
    if (latest.ok) {
      form.reset(familyToForm(latest.value.family))
      setVersion(latest.value.family.version)
      setProblem(null)
    }
  }

  return (
    <>
      <FamilyHeader family={view.family} members={view.members.length} />
      <Page title="Change household details" caption={view.family.name}>
        {problem?.code === 'CONFLICT' ? <ConflictBanner message={problem.message} onLoadLatest={loadLatest} /> : null}
        {problem && problem.code !== 'CONFLICT' ? <ProblemBanner title="The changes have not been saved" message={problem.message} /> : null}
        <ErrorSummary items={listErrors(form.formState.errors)} focusKey={attempt} />
        <form noValidate onSubmit={form.handleSubmit(onValid, () => setAttempt((a) => a + 1))}>
          <FamilyDetailsFields form={form} prefix="" />
          <div className="app-button-row">
            <button type="submit" className="govuk-button">
              Save family
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
