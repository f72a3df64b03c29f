import type { z } from 'zod'
import { changePasswordInput } from '../../../shared/accounts/schemas'
import { invoke } from '../api'
import { navigate } from '../app/router'
import { ErrorSummary, ProblemBanner, SuccessBanner } from '../components/ErrorSummary'
import { Page } from '../components/Page'
import { TextField } from '../components/fields'
import { useAuth } from './useAuth'
import { useContractForm } from './useContractForm'
import { useState } from 'react'

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' }

/** Changing one's own password; required after an administrator has reset it. */
export function ChangePasswordPage({ required }: { required: boolean }) {
  const { signedIn } = useAuth()
  const [done, setDone] = useState(false)
  const { form, attempt, problem, errors, failed, refused } = useContractForm<typeof EMPTY, typeof changePasswordInput>(changePasswordInput, EMPTY)
  const onValid = async (input: z.output<typeof changePasswordInput>) => {
    const result = await invoke('auth.changePassword', input)
    if (!result.ok) return refused(result.error)
    form.reset(EMPTY)
    setDone(true)
    signedIn(result.value)
    if (required) navigate('#/')
  }
  return (
    <Page title={required ? 'Choose a new password' : 'Change your password'}>
      {required ? <p className="govuk-body">Your password was reset or set by an administrator. Choose your own before you continue.</p> : null}
      {done ? <SuccessBanner title="Your password has been changed." /> : null}
      {problem ? <ProblemBanner title="Your password has not been changed" message={problem.message} /> : null}
      <ErrorSummary items={errors} focusKey={attempt} />
      <form noValidate onSubmit={form.handleSubmit(onValid, failed)}>
        <TextField
          form={form}
          name="currentPassword"
          label={required ? 'Password you were given' : 'Current password'}
          type="password"
          width={20}
          autoComplete="current-password"
        />
        <TextField
          form={form}
          name="newPassword"
          label="New password"
          type="password"
          width={20}
          autoComplete="new-password"
          hint="At least 12 characters. Three random words make a good one."
        />
        <TextField form={form} name="confirmPassword" label="Confirm new password" type="password" width={20} autoComplete="new-password" />
        <button type="submit" className="govuk-button">
          Change password
        </button>
      </form>
    </Page>
  )
}
