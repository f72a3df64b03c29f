// An interrupted migration: the app starts on a database an earlier version of Casebook wrote (made
// by the migrations before FamiliesReadyToTravel, with thousands of families in it, so that the
// backup opening takes first and the migrations after it, one of them moving rows in JavaScript,
// take a while), and is killed (SIGKILL) part way: as the backup's copy appears, as its encrypted
// file is being written, as the migrations write, as they commit, and at moments spread over the
// whole of opening.
// After each kill the file is exactly the old database (every row as it was, the old schema, the
// old list of migrations) or exactly the migrated one, never a mixture; SQLite finds it sound; every
// file in the backup folder named as a backup is a whole backup of the old database; and the next
// open migrates it completely, to the same rows as an opening that was never interrupted.
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import sqlite3 from 'sqlite3'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { migrations } from '../../../migrations'
import { FamiliesReadyToTravel1764000000013 } from '../../../migrations/1764000000013-FamiliesReadyToTravel'
import { openCasebook } from '../core/casebook'
import { all as allRows, closeRaw, openRaw } from '../core/opening'
import { rng } from '../seed/generator'
import { backupFolderFor } from '../backup/folder'
import { backupLeftovers } from '../testing/backupFolder'
import { bundleChild, type ChildBundle } from '../testing/childBundle'
import { startChild, type ChildCore } from '../testing/childProcess'
import { checkFile, SOUND } from '../testing/integrity'
import { databaseBefore, FTS5_SHADOW_TABLES, rowOrder } from '../testing/migrationDb'
import { hubRow, userRow } from '../testing/migrationRows'
import { rawAll } from '../testing/rawDb'
import { TEST_SCRYPT } from '../testing/tempCasebook'

const FAMILIES = 3000
/** Bytes in the write-ahead log that say the migrations are writing (opening only reads, and the backup writes its own file). */
const MIGRATING_WAL_BYTES = 256 * 1024

/** The migrations the file has committed, read as another process would; null while it cannot be read. */
async function committedMigrations(path: string): Promise<number | null> {
  return rawAll<{ n: number }>(path, 'SELECT count(*) AS n FROM migrations').then(
    ([row]) => row!.n,
    () => null
  )
}

/**
 * Kills at moments named by what is on disk: as the plaintext copy of the backup taken before
 * migrating appears beside the database (being copied), as its encrypted file appears in the backup
 * folder (being written), as the migrations' writes reach the log, and as soon as they are committed
 * (before the backup's run is recorded in the migrated database).
 */
const KILL_MOMENTS: { name: string; reached: (path: string) => boolean | Promise<boolean> }[] = [
  { name: 'copying', reached: (path) => readdirSync(dirname(path)).some((f) => /\.backup-before-upgrade-[a-z0-9-]+\.tmp$/.test(f)) },
  {
    name: 'encrypting',
    reached: (path) =>
      existsSync(backupFolderFor({ folder: null }, path)) && readdirSync(backupFolderFor({ folder: null }, path)).some((f) => f.endsWith('.partial'))
  },
  { name: 'migrating', reached: (path) => existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > MIGRATING_WAL_BYTES },
  { name: 'committed', reached: async (path) => (await committedMigrations(path)) === migrations.length }
]
/** Kills spread evenly over the time an uninterrupted opening takes. */
const KILLS_SPREAD = 8
const KILLS = KILL_MOMENTS.length + KILLS_SPREAD
const SEED = Number(process.env.CASEBOOK_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31))
const random = rng(SEED)

let dir: string
/** The database as the earlier version left it. */
let old: string

/**
 * Everything a database holds: its migrations, its schema, a fingerprint of each table's rows, and
 * what the backup before migrating recorded (its run and its audit entry: made with a new id and the
 * time, so compared by what they say).
 */
interface State {
  migrations: string[]
  schema: string[]
  rows: Record<string, string>
  recorded: { backupRuns: string[]; audit: string[] }
}

/** Tables whose rows are compared by what they record, not byte for byte. */
const RECORDS = new Set(['backup_run', 'audit_entry'])

