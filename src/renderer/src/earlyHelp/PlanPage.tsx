import { useMemo } from 'react'
import { useFieldArray, type UseFormReturn } from 'react-hook-form'
import type { z } from 'zod'
import { savePlanInput } from '../../../shared/earlyHelp/plan'
import type { EpisodeDetail } from '../../../shared/earlyHelp/schemas'
import type { FamilyView } from '../../../shared/contract'
import { ACTION_STATUS, HEADLINE, type CodeItem } from '../../../shared/codes'
import { datePartsToValue, EMPTY_DATE_PARTS, isoToDateParts, todayIso, type DateParts } from '../../../shared/dates'
import { invoke } from '../api'
import { episodeHref, navigate } from '../app/router'
import { useContractForm } from '../accounts/useContractForm'
import { useDraft } from '../drafts/useDraft'
import { DraftFormPage } from '../drafts/DraftFormPage'
import { Loading, Page } from '../components/Page'
import { ContentsList } from '../components/ContentsList'
import { namedByPart } from '../components/formErrors'
import { CheckboxesField, DateField, SelectField, TextareaField } from '../components/fields'
import { FamilyNotFound } from '../families/FamilyNotFound'
import { personName } from '../families/format'
import { participants, useEpisode } from './useEpisode'

interface ActionValues {
  id: string
  what: string
  owner: string
  due: DateParts
  status: string
}
interface OutcomeValues {
  id: string
  text: string
  headline: string
  peopleIds: string[]
  actions: ActionValues[]
}
interface Values {
  /** The version this form started from, kept in the draft so a colleague's save is never overwritten. */
  baseVersion: number | null
  agreedOn: DateParts
  outcomes: OutcomeValues[]
}

const newAction = (): ActionValues => ({ id: crypto.randomUUID(), what: '', owner: '', due: { ...EMPTY_DATE_PARTS }, status: 'NOT_STARTED' })
const newOutcome = (): OutcomeValues => ({ id: crypto.randomUUID(), text: '', headline: '', peopleIds: [], actions: [newAction()] })

function initialValues(episode: EpisodeDetail): Values {
  const plan = episode.plan
  if (!plan) return { baseVersion: null, agreedOn: isoToDateParts(todayIso()), outcomes: [newOutcome()] }
  return {
    baseVersion: plan.version,
    agreedOn: isoToDateParts(plan.agreedOn),
    outcomes: plan.outcomes.map((o) => ({ ...o, actions: o.actions.map((a) => ({ ...a, owner: a.owner as string, due: isoToDateParts(a.due) })) }))
  }
}

export function PlanPage({ id, episodeId }: { id: string; episodeId: string }) {
  const { view, episode, error } = useEpisode(id, episodeId)
  if (error) return <FamilyNotFound error={error} />
  if (!view || !episode) return <Loading />
  if (episode.status !== 'open')
    return (
      <Page title="This episode is closed">
        <p className="govuk-body">
          Its plan can be read and printed from{' '}
          <a className="govuk-link" href={episodeHref(id, episodeId)}>
            the episode's page
          </a>
          .
        </p>
      </Page>
    )
  return <PlanForm view={view} episode={episode} />
}

