import type { z } from 'zod'
import { setupInput } from '../../../shared/accounts/schemas'
import { invoke } from '../api'
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary'
import { Page } from '../components/Page'
import { TextField } from '../components/fields'
import { useAuth } from './useAuth'
import { useContractForm } from './useContractForm'

const EMPTY = { hubName: '', hubCode: '', localAuthorityCode: '', displayName: '', username: '', password: '', confirmPassword: '' }

/** The first start on an empty database: the hub, and its first administrator. */
export function SetupPage() {
  const { signedIn } = useAuth()
  const { form, attempt, problem, errors, failed, refused } = useContractForm<typeof EMPTY, typeof setupInput>(setupInput, EMPTY)
  const onValid = async (input: z.output<typeof setupInput>) => {
    const result = await invoke('auth.setUp', { ...input, hubCode: input.hubCode as string })
    if (result.ok) signedIn(result.value)
    else refused(result.error)
  }
  return (
    <Page title="Set up Casebook">
      <p className="govuk-body">
        This database is new. Enter the hub's details and create the first administrator account. The administrator then adds everyone else.
      </p>
      {problem ? <ProblemBanner title="Casebook has not been set up" message={problem.message} /> : null}
      <ErrorSummary items={errors} focusKey={attempt} />
      <form noValidate onSubmit={form.handleSubmit(onValid, failed)}>
        <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
            <h2 className="govuk-fieldset__heading">The hub</h2>
          </legend>
          <TextField form={form} name="hubName" label="Hub name" />
          <TextField form={form} name="hubCode" label="Hub code" hint="2 to 5 letters. Every family reference starts with it, like RV-000012." width={5} />
          <TextField form={form} name="localAuthorityCode" label="Local authority code" hint="3 digits, from the DfE's list" width={3} inputMode="numeric" />
        </fieldset>
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
            <h2 className="govuk-fieldset__heading">The first administrator</h2>
          </legend>
          <TextField form={form} name="displayName" label="Your name" width={20} />
          <TextField form={form} name="username" label="Username" width={20} spellCheck={false} autoComplete="username" />
          <TextField
            form={form}
            name="password"
            label="Password"
            type="password"
            width={20}
            autoComplete="new-password"
            hint="At least 12 characters. Three random words make a good one."
          />
          <TextField form={form} name="confirmPassword" label="Confirm password" type="password" width={20} autoComplete="new-password" />
        </fieldset>
        <button type="submit" className="govuk-button">
          Set up Casebook
        </button>
      </form>
    </Page>
  )
}
