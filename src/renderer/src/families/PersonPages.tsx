import { useEffect, useState } from 'react'
import { useForm, type UseFormReturn } from 'react-hook-form'
import { z } from 'zod'
import { memberSchema, movePersonInput, type Member, type MemberKind } from '../../../shared/families/schemas'
import { MEMBER_KIND } from '../../../shared/codes'
import type { AppErrorValue } from '../../../shared/result'
import type { DuplicateMatch } from '../../../shared/search/schemas'
import { invoke } from '../api'
import { familyHref, navigate } from '../app/router'
import { contractResolver, listErrors } from '../components/formErrors'
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { TextField } from '../components/fields'
import { FamilyHeader } from './FamilyHeader'
import { MemberFields } from './MemberFields'
import { DuplicateWarning } from './DuplicateWarning'
import { ConflictBanner } from './ConflictBanner'
import { FamilyNotFound } from './FamilyNotFound'
import { useFamily } from './useFamily'
import { applyServerErrors } from './applyServerErrors'
import { unconfirmedDuplicates } from './duplicates'
import { emptyMember, memberToInput, personToForm, type MemberFormValues } from './formValues'
import { personName } from './format'

const stripMember = (p: string) => p.replace(/^member\./, '')

/** The warning for the person on the form; confirming adds the matches to notDuplicateOf. */
function MemberDuplicateWarning({
  form,
  kind,
  matches,
  onDone
}: {
  form: UseFormReturn<MemberFormValues, unknown, Member>
  kind: MemberKind
  matches: DuplicateMatch[]
  onDone: () => void
}) {
  return (
    <DuplicateWarning
      who={personName({ givenName: form.getValues('givenName') || null, familyName: form.getValues('familyName'), kind })}
      matches={matches}
      focus
      onDifferent={() => {
        form.setValue('notDuplicateOf', [...form.getValues('notDuplicateOf'), ...matches.map((m) => m.personId)])
        onDone()
      }}
    />
  )
}

