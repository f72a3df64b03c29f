// The Backups screen: an administrator sees how old the newest good backup is and where backups go,
// backs up now with the progress bar reaching done, finds the new file in the list and the run in
// the history, restores it after a page that says what will happen, is signed out with a notice of
// what was restored, and signs in to the hub as it was at the backup. A key Casebook made itself is
// a warning. A manager has no Backups, and the screen and the core refuse. At 1280 and 320 px wide.
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { test, expect, expectAccessible, PASSWORD } from './harness/fixtures'
import { fitsNarrowScreen, tabTo } from './harness/screen'
import { signIn } from './harness/signIn'

const SHOTS = '/tmp/shots-issue11'
const shot = (name: string) => `${SHOTS}/${name}.png`

test.describe('an administrator', () => {
  test.use({ account: { username: 'ivy', role: 'admin' } })

  test('backs up now, restores that backup after confirming, and signs in to the hub as it was then', async ({ page, harness }) => {
    test.setTimeout(120_000)
    // With the keyboard alone, from the menu to the restored database.
    await tabTo(page, page.getByRole('link', { name: 'Backups' }))
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeFocused()
    const summary = page.locator('.govuk-summary-list')
    await expect(summary).toContainText(`Backup folder${harness.backup.folder}`)
    await expect(summary).toContainText('Encryption keySet by IT in Casebook’s machine-wide configuration.')
    await expect(summary).toContainText('When backups are takenAt the first sign-in of each day, every 2 hours while Casebook is open')
    await expect(page.locator('#backup-key-warning')).toHaveCount(0)
    await expectAccessible(page)
    await page.screenshot({ path: shot('backups-before'), fullPage: true })
    await fitsNarrowScreen(page, shot('backups-before-320'))

    // Back up now, with the keyboard. The screen's clock stands still, so the bar is seen as the run
    // began; the core carries on, and the screen follows it when its clock moves again.
    await page.clock.install()
    await page.clock.pauseAt(Date.now() + 60_000)
    const backUpNow = page.getByRole('button', { name: 'Back up now' })
    await tabTo(page, backUpNow)
    await page.keyboard.press('Enter')
    const bar = page.getByRole('progressbar', { name: 'Progress of the backup' })
    await expect(bar).toBeVisible()
    await expect(page.locator('#backup-progress-text')).toHaveText(/^\d{1,3}% copied$/)
    await expect(backUpNow).toBeDisabled()
    await expect(backUpNow).toHaveAccessibleDescription('A backup is running.')
    await page.screenshot({ path: shot('backups-running'), fullPage: true })
    await fitsNarrowScreen(page, shot('backups-running-320'))

    const runs = async () =>
      (await harness.casebook.core.db.query(`SELECT status, file_name AS fileName FROM backup_run WHERE reason = 'manual'`)) as {
        status: string
        fileName: string
      }[]
    await expect.poll(async () => (await runs())[0]?.status).toBe('ok')
    await page.clock.resume()
    await expect(page.getByRole('heading', { name: 'Backup taken and checked' })).toBeVisible()
    await expect(bar).toHaveAttribute('value', '100')
    await expect(page.locator('#backup-progress-text')).toHaveText('Done: copied, checked and saved.')
    await expect(backUpNow).toBeEnabled()
    const [run] = await runs()
    expect(readdirSync(harness.backup.folder)).toContain(run!.fileName)

    // The new file is in the list, newest first, with this computer's key; the run in the history.
    const files = page.getByRole('table', { name: 'Backups in the backup folder' })
    const newest = files.locator('tbody tr').first()
    await expect(newest).toContainText('Backed up now')
    await expect(newest).toContainText(/\d MB/)
    await expect(newest).toContainText('This computer’s key')
    const history = page.getByRole('table', { name: 'Recent backup runs' })
    await expect(history.locator('tbody tr').first()).toContainText('Ivy Admin')
    await expect(history.locator('tbody tr').first()).toContainText('Succeeded')
    await expect(summary).toContainText(/Newest good backup(less than a minute|\d+ minutes?) ago/)
    await expect(page.locator('#backup-age-warning')).toHaveCount(0)
    await expectAccessible(page)
    await page.screenshot({ path: shot('backups-done'), fullPage: true })
    await fitsNarrowScreen(page, shot('backups-done-320'))

    // Work done after the backup: a new account.
    const takenAt = (await newest.locator('th').innerText()).split('\n')[0]!
    await harness.createUser({ username: 'later', role: 'reception' })

    // Restore it, from its row, after a page that says what will happen.
    await tabTo(page, newest.getByRole('link', { name: /^Restore the backup taken / }))
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: 'Restore a backup', level: 1 })).toBeFocused()
    const steps = page.getByRole('list').filter({ hasText: 'checks the backup first' })
    await expect(steps).toContainText('Anything saved since then is not in the backup')
    await expect(steps).toContainText('kept beside it')
    await expect(steps).toContainText('signed out')
    await expectAccessible(page)
    await page.screenshot({ path: shot('restore-confirm'), fullPage: true })
    await fitsNarrowScreen(page, shot('restore-confirm-320'))
    await tabTo(page, page.getByRole('button', { name: 'Restore this backup' }))
    await page.keyboard.press('Enter')

    // Signed out, told what was restored and where the database it replaced is kept.
    await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible()
    const notice = page.getByRole('region', { name: 'Backup restored' })
    await expect(notice).toContainText(`Casebook now holds the hub’s records as they were at ${takenAt}, when the backup was taken.`)
    await expect(notice).toContainText('Everyone has been signed out')
    const kept = readdirSync(dirname(harness.databasePath)).filter((name) => /^casebook\.sqlite\.replaced-.*\.sqlite$/.test(name))
    expect(kept).toHaveLength(1)
    await expect(notice).toContainText(kept[0]!)
    await expectAccessible(page)
    await page.screenshot({ path: shot('restored-sign-in'), fullPage: true })
    await fitsNarrowScreen(page, shot('restored-sign-in-320'))

    // Signed in again: the account made after the backup is not there.
    await signIn(page, 'ivy')
    await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible()
    const users = page.getByRole('table', { name: 'Users' })
    await expect(users).toContainText('ivy')
    await expect(users).not.toContainText('later')
    expect(await harness.casebook.connect().invoke('auth.signIn', { username: 'later', password: PASSWORD })).toMatchObject({ ok: false })
  })
})

