// Logging a request for help: first the family (found with the search, or registered there and
// then), then the request itself. What is typed is kept while the user goes to register a family or
// to choose another, and comes back.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { z } from 'zod'
import type { SearchOutput } from '../../../shared/search/schemas'
import { datePartsToValue, formatDate, isoToDateParts, todayIso, type DateParts } from '../../../shared/dates'
import { FAMILY_AWARENESS, REQUEST_CHANNEL, URGENCY } from '../../../shared/referrals/codes'
import { logRequestInput, STEP_DOWN_SOURCE } from '../../../shared/referrals/requests'
import { invoke } from '../api'
import { familyHref, logRequestHref, navigate, requestHref } from '../app/router'
import { useContractForm } from '../accounts/useContractForm'
import { SuccessBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { TableHead } from '../components/TableHead'
import { TableScroll } from '../components/TableScroll'
import { CheckboxesField, DateField, RadiosField, SelectField, TextareaField, TextField } from '../components/fields'
import { FamilyFormPage } from '../families/FamilyFormPage'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { useFamily } from '../families/useFamily'
import { describeAge, personName } from '../families/format'
import { AgencyPicker } from './DirectoryPickers'
import { SOURCE_ITEMS } from './format'
import { FamilyNameText } from '../components/FamilyNameText'

export function LogRequestPage({ familyId, notice }: { familyId?: string; notice?: string }) {
  return familyId ? <RequestForm key={familyId} familyId={familyId} notice={notice} /> : <ChooseFamily />
}

// What was last typed in the family search, so coming back finds it as it was left.
let lastSearch = ''

/** Step one: the family the request is about. */
function ChooseFamily() {
  const [text, setText] = useState(lastSearch)
  const [result, setResult] = useState<SearchOutput | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const latest = useRef(0)
  useEffect(() => {
    lastSearch = text
    const call = ++latest.current
    if (text.trim().length < 2) {
      setResult(null)
      return
    }
    const timer = setTimeout(async () => {
      const answer = await invoke('people.search', { text, limit: 25 })
      if (call !== latest.current) return
      if (answer.ok) {
        setResult(answer.value)
        setProblem(null)
      } else setProblem(answer.error.fields?.text ?? answer.error.message)
    }, 80)
    return () => clearTimeout(timer)
  }, [text])
  const hits = result?.hits ?? []
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && hits[0]) {
      event.preventDefault()
      navigate(logRequestHref(hits[0].familyId))
    }
  }
  return (
    <Page title="Log a request for help" caption="Step 1 of 2: the family" focusHeading={false}>
      <p className="govuk-body">
        Find the family the request is about. If they are not on record yet, register them: you come back here with the family chosen.
      </p>
      <div className={`govuk-form-group${problem ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label govuk-label--s" htmlFor="family-search">
          Search people and families
        </label>
        <div id="family-search-hint" className="govuk-hint">
          Name, date of birth, postcode, NHS number or family reference. Enter chooses the first family found.
        </div>
        {problem ? (
          <p className="govuk-error-message" id="family-search-error">
            <span className="govuk-visually-hidden">Error:</span> {problem}
          </p>
        ) : null}
        <input
          className="govuk-input"
          id="family-search"
          type="search"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          aria-describedby={`family-search-hint${problem ? ' family-search-error' : ''}`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate('#/requests/new/register')}>
        Register a new family
      </button>
      <p className="govuk-body" role="status" aria-live="polite">
        {result ? `${hits.length} ${hits.length === 1 ? 'person' : 'people'} found` : ''}
      </p>
      {hits.length ? (
        <TableScroll label="People found">
          <table className="govuk-table">
            <TableHead caption="People found" columns={['Name', 'Born', 'Family', 'Address', { label: 'Choose', hidden: true }]} />
            <tbody className="govuk-table__body">
              {hits.map((hit) => (
                <tr className="govuk-table__row" key={hit.personId}>
                  <td className="govuk-table__cell">{personName(hit)}</td>
                  <td className="govuk-table__cell">{hit.dateOfBirth ? formatDate(hit.dateOfBirth) : describeAge(hit)}</td>
                  <td className="govuk-table__cell">
                    <FamilyNameText name={result?.familyNames[hit.familyId] ?? hit.familyReference} />
                  </td>
                  <td className="govuk-table__cell">
                    {hit.restricted && !hit.addressLine1 ? (
                      <strong className="govuk-tag govuk-tag--grey">Restricted record</strong>
                    ) : (
                      `${hit.addressLine1}, ${hit.town}`
                    )}
                  </td>
                  <td className="govuk-table__cell">
                    <a className="govuk-link" href={logRequestHref(hit.familyId)}>
                      Choose<span className="govuk-visually-hidden"> the family of {personName(hit)}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </Page>
  )
}

interface Values {
  receivedOn: DateParts
  receivedTime: string
  channel: string
  referrerName: string
  referrerRole: string
  organisationId: string
  /** The chosen agency's name, shown beside the choice; never sent. */
  organisationName: string
  agency: string
  referrerPhone: string
  referrerEmail: string
  source: string
  socialCareReference: string
  childIds: string[]
  reason: string
  awareness: string
  urgency: string
}

const blank = (): Values => ({
  receivedOn: isoToDateParts(todayIso()),
  receivedTime: new Date().toTimeString().slice(0, 5),
  channel: '',
  referrerName: '',
  referrerRole: '',
  organisationId: '',
  organisationName: '',
  agency: '',
  referrerPhone: '',
  referrerEmail: '',
  source: '',
  socialCareReference: '',
  childIds: [],
  reason: '',
  awareness: '',
  urgency: ''
})

// The request being typed, kept while the user registers a family or chooses another; the children
// chosen belong to one family, so they are not carried to another. Cleared once it is logged.
let draft: { familyId: string; values: Values } | null = null

/** Step two: the request, for the family chosen. */
function RequestForm({ familyId, notice }: { familyId: string; notice?: string }) {
  const { view, error } = useFamily(familyId)
  const kept = draft ? { ...draft.values, childIds: draft.familyId === familyId ? draft.values.childIds : [] } : blank()
  const toInput = ({ organisationName: _name, ...v }: Values) => ({
    ...v,
    familyId,
    receivedOn: datePartsToValue(v.receivedOn),
    organisationId: v.organisationId || null,
    socialCareReference: v.source === STEP_DOWN_SOURCE ? v.socialCareReference : null,
    childIds: v.childIds || []
  })
  const { form, attempt, problem, errors, failed, refused } = useContractForm<Values, typeof logRequestInput>(logRequestInput, kept, toInput)
  useEffect(() => {
    const subscription = form.watch((values) => {
      draft = { familyId, values: values as Values }
    })
    return () => subscription.unsubscribe()
  }, [form, familyId])
  const source = form.watch('source')
  if (error) return <FamilyNotFound error={error} />
  if (!view) return <Loading />
  const children = view.members
    .filter((m) => m.kind !== 'adult')
    .map((m) => ({ code: m.id, label: `${personName(m)}${describeAge(m) ? ` (${describeAge(m)})` : ''}` }))
  const onValid = async (input: z.output<typeof logRequestInput>) => {
    const result = await invoke('referrals.logRequest', input)
    if (!result.ok) return refused(result.error)
    draft = null
    navigate(requestHref(result.value.id, 'Request for help logged. It is waiting for a practitioner to decide on it.'))
  }
  return (
    <FamilyFormPage
      family={view.family}
      members={view.members.length}
      title="Log a request for help"
      problemTitle="The request has not been logged"
      problem={problem}
      errors={errors}
      attempt={attempt}
      onSubmit={form.handleSubmit(onValid, failed)}
      submitLabel="Log the request"
      backHref={logRequestHref()}
      backLabel="Choose another family"
      notice={notice ? <SuccessBanner title={notice} /> : null}
      intro={<p className="govuk-body">Step 2 of 2: the request, as it came.</p>}
    >
      <DateField form={form} name="receivedOn" label="Date of the request" />
      <TextField form={form} name="receivedTime" label="Time" hint="Like 14:30" width={5} />
      <RadiosField form={form} name="channel" label="How it came" items={REQUEST_CHANNEL.items} />
      <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          <h2 className="govuk-fieldset__heading">Who asked</h2>
        </legend>
        <TextField form={form} name="referrerName" label="Name" hint="Leave it blank only for an anonymous request." />
        <TextField form={form} name="referrerRole" label="Their role" hint="Like health visitor, class teacher, or mum." />
        <AgencyPicker form={form} name="organisationId" nameField="organisationName" />
        <TextField form={form} name="agency" label="Agency, if it is not in the directory" />
        <TextField form={form} name="referrerPhone" label="Phone number" type="tel" width={20} />
        <TextField form={form} name="referrerEmail" label="Email address" type="email" spellCheck={false} />
      </fieldset>
      <SelectField
        form={form}
        name="source"
        label="Where the request came from"
        hint="The national referral-source code. A family asking for themselves is 1C; a step-down from children’s social care is 5A."
        items={SOURCE_ITEMS}
      />
      {source === STEP_DOWN_SOURCE ? (
        <div className="govuk-inset-text">
          <TextField
            form={form}
            name="socialCareReference"
            label="Social care reference"
            hint="The reference of the case they closed (closure reason RC9, referred to early help)."
          />
        </div>
      ) : null}
      {children.length ? (
        <CheckboxesField form={form} name="childIds" label="The children it is about" hint="Select all that apply." items={children} />
      ) : (
        <div className="govuk-form-group">
          <p className="govuk-body" id="childIds">
            No children or unborn babies are on this family’s record.{' '}
            <a className="govuk-link" href={familyHref(familyId)}>
              Add them to the family
            </a>{' '}
            first, then log the request: what you typed here is kept.
          </p>
        </div>
      )}
      <TextareaField form={form} name="reason" label="Why they asked for help" hint="In the words of the person who asked." rows={6} />
      <RadiosField form={form} name="awareness" label="What the family knows of the request" items={FAMILY_AWARENESS.items} />
      <RadiosField form={form} name="urgency" label="How urgent it is" items={URGENCY.items} inline />
    </FamilyFormPage>
  )
}
