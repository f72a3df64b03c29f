// Payloads a window could send over IPC, for the fuzz test: anything Electron's structured clone
// carries (null, undefined, booleans, every kind of number, strings with control, zero-width and
// bidi-override characters and very long ones, sparse arrays of huge length, nested objects,
// cycles, Date, Map, Set, RegExp, typed arrays and their buffers, errors, boxed values, BigInt),
// and mutations of a channel's valid input (a field dropped, set to one of those, wrapped, or a
// field added), so that a payload gets past the first check and into the ones behind it.
//
// Values are made only of what structured clone carries, and a clone is the same kind of value (a
// sparse array stays sparse, a cycle a cycle), so they are passed to invoke as made. The huge ones
// are made once and shared: nothing here walks them (describe() reads a huge array's length only).
import fc from 'fast-check'

/** A payload and how it was made, for a failure's report. */
export interface Payload {
  how: string
  value: unknown
}

let huge: unknown[] | null = null
/** Made on first use: ten million holes is 80 MB and 50 ms, once. */
function hugeValues(): unknown[] {
  huge ??= [
    new Array(1e7),
    Object.assign([], { length: 2 ** 32 - 1 }),
    Object.assign(new Array(1e6), { 999_999: 'last' }),
    Array.from({ length: 100_000 }, (_, i) => i),
    'x'.repeat(100_001),
    'é'.repeat(2_000_000),
    '\u202e'.repeat(50_000),
    Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`key${i}`, i])),
    deepChain(5_000),
    new Uint8Array(5_000_000)
  ]
  return huge
}

function deepChain(depth: number): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = { next: value }
  return value
}

/** Strings people and parsers trip on: controls, invisible and direction-changing characters, syntax of SQL, FTS5, paths and HTML. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u0000\u0001\u0007\u0008\u001b\u007f',
  '\t\r\n',
  '\u200b\u200c\u200d\u2060\ufeff',
  '\u202eevil\u202c',
  '\u2066\u2067\u2068\u2069\u200e\u200f',
  '\ud800',
  '\udfff\ud800',
  '👩‍👩‍👧‍👦',
  'Z̴̡̛͎a̵l̷g̸o̶',
  "Robert'); DROP TABLE family;--",
  '" OR 1=1 --',
  '%',
  '_',
  '*',
  '"',
  'NEAR(',
  'names:"x"* OR sounds:"y"',
  'AND NOT OR',
  '../../etc/passwd',
  'C:\\Windows\\System32',
  'CON',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'NaN',
  '1e309',
  '-0',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
  '1900-01-01',
  '2026-01-05T25:61',
  '00000000-0000-0000-0000-000000000000',
  'person:00000000-0000-4000-8000-000000000000',
  'taf:',
  'case-note:',
  'other',
  'w'.repeat(201),
  'w'.repeat(1_001),
  'w'.repeat(4_001),
  'w'.repeat(20_001)
]

const numbers = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, 99, 2 ** 31, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE, Number.EPSILON, NaN, Infinity, -Infinity),
  fc.integer(),
  fc.double()
)

const strings = fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 12 }))

/** Single values: what a field can be set to. */
export function scalar(plausible: readonly unknown[] = []): fc.Arbitrary<unknown> {
  return fc.oneof(fc.constantFrom(null, undefined, true, false), numbers, strings, fc.bigInt(), ...(plausible.length ? [fc.constantFrom(...plausible)] : []))
}

/** Objects that are not plain data: each kind structured clone carries. */
const objects = fc.oneof(
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(/(a+)+$/, /x/giu, new RegExp('')),
  fc.uint8Array({ maxLength: 8 }).map((a) => a.buffer),
  fc.uint8Array({ maxLength: 8 }).map((a) => new DataView(a.buffer)),
  fc.bigInt64Array({ maxLength: 4 }),
  fc.constantFrom(new Error('boom'), new TypeError('bad type'), new RangeError('out of range')),
  fc.constantFrom(Object(1), Object('text'), Object(false), Object(10n)),
  fc.constant(null).map(() => Object.create(null) as object)
)

/**
 * Anything at all, nested a little; cycles and the huge values now and then. Made once per list of
 * plausible values: fast-check builds a table of every character for each string arbitrary it
 * makes, which costs more than the calls it would feed.
 */
export function anyValue(plausible: readonly unknown[] = NONE): fc.Arbitrary<unknown> {
  let made = anyValues.get(plausible)
  if (made) return made
  const scalars = scalar(plausible)
  const nested = fc.anything({
    maxDepth: 3,
    maxKeys: 5,
    values: [scalars, objects],
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    stringUnit: 'binary'
  })
  made = fc.oneof(
    { weight: 6, arbitrary: scalars },
    { weight: 4, arbitrary: nested },
    { weight: 1, arbitrary: objects },
    { weight: 1, arbitrary: nested.map(withCycle) },
    { weight: 1, arbitrary: fc.nat().map((i) => hugeValues()[i % hugeValues().length]) }
  )
  anyValues.set(plausible, made)
  return made
}
const NONE: readonly unknown[] = []
const anyValues = new WeakMap<readonly unknown[], fc.Arbitrary<unknown>>()

/** The value with a path back to itself: an object that contains itself, or an array that does. */
function withCycle(value: unknown): unknown {
  if (Array.isArray(value)) {
    const list: unknown[] = [value]
    list.push(list)
    return list
  }
  const holder: Record<string, unknown> = { value }
  holder.self = holder
  return holder
}

type Path = (string | number)[]

const fieldNames = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'id', 'version', 'extra'), fc.string({ maxLength: 8 }))

