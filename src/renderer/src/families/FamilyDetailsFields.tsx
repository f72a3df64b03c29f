import type { FieldValues, Path, UseFormReturn } from 'react-hook-form'
import { HEARD_ABOUT } from '../../../shared/codes'
import { CheckboxField, SelectField, TextField } from '../components/fields'

/** The household's details; `prefix` is where they sit in the form ('family.' or ''). */
export function FamilyDetailsFields<V extends FieldValues>({ form, prefix }: { form: UseFormReturn<V, any, any>; prefix: string }) {
  const n = (field: string) => `${prefix}${field}` as Path<V>
  return (
    <>
      <TextField form={form} name={n('addressLine1')} label="Address line 1" autoComplete="off" />
      <TextField form={form} name={n('addressLine2')} label="Address line 2 (optional)" />
      <TextField form={form} name={n('town')} label="Town or city" width={20} />
      <TextField form={form} name={n('postcode')} label="Postcode" width={10} />
      <TextField form={form} name={n('phone')} label="Phone number" type="tel" width={20} hint="Optional" />
      <TextField form={form} name={n('email')} label="Email address" type="email" spellCheck={false} hint="Optional" />
      <TextField form={form} name={n('mainLanguage')} label="Main language" width={20} />
      <CheckboxField form={form} name={n('interpreterNeeded')} label="Interpreter needed" />
      <SelectField form={form} name={n('heardAbout')} label="How they heard of the hub" items={HEARD_ABOUT.items} placeholder="Not known" />
    </>
  )
}
