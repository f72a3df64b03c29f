import { useMemo } from 'react'
import type { z } from 'zod'
import { addNoteInput } from '../../../shared/earlyHelp/schemas'
import { NOTE_TYPE } from '../../../shared/codes'
import { datePartsToValue, isoToDateParts, todayIso, type DateParts } from '../../../shared/dates'
import { invoke } from '../api'
import { familyHref, navigate } from '../app/router'
import { useContractForm } from '../accounts/useContractForm'
import { useDraft } from '../drafts/useDraft'
import { DraftFormPage } from '../drafts/DraftFormPage'
import { Loading } from '../components/Page'
import { CheckboxField, CheckboxesField, DateField, RadiosField, TextareaField, TextField } from '../components/fields'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { useFamily } from '../families/useFamily'
import { personName } from '../families/format'

interface Values {
  occurredOn: DateParts
  occurredAt: string
  type: string
  peopleIds: string[]
  text: string
  significant: boolean
}

const nowTime = () => new Date().toTimeString().slice(0, 5)

/** A case note, saved as a draft while it is typed so that nothing is lost. */
export function NotePage({ id }: { id: string }) {
  const { view, error } = useFamily(id)
  const key = `case-note:${id}`
  const blank = useMemo<Values>(
    () => ({ occurredOn: isoToDateParts(todayIso()), occurredAt: nowTime(), type: '', peopleIds: [], text: '', significant: false }),
    []
  )
  const toInput = (v: Values) => ({ ...v, familyId: id, occurredOn: datePartsToValue(v.occurredOn), peopleIds: v.peopleIds || [], draftKey: key })
  const { form, attempt, problem, errors, failed, refused } = useContractForm<Values, typeof addNoteInput>(addNoteInput, blank, toInput)
  const draft = useDraft(key, form, blank)
  if (error) return <FamilyNotFound error={error} />
  if (!view) return <Loading />
  const onValid = async (input: z.output<typeof addNoteInput>) => {
    const result = await draft.saveRecord(() => invoke('notes.add', input))
    if (result.ok) navigate(`#/families/${id}/chronology?notice=${encodeURIComponent('Case note saved.')}`)
    else refused(result.error)
  }
  return (
    <DraftFormPage
      family={view.family}
      members={view.members.length}
      title="Add a case note"
      what="note"
      draft={draft}
      problem={problem}
      errors={errors}
      attempt={attempt}
      onSubmit={form.handleSubmit(onValid, failed)}
      submitLabel="Save note"
      backHref={familyHref(id)}
      backLabel="Back to the family"
    >
      <DateField form={form} name="occurredOn" label="Date of the contact" />
      <TextField form={form} name="occurredAt" label="Time" hint="Like 14:30" width={5} />
      <RadiosField form={form} name="type" label="Kind of contact" items={NOTE_TYPE.items} />
      <CheckboxesField
        form={form}
        name="peopleIds"
        label="People involved"
        hint="Optional"
        items={view.members.map((m) => ({ code: m.id, label: personName(m) }))}
      />
      <TextareaField form={form} name="text" label="Note" rows={10} />
      <CheckboxField
        form={form}
        name="significant"
        label="Significant event"
        hint="It belongs on the short chronology: a change in risk, a crisis, a key decision."
      />
    </DraftFormPage>
  )
}