/** Every place in a plain value a mutation can reach, the value itself ([]) included. */
export function pathsIn(value: unknown, path: Path = []): Path[] {
  const paths = [path]
  if (Array.isArray(value)) value.forEach((item, i) => paths.push(...pathsIn(item, [...path, i])))
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths.push(...pathsIn(item, [...path, key]))
  return paths
}

interface Mutation {
  path: Path
  kind: 'drop' | 'set' | 'wrap' | 'add'
  value: unknown
  key: string
}

const isContainer = (v: unknown): v is Record<string | number, unknown> =>
  Array.isArray(v) || (!!v && typeof v === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(v)))

const show = (path: Path) => (path.length ? path.join('.') : 'the whole input')

/** Applies mutations in turn to a copy of `sample`; one whose place is gone by then does nothing. */
function mutate(sample: unknown, mutations: Mutation[]): Payload {
  let root: unknown = structuredClone(sample)
  const how: string[] = []
  for (const m of mutations) {
    if (m.path.length === 0) {
      root = m.kind === 'wrap' ? [root] : m.kind === 'drop' ? undefined : m.kind === 'add' ? { [m.key]: m.value } : m.value
      how.push(`${show(m.path)} ${m.kind === 'wrap' ? 'wrapped in a list' : m.kind === 'drop' ? 'left out' : 'replaced'}`)
      continue
    }
    // Only into the plain objects and arrays of the sample: an earlier mutation may have put a
    // Map or a boxed string where one was.
    let parent: unknown = root
    for (const step of m.path.slice(0, -1)) parent = isContainer(parent) ? parent[step] : undefined
    const last = m.path[m.path.length - 1] as string | number
    if (!isContainer(parent) || !(last in parent)) continue
    if (m.kind === 'drop') delete parent[last]
    else if (m.kind === 'set') parent[last] = m.value
    else if (m.kind === 'wrap') parent[last] = [parent[last]]
    else {
      const target = parent[last]
      if (!isContainer(target)) continue
      // An own field even when it is named __proto__, as a clone delivers it.
      Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true })
    }
    how.push(
      `${show(m.path)} ${m.kind === 'drop' ? 'dropped' : m.kind === 'set' ? 'set' : m.kind === 'wrap' ? 'wrapped in a list' : `given a field ${JSON.stringify(m.key)}`}`
    )
  }
  return { how: `the valid input with ${how.join(', then ') || 'nothing changed'}`, value: root }
}

/**
 * The payloads for one channel: anything at all; the valid input itself; and the valid input with
 * one to three mutations, most often. `plausible` are values worth trying in any field (the ids of
 * real records, dates, codes), so a mutated input is often still valid and goes deeper.
 */
export function payloadsFor(sample: unknown, plausible: readonly unknown[] = []): fc.Arbitrary<Payload> {
  const paths = pathsIn(sample)
  const mutation: fc.Arbitrary<Mutation> = fc.record({
    path: fc.constantFrom(...paths),
    kind: fc.constantFrom('drop', 'set', 'set', 'set', 'wrap', 'add'),
    value: anyValue(plausible),
    key: fieldNames
  })
  return fc.oneof(
    { weight: 3, arbitrary: anyValue(plausible).map((value) => ({ how: 'a value of its own', value })) },
    { weight: 1, arbitrary: fc.constant(sample).map((value) => ({ how: 'the valid input', value: structuredClone(value) })) },
    { weight: 6, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => mutate(sample, ms)) }
  )
}

const CHARACTER_NAMES: Record<string, string> = { '\u202e': 'RLO', '\u202c': 'PDF', '\u200b': 'ZWSP', '\ufeff': 'BOM' }

/** A short, printable account of a value: long strings and arrays by their length, cycles named, nothing huge walked. */
export function describe(value: unknown, depth = 0, seen: unknown[] = []): string {
  if (value === undefined) return 'undefined'
  if (value === null) return 'null'
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value)
  if (typeof value === 'bigint') return `${value}n`
  if (typeof value === 'boolean') return String(value)
  if (typeof value === 'string') {
    const shown = [...value.slice(0, 40)].map((c) => CHARACTER_NAMES[c] ?? (/[\x20-\x7e]/.test(c) ? c : `\\u{${c.codePointAt(0)!.toString(16)}}`)).join('')
    return value.length > 40 ? `"${shown}…" (${value.length} characters)` : `"${shown}"`
  }
  if (typeof value !== 'object') return typeof value
  if (seen.includes(value)) return '[the value itself: a cycle]'
  if (depth > 3) return '…'
  const inner = (v: unknown) => describe(v, depth + 1, [...seen, value])
  const tag = Object.prototype.toString.call(value).slice(8, -1)
  if (Array.isArray(value)) {
    if (value.length > 8) return `Array(length ${value.length})`
    return `[${Array.from({ length: value.length }, (_, i) => (i in value ? inner(value[i]) : '<hole>')).join(', ')}]`
  }
  if (value instanceof Map) return `Map(${value.size})`
  if (value instanceof Set) return `Set(${value.size})`
  if (ArrayBuffer.isView(value)) return `${tag}(byteLength ${value.byteLength})`
  if (value instanceof ArrayBuffer) return `ArrayBuffer(${value.byteLength})`
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`
  if (value instanceof RegExp || value instanceof Error) return `${tag}(${String(value)})`
  if (tag !== 'Object') return `${tag}(${String(value)})`
  const keys = Object.keys(value)
  const shown = keys.slice(0, 8).map((k) => `${describe(k)}: ${inner((value as Record<string, unknown>)[k])}`)
  const prototype = Object.getPrototypeOf(value) === null ? 'null-prototype ' : ''
  return `${prototype}{ ${shown.join(', ')}${keys.length > 8 ? `, … (${keys.length} fields)` : ''} }`
}
