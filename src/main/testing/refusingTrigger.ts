// A write the database refuses half-way, as a full disk or a broken row would: a trigger that raises
// on every insert into one table (or those its condition picks), for the tests that prove a failed
// save leaves nothing half-written. SQLite raises from the trigger itself; PostgreSQL's trigger runs
// a function, so the two engines need their own statements (the tests' one copy of them).
import type { EntityManager } from 'typeorm'
import { dialectOf } from '../core/dialect'

export interface Refusal {
  /** The trigger's name, unique to the test. */
  name: string
  table: string
  /** The error's message. */
  message: string
  /** A condition on NEW (`NEW.action = 'view'`), the same on both engines; every insert if absent. */
  when?: string
}

const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`

export async function refuseInserts(m: EntityManager, r: Refusal): Promise<void> {
  if (dialectOf(m) === 'sqlite') {
    await m.query(`CREATE TRIGGER ${r.name} BEFORE INSERT ON ${r.table} ${r.when ? `WHEN ${r.when} ` : ''}BEGIN SELECT RAISE(ABORT, ${quoted(r.message)}); END`)
    return
  }
  await m.query(`CREATE FUNCTION ${r.name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION ${quoted(r.message)}; END $$`)
  await m.query(`CREATE TRIGGER ${r.name} BEFORE INSERT ON ${r.table} FOR EACH ROW ${r.when ? `WHEN (${r.when}) ` : ''}EXECUTE FUNCTION ${r.name}()`)
}

export async function dropRefusal(m: EntityManager, r: Pick<Refusal, 'name' | 'table'>): Promise<void> {
  if (dialectOf(m) === 'sqlite') {
    await m.query(`DROP TRIGGER ${r.name}`)
    return
  }
  await m.query(`DROP TRIGGER ${r.name} ON ${r.table}`)
  await m.query(`DROP FUNCTION ${r.name}()`)
}