export function AddMemberPage({ id, kind }: { id: string; kind: MemberKind }) {
  const { view, error } = useFamily(id)
  const [duplicates, setDuplicates] = useState<DuplicateMatch[] | null>(null)
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  const [attempt, setAttempt] = useState(0)
  const form = useForm<MemberFormValues, unknown, Member>({
    resolver: contractResolver(memberSchema, memberToInput),
    shouldFocusError: false,
    defaultValues: emptyMember(kind)
  })
  useEffect(() => {
    if (view && !form.getValues('familyName')) form.setValue('familyName', view.members[0]?.familyName ?? '')
  }, [view, form])

  if (error) return <FamilyNotFound error={error} />
  if (!view) return <Loading />

  const onValid = async (member: Member) => {
    setProblem(null)
    const notDuplicateOf = form.getValues('notDuplicateOf')
    const check = await unconfirmedDuplicates([{ member, notDuplicateOf }], view.family.postcode)
    if (!check.ok) return setProblem(check.error)
    if (check.found[0]) return setDuplicates(check.found[0])
    const result = await invoke('families.addMember', { familyId: id, member: memberToInput(form.getValues()), notDuplicateOf })
    if (result.ok) return navigate(familyHref(id, `${personName(member)} added to the family.`))
    if (result.error.code === 'VALIDATION' && applyServerErrors(form, result.error, stripMember)) return setAttempt((a) => a + 1)
    setProblem(result.error)
  }

  const title = `Add ${kind === 'adult' ? 'an adult' : kind === 'child' ? 'a child' : 'an unborn baby'}`
  return (
    <>
      <FamilyHeader family={view.family} members={view.members.length} />
      <Page title={title} caption={`Family ${view.family.reference}`}>
        {problem ? <ProblemBanner title="They have not been added" message={problem.message} /> : null}
        <ErrorSummary items={listErrors(form.formState.errors)} focusKey={attempt} />
        {duplicates ? <MemberDuplicateWarning form={form} kind={kind} matches={duplicates} onDone={() => setDuplicates(null)} /> : null}
        <form noValidate onSubmit={form.handleSubmit(onValid, () => setAttempt((a) => a + 1))}>
          <MemberFields form={form} prefix="" kind={kind} />
          <div className="app-button-row">
            <button type="submit" className="govuk-button">
              Save {MEMBER_KIND.label(kind).toLowerCase()}
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

export function EditPersonPage({ id, personId }: { id: string; personId: string }) {
  const { view, error, reload } = useFamily(id)
  const [version, setVersion] = useState<number | null>(null)
  const [duplicates, setDuplicates] = useState<DuplicateMatch[] | null>(null)
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  const [attempt, setAttempt] = useState(0)
  const form = useForm<MemberFormValues, unknown, Member>({ resolver: contractResolver(memberSchema, memberToInput), shouldFocusError: false })
  const person = view?.members.find((m) => m.id === personId)
  useEffect(() => {
    if (person && version === null) {
      form.reset(personToForm(person))
      setVersion(person.version)
    }
  }, [person, version, form])

  if (error) return <FamilyNotFound error={error} />
  if (!view) return <Loading />
  if (!person)
    return (
      <Page title="Person not found">
        <ProblemBanner title="This person is not in this family" message="They may have moved to another family. Search for them by name." />
      </Page>
    )
  if (version === null) return <Loading />

  const onValid = async (member: Member) => {
    setProblem(null)
    const notDuplicateOf = form.getValues('notDuplicateOf')
    const check = await unconfirmedDuplicates([{ member, notDuplicateOf, personId }], view.family.postcode)
    if (!check.ok) return setProblem(check.error)
    if (check.found[0]) return setDuplicates(check.found[0])
    const result = await invoke('people.update', { id: personId, version, member: memberToInput(form.getValues()), notDuplicateOf })
    if (result.ok) return navigate(familyHref(id, `${personName(member)}'s details saved.`))
    if (result.error.code === 'VALIDATION' && applyServerErrors(form, result.error, stripMember)) return setAttempt((a) => a + 1)
    setProblem(result.error)
  }
  const loadLatest = async () => {
    const latest = await reload()
    const fresh = latest.ok ? latest.value.members.find((m) => m.id === personId) : undefined
    if (fresh) {
      form.reset(personToForm(fresh))
      setVersion(fresh.version)
      setProblem(null)
    }
  }

  return (
    <>
      <FamilyHeader family={view.family} members={view.members.length} />
      <Page title={`Change ${personName(person)}'s details`} caption={`Family ${view.family.reference}`}>
        {problem?.code === 'CONFLICT' ? <ConflictBanner message={problem.message} onLoadLatest={loadLatest} /> : null}
        {problem && problem.code !== 'CONFLICT' ? <ProblemBanner title="The changes have not been saved" message={problem.message} /> : null}
        <ErrorSummary items={listErrors(form.formState.errors)} focusKey={attempt} />
        {duplicates ? <MemberDuplicateWarning form={form} kind={person.kind} matches={duplicates} onDone={() => setDuplicates(null)} /> : null}
        <form noValidate onSubmit={form.handleSubmit(onValid, () => setAttempt((a) => a + 1))}>
          <MemberFields form={form} prefix="" kind={person.kind} />
          <div className="app-button-row">
            <button type="submit" className="govuk-button">
              Save changes
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

const moveForm = movePersonInput.pick({ toFamilyReference: true })

export function MovePersonPage({ id, personId }: { id: string; personId: string }) {
  const { view, error } = useFamily(id)
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  const [attempt, setAttempt] = useState(0)
  const form = useForm<{ toFamilyReference: string }, unknown, z.output<typeof moveForm>>({
    resolver: contractResolver(moveForm, (v) => v),
    shouldFocusError: false,
    defaultValues: { toFamilyReference: '' }
  })
  if (error) return <FamilyNotFound error={error} />
  if (!view) return <Loading />
  const person = view.members.find((m) => m.id === personId)
  if (!person)
    return (
      <Page title="Person not found">
        <ProblemBanner title="This person is not in this family" message="They may already have moved." />
      </Page>
    )

  const onValid = async ({ toFamilyReference }: z.output<typeof moveForm>) => {
    setProblem(null)
    const result = await invoke('people.move', { id: personId, version: person.version, toFamilyReference })
    if (result.ok) return navigate(familyHref(result.value.familyId, `${personName(person)} has joined this family. Their records came with them.`))
    if (result.error.code === 'VALIDATION' && applyServerErrors(form, result.error)) return setAttempt((a) => a + 1)
    setProblem(result.error)
  }
  return (
    <>
      <FamilyHeader family={view.family} members={view.members.length} />
      <Page title={`Move ${personName(person)} to another family`} caption={`Family ${view.family.reference}`}>
        {problem ? <ProblemBanner title="They have not been moved" message={problem.message} /> : null}
        <ErrorSummary items={listErrors(form.formState.errors)} focusKey={attempt} />
        <p className="govuk-body">Their history moves with them: everything recorded about them stays on their record.</p>
        <form noValidate onSubmit={form.handleSubmit(onValid, () => setAttempt((a) => a + 1))}>
          <TextField
            form={form}
            name="toFamilyReference"
            label="Reference of the family they are joining"
            hint={`For example, ${view.family.reference}. Search for the family first if you do not know it.`}
            width={10}
          />
          <div className="app-button-row">
            <button type="submit" className="govuk-button">
              Move {personName(person)}
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
