// A single-desk hub moved to the hub's shared PostgreSQL database (issue 13, item 5), on the real test
// server: a real SQLite file with registrations, an episode, a referral, a request for help and a
// draft; a target database owned by an owner role (not a superuser), moved into as IT does it, with
// the command line; then a desk, as the desks' role, opens the server and carries on. A failure part-way
// leaves the server with no records, and the file is never changed.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import pg from 'pg'
import { desktopUserName, openCasebook, type Casebook, type Connection } from '../core/casebook'
import type { PostgresConnection } from '../core/postgres'
import { TEST_SCRYPT, tempCasebook, unwrap } from '../testing/tempCasebook'
import { signedInUser } from '../testing/accounts'
import { okaforsWithEpisode } from '../testing/episodes'
import { okaforFamily, today, yearsAgo } from '../testing/fixtures'
import { runCommand } from '../testing/commandLine'
import { rawAll, rawExec } from '../testing/rawDb'
import { makeTestHubDatabase, testPostgresAdminUrl, type TestHubDatabase, type TestPostgresDatabase, type TestRole } from '../testing/postgresDatabase'
import { directoryRows, requestInput } from '../referrals/testWorld'
import { seedFamilies } from '../seed/seed'
import { formatReference } from '../search/parseQuery'
import { MOVE_APPLICATION, moveToPostgres, MoveRefusal } from './moveToPostgres'
import { NOT_COPIED } from './targetTables'

const adminUrl = testPostgresAdminUrl()!
const call = async (c: Connection, channel: string, input: unknown) => unwrap<any>(await c.invoke(channel, input), channel)
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

/** The hub's file, made once and closed, as IT finds it when the desk is shut down for the move. */
let file: string
let fileDir: string
/** What the desk saw in the file before the move, to be seen again on the server. */
let before: {
  references: string[]
  hub: { code: string; nextFamilyNumber: number; databaseId: string }
  counts: Record<string, number>
  search: unknown
  family: unknown
  episode: unknown
  referral: unknown
  request: unknown
  draft: unknown
  ids: { family: string; episode: string; referral: string; request: string }
}

beforeAll(async () => {
  const t = await tempCasebook('move-from', { sqliteFile: true, hub: { name: 'Riverside Family Hub', code: 'RV', localAuthorityCode: '330' } })
  fileDir = t.dir
  file = t.databasePath
  const rita = await signedInUser(t, 'rita', 'reception')
  const pat = await signedInUser(t, 'pat', 'practitioner')
  await signedInUser(t, 'molly', 'manager')
  await seedFamilies(t.casebook, { families: 150, seed: 7 })
  const { family, people, episodeId } = await okaforsWithEpisode(t, pat, today)
  const directory = await directoryRows(t.casebook)
  await call(pat.connection, 'consent.record', {
    familyId: family.id,
    givenById: people.Grace,
    scope: 'SHARING',
    method: 'WRITTEN',
    givenOn: today,
    organisationId: directory.organisationId
  })
  const referral = await call(pat.connection, 'referrals.createOutbound', {
    familyId: family.id,
    episodeId,
    serviceId: directory.serviceId,
    reason: 'Grace would like help with Catherine’s sleep.',
    personIds: [people.Catherine, people.Grace],
    shared: ['identifiers', 'address']
  })
  const request = await call(
    rita.connection,
    'referrals.logRequest',
    requestInput(family.id, [people.Catherine!], { organisationId: directory.organisationId })
  )
  await call(pat.connection, 'notes.add', {
    familyId: family.id,
    // Midnight: a contact today must be now or earlier, and a run before 10:00 was refused.
    occurredOn: today,
    occurredAt: '00:00',
    type: 'PHONE_CALL',
    text: 'Called Grace about the visit.'
  })
  await call(pat.connection, 'drafts.save', { key: `case-note:${family.id}`, payload: { text: 'Half a sentence about the visit' } })
  const seen = {
    search: await call(rita.connection, 'people.search', { text: 'Okafor' }),
    family: await call(pat.connection, 'families.get', { id: family.id }),
    episode: await call(pat.connection, 'episodes.get', { id: episodeId }),
    referral: await call(pat.connection, 'referrals.getOutbound', { id: referral.id }),
    request: await call(pat.connection, 'referrals.getRequest', { id: request.id }),
    draft: await call(pat.connection, 'drafts.get', { key: `case-note:${family.id}` }),
    ids: { family: family.id, episode: episodeId, referral: referral.id, request: request.id }
  }
  // Counted last: opening a record is audited too.
  const db = t.casebook.core.db
  const counts: Record<string, number> = {}
  for (const name of [
    'app_user',
    'audit_entry',
    'change_feed',
    'family',
    'person',
    'episode',
    'case_note',
    'outbound_referral',
    'request_for_help',
    'draft',
    'consent',
    'hub'
  ])
    counts[name] = Number(((await db.query(`SELECT count(*) AS n FROM "${name}"`)) as { n: number }[])[0]!.n)
  const [hub] = (await db.query(`SELECT code, next_family_number AS "nextFamilyNumber", database_id AS "databaseId" FROM hub`)) as {
    code: string
    nextFamilyNumber: number
    databaseId: string
  }[]
  const references = ((await db.query(`SELECT reference FROM family`)) as { reference: string }[]).map((r) => r.reference)
  before = { ...seen, references, hub: hub!, counts }
  // Closed as the desk is for the move (the file then holds everything: no WAL left beside it).
  await t.casebook.close()
})
afterAll(() => rmSync(fileDir, { recursive: true, force: true }))

