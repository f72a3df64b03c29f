// Casebook's backups are of a desk's SQLite file: on a hub's shared PostgreSQL database, which IT backs
// up with its own tools, every backup channel an administrator's window calls says so plainly, and
// nothing is started, written or looked for.
import { afterEach, beforeEach, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'
import { describePostgres } from '../core/postgres'
import { openCasebook, type Casebook } from '../core/casebook'
import { TEST_SCRYPT } from '../testing/tempCasebook'
import { backupFileNameFor } from './folder'

let t: TempCasebook
let desk: Casebook

beforeEach(async () => {
  t = await tempCasebook('shared-backups')
  // As the app opens a desk: the database named by the server it is on (../core/config).
  desk = await openCasebook({ databasePath: describePostgres(t.postgres!), postgres: t.postgres, mode: 'existing', passwordCost: TEST_SCRYPT })
})
afterEach(async () => {
  await desk.close()
  await t.dispose()
})

it('refuses every backup channel in plain words naming the server, and starts, writes and looks for nothing', async () => {
  const window = desk.connect({ name: 'ivy' })
  const before = (await t.casebook.core.db.query(`SELECT count(*) AS "n" FROM audit_entry`))[0].n
  const said = (what: string) =>
    `This hub's database is on a PostgreSQL server (${describePostgres(t.postgres!)}), so Casebook does not ${what}: IT backs the server up with pg_dump or its own tools, and restores it the same way. Nothing was changed.`
  for (const [channel, input] of [
    ['backup.overview', {}],
    ['backup.list', { limit: 10 }],
    ['backup.start', {}],
    ['backup.progress', { id: randomUUID() }]
  ] as const)
    expect({ channel, answer: await window.invoke(channel, input) }).toEqual({
      channel,
      answer: { ok: false, error: { code: 'UNAVAILABLE', message: said('back it up') } }
    })
  expect(await window.invoke('backup.restore', { fileName: backupFileNameFor('TH', new Date('2026-11-23T09:00:00Z')) })).toEqual({
    ok: false,
    error: { code: 'UNAVAILABLE', message: said('restore it') }
  })
  expect(await t.casebook.core.db.query(`SELECT count(*) AS "n" FROM backup_run`)).toEqual([{ n: 0 }])
  // Refusals of this kind are answers, not records touched: the trail has nothing new.
  expect((await t.casebook.core.db.query(`SELECT count(*) AS "n" FROM audit_entry`))[0].n).toBe(before)
})
