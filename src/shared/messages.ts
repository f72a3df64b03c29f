// Plain English for every problem a schema finds where the field gives no message of its own.
// zod's defaults ("Invalid input: expected string, received undefined", "Invalid discriminator
// value", "Too big") are written for developers, and the forms and the core both show what a schema
// says. This is set once, for the one zod instance that main, preload and renderer share; fields.ts
// imports it, and every schema module imports fields.ts. A field's own message always wins: zod asks
// this map only when neither the check nor its schema gave one.
import { z } from 'zod'

export const PLAIN = {
  missing: 'Answer this question',
  unreadable: 'Casebook could not read this answer',
  option: 'Select one of the options',
  format: 'Enter this answer in the correct format'
} as const

const isMissing = (input: unknown) => input === undefined || input === null
const exactLength = (n: number) => `This answer must be exactly ${n} characters`

export function plainMessage(issue: z.core.$ZodRawIssue): string {
  // The whole input (no path) was the wrong kind of thing: nothing a person typed.
  const whole = (issue.path?.length ?? 0) === 0
  switch (issue.code) {
    case 'invalid_type':
      if (isMissing(issue.input)) return whole ? PLAIN.unreadable : PLAIN.missing
      if (issue.expected === 'int') return 'Enter a whole number'
      if (issue.expected === 'number') return 'Enter a number'
      return PLAIN.unreadable
    case 'invalid_value':
      return PLAIN.option
    case 'invalid_union':
      // A discriminated union whose discriminator matched nothing, or a value that fits no option.
      return isMissing(issue.input) ? PLAIN.missing : PLAIN.option
    case 'too_big': {
      const max = Number(issue.maximum)
      if (issue.origin === 'string') return issue.exact ? exactLength(max) : `This answer must be ${max} characters or fewer`
      if (issue.origin === 'array' || issue.origin === 'set')
        return issue.exact ? `Select or add exactly ${max}` : max === 1 ? 'Select or add only one' : `Select or add up to ${max}`
      // A bound that excludes its own number (.lt(), .negative()) is said as such: "less than 0", never "0 or less".
      if (issue.origin === 'number' || issue.origin === 'int')
        return issue.inclusive === false ? `Enter a number less than ${max}` : `Enter a number that is ${max} or less`
      return PLAIN.unreadable
    }
    case 'too_small': {
      const min = Number(issue.minimum)
      if (issue.origin === 'string') return issue.exact ? exactLength(min) : min <= 1 ? PLAIN.missing : `This answer must be ${min} characters or more`
      if (issue.origin === 'array' || issue.origin === 'set') {
        return issue.exact ? `Select or add exactly ${min}` : min <= 1 ? 'Select or add at least one' : `Select or add at least ${min}`
      }
      if (issue.origin === 'number' || issue.origin === 'int')
        return issue.inclusive === false ? `Enter a number greater than ${min}` : `Enter a number that is ${min} or more`
      return PLAIN.unreadable
    }
    case 'invalid_format':
      if (issue.format === 'email') return 'Enter an email address in the correct format, like name@example.com'
      if (issue.format === 'date') return 'Enter a real date'
      // Identifiers are chosen on the page, never typed: a wrong one is not the person's doing.
      if (issue.format === 'uuid' || issue.format === 'guid') return PLAIN.unreadable
      return PLAIN.format
    default:
      // unrecognized_keys, invalid_key, invalid_element, not_multiple_of, and a refinement without a message
      return PLAIN.unreadable
  }
}

z.config({ customError: plainMessage })
