// Referring a family on to a service of the directory, from an episode or from screening a request:
// the service, why, who it is about and what may be shared. It is saved as a draft; sending it, on
// the family's consent or a recorded override, is the referral page's next step.
import type { z } from 'zod'
import { createOutboundInput, SHARED_PART } from '../../../shared/referrals/outbound'
import { invoke } from '../api'
import { episodeHref, familyHref, navigate, requestHref } from '../app/router'
import { useContractForm } from '../accounts/useContractForm'
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { CheckboxesField, TextareaField } from '../components/fields'
import { FamilyHeader } from '../families/FamilyHeader'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { personName } from '../families/format'
import { useFamily } from '../families/useFamily'
import { ServicePicker } from './DirectoryPickers'
import { outboundHref } from './outboundRoutes'

interface Values {
  serviceId: string
  reason: string
  personIds: string[]
  shared: string[]
}

export function ReferOnPage({ familyId, episodeId, requestId }: { familyId: string; episodeId: string | null; requestId: string | null }) {
  const { view, error } = useFamily(familyId)
  const toInput = (v: Values) => ({ ...v, familyId, episodeId, requestId, personIds: v.personIds || [], shared: v.shared || [] })
  const { form, attempt, problem, errors, failed, refused } = useContractForm<Values, typeof createOutboundInput>(
    createOutboundInput,
    { serviceId: '', reason: '', personIds: [], shared: [] },
    toInput
  )
  if (error) return <FamilyNotFound error={error} />
  if (!view) return <Loading />
  const back = episodeId ? episodeHref(familyId, episodeId) : requestId ? requestHref(requestId) : familyHref(familyId)
  const people = view.members.map((m) => ({ code: m.id, label: personName(m) }))
  const onValid = async (input: z.output<typeof createOutboundInput>) => {
    const result = await invoke('referrals.createOutbound', input)
    if (!result.ok) return refused(result.error)
    navigate(outboundHref(result.value.id, 'Referral saved as a draft. Check it, then send it.'))
  }
  return (
    <>
      <FamilyHeader family={view.family} members={view.members.length} />
      <Page title="Refer on to a service" caption={view.family.name}>
        <p className="govuk-body">
          The referral is saved as a draft. It can only be sent once the family has agreed to share information with the service’s organisation, or you record
          why sharing without their consent is justified.
        </p>
        {problem ? <ProblemBanner title="The referral has not been saved" message={problem.message} /> : null}
        <ErrorSummary items={errors} focusKey={attempt} />
        <form noValidate onSubmit={form.handleSubmit(onValid, failed)}>
          <ServicePicker form={form} name="serviceId" label="The service to refer the family to" />
          <TextareaField form={form} name="reason" label="Why the family is being referred" rows={5} />
          <CheckboxesField form={form} name="personIds" label="The people the referral is about" hint="Select all that apply." items={people} />
          <CheckboxesField
            form={form}
            name="shared"
            label="What will be shared with the service"
            hint="Only the parts ticked are printed on the referral."
            items={SHARED_PART.items}
          />
          <div className="app-button-row">
            <button type="submit" className="govuk-button">
              Save the referral as a draft
            </button>
            <a className="govuk-link govuk-!-margin-top-2" href={back}>
              Cancel
            </a>
          </div>
        </form>
      </Page>
    </>
  )
}
