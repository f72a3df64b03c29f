// The pseudonymised package, for performance reporting: no names, addresses, contact details,
// identifiers or free text. Every id becomes a keyed hash (HMAC-SHA256 with the hub's own key, kept
// in the database and never exported), so a person or family has the same pseudonym in every
// package and references still join; a date of birth becomes its year and month; a postcode its
// district. Each file's columns say which (resources.ts); its schema is derived here from the full one.
import { createHmac } from 'node:crypto'
import { z } from 'zod'
import type { ExportResource, ExportRow } from './resources'

const PSEUDONYM = /^[0-9a-f]{32}$/
const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/
/** An outward code, or GIR (GIR 0AA is a real postcode the validator accepts). */
const DISTRICT = /^([A-Z]{1,2}\d[A-Z\d]?|GIR)$/

const acceptsNull = (field: z.ZodType) => field.safeParse(null).success
const describe = (field: z.ZodType, extra: string) => `${field.description ?? ''} (${extra})`.trim()

/** The schema of a file in the pseudonymised package. */
export function pseudonymisedSchema(resource: ExportResource): z.ZodObject {
  const shape: Record<string, z.ZodType> = {}
  for (const [name, field] of Object.entries(resource.schema.shape) as [string, z.ZodType][]) {
    const how = resource.pseudonymised[name]
    if (how === 'drop') continue
    let out: z.ZodType = field
    if (how === 'hash') {
      // A two-part key (family access) is hashed a part at a time, so it matches the hashed columns it joins.
      const pattern = name === 'record_key' ? /^[0-9a-f]{32}(\|[0-9a-f]{32})?$/ : PSEUDONYM
      out = z.string().regex(pattern).describe(describe(field, 'a pseudonym: the same in every package from this hub'))
    } else if (how === 'yearMonth') {
      out = z.string().regex(YEAR_MONTH).describe(describe(field, 'year and month only'))
    } else if (how === 'district') {
      out = z.string().regex(DISTRICT).describe(describe(field, 'the postcode district only'))
    }
    shape[name] = how && acceptsNull(field) ? out.nullable() : out
  }
  return z.object(shape)
}

/** Turns full rows into pseudonymised ones with the hub's key. */
export function pseudonymiser(resource: ExportResource, key: string): (row: ExportRow) => ExportRow {
  const hash = (value: string) => createHmac('sha256', key).update(value).digest('hex').slice(0, 32)
  const columns = Object.keys(resource.schema.shape)
  return (row) => {
    const out: ExportRow = {}
    for (const name of columns) {
      const how = resource.pseudonymised[name]
      const value = row[name]
      if (how === 'drop') continue
      if (value === null || value === undefined || !how) {
        out[name] = value ?? null
        continue
      }
      const text = String(value)
      if (how === 'hash') out[name] = name === 'record_key' ? text.split('|').map(hash).join('|') : hash(text)
      else if (how === 'yearMonth') out[name] = text.slice(0, 7)
      else out[name] = postcodeDistrict(text)
    }
    return out
  }
}

/** The outward code: all but the last three characters, once spaces are gone (SW1A 1AA → SW1A). */
function postcodeDistrict(postcode: string): string {
  const compact = postcode.replace(/\s+/g, '').toUpperCase()
  return compact.slice(0, Math.max(0, compact.length - 3))
}