function PlanForm({ view, episode }: { view: FamilyView; episode: EpisodeDetail }) {
  const familyId = view.family.id
  const key = `family-plan:${episode.id}`
  const blank = useMemo(() => initialValues(episode), [episode])
  const toInput = (v: Values) => ({
    episodeId: episode.id,
    version: v.baseVersion,
    agreedOn: datePartsToValue(v.agreedOn),
    draftKey: key,
    outcomes: v.outcomes.map((o) => ({ ...o, peopleIds: o.peopleIds || [], actions: o.actions.map((a) => ({ ...a, due: datePartsToValue(a.due) })) }))
  })
  const { form, attempt, problem, errors, failed, refused } = useContractForm<Values, typeof savePlanInput>(savePlanInput, blank, toInput)
  const draft = useDraft(key, form, blank)
  const outcomes = useFieldArray({ control: form.control, name: 'outcomes', keyName: 'key' })
  const members: CodeItem[] = view.members.map((m) => ({ code: m.id, label: personName(m) }))
  const owners = participants(view, episode)
  const written = form.watch('outcomes') ?? []
  /** "Outcome 2 (Housing)": its number, and its headline once one is chosen. */
  const outcomeName = (i: number) => {
    const headline = written[i]?.headline
    return `Outcome ${i + 1}${headline ? ` (${HEADLINE.label(headline)})` : ''}`
  }
  // Every outcome and action asks the same questions: the summary says which one each message is about.
  const named = namedByPart(errors, 'outcomes', (i, rest) => {
    const action = /^actions\.(\d+)\./.exec(rest)
    return action ? `${outcomeName(i)}, action ${i + 1}.${Number(action[1]) + 1}` : outcomeName(i)
  })
  const onValid = async (input: z.output<typeof savePlanInput>) => {
    const result = await draft.saveRecord(() => invoke('plan.save', input))
    if (result.ok) navigate(episodeHref(familyId, episode.id, episode.plan ? 'The family plan has been changed.' : 'The family plan has been agreed.'))
    else refused(result.error)
  }
  return (
    <DraftFormPage
      family={view.family}
      members={view.members.length}
      title={episode.plan ? 'Change the family plan' : 'Write the family plan'}
      what="plan"
      draft={draft}
      stale={form.watch('baseVersion') !== blank.baseVersion}
      problem={problem}
      errors={named}
      attempt={attempt}
      onSubmit={form.handleSubmit(onValid, failed)}
      submitLabel="Save the plan"
      backHref={episodeHref(familyId, episode.id)}
      backLabel="Back to the episode"
      intro={
        <>
          {episode.team.length === 0 ? (
            <p className="govuk-inset-text">
              Actions can be given to family members or to the Team Around the Family.{' '}
              <a className="govuk-link" href={`#/families/${familyId}/episodes/${episode.id}/team/new`}>
                Add the team first
              </a>{' '}
              if professionals will do some of them.
            </p>
          ) : null}
          <ContentsList items={outcomes.fields.map((field, i) => ({ id: `outcome-${i}`, label: outcomeName(i) }))} />
        </>
      }
    >
      <DateField form={form} name="agreedOn" label="Date the plan was agreed with the family" />
      {outcomes.fields.map((field, i) => (
        <section className="app-outcome" key={field.key} aria-labelledby={`outcome-${i}`}>
          <h2 className="govuk-heading-m" id={`outcome-${i}`} tabIndex={-1}>
            Outcome {i + 1}
          </h2>
          <TextareaField
            form={form}
            name={`outcomes.${i}.text`}
            label={`Outcome ${i + 1}: what will be different, and for whom`}
            hint="In the family's words where you can, like “Mohammed goes to nursery three mornings a week”."
            rows={2}
          />
          <SelectField form={form} name={`outcomes.${i}.headline`} label={`Outcome ${i + 1}: headline`} items={HEADLINE.items} />
          <CheckboxesField form={form} name={`outcomes.${i}.peopleIds`} label={`Outcome ${i + 1}: who it is for`} items={members} />
          <ActionsFields form={form} outcome={i} owners={owners} />
          {outcomes.fields.length > 1 ? (
            <button type="button" className="govuk-button govuk-button--warning" onClick={() => outcomes.remove(i)}>
              Remove outcome {i + 1}
            </button>
          ) : null}
        </section>
      ))}
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => outcomes.append(newOutcome())}>
        Add another outcome
      </button>
    </DraftFormPage>
  )
}

function ActionsFields({ form, outcome, owners }: { form: UseFormReturn<Values, any, any>; outcome: number; owners: CodeItem[] }) {
  const actions = useFieldArray({ control: form.control, name: `outcomes.${outcome}.actions`, keyName: 'key' })
  const n = outcome + 1
  return (
    <>
      {actions.fields.map((field, j) => (
        <div className="app-fieldset-box" key={field.key}>
          <h3 className="govuk-heading-s">
            Action {n}.{j + 1}
          </h3>
          <TextareaField form={form} name={`outcomes.${outcome}.actions.${j}.what`} label={`Action ${n}.${j + 1}: what will be done`} rows={2} />
          <SelectField form={form} name={`outcomes.${outcome}.actions.${j}.owner`} label={`Action ${n}.${j + 1}: who will do it`} items={owners} />
          <DateField form={form} name={`outcomes.${outcome}.actions.${j}.due`} label={`Action ${n}.${j + 1}: by when`} />
          <SelectField
            form={form}
            name={`outcomes.${outcome}.actions.${j}.status`}
            label={`Action ${n}.${j + 1}: where it has got to`}
            items={ACTION_STATUS.items}
          />
          {actions.fields.length > 1 ? (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => actions.remove(j)}>
              Remove action {n}.{j + 1}
            </button>
          ) : null}
        </div>
      ))}
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => actions.append(newAction())}>
        Add an action to outcome {n}
      </button>
    </>
  )
}
