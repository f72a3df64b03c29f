// The window's security settings, asserted against a mocked `electron` module (no Electron binary
// can run here). The IPC test goes through to a real core on a real SQLite file; the app://
// handler serves real files from a temporary folder.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'

type Listener = (...args: any[]) => unknown
class FakeContents {
  listeners = new Map<string, Listener>()
  windowOpenHandler: Listener | null = null
  closeDevTools = vi.fn()
  on(event: string, listener: Listener) {
    this.listeners.set(event, listener)
    return this
  }
  setWindowOpenHandler(handler: Listener) {
    this.windowOpenHandler = handler
  }
}
const created: { options: any; contents: FakeContents; loaded?: string }[] = []
const appListeners = new Map<string, Listener>()

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = new FakeContents()
    constructor(options: unknown) {
      created.push({ options, contents: this.webContents })
    }
    once() {
      return this
    }
    loadURL(url: string) {
      created.at(-1)!.loaded = url
      return Promise.resolve()
    }
  }
  return {
    BrowserWindow,
    app: {
      isPackaged: false,
      setName: vi.fn(),
      requestSingleInstanceLock: vi.fn(() => true),
      on: vi.fn((event: string, listener: Listener) => appListeners.set(event, listener)),
      whenReady: () => new Promise(() => undefined),
      quit: vi.fn()
    },
    dialog: { showErrorBox: vi.fn() },
    ipcMain: { handle: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: {} }
  }
})

const APP_URL = 'app://casebook/index.html'
/** Where the page was, before it moved to app://: any host, same path, was let through. */
const OLD_FILE_URL = 'file:///opt/Casebook/resources/app.asar/out/renderer/index.html'

describe('window security', () => {
  it('creates the window with context isolation, sandbox, no Node integration and a preload', async () => {
    const { createMainWindow, appPageUrl } = await import('./window')
    expect(appPageUrl()).toBe(APP_URL)
    createMainWindow(APP_URL)
    const prefs = created.at(-1)!.options.webPreferences
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: true
    })
    expect(prefs.preload).toMatch(/preload[\\/]index\.js$/)
    expect(created.at(-1)!.loaded).toBe(APP_URL)
  })

  it('turns DevTools off in the packaged app, and shuts them if they open anyway', async () => {
    const { app } = await import('electron')
    const { createMainWindow } = await import('./window')
    const { hardenWebContents, secureWebPreferences } = await import('./security')
    expect(secureWebPreferences('preload.js', { devTools: false })).toMatchObject({ devTools: false })
    Object.assign(app, { isPackaged: true })
    try {
      createMainWindow(APP_URL)
    } finally {
      Object.assign(app, { isPackaged: false })
    }
    const { options, contents } = created.at(-1)!
    expect(options.webPreferences.devTools).toBe(false)
    contents.listeners.get('devtools-opened')!()
    expect(contents.closeDevTools).toHaveBeenCalled()
    // In development they stay available.
    const dev = new FakeContents()
    hardenWebContents(dev as never, APP_URL, { devTools: true })
    expect(dev.listeners.has('devtools-opened')).toBe(false)
  })

  it('denies navigation away from the app, new windows and webviews', async () => {
    const { createMainWindow } = await import('./window')
    createMainWindow(APP_URL)
    const contents = created.at(-1)!.contents
    const attempt = (event: string, url?: string) => {
      const e = { preventDefault: vi.fn() }
      contents.listeners.get(event)!(e, url)
      return e.preventDefault.mock.calls.length > 0
    }
    expect(attempt('will-navigate', 'https://example.com/')).toBe(true)
    expect(attempt('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(attempt('will-navigate', `${APP_URL}#/register`)).toBe(false)
    expect(attempt('will-navigate', OLD_FILE_URL)).toBe(true)
    expect(attempt('will-navigate', OLD_FILE_URL.replace('file:///', 'file://anyhost/'))).toBe(true)
    expect(attempt('will-navigate', 'app://other-host/index.html')).toBe(true)
    expect(attempt('will-navigate', 'app://casebook:8080/index.html')).toBe(true)
    expect(attempt('will-navigate', 'app://someone@casebook/index.html')).toBe(true)
    expect(attempt('will-redirect', 'http://evil.test/')).toBe(true)
    expect(attempt('will-redirect', 'app://other-host/index.html')).toBe(true)
    expect(attempt('will-attach-webview')).toBe(true)
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
  })

  it('refuses every permission request and sets a strict Content-Security-Policy', async () => {
    const { hardenSession, CONTENT_SECURITY_POLICY } = await import('./security')
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() }
    }
    hardenSession(session as never)
    const answer = vi.fn()
    session.setPermissionRequestHandler.mock.calls[0]![0]({}, 'media', answer)
    expect(answer).toHaveBeenCalledWith(false)
    expect(session.setPermissionCheckHandler.mock.calls[0]![0]()).toBe(false)
    const respond = vi.fn()
    session.webRequest.onHeadersReceived.mock.calls[0]![0]({ responseHeaders: {} }, respond)
    expect(respond.mock.calls[0]![0].responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY])
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe')
    const html = readFileSync(join(__dirname, '../../renderer/index.html'), 'utf8')
    expect(html).toMatch(/http-equiv="Content-Security-Policy"\s+content="default-src 'none'; script-src 'self'/)
    expect(html).not.toContain('unsafe')
  })

  it('compares the dev server by its whole origin', async () => {
    const { isAppPage } = await import('./security')
    const dev = 'http://localhost:5173/'
    expect(isAppPage('http://localhost:5173/#/register', dev)).toBe(true)
    expect(isAppPage('http://localhost:5174/', dev)).toBe(false)
    expect(isAppPage('https://localhost:5173/', dev)).toBe(false)
    expect(isAppPage('http://127.0.0.1:5173/', dev)).toBe(false)
    expect(isAppPage('not a url', dev)).toBe(false)
    expect(isAppPage(undefined, dev)).toBe(false)
    // A file:// page is never the app, even if the app were given one.
    expect(isAppPage(OLD_FILE_URL, OLD_FILE_URL)).toBe(false)
  })

  it('takes the single-instance lock, registers app:// before ready and hardens every web contents the app creates', async () => {
    const { app, protocol } = await import('electron')
    const { APP_SCHEME_PRIVILEGES } = await import('./appProtocol')
    await import('../index')
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES])
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } })
    expect(app.requestSingleInstanceLock).toHaveBeenCalled()
    expect(appListeners.has('second-instance')).toBe(true)
    const contents = new FakeContents()
    appListeners.get('web-contents-created')!({}, contents)
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(contents.listeners.has('will-navigate')).toBe(true)
  })
})

