// The Electron entry's start, against a mocked `electron` module (no Electron binary can run here)
// and a real core: which database it may create, what it refuses, and where the page comes from.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

type Listener = (...args: any[]) => unknown
const electron = vi.hoisted(() => ({
  userData: '',
  ready: null as null | (() => void),
  appListeners: new Map<string, Listener>(),
  windows: [] as { options: any; loaded?: string }[]
}))

vi.mock('electron', () => {
  class FakeContents {
    on() {
      return this
    }
    setWindowOpenHandler() {}
  }
  class BrowserWindow {
    webContents = new FakeContents()
    constructor(options: unknown) {
      electron.windows.push({ options })
    }
    once() {
      return this
    }
    loadURL(url: string) {
      electron.windows.at(-1)!.loaded = url
      return Promise.resolve()
    }
  }
  return {
    BrowserWindow,
    app: {
      isPackaged: true,
      setName: vi.fn(),
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: Listener) => electron.appListeners.set(event, listener),
      whenReady: () => new Promise<void>((resolve) => (electron.ready = resolve)),
      getPath: (name: string) => (name === 'userData' ? electron.userData : ''),
      exit: vi.fn(),
      quit: vi.fn()
    },
    dialog: { showErrorBox: vi.fn() },
    ipcMain: { handle: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), webRequest: { onHeadersReceived: vi.fn() } } }
  }
})

let dir: string
const saved = { argv: process.argv, CASEBOOK_DB: process.env.CASEBOOK_DB, CASEBOOK_CONFIG: process.env.CASEBOOK_CONFIG }

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'startup-'))
  electron.userData = join(dir, 'user data', 'Casebook')
  electron.windows.length = 0
  electron.ready = null
  electron.appListeners.clear()
  process.argv = ['casebook.exe', '.']
  delete process.env.CASEBOOK_DB
  // A machine-wide file of the test's own: the machine's /etc/casebook is not read, and the log goes to the test's folder.
  process.env.CASEBOOK_CONFIG = join(dir, 'casebook.json')
  writeFileSync(process.env.CASEBOOK_CONFIG, JSON.stringify({ logFolder: join(dir, 'logs') }))
  vi.resetModules()
  vi.clearAllMocks()
})

afterEach(() => {
  process.argv = saved.argv
  for (const key of ['CASEBOOK_DB', 'CASEBOOK_CONFIG'] as const) {
    if (saved[key] === undefined) delete process.env[key]
    else process.env[key] = saved[key]
  }
  rmSync(dir, { recursive: true, force: true })
})

/** Imports the entry as Electron would run it, and lets the app become ready. */
async function start() {
  const { app, dialog, protocol } = await import('electron')
  await import('../index')
  electron.ready!()
  // Opening (and on a first start, migrating) a real database takes what it takes on a busy machine.
  await vi.waitFor(() => expect(electron.windows.length + vi.mocked(dialog.showErrorBox).mock.calls.length).toBeGreaterThan(0), { timeout: 20_000 })
  return { app, dialog, protocol }
}

describe('starting the desktop app', () => {
  it("creates the database on a desk's first start, in the user's own folder, and loads the page from app://casebook/", async () => {
    const { app, protocol } = await start()
    expect(existsSync(join(electron.userData, 'casebook.sqlite'))).toBe(true)
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
    expect(electron.windows[0]).toMatchObject({ loaded: 'app://casebook/index.html', options: { webPreferences: { devTools: false } } })
    electron.appListeners.get('window-all-closed')!()
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled(), { timeout: 20_000 })
  })

  it.each([
    ['--db', (path: string) => void process.argv.push('--db', path), 'Check the path given with --db.'],
    ['CASEBOOK_DB', (path: string) => void (process.env.CASEBOOK_DB = path), 'Check the path in the CASEBOOK_DB environment variable.'],
    [
      'the machine-wide config',
      (path: string) => writeFileSync(process.env.CASEBOOK_CONFIG!, JSON.stringify({ databasePath: path, logFolder: join(dir, 'logs') })),
      'Check databasePath in the machine-wide config file'
    ]
  ])('opens the recovery screen for a path from %s that holds no database, says where to correct it, and creates nothing', async (_from, give, advice) => {
    const path = join(dir, 'hub', 'casebok.sqlite')
    give(path)
    const { app, dialog } = await start()
    const { ipcMain } = await import('electron')
    expect(dialog.showErrorBox).not.toHaveBeenCalled()
    expect(app.exit).not.toHaveBeenCalled()
    expect(electron.windows).toHaveLength(1)
    // The window asks, through the one IPC channel, what happened: never a blank window or a dialog.
    const handler = vi.mocked(ipcMain.handle).mock.calls[0]![1] as (event: unknown, channel: string, input: unknown) => Promise<any>
    const event = { sender: {}, senderFrame: { parent: null, url: 'app://casebook/index.html' } }
    const status = await handler(event, 'recovery.status', {})
    expect(status).toMatchObject({ ok: true, value: { state: 'recovery', problem: 'missing', canRestore: false } })
    expect(status.value.message).toContain(`There is no Casebook database at ${path}`)
    expect(status.value.message).toContain(advice)
    expect(await handler(event, 'auth.status', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
    expect(readdirSync(dir).filter((name) => name !== 'casebook.json' && name !== 'logs')).toEqual([])
  })

  it("opens the hub's shared PostgreSQL database the machine-wide config names, never a file, and says plainly when its server cannot be reached", async () => {
    // A port nothing listens on: the server is down, or the network is.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo
        probe.close(() => resolve(port))
      })
    })
    const postgres = { host: '127.0.0.1', port, database: 'casebook', user: 'casebook_desk', tls: 'disable' }
    writeFileSync(process.env.CASEBOOK_CONFIG!, JSON.stringify({ postgres, logFolder: join(dir, 'logs') }))
    const { app, dialog } = await start()
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      'Casebook cannot start',
      `Casebook cannot reach the hub's database server at 127.0.0.1:${port} (ECONNREFUSED). Nothing was saved. Check this computer's network connection; if other desks cannot reach it either, ask IT to check the server.`
    )
    expect(app.exit).toHaveBeenCalledWith(1)
    expect(electron.windows).toEqual([])
    // No file is made in the user's folder in its place.
    expect(existsSync(electron.userData)).toBe(false)
    const log = readFileSync(join(dir, 'logs', 'casebook.log'), 'utf8')
    expect(log).toContain(`database.open-failed path=postgres://casebook_desk@127.0.0.1:${port}/casebook mode=existing error=UNAVAILABLE`)
  })

  it('runs a command without a window when the executable is given one, and exits with its code', async () => {
    const { app } = await import('electron')
    const path = join(dir, 'hub', 'casebook.sqlite')
    process.argv = ['Casebook.exe', 'init', '--db', path]
    await import('../index')
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0), { timeout: 20_000 })
    expect(existsSync(path)).toBe(true)
    expect(electron.windows).toEqual([])
    expect(electron.ready).toBeNull()

    vi.resetModules()
    vi.mocked(app.exit).mockClear()
    // No export folder is set on this machine: the export's own exit code for a failure.
    process.argv = ['Casebook.exe', 'export', '--db', path]
    await import('../index')
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1), { timeout: 20_000 })
    expect(electron.windows).toEqual([])
  })
})