test.describe('an administrator whose backup folder cannot be reached', () => {
  test.use({ account: { username: 'ivy', role: 'admin' } })

  test('is warned, is told plainly why Back up now failed, and finds the failure in the runs once the folder is back', async ({ page, harness }) => {
    // The share is not connected: its folder is not there.
    rmSync(harness.backup.folder, { recursive: true })
    await page.goto(`${harness.url}#/backups`)
    await expect(page.locator('#backup-warning')).toContainText(`The backup folder ${harness.backup.folder} cannot be reached`)
    await expect(page.locator('#backup-age-warning')).toContainText('There is no good backup yet.')
    await page.getByRole('button', { name: 'Back up now' }).click()
    const failure = page.locator('.govuk-error-summary').filter({ hasText: 'The backup did not' })
    await expect(failure).toContainText('cannot be reached')
    await expect(page.getByRole('progressbar')).toHaveCount(0)
    await expect(page.locator('.govuk-error-summary').filter({ hasText: 'The backups cannot be listed' })).toContainText(
      'See the warning at the top of the page.'
    )
    await expectAccessible(page)
    await page.screenshot({ path: shot('backups-unreachable'), fullPage: true })
    await fitsNarrowScreen(page, shot('backups-unreachable-320'))

    // IT connects the share again: the failed run is in the history with why it failed, and the next backup works.
    mkdirSync(harness.backup.folder)
    await page.reload()
    const runs = page.getByRole('table', { name: 'Recent backup runs' }).locator('tbody tr')
    await expect(runs.first()).toContainText('Failed')
    await expect(runs.nth(1)).toContainText('cannot be reached')
    await page.screenshot({ path: shot('backups-last-failed'), fullPage: true })
    await page.getByRole('button', { name: 'Back up now' }).click()
    await expect(page.getByRole('heading', { name: 'Backup taken and checked' })).toBeVisible()
    await expect(runs.first()).toContainText('Succeeded')
    await expect(page.locator('#backup-warning')).toHaveCount(0)
    await expectAccessible(page)
    await page.screenshot({ path: shot('backups-after-failure'), fullPage: true })
  })
})

test.describe('an administrator whose backups use a key Casebook made', () => {
  test.use({ account: { username: 'ivy', role: 'admin' }, backupKey: 'beside the database' })

  test('is warned that IT should set a key of their own', async ({ page, harness }) => {
    await page.goto(`${harness.url}#/backups`)
    await expect(page.locator('#backup-key-warning')).toContainText('IT should set a key of their own')
    await expect(page.locator('.govuk-summary-list')).toContainText('Encryption keyMade by Casebook, beside the database')
    await expectAccessible(page)
    await page.screenshot({ path: shot('backups-key-beside'), fullPage: true })
  })
})

test.describe('a manager', () => {
  test.use({ account: { username: 'mo', role: 'manager' } })

  test('has no Backups, and the screen and the core refuse', async ({ page, harness }) => {
    await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Export')
    await expect(page.getByRole('link', { name: 'Backups' })).toHaveCount(0)
    await page.goto(`${harness.url}#/backups`)
    await expect(page.getByRole('heading', { name: 'You cannot see this page' })).toBeVisible()
    for (const [channel, input] of [
      ['backup.overview', {}],
      ['backup.list', {}],
      ['backup.start', {}]
    ] as const)
      expect(await page.evaluate(([c, i]) => (window as any).casebook.invoke(c, i), [channel, input] as const)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' }
      })
    await expectAccessible(page)
  })
})
