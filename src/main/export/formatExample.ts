// The worked example of docs/export-format.md: a small incremental package (a family that changed,
// a child new to it with a disability, a team member removed), written by the package writer's own
// pieces (row encoder, CSV lines, descriptor), so the example cannot show a column, a value or a
// hash that a real package would not. Each row must fit its file's zod schema, every column given:
// a new column fails `npm run docs:export` here until the example says what it holds.
import { createHash } from 'node:crypto'
import { EXPORT_FORMAT_VERSION } from '../../shared/export/records'
import { RESOURCES, resourceNamed, type ExportResource, type ExportRow } from './resources'
import { tableSchemaOf } from './package/tableSchema'
import { compileRowEncoder } from './package/rowEncoder'
import { csvLine, quotableFields } from './package/csvFile'
import { dataPackageDescriptor, type CasebookMetadata, type DataPackageDescriptor } from './package/datapackage'
import { packageFolderName } from './package/packageFolder'

const RITA = '0b6f3c1a-5d2e-4c7b-9a18-3e4f5a6b7c8d'
const PAT = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6'
const FAMILY = '4f8a2c6e-1b3d-4e5f-8a7b-9c0d1e2f3a4b'
const AMARA = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d'
const MEMBERSHIP = 'e5f6a7b8-c9d0-4e1f-9a2b-3c4d5e6f7a8b'
const REMOVED_MEMBER = 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f'

export const EXAMPLE_CREATED_AT = new Date('2026-11-24T18:30:00.000Z')

export const EXAMPLE_METADATA: CasebookMetadata = {
  formatVersion: EXPORT_FORMAT_VERSION,
  hubCode: 'TH',
  localAuthorityCode: '330',
  packageSequence: 2,
  kind: 'incremental',
  changeSequence: { from: 41, to: 47 },
  pseudonymised: false,
  caseNoteText: false,
  auditHead: {
    seq: 1289,
    hash: '5d0c1e7a9b3f48e2a6c4d8b1f0e3a7c9d2b5f8e1a4c7d0b3e6f9a2c5d8b1e4f7',
    firstHash: '9f2b6e1d4a8c3f7b0e5d9a2c6f1b4e8d3a7c0f5b9e2d6a1c4f8b3e7d0a5c9f2b',
    databaseId: '4c1f9a7e2b8d6053e1a9c7f4b2d8e610'
  },
  auditHeadMac: 'b7e4a19c3d5f8026e1c9a4d7f3b0e58a2c6d9f1b4e7a0c3d5f8b2e6a9c1d4f70'
}

/** The rows of the example; every other file holds its header row only. */
const EXAMPLE_ROWS: Readonly<Record<string, ExportRow[]>> = {
  families: [
    {
      id: FAMILY,
      reference: 'TH-000001',
      address_line1: '12 Canal Street',
      address_line2: null,
      town: 'Riverside',
      postcode: 'M1 1AE',
      phone: '0161 496 0000',
      email: 'okafor@example.com',
      main_language: 'English',
      interpreter_needed: false,
      heard_about: 'HEALTH_VISITOR',
      restricted: false,
      registered_at: '2026-11-02T09:30:12.000Z',
      registered_by_user_id: RITA,
      updated_at: '2026-11-24T10:02:41.000Z'
    }
  ],
  people: [
    {
      id: AMARA,
      family_id: FAMILY,
      kind: 'child',
      given_name: 'Amara',
      family_name: 'Okafor',
      date_of_birth: '2021-05-14',
      expected_date: null,
      sex: 'F',
      ethnicity: 'BAFR',
      nhs_number: '9434765919',
      upn: null,
      upn_unknown: 'UN1',
      school: null,
      gp_practice: 'Dr Shah, Canal Street Surgery',
      relationship: null,
      parental_responsibility: null,
      created_at: '2026-11-24T10:05:03.000Z',
      updated_at: '2026-11-24T10:05:03.000Z'
    }
  ],
  person_disabilities: [{ person_id: AMARA, code: 'COMM' }],
  memberships: [{ id: MEMBERSHIP, person_id: AMARA, family_id: FAMILY, joined_at: '2026-11-24T10:05:03.000Z', left_at: null, recorded_by_user_id: RITA }],
  deletions: [{ resource: 'team_members', record_key: REMOVED_MEMBER, deleted_at: '2026-11-24T11:20:00.000Z', deleted_by_user_id: PAT }]
}

/** A file of the example as the package writer writes it (CRLF line ends). */
function exampleCsv(resource: ExportResource): string {
  const schema = tableSchemaOf(resource)
  const encode = compileRowEncoder(resource.name, schema)
  const rows = EXAMPLE_ROWS[resource.name] ?? []
  const lines = [csvLine(schema.fields.map((field) => field.name))]
  for (const [i, row] of rows.entries()) {
    const fit = resource.schema.safeParse(row)
    if (!fit.success) throw new Error(`The worked example's ${resource.name}.csv row ${i + 1} does not fit the file (formatExample.ts): ${fit.error.message}`)
    lines.push(csvLine(encode(row, i + 1), quotableFields(schema)))
  }
  return lines.join('')
}

/** The example package's datapackage.json, with each file's real size and SHA-256 (spreadsheet copies left out). */
export function exampleDescriptor(): DataPackageDescriptor {
  const name = packageFolderName(EXAMPLE_METADATA.hubCode, EXAMPLE_CREATED_AT, EXAMPLE_METADATA.packageSequence)
  return dataPackageDescriptor({
    name: name.toLowerCase(),
    title: `Casebook export from hub ${EXAMPLE_METADATA.hubCode}`,
    created: EXAMPLE_CREATED_AT,
    metadata: EXAMPLE_METADATA,
    resources: RESOURCES.map((resource) => {
      const bytes = Buffer.from(exampleCsv(resource), 'utf8')
      return {
        definition: resource,
        schema: tableSchemaOf(resource),
        path: `${resource.name}.csv`,
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        rows: EXAMPLE_ROWS[resource.name]?.length ?? 0
      }
    }),
    spreadsheetCopies: []
  })
}

const block = (language: string, text: string) => ['```' + language, text.replace(/\r\n/g, '\n').trimEnd(), '```'].join('\n')

export function exampleSection(): string {
  const name = packageFolderName(EXAMPLE_METADATA.hubCode, EXAMPLE_CREATED_AT, EXAMPLE_METADATA.packageSequence)
  const descriptor = exampleDescriptor()
  const { spreadsheetCopies: _copies, ...casebook } = descriptor.casebook
  const deletions = descriptor.resources.find((r) => r.name === 'deletions')!
  const shown = Object.keys(EXAMPLE_ROWS).map(resourceNamed)
  const others = RESOURCES.length - shown.length
  return [
    `The folder \`${name}\`: package ${EXAMPLE_METADATA.packageSequence} of hub ${EXAMPLE_METADATA.hubCode}, incremental, changes ${EXAMPLE_METADATA.changeSequence.from + 1} to ${EXAMPLE_METADATA.changeSequence.to}. ` +
      `Its ${shown.length} files with rows are below (lines end CRLF in the files); the other ${others} hold their header row only.`,
    ...shown.flatMap((resource) => [`\`${resource.name}.csv\`:`, block('csv', exampleCsv(resource))]),
    '`datapackage.json`, its `casebook` property (`spreadsheetCopies`, one entry per copy, left out here):',
    block('json', JSON.stringify({ casebook }, null, 2)),
    "and its entry for `deletions.csv` among the `resources`, with the file's real size and hash:",
    block('json', JSON.stringify(deletions, null, 2))
  ].join('\n\n')
}
