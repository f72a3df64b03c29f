// A manager approves a closure only after reading it: the closure in full first, then a question
// that must be answered before anything changes. Approving closes the episode (a manager can reopen it).
import { useEffect, useRef, useState } from 'react'
import { formatDate } from '../../../shared/dates'
import { invoke } from '../api'
import { episodeHref, navigate } from '../app/router'
import { ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { FamilyHeader } from '../families/FamilyHeader'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { ClosureSummary } from './ClosureSummary'
import { useEpisode } from './useEpisode'

export const CLOSURE_APPROVED = 'Closure approved. The episode is closed.'

export function ApproveClosurePage({ id, episodeId }: { id: string; episodeId: string }) {
  const { view, episode, error, reload } = useEpisode(id, episodeId)
  const [confirming, setConfirming] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const question = useRef<HTMLHeadingElement>(null)
  // The question is where the keyboard goes next, so it is read out as soon as it is asked.
  useEffect(() => {
    if (confirming) question.current?.focus()
  }, [confirming])
  if (error) return <FamilyNotFound error={error} />
  if (!view || !episode) return <Loading />
  const approve = async () => {
    const result = await invoke('episodes.approveClosure', { id: episode.id, version: episode.version })
    if (result.ok) return navigate(episodeHref(id, episodeId, CLOSURE_APPROVED))
    setConfirming(false)
    setProblem(result.error.message)
    await reload()
  }
  return (
    <>
      <FamilyHeader family={view.family} members={view.members.length} />
      <Page title="Approve the closure" caption={view.family.name}>
        {problem ? <ProblemBanner title="The closure has not been approved" message={problem} /> : null}
        {episode.status !== 'closing' ? (
          <p className="govuk-body">
            This episode is not waiting for its closure to be approved.{' '}
            <a className="govuk-link" href={episodeHref(id, episodeId)}>
              Go to the episode
            </a>
          </p>
        ) : (
          <>
            <p className="govuk-body">
              Early-help episode opened {formatDate(episode.openedOn)}, led by {episode.leadName}. Read the closure before you approve it: approving closes the
              episode and makes its record read-only. A manager can reopen it later.
            </p>
            <ClosureSummary episode={episode} />
            {confirming ? (
              <div className="app-confirm" role="group" aria-labelledby="confirm-heading">
                <h2 className="govuk-heading-m" id="confirm-heading" tabIndex={-1} ref={question}>
                  Are you sure you want to approve this closure?
                </h2>
                <p className="govuk-body">
                  The episode closes with the reason, outcomes and family’s view shown above, recorded by {episode.closure?.requestedBy}.
                </p>
                <div className="govuk-button-group">
                  <button type="button" className="govuk-button" onClick={() => void approve()}>
                    Yes, approve the closure
                  </button>
                  <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setConfirming(false)}>
                    No, go back
                  </button>
                </div>
              </div>
            ) : (
              <div className="govuk-button-group">
                <button type="button" className="govuk-button" onClick={() => setConfirming(true)}>
                  Approve the closure
                </button>
                <a className="govuk-link" href="#/closures">
                  Back to closures to approve
                </a>
                <a className="govuk-link" href={episodeHref(id, episodeId)}>
                  Go to the episode
                </a>
              </div>
            )}
          </>
        )}
      </Page>
    </>
  )
}
