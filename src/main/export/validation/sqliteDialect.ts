// SQLite's words for what the validation rules need beyond portable SQL (see dialect.ts).
import type { SqlDialect } from './dialect'

const COLUMN = /^[a-z_][a-z0-9_.]*$/i

function column(name: string): string {
  if (!COLUMN.test(name)) throw new Error(`Not a column: ${name}`)
  return name
}

function jsonKey(key: string): string {
  if (!/^[a-z][a-z0-9]*$/i.test(key)) throw new Error(`Not a key: ${key}`)
  return key
}

export const sqliteDialect: SqlDialect = {
  // json_extract fails the whole statement on text that is not JSON: json_valid keeps one damaged
  // row from hiding every other finding (the row is then reported as having no value there).
  jsonText: (name, key) => `(CASE WHEN json_valid(${column(name)}) THEN json_extract(${name}, '$.${jsonKey(key)}') END)`,
  jsonMember: (name, key, member) => `(CASE WHEN json_valid(${column(name)}) THEN json_extract(${name}, '$.${jsonKey(key)}.' || ${column(member)}) END)`,
  // GLOB, unlike LIKE, can say "a digit"; its [0-9] is by code point, so only ASCII digits match.
  dateShaped: (name) => `(${column(name)} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`
}
