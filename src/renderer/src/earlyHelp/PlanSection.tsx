import { lazy, Suspense } from 'react'
import type { EpisodeDetail } from '../../../shared/earlyHelp/schemas'
import { isUnfinished, type PlanOutcome } from '../../../shared/earlyHelp/plan'
import { ACTION_STATUS, HEADLINE, type CodeItem } from '../../../shared/codes'
import { formatDate, todayIso } from '../../../shared/dates'
import { participantName } from './useEpisode'
import { TableHead } from '../components/TableHead'
import { TableScroll } from '../components/TableScroll'

// The chart library is most of the renderer's weight: it loads when a plan is first shown, not at start-up.
const ProgressChart = lazy(() => import('./ProgressChart').then((m) => ({ default: m.ProgressChart })))

/** A date, marked when it has passed and the thing it is for is not done. */
export function DueDate({ iso, late }: { iso: string; late: boolean }) {
  return late ? (
    <span className="app-overdue">
      {formatDate(iso)} <strong className="govuk-tag govuk-tag--red">Overdue</strong>
    </span>
  ) : (
    <>{formatDate(iso)}</>
  )
}

/**
 * One outcome with its actions: on the episode's page and in the printed plan. On paper a late
 * action says so in words ("Overdue since 3 March 2026"), not in the screen's red, which a
 * black-and-white printer loses.
 */
export function OutcomeBlock({
  outcome,
  index,
  people,
  peopleNames,
  today = todayIso(),
  printed = false
}: {
  outcome: PlanOutcome
  index: number
  people: CodeItem[]
  peopleNames: (ids: string[]) => string
  today?: string
  printed?: boolean
}) {
  return (
    <>
      <h3 className="govuk-heading-s">
        Outcome {index + 1}: {outcome.text}
      </h3>
      <p className="govuk-body-s">
        For {peopleNames(outcome.peopleIds)} · {HEADLINE.label(outcome.headline)}
      </p>
      <TableScroll label={`Actions for outcome ${index + 1}`}>
        <table className="govuk-table">
          <TableHead caption={`Actions for outcome ${index + 1}`} columns={['What will be done', 'Who', 'By when', 'Where it has got to']} />
          <tbody className="govuk-table__body">
            {outcome.actions.map((a) => (
              <tr className="govuk-table__row" key={a.id}>
                <td className="govuk-table__cell">{a.what}</td>
                <td className="govuk-table__cell">{participantName(people, a.owner as string)}</td>
                <td className="govuk-table__cell">
                  {printed ? (
                    isUnfinished(a.status) && a.due < today ? (
                      `Overdue since ${formatDate(a.due)}`
                    ) : (
                      formatDate(a.due)
                    )
                  ) : (
                    <DueDate iso={a.due} late={isUnfinished(a.status) && a.due < today} />
                  )}
                </td>
                <td className="govuk-table__cell">{ACTION_STATUS.label(a.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  )
}

/** The family plan on the episode's page, with progress per outcome over the reviews. */
export function PlanSection({ episode, people, peopleNames }: { episode: EpisodeDetail; people: CodeItem[]; peopleNames: (ids: string[]) => string }) {
  const plan = episode.plan
  if (!plan) return <p className="govuk-body">No family plan has been agreed yet.</p>
  return (
    <>
      <p className="govuk-body">
        Agreed {formatDate(plan.agreedOn)} · last changed by {plan.updatedBy}
      </p>
      {plan.outcomes.map((o, i) => (
        <div className="app-outcome" key={o.id}>
          <OutcomeBlock outcome={o} index={i} people={people} peopleNames={peopleNames} />
          <Suspense fallback={<p className="govuk-body-s">Loading progress…</p>}>
            <ProgressChart outcomeId={o.id} outcome={`outcome ${i + 1}`} reviews={episode.reviews} />
          </Suspense>
        </div>
      ))}
    </>
  )
}

export function ReviewsList({ episode, people }: { episode: EpisodeDetail; people: CodeItem[] }) {
  if (episode.reviews.length === 0) return <p className="govuk-body">No reviews yet.</p>
  return (
    <TableScroll label="Reviews">
      <table className="govuk-table">
        <TableHead caption="Reviews" columns={['Held', 'Who attended', 'Next review', 'Recorded by']} />
        <tbody className="govuk-table__body">
          {[...episode.reviews].reverse().map((r) => (
            <tr className="govuk-table__row" key={r.id}>
              <td className="govuk-table__cell">{formatDate(r.heldOn)}</td>
              <td className="govuk-table__cell">{[...r.attendees.map((k) => participantName(people, k)), r.otherAttendees].filter(Boolean).join('; ')}</td>
              <td className="govuk-table__cell">{formatDate(r.nextReviewOn)}</td>
              <td className="govuk-table__cell">{r.recordedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}
