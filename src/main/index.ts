// The Electron entry: single instance, the app:// scheme, hardened sessions, the core opened over
// the configured database, one window, IPC wired. Everything else is the headless core in ./core and features.
import { app, dialog, ipcMain, protocol, session, type BrowserWindow } from 'electron'
import { openCasebook, type Casebook } from './core/casebook'
import { machineSettings, resolveDatabasePath } from './core/config'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolHandler } from './electron/appProtocol'
import { appPageUrl, createMainWindow, rendererFolder } from './electron/window'
import { registerIpc } from './electron/ipc'
import { windowHost } from './electron/savePdf'
import { hardenSession, hardenWebContents } from './electron/security'
import { headlessArguments } from './electron/headless'
import { main as commandLine } from './cli/index'

app.setName('Casebook')
// Only before the app is ready can a scheme be made standard and secure.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
let casebook: Casebook | null = null
let mainWindow: BrowserWindow | null = null
const headless = headlessArguments(process.argv, app.isPackaged)

if (headless) {
  // `Casebook.exe export --full` for a scheduled task: no window, no single-instance lock (the app may
  // be open on the same desk), and the process exits with the command's code.
  commandLine(headless).then(
    (code) => app.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error)
      app.exit(1)
    }
  )
} else if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appPageUrl(), { devTools: !app.isPackaged }))

  app.whenReady().then(async () => {
    hardenSession(session.defaultSession)
    protocol.handle(APP_SCHEME, appProtocolHandler(rendererFolder()))
    const appUrl = appPageUrl()
    try {
      const { path, source } = resolveDatabasePath({ argv: process.argv, userData: app.getPath('userData') })
      // Only a desk's own first start makes a database (then shows Set up Casebook). A path IT or
      // the user named (--db, CASEBOOK_DB, the machine-wide config) must already hold one:
      // a mistyped path is refused, not quietly answered with an empty hub.
      casebook = await openCasebook({ databasePath: path, source, mode: source === 'user data' ? 'create' : 'existing', ...machineSettings() })
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
