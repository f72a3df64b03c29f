// The analysts' copy of a CSV file: the same rows, made safe and legible in a spreadsheet. The package's
// own files stay exact (importers read them); only these copies are changed, and only as follows.
//
// - UTF-8 with a byte order mark: without one Excel reads the file as the machine's ANSI code page and
//   garbles every name outside Latin-1.
// - Formula injection (OWASP "CSV Injection"): a cell whose text starts with = + - @ tab CR or LF is run
//   as a formula by Excel or LibreOffice Calc. OWASP's remedy is to prefix such a cell with a single
//   quote, so the spreadsheet reads it as text; ASVS 5.0 (1.2.10) adds NUL to the list, and so do we.
// - Which cells: decided by the Table Schema field type, not by looking at the text. An integer or number
//   field holds numbers by construction (the writer refused anything else), so a negative score stays a
//   number an analyst can add up; every other field (text, codes, dates) is checked.
// - OWASP also warns of separators: where Excel's list separator is ';' (much of Europe), an unquoted
//   cell holding ';' would split into new cells, one of which might start with '='. So a cell holding ';'
//   is quoted too, which keeps it whole under either separator.
import { CRLF, csvField, quotableFields } from './csvFile'
import type { TableSchema } from './tableSchema'

const FORMULA_STARTS: ReadonlySet<string> = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '\0'])
const NEEDS_QUOTES_IN_A_SPREADSHEET = /[",;\r\n]/

/** The cell as the copy writes it (before CSV quoting): prefixed with ' when it would start a formula. */
export function neutralise(text: string): string {
  return text.length > 0 && FORMULA_STARTS.has(text[0]!) ? `'${text}` : text
}

/** Which fields' cells the copy checks for a formula: all but numbers, which hold numbers by construction. */
function formulaFields(schema: TableSchema): boolean[] {
  return schema.fields.map((field) => field.type !== 'integer' && field.type !== 'number')
}

/** One line of the copy from the exact cells of a row (as the row encoder made them). */
export function compileSpreadsheetLine(schema: TableSchema): (cells: readonly string[]) => string {
  const checked = formulaFields(schema)
  const quotable = quotableFields(schema)
  return (cells) => {
    let line = ''
    for (let i = 0; i < cells.length; i++) {
      const cell = checked[i] ? neutralise(cells[i]!) : cells[i]!
      line += (i === 0 ? '' : ',') + (quotable[i] ? csvField(cell, NEEDS_QUOTES_IN_A_SPREADSHEET) : cell)
    }
    return line + CRLF
  }
}

/**
 * Whether the copy's line for these cells can be the exact file's line as it is: no cell the copy
 * checks starts a formula, and no quotable cell holds ';'. Most lines are (ids, dates, codes, plain
 * names), and their bytes are then copied rather than built and encoded again (packageFolder.ts).
 * A ';' in a cell the exact file quotes anyway answers false too: the copy's own line is then built,
 * which is right either way.
 */
export function compileSameLine(schema: TableSchema): (cells: readonly string[]) => boolean {
  const checked = formulaFields(schema)
  const quotable = quotableFields(schema)
  return (cells) => {
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!
      if (checked[i] && neutralise(cell) !== cell) return false
      if (quotable[i] && cell.includes(';')) return false
    }
    return true
  }
}

/** Where a resource's copy goes, relative to the package folder. */
export const SPREADSHEET_FOLDER = 'spreadsheet'
export function spreadsheetPath(resourceName: string): string {
  return `${SPREADSHEET_FOLDER}/${resourceName}.csv`
}
