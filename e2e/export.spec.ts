// The Export screen: a manager reads the checks, follows a record's link, puts it right and comes back
// with the browser's Back (the checks run again), exports with the progress bar and finds the run in
// the history, each file's SHA-256 the file's own. Without a folder IT set, nothing can be exported
// and the screen says why. A practitioner has no Export. At 1280 and 320 px wide.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect, expectAccessible, type Harness } from './harness/fixtures'
import { openEpisodeFor, registerOkafors } from './harness/earlyHelp'
import { fitsNarrowScreen } from './harness/screen'
import { todayIso } from '../src/shared/dates'

const screens = (name: string) => `test-results/screens/${name}.png`

/**
 * The Okafors with an open episode: Catherine, a child on it, has no NHS number and no UPN (two
 * warnings); and the family's postcode, written straight into the database as an old import might
 * have left it, is no postcode (an error).
 */
async function world(harness: Harness) {
  await harness.createUser({ username: 'pat', role: 'practitioner' })
  const familyId = await registerOkafors(harness)
  await openEpisodeFor(harness, familyId, { openedOn: todayIso(), headlines: ['HEALTH'] })
  await harness.casebook.core.writes.run((m) => m.query(`UPDATE family SET postcode = 'B33' WHERE id = ?`, [familyId]))
  return { familyId }
}

