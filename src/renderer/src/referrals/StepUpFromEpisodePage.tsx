// Stepping up from an early-help episode closed (or closing) as "stepped up to children's social
// care": the closure says why the episode ended; this makes the referral itself, under the
// safeguarding warning, with the concern, the children and the day (the closure's step-up date).
import { useEffect, useState } from 'react'
import type { z } from 'zod'
import { datePartsToValue, isoToDateParts, todayIso, type DateParts } from '../../../shared/dates'
import type { EpisodeDetail } from '../../../shared/earlyHelp/schemas'
import { stepUpFromEpisodeInput } from '../../../shared/referrals/stepUp'
import type { AppErrorValue } from '../../../shared/result'
import { invoke } from '../api'
import { episodeHref, navigate } from '../app/router'
import { useContractForm } from '../accounts/useContractForm'
import { Loading, Page } from '../components/Page'
import { ProblemBanner } from '../components/ErrorSummary'
import { CheckboxesField, DateField, TextareaField } from '../components/fields'
import { FamilyFormPage } from '../families/FamilyFormPage'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { personName } from '../families/format'
import { useFamily } from '../families/useFamily'
import { StepUpWarning } from './StepUpWarning'
import { stepUpHref } from './stepUpRoutes'

export function StepUpFromEpisodePage({ familyId, episodeId }: { familyId: string; episodeId: string }) {
  const { view, error } = useFamily(familyId)
  const [episode, setEpisode] = useState<EpisodeDetail | null>(null)
  const [episodeError, setEpisodeError] = useState<AppErrorValue | null>(null)
  useEffect(() => {
    void invoke('episodes.get', { id: episodeId }).then((r) => (r.ok ? setEpisode(r.value) : setEpisodeError(r.error)))
  }, [episodeId])
  if (error) return <FamilyNotFound error={error} />
  if (episodeError)
    return (
      <Page title="Episode not found">
        <ProblemBanner title="This episode cannot be stepped up" message={episodeError.message} />
      </Page>
    )
  if (!view || !episode) return <Loading />
  return <StepUpForm view={view} episode={episode} />
}

interface Values {
  concern: string
  childIds: string[]
  steppedUpOn: DateParts
}

function StepUpForm({ view, episode }: { view: NonNullable<ReturnType<typeof useFamily>['view']>; episode: EpisodeDetail }) {
  const children = view.members.filter((m) => m.kind !== 'adult')
  const toInput = (v: Values) => ({ ...v, episodeId: episode.id, childIds: v.childIds || [], steppedUpOn: datePartsToValue(v.steppedUpOn) })
  const { form, attempt, problem, errors, failed, refused } = useContractForm<Values, typeof stepUpFromEpisodeInput>(
    stepUpFromEpisodeInput,
    { concern: '', childIds: children.map((c) => c.id), steppedUpOn: isoToDateParts(episode.closure?.stepUpOn ?? todayIso()) },
    toInput
  )
  const onValid = async (input: z.output<typeof stepUpFromEpisodeInput>) => {
    const result = await invoke('referrals.stepUpFromEpisode', input)
    if (!result.ok) return refused(result.error)
    navigate(stepUpHref(result.value.id, 'The step-up to children’s social care has been made.'))
  }
  return (
    <FamilyFormPage
      family={view.family}
      members={view.members.length}
      title="Step up to children’s social care"
      problemTitle="The step-up has not been made"
      problem={problem}
      errors={errors}
      attempt={attempt}
      onSubmit={form.handleSubmit(onValid, failed)}
      submitLabel="Make the step-up"
      backHref={episodeHref(view.family.id, episode.id)}
      backLabel="Back to the episode"
      intro={<StepUpWarning />}
    >
      <TextareaField
        form={form}
        name="concern"
        label="The concern for the children"
        hint="What has happened, what you are worried will happen, what early help has tried, and what the family knows. Social care will read this."
        rows={6}
      />
      <CheckboxesField form={form} name="childIds" label="The children it is about" items={children.map((c) => ({ code: c.id, label: personName(c) }))} />
      <DateField form={form} name="steppedUpOn" label="Date of the step-up" />
    </FamilyFormPage>
  )
}
