import { useEffect, useState } from 'react'
import { consentGivers } from '../consent/givers'
import type { z } from 'zod'
import { NEW_CONSENT, openEpisodeInput } from '../../../shared/earlyHelp/schemas'
import { CONSENT_METHOD, HEADLINE } from '../../../shared/codes'
import { datePartsToValue, formatDate, isoToDateParts, todayIso, type DateParts } from '../../../shared/dates'
import { invoke } from '../api'
import { episodeHref, familyHref, navigate } from '../app/router'
import { useContractForm } from '../accounts/useContractForm'
import { Loading } from '../components/Page'
import { CheckboxesField, DateField, RadiosField, SelectField, TextareaField } from '../components/fields'
import { FamilyFormPage } from '../families/FamilyFormPage'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { useFamily } from '../families/useFamily'

interface Values {
  openedOn: DateParts
  leadUserId: string
  reason: string
  headlines: string[]
  consentId: string
  consentGivenById: string
  consentMethod: string
  consentGivenOn: DateParts
}

export function OpenEpisodePage({ id }: { id: string }) {
  const { view, error } = useFamily(id)
  const [leads, setLeads] = useState<{ code: string; label: string }[] | null>(null)
  const toInput = (v: Values) => ({
    ...v,
    familyId: id,
    openedOn: datePartsToValue(v.openedOn),
    headlines: v.headlines || [],
    consentId: v.consentId || undefined,
    consentGivenOn: v.consentId === NEW_CONSENT ? (datePartsToValue(v.consentGivenOn) ?? null) : null
  })
  const { form, attempt, problem, errors, failed, refused } = useContractForm<Values, typeof openEpisodeInput>(
    openEpisodeInput,
    {
      openedOn: isoToDateParts(todayIso()),
      leadUserId: '',
      reason: '',
      headlines: [],
      consentId: '',
      consentGivenById: '',
      consentMethod: '',
      consentGivenOn: isoToDateParts(todayIso())
    },
    toInput
  )
  const consentId = form.watch('consentId')
  useEffect(() => {
    void invoke('episodes.leads', {}).then((r) => r.ok && setLeads(r.value.users.map((u) => ({ code: u.id, label: u.displayName }))))
  }, [])
  if (error) return <FamilyNotFound error={error} />
  if (!view || !leads) return <Loading />
  const consents = view.consents.filter((c) => c.scope === 'EARLY_HELP' && !c.withdrawnOn)
  const consentChoices = [
    ...consents.map((c) => ({ code: c.id, label: `Given by ${c.givenByName} on ${formatDate(c.givenOn)} (${CONSENT_METHOD.label(c.method).toLowerCase()})` })),
    { code: NEW_CONSENT, label: consents.length ? 'They have given it again: record it now' : 'They have given it: record it now' }
  ]
  const onValid = async (input: z.output<typeof openEpisodeInput>) => {
    const result = await invoke('episodes.open', input)
    if (result.ok) navigate(episodeHref(id, result.value.id, 'Early-help episode opened. Next, add the Team Around the Family and start the assessment.'))
    else refused(result.error)
  }
  return (
    <FamilyFormPage
      family={view.family}
      members={view.members.length}
      title="Open an early-help episode"
      problemTitle="The episode has not been opened"
      problem={problem}
      errors={errors}
      attempt={attempt}
      onSubmit={form.handleSubmit(onValid, failed)}
      submitLabel="Open episode"
      backHref={familyHref(id)}
      backLabel="Cancel"
    >
      <DateField form={form} name="openedOn" label="Date opened" />
      <SelectField form={form} name="leadUserId" label="Lead practitioner" items={leads} />
      <TextareaField form={form} name="reason" label="Why the family needs early help" hint="In plain words the family would recognise." rows={5} />
      <CheckboxesField
        form={form}
        name="headlines"
        label="What the family needs help with"
        hint="Supporting Families headlines. Select all that apply."
        items={HEADLINE.items}
      />
      <RadiosField
        form={form}
        name="consentId"
        label="The family's consent to early help"
        hint="Early help is voluntary: the family agrees to the assessment and to working with the Team Around the Family."
        items={consentChoices}
      />
      {consentId === NEW_CONSENT ? (
        <div className="govuk-inset-text">
          <SelectField form={form} name="consentGivenById" label="Who gave consent" items={consentGivers(view.members)} />
          <RadiosField form={form} name="consentMethod" label="How consent was given" items={CONSENT_METHOD.items} inline />
          <DateField form={form} name="consentGivenOn" label="Date consent was given" />
        </div>
      ) : null}
    </FamilyFormPage>
  )
}
