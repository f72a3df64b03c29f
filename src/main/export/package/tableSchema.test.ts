// The Table Schema of a resource is generated from its zod schema: each zod form maps to the Table Schema
// field the authority's importer will read, and forms a CSV cell cannot carry are refused by name.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { PackageError } from './errors'
import type { ResourceDefinition } from './resource'
import { tableSchemaOf } from './tableSchema'

const resource = (schema: z.ZodObject, extra: Partial<ResourceDefinition> = {}): ResourceDefinition => ({
  name: 'things',
  title: 'Things',
  description: 'Things',
  schema,
  primaryKey: ['id'],
  ...extra
})

const fieldsOf = (shape: Record<string, z.ZodType>) =>
  Object.fromEntries(tableSchemaOf(resource(z.object({ id: z.uuid(), ...shape }))).fields.map(({ name, ...field }) => [name, field]))

describe('tableSchemaOf', () => {
  it('maps each zod form to its Table Schema type, format and constraints', () => {
    const shared = z.uuid().meta({ id: 'SharedId', description: 'A shared id' })
    const fields = fieldsOf({
      text: z.string().min(1).max(20).describe('Some text'),
      code: z.string().regex(/^[A-Z]{2,5}\d+$/),
      maybeText: z.string().nullable(),
      optionalText: z.string().optional(),
      choice: z.enum(['1A', '2B']).meta({ description: 'A code', title: 'Code' }),
      maybeChoice: z.enum(['x', 'y']).nullable(),
      literal: z.literal('only'),
      literals: z.union([z.literal(1), z.literal(2)]),
      count: z.int(),
      score: z.int().min(-10).max(10),
      positive: z.number().positive(),
      amount: z.number(),
      flag: z.boolean(),
      maybeFlag: z.boolean().nullable(),
      day: z.iso.date(),
      maybeDay: z.iso.date().nullable().describe('A day, maybe'),
      instant: z.iso.datetime(),
      withOffset: z.iso.datetime({ offset: true }),
      email: z.email(),
      website: z.url(),
      shared,
      sharedMaybe: shared.nullable(),
      defaulted: z.string().default('x')
    })
    expect(fields).toEqual({
      id: { type: 'string', format: 'uuid', constraints: { required: true } },
      text: { type: 'string', description: 'Some text', constraints: { required: true, minLength: 1, maxLength: 20 } },
      code: { type: 'string', constraints: { required: true, pattern: '[A-Z]{2,5}\\d+' } },
      maybeText: { type: 'string' },
      optionalText: { type: 'string' },
      choice: { type: 'string', title: 'Code', description: 'A code', constraints: { required: true, enum: ['1A', '2B'] } },
      maybeChoice: { type: 'string', constraints: { enum: ['x', 'y'] } },
      literal: { type: 'string', constraints: { required: true, enum: ['only'] } },
      literals: { type: 'number', constraints: { required: true, enum: [1, 2] } },
      count: { type: 'integer', constraints: { required: true } },
      score: { type: 'integer', constraints: { required: true, minimum: -10, maximum: 10 } },
      positive: { type: 'number', constraints: { required: true, exclusiveMinimum: 0 } },
      amount: { type: 'number', constraints: { required: true } },
      flag: { type: 'boolean', trueValues: ['true'], falseValues: ['false'], constraints: { required: true } },
      maybeFlag: { type: 'boolean', trueValues: ['true'], falseValues: ['false'] },
      day: { type: 'date', constraints: { required: true } },
      maybeDay: { type: 'date', description: 'A day, maybe' },
      instant: { type: 'datetime', constraints: { required: true } },
      withOffset: { type: 'datetime', constraints: { required: true } },
      email: { type: 'string', format: 'email', constraints: { required: true } },
      website: { type: 'string', format: 'uri', constraints: { required: true } },
      shared: { type: 'string', format: 'uuid', description: 'A shared id', constraints: { required: true } },
      sharedMaybe: { type: 'string', format: 'uuid', description: 'A shared id' },
      defaulted: { type: 'string', constraints: { required: true } }
    })
  })

  it('keeps the fields in the order of the zod object and declares the empty cell as the missing value', () => {
    const schema = tableSchemaOf(resource(z.object({ b: z.string(), id: z.uuid(), a: z.string() })))
    expect(schema.fields.map((field) => field.name)).toEqual(['b', 'id', 'a'])
    expect(schema.missingValues).toEqual([''])
    expect(schema.primaryKey).toEqual(['id'])
    expect(schema.foreignKeys).toBeUndefined()
  })

  it('writes foreign keys in the Frictionless form, with an empty resource for a reference to itself', () => {
    const schema = tableSchemaOf(
      resource(z.object({ id: z.uuid(), family_id: z.uuid(), parent_id: z.uuid().nullable() }), {
        foreignKeys: [
          { fields: ['family_id'], reference: { resource: 'families', fields: ['id'] } },
          { fields: ['parent_id'], reference: { resource: '', fields: ['id'] } }
        ]
      })
    )
    expect(schema.foreignKeys).toEqual([
      { fields: ['family_id'], reference: { resource: 'families', fields: ['id'] } },
      { fields: ['parent_id'], reference: { resource: '', fields: ['id'] } }
    ])
  })

  it.each([
    ['a transform', { id: z.uuid(), n: z.string().transform((s) => s.length) }, /field n: its zod schema has no plain JSON type/],
    ['a Date object', { id: z.uuid(), when: z.date() }, /field when: its zod schema has no plain JSON type/],
    ['a list', { id: z.uuid(), codes: z.array(z.string()) }, /field codes: a CSV cell cannot hold array/],
    ['a nested object', { id: z.uuid(), address: z.object({ line: z.string() }) }, /field address: a CSV cell cannot hold object/],
    ['a union of types', { id: z.uuid(), either: z.union([z.string(), z.number()]) }, /field either: a cell holds one type of value/],
    ['an unanchored pattern', { id: z.uuid(), code: z.string().regex(/[A-Z]+/) }, /field code: the pattern \[A-Z\]\+ must be anchored/],
    ['a pattern anchored only in part', { id: z.uuid(), code: z.string().regex(/^a|b$/) }, /must be anchored/],
    ['two patterns', { id: z.uuid(), code: z.string().regex(/^a/).regex(/b$/) }, /give one \.regex\(\)/]
  ])('refuses %s, naming the field', (_what, shape, message) => {
    expect(() => tableSchemaOf(resource(z.object(shape)))).toThrow(message)
  })

  it('refuses keys that do not fit the schema', () => {
    const schema = z.object({ id: z.uuid(), maybe: z.uuid().nullable(), other: z.uuid() })
    expect(() => tableSchemaOf(resource(schema, { primaryKey: [] }))).toThrow(/a primary key is needed/)
    expect(() => tableSchemaOf(resource(schema, { primaryKey: ['nope'] }))).toThrow(/primary key field nope is not in the schema/)
    expect(() => tableSchemaOf(resource(schema, { primaryKey: ['maybe'] }))).toThrow(/primary key field maybe must be required/)
    expect(() => tableSchemaOf(resource(schema, { foreignKeys: [{ fields: ['nope'], reference: { resource: 'x', fields: ['id'] } }] }))).toThrow(
      /foreign key field nope/
    )
    expect(() => tableSchemaOf(resource(schema, { foreignKeys: [{ fields: ['other', 'maybe'], reference: { resource: 'x', fields: ['id'] } }] }))).toThrow(
      /as many fields as it references/
    )
    expect(() => tableSchemaOf(resource(schema, { foreignKeys: [{ fields: ['other'], reference: { resource: '', fields: ['nope'] } }] }))).toThrow(
      /self-referencing key field nope/
    )
    expect(() => tableSchemaOf(resource(schema, { foreignKeys: [{ fields: ['other'], reference: { resource: '../x', fields: ['id'] } }] }))).toThrow(
      PackageError
    )
  })

  it.each(['Families', '1families', 'families.csv', '../families', 'families/x', 'con', 'lpt1', '', 'a'.repeat(64)])(
    'refuses the resource name %j (it becomes a file name)',
    (name) => {
      expect(() => tableSchemaOf(resource(z.object({ id: z.uuid() }), { name }))).toThrow(/resource name must be/)
    }
  )
})
