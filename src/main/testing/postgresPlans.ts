// What PostgreSQL plans to do with a statement, for the query-plan tests that ./queryPlans serves on
// SQLite. A test database holds a handful of rows, and on so few PostgreSQL rightly reads the whole
// table (SQLite's planner, with no statistics, goes by the statement's shape alone). So the plan is
// asked for with sequential scans, bitmap scans and sorts priced out (enable_* off, for this one
// transaction): the planner still takes one when nothing else can answer, so a step that reads the
// whole table or sorts everything means no index serves the statement, which is what the tests ask.
import type { DataSource } from 'typeorm'
import type { SqlQuery } from '../search/searchIndex'

interface PlanNode {
  'Node Type': string
  'Relation Name'?: string
  'Index Name'?: string
  Plans?: PlanNode[]
}

/** Each step of the plan, in order from the top, as `Node Type [on relation] [using index]` ('Index Only Scan on family using idx_family_reference'). */
export async function postgresPlan(db: DataSource, query: SqlQuery): Promise<string[]> {
  const runner = db.createQueryRunner()
  try {
    await runner.startTransaction()
    for (const setting of ['enable_seqscan', 'enable_bitmapscan', 'enable_sort']) await runner.query(`SET LOCAL ${setting} = off`)
    const [row] = (await runner.query(`EXPLAIN (FORMAT JSON) ${query.sql}`, query.params)) as { 'QUERY PLAN': { Plan: PlanNode }[] }[]
    const steps: string[] = []
    const walk = (node: PlanNode) => {
      steps.push(
        [node['Node Type'], node['Relation Name'] && `on ${node['Relation Name']}`, node['Index Name'] && `using ${node['Index Name']}`]
          .filter(Boolean)
          .join(' ')
      )
      for (const child of node.Plans ?? []) walk(child)
    }
    walk(row!['QUERY PLAN'][0]!.Plan)
    return steps
  } finally {
    await runner.rollbackTransaction().catch(() => undefined)
    await runner.release()
  }
}

/** The steps that read a table without an index: the whole of it. */
export const sequentialScans = (plan: string[]) => plan.filter((step) => step.startsWith('Seq Scan'))

/** The steps that read a table, by an index or not (never those that read a subquery's or function's rows). */
export const tableReads = (plan: string[]) => plan.filter((step) => / on \w+/.test(step) && /Scan/.test(step))

/** The steps that sort (a Sort or an Incremental Sort). */
export const sorts = (plan: string[]) => plan.filter((step) => /^(Incremental )?Sort\b/.test(step))
