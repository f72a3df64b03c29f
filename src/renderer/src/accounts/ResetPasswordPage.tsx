import { resetPasswordInput, type UserRecord } from '../../../shared/accounts/schemas'
import { invoke } from '../api'
import { navigate } from '../app/router'
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary'
import { Page } from '../components/Page'
import { TextField } from '../components/fields'
import { useContractForm } from './useContractForm'
import { WithUser } from './WithUser'

const resetForm = resetPasswordInput.pick({ temporaryPassword: true })

/** Administrators: give a user a temporary password, which they must change when they next sign in. */
export function ResetPasswordPage({ userId }: { userId: string }) {
  return (
    <WithUser userId={userId} title="Reset password">
      {(user) => <ResetPasswordForm user={user} />}
    </WithUser>
  )
}

function ResetPasswordForm({ user }: { user: UserRecord }) {
  const { form, attempt, problem, errors, failed, refused } = useContractForm<{ temporaryPassword: string }, typeof resetForm>(resetForm, {
    temporaryPassword: ''
  })
  const onValid = async ({ temporaryPassword }: { temporaryPassword: string }) => {
    const result = await invoke('users.resetPassword', { id: user.id, version: user.version, temporaryPassword })
    if (!result.ok) return refused(result.error)
    navigate(`#/users?notice=${encodeURIComponent(`${user.displayName}'s password has been reset. They must choose a new one when they next sign in.`)}`)
  }
  return (
    <Page title={`Reset ${user.displayName}'s password`}>
      {problem ? <ProblemBanner title="The password has not been reset" message={problem.message} /> : null}
      <ErrorSummary items={errors} focusKey={attempt} />
      <form noValidate onSubmit={form.handleSubmit(onValid, failed)}>
        <TextField
          form={form}
          name="temporaryPassword"
          label="Temporary password"
          type="password"
          width={20}
          autoComplete="new-password"
          hint="At least 12 characters. Give it to them in person or by phone."
        />
        <div className="app-button-row">
          <button type="submit" className="govuk-button">
            Reset password
          </button>
          <a className="govuk-link govuk-!-margin-top-2" href="#/users">
            Cancel
          </a>
        </div>
      </form>
    </Page>
  )
}
