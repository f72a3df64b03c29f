// The runner on a real SQLite file (and a PostgreSQL database): records made by the app break no rule;
// each rule counts every record and lists up to the limit; the report is the contract's shape; and
// every rule's statement reads each table through an index, or scans at most one table once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EntityManager } from 'typeorm'
import { validationReport, type ValidationReport } from '../../../shared/export/validation'
import { fullScans, postgresPlanTree, type PostgresPlanNode } from '../../testing/queryPlans'
import { RULES } from './rules'
import { ruleStatement, runValidation } from './run'
import { codesFound, found, reportWith, validNhsNumber, validationWorld, type ValidationWorld } from './testWorld'

interface PlanStep {
  id: number
  parent: number
  detail: string
}

const ancestors = (steps: PlanStep[], step: PlanStep): PlanStep[] => {
  const parent = steps.find((s) => s.id === step.parent)
  return parent ? [parent, ...ancestors(steps, parent)] : []
}

/**
 * PostgreSQL's plan of a statement, with sequential scans and the joins that read a whole side ruled
 * out where an index could serve (so that the test's few rows, which a real server would simply scan,
 * still show which index each read can use): the steps, those that read a whole table (a sequential
 * scan, or an index read with no condition), and those of them under a subplan that runs once per row
 * (a SubPlan not hashed).
 */
async function postgresPlan(manager: EntityManager, [sql, params]: [string, unknown[]]) {
  const steps: string[] = []
  const scans: string[] = []
  const perRow: string[] = []
  const walk = (node: PostgresPlanNode, underSubPlan: boolean) => {
    const step = [node['Node Type'], node['Relation Name'] && `on ${node['Relation Name']}`, node['Index Cond'] && `(${node['Index Cond']})`]
      .filter(Boolean)
      .join(' ')
    steps.push(step)
    const whole = node['Node Type'] === 'Seq Scan' || (/Index (Only )?Scan$/.test(node['Node Type']) && !node['Index Cond'])
    if (whole && node['Relation Name']) (underSubPlan ? perRow : scans).push(step)
    const correlated = underSubPlan || /^SubPlan/.test(node['Subplan Name'] ?? '')
    for (const child of node.Plans ?? []) walk(child, correlated)
  }
  walk(await postgresPlanTree(manager, { sql, params }, ['seqscan', 'mergejoin', 'hashjoin']), false)
  return { steps, scans, perRow }
}

let w: ValidationWorld
beforeAll(async () => {
  w = await validationWorld('validation-run')
})
afterAll(async () => {
  await w?.t.dispose()
})

