import type { z } from 'zod'
import { reopenEpisodeInput } from '../../../shared/earlyHelp/schemas'
import { CLOSURE_REASON } from '../../../shared/codes'
import { formatDate } from '../../../shared/dates'
import { invoke } from '../api'
import { episodeHref, navigate } from '../app/router'
import { useContractForm } from '../accounts/useContractForm'
import { Loading } from '../components/Page'
import { TextareaField } from '../components/fields'
import { FamilyFormPage } from '../families/FamilyFormPage'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { useEpisode } from './useEpisode'

/** A manager reopens a closed episode, saying why; the closure it replaces stays on record. */
export function ReopenEpisodePage({ id, episodeId }: { id: string; episodeId: string }) {
  const { view, episode, error } = useEpisode(id, episodeId)
  const toInput = (v: { reason: string }) => ({ ...v, id: episodeId, version: episode?.version })
  const { form, attempt, problem, errors, failed, refused } = useContractForm<{ reason: string }, typeof reopenEpisodeInput>(
    reopenEpisodeInput,
    { reason: '' },
    toInput
  )
  if (error) return <FamilyNotFound error={error} />
  if (!view || !episode) return <Loading />
  const onValid = async (input: z.output<typeof reopenEpisodeInput>) => {
    const result = await invoke('episodes.reopen', input)
    if (result.ok) navigate(episodeHref(id, episodeId, 'The episode has been reopened.'))
    else refused(result.error)
  }
  return (
    <FamilyFormPage
      family={view.family}
      members={view.members.length}
      title="Reopen the early-help episode"
      problemTitle="The episode has not been reopened"
      problem={problem}
      errors={errors}
      attempt={attempt}
      onSubmit={form.handleSubmit(onValid, failed)}
      submitLabel="Reopen the episode"
      backHref={episodeHref(id, episodeId)}
      backLabel="Cancel"
      intro={
        <p className="govuk-body">
          Opened {formatDate(episode.openedOn)}
          {episode.closedOn ? `, closed ${formatDate(episode.closedOn)}` : ''}
          {episode.closure ? `: ${CLOSURE_REASON.label(episode.closure.reason)}` : ''}. Reopening keeps its team, assessment, plan and reviews, and records why
          on the chronology.
        </p>
      }
    >
      <TextareaField form={form} name="reason" label="Why it is being reopened" rows={4} />
    </FamilyFormPage>
  )
}
