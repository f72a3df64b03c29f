// What the search box's text means. Reception type whatever they have in front of them: a name,
// a date of birth in any common form (a two-digit year too), a postcode with or without its space
// or only its first half, an NHS number, a family reference, or a name with one of those
// ("smith 3/7/19").
import { formatDate, MONTHS } from '../../shared/dates'
import { formatNhsNumber, isValidNhsNumber, normaliseNhsNumber } from '../../shared/identifiers/nhsNumber'
import { isValidPostcode, normalisePostcode, postcodeKey } from '../../shared/identifiers/postcode'
import { isValidUpn, normaliseUpn } from '../../shared/identifiers/upn'
import { queryToken } from './names'
import type { PeopleFilter } from './searchIndex'
import { parseSearchDate } from './typedDate'

export interface ParsedQuery extends PeopleFilter {
  understoodAs: string[]
}

const MONTH_WORD = `(?:${MONTHS.map((m) => m.slice(0, 3)).join('|')})[a-z]*\\.?`
const DATE_PATTERNS = [
  /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b/,
  /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b/,
  /\b\d{4}-\d{1,2}-\d{1,2}\b/,
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH_WORD},?\\s+\\d{4}\\b`, 'i')
]
const NHS_PATTERN = /\b\d{3}[\s-]?\d{3}[\s-]?\d{4}\b/
const POSTCODE_PATTERN = /\b[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\b/
const DISTRICT_PATTERN = /\b[A-Za-z]{1,2}\d[A-Za-z\d]?\b/
const REFERENCE_PATTERN = /^([A-Za-z]{2,5})[\s-]?(\d{1,8})$/
const UPN_PATTERN = /\b[A-Za-z]\d{11}[A-Za-z\d]\b/

/** A family reference as stored: the hub code, a hyphen and the number in six digits. */
export function formatReference(code: string, number: number): string {
  return `${code.toUpperCase()}-${String(number).padStart(6, '0')}`
}

/** A reference however it is typed (rv 12, RV-000012, rv12), as stored; null if it is not one. */
export function normaliseReference(text: string): string | null {
  const m = REFERENCE_PATTERN.exec(text.trim())
  return m ? formatReference(m[1] as string, Number(m[2])) : null
}

/** A postcode's first half (B33, LS11, EC1A) as Royal Mail writes it; null if it is not one. */
export function postcodeDistrict(text: string): string | null {
  const outward = text.trim().toUpperCase()
  // The outward code's rules are the postcode's: any real one makes a valid postcode with an inward code.
  return /^[A-Z]{1,2}\d[A-Z\d]?$/.test(outward) && isValidPostcode(`${outward} 1AA`) ? outward : null
}

/** `today` (ISO, the hub's day) places a two-digit year: see typedDate.ts. */
export function parseQuery(text: string, today?: string): ParsedQuery {
  const parsed: ParsedQuery = {
    nameTokens: [],
    date: null,
    postcodeKey: null,
    postcodeDistrict: null,
    nhsNumber: null,
    upn: null,
    reference: null,
    understoodAs: []
  }
  let rest = text.trim().slice(0, 200)
  if (!rest) return parsed

  const reference = normaliseReference(rest)
  if (reference) {
    parsed.reference = reference
    parsed.understoodAs.push(`Family reference ${parsed.reference}`)
    // LS1 is a reference and a district: both are searched, the family first.
    parsed.postcodeDistrict = postcodeDistrict(rest)
    if (parsed.postcodeDistrict) parsed.understoodAs.push(`Postcode district ${parsed.postcodeDistrict}`)
    return parsed
  }

  const take = (pattern: RegExp, accept: (match: string) => boolean): string | null => {
    const m = pattern.exec(rest)
    if (!m || !accept(m[0])) return null
    rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m[0].length)}`
    return m[0]
  }

  for (const pattern of DATE_PATTERNS) {
    const found = take(pattern, (m) => parseSearchDate(m, today) !== null)
    if (found) {
      parsed.date = parseSearchDate(found, today)
      parsed.understoodAs.push(`Date ${formatDate(parsed.date as string)}`)
      break
    }
  }
  const nhs = take(NHS_PATTERN, (m) => isValidNhsNumber(m))
  if (nhs) {
    parsed.nhsNumber = normaliseNhsNumber(nhs)
    parsed.understoodAs.push(`NHS number ${formatNhsNumber(parsed.nhsNumber)}`)
  }
  const upn = take(UPN_PATTERN, (m) => isValidUpn(m))
  if (upn) {
    parsed.upn = normaliseUpn(upn)
    parsed.understoodAs.push(`UPN ${parsed.upn}`)
  }
  const postcode = take(POSTCODE_PATTERN, (m) => isValidPostcode(m))
  if (postcode) {
    parsed.postcodeKey = postcodeKey(postcode)
    parsed.understoodAs.push(`Postcode ${normalisePostcode(postcode)}`)
  } else {
    const district = take(DISTRICT_PATTERN, (m) => postcodeDistrict(m) !== null)
    if (district) {
      parsed.postcodeDistrict = postcodeDistrict(district)
      parsed.understoodAs.push(`Postcode district ${parsed.postcodeDistrict}`)
    }
  }

  parsed.nameTokens = rest.split(/\s+/).map(queryToken).filter(Boolean).slice(0, 6)
  // One letter alone matches a tenth of the hub: wait for a second before searching by name.
  const otherCriteria = parsed.understoodAs.length > 0
  if (!otherCriteria && parsed.nameTokens.join('').length < 2) parsed.nameTokens = []
  if (parsed.nameTokens.length > 0) parsed.understoodAs.unshift(`Name ${parsed.nameTokens.join(' ')}`)
  return parsed
}
