// A database that refuses some inserts, as a full disk or a broken write would refuse them: for the
// tests that prove a write and its audit entry (or its parts) are kept or lost together. A trigger
// on either engine, written once here so the tests read the same on SQLite and PostgreSQL.
import type { Core } from '../core/context'
import { dialectOf } from '../core/dialect'

export interface RefusedInserts {
  /** Takes the trigger away: the database accepts the inserts again. */
  lift(): Promise<void>
}

/**
 * From now on an insert into `table` (those where `when` holds, SQL over NEW, the same on both
 * engines: `NEW.action = 'failed-sign-in'`) fails with `message`. Made through the core's write
 * queue (its read connection cannot write on SQLite); `name` must be unique in the test's database.
 */
export async function refuseInserts(
  core: Pick<Core, 'db' | 'writes'>,
  { name, table, message, when }: { name: string; table: string; message: string; when?: string }
): Promise<RefusedInserts> {
  const run = (...statements: string[]) =>
    core.writes.run(async (m) => {
      for (const sql of statements) await m.query(sql)
    })
  const literal = `'${message.replaceAll("'", "''")}'`
  if (dialectOf(core.db) === 'sqlite') {
    await run(`CREATE TRIGGER ${name} BEFORE INSERT ON ${table}${when ? ` WHEN ${when}` : ''} BEGIN SELECT RAISE(ABORT, ${literal}); END`)
    return { lift: () => run(`DROP TRIGGER ${name}`) }
  }
  await run(
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION ${literal}; END $$`,
    `CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW${when ? ` WHEN (${when})` : ''} EXECUTE FUNCTION ${name}()`
  )
  return { lift: () => run(`DROP TRIGGER ${name} ON ${table}`, `DROP FUNCTION ${name}()`) }
}
