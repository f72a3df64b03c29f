// Each test gets a fresh real core on its own SQLite file, and a page whose
// window.casebook.invoke is bound to that core through the same router the IPC handler uses.
// Payloads go through JSON both ways, as Electron's structured clone of plain data would.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { openCasebook, type Casebook } from '../../src/main/core/casebook'
import { serveRenderer } from './server'

export interface Harness {
  casebook: Casebook
  url: string
  /** Opens another window on the same core, as a second desk or a second window would. */
  openPage(): Promise<Page>
}

async function bind(page: Page, casebook: Casebook, url: string, user: string): Promise<Page> {
  const connection = casebook.connect({ name: user })
  await page.exposeBinding('__casebookInvoke', async (_source, channel: string, input: string) =>
    JSON.stringify(await connection.invoke(channel, input === undefined ? undefined : JSON.parse(input)))
  )
  await page.addInitScript(() => {
    const call = (window as unknown as { __casebookInvoke: (c: string, i: string) => Promise<string> }).__casebookInvoke
    Object.defineProperty(window, 'casebook', {
      value: Object.freeze({ invoke: async (channel: string, input: unknown) => JSON.parse(await call(channel, JSON.stringify(input))) })
    })
  })
  page.on('pageerror', (error) => { throw error })
  await page.goto(url)
  return page
}

export const test = base.extend<{ harness: Harness }, { rendererUrl: string }>({
  rendererUrl: [
    async ({}, use) => {
      const server = await serveRenderer()
      await use(server.url)
      await server.close()
    },
    { scope: 'worker' }
  ],
  // Automatic: every test's page is bound to a fresh core, whether or not it names the harness.
  harness: [async ({ page, browser, rendererUrl }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-e2e-'))
    const casebook = await openCasebook({ databasePath: join(dir, 'casebook.sqlite'), hub: { name: 'Riverside Family Hub', code: 'RV', localAuthorityCode: '330' } })
    await bind(page, casebook, rendererUrl, 'reception1')
    const others: Page[] = []
    await use({
      casebook,
      url: rendererUrl,
      openPage: async () => {
        const other = await browser.newPage()
        others.push(other)
        return bind(other, casebook, rendererUrl, 'reception2')
      }
    })
    for (const p of others) await p.close()
    await casebook.close()
    rmSync(dir, { recursive: true, force: true })
  }, { auto: true }]
})

/** axe-core finds no serious or critical violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
}

export { expect }
