import { useState } from 'react'
import type { z } from 'zod'
import { createUserInput, type UserRecord } from '../../../shared/accounts/schemas'
import { ROLES } from '../../../shared/roles'
import type { AppErrorValue } from '../../../shared/result'
import { formatDate } from '../../../shared/dates'
import { invoke } from '../api'
import { navigate } from '../app/router'
import { ErrorSummary, ProblemBanner, SuccessBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { SelectField, TextField } from '../components/fields'
import { useContractForm } from './useContractForm'
import { TableHead } from '../components/TableHead'
import { TableScroll } from '../components/TableScroll'
import { useUsers } from './useUsers'
import { roleLabel } from './roleNames'

const NEW_USER = { displayName: '', username: '', role: '', temporaryPassword: '' }

/** Administrators: who can use Casebook, in which role. */
export function UsersPage({ notice }: { notice?: string }) {
  const { users, error, reload } = useUsers()
  const [problem, setProblem] = useState<AppErrorValue | null>(null)
  const [done, setDone] = useState<string | null>(notice ?? null)
  const { form, attempt, problem: createProblem, errors, failed, refused } = useContractForm<typeof NEW_USER, typeof createUserInput>(createUserInput, NEW_USER)
  if (error)
    return (
      <Page title="Users">
        <ProblemBanner title="Users cannot be shown" message={error.message} />
      </Page>
    )
  if (!users) return <Loading />

  const setDisabled = async (user: UserRecord, disabled: boolean) => {
    setProblem(null)
    const result = await invoke('users.setDisabled', { id: user.id, version: user.version, disabled })
    if (!result.ok) return setProblem(result.error)
    setDone(`${user.displayName} ${disabled ? 'can no longer sign in' : 'can sign in again'}.`)
    await reload()
  }
  const onCreate = async (input: z.output<typeof createUserInput>) => {
    const result = await invoke('users.create', input)
    if (!result.ok) return refused(result.error)
    form.reset(NEW_USER)
    setDone(
      `${input.displayName} has been added. Give them their username (${input.username}) and temporary password; they choose their own when they first sign in.`
    )
    await reload()
  }

  return (
    <Page title="Users" focusHeading={!done}>
      {done ? <SuccessBanner title={done} /> : null}
      {problem ? <ProblemBanner title="That has not been done" message={problem.message} /> : null}
      {/* On a narrow screen the table scrolls inside its own box, not the page. */}
      <TableScroll label="Users">
        <table className="govuk-table">
          <TableHead caption="Users" columns={['Name', 'Username', 'Role', 'Status', 'Last signed in', { label: 'Actions', hidden: true }]} />
          <tbody className="govuk-table__body">
            {users.map((u) => (
              <tr className="govuk-table__row" key={u.id}>
                <th scope="row" className="govuk-table__header">
                  {u.displayName}
                </th>
                <td className="govuk-table__cell">{u.username}</td>
                <td className="govuk-table__cell">{roleLabel(u.role)}</td>
                <td className="govuk-table__cell">
                  {u.disabled ? (
                    <strong className="govuk-tag govuk-tag--grey">Disabled</strong>
                  ) : u.mustChangePassword ? (
                    <strong className="govuk-tag govuk-tag--yellow">New password needed</strong>
                  ) : (
                    <strong className="govuk-tag govuk-tag--green">Active</strong>
                  )}
                </td>
                <td className="govuk-table__cell">{u.lastSignInAt ? formatDate(u.lastSignInAt) : 'Never'}</td>
                <td className="govuk-table__cell">
                  <div className="app-button-row">
                    <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => setDisabled(u, !u.disabled)}>
                      {u.disabled ? 'Enable' : 'Disable'}
                      <span className="govuk-visually-hidden"> {u.displayName}</span>
                    </button>
                    <button
                      type="button"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      onClick={() => navigate(`#/users/${u.id}/reset`)}
                    >
                      Reset password<span className="govuk-visually-hidden"> for {u.displayName}</span>
                    </button>
                    <button
                      type="button"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      onClick={() => navigate(`#/users/${u.id}/edit`)}
                    >
                      Change name or role<span className="govuk-visually-hidden"> of {u.displayName}</span>
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h2 className="govuk-heading-m">Add a user</h2>
      {createProblem ? <ProblemBanner title="The user has not been added" message={createProblem.message} /> : null}
      <ErrorSummary items={errors} focusKey={attempt} />
      <form noValidate onSubmit={form.handleSubmit(onCreate, failed)}>
        <TextField form={form} name="displayName" label="Name" width={20} />
        <TextField form={form} name="username" label="Username" width={20} spellCheck={false} />
        <SelectField form={form} name="role" label="Role" items={ROLES} />
        <TextField
          form={form}
          name="temporaryPassword"
          label="Temporary password"
          type="password"
          width={20}
          autoComplete="new-password"
          hint="At least 12 characters. They must change it when they first sign in."
        />
        <button type="submit" className="govuk-button">
          Add user
        </button>
      </form>
    </Page>
  )
}
