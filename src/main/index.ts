// The Electron entry: single instance, the app:// scheme, hardened sessions, the core opened over
// the configured database, one window, IPC wired. Everything else is the headless core in ./core and features.
import { app, dialog, ipcMain, protocol, session, type BrowserWindow } from 'electron'
import { openCasebook, type Casebook } from './core/casebook'
import { openCasebookOrRecovery } from './recovery/recoveryCasebook'
import { machineSettings, resolveDatabasePath } from './core/config'
import { postgresConnection } from './core/postgresSettings'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolHandler } from './electron/appProtocol'
import { appPageUrl, createMainWindow, rendererFolder } from './electron/window'
import { registerIpc } from './electron/ipc'
import { windowHost } from './electron/savePdf'
import { hardenSession, hardenWebContents } from './electron/security'
import { headlessArguments } from './electron/headless'
import { main as commandLine } from './cli/index'
import { logStarted, openMachineLog } from './log/machineLog'
import { errorFields } from './log/log'

app.setName('Casebook')
// Only before the app is ready can a scheme be made standard and secure.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
let casebook: Casebook | null = null
let mainWindow: BrowserWindow | null = null
const headless = headlessArguments(process.argv, app.isPackaged)
// IT's log (machine-wide log folder): what started, what it opened, what failed, by code.
const log = openMachineLog(headless ? 'command' : 'app')
logStarted(log, { electron: process.versions.electron ?? null })
process.on('uncaughtExceptionMonitor', (error) => log.error('casebook.uncaught', errorFields(error)))

if (headless) {
  // `Casebook.exe export --full` for a scheduled task: no window, no single-instance lock (the app may
  // be open on the same desk), and the process exits with the command's code.
  // Its lines to standard output (the command line's own default), its events to the log.
  commandLine(headless, undefined, log).then(
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
  // A window that crashed shows nothing to say why: IT finds it here.
  app.on('render-process-gone', (_event, _contents, details) => log.error('window.gone', { reason: details.reason, exitCode: details.exitCode }))

  app.whenReady().then(async () => {
    hardenSession(session.defaultSession)
    protocol.handle(APP_SCHEME, appProtocolHandler(rendererFolder()))
    const appUrl = appPageUrl()
    try {
      const { path, source, postgres } = resolveDatabasePath({ argv: process.argv, userData: app.getPath('userData') })
      // Only a desk's own first start makes a database (then shows Set up Casebook). A path IT or
      // the user named (--db, CASEBOOK_DB, the machine-wide config) must already hold one:
      // a mistyped path is refused, not quietly answered with an empty hub. A database that cannot be
      // opened (damaged, missing, a newer Casebook's, on a network drive) opens the recovery screen.
      // The hub's shared PostgreSQL database has no file to recover: IT's server, IT's backups. A desk
      // that cannot open it (the server not reached, the tables not yet upgraded) says why and stops.
      casebook = postgres
        ? await openCasebook({ databasePath: path, postgres: postgresConnection(postgres), source, mode: 'existing', ...machineSettings(), log })
        : await openCasebookOrRecovery({
            databasePath: path,
            source,
            mode: source === 'user data' ? 'create' : 'existing',
            ...machineSettings(),
            log,
            // The app backs up on its own: every backupEveryHours while open, and at the day's first sign-in.
            scheduleBackups: true
          })
    } catch (error) {
      // The machine-wide config file (it names itself) or the shared PostgreSQL database (its message
      // says what is wrong and who can put it right): a file's problems are the recovery screen's.
      log.error('casebook.start-failed', errorFields(error))
      dialog.showErrorBox('Casebook cannot start', error instanceof Error ? error.message : String(error))
      app.exit(1)
      return
    }
    registerIpc(ipcMain, casebook, appUrl, windowHost)
    mainWindow = createMainWindow(appUrl)
  })

  app.on('window-all-closed', () => {
    // Let queued writes finish before the process goes.
    void (casebook?.close() ?? Promise.resolve()).finally(() => {
      log.info('casebook.stopped')
      app.quit()
    })
  })
}
