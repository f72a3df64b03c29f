import type { FormEventHandler, ReactNode } from 'react'
import type { AppErrorValue } from '../../../shared/result'
import type { ErrorItem } from '../components/formErrors'
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary'
import { Page } from '../components/Page'

/** A form of the directory: the core's refusal as a banner, the error summary, the fields, save and a way back. */
export function DirectoryFormPage(props: {
  title: string
  caption: string
  problemTitle: string
  problem: AppErrorValue | null
  errors: ErrorItem[]
  attempt: number
  onSubmit: FormEventHandler<HTMLFormElement>
  submitLabel: string
  backHref: string
  intro?: ReactNode
  children: ReactNode
}) {
  return (
    <Page title={props.title} caption={props.caption}>
      {props.problem ? <ProblemBanner title={props.problemTitle} message={props.problem.message} /> : null}
      <ErrorSummary items={props.errors} focusKey={props.attempt} />
      {props.intro}
      <form noValidate onSubmit={props.onSubmit}>
        {props.children}
        <div className="app-button-row">
          <button type="submit" className="govuk-button">
            {props.submitLabel}
          </button>
          <a className="govuk-link govuk-!-margin-top-2" href={props.backHref}>
            Cancel
          </a>
        </div>
      </form>
    </Page>
  )
}
