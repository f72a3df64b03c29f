// Moving about a screen as a keyboard user does, and looking at it as someone on a narrow one would.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'
import { expectAccessibleAtEveryImpact } from './fixtures'

/** Tab (and nothing else) until the element has focus. */
export async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${target}`)
}

/** At 320 CSS pixels wide, nothing runs off the side of the screen; the screenshot is taken there. */
export async function fitsNarrowScreen(page: Page, screenshot: string): Promise<void> {
  const size = page.viewportSize()
  await page.setViewportSize({ width: 320, height: 640 })
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
  await page.screenshot({ path: screenshot, fullPage: true })
  if (size) await page.setViewportSize(size)
}

/**
 * Where a spec's screenshots go, made if need be: test-results/screens/<spec> (Playwright's own
 * output folder, ignored by git), or under CASEBOOK_SHOTS when someone wants to keep them.
 */
export function shotsFolder(spec: string): string {
  const folder = join(process.env.CASEBOOK_SHOTS ?? 'test-results/screens', spec)
  mkdirSync(folder, { recursive: true })
  return folder
}

/**
 * Looks at the screen as it is: axe finds nothing at any impact, screenshots at 1280 and 1024 px
 * wide into `folder`, then at 320 px with nothing running off the side (what does is named, so a
 * failure says where to look).
 */
export async function lookAt(page: Page, folder: string, name: string): Promise<void> {
  await expectAccessibleAtEveryImpact(page)
  const size = page.viewportSize()
  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 800 })
    await page.screenshot({ path: `${folder}/${name}-${width}.png`, fullPage: true })
  }
  await page.setViewportSize({ width: 320, height: 640 })
  const wide = await page.evaluate(() =>
    Array.from(document.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > 320.5 && !el.closest('.app-table-scroll'))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
      .slice(0, 8)
  )
  expect(wide, `${name}: wider than 320 px`).toEqual([])
  await fitsNarrowScreen(page, `${folder}/${name}-320.png`)
  if (size) await page.setViewportSize(size)
}
