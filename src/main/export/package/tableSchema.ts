// A resource's Frictionless Table Schema, generated from its zod schema so that the two are never written
// twice. zod's own JSON Schema output is the starting point (public API, stable across zod releases);
// this file maps JSON Schema's words onto Table Schema's and refuses what a CSV cell cannot carry.
import { z } from 'zod'
import { checkResourceName, type ForeignKeyDefinition, type ResourceDefinition } from './resource'
import { PackageError } from './errors'

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime'

export interface FieldConstraints {
  required?: boolean
  enum?: (string | number | boolean)[]
  minLength?: number
  maxLength?: number
  /** A regular expression the whole value must match (Table Schema patterns are implicitly anchored). */
  pattern?: string
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
}

export interface TableField {
  name: string
  type: FieldType
  format?: 'uuid' | 'email' | 'uri'
  title?: string
  description?: string
  example?: unknown
  trueValues?: string[]
  falseValues?: string[]
  constraints?: FieldConstraints
}

export interface TableSchema {
  fields: TableField[]
  /** Only the empty cell means "no value". */
  missingValues: string[]
  primaryKey: string[]
  foreignKeys?: ForeignKeyDefinition[]
}

/** How booleans are written: the one spelling of each, declared on every boolean field. */
export const TRUE_TEXT = 'true'
export const FALSE_TEXT = 'false'

type JsonSchema = Record<string, any>

