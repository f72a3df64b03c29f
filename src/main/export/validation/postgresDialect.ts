// PostgreSQL's words for what the validation rules need beyond portable SQL (see dialect.ts).
import type { SqlDialect } from './dialect'
import { column, jsonKey } from './sqlNames'
import { INSTANT_SHAPE } from './rule'

/** The column's document as jsonb, or NULL when it is not JSON (migration 1764000000021), so one damaged row hides no other finding. */
const document = (name: string) => `casebook_json_or_null(${column(name)})`

export const postgresDialect: SqlDialect = {
  // ->> answers NULL for a key that is absent or a document that is not an object, as json_extract does.
  jsonText: (name, key) => `(${document(name)} ->> '${jsonKey(key)}')`,
  jsonMember: (name, key, member) => `(${document(name)} -> '${jsonKey(key)}' ->> ${column(member)})`,
  // A regular expression says "a digit"; [0-9] is by code point whatever the collation.
  dateShaped: (name) => `(${column(name)} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')`,
  // PostgreSQL's LIKE is case-sensitive already.
  instantShaped: (name) => `(${column(name)} LIKE '${INSTANT_SHAPE}')`
}
