// A draft of a form is what the form would send part-way through its filling in: the same fields as
// the form's own schema, each of them perhaps still blank, unfinished or wrong (a postcode half
// typed, a date with no year yet), but never a field the form does not have, nor longer than the
// form's schema allows. So a draft's schema is made from the form's schema, never written again.
import { z } from 'zod'

type Schema = z.core.$ZodType
// zod's defs are a union of every schema kind's def; the walk reads them by `type` (as testing/schemaWalk does).
type AnyDef = Record<string, any>
const defOf = (schema: Schema): AnyDef => schema._zod.def as unknown as AnyDef

/** Kinds that only pass a value on (a preprocess step, z.custom): the pipe's other side says what it is. */
const PASSING = new Set(['transform', 'custom'])
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch'])

const checksOf = (def: AnyDef): AnyDef[] => (def.checks ?? []).map((c: Schema) => defOf(c))
const maximumOf = (def: AnyDef): number | null => checksOf(def).find((c) => c.check === 'max_length')?.maximum ?? null

/** The field as the form holds it, through the wrappers and pipes the form's rules add. */
function field(schema: Schema): Schema {
  const def = defOf(schema)
  if (WRAPPERS.has(def.type)) return field(def.innerType)
  if (def.type === 'pipe') return field(PASSING.has(defOf(def.in).type) ? def.out : def.in)
  return schema
}

/**
 * The schema of a draft of `schema`. Objects keep their fields and refuse others; any field may be
 * missing or null; text is any text up to the field's own maximum; a choice is one of its codes or
 * nothing chosen (''); a list keeps its maximum. The form's other rules (required, formats, dates,
 * across fields) are left to the save of the record itself. A field that has no maximum of its own
 * cannot be drafted, and says so when the schema is made, not when a draft is saved.
 */
export function draftOf(schema: Schema, path = ''): z.ZodType {
  const inner = field(schema)
  const def = defOf(inner)
  const at = path || '(the form)'
  switch (def.type) {
    case 'object':
      return z.strictObject(
        Object.fromEntries(
          Object.entries(def.shape as Record<string, Schema>).map(([key, value]) => {
            const drafted = draftOf(value, path ? `${path}.${key}` : key)
            // Which kind of member a part is (a discriminator) is known from the moment it is added.
            return [key, defOf(field(value)).type === 'literal' ? drafted : drafted.nullable().optional()]
          })
        )
      )
    case 'array': {
      const maximum = maximumOf(def)
      if (maximum === null) throw new Error(`draftOf: ${at} is a list with no maximum`)
      return z.array(draftOf(def.element, `${path}[]`)).max(maximum)
    }
    case 'union': {
      const options = (def.options as Schema[]).map((option) => draftOf(option, path))
      return def.discriminator ? z.discriminatedUnion(def.discriminator, options as never) : z.union(options as never)
    }
    case 'string': {
      const maximum = maximumOf(def)
      if (maximum !== null) return z.string().max(maximum)
      // An identifier the form was given (a person confirmed not to be this one), never typed.
      if (def.format === 'uuid' || def.format === 'guid') return inner as z.ZodType
      throw new Error(`draftOf: ${at} is text with no maximum`)
    }
    case 'enum':
      return z.union([inner as z.ZodType, z.literal('')])
    case 'boolean':
    case 'literal':
      return inner as z.ZodType
    default:
      throw new Error(`draftOf: ${at} is a ${def.type}, which a draft cannot hold`)
  }
}
