// A real SQLite file at the version just before one migration, for that migration's own test
// (Signal Desktop's migration_NNNN_test pattern): migrations/<name>.test.ts beside the migration.
//
//   const db = await databaseBefore(RestrictedFamilies1764000000003) // a new file, migrations 0..2 run
//   await db.insert('family', familyRows)                              // rows as the old version wrote them
//   const before = await db.everyRow()
//   expect(await db.migrate()).toEqual(['RestrictedFamilies1764000000003']) // this migration, alone
//   const after = await db.everyRow()
//   expect(changedTables(before, after)).toEqual(['family'])          // nothing else was touched
//   expect(after.family).toEqual(familyRows.map((f) => ({ ...f, restricted: 0 }))) // moved as meant
//   expect(await db.columns('family')).toContainEqual(...)            // the schema it promises
//   await db.dispose()
//
// Rows go in with plain SQL (insert, query), never through today's entities: the test writes what
// the old version wrote, which today's code may no longer fit; migrationRows.ts has rows of the
// earlier tables. The file is opened as the app opens it (TypeORM on sqlite3, foreign keys on) and
// migrated as the app migrates (runMigrations, transaction 'all'), but only as far as asked.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DataSource, type EntityManager } from 'typeorm'
import { migrations } from '../../../migrations'

export type Migration = (typeof migrations)[number]
export type Row = Record<string, unknown>

export interface ColumnInfo {
  name: string
  type: string
  notNull: boolean
  /** The DEFAULT clause as written in the schema ('false', '10', "''"), or null. */
  defaultValue: string | null
  /** Position in the primary key (1, 2...), 0 when not part of it. */
  primaryKey: number
}

export interface IndexInfo {
  name: string
  unique: boolean
  columns: string[]
  /** 'c' made by CREATE INDEX, 'u' by a UNIQUE constraint, 'pk' by a PRIMARY KEY. */
  origin: 'c' | 'u' | 'pk'
}

export interface ForeignKey {
  from: string
  table: string
  to: string
}

export interface MigrationDb {
  path: string
  /** Plain SQL on the file. */
  query<T = Row>(sql: string, params?: unknown[]): Promise<T[]>
  /** For code of the app's that takes a manager (the search index's writer, say). */
  manager(): EntityManager
  /** Inserts rows given as column → value, as the version that wrote them would have. */
  insert(table: string, rows: Row[]): Promise<void>
  /** Runs the migration under test, and nothing else; answers the names of the migrations that ran. */
  migrate(): Promise<string[]>
  /** Runs every migration after it too: for the app's own code, which writes the newest schema's tables. */
  migrateToNewest(): Promise<string[]>
  /** Names of the tables (virtual ones included; SQLite's own and FTS5's shadow tables left out). */
  tables(): Promise<string[]>
  columns(table: string): Promise<ColumnInfo[]>
  indexes(table: string): Promise<IndexInfo[]>
  foreignKeys(table: string): Promise<ForeignKey[]>
  triggers(table: string): Promise<string[]>
  /** Every row of a table, in the order they were inserted. */
  rows(table: string): Promise<Row[]>
  /** Every row of every table (but the migrations table): to say that nothing else was touched. */
  everyRow(): Promise<Record<string, Row[]>>
  dispose(): Promise<void>
}

/**
 * How to read a table's rows in a fixed order, given the statement that made it: by rowid, or for a
 * table without one (SQLite's search starts) as a plain scan reads it, in its primary key's order.
 */
export const rowOrder = (createSql: string) => (/\bWITHOUT ROWID\s*$/i.test(createSql) ? '' : ' ORDER BY rowid')

/** The tables FTS5 keeps for each full-text table: its own storage, not part of the schema a migration writes. */
export const FTS5_SHADOW_TABLES = ['data', 'idx', 'content', 'docsize', 'config']

function open(path: string, upTo: number): DataSource {
  return new DataSource({ type: 'sqlite', database: path, migrations: migrations.slice(0, upTo), migrationsRun: false, synchronize: false, logging: false })
}

