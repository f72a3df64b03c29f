// The same records give the same package on either engine: the same files, the same rows in the same
// order, byte for byte, in a full package and in the incremental one the change feed makes after the
// same changes (SQLite's triggers of migration 15, PostgreSQL's of migration 19). The records are the
// migration tests' rows, whose ids and times are fixed, written as they are into a SQLite file and a
// PostgreSQL database; the clock is fixed, so the packages are named alike too.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCasebook, type Casebook } from '../core/casebook'
import type { Clock } from '../core/clock'
import { tempCasebook, TEST_HUB, TEST_SCRYPT, type TempCasebook } from '../testing/tempCasebook'
import { personDisabilityRows13, rows13 } from '../testing/migrationRows'
import { exportAs } from './exportTestWorld'
import type { ExportRun } from '../../shared/export/schemas'

const clock: Clock = { now: () => new Date('2026-11-24T10:00:00.000Z') }
/** The tables written: rows13 but the hub's row and the audit trail, which each database has of its own. */
const TABLES = rows13.filter(([table]) => table !== 'hub' && table !== 'audit_entry')

let t: TempCasebook
let sqlite: Casebook
const engines = () => [
  { name: 'sqlite', casebook: sqlite, folder: join(t.dir, 'sqlite-exports') },
  { name: 'postgres', casebook: t.casebook, folder: join(t.dir, 'postgres-exports') }
]

/** Rows written as they are; PostgreSQL's boolean columns are given true and false where the rows say 1 and 0. */
async function write(casebook: Casebook, table: string, rows: Record<string, unknown>[]): Promise<void> {
  const postgres = casebook === t.casebook
  const booleans = postgres
    ? new Set(
        (
          (await casebook.core.db.query(`SELECT column_name AS "name" FROM information_schema.columns WHERE table_name = ? AND data_type = 'boolean'`, [
            table
          ])) as {
            name: string
          }[]
        ).map((c) => c.name)
      )
    : new Set<string>()
  await casebook.core.writes.run(async (m) => {
    for (const row of rows) {
      const columns = Object.keys(row)
      const values = columns.map((c) => (booleans.has(c) && typeof row[c] === 'number' ? row[c] === 1 : row[c]))
      await m.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, values)
    }
  })
}

/** Every file of the package the run wrote, and its bytes; datapackage.json by the files it lists (its audit anchor is each database's own). */
function packageFiles(run: ExportRun): Record<string, string> {
  expect(run).toMatchObject({ status: 'succeeded', error: null })
  const folder = join(run.exportFolder, run.packageName!)
  const files: Record<string, string> = {}
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(folder, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(path)
      else files[path] = readFileSync(join(folder, path), 'utf8')
    }
  }
  walk('')
  const descriptor = JSON.parse(files['datapackage.json']!)
  files['datapackage.json'] = JSON.stringify({ name: descriptor.name, resources: descriptor.resources, changeSequence: descriptor.casebook.changeSequence })
  return files
}

async function exportBoth(kind: 'full' | 'incremental'): Promise<Record<string, string>[]> {
  const packages: Record<string, string>[] = []
  for (const engine of engines()) {
    engine.casebook.core.exportFolder = engine.folder
    packages.push(packageFiles(await exportAs(engine.casebook.connect({ name: 'cli:same-on-both' }), { kind })))
  }
  return packages
}

beforeAll(async () => {
  t = await tempCasebook('same-on-both', { clock })
  sqlite = await openCasebook({ databasePath: join(t.dir, 'same.sqlite'), mode: 'create', clock, passwordCost: TEST_SCRYPT, hub: TEST_HUB })
  for (const engine of engines()) {
    mkdirSync(engine.folder)
    for (const [table, rows] of TABLES) await write(engine.casebook, table, rows)
  }
})
afterAll(async () => {
  await sqlite?.close()
  await t.dispose()
})

describe('the same records on SQLite and PostgreSQL', () => {
  it('make the same full package, and after the same changes the same incremental one', async () => {
    const [fromSqlite, fromPostgres] = await exportBoth('full')
    expect(Object.keys(fromSqlite!).length).toBeGreaterThan(20)
    expect(fromSqlite!['families.csv']!.split('\n').length).toBeGreaterThan(2)
    expect(fromPostgres).toEqual(fromSqlite)

    // A family moves, a person's disability is taken off (a link row deleted: its person changes), a
    // family is marked restricted (a boolean): the change feed of each engine names the same records.
    const [family] = TABLES.find(([table]) => table === 'family')![1]
    const disability = personDisabilityRows13[0]!
    for (const { casebook } of engines()) {
      await casebook.core.writes.run(async (m) => {
        await m.query(`UPDATE family SET town = 'Walsall', version = version + 1 WHERE id = ?`, [family!.id])
        await m.query(`UPDATE family SET restricted = true WHERE id = ?`, [family!.id])
        await m.query(`DELETE FROM person_disability WHERE person_id = ? AND code = ?`, [disability.person_id, disability.code])
      })
    }
    const [nextSqlite, nextPostgres] = await exportBoth('incremental')
    expect(nextSqlite!['families.csv']).toContain('Walsall')
    expect(nextSqlite!['people.csv']).toContain(disability.person_id)
    expect(nextPostgres).toEqual(nextSqlite)
  })
})
