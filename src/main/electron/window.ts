import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BrowserWindow } from 'electron'
import { hardenWebContents, secureWebPreferences } from './security'

/** Where the page comes from: electron-vite's dev server in development, the built file otherwise. */
export function appPageUrl(): string {
  return process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(__dirname, '../renderer/index.html')).href
}

export function createMainWindow(appUrl: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Casebook',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js'))
  })
  hardenWebContents(window.webContents, appUrl)
  window.once('ready-to-show', () => window.show())
  void window.loadURL(appUrl)
  return window
}
