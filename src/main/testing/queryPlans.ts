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

interface PostgresPlanNode {
  'Node Type': string
  'Relation Name'?: string
  'Index Name'?: string
  Plans?: PostgresPlanNode[]
}

/** PostgreSQL's plan, each step as `Node Type [on relation] [using index]` ('Index Scan on person using idx_person_nhs'), in order. */
export async function explainPostgres(db: Queryable, query: SqlQuery): Promise<string[]> {
  const [row] = (await db.query(`EXPLAIN (FORMAT JSON) ${query.sql}`, query.params)) as { 'QUERY PLAN': { Plan: PostgresPlanNode }[] }[]
  const steps: string[] = []
  const walk = (node: PostgresPlanNode) => {
    steps.push(
      [node['Node Type'], node['Relation Name'] && `on ${node['Relation Name']}`, node['Index Name'] && `using ${node['Index Name']}`].filter(Boolean).join(' ')
    )
    for (const child of node.Plans ?? []) walk(child)
  }
  walk(row!['QUERY PLAN'][0]!.Plan)
  return steps
}

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
