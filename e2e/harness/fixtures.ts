// Each test gets a fresh real core on its own SQLite file (or, with the engine option, on a real
// PostgreSQL server of its own), and a page whose window.casebook.invoke is bound to that core
// through the same router the IPC handler uses.
// Payloads go through JSON both ways, as Electron's structured clone of plain data would.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { openCasebook, type Casebook } from '../../src/main/core/casebook'
import { describePostgres } from '../../src/main/core/postgres'
import { TEST_SCRYPT } from '../../src/main/testing/tempCasebook'
import { newKeyText } from '../../src/main/backup/crypto'
import type { BackupSettings } from '../../src/main/core/config'
import type { Role } from '../../src/shared/roles'
import { serveRenderer } from './server'
import { HarnessClock } from './clock'
import { breakDatabase, type DatabaseOption } from './database'
import { startPostgresServer, type PostgresServer } from '../../src/main/testing/postgresServer'
import { makeTestPostgresDatabase } from '../../src/main/testing/postgresDatabase'

export interface Account {
  username: string
  role: Role
}

export interface Harness {
  casebook: Casebook
  /** The core's clock: real time, until the test moves it on (the page's clock is page.clock). */
  clock: HarnessClock
  url: string
  /** Opens another window on the same core, signed in as another user (a second desk). */
  openPage(account?: Account): Promise<Page>
  /**
   * On PostgreSQL: opens another workstation, a core of its own (its own pool and change listener)
   * on the same shared database, and a window on it signed in as this user.
   */
  openDesk(account: Account): Promise<Page>
  /** Creates an account with this password, ready to sign in (no change of password needed). */
  createUser(account: Account, password?: string): Promise<void>
  /** Where this core writes export packages (the exportFolder option); null when none is set. */
  exportFolder: string | null
  /** The database file the core was opened over. */
  databasePath: string
  /** IT's backup settings for this core (the backupKey option): the folder is always set, and made. */
  backup: BackupSettings & { folder: string }
  /** The test's own PostgreSQL server, when the engine option is postgres (to stop it, as a lost network would). */
  postgres: PostgresServer | null
}

/** Where the core keeps its records: a SQLite file (the default) or a shared PostgreSQL database. */
export type EngineOption = 'sqlite' | 'postgres'

export const PASSWORD = 'harness long passphrase'

const DIGITS = ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine']
const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1)

/**
 * The name an account is shown by, made of letters as a person's name must be: 'pat' the
 * practitioner is Pat Practitioner, 'rita' Rita Reception, 'reception1' Reception One.
 */
export function displayNameOf({ username, role }: Account): string {
  const letters = username.replace(/[^a-z]/g, '')
  const digits = [...username.replace(/\D/g, '')].map((d) => DIGITS[Number(d)])
  return [capital(letters), ...digits, letters === role ? null : capital(role)].filter(Boolean).join(' ')
}

async function createUser(casebook: Casebook, account: Account, password = PASSWORD): Promise<void> {
  const trusted = casebook.connect({ name: 'harness' })
  const temporary = `${password} (temporary)`
  must(
    await trusted.invoke('users.create', {
      displayName: displayNameOf(account),
      username: account.username,
      role: account.role,
      temporaryPassword: temporary
    })
  )
  const first = casebook.connect()
  must(await first.invoke('auth.signIn', { username: account.username, password: temporary }))
  must(await first.invoke('auth.changePassword', { currentPassword: temporary, newPassword: password, confirmPassword: password }))
}

function must(result: { ok: boolean; error?: { message: string } }) {
  if (!result.ok) throw new Error(result.error?.message)
}

/**
 * Binds a page to a window's connection: signed in as `account` already, or signed out. The page is
 * the window: asked to save itself as a PDF it prints with Chromium's print-to-PDF, as Electron's
 * window does, into `downloads` (where a user would have chosen in the save dialogue).
 */
async function bind(page: Page, casebook: Casebook, url: string, account: Account | null, downloads: string): Promise<Page> {
  const connection = casebook.connect(undefined, {
    savePdf: async (fileName) => {
      const path = join(downloads, fileName)
      writeFileSync(path, await page.pdf({ format: 'A4', printBackground: true }))
      return path
    },
    saveFile: async (fileName, content) => {
      const path = join(downloads, fileName)
      writeFileSync(path, content, 'utf8')
      return path
    }
  })
  if (account) must(await connection.invoke('auth.signIn', { username: account.username, password: PASSWORD }))
  await page.exposeBinding('__casebookInvoke', async (_source, channel: string, input: string) =>
    JSON.stringify(await connection.invoke(channel, input === undefined ? undefined : JSON.parse(input)))
  )
  await page.addInitScript(() => {
    const call = (window as unknown as { __casebookInvoke: (c: string, i: string) => Promise<string> }).__casebookInvoke
    Object.defineProperty(window, 'casebook', {
      value: Object.freeze({ invoke: async (channel: string, input: unknown) => JSON.parse(await call(channel, JSON.stringify(input))) })
    })
  })
  page.on('pageerror', (error) => {
    throw error
  })
  await page.goto(url)
  return page
}

