// What a record type gives the package writer: its name, its zod schema and its keys. The writer knows
// nothing about families or people; the export's resources are built on this.
import type { z } from 'zod'
import { PackageError } from './errors'

/** One CSV cell before it is written. `undefined` only for a field the schema marks optional. */
export type CellValue = string | number | boolean | null

export type Row = Readonly<Record<string, CellValue | undefined>>

export interface ForeignKeyDefinition {
  fields: string[]
  /** `resource` is another resource's name in the same package, or '' for a reference to this one. */
  reference: { resource: string; fields: string[] }
}

export interface ResourceDefinition<S extends z.ZodObject = z.ZodObject> {
  /** 'families' → families.csv */
  name: string
  title: string
  description: string
  /** Field descriptions come from .describe() or .meta({ description }). */
  schema: S
  primaryKey: string[]
  foreignKeys?: ForeignKeyDefinition[]
}

// A resource's name becomes a file name, so it is checked here even though only code supplies it:
// lower case (the Frictionless name rule), and never a Windows device name (con.csv cannot be created).
const RESOURCE_NAME = /^[a-z][a-z0-9_]{0,62}$/
const WINDOWS_DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/

export function checkResourceName(name: string): void {
  if (!RESOURCE_NAME.test(name) || WINDOWS_DEVICE_NAMES.test(name)) {
    throw new PackageError(
      'INVALID_RESOURCE',
      `A resource name must be 1 to 63 lower-case letters, digits or underscores, starting with a letter (and not a device name): ${JSON.stringify(name)}`
    )
  }
}
