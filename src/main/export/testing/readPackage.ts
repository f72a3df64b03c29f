// An independent reader of export packages, for tests: it reads what an authority's importer would read
// (datapackage.json, then every CSV through csv-parse, a well-kept CSV library) and checks the files
// against what the descriptor declares. It shares no code with the writer (src/main/export/package): a
// fault in the writer's idea of the format must not be repeated here and so go unseen. Where the two
// need the same rule (what a Table Schema type accepts), it is written again from the specification.
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'

export type Value = string | number | boolean | null
export type TypedRow = Record<string, Value>

export interface ReadResource {
  name: string
  path: string
  schema: any
  /** Typed as the schema says: integers and numbers as numbers, booleans as booleans, dates as text. */
  rows: TypedRow[]
}

export interface ReadCopy {
  resource: string
  path: string
  /** The copy's cells as text, header first. */
  records: string[][]
}

export interface ReadPackageResult {
  folder: string
  descriptor: any
  resources: Record<string, ReadResource>
  spreadsheetCopies: ReadCopy[]
}

/** Keys known from outside this package (the database, or packages not read here). */
export interface KnownKeys {
  resource: string
  fields: string[]
  values: Value[][]
}

export interface ReadPackageOptions {
  /** Earlier packages of the same hub: an incremental package's foreign keys may point into them. */
  earlier?: ReadPackageResult[]
  knownKeys?: KnownKeys[]
}

const PROBLEM_LIMIT = 100
const BOM = '\uFEFF'
const DEFAULT_TRUE = ['true', 'True', 'TRUE', '1']
const DEFAULT_FALSE = ['false', 'False', 'FALSE', '0']

/** Reads and checks a package; throws with every problem found (up to 100) when it is not sound. */
export async function readPackage(folder: string, options: ReadPackageOptions = {}): Promise<ReadPackageResult> {
  const { problems, result } = await checkPackage(folder, options)
  if (problems.length > 0) throw new Error(`The package in ${folder} is not sound:\n- ${problems.join('\n- ')}`)
  return result
}

export async function checkPackage(folder: string, options: ReadPackageOptions = {}): Promise<{ problems: string[]; result: ReadPackageResult }> {
  const problems: string[] = []
  const problem = (text: string) => {
    if (problems.length < PROBLEM_LIMIT) problems.push(text)
  }
  const descriptor = JSON.parse(await readFile(join(folder, 'datapackage.json'), 'utf8'))
  const result: ReadPackageResult = { folder, descriptor, resources: {}, spreadsheetCopies: [] }

  if (descriptor.profile !== 'tabular-data-package') problem(`datapackage.json: profile is ${descriptor.profile}, not tabular-data-package`)
  if (typeof descriptor.name !== 'string' || !/^[-a-z0-9._/]+$/.test(descriptor.name))
    problem(`datapackage.json: name ${descriptor.name} is not a Frictionless name`)
  if (typeof descriptor.created !== 'string' || Number.isNaN(Date.parse(descriptor.created))) problem('datapackage.json: created is not a date and time')
  if (!Array.isArray(descriptor.resources) || descriptor.resources.length === 0) {
    problem('datapackage.json: no resources')
    return { problems, result }
  }

  for (const resource of descriptor.resources) {
    const where = `${resource.name}`
    if (resource.profile !== 'tabular-data-resource') problem(`${where}: profile is ${resource.profile}`)
    if (typeof resource.path !== 'string' || !/^[A-Za-z0-9_-]+\.csv$/.test(resource.path)) {
      problem(`${where}: path ${JSON.stringify(resource.path)} is not a plain file name in the package`)
      continue
    }
    if (resource.encoding !== 'utf-8' || resource.format !== 'csv' || resource.mediatype !== 'text/csv') problem(`${where}: not declared as UTF-8 CSV`)
    const dialect = resource.dialect ?? {}
    if (dialect.header === false) problem(`${where}: the dialect says there is no header row`)
    const bytes = await readFile(join(folder, resource.path))
    checkBytesAndHash(bytes, resource.bytes, resource.hash, where, problem)
    const text = decodeUtf8(bytes, where, problem)
    if (text === undefined) continue
    if (text.startsWith(BOM)) problem(`${where}: starts with a byte order mark (the package's files have none)`)
    const records = parseCsv(text, dialect, where, problem)
    if (!records) continue
    const rows = typedRows(records, resource.schema, where, problem)
    result.resources[resource.name] = { name: resource.name, path: resource.path, schema: resource.schema, rows }
    const counted = descriptor.casebook?.rowCounts?.[resource.name]
    if (counted !== undefined && counted !== rows.length) problem(`${where}: casebook.rowCounts says ${counted}, the file has ${rows.length} rows`)
  }

  for (const read of Object.values(result.resources)) checkPrimaryKey(read, problem)
  for (const read of Object.values(result.resources)) checkForeignKeys(read, result, options, problem)
  await checkCopies(folder, descriptor, result, problem)
  await checkNothingElse(folder, descriptor, problem)
  return { problems, result }
}

