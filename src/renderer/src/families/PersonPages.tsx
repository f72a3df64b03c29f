import { useEffect, useRef, useState } from 'react'
import { useForm, type UseFormReturn } from 'react-hook-form'
import { memberSchema, type Member, type MemberKind } from '../../../shared/families/schemas'
import { MEMBER_KIND } from '../../../shared/codes'
import type { AppErrorValue } from '../../../shared/result'
import type { DuplicateMatch, SearchHit } from '../../../shared/search/schemas'
import { invoke } from '../api'
import { familyHref, navigate } from '../app/router'
import { contractResolver, listErrors } from '../components/formErrors'
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { SummaryRow } from '../components/SummaryRow'
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
      level={2}
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
      <Page title={title} caption={view.family.name}>
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
      <Page title={`Change ${personName(person)}'s details`} caption={view.family.name}>
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

/** A family the search found: its reference, where it lives and the people in it the search found. */
interface FoundFamily {
  familyId: string
  reference: string
  /** Empty for a restricted family the user may not open: the search shows no address then. */
  address: string
  people: string[]
}

/** The families of the people the search found, in the order they were found, leaving out `exceptFamilyId`. */
function familiesFound(hits: SearchHit[], exceptFamilyId: string): FoundFamily[] {
  const found = new Map<string, FoundFamily>()
  for (const hit of hits) {
    if (hit.familyId === exceptFamilyId) continue
    const family = found.get(hit.familyId) ?? {
      familyId: hit.familyId,
      reference: hit.familyReference,
      address: hit.addressLine1 ? `${hit.addressLine1}, ${hit.town}, ${hit.postcode}` : '',
      people: []
    }
    family.people.push(personName(hit))
    found.set(hit.familyId, family)
  }
  return [...found.values()]
}

/** The search as the user types (the search screen's channel), a moment after they stop. */
function useSearch(text: string): { hits: SearchHit[] | null; problem: string | null } {
  const [answer, setAnswer] = useState<{ hits: SearchHit[] | null; problem: string | null }>({ hits: null, problem: null })
  const latest = useRef(0)
  useEffect(() => {
    const call = ++latest.current
    if (text.trim().length < 2) {
      setAnswer({ hits: null, problem: null })
      return
    }
    const timer = setTimeout(async () => {
      const result = await invoke('people.search', { text, limit: 50 })
      if (call !== latest.current) return
      setAnswer(result.ok ? { hits: result.value.hits, problem: null } : { hits: null, problem: result.error.fields?.text ?? result.error.message })
    }, 80)
    return () => clearTimeout(timer)
  }, [text])
  return answer
}

/** Moving someone to another family: the family found with the search, then confirmed. */
export function MovePersonPage({ id, personId }: { id: string; personId: string }) {
  const { view, error } = useFamily(id)
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  const [text, setText] = useState('')
  const [chosen, setChosen] = useState<FoundFamily | null>(null)
  const [moving, setMoving] = useState(false)
  const { hits, problem: searchProblem } = useSearch(text)
  const chosenHeading = useRef<HTMLHeadingElement>(null)
  const searchBox = useRef<HTMLInputElement>(null)
  const hadChosen = useRef(false)
  useEffect(() => {
    // Choosing shows the family to confirm; choosing another goes back to the search as it was left.
    if (chosen) chosenHeading.current?.focus()
    else if (hadChosen.current) searchBox.current?.focus()
    hadChosen.current = chosen !== null
  }, [chosen])
  if (error) return <FamilyNotFound error={error} />
  if (!view) return <Loading />
  const person = view.members.find((m) => m.id === personId)
  if (!person)
    return (
      <Page title="Person not found">
        <ProblemBanner title="This person is not in this family" message="They may already have moved." />
      </Page>
    )

  const move = async () => {
    if (!chosen) return
    setProblem(null)
    setMoving(true)
    try {
      const result = await invoke('people.move', { id: personId, version: person.version, toFamilyReference: chosen.reference })
      if (result.ok) return navigate(familyHref(result.value.familyId, `${personName(person)} has joined this family. Their records came with them.`))
      // The core's reason about the family chosen (it was merged away, say) is the whole message here.
      setProblem({ ...result.error, message: result.error.fields?.toFamilyReference ?? result.error.message })
    } finally {
      setMoving(false)
    }
  }
  const chooseAnother = () => {
    setChosen(null)
    setProblem(null)
  }
  const families = hits ? familiesFound(hits, id) : []
  const who = personName(person)
  return (
    <>
      <FamilyHeader family={view.family} members={view.members.length} />
      <Page title={`Move ${who} to another family`} caption={view.family.name}>
        {problem ? <ProblemBanner title="They have not been moved" message={problem.message} /> : null}
        <p className="govuk-body">Their history moves with them: everything recorded about them stays on their record.</p>
        {chosen ? (
          <>
            <h2 className="govuk-heading-m" tabIndex={-1} ref={chosenHeading}>
              The family {who} is joining
            </h2>
            <dl className="govuk-summary-list">
              <SummaryRow label="Family">{chosen.reference}</SummaryRow>
              <SummaryRow label="People found">{chosen.people.join(', ')}</SummaryRow>
              <SummaryRow label="Address">{chosen.address || 'Restricted record'}</SummaryRow>
            </dl>
            <div className="app-button-row">
              <button type="button" className="govuk-button" disabled={moving} aria-disabled={moving} onClick={() => void move()}>
                Move {who}
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={chooseAnother}>
                Choose another family
              </button>
              <a className="govuk-link govuk-!-margin-top-2" href={familyHref(id)}>
                Cancel
              </a>
            </div>
          </>
        ) : (
          <>
            <div className={`govuk-form-group${searchProblem ? ' govuk-form-group--error' : ''}`}>
              <label className="govuk-label govuk-label--s" htmlFor="move-search">
                Find the family they are joining
              </label>
              <div id="move-search-hint" className="govuk-hint">
                Search by a name in the family, a date of birth, the postcode or the family reference.
              </div>
              {searchProblem ? (
                <p className="govuk-error-message" id="move-search-error">
                  <span className="govuk-visually-hidden">Error:</span> {searchProblem}
                </p>
              ) : null}
              <input
                className="govuk-input govuk-!-width-two-thirds"
                id="move-search"
                type="search"
                autoComplete="off"
                spellCheck={false}
                ref={searchBox}
                aria-describedby={`move-search-hint${searchProblem ? ' move-search-error' : ''}`}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            </div>
            <p className="govuk-body" role="status" aria-live="polite">
              {hits ? (families.length ? `${families.length} ${families.length === 1 ? 'family' : 'families'} found` : 'No other family found') : ''}
            </p>
            {families.length ? (
              // A list, not a table: at 320 px each family and its button stay in view, nothing scrolls sideways.
              <ul className="govuk-list app-found-families" aria-label="Families found">
                {families.map((family) => (
                  <li className="app-found-families__item" key={family.familyId}>
                    <h2 className="govuk-heading-s govuk-!-margin-bottom-1">Family {family.reference}</h2>
                    <p className="govuk-body govuk-!-margin-bottom-1">Found here: {family.people.join(', ')}</p>
                    <p className="govuk-body govuk-!-margin-bottom-2">
                      {family.address || <strong className="govuk-tag govuk-tag--grey">Restricted record</strong>}
                    </p>
                    <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => setChosen(family)}>
                      Choose<span className="govuk-visually-hidden"> family {family.reference}</span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
            <a className="govuk-link" href={familyHref(id)}>
              Cancel
            </a>
          </>
        )}
      </Page>
    </>
  )
}
