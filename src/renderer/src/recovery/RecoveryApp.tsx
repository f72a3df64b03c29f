// The window while Casebook cannot use its database: the app's header (with no menu: there is
// nothing to go to) around the recovery screen, or, when the core cannot even say what is wrong,
// that in plain words with a way to ask again. Never a blank window.
import type { ReactNode } from 'react'
import { ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { SkipLink } from '../components/SkipLink'
import { RecoveryPage } from './RecoveryPage'
import type { Recovery } from './useRecoveryStatus'

export function RecoveryApp({ recovery }: { recovery: Recovery }) {
  const { status, problem } = recovery
  let content: ReactNode
  if (status && status.state !== 'ok') content = <RecoveryPage status={status} onOpened={recovery.opened} />
  else if (problem) content = <CannotStart message={problem.message} onRetry={() => void recovery.ask()} />
  else content = <Loading />
  return (
    <>
      <SkipLink />
      <header className="app-header" role="banner">
        <div className="govuk-width-container app-header__inner">
          <p className="app-header__name">Casebook</p>
        </div>
      </header>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          {content}
        </main>
      </div>
    </>
  )
}

function CannotStart({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <Page title="Casebook cannot start">
      <ProblemBanner title="Casebook could not check its database" message={message} />
      <p className="govuk-body">Nothing has been changed. Try again; if this page comes back, show it to IT.</p>
      <button type="button" className="govuk-button" onClick={onRetry}>
        Try again
      </button>
    </Page>
  )
}