/** The machine-wide export folder: one that is there, one that is not, or none set. */
export type ExportFolderOption = 'made' | 'missing' | 'none'

/** The backups' key: IT's, in the machine-wide config, or none set (Casebook makes one beside the database). */
export type BackupKeyOption = 'config' | 'beside the database'

export const test = base.extend<
  {
    harness: Harness
    account: Account | null
    directoryFeed: string | null
    exportFolder: ExportFolderOption
    backupKey: BackupKeyOption
    database: DatabaseOption
    engine: EngineOption
  },
  { rendererUrl: string }
>({
  /** Who the page is signed in as; null starts signed out (or at set-up, with no users). */
  account: [{ username: 'reception1', role: 'reception' }, { option: true }],
  /** The agency directory's Open Referral UK feed, as IT sets it in the machine-wide config: a URL or a file. */
  directoryFeed: [null, { option: true }],
  exportFolder: ['made', { option: true }],
  backupKey: ['config', { option: true }],
  /**
   * sound, or one the app opens on its recovery screen: damaged (after a backup was taken) or a newer
   * Casebook's. The account is made before it is broken, and the page starts signed out.
   */
  database: ['sound', { option: true }],
  engine: ['sqlite', { option: true }],
  rendererUrl: [
    // Playwright reads a fixture's dependencies from its first parameter, so it must be a pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await serveRenderer()
      await use(server.url)
      await server.close()
    },
    { scope: 'worker' }
  ],
  // Automatic: every test's page is bound to a fresh core, whether or not it names the harness.
  harness: [
    async ({ page, browser, rendererUrl, account, directoryFeed, exportFolder: folderOption, backupKey, database, engine }, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'casebook-e2e-'))
      const exportFolder = folderOption === 'none' ? null : join(dir, folderOption === 'made' ? 'exports' : 'no-such-folder')
      if (folderOption === 'made') mkdirSync(exportFolder!)
      const backup = { folder: join(dir, 'backups'), keyFile: null, key: backupKey === 'config' ? newKeyText() : null, everyHours: 2 }
      mkdirSync(backup.folder)
      const databasePath = join(dir, 'casebook.sqlite')
      const clock = new HarnessClock()
      // Durable, as a hub's server is: a test that stops it expects every acknowledged save kept.
      const postgres = engine === 'postgres' ? await startPostgresServer({ durable: true }) : null
      // Stopped however the test ends, even when setting up its core failed.
      try {
        const shared = postgres ? (await makeTestPostgresDatabase(postgres.url('postgres'))).connection : undefined
        const options = {
          // As the app names a shared database (core/config.ts): by its server, never a file.
          databasePath: shared ? describePostgres(shared) : databasePath,
          postgres: shared,
          clock,
          passwordCost: TEST_SCRYPT,
          directoryFeed,
          exportFolder,
          backup,
          hub: { name: 'Riverside Family Hub', code: 'RV', localAuthorityCode: '330' }
        }
        let casebook = await openCasebook({ ...options, mode: 'create' })
        if (account) await createUser(casebook, account)
        if (database !== 'sound') casebook = await breakDatabase(casebook, database, options)
        await bind(page, casebook, rendererUrl, database === 'sound' ? account : null, dir)
        const others: Page[] = []
        const desks: Casebook[] = []
        await use({
          casebook,
          clock,
          url: rendererUrl,
          createUser: (a, password) => createUser(casebook, a, password),
          exportFolder,
          databasePath,
          backup,
          postgres,
          openPage: async (other = { username: 'reception2', role: 'reception' }) => {
            if ((await casebook.core.db.query('SELECT 1 FROM app_user WHERE username = ?', [other.username])).length === 0) await createUser(casebook, other)
            // A context of its own, as a separate window would be (and as axe-core needs).
            const second = await (await browser.newContext()).newPage()
            others.push(second)
            return bind(second, casebook, rendererUrl, other, dir)
          },
          openDesk: async (other) => {
            if (!options.postgres) throw new Error('openDesk needs the postgres engine: SQLite hubs have one desk')
            const desk = await openCasebook({ ...options, mode: 'existing' })
            desks.push(desk)
            if ((await desk.core.db.query('SELECT 1 FROM app_user WHERE username = ?', [other.username])).length === 0) await createUser(desk, other)
            const window = await (await browser.newContext()).newPage()
            others.push(window)
            return bind(window, desk, rendererUrl, other, dir)
          }
        })
        for (const p of others) await p.context().close()
        for (const desk of desks) await desk.close()
        await casebook.close()
      } finally {
        await postgres?.stop()
      }
      rmSync(dir, { recursive: true, force: true })
    },
    { auto: true }
  ]
})

/** axe-core finds no serious or critical violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
}

/** axe-core finds no violation at all on the page as it is now: minor and moderate ones too (issue 12). */
export async function expectAccessibleAtEveryImpact(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.map((v) => `${v.impact}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
}

export { expect }
