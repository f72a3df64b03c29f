// Anything that answers SQL: a DataSource, an EntityManager, or a raw sqlite3 connection wrapped by
// rawQueries (./opening). Helpers that only read take this, so they work on any of them.
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>
}