function checkBytesAndHash(bytes: Buffer, declaredBytes: unknown, declaredHash: unknown, where: string, problem: (text: string) => void): void {
  if (declaredBytes !== bytes.length) problem(`${where}: declares ${declaredBytes} bytes, the file has ${bytes.length}`)
  const actual = `sha256:${createHash('sha256').update(bytes).digest('hex')}`
  if (declaredHash !== actual) problem(`${where}: declares hash ${declaredHash}, the file's is ${actual}`)
}

function decodeUtf8(bytes: Buffer, where: string, problem: (text: string) => void): string | undefined {
  try {
    // ignoreBOM keeps a byte order mark in the text, so that its presence can be checked.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    problem(`${where}: not valid UTF-8`)
    return undefined
  }
}

function parseCsv(text: string, dialect: any, where: string, problem: (text: string) => void): string[][] | undefined {
  const lineTerminator = dialect.lineTerminator ?? '\r\n'
  if (text.length > 0 && !text.endsWith(lineTerminator)) problem(`${where}: the last line does not end with ${JSON.stringify(lineTerminator)}`)
  try {
    return parse(text, {
      delimiter: dialect.delimiter ?? ',',
      quote: dialect.quoteChar ?? '"',
      escape: dialect.doubleQuote === false ? (dialect.escapeChar ?? '\\') : (dialect.quoteChar ?? '"'),
      record_delimiter: lineTerminator,
      bom: false,
      relax_quotes: false,
      relax_column_count: false,
      skip_empty_lines: false,
      trim: false
    }) as string[][]
  } catch (error) {
    problem(`${where}: not valid CSV: ${(error as Error).message}`)
    return undefined
  }
}

function typedRows(records: string[][], schema: any, where: string, problem: (text: string) => void): TypedRow[] {
  const fields: any[] = schema?.fields ?? []
  const header = records[0] ?? []
  const names = fields.map((field) => field.name)
  if (JSON.stringify(header) !== JSON.stringify(names)) {
    problem(`${where}: header ${JSON.stringify(header)} is not the schema's fields in order ${JSON.stringify(names)}`)
    return []
  }
  const missing: string[] = schema.missingValues ?? ['']
  const rows: TypedRow[] = []
  const uniques = fields.map((field) => (field.constraints?.unique ? new Set<string>() : undefined))
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!
    const row: TypedRow = {}
    fields.forEach((field, i) => {
      const cell = record[i]!
      const at = `${where} line ${r + 1}, ${field.name}`
      if (missing.includes(cell)) {
        if (field.constraints?.required) problem(`${at}: required but empty`)
        row[field.name] = null
        return
      }
      const value = castValue(cell, field)
      if (value === undefined) {
        problem(`${at}: ${JSON.stringify(cell.slice(0, 80))} is not a ${field.type}${field.format ? ` (${field.format})` : ''}`)
        row[field.name] = null
        return
      }
      const broken = brokenConstraint(value, cell, field)
      if (broken) problem(`${at}: ${JSON.stringify(cell.slice(0, 80))} breaks ${broken}`)
      const seen = uniques[i]
      if (seen) {
        if (seen.has(cell)) problem(`${at}: ${cell} is not unique`)
        seen.add(cell)
      }
      row[field.name] = value
    })
    rows.push(row)
  }
  return rows
}

// What each Table Schema type accepts, from the specification (datapackage.org, Table Schema, field types).
function castValue(cell: string, field: any): Value | undefined {
  switch (field.type ?? 'any') {
    case 'string':
    case 'any':
      if (field.format === 'uuid') return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(cell) ? cell : undefined
      if (field.format === 'email') return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(cell) ? cell : undefined
      if (field.format === 'uri') return URL.canParse(cell) ? cell : undefined
      return cell
    case 'integer': {
      if (!/^[+-]?\d+$/.test(cell)) return undefined
      const n = Number(cell)
      return Number.isSafeInteger(n) ? n : undefined
    }
    case 'number':
      if (/^(nan|inf|-inf)$/i.test(cell)) return cell.toLowerCase() === 'nan' ? NaN : cell.startsWith('-') ? -Infinity : Infinity
      return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(cell) ? Number(cell) : undefined
    case 'boolean':
      if ((field.trueValues ?? DEFAULT_TRUE).includes(cell)) return true
      if ((field.falseValues ?? DEFAULT_FALSE).includes(cell)) return false
      return undefined
    case 'date':
      return realDate(cell) ? cell : undefined
    case 'datetime': {
      const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.exec(cell)
      if (!m || !realDate(m[1]!) || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4]) > 59) return undefined
      return cell
    }
    default:
      return undefined
  }
}

function realDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