describe('the validation report', () => {
  it('finds nothing in records made through the app, and says so in the contract’s shape', async () => {
    const report = await runValidation(w.t.casebook.core.db.manager)
    expect(report.items).toEqual([])
    expect(report).toMatchObject({ counts: { error: 0, warning: 0 }, blocked: false, perRuleLimit: 200 })
    expect(report.rules.map((r) => r.code)).toEqual(RULES.map((r) => r.code))
    expect(report.rules.every((r) => r.count === 0 && r.listed === 0)).toBe(true)
    expect(validationReport.parse(report)).toEqual(report)
  })

  it('counts every record that breaks a rule and lists up to the limit, in family-reference order', async () => {
    const breakAll = [
      // Three people with NHS numbers that fail the check, in both families; a warning besides (no members).
      ['UPDATE person SET nhs_number = ? WHERE id IN (?, ?, ?)', ['9434765918', w.people.Grace, w.people.Catherine, w.bellPeople.Jo]],
      // Ellie is reported by the rule checked in SQL alone (blank sex is not a census code).
      ["UPDATE person SET sex = '' WHERE id IN (?, ?)", [w.bellPeople.Ellie, w.people.Samuel]]
    ] as [string, unknown[]][]
    const report = await reportWith(w, breakAll, { perRuleLimit: 1 })
    expect(validationReport.parse(report)).toEqual(report)
    const nhs = report.rules.find((r) => r.code === 'CB203')
    expect(nhs).toMatchObject({ count: 3, listed: 1, severity: 'error', recordType: 'person' })
    expect(report.rules.find((r) => r.code === 'CB211')).toMatchObject({ count: 2, listed: 1 })
    // Three people share the same (invalid) NHS number as well.
    expect(report.rules.find((r) => r.code === 'CB215')).toMatchObject({ count: 3, listed: 1 })
    expect(report.counts).toEqual({ error: 5, warning: 3 })
    expect(report.blocked).toBe(true)
    // The first listed is of the first family by reference (the Okafors were registered first).
    expect(w.okafors.reference < w.bells.reference).toBe(true)
    expect(found(report, 'CB203')).toEqual([{ recordId: expect.any(String), familyId: w.okafors.id, familyReference: w.okafors.reference }])
    expect(found(report, 'CB211')).toEqual([{ recordId: w.people.Samuel, familyId: w.okafors.id, familyReference: w.okafors.reference }])
    expect(codesFound(report)).toEqual(['CB203', 'CB211', 'CB215'])

    const none = await reportWith(w, breakAll, { perRuleLimit: 0 })
    expect(none.items).toEqual([])
    expect(none.counts).toEqual({ error: 5, warning: 3 })
  })

  it('reports warnings without blocking the export', async () => {
    const report = await reportWith(w, [['UPDATE person SET nhs_number = NULL WHERE id = ?', [w.people.Catherine]]])
    expect(codesFound(report)).toEqual(['CB201'])
    expect(report).toMatchObject({ counts: { error: 0, warning: 1 }, blocked: false })
    expect(report.items[0]).toEqual({
      code: 'CB201',
      severity: 'warning',
      recordType: 'person',
      recordId: w.people.Catherine,
      familyId: w.okafors.id,
      familyReference: w.okafors.reference,
      episodeId: null,
      message: 'The child has no NHS number. Add it from their red book, a health letter or their GP.'
    })
  })

  it('checks only the records the change feed names in its range, for an incremental package', async () => {
    const reports: Record<string, ValidationReport> = {}
    const top = async (m: EntityManager) => Number(((await m.query('SELECT COALESCE(MAX(seq), 0) AS top FROM change_feed')) as [{ top: number }])[0].top)
    const undone = new Error('rolled back')
    await w.t.casebook.core.writes
      .run(async (m: EntityManager) => {
        const before = await top(m)
        // Grace's and Catherine's bad NHS numbers were sent before; Jo's is new since.
        await m.query('UPDATE person SET nhs_number = ? WHERE id IN (?, ?)', ['9434765918', w.people.Grace, w.people.Catherine])
        const sent = await top(m)
        await m.query('UPDATE person SET nhs_number = ? WHERE id = ?', ['9434765918', w.bellPeople.Jo])
        await m.query('UPDATE family SET postcode = ? WHERE id = ?', ['NOT A PC', w.okafors.id])
        const now = await top(m)
        reports.since = await runValidation(m, { changes: { from: sent, to: now } })
        reports.before = await runValidation(m, { changes: { from: before, to: sent } })
        reports.empty = await runValidation(m, { changes: { from: now, to: now } })
        reports.all = await runValidation(m)
        throw undone
      })
      .catch((error: unknown) => {
        if (error !== undone) throw error
      })
    expect(found(reports.since!, 'CB203')).toEqual([{ recordId: w.bellPeople.Jo, familyId: w.bells.id, familyReference: w.bells.reference }])
    expect(codesFound(reports.since!)).toEqual(['CB101', 'CB203', 'CB215'])
    expect(
      found(reports.before!, 'CB203')
        .map((f) => f.recordId)
        .sort()
    ).toEqual([w.people.Grace, w.people.Catherine].sort())
    expect(codesFound(reports.before!)).toEqual(['CB203', 'CB215'])
    expect(reports.empty).toMatchObject({ counts: { error: 0, warning: 0 }, blocked: false, items: [] })
    expect(reports.all!.rules.find((r) => r.code === 'CB203')).toMatchObject({ count: 3 })
  })

  it('refuses a limit that is not a whole number', async () => {
    await expect(runValidation(w.t.casebook.core.db.manager, { perRuleLimit: -1 })).rejects.toThrow('perRuleLimit')
  })

  it('runs each rule as one statement that reads every table by an index, or scans one table once', async () => {
    const manager = w.t.casebook.core.db.manager
    const context = { today: '2026-11-24', now: '2026-11-24T10:00:00.000Z' }
    const problems: Record<string, string[]> = {}
    if (w.t.postgres) {
      // PostgreSQL's plans, in its own words: the same two questions of the same statements.
      for (const rule of RULES) {
        const plan = await postgresPlan(manager, ruleStatement(manager, rule, context, 200))
        if (plan.scans.length > 1 || plan.perRow.length) problems[rule.code] = plan.steps
        const scoped = await postgresPlan(manager, ruleStatement(manager, rule, context, 200, undefined, { from: 10, to: 20 }))
        if (scoped.scans.length > plan.scans.length) problems[`${rule.code} narrowed`] = scoped.steps
      }
      expect(problems).toEqual({})
      return
    }
    for (const rule of RULES) {
      const [sql, params] = ruleStatement(manager, rule, context, 200)
      const steps = (await manager.query(`EXPLAIN QUERY PLAN ${sql}`, params)) as PlanStep[]
      const scans = fullScans(steps.map((s) => s.detail))
      // A scan under a subquery that runs once per row would read a whole table per record.
      const perRow = steps.filter((s) => scans.includes(s.detail) && ancestors(steps, s).some((a) => /CORRELATED/.test(a.detail)))
      if (scans.length > 1 || perRow.length) problems[rule.code] = steps.map((s) => s.detail)
      // Narrowed to an incremental package's records, it scans no more than it did.
      const [scoped, scopedParams] = ruleStatement(manager, rule, context, 200, undefined, { from: 10, to: 20 })
      const scopedSteps = (await manager.query(`EXPLAIN QUERY PLAN ${scoped}`, scopedParams)) as PlanStep[]
      if (fullScans(scopedSteps.map((s) => s.detail)).length > scans.length) problems[`${rule.code} narrowed`] = scopedSteps.map((s) => s.detail)
    }
    expect(problems).toEqual({})
  })

  it('makes a valid NHS number for each test person', () => {
    expect(new Set([1, 2, 3].map(validNhsNumber)).size).toBe(3)
  })
})
