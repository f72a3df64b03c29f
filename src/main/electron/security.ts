// The window's security: context isolation, sandbox, no Node in the page, a strict CSP, no
// navigation away from the app, no new windows, no webviews, every permission request refused,
// IPC accepted only from the app's own page, and no DevTools in the packaged app.
import type { BrowserWindowConstructorOptions, Session, WebContents, WebFrameMain } from 'electron'

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'"
].join('; ')

/** `devTools` is off in the packaged app (`!app.isPackaged`): a user's desk is not a place to script the page. */
export function secureWebPreferences(preload: string, options: { devTools: boolean }): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    preload,
    devTools: options.devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true
  }
}

/**
 * True for the app's own page: app://casebook/ in the built app, the dev server's origin in
 * development. The whole origin is compared, scheme, host and port (app: is not a scheme Node's
 * URL gives an origin, so its parts are compared one by one), and no file:// URL is ever the app:
 * file://anyhost/ is as good as file:/// to Chromium.
 */
export function isAppPage(url: string | undefined, appUrl: string): boolean {
  if (!url || !URL.canParse(url) || !URL.canParse(appUrl)) return false
  const target = new URL(url)
  const app = new URL(appUrl)
  if (app.protocol === 'file:' || target.protocol === 'file:') return false
  return target.protocol === app.protocol && target.host === app.host && !target.username && !target.password
}

export function isTrustedSender(frame: WebFrameMain | null | undefined, appUrl: string): boolean {
  return !!frame && frame.parent === null && isAppPage(frame.url, appUrl)
}

export function hardenWebContents(contents: WebContents, appUrl: string, options: { devTools: boolean }): void {
  if (!options.devTools) contents.on('devtools-opened', () => contents.closeDevTools())
  contents.on('will-navigate', (event, url) => {
    if (!isAppPage(url, appUrl)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppPage(url, appUrl)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
}
