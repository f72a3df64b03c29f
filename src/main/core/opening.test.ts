// Opening refuses what is not a sound Casebook database, before anything can change it: real files
// in temporary folders, each checked byte for byte, by size and time, and for side files left beside it.
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import sqlite3 from 'sqlite3'
import { openCasebook, type Casebook } from './casebook'
import { openDatabase } from './database'
import type { OpenMode } from './opening'
import { migrations } from '../../../migrations'
import { seedFamilies } from '../seed/seed'
import { TEST_HUB, tempCasebook, TEST_SCRYPT, unwrap } from '../testing/tempCasebook'

const MODES: OpenMode[] = ['existing', 'create', 'readOnly']
const HUB = { name: 'Riverside Family Hub', code: 'RV', localAuthorityCode: '330' }

let dir: string
const opened: Casebook[] = []
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'opening-'))
})
afterEach(async () => {
  for (const casebook of opened.splice(0)) await casebook.close()
  rmSync(dir, { recursive: true, force: true })
})

async function open(databasePath: string, mode: OpenMode): Promise<Casebook> {
  const casebook = await openCasebook({ databasePath, mode, passwordCost: TEST_SCRYPT, hub: HUB })
  opened.push(casebook)
  return casebook
}

/** What must not change: the bytes, the size, the modification time, and what else is in the folder. */
function fingerprint(path: string) {
  const stats = statSync(path)
  return {
    sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
    size: stats.size,
    mtimeMs: stats.mtimeMs,
    folder: readdirSync(join(path, '..')).sort()
  }
}

const sideFiles = (path: string) => ['-wal', '-shm', '-journal'].filter((suffix) => existsSync(path + suffix))

/** Every mode refuses the file with a plain message naming it, and leaves it exactly as it was. */
async function expectRefusedUntouched(path: string, message: RegExp, modes: OpenMode[] = MODES): Promise<void> {
  const before = fingerprint(path)
  for (const mode of modes) {
    const refusal = await open(path, mode).then(
      () => null,
      (error: unknown) => error
    )
    expect(refusal, `${mode} opened ${path}`).toMatchObject({ name: 'AppError', code: 'UNAVAILABLE' })
    expect((refusal as Error).message).toContain(path)
    expect((refusal as Error).message).toMatch(message)
    expect(fingerprint(path), `${mode} changed ${path}`).toEqual(before)
    expect(sideFiles(path), `${mode} left files beside ${path}`).toEqual([])
  }
}

function raw(path: string, sql: string, mode = sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, mode, (error) => {
      if (error) return reject(error)
      db.exec(sql, (e) => db.close(() => (e ? reject(e) : resolve())))
    })
  })
}

/** Reads through a connection that may write, as the app's does, so that closing it removes the -wal and -shm files. */
function rawAll(path: string, sql: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, sqlite3.OPEN_READWRITE, (error) => {
      if (error) return reject(error)
      db.all(sql, (e, rows) => db.close(() => (e ? reject(e) : resolve(rows))))
    })
  })
}

/**
 * A closed Casebook database file with families in it, in this test's folder. A SQLite file in the
 * PostgreSQL project too: the file, its bytes and the files beside it are what these tests are about.
 */
async function casebookFile(name = 'casebook.sqlite', families = 20): Promise<string> {
  const path = join(dir, name)
  const casebook = await openCasebook({ databasePath: path, mode: 'create', passwordCost: TEST_SCRYPT, hub: TEST_HUB })
  if (families) await seedFamilies(casebook, { families, seed: 1 })
  await casebook.close()
  return path
}

describe('opening a path with no database', () => {
  it('refuses a mistyped path and creates nothing there', async () => {
    const path = join(dir, 'casebok.sqlite')
    for (const mode of ['existing', 'readOnly'] as const) {
      await expect(open(path, mode)).rejects.toThrow(`There is no Casebook database at ${path}. Check the path.`)
      expect(readdirSync(dir)).toEqual([])
    }
  })

  it('refuses a path in a missing folder, and makes no folder', async () => {
    const path = join(dir, 'no-such-folder', 'casebook.sqlite')
    for (const mode of ['existing', 'readOnly'] as const) {
      await expect(open(path, mode)).rejects.toThrow(`(the folder ${join(dir, 'no-such-folder')} does not exist either)`)
      expect(existsSync(join(dir, 'no-such-folder'))).toBe(false)
    }
  })

  it('says where the path came from, and how to make a database there', async () => {
    const path = join(dir, 'casebook.sqlite')
    await expect(openCasebook({ databasePath: path, source: 'environment' })).rejects.toThrow(
      `There is no Casebook database at ${path}. Check the path in the CASEBOOK_DB environment variable. If there should be a new database there, ask IT to create it with: npm run casebook -- init --db "${path}"`
    )
    await expect(openCasebook({ databasePath: path, source: 'machine config' })).rejects.toThrow(/Check databasePath in the machine-wide config file \(.+\)/)
    await expect(openCasebook({ databasePath: dir })).rejects.toThrow(`${dir} is a folder, not a Casebook database.`)
  })

  it('creates a missing file, and its folder, only when asked to', async () => {
    const path = join(dir, 'new', 'folder', 'casebook.sqlite')
    const casebook = await open(path, 'create')
    expect(unwrap(await casebook.connect({ name: 'tester' }).invoke('hub.get', {}))).toEqual(HUB)
    const applied = (await casebook.core.db.query('SELECT name FROM migrations ORDER BY id')) as { name: string }[]
    expect(applied.map((m) => m.name)).toEqual(migrations.map((m) => m.name))
  })
})

