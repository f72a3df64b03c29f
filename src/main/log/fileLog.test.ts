import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join, posix, win32 } from 'node:path'
import { LOG_FILE, logLine, looksPersonal, openFileLog } from './fileLog'
import { logFolders } from './folders'
import { errorFields } from './log'
import { AppError } from '../core/errors'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'filelog-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

const at = new Date('2026-11-24T18:30:00.123Z')

describe('a log line', () => {
  it('holds the time, the level, app or command with the process id, the event and its fields', () => {
    expect(logLine(at, 'info', 'app', 4120, 'database.opened', { path: 'D:\\Casebook\\hub.sqlite', mode: 'existing', migrations: 0, readOnly: false })).toBe(
      '2026-11-24T18:30:00.123Z INFO  app:4120 database.opened path=D:\\Casebook\\hub.sqlite mode=existing migrations=0 readOnly=false\n'
    )
    expect(logLine(at, 'error', 'command', 7, 'command.failed', { command: 'export', path: '/srv/my hub/x.sqlite', none: null })).toBe(
      '2026-11-24T18:30:00.123Z ERROR command:7 command.failed command=export path="/srv/my hub/x.sqlite" none=null\n'
    )
  })

  it('stays one line whatever a value holds, and drops keys and events that are not plain names', () => {
    const line = logLine(at, 'warn', 'app', 1, 'bad event\nforged', { 'bad key': 'x', ok: 'a\nb "c"' })
    expect(line.split('\n')).toHaveLength(2)
    expect(line).toBe('2026-11-24T18:30:00.123Z WARN  app:1 unnamed-event ok="a\\nb \\"c\\""\n')
  })

  it('withholds a value that looks like a record: email, postcode, phone, NHS number, date of birth', () => {
    for (const value of ['grace@example.com', 'M1 1AE', 'B15 2TT', '0121 496 0000', '07700900123', '943 476 5919', '9434765919', '2019-07-03', '3/7/2019']) {
      expect(looksPersonal(value), value).toBe(true)
      expect(logLine(at, 'info', 'app', 1, 'x', { value })).toContain('value=[withheld]')
    }
    for (const value of [
      '/tmp/casebook-aB12cD/casebook.sqlite',
      'TH-20261124T183000Z-000001',
      'casebook-th-20261124t183000123z.cbbackup',
      '2026-11-24T18:30:00.000Z',
      '3f2a1b4c-1234-4abc-8def-123456789012',
      'SQLITE_FULL',
      'BackupsAndAnchors1764000000016',
      'C:\\ProgramData\\Casebook\\casebook.sqlite.before-upgrade-2026-11-24T18-30-00-000Z.sqlite'
    ]) {
      expect(looksPersonal(value), value).toBe(false)
    }
  })

  it('names an error by its code and class, never its message', () => {
    const sqlite = Object.assign(new Error('SQLITE_CONSTRAINT: UNIQUE failed: person.nhs_number (9434765919)'), { code: 'SQLITE_CONSTRAINT' })
    expect(errorFields(sqlite)).toEqual({ error: 'SQLITE_CONSTRAINT', type: 'Error' })
    expect(errorFields(new AppError('UNAVAILABLE', 'The disk is full'))).toEqual({ error: 'UNAVAILABLE', type: 'AppError' })
    expect(errorFields('Grace Okafor')).toEqual({ error: 'unknown', type: 'Error' })
    expect(errorFields({ code: 'Grace Okafor', name: 'Grace Okafor' })).toEqual({ error: 'unknown', type: 'Error' })
  })
})

