// Whole documents kept as JSON (a form's draft): bounded by their size as JSON, and refused unless
// they are plain data, which the database and a later JSON.parse give back exactly as they were.
import { z } from 'zod'
import { plainDataProblem } from './plainData'

/**
 * Schemas that bound a JSON value by its encoded size rather than field by field. The contract's
 * bounds test accepts an open record only when it is registered here.
 */
export const sizeBoundedJson = z.registry<{ maxBytes: number }>()

/** How deep a document may nest: far beyond any form, and short of any stack limit. */
const MAX_DEPTH = 64

/**
 * What keeps `value` from being plain JSON (null, booleans, finite numbers, strings, lists and plain
 * objects; an undefined field is left out, as JSON.stringify leaves it), or null when it is.
 * A value that contains itself is caught here, before JSON.stringify would throw on it.
 */
export function plainJsonProblem(value: unknown): string | null {
  return plainDataProblem(value, { depth: MAX_DEPTH })?.detail ?? null
}

/** The size of a value written as JSON, in bytes of UTF-8 (what the database stores). */
export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length
}

/**
 * A JSON object of at most `maxBytes`, with keys of at most `maxKey` characters. The messages are
 * the caller's, because only it knows what the object is to the person who sent it.
 */
export function jsonObject(maxBytes: number, messages: { tooBig: string; notPlain: string }, maxKey = 200) {
  const schema = z.record(z.string().max(maxKey), z.unknown()).superRefine((value, ctx) => {
    if (plainJsonProblem(value)) ctx.addIssue({ code: 'custom', message: messages.notPlain })
    else if (jsonBytes(value) > maxBytes) ctx.addIssue({ code: 'custom', message: messages.tooBig })
  })
  sizeBoundedJson.add(schema, { maxBytes })
  return schema
}
