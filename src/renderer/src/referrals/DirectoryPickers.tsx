// Choosing from the agency directory inside a form: a service to signpost a family to, or the agency
// of the person who asked. A search box answering as the user types (Enter searches, never submits
// the form) and the matches as radios. The search box carries the field's id, so an error message
// in the summary takes the user to it.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { get, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form'
import { SERVICE_TYPE } from '../../../shared/referrals/codes'
import { invoke } from '../api'
import { fieldId } from '../components/formErrors'

interface Choice {
  id: string
  label: string
  hint: string
}

/** What the directory finds for the words typed, a short pause after typing stops. */
function useDirectorySearch(find: (text: string) => Promise<Choice[] | string>) {
  const [text, setText] = useState('')
  const [choices, setChoices] = useState<Choice[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const latest = useRef(0)
  // The newest way to search, so a search started by the timer uses what the page knows now.
  const finder = useRef(find)
  finder.current = find
  const run = useCallback(async (words: string) => {
    const call = ++latest.current
    const found = await finder.current(words)
    if (call !== latest.current) return
    if (typeof found === 'string') setProblem(found)
    else {
      setProblem(null)
      setChoices(found)
    }
  }, [])
  useEffect(() => {
    if (text.trim().length < 2) return
    const timer = setTimeout(() => void run(text), 150)
    return () => clearTimeout(timer)
  }, [text, run])
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return
    event.preventDefault()
    void run(text)
  }
  return { text, setText, choices, problem, onKeyDown }
}

function Picker<V extends FieldValues>({
  form,
  name,
  label,
  hint,
  chosen,
  search
}: {
  form: UseFormReturn<V, any, any>
  name: Path<V>
  label: string
  hint: string
  chosen: string | null
  search: ReturnType<typeof useDirectorySearch>
}) {
  const id = fieldId(name)
  const error = (get(form.formState.errors, name) as { message?: string } | undefined)?.message
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
        <div className="govuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
        {error ? (
          <p className="govuk-error-message" id={`${id}-error`}>
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        {chosen ? (
          <p className="govuk-body" role="status">
            Chosen: <strong>{chosen}</strong>
          </p>
        ) : null}
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor={id}>
            Search the directory
          </label>
          <input
            className={`govuk-input govuk-!-width-two-thirds${error ? ' govuk-input--error' : ''}`}
            id={id}
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={search.text}
            onChange={(e) => search.setText(e.target.value)}
            onKeyDown={search.onKeyDown}
          />
        </div>
        {search.problem ? <p className="govuk-error-message">{search.problem}</p> : null}
        <p className="govuk-body" role="status" aria-live="polite">
          {search.choices ? `${search.choices.length === 0 ? 'Nothing' : search.choices.length} found in the directory` : ''}
        </p>
        {search.choices?.length ? (
          <div className="govuk-radios govuk-radios--small">
            {search.choices.map((c, i) => (
              <div className="govuk-radios__item" key={c.id}>
                <input className="govuk-radios__input" id={`${id}-option-${i}`} type="radio" value={c.id} {...form.register(name)} />
                <label className="govuk-label govuk-radios__label" htmlFor={`${id}-option-${i}`}>
                  {c.label}
                </label>
                <div className="govuk-hint govuk-radios__hint">{c.hint}</div>
              </div>
            ))}
          </div>
        ) : null}
      </fieldset>
    </div>
  )
}

/** An active service of the directory: what a family is signposted to. */
export function ServicePicker<V extends FieldValues>({
  form,
  name,
  label = 'The service the family was signposted to'
}: {
  form: UseFormReturn<V, any, any>
  name: Path<V>
  label?: string
}) {
  const [known, setKnown] = useState<Record<string, string>>({})
  const search = useDirectorySearch(async (text) => {
    const result = await invoke('directory.search', { text, activeOnly: true })
    if (!result.ok) return result.error.message
    const choices = result.value.services.map((s) => ({
      id: s.id,
      label: `${s.name}, ${s.organisationName}`,
      hint: [SERVICE_TYPE.label(s.serviceType), s.town, s.phone].filter(Boolean).join(' · ')
    }))
    setKnown((k) => ({ ...k, ...Object.fromEntries(choices.map((c) => [c.id, c.label])) }))
    return choices
  })
  const value = form.watch(name) as string | undefined
  return (
    <Picker
      form={form}
      name={name}
      label={label}
      hint="Active services of the directory. Type words of the service’s name or its organisation’s."
      chosen={value ? (known[value] ?? null) : null}
      search={search}
    />
  )
}

/** The agency of the person who asked, from the directory; its name is kept beside the id (`nameField`) for the form's draft. */
export function AgencyPicker<V extends FieldValues>({
  form,
  name,
  nameField,
  label = 'Their agency',
  hint = 'Find it in the directory; if it is not there, type it below.'
}: {
  form: UseFormReturn<V, any, any>
  name: Path<V>
  nameField: Path<V>
  label?: string
  hint?: string
}) {
  const search = useDirectorySearch(async (text) => {
    const result = await invoke('directory.organisations', { text })
    if (!result.ok) return result.error.message
    return result.value.organisations.map((o) => ({
      id: o.id,
      label: o.name,
      hint: `${o.activeServices} active ${o.activeServices === 1 ? 'service' : 'services'}`
    }))
  })
  const value = form.watch(name) as string | undefined
  const chosenName = form.watch(nameField) as string | undefined
  // The name shown is the one chosen last, kept in the form so that it survives leaving the page.
  useEffect(() => {
    const label = search.choices?.find((c) => c.id === value)?.label
    if (label && label !== chosenName) form.setValue(nameField, label as never)
  }, [value, search.choices, chosenName, form, nameField])
  return (
    <>
      <Picker form={form} name={name} label={label} hint={hint} chosen={value ? (chosenName ?? null) : null} search={search} />
      {value ? (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => {
            form.setValue(name, '' as never)
            form.setValue(nameField, '' as never)
          }}
        >
          Clear the agency chosen
        </button>
      ) : null}
    </>
  )
}
