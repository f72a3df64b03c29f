// Runs every validation rule over the records as they are, one set-based statement per rule, and
// makes the report: every rule with the number of records that break it, and up to a limit of
// those records per rule (a hub with thousands of children missing an NHS number needs the count
// and a page of them, not every one).
import type { EntityManager } from 'typeorm'
import { todayIso } from '../../../shared/dates'
import type { ValidationItem, ValidationRecordType, ValidationReport, ValidationRuleResult } from '../../../shared/export/validation'
import { dialectFor, type SqlDialect } from './dialect'
import { BY_CODE_POINT, dialectOf } from '../../core/dialect'
import type { RuleContext, RuleRow, ValidationRule } from './rule'
import { RULES } from './rules'

const DEFAULT_PER_RULE_LIMIT = 200

/** Family ids per lookup of their references: well inside every driver's limit on parameters. */
const REFERENCE_BATCH = 500

export interface ValidationOptions {
  /** The most records listed per rule (all are counted). */
  perRuleLimit?: number
  /** When the checks run: the day and instant the rules compare with. */
  now?: Date
  /**
   * Only the records an incremental package sends: those the change feed names in (from, to].
   * Without it, every record (a full package, and the Export screen's report).
   */
  changes?: ChangeRange
}

export interface ChangeRange {
  from: number
  to: number
}

/** The change feed's record type (the package file) of each kind of record the rules are about. */
const FEED_RECORD: Record<ValidationRecordType, string> = {
  family: 'families',
  person: 'people',
  consent: 'consents',
  episode: 'episodes',
  'family-plan': 'plans',
  review: 'reviews',
  'case-note': 'case_notes',
  'request-for-help': 'requests',
  'outbound-referral': 'referrals',
  'step-up': 'step_ups',
  staff: 'staff'
}

/**
 * A rule's records narrowed to those the change feed names in the range: the feed's index
 * (record_type, seq, record_key) finds them, and each is looked up by its primary key, so an
 * incremental package's checks cost what its records do, not what the hub's do.
 */
const onlyChanged = (found: string) =>
  `SELECT s.* FROM (${found}) s WHERE s.record_id IN (SELECT c.record_key FROM change_feed c WHERE c.record_type = :scopeRecord AND c.seq > :scopeFrom AND c.seq <= :scopeTo)`

/**
 * A rule's statement and parameters as this database's driver wants them. A rule checked in SQL
 * alone counts, orders and pages in the same statement, and only then looks up the families'
 * references, for the rows it lists; one with `breaks` returns its candidates as they are.
 */
export function ruleStatement(
  manager: EntityManager,
  rule: ValidationRule,
  context: RuleContext,
  limit: number,
  dialect: SqlDialect = dialectFor(manager),
  changes?: ChangeRange
) {
  const found = changes ? onlyChanged(rule.sql(dialect)) : rule.sql(dialect)
  const scope = changes ? { scopeRecord: FEED_RECORD[rule.recordType], scopeFrom: changes.from, scopeTo: changes.to } : {}
  // By code point on either engine, as `binary` orders the rules checked in code.
  const byCodePoint = BY_CODE_POINT[dialectOf(manager)]
  const sql = rule.breaks
    ? found
    : `SELECT q.record_id, q.family_id, q.episode_id, f.reference AS family_reference, count(*) OVER () AS total
       FROM (${found}) q LEFT JOIN family f ON f.id = q.family_id
       ORDER BY f.reference${byCodePoint}, q.record_id${byCodePoint} LIMIT :limit`
  // One row at least, even when none is to be listed: it carries the count.
  return manager.connection.driver.escapeQueryWithParameters(sql, { ...rule.params?.(context), ...scope, limit: Math.max(limit, 1) }, {})
}

/** The order the database's ORDER BY gives the other rules: by code point (BY_CODE_POINT on PostgreSQL). */
export const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const byFamilyThenRecord = (a: RuleRow, b: RuleRow) => binary(a.family_reference ?? '', b.family_reference ?? '') || binary(a.record_id, b.record_id)

/** The references of the families of `rows` (normally few: the records that failed a check made in code). */
async function withReferences(manager: EntityManager, rows: RuleRow[]): Promise<RuleRow[]> {
  const ids = [...new Set(rows.map((r) => r.family_id).filter((id): id is string => id !== null))]
  const references = new Map<string, string>()
  for (let i = 0; i < ids.length; i += REFERENCE_BATCH) {
    const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(
      'SELECT id, reference FROM family WHERE id IN (:...ids)',
      { ids: ids.slice(i, i + REFERENCE_BATCH) },
      {}
    )
    for (const f of (await manager.query(sql, parameters)) as { id: string; reference: string }[]) references.set(f.id, f.reference)
  }
  return rows.map((r) => ({ ...r, family_reference: r.family_id === null ? null : (references.get(r.family_id) ?? null) }))
}

async function runRule(manager: EntityManager, rule: ValidationRule, context: RuleContext, limit: number, dialect: SqlDialect, changes?: ChangeRange) {
  const [sql, parameters] = ruleStatement(manager, rule, context, limit, dialect, changes)
  const rows = (await manager.query(sql, parameters)) as (RuleRow & { total?: number | string })[]
  if (!rule.breaks) return { count: rows.length ? Number(rows[0]!.total) : 0, listed: rows.slice(0, limit) }
  const breaking = rows.filter(rule.breaks)
  return { count: breaking.length, listed: (await withReferences(manager, breaking)).sort(byFamilyThenRecord).slice(0, limit) }
}

export async function runValidation(manager: EntityManager, options: ValidationOptions = {}): Promise<ValidationReport> {
  const limit = options.perRuleLimit ?? DEFAULT_PER_RULE_LIMIT
  if (!Number.isInteger(limit) || limit < 0) throw new Error(`perRuleLimit must be a whole number, 0 or more: ${limit}`)
  const now = options.now ?? new Date()
  const context: RuleContext = { today: todayIso(now), now: now.toISOString() }
  const dialect = dialectFor(manager)
  const rules: ValidationRuleResult[] = []
  const items: ValidationItem[] = []
  const counts = { error: 0, warning: 0 }
  for (const rule of RULES) {
    const { count, listed } = await runRule(manager, rule, context, limit, dialect, options.changes)
    const { code, severity, recordType, message } = rule
    rules.push({ code, severity, recordType, message, count, listed: listed.length })
    counts[severity] += count
    for (const row of listed) {
      items.push({
        code,
        severity,
        recordType,
        recordId: row.record_id,
        familyId: row.family_id,
        familyReference: row.family_reference ?? null,
        episodeId: row.episode_id ?? null,
        message
      })
    }
  }
  return { ranAt: context.now, perRuleLimit: limit, counts, blocked: counts.error > 0, rules, items }
}
