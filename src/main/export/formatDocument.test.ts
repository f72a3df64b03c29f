// docs/export-format.md against the code it describes: the document must be exactly what
// `npm run docs:export` makes of it (so a new file, column, code or rule without a regenerated
// document fails), and, checked here independently of the generator, every file, field, code and
// rule must be in it, and every property of a real package's datapackage.json.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DOCUMENT_PATH, fillSections, formatDocument, SECTION_NAMES } from './formatDocument'
import { EXAMPLE_CREATED_AT, EXAMPLE_METADATA, exampleDescriptor } from './formatExample'
import { RESOURCES } from './resources'
import { tableSchemaOf } from './package/tableSchema'
import { packageFolderName } from './package/packageFolder'
import { rulesForDocument } from './validation'
import { EXPORT_EXIT } from '../cli/exportCommand'
import { tempCasebook } from '../testing/tempCasebook'
import { exportAs } from './exportTestWorld'

const document = readFileSync(DOCUMENT_PATH, 'utf8')

/** The text between a heading and the next heading of the same level or higher. */
function sectionOf(heading: string): string {
  const start = document.indexOf(`\n${heading}\n`)
  expect(start, `the document has no heading ${heading}`).toBeGreaterThan(-1)
  const level = heading.split(' ')[0]!.length
  const rest = document.slice(start + heading.length + 2)
  const next = rest.search(new RegExp(`\\n#{1,${level}} `))
  return next === -1 ? rest : rest.slice(0, next)
}

/** A value as a table cell shows it. */
const shown = (text: string) => text.replace(/\|/g, '\\|')

describe('docs/export-format.md', () => {
  it('is what `npm run docs:export` makes of it', async () => {
    const expected = await formatDocument(document)
    const actual = document.split('\n')
    const wanted = expected.split('\n')
    const line = wanted.findIndex((text, i) => actual[i] !== text)
    const where =
      line === -1
        ? `its last ${actual.length - wanted.length} lines`
        : `line ${line + 1}: ${JSON.stringify(actual[line])}, expected ${JSON.stringify(wanted[line])}`
    expect(document === expected, `docs/export-format.md is not what the code makes (${where}). Run npm run docs:export.`).toBe(true)
  })

  it('describes every file in load order, with every field, its key and its codes', () => {
    const files = sectionOf('## Files and fields')
    let previous = -1
    for (const [i, resource] of RESOURCES.entries()) {
      const heading = `### ${i + 1}. \`${resource.name}.csv\``
      const at = files.indexOf(`\n${heading}\n`)
      expect(at, `${resource.name}.csv is not in load order`).toBeGreaterThan(previous)
      previous = at
      const section = sectionOf(heading)
      const schema = tableSchemaOf(resource)
      expect(section).toContain(`Primary key: ${schema.primaryKey.map((f) => `\`${f}\``).join(', ')}`)
      for (const field of schema.fields) {
        expect(section, `${resource.name}.${field.name}`).toMatch(
          new RegExp(`\\n\\| \`${field.name}\` \\| [^\\n]*${field.constraints?.required ? 'yes' : 'no'}`)
        )
        for (const code of field.constraints?.enum ?? []) expect(section, `${resource.name}.${field.name} code ${code}`).toContain(`\`${code}\``)
        if (field.description) expect(section, `${resource.name}.${field.name}`).toContain(shown(field.description))
      }
      for (const key of schema.foreignKeys ?? []) {
        expect(section).toContain(`${key.fields.map((f) => `\`${f}\``).join(', ')} → [\`${key.reference.resource}.csv\`]`)
        // The document tells importers that this order loads every reference first.
        expect(
          RESOURCES.findIndex((r) => r.name === key.reference.resource),
          `${resource.name}.${key.fields[0]}`
        ).toBeLessThan(i)
      }
      for (const [field, how] of Object.entries(resource.pseudonymised))
        expect(section, `${resource.name}.${field} (${how})`).toMatch(new RegExp(`In the pseudonymised package:[^\\n]*\`${field}\``))
    }
  })

  it('lists every validation rule with its severity, message and what it checks', () => {
    const rules = sectionOf('## Validation rules')
    for (const rule of rulesForDocument()) {
      expect(rules, rule.code).toContain(`| \`${rule.code}\` | ${rule.severity} |`)
      expect(rules, rule.code).toContain(shown(rule.message))
      expect(rules, rule.code).toContain(shown(rule.description))
    }
  })

  it('gives the exit codes of the command line', () => {
    const table = sectionOf('## When packages are made')
    const codes = [...table.matchAll(/^\| (\d+) +\|/gm)].map((m) => Number(m[1]))
    expect(codes.sort()).toEqual(Object.values(EXPORT_EXIT).sort())
  })

  it('names the worked example’s package the same in the text as in the generated part', () => {
    const name = packageFolderName(EXAMPLE_METADATA.hubCode, EXAMPLE_CREATED_AT, EXAMPLE_METADATA.packageSequence)
    const example = sectionOf('## Worked example')
    expect(new Set(example.match(/[A-Z]{2,5}-\d{8}T\d{6}Z-\d{6}/g))).toEqual(new Set([name]))
    expect(example).toContain(`\`changeSequence.from\` (${EXAMPLE_METADATA.changeSequence.from})`)
    expect(example).toContain(`package ${EXAMPLE_METADATA.packageSequence}, change ${EXAMPLE_METADATA.changeSequence.to}`)
  })

  it('refuses a document whose markers are missing or doubled', () => {
    expect(() => fillSections('# Nothing marked')).toThrow(/generated:files/)
    const marked = SECTION_NAMES.map((name) => `<!-- generated:${name} -->\n<!-- /generated:${name} -->`).join('\n')
    expect(() => fillSections(marked)).not.toThrow()
    expect(() => fillSections(`${marked}\n<!-- generated:rules -->`)).toThrow(/generated:rules/)
  })
})

describe('a real package', () => {
  it('has no property in datapackage.json that the document does not describe, and the example has them all', async () => {
    const t = await tempCasebook('format-document')
    try {
      const folder = join(t.dir, 'exports')
      mkdirSync(folder)
      t.casebook.core.exportFolder = folder
      const run = await exportAs(t.connection, { kind: 'full' })
      expect(run).toMatchObject({ status: 'succeeded' })
      const [name] = readdirSync(folder)
      expect(name).toMatch(/^[A-Z]{2,5}-\d{8}T\d{6}Z-\d{6}$/)
      expect(document).toContain('`^[A-Z]{2,5}-\\d{8}T\\d{6}Z-\\d{6}$`')
      const descriptor = JSON.parse(readFileSync(join(folder, name!, 'datapackage.json'), 'utf8'))
      const described = (key: string) => document.includes(`\`${key}\``)
      expect(Object.keys(descriptor).filter((key) => !described(key))).toEqual([])
      expect(Object.keys(descriptor.casebook).filter((key) => !described(key))).toEqual([])
      expect(Object.keys(descriptor.resources[0]).filter((key) => !described(key))).toEqual([])
      expect(Object.keys(exampleDescriptor().casebook).sort()).toEqual(Object.keys(descriptor.casebook).sort())
      expect(descriptor.resources.map((r: { name: string }) => r.name)).toEqual(RESOURCES.map((r) => r.name))
    } finally {
      await t.dispose()
    }
  })
})