async function stateOf(path: string): Promise<State> {
  // Read-write, as the app's first connection is: it recovers what a killed process left in the log.
  const db = await openRaw(path, sqlite3.OPEN_READWRITE)
  const all = <T = Record<string, unknown>>(sql: string) => allRows<T>(db, sql)
  try {
    await all('PRAGMA query_only = ON')
    const schema = await all<{ type: string; name: string; sql: string | null }>(`SELECT type, name, sql FROM sqlite_schema ORDER BY type, name`)
    const virtual = schema.filter((s) => s.sql?.startsWith('CREATE VIRTUAL TABLE')).map((s) => s.name)
    const shadow = new Set(virtual.flatMap((v) => FTS5_SHADOW_TABLES.map((suffix) => `${v}_${suffix}`)))
    const rows: Record<string, string> = {}
    const tables = schema.filter((s) => s.type === 'table' && !s.name.startsWith('sqlite_') && !shadow.has(s.name) && s.name !== 'migrations')
    for (const { name, sql } of tables.filter((s) => !RECORDS.has(s.name))) {
      // The pseudonymised export's key and the database's id are made at random by their migrations: the values two migrations of one file do not share.
      const table = (await all(`SELECT * FROM "${name}"${rowOrder(sql ?? '')}`)).map(({ pseudonym_key: _key, database_id: _id, ...row }) => row)
      rows[name] = createHash('sha256').update(JSON.stringify(table)).digest('hex')
    }
    return {
      migrations: (await all<{ name: string }>('SELECT name FROM migrations ORDER BY id')).map((m) => m.name),
      schema: schema.map((s) => `${s.type} ${s.name}: ${s.sql}`),
      rows,
      recorded: {
        backupRuns: tables.some((s) => s.name === 'backup_run')
          ? (await all<{ run: string }>(`SELECT reason || ' ' || status AS run FROM backup_run ORDER BY started_at`)).map((r) => r.run)
          : [],
        audit: (await all<{ entry: string }>(`SELECT action || ' ' || record_type AS entry FROM audit_entry ORDER BY seq`)).map((a) => a.entry)
      }
    }
  } finally {
    await closeRaw(db)
  }
}

