import { useEffect, useState } from 'react'
import type { z } from 'zod'
import { updateHubInput } from '../../../shared/hub/schemas'
import { invoke } from '../api'
import { useAuth } from '../accounts/useAuth'
import { useContractForm } from '../accounts/useContractForm'
import { ErrorSummary, ProblemBanner, SuccessBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { CheckboxField, RadiosField, TextField } from '../components/fields'
import { STEP_UP_SOURCE } from '../../../shared/referrals/codes'

interface Values {
  version: number
  name: string
  localAuthorityCode: string
  idleLockMinutes: string
  closureNeedsApproval: boolean
  reviewWeeks: string
  requestDecisionDays: string
  referralAckDays: string
  stepUpSource: string
  exportNoteText: boolean
  contactGapDays: string
}

/** Administrators: the hub's name, its authority, how soon an unattended screen locks, and early-help rules. */
export function HubSettingsPage() {
  const { refresh } = useAuth()
  const [code, setCode] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const { form, attempt, problem, errors, failed, refused } = useContractForm<Values, typeof updateHubInput>(updateHubInput, {
    version: 0,
    name: '',
    localAuthorityCode: '',
    idleLockMinutes: '',
    closureNeedsApproval: true,
    reviewWeeks: '',
    requestDecisionDays: '',
    referralAckDays: '',
    stepUpSource: '',
    exportNoteText: false,
    contactGapDays: ''
  })
  useEffect(() => {
    void invoke('hub.settings', {}).then((r) => {
      if (!r.ok) return refused(r.error)
      form.reset({
        ...r.value,
        idleLockMinutes: String(r.value.idleLockMinutes),
        reviewWeeks: String(r.value.reviewWeeks),
        requestDecisionDays: String(r.value.requestDecisionDays),
        referralAckDays: String(r.value.referralAckDays),
        contactGapDays: String(r.value.contactGapDays)
      })
      setCode(r.value.code)
    })
  }, []) // eslint-disable-line react-hooks/exhaustive-deps
  if (code === null && !problem) return <Loading />
  const onValid = async (input: z.output<typeof updateHubInput>) => {
    setSaved(false)
    const result = await invoke('hub.update', input)
    if (!result.ok) return refused(result.error)
    form.setValue('version', result.value.version)
    setSaved(true)
    await refresh()
  }
  return (
    <Page title="Hub settings">
      {saved ? <SuccessBanner title="Hub settings saved." /> : null}
      {problem ? <ProblemBanner title="The settings have not been saved" message={problem.message} /> : null}
      <ErrorSummary items={errors} focusKey={attempt} />
      <p className="govuk-body">
        Hub code: <strong>{code}</strong>. It starts every family reference, so it cannot be changed.
      </p>
      <form noValidate onSubmit={form.handleSubmit(onValid, failed)}>
        <TextField form={form} name="name" label="Hub name" />
        <TextField form={form} name="localAuthorityCode" label="Local authority code" width={3} inputMode="numeric" />
        <TextField
          form={form}
          name="idleLockMinutes"
          label="Lock the screen after this many minutes without use"
          hint="1 to 60. The usual is 10."
          width={3}
          inputMode="numeric"
        />
        <h2 className="govuk-heading-m">Early help</h2>
        <TextField
          form={form}
          name="reviewWeeks"
          label="Weeks between family plan reviews"
          hint="1 to 26. The first review is this long after the plan is agreed, and each review suggests the next this far ahead. The usual is 6."
          width={3}
          inputMode="numeric"
        />
        <TextField
          form={form}
          name="contactGapDays"
          label="Flag an open episode after this many days without contact"
          hint="7 to 180. The caseload lists flag a family with no recorded contact (a case note) for longer than this. The usual is 28."
          width={3}
          inputMode="numeric"
        />
        <CheckboxField
          form={form}
          name="closureNeedsApproval"
          label="A manager approves each closure of an early-help episode"
          hint="When this is ticked, a practitioner's closure waits for a manager. A manager's own closure takes effect at once."
        />
        <h2 className="govuk-heading-m">Requests for help and referrals</h2>
        <TextField
          form={form}
          name="requestDecisionDays"
          label="Working days to decide a request for help"
          hint="1 to 10, counted from the day it came in; weekends and bank holidays do not count. Requests not decided in time are highlighted. The usual is 2."
          width={3}
          inputMode="numeric"
        />
        <TextField
          form={form}
          name="referralAckDays"
          label="Working days for a service to acknowledge a referral"
          hint="1 to 20. Referrals not acknowledged in time are highlighted. The usual is 5."
          width={3}
          inputMode="numeric"
        />
        <RadiosField
          form={form}
          name="stepUpSource"
          label="How the local authority codes the hub's step-ups to children's social care"
          hint="The referral source on each step-up's Children in Need record. Ask the authority which it uses."
          items={STEP_UP_SOURCE.items}
        />
        <h2 className="govuk-heading-m">Export to the local authority</h2>
        <CheckboxField
          form={form}
          name="exportNoteText"
          label="Send case notes' text in the export"
          hint="What practitioners write in case notes is the most sensitive thing Casebook holds. Unticked, the export sends only when each note was made and what kind of contact it was. Tick this only if the authority needs the text and has agreed how it will keep it. Pseudonymised packages never include it."
        />
        <button type="submit" className="govuk-button">
          Save settings
        </button>
      </form>
    </Page>
  )
}
