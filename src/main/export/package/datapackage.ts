// datapackage.json: the Frictionless Tabular Data Package descriptor. Written in the v1 form (`profile`
// properties, `resource: ''` for a self-reference), which v2 consumers are required to read. Each
// resource's `hash` is `sha256:<hex>`: both v1 and v2 take an unprefixed hash as MD5 and name any other
// algorithm by a lower-case prefix.
import type { ResourceDefinition } from './resource'
import type { TableSchema } from './tableSchema'
import { PackageError } from './errors'
import type { AuditAnchor } from '../../../shared/backup/schemas'

const DIALECT = { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true } as const

/** What the export says about the run; the writer adds the row counts and the spreadsheet copies. */
export interface CasebookMetadata {
  formatVersion: string
  hubCode: string
  localAuthorityCode: string
  packageSequence: number
  kind: 'full' | 'incremental'
  changeSequence: { from: number; to: number }
  pseudonymised: boolean
  /**
   * The hub's audit trail's last entry (sequence number and hash) as the package's snapshot saw it: an
   * anchor the hub's own verification checks its trail against. Null when the trail was empty.
   */
  auditHead?: AuditAnchor | null
  /** A MAC of auditHead with hubCode and `created`, keyed from the hub's pseudonym key: the hub's own check of a real anchor (src/main/audit/anchorMac.ts). */
  auditHeadMac?: string
  /** Anything else the export wants to state (kept as given; plain JSON values only). */
  [property: string]: unknown
}

export interface SpreadsheetCopyEntry {
  resource: string
  path: string
  bytes: number
  hash: string
}

interface CasebookProperty extends CasebookMetadata {
  rowCounts: Record<string, number>
  /** The analysts' copies (not resources: their values are changed for spreadsheets). Empty when none. */
  spreadsheetCopies: SpreadsheetCopyEntry[]
}

interface ResourceDescriptor {
  name: string
  path: string
  profile: 'tabular-data-resource'
  title: string
  description: string
  format: 'csv'
  mediatype: 'text/csv'
  encoding: 'utf-8'
  dialect: typeof DIALECT
  schema: TableSchema
  hash: string
  bytes: number
}

export interface DataPackageDescriptor {
  profile: 'tabular-data-package'
  name: string
  title: string
  description?: string
  /** The run's instant, ISO 8601 in UTC. */
  created: string
  resources: ResourceDescriptor[]
  casebook: CasebookProperty
}

export const DESCRIPTOR_FILE = 'datapackage.json'

export function sha256Hash(hex: string): string {
  return `sha256:${hex}`
}

/**
 * Checks what the package will hold before anything is written: one resource per name, and every
 * foreign key pointing at a resource of the package and at fields that resource has.
 */
export function checkPackageResources(resources: { definition: ResourceDefinition; schema: TableSchema }[]): void {
  const schemas = new Map<string, TableSchema>()
  for (const { definition, schema } of resources) {
    if (schemas.has(definition.name)) throw new PackageError('INVALID_RESOURCE', `Two resources are named ${definition.name}`)
    schemas.set(definition.name, schema)
  }
  for (const { definition, schema } of resources) {
    for (const key of schema.foreignKeys ?? []) {
      if (key.reference.resource === '') continue
      const target = schemas.get(key.reference.resource)
      if (!target) throw new PackageError('INVALID_RESOURCE', `Resource ${definition.name} refers to ${key.reference.resource}, which is not in the package`)
      const names = new Set(target.fields.map((field) => field.name))
      for (const name of key.reference.fields) {
        if (!names.has(name))
          throw new PackageError('INVALID_RESOURCE', `Resource ${definition.name} refers to ${key.reference.resource}.${name}, which does not exist`)
      }
    }
  }
}

export interface DescribedResource {
  definition: ResourceDefinition
  schema: TableSchema
  path: string
  bytes: number
  sha256: string
  rows: number
}

export function dataPackageDescriptor(input: {
  name: string
  title: string
  description?: string
  created: Date
  metadata: CasebookMetadata
  resources: DescribedResource[]
  spreadsheetCopies: SpreadsheetCopyEntry[]
}): DataPackageDescriptor {
  const rowCounts: Record<string, number> = {}
  for (const resource of input.resources) rowCounts[resource.definition.name] = resource.rows
  return {
    profile: 'tabular-data-package',
    name: input.name,
    title: input.title,
    ...(input.description === undefined ? {} : { description: input.description }),
    created: input.created.toISOString(),
    resources: input.resources.map((resource) => ({
      name: resource.definition.name,
      path: resource.path,
      profile: 'tabular-data-resource',
      title: resource.definition.title,
      description: resource.definition.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: DIALECT,
      schema: resource.schema,
      hash: sha256Hash(resource.sha256),
      bytes: resource.bytes
    })),
    casebook: { ...input.metadata, rowCounts, spreadsheetCopies: input.spreadsheetCopies }
  }
}