describe('the log file', () => {
  it('appends one line per event to casebook.log in the first folder that can be written', () => {
    const folder = join(dir, 'logs', 'nested')
    const log = openFileLog({ folders: [folder], process: 'command', now: () => at })
    log.info('command.started', { command: 'export' })
    log.error('command.failed', { error: 'ENOSPC' })
    expect(log.path).toBe(join(folder, LOG_FILE))
    expect(readFileSync(join(folder, LOG_FILE), 'utf8')).toBe(
      `2026-11-24T18:30:00.123Z INFO  command:${process.pid} command.started command=export\n` +
        `2026-11-24T18:30:00.123Z ERROR command:${process.pid} command.failed error=ENOSPC\n`
    )
  })

  it('rotates by size, keeping the newest lines and five older files at most', () => {
    const log = openFileLog({ folders: [dir], process: 'app', maxBytes: 1000, keep: 5, now: () => at })
    for (let i = 0; i < 200; i++) log.info('tick', { i })
    const files = readdirSync(dir).sort()
    expect(files).toEqual([LOG_FILE, `${LOG_FILE}.1`, `${LOG_FILE}.2`, `${LOG_FILE}.3`, `${LOG_FILE}.4`, `${LOG_FILE}.5`])
    for (const file of files) expect(readFileSync(join(dir, file)).length).toBeLessThanOrEqual(1000)
    expect(readFileSync(join(dir, LOG_FILE), 'utf8')).toMatch(/ tick i=199\n$/)
    // The rotated files are in order: .1 holds the lines just before the current file's.
    const firstOf = (file: string) => Number(/ i=(\d+)/.exec(readFileSync(join(dir, file), 'utf8'))![1])
    expect(firstOf(`${LOG_FILE}.1`)).toBeGreaterThan(firstOf(`${LOG_FILE}.2`))
    expect(firstOf(LOG_FILE)).toBeGreaterThan(firstOf(`${LOG_FILE}.1`))
  })

  it('uses the next folder when the first cannot be written', () => {
    const blocked = join(dir, 'a-file')
    writeFileSync(blocked, 'not a folder')
    const second = join(dir, 'second')
    const notices: string[] = []
    const log = openFileLog({ folders: [join(blocked, 'Logs'), second], process: 'app', notice: (t) => notices.push(t) })
    log.info('app.started')
    expect(log.path).toBe(join(second, LOG_FILE))
    expect(readFileSync(join(second, LOG_FILE), 'utf8')).toContain('app.started')
    expect(notices).toEqual([])
  })

  it('turns itself off when no folder can be written, says so once, and never throws into the caller', () => {
    const blocked = join(dir, 'a-file')
    writeFileSync(blocked, 'not a folder')
    const notices: string[] = []
    const log = openFileLog({ folders: [join(blocked, 'Logs')], process: 'command', notice: (t) => notices.push(t) })
    for (let i = 0; i < 10; i++) expect(() => log.error('call.failed', { channel: 'families.register' })).not.toThrow()
    expect(log.path).toBeNull()
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatch(/^Casebook cannot write its log \(.*a-file[/\\]Logs \(ENOTDIR\)\): logging is off for this command\.$/)
  })

  it('carries on in the next folder when its file stops being writable', () => {
    const first = join(dir, 'first')
    const second = join(dir, 'second')
    const notices: string[] = []
    const log = openFileLog({ folders: [first, second], process: 'app', notice: (t) => notices.push(t) })
    log.info('one')
    // The folder vanishes and a file takes its place (a share unmounted, say).
    rmSync(first, { recursive: true })
    writeFileSync(first, '')
    log.info('two')
    expect(readFileSync(join(second, LOG_FILE), 'utf8')).toMatch(/ two\n$/)
    expect(existsSync(join(second, `${LOG_FILE}.1`))).toBe(false)
    expect(notices).toEqual([])
  })
})

describe('the log folder', () => {
  it("is IT's folder when set, else the one each OS keeps logs in", () => {
    expect(logFolders('D:\\Logs', 'win32', {})).toEqual(['D:\\Logs'])
    expect(logFolders(null, 'win32', { ProgramData: 'C:\\ProgramData', LOCALAPPDATA: 'C:\\Users\\rita\\AppData\\Local' })).toEqual([
      win32.join('C:\\ProgramData', 'Casebook', 'Logs'),
      win32.join('C:\\Users\\rita\\AppData\\Local', 'Casebook', 'Logs')
    ])
    expect(logFolders(null, 'darwin', {})).toEqual([posix.join(homedir(), 'Library', 'Logs', 'Casebook')])
    expect(logFolders(null, 'linux', { XDG_STATE_HOME: '/home/rita/.state' })).toEqual(['/home/rita/.state/casebook/logs'])
    expect(logFolders(null, 'linux', {})).toEqual([posix.join(homedir(), '.local', 'state', 'casebook', 'logs')])
  })
})
