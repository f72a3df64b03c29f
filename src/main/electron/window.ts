import { join } from 'node:path'
import { app, BrowserWindow } from 'electron'
import { APP_PAGE_URL } from './appProtocol'
import { hardenWebContents, secureWebPreferences } from './security'

/** Where the page comes from: electron-vite's dev server in development, app://casebook/ otherwise. */
export function appPageUrl(): string {
  return process.env.ELECTRON_RENDERER_URL ?? APP_PAGE_URL
}

/** The built renderer, which app:// serves (out/renderer beside out/main, inside the asar when packaged). */
export function rendererFolder(): string {
  return join(__dirname, '../renderer')
}

export function createMainWindow(appUrl: string): BrowserWindow {
  const devTools = !app.isPackaged
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Casebook',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js'), { devTools })
  })
  hardenWebContents(window.webContents, appUrl, { devTools })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(appUrl)
  return window
}
