// The independent reader is only worth having if it catches a bad package. These packages are made by
// hand here (not by the writer), then spoilt one way at a time.
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkPackage, readPackage } from './readPackage'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'read-package-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

const FAMILY_1 = '00000001-0000-4000-8000-000000000001'
const FAMILY_2 = '00000001-0000-4000-8000-000000000002'
const PERSON_1 = '00000002-0000-4000-8000-000000000001'
const PERSON_2 = '00000002-0000-4000-8000-000000000002'

const familiesCsv = () => `id,reference,interpreter,registered_on\r\n${FAMILY_1},TH1,true,2026-01-31\r\n${FAMILY_2},TH2,false,\r\n`
const peopleCsv = () =>
  `id,family_id,parent_id,name,score,sex\r\n${PERSON_1},${FAMILY_1},,"Okafor, ""Grace""\r\nsecond line",-3,F\r\n${PERSON_2},${FAMILY_1},${PERSON_1},王秀英 👩‍👧,10,\r\n`

const schemas = () => ({
  families: {
    fields: [
      { name: 'id', type: 'string', format: 'uuid', constraints: { required: true } },
      { name: 'reference', type: 'string', constraints: { required: true, pattern: '[A-Z]{2,5}\\d+', maxLength: 10 } },
      { name: 'interpreter', type: 'boolean', trueValues: ['true'], falseValues: ['false'], constraints: { required: true } },
      { name: 'registered_on', type: 'date' }
    ],
    missingValues: [''],
    primaryKey: ['id']
  },
  people: {
    fields: [
      { name: 'id', type: 'string', format: 'uuid', constraints: { required: true } },
      { name: 'family_id', type: 'string', format: 'uuid', constraints: { required: true } },
      { name: 'parent_id', type: 'string', format: 'uuid' },
      { name: 'name', type: 'string', constraints: { required: true, maxLength: 40 } },
      { name: 'score', type: 'integer', constraints: { minimum: -10, maximum: 10 } },
      { name: 'sex', type: 'string', constraints: { enum: ['F', 'M'] } }
    ],
    missingValues: [''],
    primaryKey: ['id'],
    foreignKeys: [
      { fields: ['family_id'], reference: { resource: 'families', fields: ['id'] } },
      { fields: ['parent_id'], reference: { resource: '', fields: ['id'] } }
    ]
  }
})

/** Writes a package by hand; `spoil` may change the files or the descriptor before the hashes are taken. */
function handMade(folder: string, spoil: { files?: Record<string, string | Buffer>; descriptor?: (d: any) => void; hashFirst?: boolean } = {}) {
  mkdirSync(folder, { recursive: true })
  const files: Record<string, string | Buffer> = { 'families.csv': familiesCsv(), 'people.csv': peopleCsv(), ...spoil.files }
  const s = schemas()
  const resource = (name: 'families' | 'people') => {
    const content = files[`${name}.csv`]!
    const bytes = Buffer.from(content)
    writeFileSync(join(folder, `${name}.csv`), bytes)
    return {
      name,
      path: `${name}.csv`,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
      schema: s[name],
      hash: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
      bytes: bytes.length
    }
  }
  const descriptor = {
    profile: 'tabular-data-package',
    name: 'th-20261124t031420z-000001',
    title: 'Test',
    created: '2026-11-24T03:14:20.000Z',
    resources: [resource('families'), resource('people')],
    casebook: { rowCounts: { families: 2, people: 2 }, spreadsheetCopies: [] }
  }
  spoil.descriptor?.(descriptor)
  writeFileSync(join(folder, 'datapackage.json'), JSON.stringify(descriptor, null, 2))
}

