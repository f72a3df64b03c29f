import type { FormEventHandler, ReactNode } from 'react'
import type { FamilyRecord } from '../../../shared/families/schemas'
import type { AppErrorValue } from '../../../shared/result'
import type { ErrorItem } from '../components/formErrors'
import { ErrorSummary, ProblemBanner } from '../components/ErrorSummary'
import { Page } from '../components/Page'
import { FamilyHeader } from './FamilyHeader'

/**
 * A form about one family: its header kept in view, the core's refusal as a banner, the error
 * summary, the fields, and the submit button beside a way back.
 */
export function FamilyFormPage(props: {
  family: FamilyRecord
  members: number
  title: string
  /** What the banner says was not done: "The episode has not been opened". */
  problemTitle: string
  problem: AppErrorValue | null
  /** Added to the refusal's message: "What you typed is still here". */
  problemSuffix?: string
  errors: ErrorItem[]
  attempt: number
  onSubmit: FormEventHandler<HTMLFormElement>
  submitLabel: string
  backHref: string
  backLabel: string
  /** Shown read-only, with no submit button. */
  readOnly?: boolean
  /** Above the banner (a restored draft's notice), after the summary (context), before the buttons. */
  notice?: ReactNode
  intro?: ReactNode
  footer?: ReactNode
  children: ReactNode
}) {
  const { problem, readOnly = false } = props
  return (
    <>
      <FamilyHeader family={props.family} members={props.members} />
      <Page title={props.title} caption={props.family.name}>
        {props.notice}
        {problem ? (
          <ProblemBanner title={props.problemTitle} message={props.problemSuffix ? `${problem.message} ${props.problemSuffix}` : problem.message} />
        ) : null}
        <ErrorSummary items={props.errors} focusKey={props.attempt} />
        {props.intro}
        <form noValidate onSubmit={props.onSubmit}>
          <fieldset className="govuk-fieldset" disabled={readOnly}>
            {props.children}
            {props.footer}
            <div className="app-button-row">
              {readOnly ? null : (
                <button type="submit" className="govuk-button">
                  {props.submitLabel}
                </button>
              )}
              <a className="govuk-link govuk-!-margin-top-2" href={props.backHref}>
                {props.backLabel}
              </a>
            </div>
          </fieldset>
        </form>
      </Page>
    </>
  )
}
