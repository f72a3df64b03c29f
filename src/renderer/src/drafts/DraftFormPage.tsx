import type { FormEventHandler, ReactNode } from 'react'
import type { FamilyRecord } from '../../../shared/families/schemas'
import type { AppErrorValue } from '../../../shared/result'
import type { ErrorItem } from '../components/formErrors'
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary'
import { Page } from '../components/Page'
import { FamilyHeader } from '../families/FamilyHeader'
import type { DraftState } from './useDraft'
import { DraftRestored, DraftSaved } from './DraftNotice'

/**
 * A long form about a family that keeps a draft as it is typed (case note, assessment, plan,
 * review): the family's header, the draft's notices, the error summary, and a way back that keeps
 * the draft. A refused save says the typing is still there.
 */
export function DraftFormPage(props: {
  family: FamilyRecord
  members: number
  title: string
  what: string
  draft: DraftState
  stale?: boolean
  problem: AppErrorValue | null
  errors: ErrorItem[]
  attempt: number
  onSubmit: FormEventHandler<HTMLFormElement>
  submitLabel: string
  backHref: string
  backLabel: string
  /** A closed episode's form is shown read-only, with no save button. */
  readOnly?: boolean
  intro?: ReactNode
  children: ReactNode
}) {
  const { draft, problem, readOnly = false } = props
  return (
    <>
      <FamilyHeader family={props.family} members={props.members} />
      <Page title={props.title} caption={`Family ${props.family.reference}`}>
        <DraftRestored draft={draft} what={props.what} stale={props.stale} />
        {problem ? <ProblemBanner title={`The ${props.what} has not been saved`} message={`${problem.message} What you typed is still here and kept as a draft.`} /> : null}
        <ErrorSummary items={props.errors} focusKey={props.attempt} />
        {props.intro}
        <form noValidate onSubmit={props.onSubmit}>
          <fieldset className="govuk-fieldset" disabled={readOnly}>
            {props.children}
            <DraftSaved draft={draft} />
            <div className="app-button-row">
              {readOnly ? null : <button type="submit" className="govuk-button">{props.submitLabel}</button>}
              <a className="govuk-link govuk-!-margin-top-2" href={props.backHref}>{props.backLabel}{readOnly ? '' : ' (the draft is kept)'}</a>
            </div>
          </fieldset>
        </form>
      </Page>
    </>
  )
}
