// The window's security settings, asserted against a mocked `electron` module (no Electron binary
// can run here). The IPC test goes through to a real core on a real SQLite file.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { tempCasebook, type TempCasebook } from '../testing/tempCasebook'

type Listener = (...args: any[]) => unknown
class FakeContents {
  listeners = new Map<string, Listener>()
  windowOpenHandler: Listener | null = null
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
      setName: vi.fn(),
      requestSingleInstanceLock: vi.fn(() => true),
      on: vi.fn((event: string, listener: Listener) => appListeners.set(event, listener)),
      whenReady: () => new Promise(() => undefined),
      quit: vi.fn()
    },
    dialog: { showErrorBox: vi.fn() },
    ipcMain: { handle: vi.fn() },
    session: { defaultSession: {} }
  }
})

const APP_URL = 'file:///opt/Casebook/resources/app.asar/out/renderer/index.html'

describe('window security', () => {
  it('creates the window with context isolation, sandbox, no Node integration and a preload', async () => {
    const { createMainWindow } = await import('./window')
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
      webviewTag: false
    })
    expect(prefs.preload).toMatch(/preload[\\/]index\.js$/)
    expect(created.at(-1)!.loaded).toBe(APP_URL)
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
    expect(attempt('will-redirect', 'http://evil.test/')).toBe(true)
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

  it('takes the single-instance lock and hardens every web contents the app creates', async () => {
    const { app } = await import('electron')
    await import('../index')
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
    expect(await call(APP_URL, { url: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await handler({ sender, senderFrame: null }, 'hub.get', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await handler({ sender, senderFrame: { url: APP_URL, parent: null } }, 'no.such', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' }
    })
  })
})
