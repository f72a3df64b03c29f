import type { ReactNode } from 'react'
import type { UserRecord } from '../../../shared/accounts/schemas'
import { ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { useUsers } from './useUsers'

/**
 * An administrator's page about one user, named in the address: the page itself once the user has
 * been read, or a plain page when users cannot be read or this one is not there (a stale or mistyped
 * address, or someone else's change), with the way back to the list.
 */
export function WithUser({ userId, title, children }: { userId: string; title: string; children: (user: UserRecord) => ReactNode }) {
  const { users, error } = useUsers()
  if (error)
    return (
      <Page title={title}>
        <ProblemBanner title="Users cannot be shown" message={error.message} />
      </Page>
    )
  if (!users) return <Loading />
  const user = users.find((u) => u.id === userId)
  if (!user)
    return (
      <Page title="User not found">
        <p className="govuk-body">
          <a className="govuk-link" href="#/users">
            Back to users
          </a>
        </p>
      </Page>
    )
  return children(user)
}
