// What a validation rule is: a stable code, a severity, the record it is about, what the user is
// told, and one set-based query that finds every record breaking it.
import type { ValidationRecordType, ValidationSeverity } from '../../../shared/export/validation'
import type { SqlDialect } from './dialect'

/** What the rules compare with: the hub's day and the instant the checks ran. */
export interface RuleContext {
  /** The hub's day, YYYY-MM-DD. */
  today: string
  /** The instant the checks ran, ISO 8601 in UTC. */
  now: string
}

/**
 * A row a rule's query returns: the record, its family and episode, and (for rules with `breaks`)
 * the values to check. The family's reference is the runner's to add, for the rows it lists.
 */
export type RuleRow = { record_id: string; family_id: string | null; episode_id?: string | null; family_reference?: string | null } & Record<string, unknown>

export interface ValidationRule {
  code: string
  severity: ValidationSeverity
  recordType: ValidationRecordType
  /** Plain English for the user: what is wrong and what to do about it. */
  message: string
  /** Exactly what is checked, for the format document. */
  description: string
  /**
   * One statement returning record_id, family_id and episode_id (the episode the record belongs
   * to, or NULL) for each record that breaks
   * the rule (or, with `breaks`, each candidate with its values). Parameters are named (`:today`,
   * `:...codes`) so that the driver turns them into its own placeholders.
   */
  sql: (dialect: SqlDialect) => string
  params?: (context: RuleContext) => Record<string, unknown>
  /**
   * For checks that only the shared validators can make (an NHS number's check digit, say): the
   * query returns the candidates and this keeps those that break the rule. No second copy of a
   * validator is written in SQL.
   */
  breaks?: (row: RuleRow) => boolean
}

/** A stored value that is present but not one of `codes` (an SQL condition over named parameter `param`). */
export const offList = (column: string, param: string) => `(${column} IS NOT NULL AND ${column} NOT IN (:...${param}))`

/** A value that must be there and on the list. */
export const missingOrOffList = (column: string, param: string) => `(${column} IS NULL OR ${column} NOT IN (:...${param}))`

/** Blank counts as missing: a value the importer would read as empty. */
export const blank = (column: string) => `(${column} IS NULL OR ${column} = '')`

/** The early-help episodes still running: open, or closed and waiting for a manager's approval. */
export const CURRENT_EPISODE = `e.status IN ('open', 'closing')`

/** An instant as the package writes it (2026-11-24T03:14:20.000Z), as a LIKE pattern (each dialect's instantShaped matches it with case). */
export const INSTANT_SHAPE = '____-__-__T__:__:__.___Z'

/** The text a rule's query returned as `key`, or null (SQLite may hold a number, or nothing, in any column). */
export const rowText = (row: RuleRow, key: string): string | null => (typeof row[key] === 'string' ? (row[key] as string) : null)
