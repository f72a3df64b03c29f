// Before any schema looks at an input: is it plain data of a sensible size? A window can send
// anything Electron's structured clone carries (a sparse array of ten million holes in 34 bytes,
// a cycle, a Map, a typed array, a megabyte string), and a schema walking that would take the
// process down before it could say no. The limits are far above any real form: the largest, an
// assessment of ten children, is about 250,000 characters in a few thousand values.

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
} as const

/** Null when the input is plain JSON-like data within the limits; otherwise what is wrong with it. */
export function inputProblem(input: unknown): string | null {
  let values = 0
  let text = 0
  const ancestors = new Set<object>()
  const visit = (value: unknown, depth: number): string | null => {
    if (++values > INPUT_LIMITS.values) return 'too many values'
    if (value === null || value === undefined || typeof value === 'boolean') return null
    if (typeof value === 'number') return Number.isFinite(value) ? null : 'a number that is not finite'
    if (typeof value === 'string') {
      text += value.length
      if (value.length > INPUT_LIMITS.stringLength) return 'a string that is too long'
      return text > INPUT_LIMITS.totalText ? 'too much text' : null
    }
    if (typeof value !== 'object') return `a value of type ${typeof value}`
    if (depth >= INPUT_LIMITS.depth) return 'values nested too deeply'
    if (ancestors.has(value)) return 'a value that contains itself'
    const isArray = Array.isArray(value)
    if (!isArray && Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return 'a value that is not plain data'
    ancestors.add(value)
    try {
      if (isArray) {
        // Checked before walking: a sparse array's length costs nothing to send.
        if (value.length > INPUT_LIMITS.arrayLength) return 'a list that is too long'
        for (let i = 0; i < value.length; i++) {
          const problem = visit(value[i], depth + 1)
          if (problem) return problem
        }
        return null
      }
      const keys = Object.keys(value)
      if (keys.length > INPUT_LIMITS.keys) return 'an object with too many fields'
      for (const key of keys) {
        text += key.length
        const problem = visit((value as Record<string, unknown>)[key], depth + 1)
        if (problem) return problem
      }
      return null
    } finally {
      ancestors.delete(value)
    }
  }
  return visit(input, 0)
}
