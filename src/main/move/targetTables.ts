// The tables a hub's move to PostgreSQL copies (./moveToPostgres), read from the target's own catalogue
// once it is migrated: so a table a later migration adds is copied without anyone listing it here, and
// the order (parents before the rows that refer to them) follows the foreign keys as they are.
import type { QueryRunner } from 'typeorm'
import { ENTRY_TABLE, TOKEN_TABLE } from '../search/postgresSearch'

/**
 * PostgreSQL's own tables, never copied: TypeORM's record of the migrations (the target's are its own),
 * migration 1764000000019's chain head and change-feed counter (set from the copied rows afterwards),
 * and the search index (built from the copied people: SQLite's is an FTS5 table of another shape).
 */
export const NOT_COPIED: ReadonlySet<string> = new Set(['migrations', 'audit_head', 'change_feed_counter', ENTRY_TABLE, TOKEN_TABLE])

export interface TargetColumn {
  name: string
  /** PostgreSQL's name for its type (varchar, text, int4, int8, bool): the array each batch is sent as. */
  type: string
}

export interface TargetTable {
  name: string
  columns: TargetColumn[]
}

/** The target's tables to copy, each after every table it refers to. */
export async function tablesToCopy(runner: QueryRunner): Promise<TargetTable[]> {
  const columns = (await runner.query(
    `SELECT c.table_name AS "table", c.column_name AS "column", c.udt_name AS "type"
     FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
     ORDER BY c.table_name, c.ordinal_position`
  )) as { table: string; column: string; type: string }[]
  const references = (await runner.query(
    `SELECT child.relname AS "child", parent.relname AS "parent"
     FROM pg_constraint k JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
     WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace`
  )) as { child: string; parent: string }[]
  const tables = new Map<string, TargetTable>()
  for (const c of columns) {
    if (NOT_COPIED.has(c.table)) continue
    const table = tables.get(c.table) ?? { name: c.table, columns: [] }
    table.columns.push({ name: c.column, type: c.type })
    tables.set(c.table, table)
  }
  const parents = new Map<string, Set<string>>()
  for (const { child, parent } of references) {
    // A table that refers to itself would need its rows in order; none does, and its own rows come in the file's order.
    if (child === parent || !tables.has(child) || !tables.has(parent)) continue
    parents.set(child, (parents.get(child) ?? new Set()).add(parent))
  }
  const ordered: TargetTable[] = []
  const placed = new Set<string>()
  const visiting = new Set<string>()
  const place = (name: string) => {
    if (placed.has(name)) return
    if (visiting.has(name)) throw new Error(`The tables' foreign keys go round in a circle through ${name}: no order copies them.`)
    visiting.add(name)
    for (const parent of [...(parents.get(name) ?? [])].sort()) place(parent)
    visiting.delete(name)
    placed.add(name)
    ordered.push(tables.get(name)!)
  }
  for (const name of [...tables.keys()].sort()) place(name)
  return ordered
}
