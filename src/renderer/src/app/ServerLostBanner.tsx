// On every page while the hub's shared database server cannot be reached (issue 13): said once, at
// the top, instead of leaving each form to explain its failed save. Forms keep what was typed (a
// refused save changes nothing on the page), and the window asks again every few seconds, so the
// banner goes by itself when the server is back and the same save can be made again.
import { useEffect, useState } from 'react'
import { invoke, onServerReach } from '../api'

/** How often a window that has lost the server asks whether it is back. */
const ASK_AGAIN_MS = 5000

export function ServerLostBanner() {
  const [lost, setLost] = useState(false)
  useEffect(() => onServerReach(setLost), [])
  useEffect(() => {
    if (!lost) return
    // auth.status is the lightest call that reaches the database, and does not count as activity.
    const timer = setInterval(() => void invoke('auth.status', {}), ASK_AGAIN_MS)
    return () => clearInterval(timer)
  }, [lost])
  if (!lost) return null
  return (
    <div className="govuk-notification-banner govuk-!-margin-top-4 govuk-!-margin-bottom-0" role="alert" aria-labelledby="server-lost-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="server-lost-title">
          Cannot reach the hub’s database
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">Nothing can be saved or opened until Casebook reaches the hub’s database server again.</p>
        <p className="govuk-body">
          What you have typed stays on the page: save it again once this message has gone. Casebook checks by itself every few seconds. If this goes on, tell
          IT.
        </p>
      </div>
    </div>
  )
}
