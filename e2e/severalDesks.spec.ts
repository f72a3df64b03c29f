// Several desks on one PostgreSQL database (issue 13): the app on PostgreSQL, and a desk that loses
// the hub's database server. Each test has a real server of its own (the harness's engine option).
import { test, expect } from './harness/fixtures'
import { lookAt, shotsFolder } from './harness/screen'

const SHOTS = shotsFolder('several-desks')

test.describe('an administrator on a shared database', () => {
  test.use({ engine: 'postgres', account: { username: 'ivy', role: 'admin' } })

  test('loses the server while saving: the page says so, keeps what was typed, and the same save works once the server is back', async ({ page, harness }) => {
    await page.getByRole('link', { name: 'Hub settings' }).click()
    const minutes = page.getByLabel('Lock the screen after this many minutes without use')
    await expect(minutes).toHaveValue('10')
    await minutes.fill('5')

    await harness.postgres!.pause()
    await page.getByRole('button', { name: 'Save settings' }).click()
    const banner = page.getByRole('alert').filter({ hasText: 'Cannot reach the hub’s database' })
    await expect(banner).toBeVisible()
    await expect(banner).toContainText('What you have typed stays on the page')
    await expect(minutes).toHaveValue('5')
    await expect(page.getByText('Hub settings saved.')).toHaveCount(0)
    await lookAt(page, SHOTS, 'server-lost')

    await harness.postgres!.resume()
    // The window asks by itself: the banner goes without anything being pressed.
    await expect(banner).toHaveCount(0, { timeout: 20_000 })
    await expect(minutes).toHaveValue('5')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.getByText('Hub settings saved.')).toBeVisible()
    expect(await page.evaluate(() => (window as any).casebook.invoke('hub.settings', {}))).toMatchObject({ value: { idleLockMinutes: 5, version: 2 } })
  })
})

test.describe('two managers at once on a shared database', () => {
  test.use({ engine: 'postgres', account: { username: 'mo', role: 'manager' } })

  test('one adds an organisation; the other’s list shows it without being opened again', async ({ page, harness }) => {
    const other = await harness.openPage({ username: 'meg', role: 'manager' })
    await other.evaluate(() => (location.hash = '#/directory/organisations'))
    await expect(other.getByText('The directory has no organisations yet.')).toBeVisible()

    await page.evaluate(() => (location.hash = '#/directory/organisations/new'))
    await page.getByLabel('Name', { exact: true }).fill('Acorn Community Trust')
    await page.getByRole('button', { name: 'Save organisation' }).click()
    await expect(page.locator('h1')).toContainText('Acorn Community Trust')

    // Nothing pressed on the other window: it heard of the save and read its list again.
    await expect(other.getByRole('link', { name: 'Acorn Community Trust' })).toBeVisible()
    await lookAt(other, SHOTS, 'heard-another-desk')
  })
})
