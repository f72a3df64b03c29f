// Thin React components over GOV.UK Frontend's form markup, wired to react-hook-form.
import type { ReactNode } from 'react'
import { get, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form'
import type { CodeItem } from '../../../shared/codes'
import { fieldId } from './formErrors'

interface FieldProps<V extends FieldValues> {
  form: UseFormReturn<V, any, any>
  name: Path<V>
  label: string
  hint?: ReactNode
}

function useFieldState<V extends FieldValues>(form: UseFormReturn<V, any, any>, name: string, hint?: ReactNode) {
  const id = fieldId(name)
  const error = (get(form.formState.errors, name) as { message?: string } | undefined)?.message
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return { id, error, describedBy }
}

function ErrorMessage({ id, error }: { id: string; error?: string }) {
  if (!error) return null
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {error}
    </p>
  )
}

/** The GOV.UK form group around one labelled control: label, hint, error message. */
function LabelledField({ id, label, hint, error, children }: { id: string; label: string; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      <ErrorMessage id={id} error={error} />
      {children}
    </div>
  )
}

export function TextField<V extends FieldValues>({
  form,
  name,
  label,
  hint,
  type = 'text',
  width,
  autoComplete,
  inputMode,
  spellCheck,
  autoFocus
}: FieldProps<V> & {
  type?: 'text' | 'email' | 'tel' | 'password'
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30
  autoComplete?: string
  inputMode?: 'numeric' | 'text' | 'email' | 'tel'
  spellCheck?: boolean
  autoFocus?: boolean
}) {
  const { id, error, describedBy } = useFieldState(form, name, hint)
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      <input
        className={`govuk-input${width ? ` govuk-input--width-${width}` : ''}${error ? ' govuk-input--error' : ''}`}
        id={id}
        type={type}
        autoComplete={autoComplete ?? 'off'}
        inputMode={inputMode}
        spellCheck={spellCheck}
        autoFocus={autoFocus}
        aria-describedby={describedBy}
        {...form.register(name)}
      />
    </LabelledField>
  )
}

export function SelectField<V extends FieldValues>({
  form,
  name,
  label,
  hint,
  items,
  placeholder = 'Select'
}: FieldProps<V> & { items: readonly CodeItem[]; placeholder?: string }) {
  const { id, error, describedBy } = useFieldState(form, name, hint)
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      <select className={`govuk-select${error ? ' govuk-select--error' : ''}`} id={id} aria-describedby={describedBy} {...form.register(name)}>
        <option value="">{placeholder}</option>
        {items.map((item) => (
          <option key={item.code} value={item.code}>
            {item.label}
          </option>
        ))}
      </select>
    </LabelledField>
  )
}

export function CheckboxField<V extends FieldValues>({ form, name, label, hint }: FieldProps<V>) {
  const { id, error, describedBy } = useFieldState(form, name, hint)
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <ErrorMessage id={id} error={error} />
      <div className="govuk-checkboxes govuk-checkboxes--small">
        <div className="govuk-checkboxes__item">
          <input className="govuk-checkboxes__input" id={id} type="checkbox" aria-describedby={describedBy} {...form.register(name)} />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          {hint ? (
            <div id={`${id}-hint`} className="govuk-hint govuk-checkboxes__hint">
              {hint}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  )
}

/** The GOV.UK date input: Day, Month and Year boxes under one legend. */
export function DateField<V extends FieldValues>({ form, name, label, hint = 'For example, 27 3 2019' }: FieldProps<V>) {
  const { id, error, describedBy } = useFieldState(form, name, hint)
  const box = (part: 'day' | 'month' | 'year', text: string, width: 2 | 4) => (
    <div className="govuk-date-input__item">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${part}`}>
          {text}
        </label>
        <input
          className={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? ' govuk-input--error' : ''}`}
          id={`${id}-${part}`}
          inputMode="numeric"
          autoComplete="off"
          {...form.register(`${name}.${part}` as Path<V>)}
        />
      </div>
    </div>
  )
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
        <ErrorMessage id={id} error={error} />
        <div className="govuk-date-input" id={id}>
          {box('day', 'Day', 2)}
          {box('month', 'Month', 2)}
          {box('year', 'Year', 4)}
        </div>
      </fieldset>
    </div>
  )
}

/** A group of checkboxes (many answers) or radios (one answer) under one legend. */
function ChoicesField<V extends FieldValues>({
  form,
  name,
  label,
  hint,
  items,
  type,
  inline
}: FieldProps<V> & { items: readonly CodeItem[]; type: 'checkbox' | 'radio'; inline?: boolean }) {
  const { id, error, describedBy } = useFieldState(form, name, hint)
  const block = type === 'checkbox' ? 'govuk-checkboxes' : 'govuk-radios'
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
        {hint ? (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        <ErrorMessage id={id} error={error} />
        <div className={`${block} ${block}--small${inline ? ` ${block}--inline` : ''}`}>
          {items.map((item, i) => (
            <div className={`${block}__item`} key={item.code}>
              <input className={`${block}__input`} id={`${id}-${i}`} type={type} value={item.code} {...form.register(name)} />
              <label className={`govuk-label ${block}__label`} htmlFor={`${id}-${i}`}>
                {item.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  )
}

export function CheckboxesField<V extends FieldValues>(props: FieldProps<V> & { items: readonly CodeItem[] }) {
  return <ChoicesField {...props} type="checkbox" />
}

export function RadiosField<V extends FieldValues>(props: FieldProps<V> & { items: readonly CodeItem[]; inline?: boolean }) {
  return <ChoicesField {...props} type="radio" />
}

export function TextareaField<V extends FieldValues>({ form, name, label, hint, rows = 8 }: FieldProps<V> & { rows?: number }) {
  const { id, error, describedBy } = useFieldState(form, name, hint)
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      <textarea
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        rows={rows}
        aria-describedby={describedBy}
        {...form.register(name)}
      />
    </LabelledField>
  )
}

/** A checkbox held in React state rather than a form (a filter, a list of people to allow). */
export function ToggleCheckbox({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="govuk-checkboxes__item">
      <input className="govuk-checkboxes__input" id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
        {label}
      </label>
    </div>
  )
}
