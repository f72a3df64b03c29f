// Dates typed into the search box. Besides every form a form's date accepts (parseTypedDate), the
// desk types two-digit years: 3/7/19, 03.07.19, 3-7-19. Search reads those as dates of birth, so
// the year is the most recent one ending in those digits that does not put the date in the future.
// Forms do not take this rule: there a two-digit year is asked again rather than guessed.
import { hubDay, isoDate, parseTypedDate } from '../../shared/dates'

const TWO_DIGIT_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2})$/

/** A typed date as ISO, or null; `today` (the hub's day, ISO) decides the century of a two-digit year. */
export function parseSearchDate(text: string, today: string = hubDay(new Date())): string | null {
  const full = parseTypedDate(text)
  if (full) return full
  const m = TWO_DIGIT_YEAR.exec(text.trim())
  if (!m) return null
  const century = Math.floor(Number(today.slice(0, 4)) / 100) * 100
  const [day, month, yy] = [Number(m[1]), Number(m[2]), Number(m[3])]
  // This century first, then the last: 29/2/00 is 2000 (a leap year) but never 1900.
  for (const year of [century + yy, century - 100 + yy]) {
    const iso = isoDate(year, month, day)
    if (iso !== null && iso <= today) return iso
  }
  return null
}
