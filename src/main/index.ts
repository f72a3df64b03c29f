// The Electron entry: single instance, hardened sessions, the core opened over the configured
// database, one window, IPC wired. Everything else is the headless core in ./core and features.
import { app, dialog, ipcMain, session, type BrowserWindow } from 'electron'
import { openCasebook, type Casebook } from './core/casebook'
import { resolveDatabasePath } from './core/config'
import { appPageUrl, createMainWindow } from './electron/window'
import { registerIpc } from './electron/ipc'
import { windowHost } from './electron/savePdf'
import { hardenSession, hardenWebContents } from './electron/security'

app.setName('Casebook')
let casebook: Casebook | null = null
let mainWindow: BrowserWindow | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appPageUrl()))

  app.whenReady().then(async () => {
    hardenSession(session.defaultSession)
    const appUrl = appPageUrl()
    try {
      const { path } = resolveDatabasePath({ argv: process.argv, userData: app.getPath('userData') })
      casebook = await openCasebook({ databasePath: path })
    } catch (error) {
      dialog.showErrorBox('Casebook cannot open its database', error instanceof Error ? error.message : String(error))
      app.exit(1)
      return
    }
    registerIpc(ipcMain, casebook, appUrl, windowHost)
    mainWindow = createMainWindow(appUrl)
  })

  app.on('window-all-closed', () => {
    // Let queued writes finish before the process goes.
    void (casebook?.close() ?? Promise.resolve()).finally(() => app.quit())
  })
}
