// What SQLite plans to do with a statement (EXPLAIN QUERY PLAN), and PostgreSQL (EXPLAIN (FORMAT
// JSON)), for the tests that say which index each hot query must use, so that a lost index fails a
// test rather than a user.
import type { DataSource, EntityManager, Logger } from 'typeorm'
import type { SqlQuery } from '../search/searchIndex'

type Queryable = Pick<EntityManager, 'query'>

/** The plan's steps as SQLite words them ('SEARCH p USING INDEX idx_person_nhs (nhs_number=?)'), in order. */
export async function explain(db: Queryable, query: SqlQuery): Promise<string[]> {
  const rows = (await db.query(`EXPLAIN QUERY PLAN ${query.sql}`, query.params)) as { detail: string }[]
  return rows.map((r) => r.detail)
}

/** A step of PostgreSQL's plan, as EXPLAIN (FORMAT JSON) gives it. */
export interface PostgresPlanNode {
  'Node Type': string
  'Relation Name'?: string
  'Index Name'?: string
  'Index Cond'?: string
  'Subplan Name'?: string
  Plans?: PostgresPlanNode[]
}

/**
 * Planner methods priced out for the tests of a handful of rows: on so few PostgreSQL rightly reads
 * the whole table or sorts them all (SQLite's planner, with no statistics, goes by the statement's
 * shape alone). The planner still takes one when nothing else can answer, so a step that reads the
 * whole table or sorts everything then means no index serves the statement, which is what they ask.
 */
export const INDEXES_ONLY = ['seqscan', 'bitmapscan', 'sort']

/**
 * PostgreSQL's plan of a statement, as a tree. `off`: planner methods (enable_<name>) switched off
 * for this one statement, inside a transaction of its own that is rolled back.
 */
export async function postgresPlanTree(db: Pick<EntityManager, 'query' | 'transaction'>, query: SqlQuery, off: string[] = []): Promise<PostgresPlanNode> {
  const plan = async (m: Pick<EntityManager, 'query'>) => {
    for (const method of off) await m.query(`SET LOCAL enable_${method} = off`)
    const [row] = (await m.query(`EXPLAIN (FORMAT JSON) ${query.sql}`, query.params)) as { 'QUERY PLAN': { Plan: PostgresPlanNode }[] }[]
    return row!['QUERY PLAN'][0]!.Plan
  }
  return off.length ? db.transaction(plan) : plan(db)
}

/**
 * PostgreSQL's plan, each step as `Node Type [on relation] [using index]` ('Index Scan on person
 * using idx_person_nhs'), in order from the top; `off` as for postgresPlanTree.
 */
export async function explainPostgres(db: Pick<EntityManager, 'query' | 'transaction'>, query: SqlQuery, off: string[] = []): Promise<string[]> {
  const steps: string[] = []
  const walk = (node: PostgresPlanNode) => {
    steps.push(
      [node['Node Type'], node['Relation Name'] && `on ${node['Relation Name']}`, node['Index Name'] && `using ${node['Index Name']}`].filter(Boolean).join(' ')
    )
    for (const child of node.Plans ?? []) walk(child)
  }
  walk(await postgresPlanTree(db, query, off))
  return steps
}

/** PostgreSQL's steps that read a table without an index: the whole of it. */
export const sequentialScans = (plan: string[]) => plan.filter((step) => step.startsWith('Seq Scan'))

/** PostgreSQL's steps that read a table, by an index or not (never those that read a subquery's or function's rows). */
export const tableReads = (plan: string[]) => plan.filter((step) => / on \w+/.test(step) && /Scan/.test(step))

/** PostgreSQL's steps that sort (a Sort or an Incremental Sort). */
export const sorts = (plan: string[]) => plan.filter((step) => /^(Incremental )?Sort\b/.test(step))

/**
 * The steps that read a whole table or a whole index: `SCAN x`, unless x is a subquery the plan
 * made itself (a CO-ROUTINE or MATERIALIZE step) or a full-text table answering a MATCH (FTS5
 * says `VIRTUAL TABLE INDEX n:M...` when it looks the words up in its own index), or a full-text
 * table read at one rowid (`n:=...`).
 */
export function fullScans(plan: string[]): string[] {
  const subqueries = new Set(plan.map((step) => /^(?:CO-ROUTINE|MATERIALIZE) (\S+)/.exec(step)?.[1]).filter(Boolean))
  return plan.filter((step) => {
    const scan = /^SCAN (\S+)(.*)$/.exec(step)
    if (!scan) return false
    const [, name, rest] = scan
    if (name === 'CONSTANT' || subqueries.has(name)) return false
    return !/^ VIRTUAL TABLE INDEX \d+:(M|=)/.test(rest ?? '')
  })
}

/**
 * Every statement a piece of work runs on a data source, with its parameters, as it ran: for
 * services that build their SQL through TypeORM's find() rather than a builder of their own.
 * TypeORM hands each statement to the data source's logger before running it.
 */
export async function statementsRun(dataSource: DataSource, work: () => Promise<unknown>): Promise<SqlQuery[]> {
  const statements: SqlQuery[] = []
  const holder = dataSource as unknown as { logger: Logger }
  const original = holder.logger
  holder.logger = {
    logQuery: (sql, params) => void statements.push({ sql, params: params ?? [] }),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined
  }
  try {
    await work()
  } finally {
    holder.logger = original
  }
  return statements
}

/** The tables a statement reads, by name, as written after FROM and JOIN. */
export function tablesRead(sql: string): string[] {
  return [...sql.matchAll(/\b(?:FROM|JOIN)\s+"?(\w+)"?/gi)].map((m) => m[1] as string)
}
