import type { z } from 'zod'
import { signInInput } from '../../../shared/accounts/schemas'
import { invoke } from '../api'
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary'
import { Page } from '../components/Page'
import { TextField } from '../components/fields'
import { useAuth } from './useAuth'
import { useContractForm } from './useContractForm'

/** `signedOutBecause`: why the core ended this window's last session (an account disabled, a password reset, a new role). */
export function SignInPage({ hubName, signedOutBecause }: { hubName: string; signedOutBecause: string | null }) {
  const { signedIn } = useAuth()
  const { form, attempt, problem, errors, failed, refused } = useContractForm<{ username: string; password: string }, typeof signInInput>(signInInput, {
    username: '',
    password: ''
  })
  const onValid = async (input: z.output<typeof signInInput>) => {
    const result = await invoke('auth.signIn', input)
    if (result.ok) return signedIn(result.value)
    form.setValue('password', '')
    refused(result.error)
  }
  return (
    // The one thing to do here is type a username: it has focus, not the heading (Page's default).
    <Page title="Sign in" caption={hubName} focusHeading={false}>
      {signedOutBecause ? (
        <div className="govuk-notification-banner" role="region" aria-labelledby="signed-out-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="signed-out-title">
              You have been signed out
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{signedOutBecause}</p>
          </div>
        </div>
      ) : null}
      {problem ? <ProblemBanner title="You have not been signed in" message={problem.message} /> : null}
      <ErrorSummary items={errors} focusKey={attempt} />
      <form noValidate onSubmit={form.handleSubmit(onValid, failed)}>
        <TextField form={form} name="username" label="Username" width={20} spellCheck={false} autoComplete="username" autoFocus />
        <TextField form={form} name="password" label="Password" type="password" width={20} autoComplete="current-password" />
        <button type="submit" className="govuk-button">
          Sign in
        </button>
      </form>
      <p className="govuk-body">Forgotten your password? Ask your hub's administrator to reset it.</p>
    </Page>
  )
}
