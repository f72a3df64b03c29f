import type { z } from 'zod'
import { updateUserInput, type UserRecord } from '../../../shared/accounts/schemas'
import { ROLES } from '../../../shared/roles'
import { invoke } from '../api'
import { navigate } from '../app/router'
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary'
import { Page } from '../components/Page'
import { SelectField, TextField } from '../components/fields'
import { useContractForm } from './useContractForm'
import { theRole } from './roleNames'
import { WithUser } from './WithUser'

const nameAndRole = updateUserInput.pick({ displayName: true, role: true })
type Values = { displayName: string; role: string }

/** Administrators: a user's name or role. A new role signs them out of every window they have open. */
export function EditUserPage({ userId }: { userId: string }) {
  return (
    <WithUser userId={userId} title="Change name or role">
      {(user) => <EditUserForm user={user} />}
    </WithUser>
  )
}

function EditUserForm({ user }: { user: UserRecord }) {
  const { form, attempt, problem, errors, failed, refused } = useContractForm<Values, typeof nameAndRole>(nameAndRole, {
    displayName: user.displayName,
    role: user.role
  })
  const onValid = async (values: z.output<typeof nameAndRole>) => {
    const result = await invoke('users.update', { id: user.id, version: user.version, ...values })
    if (!result.ok) return refused(result.error)
    const notice =
      values.role === user.role
        ? `${values.displayName}'s details have been changed.`
        : `${values.displayName} now has ${theRole(values.role)}. They must sign in again to use it.`
    navigate(`#/users?notice=${encodeURIComponent(notice)}`)
  }
  return (
    <Page title={`Change ${user.displayName}'s name or role`} caption={`Username: ${user.username}`}>
      {problem ? <ProblemBanner title="The changes have not been saved" message={problem.message} /> : null}
      <ErrorSummary items={errors} focusKey={attempt} />
      <form noValidate onSubmit={form.handleSubmit(onValid, failed)}>
        <TextField form={form} name="displayName" label="Name" width={20} />
        <SelectField form={form} name="role" label="Role" items={ROLES} hint="A new role signs them out of any window they have open." />
        <div className="app-button-row">
          <button type="submit" className="govuk-button">
            Save changes
          </button>
          <a className="govuk-link govuk-!-margin-top-2" href="#/users">
            Cancel
          </a>
        </div>
      </form>
    </Page>
  )
}
