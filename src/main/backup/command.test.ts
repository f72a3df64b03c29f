// The command line's backup commands, as IT and Task Scheduler run them: exit codes, --to, new-key,
// list; and the installed app runs them headless.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runCommand } from '../testing/commandLine'
import { headlessArguments } from '../electron/headless'
import { decryptFile, loadBackupKey } from './crypto'
import { alivePathFor } from './folder'
import { openCasebook } from '../core/casebook'
import { DEFAULT_BACKUP_SETTINGS } from '../core/config'

let dir: string
let db: string
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'backup-cli-'))
  db = join(dir, 'hub.sqlite')
  // No machine-wide config: the settings are the defaults, or what a test writes here.
  vi.stubEnv('CASEBOOK_CONFIG', join(dir, 'casebook.json'))
  expect((await runCommand('init', '--db', db, '--hub-code', 'RV')).code).toBe(0)
})
afterEach(() => {
  vi.unstubAllEnvs()
  rmSync(dir, { recursive: true, force: true })
})

const KEY = /^[A-Za-z0-9+/]{43}=$/

describe('backup on the command line', () => {
  it('backs up to the backup folder, or to --to, and lists what is there', async () => {
    const done = await runCommand('backup', '--db', db)
    expect(done).toEqual({
      code: 0,
      out: expect.stringMatching(
        new RegExp(`^Backed up to ${join(dir, 'Backups')}: casebook-rv-\\d{8}t\\d{9}z\\.cbbackup \\(\\d+\\.\\d MB, checked and encrypted\\) in \\d+\\.\\d s$`)
      )
    })
    const [name] = readdirSync(join(dir, 'Backups'))
    const copy = join(dir, 'copy.sqlite')
    await decryptFile(join(dir, 'Backups', name!), copy, loadBackupKey(DEFAULT_BACKUP_SETTINGS, db, false))
    expect(readFileSync(copy).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0')

    const share = join(dir, 'share')
    mkdirSync(share)
    expect(await runCommand('backup', '--db', db, '--to', share)).toMatchObject({
      code: 0,
      out: expect.stringContaining(`Backed up to ${share}: casebook-rv-`)
    })
    expect(readdirSync(share)).toEqual([expect.stringMatching(/^casebook-rv-.*\.cbbackup$/)])

    const listed = await runCommand('backup', 'list', '--db', db)
    expect(listed.code).toBe(0)
    expect(listed.out.split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^${name!.replace(/\./g, '\\.')}  \\S+Z  command  \\d+\\.\\d MB$`)),
      `1 backup in ${join(dir, 'Backups')}`
    ])
  })

  it('says there are no backups yet, and makes no folder, before the first backup', async () => {
    expect(await runCommand('backup', 'list', '--db', db)).toEqual({ code: 0, out: `No backups yet in ${join(dir, 'Backups')}.` })
    expect(existsSync(join(dir, 'Backups'))).toBe(false)
  })

  it('exits non-zero when the backup fails or another is running, and leaves nothing that looks like a backup', async () => {
    const missing = join(dir, 'no-such-share')
    const failed = await runCommand('backup', '--db', db, '--to', missing)
    expect(failed).toEqual({
      code: 1,
      out: `Backup failed after ${failed.out.match(/after (\S+) s/)?.[1]} s: The backup folder ${missing} cannot be reached (it is not there, or the share is not connected). Ask IT to check backupFolder in the machine-wide config.`
    })
    expect(existsSync(missing)).toBe(false)
    // IT's key file named in the config, but not there.
    writeFileSync(process.env.CASEBOOK_CONFIG!, JSON.stringify({ backupKeyFile: join(dir, 'missing.key') }))
    expect(await runCommand('backup', '--db', db)).toMatchObject({
      code: 1,
      out: expect.stringContaining('missing.key (backupKeyFile in the machine-wide config) does not exist')
    })
    expect(existsSync(join(dir, 'Backups')) ? readdirSync(join(dir, 'Backups')) : []).toEqual([])
    expect(readdirSync(dir).filter((n) => n.startsWith('hub.sqlite.backup-'))).toEqual([])

    // Another process's backup is under way (the test runner's parent stands for it: it is alive).
    writeFileSync(process.env.CASEBOOK_CONFIG!, '{}')
    const casebook = await openCasebook({ databasePath: db })
    await casebook.core.writes.run((m) =>
      m.query(
        `INSERT INTO backup_run (id, reason, status, started_at, folder, file_name) VALUES ('other', 'schedule', 'running', ?, ?, 'casebook-rv-x.cbbackup')`,
        [new Date().toISOString(), join(dir, 'Backups')]
      )
    )
    await casebook.close()
    writeFileSync(alivePathFor(db, 'other'), JSON.stringify({ pid: process.ppid }))
    expect(await runCommand('backup', '--db', db)).toEqual({
      code: 4,
      out: expect.stringMatching(/^Backup failed: A backup is already running \(started .*\)\. Wait for it to finish\.$/)
    })
  })

  it('makes a new key: printed alone, or written to a new file it never writes over, which the next backup uses', async () => {
    const printed = await runCommand('backup', 'new-key')
    expect(printed.code).toBe(0)
    expect(printed.out).toMatch(KEY)
    expect(Buffer.from(printed.out, 'base64')).toHaveLength(32)

    const file = join(dir, 'backup.key')
    const written = await runCommand('backup', 'new-key', '--to', file)
    expect(written).toEqual({ code: 0, out: expect.stringContaining(`A new backup key is in ${file}. Set backupKeyFile to this path`) })
    expect(readFileSync(file, 'utf8').trim()).toMatch(KEY)
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600)
    const before = readFileSync(file, 'utf8')
    expect(await runCommand('backup', 'new-key', '--to', file)).toEqual({
      code: 1,
      out: `${file} is already there: a key is never written over. Choose a new file.`
    })
    expect(readFileSync(file, 'utf8')).toBe(before)

    writeFileSync(process.env.CASEBOOK_CONFIG!, JSON.stringify({ backupKeyFile: file }))
    expect((await runCommand('backup', '--db', db)).code).toBe(0)
    const listed = await runCommand('backup', 'list', '--db', db)
    expect(listed.out).not.toContain('another key')
    const settings = { ...DEFAULT_BACKUP_SETTINGS, keyFile: file }
    const [name] = readdirSync(join(dir, 'Backups'))
    await decryptFile(join(dir, 'Backups', name!), join(dir, 'copy.sqlite'), loadBackupKey(settings, db, false))
  })

  it('is among the commands the installed app runs without a window', () => {
    expect(headlessArguments(['Casebook.exe', 'backup', '--to', 'D:\\Backups', '--db', 'D:\\hub.sqlite'], true)).toEqual([
      'backup',
      '--to',
      'D:\\Backups',
      '--db',
      'D:\\hub.sqlite'
    ])
    expect(headlessArguments(['Casebook.exe', 'backup', 'new-key', '--to', 'D:\\backup.key'], true)).toEqual(['backup', 'new-key', '--to', 'D:\\backup.key'])
  })
})
