// The start and end dates of a list's filter, side by side where there is room (the chronology, the
// Referrals screen, the requests for help): one layout and one wording, whichever list it narrows.
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form'
import { DateField } from './fields'

/** `what` names what the dates are of ("Entries"): the hints say "Entries on or after this day". */
export function DateRangeFields<V extends FieldValues>({
  form,
  from,
  to,
  what
}: {
  form: UseFormReturn<V, any, any>
  from: Path<V>
  to: Path<V>
  what?: string
}) {
  const onOr = what ? `${what} on or` : 'On or'
  return (
    <div className="app-filter">
      <DateField form={form} name={from} label="Start date (optional)" hint={`${onOr} after this day, like 27 3 2026`} />
      <DateField form={form} name={to} label="End date (optional)" hint={`${onOr} before this day`} />
    </div>
  )
}