let hub: TestHubDatabase
let owner: TestRole
let desk: TestRole
let database: TestPostgresDatabase
let dir: string
let config: string
const opened: Casebook[] = []
const configBefore = process.env.CASEBOOK_CONFIG

beforeEach(async () => {
  hub = await makeTestHubDatabase(adminUrl)
  ;({ owner, desk, database } = hub)
  // The machine-wide config every desk will have: the server, the database and the desks' role.
  dir = mkdtempSync(join(tmpdir(), 'move-to-'))
  config = join(dir, 'casebook.json')
  writeFileSync(config, JSON.stringify({ postgres: hub.section }))
  process.env.CASEBOOK_CONFIG = config
})
afterEach(async () => {
  for (const casebook of opened.splice(0)) await casebook.close()
  if (configBefore === undefined) delete process.env.CASEBOOK_CONFIG
  else process.env.CASEBOOK_CONFIG = configBefore
  await hub.drop()
  rmSync(dir, { recursive: true, force: true })
})

const as = (role: TestRole): PostgresConnection => hub.as(role)
const move = (from = file) => runCommand('move-to-postgres', '--from', from, '--to', config, '--owner', owner.name)

async function deskOnServer(): Promise<Casebook> {
  const casebook = await openCasebook({ databasePath: 'not used', postgres: as(desk), mode: 'existing', passwordCost: TEST_SCRYPT })
  opened.push(casebook)
  return casebook
}

async function signIn(casebook: Casebook, username: string): Promise<Connection> {
  const connection = casebook.connect()
  unwrap(await connection.invoke('auth.signIn', { username, password: 'a chosen passphrase' }))
  return connection
}

/** The server's tables as the superuser sees them: every table the move copies or sets, with its rows. */
async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...database.connection, password: undefined })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

