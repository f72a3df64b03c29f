import type { z } from 'zod'
import { signInInput } from '../../../shared/accounts/schemas'
import { invoke } from '../api'
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary'
import { Page } from '../components/Page'
import { TextField } from '../components/fields'
import { useAuth } from './useAuth'
import { useContractForm } from './useContractForm'

export function SignInPage({ hubName }: { hubName: string }) {
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
    <Page title="Sign in" caption={hubName}>
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
