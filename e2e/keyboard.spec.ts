import { test, expect } from './harness/fixtures'
import type { Page } from '@playwright/test'

/** The accessible label of whatever has focus. */
const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el) return ''
    const byFor = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null
    return (byFor ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim()
  })

async function tabUntil(page: Page, label: string, limit = 60) {
  for (let i = 0; i < limit; i++) {
    if ((await focusedLabel(page)) === label) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached "${label}"`)
}

test('a family can be registered with the keyboard alone, fields in reading order', async ({ page }) => {
  await tabUntil(page, 'Register a family')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Register a family' })).toBeFocused()
  await tabUntil(page, 'Add an adult')
  await page.keyboard.press('Enter')

  // One pass forwards: each Tab must land on the next field in reading order, filled as it comes.
  const down = (n: number) => async () => { for (let i = 0; i < n; i++) await page.keyboard.press('ArrowDown') }
  const typeText = (text: string) => () => page.keyboard.type(text)
  const skip = async () => undefined
  const plan: [string, () => Promise<unknown>][] = [
    ['Address line 1', typeText('3 Station Road')], ['Address line 2 (optional)', skip], ['Town or city', typeText('Leeds')],
    ['Postcode', typeText('LS11 5AB')], ['Phone number', skip], ['Email address', skip], ['Main language', skip],
    ['Interpreter needed', skip], ['How they heard of the hub', skip], ['First name', typeText('Maya')], ['Last name', typeText('Patel')],
    ['Day', typeText('14')], ['Month', typeText('2')], ['Year', typeText('1990')], ['Sex', down(1)], ['Ethnicity', down(10)],
    ['Role in the family', skip], ['Has parental responsibility', () => page.keyboard.press('Space')], ['NHS number', skip], ['GP practice', skip]
  ]
  await tabUntil(page, 'Address line 1')
  const order: string[] = []
  for (const [, act] of plan) {
    order.push(await focusedLabel(page))
    await act()
    await page.keyboard.press('Tab')
  }
  expect(order).toEqual(plan.map(([label]) => label))
  await tabUntil(page, 'Save family')
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { name: 'Family RV-000001' })).toBeVisible()
  const row = page.getByRole('row', { name: /Maya Patel/ })
  await expect(row).toContainText('Female')
  await expect(row).toContainText('Indian')
  await expect(row).toContainText('parental responsibility')
})
