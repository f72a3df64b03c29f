import { useEffect, useState } from 'react'
import type { z } from 'zod'
import { openEpisodeInput } from '../../../shared/earlyHelp/schemas'
import { HEADLINE } from '../../../shared/codes'
import { datePartsToValue, isoToDateParts, todayIso, type DateParts } from '../../../shared/dates'
import { invoke } from '../api'
import { familyHref, navigate } from '../app/router'
import { useContractForm } from '../accounts/useContractForm'
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { CheckboxesField, DateField, SelectField, TextareaField } from '../components/fields'
import { FamilyHeader } from '../families/FamilyHeader'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { useFamily } from '../families/useFamily'

interface Values {
  openedOn: DateParts
  leadUserId: string
  reason: string
  headlines: string[]
}

export function OpenEpisodePage({ id }: { id: string }) {
  const { view, error } = useFamily(id)
  const [leads, setLeads] = useState<{ code: string; label: string }[] | null>(null)
  const toInput = (v: Values) => ({ ...v, familyId: id, openedOn: datePartsToValue(v.openedOn), headlines: v.headlines || [] })
  const { form, attempt, problem, errors, failed, refused } = useContractForm<Values, typeof openEpisodeInput>(
    openEpisodeInput, { openedOn: isoToDateParts(todayIso()), leadUserId: '', reason: '', headlines: [] }, toInput
  )
  useEffect(() => {
    void invoke('episodes.leads', {}).then((r) => r.ok && setLeads(r.value.users.map((u) => ({ code: u.id, label: u.displayName }))))
  }, [])
  if (error) return <FamilyNotFound error={error} />
  if (!view || !leads) return <Loading />
  const onValid = async (input: z.output<typeof openEpisodeInput>) => {
    const result = await invoke('episodes.open', input)
    if (result.ok) navigate(familyHref(id, 'Early-help episode opened.'))
    else refused(result.error)
  }
  return (
    <>
      <FamilyHeader family={view.family} members={view.members.length} />
      <Page title="Open an early-help episode" caption={`Family ${view.family.reference}`}>
        {problem ? <ProblemBanner title="The episode has not been opened" message={problem.message} /> : null}
        <ErrorSummary items={errors} focusKey={attempt} />
        <form noValidate onSubmit={form.handleSubmit(onValid, failed)}>
          <DateField form={form} name="openedOn" label="Date opened" />
          <SelectField form={form} name="leadUserId" label="Lead practitioner" items={leads} />
          <TextareaField form={form} name="reason" label="Why the family needs early help" hint="In plain words the family would recognise." rows={5} />
          <CheckboxesField form={form} name="headlines" label="What the family needs help with" hint="Supporting Families headlines. Select all that apply." items={HEADLINE.items} />
          <div className="app-button-row">
            <button type="submit" className="govuk-button">Open episode</button>
            <a className="govuk-link govuk-!-margin-top-2" href={familyHref(id)}>Cancel</a>
          </div>
        </form>
      </Page>
    </>
  )
}