describe('IPC wiring', () => {
  let t: TempCasebook
  beforeEach(async () => {
    t = await tempCasebook('ipc')
  })
  afterEach(async () => {
    await t.dispose()
  })

  it('answers only the app page, and passes its calls to the core', async () => {
    const { registerIpc } = await import('./ipc')
    const { INVOKE_CHANNEL } = await import('../../shared/ipc')
    const ipcMain = { handle: vi.fn() }
    registerIpc(ipcMain as never, t.casebook, APP_URL)
    expect(ipcMain.handle).toHaveBeenCalledWith(INVOKE_CHANNEL, expect.any(Function))
    const handler = ipcMain.handle.mock.calls[0]![1] as Listener
    const sender = {}
    const call = (url: string, parent: unknown = null, channel = 'hub.get', input: unknown = {}) =>
      handler({ sender, senderFrame: { url, parent } }, channel, input)
    // A window starts signed out; it signs in over the same channel.
    expect(await call(APP_URL)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    await t.ok('users.create', { displayName: 'Rita Reception', username: 'rita', role: 'reception', temporaryPassword: 'correct horse battery' })
    expect(await call(APP_URL, null, 'auth.signIn', { username: 'rita', password: 'correct horse battery' })).toMatchObject({
      ok: true,
      value: { role: 'reception', mustChangePassword: true }
    })
    expect(await call(APP_URL)).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } })
    expect(
      await call(APP_URL, null, 'auth.changePassword', {
        currentPassword: 'correct horse battery',
        newPassword: 'staple paper clip lamp',
        confirmPassword: 'staple paper clip lamp'
      })
    ).toMatchObject({ ok: true })
    expect(await call(APP_URL)).toMatchObject({ ok: true, value: { code: 'TH' } })
    // Another window of the same app has its own sign-in.
    expect(await handler({ sender: {}, senderFrame: { url: APP_URL, parent: null } }, 'hub.get', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' }
    })
    expect(await call(`${APP_URL}#/families/x`)).toMatchObject({ ok: true })
    expect(await call('https://example.com/')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call('file:///tmp/other.html')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call(OLD_FILE_URL)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call(OLD_FILE_URL.replace('file:///', 'file://anyhost/'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call('app://other-host/index.html')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call('app://casebook:8080/index.html')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call(APP_URL, { url: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await handler({ sender, senderFrame: null }, 'hub.get', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await handler({ sender, senderFrame: { url: APP_URL, parent: null } }, 'no.such', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' }
    })
  })
})

describe('the app:// protocol', () => {
  let root: string
  let outside: string
  beforeEach(() => {
    outside = mkdtempSync(join(tmpdir(), 'app-protocol-'))
    root = join(outside, 'renderer')
    mkdirSync(join(root, 'assets'), { recursive: true })
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Casebook</title>')
    writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
    writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}')
    writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>')
    // Beside the renderer folder, where a traversal would reach.
    writeFileSync(join(outside, 'secret.txt'), 'not for the page')
    writeFileSync(join(outside, 'renderer-secret.txt'), 'nor this')
  })
  afterEach(() => {
    rmSync(outside, { recursive: true, force: true })
  })

  async function get(url: string, method = 'GET') {
    const { appProtocolHandler } = await import('./appProtocol')
    const response = await appProtocolHandler(root)(new Request(url, { method }))
    return {
      status: response.status,
      type: response.headers.get('Content-Type'),
      csp: response.headers.get('Content-Security-Policy'),
      body: await response.text()
    }
  }

  it('serves the page and its assets with their MIME types and the Content-Security-Policy', async () => {
    const { CONTENT_SECURITY_POLICY } = await import('./security')
    const page = { status: 200, type: 'text/html; charset=utf-8', csp: CONTENT_SECURITY_POLICY, body: '<!doctype html><title>Casebook</title>' }
    expect(await get('app://casebook/index.html')).toEqual(page)
    expect(await get('app://casebook/')).toEqual(page)
    expect(await get('app://casebook/index.html?x=1#/register')).toEqual(page)
    expect(await get('app://casebook/assets/index-abc.js')).toEqual({
      status: 200,
      type: 'text/javascript; charset=utf-8',
      csp: CONTENT_SECURITY_POLICY,
      body: 'console.log(1)'
    })
    expect(await get('app://casebook/assets/index-abc.css')).toMatchObject({ status: 200, type: 'text/css; charset=utf-8', body: 'body{}' })
    expect(await get('app://casebook/assets/logo.svg')).toMatchObject({ status: 200, type: 'image/svg+xml' })
    expect(await get('app://casebook/index.html', 'HEAD')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '' })
  })

  it('serves nothing outside the renderer folder, however the path is written', async () => {
    for (const url of [
      'app://casebook/../secret.txt',
      'app://casebook/assets/../../secret.txt',
      'app://casebook/%2e%2e/secret.txt',
      'app://casebook/..%2fsecret.txt',
      'app://casebook/..%2Fsecret.txt',
      'app://casebook/assets/..%2f..%2fsecret.txt',
      'app://casebook/..%5csecret.txt',
      'app://casebook/..\\secret.txt',
      'app://casebook/%2fetc%2fpasswd',
      `app://casebook/${encodeURIComponent(join(outside, 'secret.txt'))}`,
      'app://casebook/C:%5cWindows%5cwin.ini',
      'app://casebook/index.html%00.js',
      'app://casebook//etc/passwd',
      'app://casebook/assets/',
      'app://casebook/no-such-file.js',
      'app://casebook/%E0%A4%A'
    ]) {
      const answer = await get(url)
      expect(answer.status, url).toBe(404)
      expect(answer.body, url).not.toMatch(/not for the page|nor this/)
    }
  })

  it('refuses other hosts, ports and schemes, and anything but reading', async () => {
    expect(await get('app://other-host/index.html')).toMatchObject({ status: 403 })
    expect(await get('app://casebook:8080/index.html')).toMatchObject({ status: 403 })
    expect(await get('app://CASEBOOK.evil/index.html')).toMatchObject({ status: 403 })
    expect(await get('file:///index.html')).toMatchObject({ status: 403 })
    expect(await get('app://casebook/index.html', 'POST')).toMatchObject({ status: 405 })
  })
})
