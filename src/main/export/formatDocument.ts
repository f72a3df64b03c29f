// The parts of docs/export-format.md that describe what the code decides: every file and field, the
// code lists, the validation rules and the worked example. They are made here from RESOURCES (with
// the same tableSchemaOf the package writer puts in datapackage.json), GROUPS and rulesForDocument(),
// and written between marker comments by `npm run docs:export`; formatDocument.test.ts fails when the
// document is not what this makes, so a new column, code or rule cannot be left out of it.
import { join } from 'node:path'
import { z } from 'zod'
import * as prettier from 'prettier'
import * as sharedCodes from '../../shared/codes'
import * as referralCodes from '../../shared/referrals/codes'
import * as outbound from '../../shared/referrals/outbound'
import { ROLES } from '../../shared/roles'
import { EXPORT_FORMAT_VERSION } from '../../shared/export/records'
import { VALIDATION_RECORD_TYPE } from '../../shared/export/validation'
import { RESOURCES, resourceNamed, type ExportResource } from './resources'
import { GROUPS } from './groups'
import { tableSchemaOf, type TableField } from './package/tableSchema'
import { rulesForDocument } from './validation'
import { exampleSection } from './formatExample'

export const DOCUMENT_PATH = join(__dirname, '../../../docs/export-format.md')

export const SECTION_NAMES = ['files', 'rules', 'example'] as const
type SectionName = (typeof SECTION_NAMES)[number]

/** A code list as the document names it: the constant it is kept in (src/shared), and its codes. */
interface NamedList {
  name: string
  items: readonly sharedCodes.CodeItem[]
  schema?: z.ZodType
}

const isCodeList = (value: unknown): value is { items: readonly sharedCodes.CodeItem[]; schema: z.ZodType } =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as { items?: unknown }).items) &&
  (value as { schema?: unknown }).schema instanceof z.ZodEnum

/** Every code list the records can use, by the name the code (and the rule descriptions) give it. */
const NAMED_LISTS: NamedList[] = [
  ...[sharedCodes, referralCodes, outbound].flatMap((module) =>
    Object.entries(module)
      .filter((entry): entry is [string, { items: readonly sharedCodes.CodeItem[]; schema: z.ZodType }] => isCodeList(entry[1]))
      .map(([name, list]) => ({ name, items: list.items, schema: list.schema }))
  ),
  { name: 'ROLES', items: ROLES }
]

/** Markdown table cell text: a pipe would end the cell, a line break the row. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*[\r\n]+\s*/g, ' ')
const code = (text: string | number | boolean) => `\`${cell(String(text))}\``
const codes = (values: readonly (string | number | boolean)[]) => values.map(code).join(', ')
// GitHub's heading anchors: lower case, punctuation but _ and - gone, spaces as -.
const listAnchor = (name: string) => `#code-list-${name.toLowerCase()}`
const fileOf = (name: string) => `${name}.csv`
const fileLink = (resource: ExportResource) => `[\`${fileOf(resource.name)}\`](#${RESOURCES.indexOf(resource) + 1}-${resource.name}csv)`
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