describe('readPackage', () => {
  it('reads a sound package and returns its rows typed', async () => {
    handMade(dir)
    const read = await readPackage(dir)
    expect(read.resources.families!.rows).toEqual([
      { id: FAMILY_1, reference: 'TH1', interpreter: true, registered_on: '2026-01-31' },
      { id: FAMILY_2, reference: 'TH2', interpreter: false, registered_on: null }
    ])
    expect(read.resources.people!.rows).toEqual([
      { id: PERSON_1, family_id: FAMILY_1, parent_id: null, name: 'Okafor, "Grace"\r\nsecond line', score: -3, sex: 'F' },
      { id: PERSON_2, family_id: FAMILY_1, parent_id: PERSON_1, name: '王秀英 👩‍👧', score: 10, sex: null }
    ])
  })

  it.each<[string, Parameters<typeof handMade>[1], RegExp]>([
    ['a changed byte', { files: {}, descriptor: (d) => (d.resources[0].hash = d.resources[0].hash.replace(/.$/, '0')) }, /families: declares hash sha256:/],
    ['a wrong size', { descriptor: (d) => (d.resources[1].bytes += 1) }, /people: declares \d+ bytes, the file has/],
    ['a byte order mark', { files: { 'families.csv': `\uFEFF${familiesCsv()}` } }, /families: starts with a byte order mark/],
    [
      'the header in another order',
      { files: { 'families.csv': familiesCsv().replace('id,reference', 'reference,id') } },
      /families: header .* is not the schema's fields in order/
    ],
    ['bare LF line ends', { files: { 'families.csv': familiesCsv().replace(/\r\n/g, '\n') } }, /families: the last line does not end with "\\r\\n"/],
    ['a stray quote', { files: { 'people.csv': peopleCsv().replace(',-3,', ',-"3,') } }, /people: not valid CSV/],
    ['a row too short', { files: { 'families.csv': `${familiesCsv()}x,TH3\r\n` } }, /families: not valid CSV/],
    ['invalid UTF-8', { files: { 'families.csv': Buffer.concat([Buffer.from(familiesCsv()), Buffer.from([0xff, 0x0d, 0x0a])]) } }, /families: not valid UTF-8/],
    ['a code not in the enum', { files: { 'people.csv': peopleCsv().replace(',-3,F', ',-3,X') } }, /people line 2, sex: "X" breaks enum/],
    ['a number out of range', { files: { 'people.csv': peopleCsv().replace(',-3,F', ',-11,F') } }, /people line 2, score: "-11" breaks minimum -10/],
    ['a fraction in an integer', { files: { 'people.csv': peopleCsv().replace(',-3,F', ',1.5,F') } }, /people line 2, score: "1.5" is not a integer/],
    [
      'a boolean spelt otherwise',
      { files: { 'families.csv': familiesCsv().replace('TH1,true', 'TH1,yes') } },
      /families line 2, interpreter: "yes" is not a boolean/
    ],
    ['an impossible date', { files: { 'families.csv': familiesCsv().replace('2026-01-31', '2026-02-31') } }, /registered_on: "2026-02-31" is not a date/],
    ['a pattern broken', { files: { 'families.csv': familiesCsv().replace('TH1,', 'th1,') } }, /families line 2, reference: "th1" breaks pattern/],
    ['text too long', { files: { 'people.csv': peopleCsv().replace('王秀英', 'x'.repeat(41)) } }, /name: .* breaks maxLength 40/],
    ['a required value missing', { files: { 'families.csv': familiesCsv().replace('TH2,false', 'TH2,') } }, /families line 3, interpreter: required but empty/],
    [
      'a malformed uuid',
      { files: { 'families.csv': familiesCsv().replace(FAMILY_2, 'family-2') } },
      /families line 3, id: "family-2" is not a string \(uuid\)/
    ],
    ['a repeated primary key', { files: { 'families.csv': familiesCsv().replace(FAMILY_2, FAMILY_1) } }, /families line 3: primary key .* is repeated/],
    [
      'a reference to no family',
      { files: { 'people.csv': peopleCsv().replace(`${PERSON_1},${FAMILY_1}`, `${PERSON_1},${FAMILY_1.replace(/1$/, '9')}`) } },
      /people line 2: family_id .* is not a families id/
    ],
    [
      'a reference to no person',
      { files: { 'people.csv': peopleCsv().replace(`${FAMILY_1},${PERSON_1}`, `${FAMILY_1},${PERSON_2.replace(/2$/, '7')}`) } },
      /people line 3: parent_id .* is not a people id/
    ],
    ['a row count that does not match', { descriptor: (d) => (d.casebook.rowCounts.people = 3) }, /people: casebook.rowCounts says 3, the file has 2 rows/],
    [
      'a path out of the package',
      { descriptor: (d) => (d.resources[0].path = '../families.csv') },
      /families: path "..\/families.csv" is not a plain file name/
    ]
  ])('finds %s', async (_what, spoil, message) => {
    handMade(dir, spoil)
    const { problems } = await checkPackage(dir)
    expect(problems.join('\n')).toMatch(message)
    await expect(readPackage(dir)).rejects.toThrow(/is not sound/)
  })

  it('finds a file in the folder that datapackage.json does not list', async () => {
    handMade(dir)
    writeFileSync(join(dir, 'extra.csv'), 'id\r\n')
    await expect(readPackage(dir)).rejects.toThrow(/extra.csv: in the package folder but not listed/)
  })

  it('resolves a foreign key into an earlier package, or into keys passed in, and nowhere else', async () => {
    const first = join(dir, 'first')
    handMade(first)
    const earlier = await readPackage(first)
    // An incremental package: one person changed, whose family is only in the first package.
    const PERSON_3 = '00000002-0000-4000-8000-000000000003'
    const later = join(dir, 'later')
    const laterPeople = `id,family_id,parent_id,name,score,sex\r\n${PERSON_3},${FAMILY_2},${PERSON_1},Ada,,M\r\n`
    handMade(later, {
      files: { 'families.csv': 'id,reference,interpreter,registered_on\r\n', 'people.csv': laterPeople },
      descriptor: (d) => (d.casebook.rowCounts = {})
    })

    const alone = await checkPackage(later)
    expect(alone.problems).toEqual([
      `people line 2: family_id ["${FAMILY_2}"] is not a families id`,
      `people line 2: parent_id ["${PERSON_1}"] is not a people id`
    ])
    expect((await checkPackage(later, { earlier: [earlier] })).problems).toEqual([])
    const knownKeys = [
      { resource: 'families', fields: ['id'], values: [[FAMILY_2]] },
      { resource: 'people', fields: ['id'], values: [[PERSON_1]] }
    ]
    expect((await checkPackage(later, { knownKeys })).problems).toEqual([])
  })

  it('shares no code with the writer it checks', () => {
    const source = readFileSync(join(__dirname, 'readPackage.ts'), 'utf8')
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1])
    expect(imports).toEqual(['node:crypto', 'node:fs/promises', 'node:path', 'csv-parse/sync'])
  })
})
