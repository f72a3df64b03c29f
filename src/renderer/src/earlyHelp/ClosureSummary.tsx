// An episode's closure as a manager reads it before approving, and as anyone reads it afterwards:
// why, the outcome for each headline, the family's view, and who closed (and approved) it by name.
import { CLOSURE_REASON, HEADLINE, HEADLINE_OUTCOME } from '../../../shared/codes'
import { formatDate } from '../../../shared/dates'
import type { EpisodeDetail } from '../../../shared/earlyHelp/schemas'
import { SummaryRow } from '../components/SummaryRow'

export function ClosureSummary({ episode, headingLevel = 'h2' }: { episode: EpisodeDetail; headingLevel?: 'h2' | 'h3' }) {
  const closure = episode.closure
  if (!closure) return null
  const Heading = headingLevel
  const waiting = episode.status === 'closing'
  return (
    <section aria-labelledby="closure-heading">
      <Heading className="govuk-heading-m" id="closure-heading">
        {waiting ? 'The closure waiting for approval' : 'The closure'}
      </Heading>
      <dl className="govuk-summary-list">
        <SummaryRow label="Date closed">{episode.closedOn ? formatDate(episode.closedOn) : 'Not recorded'}</SummaryRow>
        <SummaryRow label="Why it is closing">{CLOSURE_REASON.label(closure.reason)}</SummaryRow>
        {closure.stepUpOn ? <SummaryRow label="Date of the step-up">{formatDate(closure.stepUpOn)}</SummaryRow> : null}
        {closure.note ? (
          <SummaryRow label={closure.reason === 'OTHER' ? 'Why' : 'Anything to add'}>
            <span className="app-preserve-lines">{closure.note}</span>
          </SummaryRow>
        ) : null}
        {episode.headlines.map((h) => (
          <SummaryRow key={h} label={`Outcome: ${HEADLINE.label(h)}`}>
            {closure.outcomes[h] ? HEADLINE_OUTCOME.label(closure.outcomes[h]) : 'Not recorded'}
          </SummaryRow>
        ))}
        <SummaryRow label="The family's view">
          <span className="app-preserve-lines">{closure.familyView}</span>
        </SummaryRow>
        <SummaryRow label="Closed by">{closure.requestedBy}</SummaryRow>
        <SummaryRow label="Approved by">{waiting ? 'Waiting for a manager' : (closure.approvedBy ?? 'Not needed')}</SummaryRow>
      </dl>
    </section>
  )
}
