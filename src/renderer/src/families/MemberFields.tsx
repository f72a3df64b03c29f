import { useEffect, useState } from 'react'
import { get, useWatch, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form'
import { ADULT_RELATIONSHIP, DISABILITY, ETHNICITY, SEX } from '../../../shared/codes'
import { UPN_UNKNOWN } from '../../../shared/referrals/codes'
import type { MemberKind } from '../../../shared/families/schemas'
import { CheckboxesField, CheckboxField, DateField, SelectField, TextField } from '../components/fields'
import { fieldId } from '../components/formErrors'

/** Asked of few people at the desk, so kept behind "Add more details" until they have an answer. */
const MORE_DETAILS = ['school', 'gpPractice', 'disabilities'] as const

/**
 * One person's fields, for the member's kind; `prefix` is where they sit ('members.0.' or ''); `who`
 * names them to a screen reader where a form has several ("Child 2").
 */
export function MemberFields<V extends FieldValues>({
  form,
  prefix,
  kind,
  who
}: {
  form: UseFormReturn<V, any, any>
  prefix: string
  kind: MemberKind
  who?: string
}) {
  const n = (field: string) => `${prefix}${field}` as Path<V>
  const [upn, upnUnknown, school, gpPractice, disabilities] = useWatch({
    control: form.control,
    name: [n('upn'), n('upnUnknown'), ...MORE_DETAILS.map(n)]
  }) as unknown as [string | undefined, string | undefined, string | undefined, string | undefined, string[] | undefined]
  // Open whenever there is something in them to see: an answer (a record being changed, a restored
  // registration) or an error, so nothing is hidden that the user must read or correct.
  const answered = Boolean(school?.trim() || gpPractice?.trim() || disabilities?.length)
  const wrong = MORE_DETAILS.some((field) => get(form.formState.errors, n(field)))
  const [open, setOpen] = useState(answered)
  useEffect(() => {
    if (answered || wrong) setOpen(true)
  }, [answered, wrong])
  const detailsId = `${fieldId(prefix || 'member.')}more-details`
  // Asked when there is no UPN; still shown beside one when a reason was chosen, so it can be taken off.
  const askWhyNoUpn = kind === 'child' && (!upn?.trim() || Boolean(upnUnknown))
  return (
    <>
      <TextField form={form} name={n('givenName')} label="First name" width={20} spellCheck={false} hint={kind === 'unborn' ? 'Optional' : undefined} />
      <TextField form={form} name={n('familyName')} label="Last name" width={20} spellCheck={false} />
      {kind === 'unborn' ? (
        <DateField form={form} name={n('expectedDate')} label="Expected date of delivery" hint="For example, 14 5 2027" />
      ) : (
        <DateField form={form} name={n('dateOfBirth')} label="Date of birth" />
      )}
      <SelectField form={form} name={n('sex')} label="Sex" items={SEX.items} placeholder={kind === 'unborn' ? 'Not known yet' : 'Select'} />
      <SelectField form={form} name={n('ethnicity')} label="Ethnicity" items={ETHNICITY.items} placeholder={kind === 'unborn' ? 'Not known yet' : 'Select'} />
      {kind === 'adult' ? (
        <>
          <SelectField form={form} name={n('relationship')} label="Role in the family" items={ADULT_RELATIONSHIP.items} />
          <CheckboxField form={form} name={n('parentalResponsibility')} label="Has parental responsibility" />
        </>
      ) : null}
      <TextField form={form} name={n('nhsNumber')} label="NHS number" width={10} inputMode="numeric" hint="Optional. 10 digits, like 943 476 5919" />
      {kind === 'child' ? (
        <>
          <TextField form={form} name={n('upn')} label="UPN" width={10} spellCheck={false} hint="Optional. Unique pupil number, 13 characters" />
          {askWhyNoUpn ? (
            <SelectField
              form={form}
              name={n('upnUnknown')}
              label="Why the UPN is not known"
              hint="Optional. The census asks for a reason when a child has no UPN"
              items={UPN_UNKNOWN.items}
              placeholder="Not recorded"
            />
          ) : null}
        </>
      ) : null}
      {kind !== 'unborn' ? (
        <>
          <div className="govuk-!-margin-bottom-4">
            <button type="button" className="app-disclosure" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen((o) => !o)}>
              Add more details{who ? <span className="govuk-visually-hidden"> for {who}</span> : null}
            </button>
          </div>
          <div id={detailsId} className="app-more-details" hidden={!open}>
            {open ? (
              <>
                {kind === 'child' ? <TextField form={form} name={n('school')} label="School or setting" hint="Optional" /> : null}
                <TextField form={form} name={n('gpPractice')} label="GP practice" hint="Optional" />
                <CheckboxesField
                  form={form}
                  name={n('disabilities')}
                  label="Disabilities"
                  hint="Optional. Select all that apply"
                  items={DISABILITY.items.filter((d) => d.code !== 'NONE')}
                />
              </>
            ) : null}
          </div>
        </>
      ) : null}
    </>
  )
}