export function tableSchemaOf(resource: ResourceDefinition): TableSchema {
  checkResourceName(resource.name)
  const where = `Resource ${resource.name}`
  // 'any' instead of throwing, so that a transform or a Date is reported below with its field's name.
  const json = z.toJSONSchema(resource.schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema
  const definitions: Record<string, JsonSchema> = json.$defs ?? {}
  const required = new Set<string>(json.required ?? [])
  const fields = Object.entries<JsonSchema>(json.properties ?? {}).map(([name, property]) =>
    tableField(name, resolve(property, definitions), required.has(name), definitions, `${where}, field ${name}`)
  )
  if (fields.length === 0) throw new PackageError('INVALID_RESOURCE', `${where}: the schema has no fields`)
  const byName = new Map(fields.map((field) => [field.name, field]))

  if (resource.primaryKey.length === 0) throw new PackageError('INVALID_RESOURCE', `${where}: a primary key is needed (the authority upserts by it)`)
  for (const name of resource.primaryKey) {
    const field = byName.get(name)
    if (!field) throw new PackageError('INVALID_RESOURCE', `${where}: primary key field ${name} is not in the schema`)
    if (!field.constraints?.required)
      throw new PackageError('INVALID_RESOURCE', `${where}: primary key field ${name} must be required (not nullable or optional)`)
  }
  const foreignKeys = (resource.foreignKeys ?? []).map((key) => {
    if (key.fields.length === 0 || key.fields.length !== key.reference.fields.length) {
      throw new PackageError('INVALID_RESOURCE', `${where}: a foreign key needs as many fields as it references`)
    }
    for (const name of key.fields) if (!byName.has(name)) throw new PackageError('INVALID_RESOURCE', `${where}: foreign key field ${name} is not in the schema`)
    if (key.reference.resource === '') {
      for (const name of key.reference.fields)
        if (!byName.has(name)) throw new PackageError('INVALID_RESOURCE', `${where}: self-referencing key field ${name} is not in the schema`)
    } else {
      checkResourceName(key.reference.resource)
    }
    return { fields: [...key.fields], reference: { resource: key.reference.resource, fields: [...key.reference.fields] } }
  })

  return { fields, missingValues: [''], primaryKey: [...resource.primaryKey], ...(foreignKeys.length > 0 ? { foreignKeys } : {}) }
}

function resolve(schema: JsonSchema, definitions: Record<string, JsonSchema>): JsonSchema {
  if (typeof schema.$ref !== 'string') return schema
  const id = /^#\/\$defs\/(.+)$/.exec(schema.$ref)?.[1]
  const target = id === undefined ? undefined : definitions[id]
  if (!target) throw new PackageError('INVALID_RESOURCE', `Unresolvable reference ${schema.$ref}`)
  const { $ref: _ref, ...rest } = schema
  // Keywords beside the reference (a description given where the shared schema is used) win.
  return { ...resolve(target, definitions), ...rest }
}

function tableField(name: string, property: JsonSchema, listedAsRequired: boolean, definitions: Record<string, JsonSchema>, where: string): TableField {
  let nullable = false
  let value = property
  // zod writes `.nullable()` as either `type: [T, 'null']` or `anyOf: [T, { type: 'null' }]`.
  if (Array.isArray(value.anyOf)) {
    const members = (value.anyOf as JsonSchema[]).map((member) => resolve(member, definitions))
    const nonNull = members.filter((member) => member.type !== 'null')
    nullable = nonNull.length < members.length
    const { anyOf: _anyOf, ...outer } = value
    value = { ...mergeAlternatives(nonNull, where), ...outer }
  }
  if (Array.isArray(value.type)) {
    const types = (value.type as string[]).filter((type) => type !== 'null')
    nullable ||= types.length < value.type.length
    if (types.length !== 1) throw new PackageError('INVALID_RESOURCE', `${where}: a cell holds one type of value, not ${JSON.stringify(value.type)}`)
    value = { ...value, type: types[0] }
  }
  const enumValues = enumOf(value)
  if (enumValues?.includes(null)) nullable = true

  const field: TableField = { name, type: fieldType(value, where) }
  const constraints: FieldConstraints = {}
  if (listedAsRequired && !nullable) constraints.required = true
  if (enumValues) constraints.enum = enumValues.filter((v): v is string | number | boolean => v !== null)

  if (field.type === 'string') {
    if (value.format === 'uuid' || value.format === 'email' || value.format === 'uri') field.format = value.format
    if (typeof value.minLength === 'number') constraints.minLength = value.minLength
    if (typeof value.maxLength === 'number') constraints.maxLength = value.maxLength
    // zod adds its own pattern to the formats it checks: the format says it here, and zod's regular
    // expressions are not the kind Table Schema promises (XML Schema syntax), so they are left out.
    const pattern = field.format ? undefined : patternOf(value, where)
    if (pattern !== undefined) constraints.pattern = pattern
  } else if (value.allOf) {
    throw new PackageError('INVALID_RESOURCE', `${where}: combined constraints (allOf) are only understood on text`)
  }
  if (field.type === 'integer' || field.type === 'number') {
    // z.int() states JavaScript's safe-integer range on every integer: that is not a rule of the data.
    if (typeof value.minimum === 'number' && value.minimum !== Number.MIN_SAFE_INTEGER) constraints.minimum = value.minimum
    if (typeof value.maximum === 'number' && value.maximum !== Number.MAX_SAFE_INTEGER) constraints.maximum = value.maximum
    if (typeof value.exclusiveMinimum === 'number') constraints.exclusiveMinimum = value.exclusiveMinimum
    if (typeof value.exclusiveMaximum === 'number') constraints.exclusiveMaximum = value.exclusiveMaximum
  }
  if (field.type === 'boolean') {
    field.trueValues = [TRUE_TEXT]
    field.falseValues = [FALSE_TEXT]
  }
  if (typeof value.title === 'string') field.title = value.title
  if (typeof value.description === 'string') field.description = value.description
  if (Array.isArray(value.examples) && value.examples.length > 0) field.example = value.examples[0]
  if (Object.keys(constraints).length > 0) field.constraints = constraints
  return field
}

/** A union of literals (or of enums) is one enum; any other union is not a CSV cell. */
function mergeAlternatives(members: JsonSchema[], where: string): JsonSchema {
  if (members.length === 1) return members[0]!
  const values = members.map(enumOf)
  const types = new Set(members.map((member) => member.type))
  if (values.some((v) => v === undefined) || types.size !== 1)
    throw new PackageError('INVALID_RESOURCE', `${where}: a cell holds one type of value; this union is not a list of values`)
  return { type: [...types][0], enum: [...new Set(values.flat())] }
}

function enumOf(value: JsonSchema): (string | number | boolean | null)[] | undefined {
  if (Array.isArray(value.enum)) return value.enum
  if ('const' in value) return [value.const]
  return undefined
}

function fieldType(value: JsonSchema, where: string): FieldType {
  switch (value.type) {
    case 'string':
      if (value.format === 'date') return 'date'
      if (value.format === 'date-time') return 'datetime'
      return 'string'
    case 'integer':
    case 'number':
    case 'boolean':
      return value.type
    case undefined: {
      // An enum of strings without a stated type, or nothing zod could express (a transform, a Date).
      const values = enumOf(value)?.filter((v) => v !== null)
      if (values && values.length > 0 && values.every((v) => typeof v === 'string')) return 'string'
      throw new PackageError(
        'INVALID_RESOURCE',
        `${where}: its zod schema has no plain JSON type (a transform, a Date or an unknown?): send the value as it is written`
      )
    }
    default:
      throw new PackageError('INVALID_RESOURCE', `${where}: a CSV cell cannot hold ${value.type} (a list belongs in a table of its own)`)
  }
}

// JSON Schema patterns search anywhere in the value; Table Schema's must match all of it. A pattern
// anchored at both ends (the way every zod .regex() in Casebook is written) means the same in both once
// the anchors are taken off. Anything else is refused rather than silently changed in meaning.
function patternOf(value: JsonSchema, where: string): string | undefined {
  const patterns: string[] = []
  if (typeof value.pattern === 'string') patterns.push(value.pattern)
  for (const part of (value.allOf ?? []) as JsonSchema[]) {
    if (Object.keys(part).some((key) => key !== 'pattern'))
      throw new PackageError('INVALID_RESOURCE', `${where}: combined constraints (allOf) other than patterns are not understood`)
    patterns.push(part.pattern)
  }
  if (patterns.length === 0) return undefined
  if (patterns.length > 1) throw new PackageError('INVALID_RESOURCE', `${where}: give one .regex() (Table Schema has one pattern per field)`)
  const anchored = unanchor(patterns[0]!)
  if (anchored === undefined) throw new PackageError('INVALID_RESOURCE', `${where}: the pattern ${patterns[0]} must be anchored as ^...$ with no top-level |`)
  return anchored
}

function unanchor(pattern: string): string | undefined {
  if (!pattern.startsWith('^') || !pattern.endsWith('$')) return undefined
  const inner = pattern.slice(1, -1)
  let depth = 0
  let inClass = false
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]
    if (c === '\\') {
      i++
      if (i === inner.length) return undefined // the final $ was escaped: not an anchor
      continue
    }
    if (inClass) {
      if (c === ']') inClass = false
    } else if (c === '[') inClass = true
    else if (c === '(') depth++
    else if (c === ')') depth--
    else if (c === '|' && depth === 0) return undefined
    else if ((c === '^' || c === '$') && depth === 0) return undefined
  }
  return inner
}
