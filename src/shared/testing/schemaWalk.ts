// Looking inside the contract's zod schemas (zod 4's `_zod.def`), for the tests that hold every
// input schema to the contract's rules: no unbounded string, list, record or number; plain messages.
import type { z } from 'zod'
import { sizeBoundedJson } from '../json'
import { LARGEST_STORED_INTEGER } from '../fields'

type Schema = z.core.$ZodType
// zod's defs are a union of every schema kind's def; the walk reads them by `type`.
type AnyDef = Record<string, any>
const defOf = (schema: Schema): AnyDef => schema._zod.def as unknown as AnyDef

/** The object at the top of a schema (through refinements, pipes and defaults), or null. */
export function objectShape(schema: Schema): Record<string, Schema> | null {
  const def = defOf(schema)
  if (def.type === 'object') return def.shape
  if (def.type === 'pipe') return objectShape(def.out) ?? objectShape(def.in)
  if (def.innerType) return objectShape(def.innerType)
  return null
}

/**
 * A pattern bounds a string's length when it is anchored at both ends and repeats nothing without
 * limit (no *, + or {n,} outside a character class).
 */
export function patternIsBounded(pattern: RegExp): boolean {
  const source = pattern.source
  if (!source.startsWith('^') || !source.endsWith('$')) return false
  const bare = source.replace(/\[(?:\\.|[^\]\\])*\]/g, 'c').replace(/\\./g, 'e')
  return !/[*+]|\{\d*,\}/.test(bare)
}

function stringIsBounded(schema: Schema): boolean {
  const def = defOf(schema)
  const checks: AnyDef[] = [def, ...(def.checks ?? []).map((c: Schema) => defOf(c))]
  return checks.some((c) => c.check === 'max_length' || c.check === 'length_equals' || (c.pattern instanceof RegExp && patternIsBounded(c.pattern)))
}

/**
 * A number is bounded when it is at least and at most numbers both databases hold in an integer
 * column (LARGEST_STORED_INTEGER either way): a larger one would reach PostgreSQL and fail there.
 */
function numberIsBounded(schema: Schema): boolean {
  const def = defOf(schema)
  const checks: AnyDef[] = [def, ...(def.checks ?? []).map((c: Schema) => defOf(c))]
  const within = (kind: string, ok: (value: number) => boolean) => checks.some((c) => c.check === kind && ok(Number(c.value)))
  return within('less_than', (v) => v <= LARGEST_STORED_INTEGER) && within('greater_than', (v) => v >= -LARGEST_STORED_INTEGER)
}

const hasMaxLength = (def: AnyDef) => (def.checks ?? []).some((c: Schema) => ['max_length', 'length_equals'].includes(defOf(c).check))

/** Kinds that hold no text or list of their own. */
const SCALAR = new Set(['boolean', 'enum', 'literal', 'null', 'undefined', 'nan', 'date', 'bigint', 'void', 'never'])
/** Kinds that pass their input on as it is: bounded only by what follows them in a pipe. */
const PASSING = new Set(['transform', 'custom'])

/**
 * Every place in `schema` where a string, list or record has no upper bound, or a value is taken
 * unchecked, named by its path (members[].member.givenName). `passing` is returned for a schema
 * that only passes its value on (a transform, z.custom), so a pipe can look at its other side.
 */
export function unboundedParts(schema: Schema, path = ''): string[] | 'passing' {
  const def = defOf(schema)
  const at = path || '(the whole input)'
  switch (def.type) {
    case 'string':
      return stringIsBounded(schema) ? [] : [`${at}: text with no maximum length`]
    case 'number':
      return numberIsBounded(schema) ? [] : [`${at}: a number beyond what both databases hold`]
    case 'array':
      return [...(hasMaxLength(def) ? [] : [`${at}: a list with no maximum`]), ...parts(def.element, `${path}[]`)]
    case 'record': {
      if (sizeBoundedJson.has(schema)) return []
      const finiteKeys = defOf(def.keyType).type === 'enum' || defOf(def.keyType).type === 'literal'
      return [...(finiteKeys ? [] : [`${at}: a record with no bound on its keys`]), ...parts(def.keyType, `${path}{key}`), ...parts(def.valueType, `${path}{}`)]
    }
    case 'object':
      return [
        ...Object.entries(def.shape as Record<string, Schema>).flatMap(([key, value]) => parts(value, path ? `${path}.${key}` : key)),
        ...(def.catchall && defOf(def.catchall).type !== 'never' ? parts(def.catchall, `${path}.*`) : [])
      ]
    case 'union':
      return (def.options as Schema[]).flatMap((option) => parts(option, path))
    case 'intersection':
      return [...parts(def.left, path), ...parts(def.right, path)]
    case 'tuple':
      return [...(def.items as Schema[]).flatMap((item, i) => parts(item, `${path}[${i}]`)), ...(def.rest ? parts(def.rest, `${path}[]`) : [])]
    case 'lazy':
      return parts(def.getter(), path)
    case 'pipe': {
      // What comes out of `in` goes into `out`: the pipe is bounded when either side bounds it.
      const input = unboundedParts(def.in, path)
      const output = unboundedParts(def.out, path)
      if (input === 'passing') return output
      if (output === 'passing') return input
      return input.length === 0 || output.length === 0 ? [] : input
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
    case 'success':
      return unboundedParts(def.innerType, path)
    default:
      if (SCALAR.has(def.type)) return []
      if (PASSING.has(def.type)) return 'passing'
      return [`${at}: a value of kind ${def.type}, taken unchecked`]
  }
}

/** unboundedParts where something must be checked: a value that is only passed on is unchecked. */
function parts(schema: Schema, path: string): string[] {
  const found = unboundedParts(schema, path)
  return found === 'passing' ? [`${path || '(the whole input)'}: a value taken unchecked`] : found
}