/** The earlier version's database: thousands of families, their people (half the children with disabilities), moves and requests. */
async function earlierDatabase(): Promise<void> {
  const db = await databaseBefore(FamiliesReadyToTravel1764000000013)
  try {
    await db.insert('hub', [{ ...hubRow, next_family_number: FAMILIES + 1 }])
    await db.insert('app_user', [userRow, { ...userRow, id: 'a05a5f42-5b6e-4a97-9e87-ad4b5e6f7a02', username: 'reception1', display_name: 'Rita Reception' }])
    const numbers = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${FAMILIES})`
    const at = `'2025-11-20T09:30:00.000Z'`
    await db.query(`${numbers} INSERT INTO family (id, reference, address_line1, address_line2, town, postcode, postcode_key, phone, email, main_language,
        interpreter_needed, heard_about, registered_at, registered_by, updated_at, version, restricted)
      SELECT printf('f0000000-0000-4000-8000-%012d', i), printf('RV-%06d', i), printf('%d Acacia Road', i), NULL, 'Birmingham', 'B33 8TH', 'B338TH',
        NULL, NULL, 'English', i % 7 = 0, 'HEALTH_VISITOR', ${at}, CASE WHEN i % 3 = 0 THEN 'seed' ELSE 'reception1' END, ${at}, 1, i % 50 = 0 FROM n`)
    await db.query(`${numbers} INSERT INTO person (id, family_id, kind, given_name, family_name, date_of_birth, expected_date, sex, ethnicity, nhs_number,
        upn, disabilities, school, gp_practice, relationship, parental_responsibility, created_at, updated_at, version)
      SELECT printf('a0000000-0000-4000-8000-%012d', i), printf('f0000000-0000-4000-8000-%012d', i), 'adult', 'Grace', printf('Okafor%d', i), '1994-05-02',
        NULL, 'F', 'BAFR', NULL, NULL, '', NULL, NULL, 'PARENT_CARER', 1, ${at}, ${at}, 1 FROM n
      UNION ALL
      SELECT printf('c0000000-0000-4000-8000-%012d', i), printf('f0000000-0000-4000-8000-%012d', i), 'child', 'Catherine', printf('Okafor%d', i), '2019-07-03',
        NULL, 'F', 'BAFR', NULL, NULL, CASE WHEN i % 2 = 0 THEN 'HEAR COMM' ELSE '' END, 'Acacia Primary', NULL, NULL, NULL, ${at}, ${at}, 1 FROM n`)
    await db.query(`INSERT INTO family_membership (id, person_id, family_id, joined_at, left_at, recorded_by)
      SELECT printf('b0000000-0000-4000-8000-%012d', rowid), id, family_id, ${at}, NULL, CASE WHEN rowid % 5 = 0 THEN 'pat' ELSE 'reception1' END FROM person`)
    await db.query(`${numbers} INSERT INTO request_for_help (id, family_id, received_at, channel, referrer_name, source, reason, awareness, urgency, status,
        logged_by_user_id, created_at, updated_at, version)
      SELECT printf('d0000000-0000-4000-8000-%012d', i), printf('f0000000-0000-4000-8000-%012d', i), '2026-04-02T10:30:00+01:00', 'PHONE', 'Dee Patel', '3B',
        'Mum is finding the nights hard.', 'AWARE_AGREES', 'ROUTINE', 'waiting', '${userRow.id}', ${at}, ${at}, 1 FROM n WHERE i % 4 = 0`)
    // The file is whole on disk between statements (no log mode but the default): a copy of it is the database.
    copyFileSync(db.path, old)
  } finally {
    await db.dispose()
  }
}

let before: State
let after: State
/** How long an opening that is not interrupted takes (the copy, then the migrations), in ms. */
let opening: number

/** The opener, built once: its children start faster from one file (../testing/childBundle). */
let opener: ChildBundle

beforeAll(async () => {
  opener = await bundleChild(join(__dirname, 'children/opener.ts'))
  dir = mkdtempSync(join(tmpdir(), 'interrupted-migration-'))
  old = join(dir, 'earlier.sqlite')
  await earlierDatabase()
  before = await stateOf(old)
  expect(before.migrations).toHaveLength(migrations.indexOf(FamiliesReadyToTravel1764000000013))

  // The same database opened without interruption, by a child as the trials are: what "fully migrated" means, and how long it takes.
  const reference = join(dir, 'reference.sqlite')
  copyFileSync(old, reference)
  const child = startChild(opener.script, [reference])
  await child.waitFor(/^loaded$/)
  const started = performance.now()
  child.send('go')
  await child.waitFor(/^opened$/)
  opening = performance.now() - started
  await child.ended
  after = await stateOf(reference)
  expect(after.migrations).toEqual(migrations.map((m) => m.name))
}, 180_000)

afterAll(() => {
  opener?.dispose()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/**
 * The migrated database: as an uninterrupted opening left it, its backup's run and audit entry
 * included, unless the kill came after the migrations were committed and before the backup was
 * recorded (the backup's file is in the folder; only the history lacks it).
 */
const migrated = (state: State): State => ({ ...after, recorded: state.recorded.backupRuns.length === 0 ? before.recorded : after.recorded })

/**
 * Every file in the backup folder named as a backup is whole: it decrypts with the key, SQLite finds
 * it sound, and it is the database as it was before migrating, every family in it. A killed run
 * leaves at most a `.partial` and its plaintext copy beside the database (which the next backup run
 * removes), nothing else. Those in `seen` were looked into already; answers every backup's name.
 */
async function expectWholeBackups(kill: number, path: string, seen: Set<string>): Promise<string[]> {
  const left = await backupLeftovers(path, seen)
  expect({ kill, other: left.other }).toEqual({ kill, other: [] })
  for (const backup of left.backups) {
    expect({ kill, backup: backup.fileName, checks: backup.checks, migrations: backup.migrations, families: backup.familyEmails.length }).toEqual({
      kill,
      backup: backup.fileName,
      checks: SOUND,
      migrations: before.migrations,
      families: FAMILIES
    })
  }
  for (const backup of left.backups) seen.add(backup.fileName)
  return [...seen]
}

it('a migration killed part way leaves the old database or the migrated one, never half, and the next open migrates it', async () => {
  const started = performance.now()
  const outcomes: string[] = []
  const trial = (k: number) => {
    mkdirSync(join(dir, `trial-${k}`))
    const path = join(dir, `trial-${k}`, 'casebook.sqlite')
    copyFileSync(old, path)
    return { path, child: startChild(opener.script, [path]) }
  }
  let next: { path: string; child: ChildCore } = trial(0)
  try {
    for (let k = 0; k < KILLS; k++) {
      const { path, child } = next
      await child.waitFor(/^loaded$/)
      child.send('go')
      next = trial(k + 1)
      const moment = KILL_MOMENTS[k]
      if (moment) {
        while (!(await moment.reached(path)) && !child.lines.includes('opened')) await new Promise(setImmediate)
      } else {
        // Spread over the whole opening: the i-th of KILLS_SPREAD equal slices of it, at a random point within the slice.
        await new Promise((resolve) => setTimeout(resolve, (opening * (k - KILL_MOMENTS.length + random())) / KILLS_SPREAD))
      }
      await child.kill()
      const finished = child.lines.includes('opened')
      expect(child.lines.filter((l) => l.startsWith('error'))).toEqual([])

      const state = await stateOf(path)
      expect(await checkFile(path)).toEqual(SOUND)
      const was = state.migrations.length === before.migrations.length ? 'old' : 'migrated'
      // All of one or all of the other: its migrations, its schema and every row together.
      expect({ kill: k, state }).toEqual({ kill: k, state: was === 'old' ? before : migrated(state) })
      outcomes.push(`${moment ? `${moment.name}: ` : ''}${finished ? 'finished' : was}`)
      const seen = new Set<string>()
      await expectWholeBackups(k, path, seen)

      // The next start migrates it completely (after its own backup, if it was still at the old version).
      const casebook = await openCasebook({ databasePath: path, mode: 'existing', passwordCost: TEST_SCRYPT })
      await casebook.close()
      const reopened = await stateOf(path)
      expect({ kill: k, state: reopened }).toEqual({ kill: k, state: migrated(reopened) })
      expect((await expectWholeBackups(k, path, seen)).length).toBeGreaterThan(0)
      rmSync(dirname(path), { recursive: true, force: true })
    }
  } finally {
    await next.child.kill()
  }
  console.log(
    `interrupted migration: ${KILLS} kills over an opening of ${(opening / 1000).toFixed(1)} s (${FAMILIES} families): ${outcomes.join(', ')}; ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${SEED})`
  )
  expect(outcomes.filter((o) => o.endsWith('old')).length).toBeGreaterThan(0)
}, 240_000)
