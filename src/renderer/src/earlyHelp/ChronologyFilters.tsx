// The chronology's filters: a form, applied with its button (or Enter), checked by the contract's
// own schema so a date that is not one is refused next to its field before anything is asked.
import { CHRONOLOGY_KIND, chronologyInput, type ChronologyAnswer, type ChronologyQuery } from '../../../shared/earlyHelp/chronology'
import { datePartsToValue, EMPTY_DATE_PARTS, formatDate, type DateParts } from '../../../shared/dates'
import { useContractForm } from '../accounts/useContractForm'
import { ErrorSummary } from '../components/ErrorSummary'
import { DateRangeFields } from '../components/DateRangeFields'
import { CheckboxesField, SelectField } from '../components/fields'

export interface FilterValues {
  kinds: string[]
  personId: string
  from: DateParts
  to: DateParts
}

const NO_FILTER: FilterValues = { kinds: [], personId: '', from: EMPTY_DATE_PARTS, to: EMPTY_DATE_PARTS }

/** The form's boxes as the core reads them (a date that is not one yet is sent as typed, and refused). */
const toQuery = (familyId: string) => (v: FilterValues) => ({
  familyId,
  kinds: v.kinds || [],
  personId: v.personId || null,
  from: datePartsToValue(v.from) ?? null,
  to: datePartsToValue(v.to) ?? null
})

export function ChronologyFilters({
  familyId,
  people,
  onApply
}: {
  familyId: string
  people: ChronologyAnswer['people']
  onApply: (filter: ChronologyQuery) => void
}) {
  const { form, attempt, errors, failed } = useContractForm<FilterValues, typeof chronologyInput>(chronologyInput, NO_FILTER, toQuery(familyId))
  return (
    <section className="app-no-print" aria-labelledby="chronology-filter-heading">
      <h2 className="govuk-heading-m" id="chronology-filter-heading">
        Filter the chronology
      </h2>
      <ErrorSummary items={errors} focusKey={attempt} />
      <form noValidate onSubmit={form.handleSubmit(onApply, failed)}>
        <CheckboxesField form={form} name="kinds" label="Kinds of entry" hint="Tick none to show every kind" items={CHRONOLOGY_KIND.items} />
        <SelectField form={form} name="personId" label="Who it is about" items={people.map((p) => ({ code: p.id, label: p.name }))} placeholder="Anyone" />
        <DateRangeFields form={form} from="from" to="to" what="Entries" />
        <div className="app-button-row">
          <button type="submit" className="govuk-button govuk-button--secondary">
            Apply filters
          </button>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => {
              form.reset(NO_FILTER)
              onApply(chronologyInput.parse({ familyId }))
            }}
          >
            Clear filters
          </button>
        </div>
      </form>
    </section>
  )
}

/** The filter in words, for the count above the entries and on paper: empty when nothing is filtered. */
export function describeFilter(filter: ChronologyQuery, people: ChronologyAnswer['people']): string {
  const parts: string[] = []
  if (filter.kinds.length)
    parts.push(
      CHRONOLOGY_KIND.items
        .filter((k) => filter.kinds.includes(k.code))
        .map((k) => k.label.toLowerCase())
        .join(' or ')
    )
  if (filter.personId) parts.push(`about ${people.find((p) => p.id === filter.personId)?.name ?? 'a former member'}`)
  if (filter.from && filter.to) parts.push(`from ${formatDate(filter.from)} to ${formatDate(filter.to)}`)
  else if (filter.from) parts.push(`from ${formatDate(filter.from)}`)
  else if (filter.to) parts.push(`up to ${formatDate(filter.to)}`)
  if (filter.significantOnly) parts.push('significant events only')
  return parts.join('; ')
}