async function serverCounts(): Promise<Record<string, number>> {
  return onServer(async (client) => {
    const tables = (await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY tablename`))
      .rows as {
      tablename: string
    }[]
    const counts: Record<string, number> = {}
    for (const { tablename } of tables) counts[tablename] = Number((await client.query(`SELECT count(*) AS n FROM "${tablename}"`)).rows[0].n)
    return counts
  })
}

/** A server the move stopped on: no record in any table, the counters where an empty database has them, every trigger on. */
async function expectNoRecords(): Promise<void> {
  const counts = await serverCounts()
  for (const [table, rows] of Object.entries(counts))
    expect({ table, rows }).toEqual({ table, rows: table === 'audit_head' || table === 'change_feed_counter' ? 1 : 0 })
  await onServer(async (client) => {
    expect((await client.query(`SELECT seq FROM audit_head`)).rows).toEqual([{ seq: 0 }])
    expect((await client.query(`SELECT seq FROM change_feed_counter`)).rows).toEqual([{ seq: 0 }])
    const off = (await client.query(`SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'O'`)).rows
    expect(off).toEqual([])
  })
}

describe('moving a hub from its file to the server', () => {
  it('copies every record: a desk on the server signs in, finds the family, sees the same records and a trail that verifies; the file is unchanged', async () => {
    const hash = sha256(file)
    const beside = readdirSync(fileDir).sort()
    // IT may have run migrate on the new database already: its hub settings are replaced by the file's.
    expect((await runCommand('migrate', '--postgres', '--owner', owner.name, '--hub-name', 'Placeholder', '--hub-code', 'PH', '--la-code', '999')).code).toBe(0)

    const { code, out } = await move()
    expect(out).toContain(`from ${file} to postgres://${owner.name}@`)
    expect(code).toBe(0)
    expect(out).toMatch(/^Copied \d+ tables, [\d,]+ rows, from .* in [\d.]+ s\.$/m)
    expect(out).toContain('Checked on the server before the copy was committed')
    expect(out).toContain(`The hub settings made by migrate (Placeholder, PH) were replaced by the file's.`)
    expect(out).toContain(`The desks' role ${desk.name} may read and write records in`)
    expect(sha256(file)).toBe(hash)
    expect(readdirSync(fileDir).sort()).toEqual(beside)

    // Every row the file holds, and one entry more on the trail: the move's own.
    const counts = await serverCounts()
    const moved = (table: string, rows: number) => (table === 'audit_entry' ? rows + 1 : rows)
    for (const [table, rows] of Object.entries(before.counts)) expect({ table, rows: counts[table] }).toEqual({ table, rows: moved(table, rows) })
    const fileTables = (await rawAll<{ name: string }>(file, `SELECT name FROM sqlite_master WHERE type = 'table'`)).map((r) => r.name)
    for (const table of Object.keys(counts).filter((name) => !NOT_COPIED.has(name) && fileTables.includes(name))) {
      const [inFile] = await rawAll<{ n: number }>(file, `SELECT count(*) AS n FROM "${table}"`)
      expect({ table, rows: counts[table] }).toEqual({ table, rows: moved(table, inFile!.n) })
    }
    await onServer(async (client) => {
      expect((await client.query(`SELECT code, next_family_number AS "nextFamilyNumber", database_id AS "databaseId" FROM hub`)).rows).toEqual([before.hub])
      // The trail goes on from the file's last entry with the move's own: who moved the hub, from which file.
      const [last] = await rawAll<{ seq: number; hash: string }>(file, `SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1`)
      const entry = (
        await client.query(`SELECT seq, actor, action, record_type, record_id, changes, prev_hash, hash FROM audit_entry WHERE seq > $1`, [last!.seq])
      ).rows
      expect(entry).toEqual([
        expect.objectContaining({
          seq: last!.seq + 1,
          actor: `cli:${desktopUserName()}`,
          action: 'move',
          record_type: 'database',
          record_id: before.hub.databaseId
        })
      ])
      expect(entry[0].prev_hash).toBe(last!.hash)
      expect(JSON.parse(entry[0].changes)).toEqual({
        from: file,
        to: expect.stringMatching(/^postgres:\/\//),
        rows: expect.any(Number),
        entries: before.counts.audit_entry
      })
      expect((await client.query(`SELECT seq, hash FROM audit_head`)).rows).toEqual([{ seq: last!.seq + 1, hash: entry[0].hash }])
      // The server's counters follow on from the copied rows.
      const [feed] = await rawAll<{ seq: number }>(file, `SELECT max(seq) AS seq FROM change_feed`)
      expect((await client.query(`SELECT seq FROM change_feed_counter`)).rows).toEqual([feed])
      expect(Number((await client.query(`SELECT count(*) AS n FROM person_search`)).rows[0].n)).toBe(counts.person)
    })

    const server = await deskOnServer()
    const rita = await signIn(server, 'rita')
    const pat = await signIn(server, 'pat')
    const molly = await signIn(server, 'molly')
    expect(await call(rita, 'people.search', { text: 'Okafor' })).toEqual(before.search)
    expect(await call(pat, 'families.get', { id: before.ids.family })).toEqual(before.family)
    expect(await call(pat, 'episodes.get', { id: before.ids.episode })).toEqual(before.episode)
    expect(await call(pat, 'referrals.getOutbound', { id: before.ids.referral })).toEqual(before.referral)
    expect(await call(pat, 'referrals.getRequest', { id: before.ids.request })).toEqual(before.request)
    expect(await call(pat, 'drafts.get', { key: `case-note:${before.ids.family}` })).toEqual(before.draft)
    const verified = await call(molly, 'audit.verify', {})
    expect(verified).toMatchObject({ intact: true, problem: null })
    expect(verified.entries).toBeGreaterThan(before.counts.audit_entry!)
  })

  it('the next family registered on the server takes the next reference: none the file had is given again', async () => {
    expect((await move()).code).toBe(0)
    const rita = await signIn(await deskOnServer(), 'rita')
    const adams = okaforFamily()
    adams.members = [
      {
        member: {
          kind: 'adult',
          givenName: 'Ada',
          familyName: 'Adams',
          dateOfBirth: yearsAgo(40),
          sex: 'F',
          ethnicity: 'WBRI',
          relationship: 'PARENT_CARER',
          parentalResponsibility: true
        }
      }
    ]
    const registered = await call(rita, 'families.register', adams)
    expect(registered.reference).toBe(formatReference(before.hub.code, before.hub.nextFamilyNumber))
    expect(before.references).not.toContain(registered.reference)
    // The feed and the trail carry on from the file's, on the server's counters.
    await onServer(async (client) => {
      const [last] = await rawAll<{ seq: number }>(file, `SELECT max(seq) AS seq FROM audit_entry`)
      const next = (await client.query(`SELECT min(seq) AS seq FROM audit_entry WHERE seq > $1`, [last!.seq])).rows[0].seq
      expect(next).toBe(last!.seq + 1)
    })
  })

  it('refuses a database that already holds records, saying so, and changes nothing there', async () => {
    expect((await move()).code).toBe(0)
    const countsBefore = await serverCounts()
    const { code, out } = await move()
    expect(code).toBe(1)
    expect(out).toMatch(/^The database postgres:\/\/.* already holds a hub's records \(rows in .*family [\d,]+.*\)\. .*Nothing was copied\./)
    expect(await serverCounts()).toEqual(countsBefore)
  })
})

describe('how IT names the target', () => {
  it("takes an address naming the owner role instead of a config file, and says the desks' role is still to be granted", async () => {
    const { host, port, database: name } = database.connection
    const { code, out } = await runCommand('move-to-postgres', '--from', file, '--to', `postgresql://${owner.name}@${host}:${port}/${name}`)
    expect(code).toBe(0)
    expect(out).toContain(`No desks' role was named (--to gave an address): grant it from a desk's config with: npm run casebook -- migrate --postgres`)
    expect((await serverCounts()).family).toBe(before.counts.family)
  })

  it('refuses what it cannot do as asked, before connecting, with what to give instead', async () => {
    const { host, port, database: name } = database.connection
    const cases: [string[], string][] = [
      [['--to', config, '--owner', owner.name], "move-to-postgres needs --from <the hub's SQLite file>"],
      [['--from', file, '--to', config], `needs --owner <role>: the role that owns the tables, not the desks' role (${desk.name})`],
      [['--from', file, '--to', config, '--owner', desk.name], `The owner role must not be the desks' role (${desk.name})`],
      [['--from', file, '--to', `postgresql://${owner.name}@${host}:${port}/${name}`, '--owner', owner.name], 'names the role the copy connects as'],
      [['--from', file, '--to', `postgresql://${owner.name}@db.hub.example.gov.uk/${name}`], 'caFile: needed for tls verify-full'],
      [['--from', file, '--to', join(dir, 'nothing.json'), '--owner', owner.name], `There is no config file ${join(dir, 'nothing.json')}`]
    ]
    for (const [args, said] of cases) {
      const { code, out } = await runCommand('move-to-postgres', ...args)
      expect({ args, code, out }).toMatchObject({ args, code: 2, out: expect.stringContaining(said) })
    }
    expect(await serverCounts()).toEqual({})
  })
})

describe('a move that fails part-way', () => {
  it('leaves the server with no records when it refuses a row, and says which; the file is unchanged', async () => {
    // A value SQLite holds (it does not enforce varchar lengths) and PostgreSQL refuses: the referral
    // is copied after the families, people, users and audit trail, so much was already sent.
    const bad = join(dir, 'bad.sqlite')
    copyFileSync(file, bad)
    await rawExec(bad, `UPDATE outbound_referral SET created_at = '${'2026-11-24T10:00:00.000Z'.repeat(2)}'`)
    const hash = sha256(bad)
    const { code, out } = await move(bad)
    expect(code).toBe(1)
    expect(out).toContain('The copy to postgres://')
    expect(out).toContain('stopped part-way: the server refused a row of outbound_referral (value too long for type character varying(32) (PostgreSQL 22001))')
    expect(out).toContain('Nothing was copied')
    expect(sha256(bad)).toBe(hash)
    await expectNoRecords()
  })

  it('refuses to commit when a desk saves in the file while it is copied, and says to close every desk first', async () => {
    const busy = join(dir, 'busy.sqlite')
    copyFileSync(file, busy)
    let saved = false
    const refusal = await moveToPostgres({
      from: busy,
      to: as(owner),
      deskRole: desk.name,
      actor: 'cli:it',
      batchRows: 50,
      // Once the first rows are sent, a desk still on the file saves a draft (as typing does), in a
      // process of its own: the copy waits for it, so the save is in the file before the copy ends.
      onProgress: (done) => {
        if (done === 0 || saved) return
        saved = true
        const save = `const s = require('sqlite3'); const db = new s.Database(process.argv[1]);
          db.run("UPDATE draft SET saved_at = ?", [new Date(Date.now() + 60000).toISOString()], (e) => { if (e) { console.error(e); process.exit(1) } db.close() })`
        execFileSync(process.execPath, ['-e', save, busy], { cwd: process.cwd() })
      }
    }).then(
      () => null,
      (error: unknown) => error
    )
    expect(saved).toBe(true)
    expect(refusal).toBeInstanceOf(MoveRefusal)
    expect((refusal as Error).message).toBe(
      `A desk saved in ${busy} while it was being copied, so the copy would miss what it saved. Nothing was copied: close Casebook on every desk that uses the file, then run the command again.`
    )
    await expectNoRecords()
  })

  it('leaves the server with no records when its connection is cut in the middle of the copy', async () => {
    const killer = new pg.Client({ ...database.connection, password: undefined })
    await killer.connect()
    let kill: Promise<unknown> | null = null
    const hash = sha256(file)
    try {
      const refusal = await moveToPostgres({
        from: file,
        to: as(owner),
        deskRole: desk.name,
        actor: 'cli:it',
        batchRows: 50,
        // Once the first rows are sent: the server ends the move's connections, as a network cut would.
        onProgress: (done) => {
          if (done > 0 && !kill)
            kill = killer.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = $2`, [
              MOVE_APPLICATION,
              database.connection.database
            ])
        }
      }).then(
        () => null,
        (error: unknown) => error
      )
      await kill
      expect(refusal).toBeInstanceOf(MoveRefusal)
      expect(refusal).toMatchObject({ outcome: 'unchanged' })
      expect((refusal as Error).message).toContain('stopped part-way')
      expect((refusal as Error).message).toContain('Nothing was copied')
    } finally {
      await killer.end()
    }
    expect(sha256(file)).toBe(hash)
    await expectNoRecords()
    // And the move, run again, copies the hub.
    expect((await move()).code).toBe(0)
  })
})
