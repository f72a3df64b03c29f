// Turns a row into the text of its cells, checking each value against the field the package declares for
// it. The values are the rows groups.ts reads, already validated by the export's rules; this is the last
// guard that a package never contradicts its own datapackage.json (a 0/1 from SQLite in a boolean
// column, a misspelt column alias, a code the schema does not list). A row that fails stops the write.
// Nothing is altered: each value is written as it is or refused.
import type { CellValue, Row } from './resource'
import { FALSE_TEXT, TRUE_TEXT, type TableField, type TableSchema } from './tableSchema'
import { PackageError } from './errors'

export type RowEncoder = (row: Row, rowNumber: number) => string[]

type Check = (value: Exclude<CellValue, null>) => string | undefined // the text, or undefined when refused

const EMAIL = /^[^\s@]+@[^\s@]+$/
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/
const DATE = /^\d{4}-\d{2}-\d{2}$/
// XML Schema dateTime (Table Schema's default datetime form): date, time, optional fraction and zone.
const DATETIME = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-](0\d|1[0-3]):[0-5]\d|[+-]14:00)?$/
// With the u flag a pair of surrogates is one code point, so this finds only unpaired ones, which UTF-8
// cannot carry (the encoder would silently put U+FFFD in their place).
const LONE_SURROGATE = /\p{Cs}/u
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/**
 * 8-4-4-4-12 hexadecimal digits (Table Schema's uuid format), by character code: this runs for every
 * id and reference cell, where a regular expression took 3% of a full export.
 */
export function isUuid(text: string): boolean {
  if (text.length !== 36) return false
  for (let i = 0; i < 36; i++) {
    const c = text.charCodeAt(i)
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return false // -
    } else if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) return false // 0-9 a-f A-F
  }
  return true
}

/** YYYY-MM-DD naming a day of the Gregorian calendar. Arithmetic, not a Date: this runs for every date cell. */
function isRealDate(text: string): boolean {
  if (!DATE.test(text.length === 10 ? text : '')) return false
  const year = Number(text.slice(0, 4))
  const month = Number(text.slice(5, 7))
  const day = Number(text.slice(8, 10))
  if (month < 1 || month > 12 || day < 1) return false
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)
}

export function compileRowEncoder(resourceName: string, schema: TableSchema): RowEncoder {
  const names = schema.fields.map((field) => field.name)
  const known = new Set(names)
  const checks = schema.fields.map(checkFor)
  const required = schema.fields.map((field) => field.constraints?.required === true)
  let shapeChecked = false

  return (row, rowNumber) => {
    if (!shapeChecked) {
      // Rows of one resource come from one query: a name the schema lacks is a misspelt alias whose
      // field would otherwise be written empty on every row.
      const extra = Object.keys(row).filter((key) => !known.has(key))
      if (extra.length > 0)
        throw new PackageError('INVALID_ROW', `${resourceName}: row ${rowNumber} has ${extra.join(', ')}, which the schema does not declare`)
      shapeChecked = true
    }
    const cells = new Array<string>(names.length)
    for (let i = 0; i < names.length; i++) {
      const value = row[names[i]!]
      if (value === null || value === undefined || value === '') {
        // The empty cell is the package's one missing value, so empty text and no value read the same.
        if (required[i]) throw new PackageError('INVALID_ROW', `${resourceName}: row ${rowNumber}, field ${names[i]} is required but has no value`)
        cells[i] = ''
        continue
      }
      const text = checks[i]!(value)
      if (text === undefined)
        throw new PackageError(
          'INVALID_ROW',
          `${resourceName}: row ${rowNumber}, field ${names[i]}: ${describe(value)} is not a valid ${expected(schema.fields[i]!)}`
        )
      cells[i] = text
    }
    return cells
  }
}

function describe(value: CellValue): string {
  if (typeof value !== 'string') return `${typeof value} ${String(value)}` // JSON would call Infinity null
  return `string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)}`
}

function expected(field: TableField): string {
  const rules = Object.entries(field.constraints ?? {})
    .filter(([key]) => key !== 'required')
    .map(([key, value]) => `${key} ${JSON.stringify(value)}`)
  return [field.format ?? field.type, ...rules].join(', ')
}

function checkFor(field: TableField): Check {
  const c = field.constraints ?? {}
  const allowed = c.enum ? new Set<unknown>(c.enum) : undefined
  const inEnum = (value: CellValue) => allowed === undefined || allowed.has(value)
  const inRange = (n: number) =>
    (c.minimum === undefined || n >= c.minimum) &&
    (c.maximum === undefined || n <= c.maximum) &&
    (c.exclusiveMinimum === undefined || n > c.exclusiveMinimum) &&
    (c.exclusiveMaximum === undefined || n < c.exclusiveMaximum)

  switch (field.type) {
    case 'integer':
      return (v) => (typeof v === 'number' && Number.isSafeInteger(v) && inRange(v) && inEnum(v) ? String(v) : undefined)
    case 'number':
      return (v) => (typeof v === 'number' && Number.isFinite(v) && inRange(v) && inEnum(v) ? String(v) : undefined)
    case 'boolean':
      return (v) => (typeof v === 'boolean' && inEnum(v) ? (v ? TRUE_TEXT : FALSE_TEXT) : undefined)
    case 'date':
      return (v) => (typeof v === 'string' && isRealDate(v) && inEnum(v) ? v : undefined)
    case 'datetime':
      return (v) => (typeof v === 'string' && DATETIME.test(v) && isRealDate(v.slice(0, 10)) && inEnum(v) ? v : undefined)
    case 'string': {
      const format = field.format === 'uuid' ? { test: isUuid } : field.format === 'email' ? EMAIL : field.format === 'uri' ? URI : undefined
      // zod compiled these patterns without flags; they are used the same way here.
      const pattern = c.pattern === undefined ? undefined : new RegExp(`^(?:${c.pattern})$`)
      return (v) => {
        if (typeof v !== 'string' || LONE_SURROGATE.test(v)) return undefined
        // Lengths count UTF-16 code units, as zod's .max() does.
        if (c.maxLength !== undefined && v.length > c.maxLength) return undefined
        if (c.minLength !== undefined && v.length < c.minLength) return undefined
        if (format && !format.test(v)) return undefined
        if (pattern && !pattern.test(v)) return undefined
        return inEnum(v) ? v : undefined
      }
    }
  }
}
