// SQLite's words for what the validation rules need beyond portable SQL (see dialect.ts).
import type { SqlDialect } from './dialect'
import { column, jsonKey } from './sqlNames'
import { INSTANT_SHAPE } from './rule'

export const sqliteDialect: SqlDialect = {
  // json_extract fails the whole statement on text that is not JSON: json_valid keeps one damaged
  // row from hiding every other finding (the row is then reported as having no value there).
  jsonText: (name, key) => `(CASE WHEN json_valid(${column(name)}) THEN json_extract(${name}, '$.${jsonKey(key)}') END)`,
  jsonMember: (name, key, member) => `(CASE WHEN json_valid(${column(name)}) THEN json_extract(${name}, '$.${jsonKey(key)}.' || ${column(member)}) END)`,
  // GLOB, unlike LIKE, can say "a digit"; its [0-9] is by code point, so only ASCII digits match.
  dateShaped: (name) => `(${column(name)} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`,
  // GLOB, as SQLite's LIKE ignores case: a 't' or 'z' is not the instant the package writes.
  instantShaped: (name) => `(${column(name)} GLOB '${INSTANT_SHAPE.replace(/_/g, '?')}')`
}