describe('opening a file that is not a Casebook database', () => {
  it('refuses a 0-byte file, even when asked to create', async () => {
    const path = join(dir, 'casebook.sqlite')
    writeFileSync(path, '')
    await expectRefusedUntouched(path, /is empty \(0 bytes\), so it is not a Casebook database\. Nothing was changed\./)
  })

  it('refuses a text file', async () => {
    const path = join(dir, 'casebook.sqlite')
    writeFileSync(path, 'Riverside Family Hub: phone list\nRita 01234 567890\n'.repeat(50))
    await expectRefusedUntouched(path, /is not a Casebook database: it is not a database file at all/)
  })

  it("refuses another application's SQLite file, in either journal mode", async () => {
    const rollback = join(dir, 'recipes.sqlite')
    await raw(rollback, `CREATE TABLE recipe (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO recipe (title) VALUES ('Soda bread')`)
    await expectRefusedUntouched(rollback, /is a database, but not a Casebook one: it belongs to another application/)

    const wal = join(dir, 'notes.sqlite')
    await raw(wal, `PRAGMA journal_mode = WAL; CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO note (body) VALUES ('hello')`)
    expect(sideFiles(wal)).toEqual([])
    await expectRefusedUntouched(wal, /belongs to another application/)
  })

  it('refuses other applications with a migrations table of their own', async () => {
    const typeorm = join(dir, 'other.sqlite')
    await raw(
      typeorm,
      `CREATE TABLE migrations (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, timestamp bigint NOT NULL, name varchar NOT NULL);
       INSERT INTO migrations (timestamp, name) VALUES (1600000000000, 'CreateRecipes1600000000000');
       CREATE TABLE recipe (id INTEGER PRIMARY KEY, title TEXT)`
    )
    await expectRefusedUntouched(typeorm, /belongs to another application/)

    const otherTool = join(dir, 'tool.sqlite')
    await raw(otherTool, `CREATE TABLE migrations (version INTEGER NOT NULL); INSERT INTO migrations VALUES (3)`)
    await expectRefusedUntouched(otherTool, /belongs to another application/)
  })
})

describe('opening a Casebook database that cannot be used as it is', () => {
  it('refuses a database from a newer version of Casebook', async () => {
    const path = await casebookFile('casebook.sqlite', 0)
    await raw(path, `INSERT INTO migrations (timestamp, name) VALUES (1999999999999, 'FutureThing1999999999999')`, sqlite3.OPEN_READWRITE)
    await expectRefusedUntouched(
      path,
      /was last opened by a newer version of Casebook \(it has changes this version does not know: FutureThing1999999999999\)\. Nothing was changed\./
    )
  })

  it('refuses a damaged file: SQLite quick check runs at every open', async () => {
    const path = await casebookFile()
    const [{ rootpage }] = (await rawAll(path, `SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'person'`)) as [{ rootpage: number }]
    const [{ page_size: pageSize }] = (await rawAll(path, 'PRAGMA page_size')) as [{ page_size: number }]
    // The person table's first page: its cell pointers overwritten, the rest of the file sound,
    // so the file still opens and its tables are still listed; only the check can tell.
    const fd = openSync(path, 'r+')
    writeSync(fd, Buffer.alloc(24, 0xff), 0, 24, (rootpage - 1) * pageSize + 8)
    closeSync(fd)
    expect(await rawAll(path, `SELECT count(*) AS n FROM migrations`)).toEqual([{ n: migrations.length }])
    await expectRefusedUntouched(
      path,
      new RegExp(
        `is damaged \\(SQLite's check found: Tree ${rootpage} page ${rootpage} cell \\d+: [^)]+\\)\\. Nothing was changed\\. Ask IT to restore it from a backup\\.`
      )
    )
  })

  it('leaves a set-up that did not finish to init, and init finishes it', async () => {
    const path = join(dir, 'casebook.sqlite')
    await raw(
      path,
      `PRAGMA journal_mode = WAL; CREATE TABLE migrations (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, timestamp bigint NOT NULL, name varchar NOT NULL)`
    )
    await expectRefusedUntouched(
      path,
      /has nothing in it yet: its set-up did not finish\. Nothing was changed\. Ask IT to finish it with: npm run casebook -- init/,
      ['existing', 'readOnly']
    )
    const casebook = await open(path, 'create')
    expect(unwrap(await casebook.connect({ name: 'tester' }).invoke('hub.get', {}))).toEqual(HUB)
  })
})

