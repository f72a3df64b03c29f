// Progress on one outcome across reviews: a small chart to look at, and the same numbers as a
// table for anyone who reads rather than looks (and for screen readers).
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts'
import type { ReviewRecord } from '../../../shared/earlyHelp/plan'
import { formatDate } from '../../../shared/dates'
import { TableScroll } from '../components/TableScroll'

const short = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })

export function ProgressChart({ outcomeId, outcome, reviews }: { outcomeId: string; outcome: string; reviews: ReviewRecord[] }) {
  const points = reviews.flatMap((r) => {
    const s = r.scores.find((x) => x.outcomeId === outcomeId)
    return s ? [{ id: r.id, heldOn: r.heldOn, label: short(r.heldOn), score: s.score, comment: s.comment }] : []
  })
  if (points.length === 0) return <p className="govuk-body-s">Not reviewed yet.</p>
  return (
    <div className="app-progress">
      <div className="app-progress__chart" aria-hidden="true">
        <LineChart width={260} height={120} data={points} margin={{ top: 8, right: 12, bottom: 0, left: -24 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#b1b4b6" strokeDasharray="2 4" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#0b0c0c' }} />
          <YAxis domain={[0, 10]} ticks={[0, 5, 10]} tick={{ fontSize: 12, fill: '#0b0c0c' }} />
          <Line type="linear" dataKey="score" stroke="#1d70b8" strokeWidth={3} dot={{ r: 4, fill: '#1d70b8' }} isAnimationActive={false} />
        </LineChart>
      </div>
      <TableScroll label={`Progress scores: ${outcome}`} className="app-progress__table">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Progress scores: {outcome}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Review
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Score (0–10)
              </th>
              <th scope="col" className="govuk-table__header">
                Comment
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {points.map((p) => (
              <tr className="govuk-table__row" key={p.id}>
                <td className="govuk-table__cell">{formatDate(p.heldOn)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{p.score}</td>
                <td className="govuk-table__cell">{p.comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  )
}
