import type { QueryRunner } from 'typeorm'

// Which engine a migration is running on. Steps only one engine can take (SQLite's FTS5 and its
// trigger syntax; PostgreSQL's trigger functions) run where they belong: SQLite's in the migration
// that made each, PostgreSQL's in 1764000000019-PostgresGuardsAndSearch, which builds them all as of
// that point (no PostgreSQL database existed before it) and is where later migrations' PostgreSQL
// steps go on being written beside their SQLite ones.
export const isSqlite = (q: QueryRunner): boolean => q.connection.driver.options.type === 'sqlite'
