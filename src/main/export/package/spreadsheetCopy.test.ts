// The analysts' copies: cells a spreadsheet would run as a formula are neutralised, numbers stay numbers.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { compileSameLine, compileSpreadsheetLine, neutralise } from './spreadsheetCopy'
import { csvLine, quotableFields } from './csvFile'
import { tableSchemaOf } from './tableSchema'

describe('neutralise', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+44 7700 900123', "'+44 7700 900123"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['\nx', "'\nx"],
    ['\u0000x', "'\u0000x"],
    ['Grace', 'Grace'],
    ['a=b', 'a=b'],
    [' =1', ' =1'],
    ['', '']
  ])('%j becomes %j', (text, copy) => {
    expect(neutralise(text)).toBe(copy)
  })
})

describe('compileSpreadsheetLine', () => {
  const schema = tableSchemaOf({
    name: 'scores',
    title: 'Scores',
    description: 'Scores',
    primaryKey: ['id'],
    schema: z.object({ id: z.int(), score: z.int(), amount: z.number(), note: z.string(), code: z.string(), day: z.iso.date() })
  })
  const line = compileSpreadsheetLine(schema)

  it('leaves negative numbers in number fields alone and neutralises text by the field type, not the look of it', () => {
    expect(line(['1', '-3', '-1.5e-7', '-3', '=A1', '2026-01-31'])).toBe("1,-3,-1.5e-7,'-3,'=A1,2026-01-31\r\n")
  })

  it('quotes a neutralised cell as RFC 4180 says, and a cell holding ; as well (a separator in much of Europe)', () => {
    expect(line(['2', '0', '0', '=HYPERLINK("x","y")', 'a;=1+2', '2026-01-31'])).toBe(`2,0,0,"'=HYPERLINK(""x"",""y"")","a;=1+2",2026-01-31\r\n`)
    expect(line(['3', '0', '0', 'line\n=2', '\r\n', '2026-01-31'])).toBe(`3,0,0,"line\n=2","'\r\n",2026-01-31\r\n`)
  })
})

describe('compileSameLine', () => {
  const schema = tableSchemaOf({
    name: 'scores',
    title: 'Scores',
    description: 'Scores',
    primaryKey: ['id'],
    schema: z.object({ id: z.int(), score: z.int(), note: z.string(), ref: z.uuid(), day: z.iso.date() })
  })
  const same = compileSameLine(schema)
  const sheet = compileSpreadsheetLine(schema)
  const exact = (cells: string[]) => csvLine(cells, quotableFields(schema))
  const ref = '0000000a-0000-4000-8000-000000000001'

  it.each([
    [['1', '-3', 'Grace, "Gran"', ref, '2026-01-31'], true],
    [['2', '4', 'a=b and a-b', ref, '2026-01-31'], true],
    [['3', '4', '', ref, ''], true],
    [['4', '4', '-3', ref, '2026-01-31'], false],
    [['5', '4', '=A1', ref, '2026-01-31'], false],
    [['6', '4', 'a;b', ref, '2026-01-31'], false],
    [['7', '4', 'a,;b', ref, '2026-01-31'], false]
  ])('%j: the same line in both files is %s, and never when the lines differ', (cells, expected) => {
    expect(same(cells)).toBe(expected)
    // Whatever it answers, a line it calls the same is the same.
    if (same(cells)) expect(sheet(cells)).toBe(exact(cells))
    else if (cells[0] !== '7') expect(sheet(cells)).not.toBe(exact(cells))
  })
})
