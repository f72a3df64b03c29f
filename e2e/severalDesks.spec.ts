// Several desks on one PostgreSQL database (issue 13): the app on PostgreSQL, and a desk that loses
// the hub's database server. Each test has a real server of its own (the harness's engine option).
import { test, expect, expectAccessible } from './harness/fixtures'
import { dateParts, fillHousehold, fillPerson, member } from './harness/forms'
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

test.describe('reception and a coordinator at two desks on a shared database', () => {
  test.use({ engine: 'postgres', account: { username: 'rita', role: 'reception' } })

  test('reception registers a family; the coordinator at the next desk finds them as she types and opens an episode; reception’s page shows it', async ({
    page,
    harness
  }) => {
    // Two workstations: each its own core, its own connections and its own ear on the database.
    const pat = await harness.openDesk({ username: 'pat', role: 'practitioner' })

    await page.getByRole('link', { name: 'Register a family', exact: true }).click()
    await fillHousehold(page, { address: '7 Mill Lane', town: 'Birmingham', postcode: 'B33 8TH' })
    await page.getByRole('button', { name: 'Add an adult' }).click()
    await fillPerson(member(page, 'Adult 1'), {
      first: 'Aisling',
      last: 'Ní Bhriain',
      born: dateParts(-29),
      sex: 'Female',
      ethnicity: 'White Irish',
      parentalResponsibility: true
    })
    await page.getByRole('button', { name: 'Add a child' }).click()
    await fillPerson(member(page, 'Child 1'), { first: 'Saoirse', last: 'Ní Bhriain', born: dateParts(-4), sex: 'Female', ethnicity: 'White Irish' })
    await member(page, 'Child 1').getByLabel('Why the UPN is not known').selectOption('UN1')
    await page.getByRole('button', { name: 'Save family' }).click()
    await expect(page.getByText('Family registered. Their reference is RV-000001.')).toBeVisible()
    await lookAt(page, SHOTS, 'registered-at-reception')

    // Folded and prefixed as on SQLite: "ni bhr" finds the síneadh fada and the first letters.
    const search = pat.getByLabel('Search people and families')
    await expect(search).toBeFocused()
    await search.pressSequentially('saoirse ni bhr')
    const results = pat.getByRole('table', { name: 'People found' })
    await expect(results.getByRole('link')).toHaveText(['Saoirse Ní Bhriain'])
    await expectAccessible(pat)
    await lookAt(pat, SHOTS, 'found-at-the-next-desk')
    await pat.keyboard.press('ArrowDown')
    await pat.keyboard.press('Enter')
    await expect(pat.locator('h1')).toContainText('(RV-000001)')

    await pat.getByRole('button', { name: 'Open an early-help episode' }).click()
    await pat.getByLabel('Lead practitioner').selectOption({ label: 'Pat Practitioner' })
    await pat.getByLabel('Why the family needs early help').fill('Aisling asked for help with Saoirse’s sleep and the nursery place.')
    await pat.getByLabel('Getting a good education').check()
    await pat.getByLabel('They have given it: record it now').check()
    await pat.getByLabel('Who gave consent').selectOption({ label: 'Aisling Ní Bhriain' })
    await pat.getByLabel('Verbal').check()
    await pat.getByRole('button', { name: 'Open episode' }).click()
    await expect(pat.getByText('Early-help episode opened.', { exact: false })).toBeVisible()

    // Nothing pressed at reception: the family page heard the other desk's save and read itself again.
    await expect(page.getByText(/An early-help episode has been open since .*, led by Pat Practitioner\./)).toBeVisible()
    await lookAt(page, SHOTS, 'episode-seen-at-reception')
  })
})

test.describe('an administrator at a desk on a shared database', () => {
  test.use({ engine: 'postgres', account: { username: 'ivy', role: 'admin' } })

  test('is told on the Backups page, once, that IT backs the server up, naming it, and a backup started there is refused in the same words', async ({
    page
  }) => {
    await page.getByRole('link', { name: 'Backups' }).click()
    const problem = page.getByRole('alert').filter({ hasText: 'The backups’ settings cannot be shown' })
    await expect(problem).toContainText(
      /This hub's database is on a PostgreSQL server \(postgres:\/\/\S+\), so Casebook does not back it up: IT backs the server up with pg_dump/
    )
    await expect(page.locator('.govuk-error-summary', { has: problem })).toBeFocused()
    // Said once: the list's refusal is the same, and is not repeated below.
    await expect(page.getByText('The backups cannot be listed')).toHaveCount(0)
    await expectAccessible(page)
    await lookAt(page, SHOTS, 'backups-on-a-shared-database')
    await page.getByRole('button', { name: 'Back up now' }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'The backup did not start' })).toContainText('IT backs the server up with pg_dump')
  })
})