function unwrapped(field: z.ZodType): z.ZodType {
  let inner = field
  while (inner instanceof z.ZodNullable || inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType
  return inner
}

/** The named list a coded field draws on: the very schema it was built from, else the list with exactly its codes. */
function listFor(resource: ExportResource, field: TableField): NamedList | undefined {
  const values = field.constraints?.enum
  if (!values) return undefined
  const zodField = unwrapped(resource.schema.shape[field.name] as z.ZodType)
  const same = NAMED_LISTS.find((list) => list.schema !== undefined && list.schema.def === zodField.def)
  if (same) return same
  return NAMED_LISTS.find((list) => list.items.length === values.length && list.items.every((item, i) => item.code === values[i]))
}

function typeOf(field: TableField): string {
  return field.format ? `${code(field.type)} (${field.format})` : code(field.type)
}

function valuesOf(resource: ExportResource, field: TableField): string {
  const c = field.constraints ?? {}
  const parts: string[] = []
  if (c.enum) {
    const list = listFor(resource, field)
    parts.push(list ? `[${list.name}](${listAnchor(list.name)}): ${codes(c.enum)}` : `one of ${codes(c.enum)}`)
  }
  if (field.format === 'uuid') parts.push('a UUID')
  if (field.type === 'boolean') parts.push(`${code(field.trueValues?.[0] ?? 'true')} or ${code(field.falseValues?.[0] ?? 'false')}`)
  if (field.type === 'date') parts.push(code('YYYY-MM-DD'))
  if (field.type === 'datetime') parts.push(`${code('YYYY-MM-DDTHH:MM:SS.sssZ')} (UTC)`)
  if (c.pattern !== undefined) parts.push(`the whole value matches ${code(c.pattern)}`)
  if (c.minLength !== undefined) parts.push(`at least ${plural(c.minLength, 'character')}`)
  if (c.maxLength !== undefined) parts.push(`up to ${plural(c.maxLength, 'character')}`)
  if (c.minimum !== undefined && c.maximum !== undefined) parts.push(`${c.minimum} to ${c.maximum}`)
  else if (c.minimum !== undefined) parts.push(`at least ${c.minimum}`)
  else if (c.maximum !== undefined) parts.push(`at most ${c.maximum}`)
  return parts.join('; ')
}

/** How an importer finds the rows of a file that belong to one record of the group's parent file. */
interface TravelsWith {
  parent: ExportResource
  child: ExportResource
  /** The child's column holding the parent's key, or the column leading to a sibling that holds it. */
  column: string
  /** The sibling file in between, when the child does not name the parent itself. */
  through?: { resource: ExportResource; column: string }
}

/** Every file sent with its parent record (GROUPS), and how its rows are tied to that parent. */
function travelsWith(): TravelsWith[] {
  const out: TravelsWith[] = []
  for (const group of GROUPS) {
    const parent = resourceNamed(group.record)
    for (const name of group.files.filter((f) => f !== group.record)) {
      const child = resourceNamed(name)
      const direct = child.foreignKeys.find((k) => k.reference.resource === parent.name && k.fields.length === 1)
      if (direct) {
        out.push({ parent, child, column: direct.fields[0]! })
        continue
      }
      const viaSibling = child.foreignKeys
        .filter((k) => group.files.includes(k.reference.resource) && k.fields.length === 1)
        .map((k) => ({ key: k, sibling: resourceNamed(k.reference.resource) }))
        .map(({ key, sibling }) => ({ key, sibling, up: sibling.foreignKeys.find((k) => k.reference.resource === parent.name && k.fields.length === 1) }))
        .find((x) => x.up)
      if (!viaSibling) throw new Error(`${name}.csv is sent with ${parent.name}.csv but no foreign key says which ${parent.name} row it belongs to`)
      out.push({ parent, child, column: viaSibling.key.fields[0]!, through: { resource: viaSibling.sibling, column: viaSibling.up!.fields[0]! } })
    }
  }
  return out
}

const PSEUDONYMISED: Record<'hash' | 'yearMonth' | 'district' | 'drop', string> = {
  hash: 'pseudonyms (keyed hashes)',
  yearMonth: 'the year and month only',
  district: 'the postcode district only',
  drop: 'left out'
}

function pseudonymisedLine(resource: ExportResource): string {
  const parts = (['hash', 'yearMonth', 'district', 'drop'] as const)
    .map((how) => ({ how, fields: Object.keys(resource.schema.shape).filter((f) => resource.pseudonymised[f] === how) }))
    .filter((p) => p.fields.length > 0)
    .map((p) => `${PSEUDONYMISED[p.how]}: ${codes(p.fields)}`)
  return parts.length === 0 ? 'In the pseudonymised package: as here.' : `In the pseudonymised package: ${parts.join('; ')}; every other column as here.`
}

function fileSection(resource: ExportResource, position: number, links: TravelsWith[]): string {
  const schema = tableSchemaOf(resource)
  const lines = [`### ${position}. \`${fileOf(resource.name)}\``, '', `**${resource.title}.** ${resource.description}`, '']
  lines.push(`- Primary key: ${codes(schema.primaryKey)}${schema.primaryKey.length > 1 ? ' (together)' : ''}.`)
  const keys = schema.foreignKeys ?? []
  if (keys.length > 0) {
    lines.push(
      `- References: ${keys.map((k) => `${codes(k.fields)} → ${fileLink(resourceNamed(k.reference.resource))} ${codes(k.reference.fields)}`).join('; ')}.`
    )
  }
  const children = links.filter((l) => l.parent === resource)
  if (children.length > 0) {
    lines.push(
      `- Each row comes with all of that record's current rows in ${children.map((l) => fileLink(l.child)).join(', ')} ([replace them](#files-sent-with-their-parent-record)).`
    )
  }
  const mine = links.find((l) => l.child === resource)
  if (mine) {
    const how = mine.through
      ? `through ${code(mine.column)}: the rows of the ${fileLink(mine.through.resource)} rows whose ${code(mine.through.column)} is that record's key`
      : `whose ${code(mine.column)} is that record's key`
    lines.push(`- Sent with its parent record in ${fileLink(mine.parent)}, all of that record's current rows at once: replace the rows ${how}.`)
  }
  lines.push(`- ${pseudonymisedLine(resource)}`, '')
  lines.push('| Field | Type | Required | Values | Description |', '| --- | --- | --- | --- | --- |')
  for (const field of schema.fields) {
    const required = field.constraints?.required ? 'yes' : 'no'
    lines.push(`| ${code(field.name)} | ${typeOf(field)} | ${required} | ${valuesOf(resource, field)} | ${cell(field.description ?? '')} |`)
  }
  return lines.join('\n')
}

function codeListSections(): string {
  const uses = new Map<NamedList, string[]>()
  for (const resource of RESOURCES) {
    for (const field of tableSchemaOf(resource).fields) {
      const list = listFor(resource, field)
      if (list) uses.set(list, [...(uses.get(list) ?? []), `${resource.name}.${field.name}`])
    }
  }
  return [...uses]
    .map(([list, where]) =>
      [
        `#### Code list ${list.name}`,
        '',
        `Used in: ${codes(where)}.`,
        '',
        '| Code | Meaning |',
        '| --- | --- |',
        ...list.items.map((item) => `| ${code(item.code)} | ${cell(item.label)} |`)
      ].join('\n')
    )
    .join('\n\n')
}

function filesSection(): string {
  const links = travelsWith()
  const overview = [
    `These tables describe format version **${EXPORT_FORMAT_VERSION}**. A package holds ${RESOURCES.length} files; \`datapackage.json\` lists them in this order, which is the order to load them in (a file's references are to files before it).`,
    '',
    '| # | File | What it holds | Primary key |',
    '| --- | --- | --- | --- |',
    ...RESOURCES.map((r, i) => `| ${i + 1} | ${fileLink(r)} | ${cell(r.description)} | ${codes(r.primaryKey)} |`),
    '',
    '### Files sent with their parent record',
    '',
    'When a row of the parent file is in a package, every current row that belongs to it in these files is in the same package (none, if it has none now). Replace them: delete what you hold for that parent record, then insert what came.',
    '',
    '| Parent file | Sent with it | Its rows belong to the parent record by |',
    '| --- | --- | --- |',
    ...links.map(
      (l) =>
        `| ${fileLink(l.parent)} | ${fileLink(l.child)} | ${l.through ? `${code(l.column)} → ${fileLink(l.through.resource)}, whose ${code(l.through.column)} is the parent's key` : code(l.column)} |`
    )
  ]
  const files = RESOURCES.map((r, i) => fileSection(r, i + 1, links))
  return [
    overview.join('\n'),
    ...files,
    '### Code lists',
    "Each coded field's `enum` in `datapackage.json` holds these codes; here is what each one means.",
    codeListSections()
  ].join('\n\n')
}

function rulesSection(): string {
  const rules = rulesForDocument()
  const errors = rules.filter((r) => r.severity === 'error').length
  return [
    `${plural(rules.length, 'rule')}: ${plural(errors, 'error')} (each blocks the export until it is put right) and ${plural(rules.length - errors, 'warning')}. ` +
      'A full package is checked over every record, an incremental one over the records it carries.',
    '',
    '| Code | Severity | Record | Message (what the hub is told) | What is checked |',
    '| --- | --- | --- | --- | --- |',
    ...rules.map(
      (r) => `| ${code(r.code)} | ${r.severity} | ${cell(VALIDATION_RECORD_TYPE.label(r.recordType))} | ${cell(r.message)} | ${cell(r.description)} |`
    )
  ].join('\n')
}

/** The generated Markdown of each marked section of the document. */
function generatedSections(): Record<SectionName, string> {
  return { files: filesSection(), rules: rulesSection(), example: exampleSection() }
}

const IGNORE_START = '<!-- prettier-ignore-start -->'
const IGNORE_END = '<!-- prettier-ignore-end -->'
const START = (name: string) => `<!-- generated:${name} -->`
const END = (name: string) => `<!-- /generated:${name} -->`

/** The document with each marked section's content replaced; refuses a document whose markers are missing or doubled. */
export function fillSections(document: string, sections: Record<SectionName, string> = generatedSections()): string {
  let out = document
  for (const name of SECTION_NAMES) {
    const starts = out.split(START(name)).length - 1
    const ends = out.split(END(name)).length - 1
    if (starts !== 1 || ends !== 1) throw new Error(`docs/export-format.md needs exactly one ${START(name)} and one ${END(name)} (found ${starts} and ${ends})`)
    const from = out.indexOf(START(name)) + START(name).length
    const to = out.indexOf(END(name))
    if (to < from) throw new Error(`docs/export-format.md: ${END(name)} comes before ${START(name)}`)
    // Prettier would pad every row of a table to its widest cell (some are hundreds of characters):
    // the generated tables stay compact, which GitHub shows the same.
    out = `${out.slice(0, from)}\n${IGNORE_START}\n\n${sections[name]}\n\n${IGNORE_END}\n${out.slice(to)}`
  }
  return out
}

/**
 * The whole document as `npm run docs:export` writes it: formatted as Prettier formats Markdown here,
 * then the sections filled. Prettier leaves the sections as they are (they are in ignore ranges), and
 * takes seconds over their tables, so it formats the document with them empty.
 */
export async function formatDocument(document: string): Promise<string> {
  const options = (await prettier.resolveConfig(DOCUMENT_PATH)) ?? {}
  const empty = Object.fromEntries(SECTION_NAMES.map((name) => [name, ''])) as Record<SectionName, string>
  const prose = await prettier.format(fillSections(document, empty), { ...options, parser: 'markdown', filepath: DOCUMENT_PATH })
  return fillSections(prose)
}
