// The exact CSV files: RFC 4180 byte for byte, hashed and counted as written, and a row that contradicts
// the declared schema stops the write rather than producing a package that lies about itself.
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { CsvFileWriter, csvField, csvLine, eachRow, quotableFields, type WrittenFile } from './csvFile'
import type { Row } from './resource'
import { compileRowEncoder } from './rowEncoder'
import { tableSchemaOf, type TableSchema } from './tableSchema'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'csv-file-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

const schema = tableSchemaOf({
  name: 'things',
  title: 'Things',
  description: 'Things',
  primaryKey: ['id'],
  schema: z.object({
    id: z.int(),
    name: z.string().nullable(),
    code: z.enum(['A', 'B']).nullable(),
    flag: z.boolean().nullable(),
    amount: z.number().nullable(),
    day: z.iso.date().nullable(),
    at: z.iso.datetime().nullable(),
    ref: z.uuid().nullable()
  })
})

const blank = { name: null, code: null, flag: null, amount: null, day: null, at: null, ref: null }

/** One exact CSV file from rows, made of the pieces the package writer uses (it writes a file of each resource the same way). */
async function writeCsvFile(
  path: string,
  resourceName: string,
  schema: TableSchema,
  rows: Iterable<Row>,
  onRows?: (rowsSoFar: number) => void
): Promise<WrittenFile & { rows: number }> {
  const encode = compileRowEncoder(resourceName, schema)
  const file = await CsvFileWriter.create(path)
  try {
    file.add(csvLine(schema.fields.map((field) => field.name)))
    const quotable = quotableFields(schema)
    let count = 0
    await eachRow(rows, (row) => {
      count++
      if (file.add(csvLine(encode(row, count), quotable))) return file.flush().then(() => onRows?.(count))
    })
    onRows?.(count)
    const written = await file.finish()
    await file.durable()
    return { ...written, rows: count }
  } catch (error) {
    await file.abort()
    throw error
  }
}

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['a\nb', '"a\nb"'],
    ['a\rb', '"a\rb"'],
    ['a\r\nb', '"a\r\nb"'],
    ['  spaced  ', '  spaced  '],
    ["it's", "it's"],
    ['=1+2', '=1+2']
  ])('%j is written as %j', (text, written) => {
    expect(csvField(text)).toBe(written)
  })
})

