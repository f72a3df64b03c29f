// What a value is before any schema reads it: plain data (what JSON and IPC carry faithfully) of a
// bounded size. One walk serves every caller that must ask before a schema walks the value: the
// core's guard on every input (with its limits on size) and a draft's JSON check (with a depth only).
// No Node imports: the page and the core both load this.

/** An object with fields: not null and not a list. */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The walk's limits. Only `depth` is required: a limit left out is not checked. */
export interface PlainDataLimits {
  /** How deep objects and arrays may nest. */
  depth: number
  /** Values of every kind, counted one by one (the value itself, an object and each of its fields...). */
  values?: number
  /** The longest array (checked before it is walked: a sparse array's length costs nothing to send). */
  arrayLength?: number
  /** Keys of one object. */
  keys?: number
  /** The longest string. */
  stringLength?: number
  /** All strings and keys together. */
  totalText?: number
}

export type PlainDataKind =
  'not-plain' | 'not-finite' | 'contains-itself' | 'too-deep' | 'too-many-values' | 'list-too-long' | 'too-many-fields' | 'text-too-long' | 'too-much-text'

/** What is wrong, by kind (for a caller to say plainly) and in a developer's words (for the log). */
export interface PlainDataProblem {
  kind: PlainDataKind
  detail: string
}

const problem = (kind: PlainDataKind, detail: string): PlainDataProblem => ({ kind, detail })

/**
 * The first thing that keeps `value` from being plain data within `limits`, or null. Plain data is
 * null, undefined (a field JSON leaves out), booleans, finite numbers, strings, arrays and objects
 * whose prototype is Object's or none. A value that contains itself is caught, not followed.
 */
export function plainDataProblem(value: unknown, limits: PlainDataLimits): PlainDataProblem | null {
  let values = 0
  let text = 0
  const ancestors = new Set<object>()
  const visit = (v: unknown, depth: number): PlainDataProblem | null => {
    if (limits.values !== undefined && ++values > limits.values) return problem('too-many-values', 'too many values')
    if (v === null || v === undefined || typeof v === 'boolean') return null
    if (typeof v === 'number') return Number.isFinite(v) ? null : problem('not-finite', 'a number that is not finite')
    if (typeof v === 'string') {
      text += v.length
      if (limits.stringLength !== undefined && v.length > limits.stringLength) return problem('text-too-long', 'a string that is too long')
      return limits.totalText !== undefined && text > limits.totalText ? problem('too-much-text', 'too much text') : null
    }
    if (typeof v !== 'object') return problem('not-plain', `a value of type ${typeof v}`)
    if (depth >= limits.depth) return problem('too-deep', 'values nested too deeply')
    if (ancestors.has(v)) return problem('contains-itself', 'a value that contains itself')
    const isArray = Array.isArray(v)
    const proto = Object.getPrototypeOf(v)
    if (!isArray && proto !== Object.prototype && proto !== null) return problem('not-plain', 'a value that is not plain data')
    ancestors.add(v)
    try {
      if (isArray) {
        if (limits.arrayLength !== undefined && v.length > limits.arrayLength) return problem('list-too-long', 'a list that is too long')
        for (let i = 0; i < v.length; i++) {
          const found = visit(v[i], depth + 1)
          if (found) return found
        }
        return null
      }
      const keys = Object.keys(v)
      if (limits.keys !== undefined && keys.length > limits.keys) return problem('too-many-fields', 'an object with too many fields')
      for (const key of keys) {
        text += key.length
        const found = visit((v as Record<string, unknown>)[key], depth + 1)
        if (found) return found
      }
      return null
    } finally {
      ancestors.delete(v)
    }
  }
  return visit(value, 0)
}
