// Which of a chronology's entries a query lets through. Applied in the core to the whole chronology
// once it is put together (it comes from a dozen tables, and its times are the hub's wall clock),
// so the date range reads the day each entry shows and the count before filtering is known.
import { kindOfEntry, type ChronologyEntryKind, type ChronologyQuery } from '../../shared/earlyHelp/chronology'

/** What the filters look at: whom an entry is about is known here by person id, not by name. */
export interface FilterableEntry {
  kind: ChronologyEntryKind
  /** YYYY-MM-DD, or YYYY-MM-DDTHH:MM: the day is its first ten characters. */
  when: string
  significant: boolean
  personIds: string[]
}

export type ChronologyFilter = Pick<ChronologyQuery, 'significantOnly' | 'kinds' | 'personId' | 'from' | 'to'>

export function passesFilter(filter: ChronologyFilter, entry: FilterableEntry): boolean {
  const day = entry.when.slice(0, 10)
  if (filter.significantOnly && !entry.significant) return false
  if (filter.kinds.length && !filter.kinds.includes(kindOfEntry(entry.kind))) return false
  if (filter.personId && !entry.personIds.includes(filter.personId)) return false
  if (filter.from && day < filter.from) return false
  if (filter.to && day > filter.to) return false
  return true
}