/** A new database in a temporary folder, migrated up to (not including) `migration`. */
export async function databaseBefore(migration: Migration): Promise<MigrationDb> {
  const index = migrations.indexOf(migration)
  if (index === -1) throw new Error(`${migration.name} is not in migrations/index.ts`)
  const dir = mkdtempSync(join(tmpdir(), 'casebook-migration-'))
  const path = join(dir, 'casebook.sqlite')
  let dataSource = open(path, index)
  await dataSource.initialize()
  await dataSource.runMigrations({ transaction: 'all' })

  const query = async <T>(sql: string, params: unknown[] = []) => (await dataSource.query(sql, params)) as T[]
  /** Reopens the file knowing the first `count` migrations, and runs those it has not run. */
  const runUpTo = async (count: number) => {
    await dataSource.destroy()
    dataSource = open(path, count)
    await dataSource.initialize()
    return (await dataSource.runMigrations({ transaction: 'all' })).map((m) => m.name)
  }
  const db: MigrationDb = {
    path,
    query,
    manager: () => dataSource.manager,
    async insert(table, rows) {
      for (const row of rows) {
        const columns = Object.keys(row)
        await query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, Object.values(row))
      }
    },
    // A data source that knows one more migration than the file has run runs exactly that one.
    migrate: () => runUpTo(index + 1),
    migrateToNewest: () => runUpTo(migrations.length),
    async tables() {
      const rows = await query<{ name: string; sql: string }>(
        `SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`
      )
      const virtual = rows.filter((r) => r.sql.startsWith('CREATE VIRTUAL TABLE')).map((r) => r.name)
      const shadow = new Set(virtual.flatMap((v) => FTS5_SHADOW_TABLES.map((suffix) => `${v}_${suffix}`)))
      return rows.map((r) => r.name).filter((name) => !shadow.has(name))
    },
    async columns(table) {
      const rows = await query<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number; hidden: number }>(
        `PRAGMA table_xinfo("${table}")`
      )
      // hidden 1: a virtual table's own columns (FTS5's rank and the table-named column), not the schema's.
      return rows
        .filter((r) => r.hidden !== 1)
        .map((r) => ({ name: r.name, type: r.type, notNull: r.notnull === 1, defaultValue: r.dflt_value, primaryKey: r.pk }))
    },
    async indexes(table) {
      const list = await query<{ name: string; unique: number; origin: IndexInfo['origin'] }>(`PRAGMA index_list("${table}")`)
      const indexes: IndexInfo[] = []
      for (const index of list) {
        const columns = await query<{ seqno: number; name: string }>(`PRAGMA index_info("${index.name}")`)
        indexes.push({
          name: index.name,
          unique: index.unique === 1,
          origin: index.origin,
          columns: columns.sort((a, b) => a.seqno - b.seqno).map((c) => c.name)
        })
      }
      return indexes.sort((a, b) => a.name.localeCompare(b.name))
    },
    async foreignKeys(table) {
      const rows = await query<{ from: string; table: string; to: string }>(`PRAGMA foreign_key_list("${table}")`)
      return rows.map((r) => ({ from: r.from, table: r.table, to: r.to })).sort((a, b) => a.from.localeCompare(b.from))
    },
    async triggers(table) {
      const rows = await query<{ name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ? ORDER BY name`, [table])
      return rows.map((r) => r.name)
    },
    async rows(table) {
      const [made] = await query<{ sql: string }>(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?`, [table])
      return query(`SELECT * FROM "${table}"${rowOrder(made?.sql ?? '')}`)
    },
    async everyRow() {
      const every: Record<string, Row[]> = {}
      for (const table of await db.tables()) if (table !== 'migrations') every[table] = await db.rows(table)
      return every
    },
    async dispose() {
      if (dataSource.isInitialized) await dataSource.destroy()
      rmSync(dir, { recursive: true, force: true })
    }
  }
  return db
}

/**
 * A statement that must fail, and the error SQLite gave. For constraints and triggers: the test
 * says which rule refused the write, not only that something did.
 */
export async function refusal(db: MigrationDb, sql: string, params: unknown[] = []): Promise<string> {
  try {
    await db.query(sql, params)
  } catch (error) {
    return String((error as Error).message)
  }
  throw new Error(`Expected this statement to be refused: ${sql}`)
}

/** An INSERT of `row` (column → value) into `table` that must fail, and the error SQLite gave. */
export function refusedInsert(db: MigrationDb, table: string, row: Row): Promise<string> {
  const columns = Object.keys(row)
  return refusal(db, `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, Object.values(row))
}

/** The tables whose rows differ between two everyRow() snapshots (a new, empty table has not changed). */
export function changedTables(before: Record<string, Row[]>, after: Record<string, Row[]>): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
  return names.filter((name) => JSON.stringify(before[name] ?? []) !== JSON.stringify(after[name] ?? []))
}
