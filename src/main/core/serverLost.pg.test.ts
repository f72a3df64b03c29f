// A desk that loses the hub's PostgreSQL server (issue 13, item 6): every call says so plainly with
// a code of its own, nothing is half saved, and the desk carries on by itself when the server is
// back, without being opened again. The test has a server of its own, since it stops it.
import { afterAll, beforeAll, expect, it } from 'vitest'
import pg from 'pg'
import { openCasebook, type Casebook, type Connection } from './casebook'
import { SERVER_LOST_MESSAGE } from './router'
import { startPostgresServer, type PostgresServer } from '../testing/postgresServer'
import { TEST_HUB, TEST_SCRYPT, unwrap } from '../testing/tempCasebook'

let server: PostgresServer
let casebook: Casebook
let desk: Connection

beforeAll(async () => {
  // Durable, as a hub's server is: stopped at once, it keeps every commit it acknowledged.
  server = await startPostgresServer({ durable: true })
  const admin = new pg.Client({ connectionString: server.url('postgres') })
  await admin.connect()
  await admin.query('CREATE DATABASE hub')
  await admin.end()
  casebook = await openCasebook({
    databasePath: 'hub',
    postgres: { host: server.host, port: server.port, database: 'hub', user: server.user, password: null, ssl: false, poolSize: 2 },
    mode: 'create',
    passwordCost: TEST_SCRYPT,
    hub: TEST_HUB
  })
  desk = casebook.connect({ name: 'desk' })
})
afterAll(async () => {
  await casebook?.close().catch(() => undefined)
  await server?.stop()
})

type Settings = { version: number; exportNoteText: boolean } & Record<string, unknown>

it('says the server cannot be reached on every call while it is gone, saves nothing, and carries on when it is back', async () => {
  const settings = unwrap<Settings>(await desk.invoke('hub.settings', {}))
  unwrap(await desk.invoke('hub.update', { ...settings, exportNoteText: true }))

  await server.pause()
  const lost = { ok: false, error: { code: 'OFFLINE', message: SERVER_LOST_MESSAGE } }
  expect(await desk.invoke('hub.update', { ...settings, version: 2, exportNoteText: false })).toEqual(lost)
  expect(await desk.invoke('hub.settings', {})).toEqual(lost)
  expect(await desk.invoke('people.search', { text: 'okafor', limit: 25 })).toEqual(lost)
  expect(SERVER_LOST_MESSAGE).toMatch(/^Casebook cannot reach the hub's database server\. Nothing was saved; what you typed is still here\./)

  await server.resume()
  // The pool connects afresh: the save refused while the server was gone works now, and only it.
  await expect.poll(async () => (await desk.invoke('hub.settings', {})).ok, { timeout: 20_000 }).toBe(true)
  expect(unwrap<Settings>(await desk.invoke('hub.settings', {}))).toMatchObject({ version: 2, exportNoteText: true })
  expect(await desk.invoke('hub.update', { ...settings, version: 2, exportNoteText: false })).toEqual({ ok: true, value: { version: 3 } })
  const updates = (await casebook.core.db.query(`SELECT count(*) AS n FROM audit_entry WHERE record_type = 'hub' AND action = 'update'`)) as { n: number }[]
  expect(updates).toEqual([{ n: 2 }])
})
