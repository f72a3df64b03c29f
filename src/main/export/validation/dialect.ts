// The validation rules are written in SQL that SQLite and PostgreSQL both run. The little that
// differs between them (reading a key of a JSON document kept as text, matching digits) is asked
// of the dialect, so no SQLite-only function hides in a rule.
import type { EntityManager } from 'typeorm'
import { dialectOf } from '../../core/dialect'
import { postgresDialect } from './postgresDialect'
import { sqliteDialect } from './sqliteDialect'

export interface SqlDialect {
  /** The text at `key` of the JSON object in the text column `column`; NULL when absent or when the column is not JSON. */
  jsonText(column: string, key: string): string
  /**
   * The text at `key`, then at the key the SQL expression `member` gives, of the JSON object in the
   * text column `column`; NULL as for jsonText. The caller makes sure `member` is letters, digits and _.
   */
  jsonMember(column: string, key: string, member: string): string
  /** True when the text column holds four digits, a hyphen, two digits, a hyphen and two digits, and nothing else. */
  dateShaped(column: string): string
  /** True when the text column holds an instant as the package writes it (2026-11-24T03:14:20.000Z), its T and Z in upper case. */
  instantShaped(column: string): string
}

export function dialectFor(manager: EntityManager): SqlDialect {
  return dialectOf(manager) === 'postgres' ? postgresDialect : sqliteDialect
}