describe('opening a sound Casebook database', () => {
  it('opens it as it is when asked to create, never over it', async () => {
    const path = await casebookFile('casebook.sqlite', 0)
    const casebook = await open(path, 'create')
    expect(unwrap(await casebook.connect({ name: 'tester' }).invoke('hub.get', {}))).toMatchObject({ name: 'Test hub', code: 'TH' })
  })

  it('reads it read-only: nothing written, writes refused, no side files left', async () => {
    const path = await casebookFile()
    const before = fingerprint(path)
    const casebook = await open(path, 'readOnly')
    const cli = casebook.connect({ name: 'tester' })
    expect(unwrap<{ hits: unknown[] }>(await cli.invoke('people.search', { text: 'TH-000001' })).hits.length).toBeGreaterThan(0)
    expect(unwrap(await cli.invoke('audit.verify', {}))).toMatchObject({ intact: true })
    expect(
      await cli.invoke('users.create', { displayName: 'Rita Reception', username: 'rita', role: 'reception', temporaryPassword: 'marble tugboat violin' })
    ).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'Casebook opened this database read-only, so nothing can be saved.' }
    })
    await expect(casebook.core.writes.run((m) => m.query(`UPDATE hub SET name = 'x'`))).rejects.toMatchObject({ code: 'UNAVAILABLE' })
    await expect(casebook.core.db.query(`UPDATE hub SET name = 'x'`)).rejects.toThrow(/readonly|read-only|query_only/i)
    await casebook.close()
    opened.splice(opened.indexOf(casebook), 1)
    expect(fingerprint(path)).toEqual(before)
    expect(sideFiles(path)).toEqual([])
  })

  it('reads it read-only while the app has it open, and leaves the app its files', async () => {
    // The app's own database: a file on SQLite, the test's database on PostgreSQL (which a reading
    // command opens beside the desks), read while the app goes on.
    const t = await tempCasebook('opening-live')
    try {
      await t.ok('users.create', { displayName: 'Rita Reception', username: 'rita', role: 'reception', temporaryPassword: 'marble tugboat violin' })
      // Committed, but still in the app's write-ahead log rather than the database file.
      if (!t.postgres) expect(statSync(`${t.databasePath}-wal`).size).toBeGreaterThan(0)
      const reader = await openCasebook({ databasePath: t.databasePath, postgres: t.postgres, mode: 'readOnly', passwordCost: TEST_SCRYPT })
      opened.push(reader)
      expect(await reader.core.db.query('SELECT username FROM app_user')).toEqual([{ username: 'rita' }])
      // Nothing is written through it: not by the write queue, nor by its reads' own connection.
      await expect(reader.core.writes.run((m) => m.query(`UPDATE hub SET name = 'x'`))).rejects.toMatchObject({ code: 'UNAVAILABLE' })
      await expect(reader.core.db.query(`UPDATE hub SET name = 'x'`)).rejects.toThrow(/readonly|read-only|query_only/i)
      await reader.close()
      opened.splice(opened.indexOf(reader), 1)
      if (!t.postgres) expect(sideFiles(t.databasePath)).toEqual(['-wal', '-shm'])
      await t.ok('users.create', { displayName: 'Pat Practitioner', username: 'pat', role: 'practitioner', temporaryPassword: 'marble tugboat violin' })
      await t.reopen()
      expect(await t.casebook.core.db.query('SELECT username FROM app_user ORDER BY username')).toEqual([{ username: 'pat' }, { username: 'rita' }])
    } finally {
      await t.dispose()
    }
  })

  it('refuses to read a database that needs upgrading, and changes nothing', async () => {
    const path = await casebookFile('casebook.sqlite', 0)
    const { dataSource } = await openDatabase(path)
    await dataSource.undoLastMigration({ transaction: 'all' })
    await dataSource.destroy()
    await expectRefusedUntouched(
      path,
      /was made by an earlier version of Casebook and must be upgraded before it can be read\. Nothing was changed\. Open it with the Casebook app, or run: npm run casebook -- init/,
      ['readOnly']
    )
    const casebook = await open(path, 'existing')
    expect(casebook.backupPath).not.toBeNull()
  })
})
