// How requests for help read on the screens: their status as a tag, times as people say them.
import { Fragment } from 'react'
import type { z } from 'zod'
import { formatDate, todayIso } from '../../../shared/dates'
import { REFERRAL_SOURCE, type SCREENING_DECISION } from '../../../shared/referrals/codes'

type Decision = z.infer<typeof SCREENING_DECISION.schema>

/** What became of a request, as a GOV.UK tag says it. */
const OUTCOME: Record<Decision, { text: string; colour: string }> = {
  ACCEPT: { text: 'Accepted', colour: 'govuk-tag--green' },
  SIGNPOST: { text: 'Signposted', colour: 'govuk-tag--turquoise' },
  DECLINE: { text: 'Declined', colour: 'govuk-tag--grey' },
  ESCALATE: { text: 'Escalated', colour: 'govuk-tag--purple' }
}

export function StatusTag({ status, decision }: { status: 'waiting' | 'decided'; decision: Decision | null }) {
  if (status === 'waiting') return <strong className="govuk-tag govuk-tag--blue">Waiting for a decision</strong>
  const outcome = decision ? OUTCOME[decision] : { text: 'Decided', colour: 'govuk-tag--grey' }
  return <strong className={`govuk-tag ${outcome.colour}`}>{outcome.text}</strong>
}

/** "3B Health visitor": the national code as staff know it, with what it means. */
export const sourceLabel = (code: string) => `${code} ${REFERRAL_SOURCE.label(code)}`
export const SOURCE_ITEMS = REFERRAL_SOURCE.items.map((i) => ({ code: i.code, label: sourceLabel(i.code) }))

/** An instant as the local date and time: "2 April 2026, 10:15". */
export function localDateTime(instant: string): string {
  const d = new Date(instant)
  return `${formatDate(todayIso(d))}, ${d.toTimeString().slice(0, 5)}`
}

export const workingDays = (n: number) => `${n} working ${n === 1 ? 'day' : 'days'}`

/** Text typed on several lines, shown on them. */
export function Lines({ text }: { text: string }) {
  return (
    <>
      {text.split('\n').map((line, i) => (
        <Fragment key={i}>
          {i ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </>
  )
}
