// Registering a family on the spot for a request for help: the existing registration form (its
// duplicate check and its kept typing included), then back to the request with that family chosen.
import { useEffect } from 'react'
import { logRequestHref, parseRoute, redirectNavigation } from '../app/router'
import { RegisterPage } from '../families/RegisterPage'

export function RegisterForRequestPage() {
  // The form goes to the family it saved, with its notice, when it is done: here, the request takes
  // that family instead, and says the same.
  useEffect(
    () =>
      redirectNavigation((hash) => {
        const route = parseRoute(hash)
        return route.name === 'family' ? logRequestHref(route.id, route.notice) : hash
      }),
    []
  )
  return (
    <>
      <a className="govuk-back-link" href={logRequestHref()}>
        Back to the request for help
      </a>
      <RegisterPage />
    </>
  )
}
