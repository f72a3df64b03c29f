// A hub whose desks share a PostgreSQL database (issue 13) keeps its records on IT's server, which IT
// backs up and restores with its own tools: Casebook's backups are of a desk's SQLite file. The one
// sentence a window's backup channels and IT's commands give there, so both say the same.
import { AppError } from '../core/errors'
import { dialectOf } from '../core/dialect'
import type { CallContext } from '../core/context'

/** Why Casebook does not `what` (back it up, restore it) on a PostgreSQL hub's database named `where`. */
export function notOnSharedDatabase(where: string, what: string): string {
  return `This hub's database is on a PostgreSQL server (${where}), so Casebook does not ${what}: IT backs the server up with pg_dump or its own tools, and restores it the same way. Nothing was changed.`
}

/** Refuses a backup channel on a PostgreSQL core, before it looks for a folder or a key. */
export function refuseOnSharedDatabase(ctx: CallContext, what: string): void {
  if (dialectOf(ctx.core.db) === 'postgres') throw new AppError('UNAVAILABLE', notOnSharedDatabase(ctx.core.databasePath, what))
}
