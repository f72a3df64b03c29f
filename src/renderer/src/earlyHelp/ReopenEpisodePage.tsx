import type { z } from 'zod'
import { reopenEpisodeInput } from '../../../shared/earlyHelp/schemas'
import { CLOSURE_REASON } from '../../../shared/codes'
import { formatDate } from '../../../shared/dates'
import { invoke } from '../api'
import { episodeHref, navigate } from '../app/router'
import { useContractForm } from '../accounts/useContractForm'
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary'
import { Loading, Page } from '../components/Page'
import { TextareaField } from '../components/fields'
import { FamilyHeader } from '../families/FamilyHeader'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { useEpisode } from './useEpisode'

/** A manager reopens a closed episode, saying why; the closure it replaces stays on record. */
export function ReopenEpisodePage({ id, episodeId }: { id: string; episodeId: string }) {
  const { view, episode, error } = useEpisode(id, episodeId)
  const toInput = (v: { reason: string }) => ({ ...v, id: episodeId, version: episode?.version })
  const { form, attempt, problem, errors, failed, refused } = useContractForm<{ reason: string }, typeof reopenEpisodeInput>(reopenEpisodeInput, { reason: '' }, toInput)
  if (error) return <FamilyNotFound error={error} />
  if (!view || !episode) return <Loading />
  const onValid = async (input: z.output<typeof reopenEpisodeInput>) => {
    const result = await invoke('episodes.reopen', input)
    if (result.ok) navigate(episodeHref(id, episodeId, 'The episode has been reopened.'))
    else refused(result.error)
  }
  return (
    <>
      <FamilyHeader family={view.family} members={view.members.length} />
      <Page title="Reopen the early-help episode" caption={`Family ${view.family.reference}`}>
        {problem ? <ProblemBanner title="The episode has not been reopened" message={problem.message} /> : null}
        <ErrorSummary items={errors} focusKey={attempt} />
        <p className="govuk-body">
          Opened {formatDate(episode.openedOn)}{episode.closedOn ? `, closed ${formatDate(episode.closedOn)}` : ''}{episode.closure ? `: ${CLOSURE_REASON.label(episode.closure.reason)}` : ''}.
          Reopening keeps its team, assessment, plan and reviews, and records why on the chronology.
        </p>
        <form noValidate onSubmit={form.handleSubmit(onValid, failed)}>
          <TextareaField form={form} name="reason" label="Why it is being reopened" rows={4} />
          <div className="app-button-row">
            <button type="submit" className="govuk-button">Reopen the episode</button>
            <a className="govuk-link govuk-!-margin-top-2" href={episodeHref(id, episodeId)}>Cancel</a>
          </div>
        </form>
      </Page>
    </>
  )
}