function brokenConstraint(value: Value, cell: string, field: any): string | undefined {
  const c = field.constraints ?? {}
  if (Array.isArray(c.enum) && !c.enum.includes(value)) return `enum ${JSON.stringify(c.enum)}`
  const length = [...cell].length // characters, as an importer in any language would count them
  if (typeof c.maxLength === 'number' && length > c.maxLength) return `maxLength ${c.maxLength}`
  if (typeof c.minLength === 'number' && length < c.minLength) return `minLength ${c.minLength}`
  if (typeof c.pattern === 'string' && !new RegExp(`^(?:${c.pattern})$`).test(cell)) return `pattern ${c.pattern}`
  if (typeof value === 'number') {
    if (typeof c.minimum === 'number' && value < c.minimum) return `minimum ${c.minimum}`
    if (typeof c.maximum === 'number' && value > c.maximum) return `maximum ${c.maximum}`
    if (typeof c.exclusiveMinimum === 'number' && value <= c.exclusiveMinimum) return `exclusiveMinimum ${c.exclusiveMinimum}`
    if (typeof c.exclusiveMaximum === 'number' && value >= c.exclusiveMaximum) return `exclusiveMaximum ${c.exclusiveMaximum}`
  }
  return undefined
}

const asList = (fields: string | string[]) => (typeof fields === 'string' ? [fields] : fields)
const tuple = (row: TypedRow, fields: string[]) => JSON.stringify(fields.map((name) => row[name]))

function checkPrimaryKey(read: ReadResource, problem: (text: string) => void): void {
  const key = read.schema.primaryKey
  if (!key) return problem(`${read.name}: no primary key`)
  const fields = asList(key)
  const seen = new Set<string>()
  read.rows.forEach((row, i) => {
    if (fields.some((name) => row[name] === null)) problem(`${read.name} line ${i + 2}: primary key ${fields.join(', ')} is empty`)
    const value = tuple(row, fields)
    if (seen.has(value)) problem(`${read.name} line ${i + 2}: primary key ${value} is repeated`)
    seen.add(value)
  })
}

function checkForeignKeys(read: ReadResource, result: ReadPackageResult, options: ReadPackageOptions, problem: (text: string) => void): void {
  for (const key of read.schema.foreignKeys ?? []) {
    const fields = asList(key.fields)
    const targetName: string = key.reference.resource === '' || key.reference.resource === undefined ? read.name : key.reference.resource
    const targetFields = asList(key.reference.fields)
    const known = new Set<string>()
    const sources = [result, ...(options.earlier ?? [])]
    for (const source of sources) for (const row of source.resources[targetName]?.rows ?? []) known.add(tuple(row, targetFields))
    for (const extra of options.knownKeys ?? []) {
      if (extra.resource === targetName && JSON.stringify(extra.fields) === JSON.stringify(targetFields))
        for (const v of extra.values) known.add(JSON.stringify(v))
    }
    if (!result.resources[targetName] && !(options.earlier ?? []).some((p) => p.resources[targetName])) {
      problem(`${read.name}: foreign key to ${targetName}, which is in no package read`)
    }
    read.rows.forEach((row, i) => {
      // As in SQL, a reference with an empty part refers to nothing and is not checked.
      if (fields.some((name) => row[name] === null)) return
      const value = tuple(row, fields)
      if (!known.has(value)) problem(`${read.name} line ${i + 2}: ${fields.join(', ')} ${value} is not a ${targetName} ${targetFields.join(', ')}`)
    })
  }
}

async function checkCopies(folder: string, descriptor: any, result: ReadPackageResult, problem: (text: string) => void): Promise<void> {
  for (const copy of descriptor.casebook?.spreadsheetCopies ?? []) {
    const where = `copy ${copy.path}`
    if (typeof copy.path !== 'string' || !/^spreadsheet\/[A-Za-z0-9_-]+\.csv$/.test(copy.path)) {
      problem(`${where}: not a plain file in spreadsheet/`)
      continue
    }
    const bytes = await readFile(join(folder, copy.path))
    checkBytesAndHash(bytes, copy.bytes, copy.hash, where, problem)
    const text = decodeUtf8(bytes, where, problem)
    if (text === undefined) continue
    if (!text.startsWith(BOM)) problem(`${where}: no byte order mark (Excel would not read it as UTF-8)`)
    const records = parseCsv(text.slice(1), {}, where, problem)
    if (!records) continue
    const exact = result.resources[copy.resource]
    if (!exact) problem(`${where}: copies ${copy.resource}, which is not a resource`)
    else if (records.length - 1 !== exact.rows.length) problem(`${where}: ${records.length - 1} rows, the package file has ${exact.rows.length}`)
    result.spreadsheetCopies.push({ resource: copy.resource, path: copy.path, records })
  }
}

/** The package holds what datapackage.json lists and nothing else. */
async function checkNothingElse(folder: string, descriptor: any, problem: (text: string) => void): Promise<void> {
  const listed = new Set<string>(['datapackage.json', ...descriptor.resources.map((r: any) => r.path)])
  const copies = new Set<string>((descriptor.casebook?.spreadsheetCopies ?? []).map((c: any) => c.path))
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name === 'spreadsheet' && copies.size > 0) {
      for (const inner of await readdir(join(folder, entry.name))) if (!copies.has(`spreadsheet/${inner}`)) problem(`spreadsheet/${inner}: not listed`)
    } else if (!listed.has(entry.name)) {
      problem(`${entry.name}: in the package folder but not listed in datapackage.json`)
    }
  }
}
