// Before any schema looks at an input: is it plain data of a sensible size? A window can send
// anything Electron's structured clone carries (a sparse array of ten million holes in 34 bytes,
// a cycle, a Map, a typed array, a megabyte string), and a schema walking that would take the
// process down before it could say no. The limits are far above any real form: the largest, an
// assessment of ten children, is about 250,000 characters in a few thousand values.
import { plainDataProblem, type PlainDataKind, type PlainDataLimits } from '../../shared/plainData'

export const INPUT_LIMITS = {
  /** Values of every kind, counted one by one (an object and each of its fields...). */
  values: 50_000,
  /** How deep objects and arrays may nest. */
  depth: 24,
  /** The longest array. */
  arrayLength: 5_000,
  /** The longest string, and all strings together. */
  stringLength: 100_000,
  totalText: 2_000_000,
  /** Keys of one object. */
  keys: 500
} as const satisfies PlainDataLimits

/**
 * What the router tells the person (inside "Casebook could not read what was sent (...)"): the walk's
 * own words ("a value of type function") are for developers, and go to the log instead.
 */
const PLAIN_REASONS: Record<PlainDataKind, string> = {
  'list-too-long': 'a list that is too long',
  'text-too-long': 'an answer that is too long',
  'too-much-text': 'too much was sent at once',
  'too-many-values': 'too much was sent at once',
  'too-many-fields': 'too much was sent at once',
  'too-deep': 'it is not in the form this request needs',
  'contains-itself': 'it is not in the form this request needs',
  'not-plain': 'it is not in the form this request needs',
  'not-finite': 'it is not in the form this request needs'
}

/** Null when the input is plain JSON-like data within the limits; otherwise why not, in plain words. */
export function inputProblem(input: unknown): string | null {
  const found = plainDataProblem(input, INPUT_LIMITS)
  if (!found) return null
  // A window never sends these through its forms: a fault in the page, or someone trying things.
  console.error(`casebook: input refused before its schema: ${found.detail}`)
  return PLAIN_REASONS[found.kind]
}