test.describe('a manager', () => {
  test.use({ account: { username: 'mo', role: 'manager' } })

  test('fixes a record from the checks, exports with the progress bar, and finds the run in the history', async ({ page, harness }) => {
    // The whole journey, with axe-core on five states and two widths of each.
    test.setTimeout(120_000)
    await world(harness)
    await page.getByRole('link', { name: 'Export', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Export to the local authority', level: 1 })).toBeVisible()
    const where = page.locator('.govuk-summary-list')
    await expect(where).toContainText(`Where packages go${harness.exportFolder}`)
    await expect(where).toContainText('Last packageNone yet')

    // The checks: the error first, then the warnings, each with a link to the record.
    await expect(page.getByText('1 error and 2 warnings.')).toBeVisible()
    const problems = page.getByRole('table', { name: 'Records to put right' })
    const rows = problems.locator('tbody tr')
    await expect(rows).toHaveCount(3)
    await expect(rows.nth(0)).toContainText('CB101')
    await expect(rows.nth(0)).toContainText('Error')
    await expect(rows.nth(0)).toContainText('The postcode is not a real UK postcode.')
    await expect(rows.nth(0)).toContainText('RV-000001')
    await expect(rows.nth(1)).toContainText('CB201')
    await expect(rows.nth(1)).toContainText('Warning')
    await expect(rows.nth(2)).toContainText('CB202')
    await expect(page.getByText('Errors must be fixed before exporting.')).toBeVisible()
    const exportNow = page.getByRole('button', { name: 'Export now' })
    await expect(exportNow).toBeDisabled()
    await expect(exportNow).toHaveAccessibleDescription('Fix the 1 error in the checks above first.')
    await expectAccessible(page)
    await page.screenshot({ path: screens('export-errors'), fullPage: true })
    await fitsNarrowScreen(page, screens('export-errors-320'))

    // The record, put right from its link; the browser's Back returns to the checks, which run again.
    await page.getByRole('link', { name: 'Open the family to fix CB101, family RV-000001' }).click()
    await expect(page.getByRole('heading', { name: 'Household' })).toBeVisible()
    await page.getByRole('button', { name: 'Change household details' }).click()
    await page.getByLabel('Postcode').fill('B33 8TH')
    await page.getByRole('button', { name: 'Save family' }).click()
    await expect(page.getByText('Household details saved.')).toBeVisible()
    await page.goBack()
    await page.goBack()
    await page.goBack()
    await expect(page.getByRole('heading', { name: 'Export to the local authority', level: 1 })).toBeVisible()
    await expect(page.getByText('0 errors and 2 warnings.')).toBeVisible()
    await expect(rows).toHaveCount(2)
    await expect(problems).not.toContainText('CB101')
    await expect(exportNow).toBeEnabled()
    await expectAccessible(page)
    await page.screenshot({ path: screens('export-warnings'), fullPage: true })

    // Export now, incremental (the default: with nothing sent before, the package holds everything).
    // The screen's clock stands still, so the bar is seen as the run began; the core carries on, and
    // the screen follows it when its clock moves again. (axe-core needs the clock, so it looks at a
    // running export in the next test.)
    await expect(page.getByRole('radio', { name: 'Changes since the last package (incremental)' })).toBeChecked()
    await expect(page.getByText('Nothing has been sent yet, so the first package holds everything.')).toBeVisible()
    await page.clock.install()
    await page.clock.pauseAt(Date.now() + 60_000)
    await exportNow.click()
    const bar = page.getByRole('progressbar', { name: 'Writing package 1' })
    await expect(bar).toBeVisible()
    await expect(page.locator('#export-progress-text')).toHaveText(/^(Counting the records to send…|[\d,]+ of [\d,]+ records?)$/)
    await expect(exportNow).toBeDisabled()
    await expect(exportNow).toHaveAccessibleDescription('An export is running.')
    await page.screenshot({ path: screens('export-running'), fullPage: true })
    await fitsNarrowScreen(page, screens('export-running-320'))

    const runStatus = async () => ((await harness.casebook.core.db.query(`SELECT status FROM export_run`)) as { status: string }[])[0]?.status
    await expect.poll(runStatus).toBe('succeeded')
    await page.clock.resume()
    await expect(page.getByRole('heading', { name: 'Package 1 written' })).toBeVisible()
    await expect(bar).toHaveCount(0)
    const [run] = (await harness.casebook.core.db.query(`SELECT package_name FROM export_run`)) as { package_name: string }[]
    await expect(page.locator('.govuk-notification-banner')).toContainText(join(harness.exportFolder!, run!.package_name))
    await expect(where).toContainText('Last packagePackage 1 (full)')
    await expect(where).toContainText('Changed since the last package0 records')

    // The history: the run, and (behind the disclosure) each file with its rows and SHA-256.
    const history = page.getByRole('table', { name: 'Export runs' })
    const runRow = history.locator(':scope > tbody > tr').first()
    await expect(runRow).toContainText('Mo Manager')
    await expect(runRow).toContainText('Full')
    await expect(runRow).toContainText('Succeeded')
    await history.getByText(/^\d+ files and their SHA-256 checksums/).click()
    const fileList = history.getByRole('table', { name: 'Files of package 1' })
    const files = (await harness.casebook.core.db.query(`SELECT path, sha256 FROM export_run_file ORDER BY path`)) as { path: string; sha256: string }[]
    expect(files.map((f) => f.path)).toContain('families.csv')
    for (const file of files) {
      const bytes = readFileSync(join(harness.exportFolder!, run!.package_name, file.path))
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256)
      await expect(fileList.getByRole('row', { name: new RegExp(`^${file.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} .* ${file.sha256}$`) })).toBeVisible()
    }
    await expectAccessible(page)
    await page.screenshot({ path: screens('export-done'), fullPage: true })
    await fitsNarrowScreen(page, screens('export-done-320'))
  })
})

test.describe('a manager, while another desk exports', () => {
  test.use({ account: { username: 'mo', role: 'manager' } })

  test('follows the run with the progress bar, and is told plainly how it ended', async ({ page, harness }) => {
    // A run the command line started on another computer sharing the database: alive (its heartbeat
    // is fresh), a quarter of the way through.
    const runId = '6c1b7a52-3f0e-4c8e-9a59-0d3c1f1e2b7a'
    const now = new Date().toISOString()
    const sql = (query: string, values: unknown[]) => harness.casebook.core.writes.run((m) => m.query(query, values))
    await sql(
      `INSERT INTO export_run (id, kind, pseudonymised, status, package_sequence, change_from, export_folder, started_at, heartbeat_at,
         started_by_user_id, started_via, os_user, host, pid, records_done, records_total)
       VALUES (?, 'full', ?, 'running', 1, 0, ?, ?, ?, NULL, 'command-line', 'itadmin', 'desk-2.riverside.local', 4242, 1234, 5678)`,
      [runId, false, harness.exportFolder, now, now]
    )
    await page.goto(`${harness.url}#/export`)
    const bar = page.getByRole('progressbar', { name: 'Writing package 1' })
    await expect(bar).toBeVisible()
    await expect(bar).toHaveAttribute('max', '5678')
    await expect(bar).toHaveAttribute('value', '1234')
    await expect(page.locator('#export-progress-text')).toHaveText('1,234 of 5,678 records')
    const exportNow = page.getByRole('button', { name: 'Export now' })
    await expect(exportNow).toBeDisabled()
    await expect(exportNow).toHaveAccessibleDescription('An export is running.')
    await expect(page.getByRole('table', { name: 'Export runs' })).toContainText('Command line (itadmin)')
    await expectAccessible(page)
    await page.screenshot({ path: screens('export-other-desk'), fullPage: true })
    await fitsNarrowScreen(page, screens('export-other-desk-320'))

    // It moves on, then fails: the screen says so in plain words, and the history shows it.
    await sql(`UPDATE export_run SET records_done = 4000, heartbeat_at = ? WHERE id = ?`, [new Date().toISOString(), runId])
    await expect(page.locator('#export-progress-text')).toHaveText('4,000 of 5,678 records')
    await sql(`UPDATE export_run SET status = 'failed', finished_at = ?, error = ? WHERE id = ?`, [
      new Date().toISOString(),
      'The export folder became full: 2 MB more was needed.',
      runId
    ])
    const failure = page.locator('.govuk-error-summary')
    await expect(failure).toContainText('The export did not finish')
    await expect(failure).toContainText('The export folder became full: 2 MB more was needed.')
    await expect(failure).toContainText('nothing was marked as sent, so the next export sends the same records again')
    await expect(bar).toHaveCount(0)
    await expect(exportNow).toBeEnabled()
    const history = page.getByRole('table', { name: 'Export runs' })
    await expect(history.locator(':scope > tbody > tr').first()).toContainText('Failed')
    await expect(history.locator(':scope > tbody > tr').nth(1)).toContainText('The export folder became full')
    await expectAccessible(page)
    await page.screenshot({ path: screens('export-failed'), fullPage: true })
    await fitsNarrowScreen(page, screens('export-failed-320'))
  })
})

test.describe('a manager on a computer with no export folder', () => {
  test.use({ account: { username: 'mo', role: 'manager' }, exportFolder: 'none' })

  test('is told that IT sets the folder, and cannot export', async ({ page, harness }) => {
    await page.goto(`${harness.url}#/export`)
    const warning = page.locator('.govuk-warning-text')
    await expect(warning).toContainText('No export folder is set.')
    await expect(warning).toContainText('machine-wide config')
    await expect(warning).toContainText('It cannot be chosen in this window.')
    await expect(page.getByText('No problems found.')).toBeVisible()
    const exportNow = page.getByRole('button', { name: 'Export now' })
    await expect(exportNow).toBeDisabled()
    await expect(exportNow).toHaveAccessibleDescription(/no export folder this computer can write the package to/)
    await expect(page.getByText('Nothing has been exported yet.')).toBeVisible()
    // Nothing on the screen lets a folder be typed or chosen.
    await expect(page.getByRole('textbox')).toHaveCount(0)
    await expectAccessible(page)
    await page.screenshot({ path: screens('export-no-folder'), fullPage: true })
    await fitsNarrowScreen(page, screens('export-no-folder-320'))
  })
})

test.describe('a manager whose export folder is not there', () => {
  test.use({ account: { username: 'mo', role: 'manager' }, exportFolder: 'missing' })

  test('is told the folder cannot be used, and cannot export', async ({ page, harness }) => {
    await page.goto(`${harness.url}#/export`)
    await expect(page.locator('.govuk-warning-text')).toContainText(harness.exportFolder!)
    await expect(page.getByText('No problems found.')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Export now' })).toBeDisabled()
    await expectAccessible(page)
  })
})

test.describe('an administrator', () => {
  test.use({ account: { username: 'ivy', role: 'admin' } })

  test("decides whether case notes' text is sent, warned that it is the most sensitive thing held", async ({ page, harness }) => {
    await page.getByRole('link', { name: 'Hub settings' }).click()
    const noteText = page.getByRole('checkbox', { name: "Send case notes' text in the export" })
    await expect(noteText).not.toBeChecked()
    await expect(noteText).toHaveAccessibleDescription(/the most sensitive thing Casebook holds/)
    await expect(page.getByRole('link', { name: 'Export', exact: true })).toHaveCount(0)
    await noteText.check()
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.getByText('Hub settings saved.')).toBeVisible()
    await expectAccessible(page)
    await page.screenshot({ path: screens('hub-settings-export'), fullPage: true })

    // The manager's Export screen says the text now travels.
    const manager = await harness.openPage({ username: 'mo', role: 'manager' })
    await manager.goto(`${harness.url}#/export`)
    await expect(manager.locator('.govuk-summary-list')).toContainText("Case notes' textSent with the notes")
    await expect(manager.getByText('No problems found.')).toBeVisible()
  })
})

test.describe('a practitioner', () => {
  test.use({ account: { username: 'pat', role: 'practitioner' } })

  test('has no Export, and the screen and the core refuse', async ({ page, harness }) => {
    await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('My caseload')
    await expect(page.getByRole('link', { name: 'Export', exact: true })).toHaveCount(0)
    await page.goto(`${harness.url}#/export`)
    await expect(page.getByRole('heading', { name: 'You cannot see this page' })).toBeVisible()
    for (const channel of ['export.overview', 'export.validate', 'export.history'])
      expect(await page.evaluate((c) => (window as any).casebook.invoke(c, {}), channel)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await page.evaluate(() => (window as any).casebook.invoke('export.start', { kind: 'full', pseudonymised: false }))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
    await expectAccessible(page)
  })
})
