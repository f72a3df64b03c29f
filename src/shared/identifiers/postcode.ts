// UK postcodes: outward code, a space, inward code (digit + two letters without C I K M O V).
const POSTCODE = /^(GIR 0AA|[A-PR-UWYZ](\d{1,2}|[A-HK-Y]\d{1,2}|\d[A-HJKS-UW]|[A-HK-Y]\d[ABEHMNPRVWXY]) \d[ABD-HJLNP-UW-Z]{2})$/

/** Upper case with one space before the last three characters, the form Royal Mail prints. */
export function normalisePostcode(input: string): string {
  const compact = input.replace(/\s/g, '').toUpperCase()
  if (compact.length < 5) return compact
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`
}

export function isValidPostcode(input: string): boolean {
  return POSTCODE.test(normalisePostcode(input))
}

/** The postcode without its space: the key that search and duplicate checks compare. */
export function postcodeKey(input: string): string {
  return input.replace(/\s/g, '').toUpperCase()
}