describe('writeCsvFile', () => {
  it('writes RFC 4180 CSV byte for byte: header, CRLF, quotes only where needed, no BOM, exact values', async () => {
    const path = join(dir, 'things.csv')
    const rows: Row[] = [
      {
        id: 1,
        name: 'Smith, Jones',
        code: 'A',
        flag: true,
        amount: 0.1 + 0.2,
        day: '2026-02-28',
        at: '2026-11-24T03:14:20.000Z',
        ref: '0000000a-0000-4000-8000-000000000001'
      },
      { id: -2, ...blank, name: 'She said "no"\r\nthen left', flag: false, amount: 1e21 },
      { id: 3, ...blank, name: 'Zoë 王 👨‍👩‍👧', amount: -1.5e-7 }
    ]
    const written = await writeCsvFile(path, 'things', schema, rows)

    const expected =
      'id,name,code,flag,amount,day,at,ref\r\n' +
      '1,"Smith, Jones",A,true,0.30000000000000004,2026-02-28,2026-11-24T03:14:20.000Z,0000000a-0000-4000-8000-000000000001\r\n' +
      '-2,"She said ""no""\r\nthen left",,false,1e+21,,,\r\n' +
      '3,Zoë 王 👨‍👩‍👧,,,-1.5e-7,,,\r\n'
    const bytes = readFileSync(path)
    expect(bytes.toString('utf8')).toBe(expected)
    expect(bytes.subarray(0, 3)).not.toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(written).toEqual({ path, rows: 3, bytes: Buffer.byteLength(expected), sha256: createHash('sha256').update(expected).digest('hex') })
  })

  it('writes an empty table as its header alone', async () => {
    const written = await writeCsvFile(join(dir, 'empty.csv'), 'things', schema, [])
    expect(readFileSync(written.path, 'utf8')).toBe('id,name,code,flag,amount,day,at,ref\r\n')
    expect(written.rows).toBe(0)
  })

  it('hashes and counts every byte of a file written in many batches', async () => {
    const rows = function* () {
      for (let id = 1; id <= 30_000; id++) yield { id, ...blank, name: `row ${id}, "quoted"\nand long ${'x'.repeat(id % 50)}` }
    }
    const progress: number[] = []
    const written = await writeCsvFile(join(dir, 'many.csv'), 'things', schema, rows(), (n) => progress.push(n))
    const bytes = readFileSync(written.path)
    expect(written.bytes).toBe(bytes.length)
    expect(written.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect(written.rows).toBe(30_000)
    expect(progress.length).toBeGreaterThan(2) // reported batch by batch, not only at the end
    expect(progress.at(-1)).toBe(30_000)
  })

  it('keeps the order of lines longer than a batch among short ones, multi-byte characters included', async () => {
    const long = (i: number) => `${i}: ${'Łódź, "dom"\r\n🎉 '.repeat(20_000 + i)}`
    const rows: Row[] = []
    for (let id = 1; id <= 40; id++) rows.push({ id, ...blank, name: id % 7 === 0 ? long(id) : `short ${id}` })
    const written = await writeCsvFile(join(dir, 'long.csv'), 'things', schema, rows)
    let expected = 'id,name,code,flag,amount,day,at,ref\r\n'
    for (const row of rows) expected += `${row.id},${csvField(row.name as string)},,,,,,\r\n`
    const bytes = readFileSync(written.path)
    expect(bytes.toString('utf8')).toBe(expected)
    expect(written.bytes).toBe(Buffer.byteLength(expected))
    expect(written.sha256).toBe(createHash('sha256').update(expected).digest('hex'))
  })

  it("gives a second file the bytes of each line it takes from the first, across batches and past a batch's length", async () => {
    const exact = await CsvFileWriter.create(join(dir, 'exact.csv'))
    const copy = await CsvFileWriter.create(join(dir, 'copy.csv'), { bom: true })
    let expected = ''
    for (let i = 0; i < 20_000; i++) {
      // Most lines are taken as they are; every 5th the copy writes its own; a few are longer than a buffer.
      const line = i % 997 === 0 ? `${i},${'Łódź 🎉 '.repeat(70_000)}\r\n` : `${i},Zoë ${'x'.repeat(i % 40)}\r\n`
      const full = exact.add(line)
      const own = i % 5 === 0 ? `${i},'own\r\n` : null
      const copyFull = own === null ? copy.addLastOf(exact) : copy.add(own)
      expected += own ?? line
      if (full) await exact.flush()
      if (copyFull) await copy.flush()
    }
    const [exactWritten, copyWritten] = [await exact.finish(), await copy.finish()]
    await Promise.all([exact.durable(), copy.durable()])
    const bytes = readFileSync(copyWritten.path)
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(bytes.subarray(3).toString('utf8') === expected).toBe(true)
    expect(copyWritten.bytes).toBe(bytes.length)
    expect(copyWritten.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect(exactWritten.bytes).toBe(readFileSync(exactWritten.path).length)
  })

  it.each<[string, Row, RegExp]>([
    ['a 0/1 from SQLite in a boolean column', { id: 1, ...blank, flag: 1 }, /row 1, field flag: number 1 is not a valid boolean/],
    ['a number given as text', { id: '1' as never, ...blank }, /row 1, field id: string "1" is not a valid integer/],
    ['a fraction in an integer column', { id: 1.5, ...blank }, /field id: number 1.5 is not a valid integer/],
    ['infinity', { id: 1, ...blank, amount: Infinity }, /field amount: number Infinity is not a valid number/],
    ['a code the schema does not list', { id: 1, ...blank, code: 'C' }, /field code: string "C" is not a valid string, enum \["A","B"\]/],
    ['a date that is not a day', { id: 1, ...blank, day: '2026-02-30' }, /field day: .* is not a valid date/],
    ['a local time for an instant', { id: 1, ...blank, at: '24/11/2026 03:14' }, /field at: .* is not a valid datetime/],
    ['an id that is not a uuid', { id: 1, ...blank, ref: 'family-1' }, /field ref: .* is not a valid uuid/],
    ['a uuid with a letter past f', { id: 1, ...blank, ref: '0f8fad5b-d9cb-469f-a165-70867728950g' }, /field ref: .* is not a valid uuid/],
    ['a uuid with a hyphen out of place', { id: 1, ...blank, ref: '0f8fad5bd-9cb-469f-a165-70867728950e' }, /field ref: .* is not a valid uuid/],
    ['a uuid one digit short', { id: 1, ...blank, ref: '0f8fad5b-d9cb-469f-a165-70867728950' }, /field ref: .* is not a valid uuid/],
    ['a uuid in braces', { id: 1, ...blank, ref: '{0f8fad5b-d9cb-469f-a165-70867728950e}' }, /field ref: .* is not a valid uuid/],
    ['text UTF-8 cannot carry (a lone surrogate)', { id: 1, ...blank, name: 'broken \ud800 text' }, /field name: .* is not a valid string/],
    ['a missing required value', { ...blank, id: null }, /row 1, field id is required but has no value/],
    ['a misspelt column alias', { id: 1, ...blank, nmae: 'x' }, /row 1 has nmae, which the schema does not declare/]
  ])('refuses %s, naming the row and field, and leaves the caller to remove the file', async (_what, row, message) => {
    await expect(writeCsvFile(join(dir, 'bad.csv'), 'things', schema, [row])).rejects.toThrow(message)
  })

  it('never replaces a file that is already there', async () => {
    writeFileSync(join(dir, 'there.csv'), 'keep me')
    await expect(writeCsvFile(join(dir, 'there.csv'), 'things', schema, [])).rejects.toThrow(/EEXIST/)
    expect(readFileSync(join(dir, 'there.csv'), 'utf8')).toBe('keep me')
  })
})
