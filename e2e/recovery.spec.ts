// The recovery screen: Casebook started on a damaged database shows what happened and the newest good
// backup (never a blank page); a wrong administrator's password is refused beside the field; the right
// one restores the backup and leads to sign-in. Opening what can be read shows a banner on every page,
// and saving is refused in plain words, the damaged file untouched. A newer Casebook's database is
// refused, with what IT must do. With the keyboard alone, at 1280 and 320 px wide.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { test, expect, expectAccessible, PASSWORD } from './harness/fixtures'
import { fitsNarrowScreen, tabTo } from './harness/screen'
import { signIn } from './harness/signIn'

const shot = (name: string) => `/tmp/shots-issue11/${name}.png`
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

test.describe('Casebook started on a damaged database', () => {
  test.use({ account: { username: 'ivy', role: 'admin' }, database: 'damaged' })

  test('shows the recovery screen; a wrong password is refused beside the field, the right one restores the backup', async ({ page, harness }) => {
    await expect(page.getByRole('heading', { name: 'Casebook’s database is damaged', level: 1 })).toBeVisible()
    await expect(page.locator('#recovery-message')).toContainText(harness.databasePath)
    await expect(page.locator('#recovery-message')).toContainText('Ask IT to restore it from a backup')
    const facts = page.locator('.govuk-summary-list')
    await expect(facts).toContainText(`Database file${harness.databasePath}`)
    await expect(facts).toContainText(/Newest good backupTaken \d{1,2} \w+ \d{4}, \d{2}:\d{2} \((less than a minute|\d+ minutes?) ago\)/)
    await expect(page.getByRole('button', { name: 'Open what can be read (read-only)' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Sign out' })).toHaveCount(0)
    await expectAccessible(page)
    await page.screenshot({ path: shot('recovery-damaged'), fullPage: true })
    await fitsNarrowScreen(page, shot('recovery-damaged-320'))

    // Nothing typed: the error summary, and each message beside its field.
    const restore = page.getByRole('button', { name: 'Restore this backup' })
    await tabTo(page, restore)
    await page.keyboard.press('Enter')
    const summary = page.locator('.govuk-error-summary')
    await expect(summary).toBeFocused()
    await expect(page.getByLabel('Administrator’s username')).toHaveAccessibleDescription(/Error:/)

    // A wrong password: refused beside the password, in the summary too, and nothing restored.
    const before = sha256(harness.databasePath)
    await page.getByLabel('Administrator’s username').fill('ivy')
    await page.getByLabel('Password').fill('not the password at all')
    await restore.click()
    const password = page.getByLabel('Password')
    await expect(password).toHaveAccessibleDescription(/The username or password is not right for an administrator in this backup/)
    await expect(summary).toContainText('The username or password is not right for an administrator in this backup')
    await expect(password).toHaveValue('')
    expect(sha256(harness.databasePath)).toBe(before)
    await expectAccessible(page)
    await page.screenshot({ path: shot('recovery-wrong-password'), fullPage: true })
    await fitsNarrowScreen(page, shot('recovery-wrong-password-320'))

    // The right one, with the keyboard: restored, and the window starts again at sign-in.
    await summary.getByRole('link').first().click()
    await expect(password).toBeFocused()
    await page.keyboard.type(PASSWORD)
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible()
    const notice = page.getByRole('region', { name: 'Backup restored' })
    await expect(notice).toContainText('Casebook now holds the hub’s records as they were at')
    const kept = readdirSync(dirname(harness.databasePath)).filter((name) => /^casebook\.sqlite\.damaged-.*\.sqlite$/.test(name))
    expect(kept).toHaveLength(1)
    expect(sha256(`${dirname(harness.databasePath)}/${kept[0]}`)).toBe(before)
    await expect(notice).toContainText(kept[0]!)
    await expectAccessible(page)
    await page.screenshot({ path: shot('recovery-restored-sign-in'), fullPage: true })
    await fitsNarrowScreen(page, shot('recovery-restored-sign-in-320'))

    await signIn(page, 'ivy')
    await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Read-only copy' })).toHaveCount(0)
  })

  test('opens what can be read: a banner on every page, saving refused in plain words, the damaged file untouched', async ({ page, harness }) => {
    const before = sha256(harness.databasePath)
    const open = page.getByRole('button', { name: 'Open what can be read (read-only)' })
    await tabTo(page, open)
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible()
    const banner = page.getByRole('region', { name: 'Read-only copy' })
    await expect(banner).toContainText('Nothing can be saved')
    await expectAccessible(page)
    await page.screenshot({ path: shot('read-only-sign-in'), fullPage: true })
    await fitsNarrowScreen(page, shot('read-only-sign-in-320'))

    await signIn(page, 'ivy')
    await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible()
    await expect(banner).toBeVisible()
    await page.getByRole('link', { name: 'Hub settings' }).click()
    await expect(banner).toBeVisible()
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.locator('.govuk-error-summary')).toContainText(
      'This is a read-only copy of what could be read from the damaged database, so nothing can be saved.'
    )
    await expectAccessible(page)
    await page.screenshot({ path: shot('read-only-refused'), fullPage: true })
    await fitsNarrowScreen(page, shot('read-only-refused-320'))
    await page.getByRole('link', { name: 'Backups' }).click()
    await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible()
    await expect(banner).toBeVisible()
    await page.screenshot({ path: shot('read-only-backups'), fullPage: true })

    // The banner leads back to the recovery screen (where a backup is restored), and from there to the copy again.
    await banner.getByRole('button', { name: 'the recovery screen' }).click()
    await expect(page.getByRole('heading', { name: 'Casebook’s database is damaged', level: 1 })).toBeVisible()
    await expect(page.getByLabel('Administrator’s username')).toBeVisible()
    await page.getByRole('button', { name: 'Open what can be read (read-only)' }).click()
    await expect(banner).toBeVisible()
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
    await expect(page.getByRole('table', { name: 'Backups in the backup folder' })).toBeVisible()
    expect(sha256(harness.databasePath)).toBe(before)
  })
})

test.describe('Casebook started on a newer Casebook’s database', () => {
  test.use({ account: { username: 'ivy', role: 'admin' }, database: 'newer' })

  test('refuses it, says what IT must do, and offers nothing that would lose the newer work', async ({ page, harness }) => {
    const before = sha256(harness.databasePath)
    await expect(page.getByRole('heading', { name: 'This database was made by a newer Casebook', level: 1 })).toBeVisible()
    await expect(page.locator('#recovery-message')).toContainText('newer version of Casebook')
    await expect(page.getByRole('heading', { name: 'What IT must do' })).toBeVisible()
    await expect(page.getByRole('button')).toHaveCount(0)
    await expect(page.getByRole('textbox')).toHaveCount(0)
    await expectAccessible(page)
    await page.screenshot({ path: shot('recovery-newer'), fullPage: true })
    await fitsNarrowScreen(page, shot('recovery-newer-320'))
    // Every other channel is refused plainly; the file is as it was.
    expect(await page.evaluate(() => (window as any).casebook.invoke('auth.status', {}))).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
    expect(sha256(harness.databasePath)).toBe(before)
  })
})
