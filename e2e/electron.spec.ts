// The real Electron app, launched by Playwright. Runs wherever Electron's binary is installed;
// these build machines cannot download it, and there the test reports itself skipped.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { test, expect, _electron as electron } from '@playwright/test'
import { openCasebook } from '../src/main/core/casebook'

/** The installed binary, found as electron's own index.js finds it, but without its download fallback. */
function electronBinary(): string | null {
  try {
    const root = dirname(require.resolve('electron/package.json'))
    const pathFile = join(root, 'path.txt')
    if (!existsSync(pathFile)) return null
    const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(root, 'dist'), readFileSync(pathFile, 'utf8').trim())
    return existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

const binary = electronBinary()
const SKIPPED = 'the Electron binary is not installed on this machine (it cannot be downloaded here), so the Electron smoke test did not run'
if (!binary) console.log(`Electron smoke spec SKIPPED: ${SKIPPED}`)

test('the Electron app opens on set-up for a new database, from app://casebook/, with only window.casebook.invoke exposed', async () => {
  test.skip(!binary, SKIPPED)
  const dir = mkdtempSync(join(tmpdir(), 'casebook-electron-'))
  // A path given with --db must hold a database already (only init and a desk's first start make one).
  const databasePath = join(dir, 'casebook.sqlite')
  await (await openCasebook({ databasePath, mode: 'create' })).close()
  const app = await electron.launch({
    executablePath: binary as string,
    args: [resolve(__dirname, '../out/main/index.js'), '--db', databasePath]
  })
  try {
    const window = await app.firstWindow()
    const page = new URL(window.url())
    expect([page.protocol, page.host, page.pathname]).toEqual(['app:', 'casebook', '/index.html'])
    await expect(window.getByRole('heading', { name: 'Set up Casebook' })).toBeFocused()
    await expect(window).toHaveTitle('Set up Casebook – Casebook')
    const exposed = await window.evaluate(() => ({
      keys: Object.keys((window as unknown as { casebook: object }).casebook),
      node: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process
    }))
    expect(exposed).toEqual({ keys: ['invoke'], node: 'undefined', process: 'undefined' })
    const status = await window.evaluate(() => (window as any).casebook.invoke('auth.status', {}))
    expect(status).toMatchObject({ ok: true, value: { needsSetup: true, user: null } })
    const refused = await window.evaluate(() => (window as any).casebook.invoke('hub.get', {}))
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  } finally {
    await app.close()
    rmSync(dir, { recursive: true, force: true })
  }
})
