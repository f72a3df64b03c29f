import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCommand } from '../testing/commandLine'
import { resolveDatabasePath } from '../core/config'
import { openDatabase } from '../core/database'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('command line', () => {
  it('creates a database, seeds deterministic families and searches them', async () => {
    const db = join(dir, 'c.sqlite')
    expect(await runCommand('init', '--db', db, '--hub-code', 'nh')).toMatchObject({ code: 0, out: expect.stringContaining('"code":"NH"') })
    const seeded = await runCommand('seed', '--families', '30', '--db', db)
    expect(seeded.code).toBe(0)
    expect(seeded.out).toMatch(/Added 30 families \(\d+ people\)/)
    const found = await runCommand('search', '--db', db, 'NH-000001')
    expect(found.out).toMatch(/Searched for: Family reference NH-000001/)
    expect(found.out).toMatch(/^NH-000001 /m)

    const again = join(dir, 'd.sqlite')
    await runCommand('init', '--db', again, '--hub-code', 'NH')
    await runCommand('seed', '--families', '30', '--db', again)
    const other = await runCommand('search', '--db', again, 'NH-000001')
    expect(other.out).toBe(found.out)
  })

  it('creates a database only with init', async () => {
    const db = join(dir, 'new', 'c.sqlite')
    for (const command of [
      ['seed', '--families', '3'],
      ['search', 'smith'],
      ['audit', 'verify']
    ]) {
      await expect(runCommand(...command, '--db', db)).rejects.toThrow(
        `There is no Casebook database at ${db} (the folder ${join(dir, 'new')} does not exist either). Check the path given with --db.`
      )
      expect(readdirSync(dir)).toEqual([])
    }
    expect(await runCommand('init', '--db', db)).toMatchObject({ code: 0, out: expect.stringContaining(`Database ready: ${db} (from the argument)`) })
    expect(existsSync(db)).toBe(true)
  })

  it('searches and verifies the audit trail without writing a byte', async () => {
    const db = join(dir, 'c.sqlite')
    await runCommand('init', '--db', db, '--hub-code', 'NH')
    await runCommand('seed', '--families', '10', '--db', db)
    const fingerprint = () => ({ sha256: createHash('sha256').update(readFileSync(db)).digest('hex'), mtimeMs: statSync(db).mtimeMs, folder: readdirSync(dir) })
    const before = fingerprint()
    expect(before.folder).toEqual(['c.sqlite'])
    expect(await runCommand('search', '--db', db, 'NH-000001')).toMatchObject({ code: 0, out: expect.stringMatching(/^NH-000001 /m) })
    expect(await runCommand('audit', 'verify', '--db', db)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^The audit trail is intact: \d+ entries checked\.$/)
    })
    expect(fingerprint()).toEqual(before)

    // One from an earlier version is not upgraded by reading it: it is refused, as it was.
    const { dataSource } = await openDatabase(db)
    await dataSource.undoLastMigration({ transaction: 'all' })
    await dataSource.destroy()
    const older = fingerprint()
    await expect(runCommand('search', '--db', db, 'NH-000001')).rejects.toThrow(/must be upgraded before it can be read\. Nothing was changed\./)
    await expect(runCommand('audit', 'verify', '--db', db)).rejects.toThrow(/must be upgraded before it can be read/)
    expect(fingerprint()).toEqual(older)
  })

  it('explains bad usage', async () => {
    expect((await runCommand('seed', '--families', 'lots', '--db', join(dir, 'x.sqlite'))).code).toBe(2)
    expect(await runCommand('frobnicate', '--db', join(dir, 'x.sqlite'))).toMatchObject({
      code: 2,
      out: expect.stringContaining('Unknown command: frobnicate')
    })
    expect(await runCommand('--help')).toMatchObject({ code: 0, out: expect.stringContaining('Usage:') })
  })
})

describe('where the database lives', () => {
  it('takes the argument, then CASEBOOK_DB, then the machine-wide config, then the user folder', () => {
    const config = join(dir, 'casebook.json')
    const env = { CASEBOOK_CONFIG: config, CASEBOOK_DB: '/env/db.sqlite' }
    expect(resolveDatabasePath({ argv: ['--db', '/arg/db.sqlite'], env })).toEqual({ path: '/arg/db.sqlite', source: 'argument' })
    expect(resolveDatabasePath({ argv: ['--db=/arg2.sqlite'], env })).toEqual({ path: '/arg2.sqlite', source: 'argument' })
    expect(resolveDatabasePath({ env })).toEqual({ path: '/env/db.sqlite', source: 'environment' })
    expect(resolveDatabasePath({ env: { CASEBOOK_CONFIG: config }, userData: '/u' })).toEqual({ path: join('/u', 'casebook.sqlite'), source: 'user data' })
    writeFileSync(config, JSON.stringify({ databasePath: '\\\\server\\hub\\casebook.sqlite' }))
    expect(resolveDatabasePath({ env: { CASEBOOK_CONFIG: config } })).toEqual({ path: '\\\\server\\hub\\casebook.sqlite', source: 'machine config' })
    writeFileSync(config, '{ not json')
    expect(() => resolveDatabasePath({ env: { CASEBOOK_CONFIG: config } })).toThrow(/not valid JSON/)
  })
})
