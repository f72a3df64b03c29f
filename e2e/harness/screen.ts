// Moving about a screen as a keyboard user does, and looking at it as someone on a narrow one would.
import { expect, type Locator, type Page } from '@playwright/test'

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
