import { randomUUID } from 'node:crypto'
import { test, expect, expectAccessible, PASSWORD } from './harness/fixtures'
import { fillHousehold } from './harness/forms'
import { fitsNarrowScreen, tabTo } from './harness/screen'

test.describe('first start', () => {
  test.use({ account: null })

  test('sets up the hub and its administrator, who adds a receptionist, who must choose a password', async ({ page }) => {
    await expect(page.getByRole('heading', { name: 'Set up Casebook' })).toBeVisible()
    await page.getByRole('button', { name: 'Set up Casebook' }).click()
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter the hub name')
    await expectAccessible(page)
    await page.getByLabel('Hub name').fill('Riverside Family Hub')
    await page.getByLabel('Hub code').fill('rv')
    await page.getByLabel('Local authority code').fill('330')
    await page.getByLabel('Your name').fill('Ivy Admin')
    await page.getByLabel('Username').fill('ivy')
    await page.getByLabel('Password', { exact: true }).fill('password12345')
    await page.getByLabel('Confirm password').fill('password12345')
    await page.getByRole('button', { name: 'Set up Casebook' }).click()
    await expect(page.locator('.govuk-error-message')).toContainText('That password is too common')
    await page.getByLabel('Password', { exact: true }).fill('lantern orchard pebble')
    await page.getByLabel('Confirm password').fill('lantern orchard pebble')
    await page.screenshot({ path: 'test-results/screens/setup.png', fullPage: true })
    await page.getByRole('button', { name: 'Set up Casebook' }).click()

    // An administrator has no case work: Users is their page, and Find a family is not offered.
    await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['Users', 'Hub settings', 'Backups'])
    await page.getByRole('link', { name: 'Hub settings' }).click()
    await expect(page.getByText('Hub code: RV.')).toBeVisible()
    const minutes = page.getByLabel('Lock the screen after this many minutes without use')
    await expect(minutes).toHaveValue('10')
    await minutes.fill('0')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.locator('.govuk-error-message')).toContainText('The screen must lock after 1 to 60 minutes')
    await minutes.fill('5')
    const weeks = page.getByLabel('Weeks between family plan reviews')
    await expect(weeks).toHaveValue('6')
    await weeks.fill('30')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.locator('.govuk-error-message')).toContainText('Reviews must be 1 to 26 weeks apart')
    await weeks.fill('8')
    await expect(page.getByLabel('A manager approves each closure of an early-help episode')).toBeChecked()
    await page.getByLabel('A manager approves each closure of an early-help episode').uncheck()
    await expect(page.getByLabel('Working days to decide a request for help')).toHaveValue('2')
    await page.getByLabel('Working days to decide a request for help').fill('3')
    await page.getByLabel(/^5D: the local authority/).check()
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.getByText('Hub settings saved.')).toBeVisible()
    expect(await page.evaluate(() => (window as any).casebook.invoke('hub.settings', {}))).toMatchObject({
      value: { idleLockMinutes: 5, reviewWeeks: 8, closureNeedsApproval: false, requestDecisionDays: 3, referralAckDays: 5, stepUpSource: '5D' }
    })
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/screens/hub-settings.png', fullPage: true })
    expect(await page.evaluate(() => (window as any).casebook.invoke('auth.status', {}))).toMatchObject({ value: { idleLockMinutes: 5 } })
    await page.getByRole('link', { name: 'Users' }).click()
    await page.getByLabel('Name', { exact: true }).fill('Rita Reception')
    await page.getByLabel('Username').fill('rita')
    await page.getByLabel('Role').selectOption({ label: 'Reception' })
    await page.getByLabel('Temporary password').fill('marble tugboat violin')
    await page.getByRole('button', { name: 'Add user' }).click()
    await expect(page.getByText('Rita Reception has been added.')).toBeVisible()
    await expect(page.getByRole('row', { name: /Rita Reception/ })).toContainText('New password needed')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/screens/users.png', fullPage: true })
    await page.getByRole('button', { name: 'Sign out' }).click()

    await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible()
    await page.getByLabel('Username').fill('rita')
    await page.getByLabel('Password').fill('not her password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.locator('.govuk-error-summary')).toContainText('The username or password is not right')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/screens/sign-in-error.png', fullPage: true })
    await page.getByLabel('Password').fill('marble tugboat violin')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible()
    await expectAccessible(page)
    await page.getByLabel('Password you were given').fill('marble tugboat violin')
    await page.getByLabel('New password', { exact: true }).fill('kettle harbour moss')
    await page.getByLabel('Confirm new password').fill('kettle harbour moss')
    await page.getByRole('button', { name: 'Change password' }).click()
    await expect(page.getByLabel('Search people and families')).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText([
      'Find a family',
      'Register a family',
      'Requests',
      'Referrals',
      'Directory'
    ])
  })
})

test('reception cannot reach the audit trail, on screen or through the channel, and the refusal is recorded', async ({ page, harness }) => {
  await page.goto(`${harness.url}#/audit`)
  await expect(page.getByRole('heading', { name: 'You cannot see this page' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' })).toHaveCount(0)
  const answer = await page.evaluate(() => (window as any).casebook.invoke('audit.list', {}))
  expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const [refusal] = await harness.casebook.core.db.query(`SELECT actor, record_id AS channel FROM audit_entry WHERE action = 'permission-refused'`)
  expect(refusal).toEqual({ actor: 'reception1', channel: 'audit.list' })
})

test('the idle lock keeps what was typed, and unlocking returns to it', async ({ page, harness }) => {
  await page.clock.install()
  await page.getByRole('link', { name: 'Register a family', exact: true }).click()
  await fillHousehold(page, { address: '3 Station Road', town: 'Leeds', postcode: 'LS11 5AB' })
  await page.clock.fastForward('10:01')
  const dialog = page.getByRole('dialog', { name: 'Casebook is locked' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('heading', { name: 'Casebook is locked' })).toBeFocused()
  // The core is locked too: nothing but unlock answers.
  expect(await page.evaluate(() => (window as any).casebook.invoke('people.search', { text: 'x' }))).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/locked.png' })
  await dialog.getByLabel('Password').fill('wrong password here')
  await dialog.getByRole('button', { name: 'Unlock' }).click()
  await expect(dialog.locator('.govuk-error-message')).toContainText('The password is not right')
  await dialog.getByLabel('Password').fill(PASSWORD)
  await dialog.getByRole('button', { name: 'Unlock' }).click()
  await expect(dialog).toHaveCount(0)
  const household = page.getByRole('group', { name: 'Household' })
  await expect(household.getByLabel('Address line 1')).toHaveValue('3 Station Road')
  await expect(household.getByLabel('Postcode')).toHaveValue('LS11 5AB')
  await household.getByLabel('Town or city').fill('Leeds 11')
  await expect(household.getByLabel('Town or city')).toHaveValue('Leeds 11')
  const [{ n }] = await harness.casebook.core.db.query(`SELECT count(*) AS n FROM audit_entry WHERE action = 'unlock' AND actor = 'reception1'`)
  expect(n).toBe(1)
})

test.describe('a manager', () => {
  test.use({ account: { username: 'molly', role: 'manager' } })

  test("finds who viewed a child's record, and verifies the audit trail", async ({ page, harness }) => {
    const registered = await harness.casebook.connect({ name: 'earlier' }).invoke('families.register', {
      family: { addressLine1: '12 Acacia Road', town: 'Birmingham', postcode: 'B33 8TH', mainLanguage: 'English' },
      members: [
        {
          member: {
            kind: 'adult',
            givenName: 'Grace',
            familyName: 'Okafor',
            dateOfBirth: '1990-02-01',
            sex: 'F',
            ethnicity: 'BAFR',
            relationship: 'PARENT_CARER'
          }
        },
        { member: { kind: 'child', givenName: 'Catherine', familyName: 'Okafor', dateOfBirth: '2019-07-03', sex: 'F', ethnicity: 'BAFR' } }
      ]
    })
    if (!registered.ok) throw new Error(registered.error.message)
    const { id } = registered.value as { id: string }
    const reception = await harness.openPage({ username: 'rita', role: 'reception' })
    await reception.goto(`${harness.url}#/families/${id}`)
    await expect(reception.getByRole('heading', { name: 'Okafor family (RV-000001)' })).toBeVisible()

    await page.goto(`${harness.url}#/families/${id}`)
    await page.getByRole('link', { name: "Who has seen or changed Catherine Okafor's record" }).click()
    await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible()
    const rows = page.getByRole('table').getByRole('row')
    await expect(rows.filter({ hasText: 'rita' })).toContainText('Viewed')
    await expect(rows.filter({ hasText: 'molly' })).toContainText('Viewed')
    await expect(rows.filter({ hasText: 'earlier' })).toContainText('Created')
    await page.getByRole('button', { name: 'Verify audit trail' }).click()
    await expect(page.getByText(/The audit trail is intact: \d+ entries checked\./)).toBeVisible()
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/screens/audit-trail.png', fullPage: true })

    await page.getByRole('link', { name: 'Audit trail' }).click()
    await page.getByLabel('User').fill('rita')
    await page.getByLabel('Action').selectOption({ label: 'Viewed' })
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(2)
  })
})

test.describe('an administrator', () => {
  test.use({ account: { username: 'admin1', role: 'admin' } })

  test("resets a user's password with the keyboard alone; an address for a user who is not there says so", async ({ page, harness }) => {
    await harness.createUser({ username: 'rita', role: 'reception' })
    await page.reload()
    const users = page.getByRole('heading', { name: 'Users', exact: true })
    await expect(users).toBeVisible()

    await tabTo(page, page.getByRole('button', { name: 'Reset password for Rita Reception' }))
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: "Reset Rita Reception's password" })).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(page.getByLabel('Temporary password')).toBeFocused()
    await page.keyboard.type('copper lantern meadow')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/screens/reset-password.png', fullPage: true })
    await fitsNarrowScreen(page, 'test-results/screens/reset-password-320.png')
    await page.keyboard.press('Enter')
    await expect(page.getByText("Rita Reception's password has been reset. They must choose a new one when they next sign in.")).toBeVisible()
    await expect(page.getByRole('row', { name: /Rita Reception/ })).toContainText('New password needed')

    // A stale or mistyped address: the same plain page for both forms, and a way back by keyboard.
    for (const form of ['reset', 'edit']) {
      await page.goto(`${harness.url}#/users/${randomUUID()}/${form}`)
      const notFound = page.getByRole('heading', { level: 1, name: 'User not found' })
      await expect(notFound).toBeFocused()
      await expect(page).toHaveTitle('User not found – Casebook')
      await expectAccessible(page)
      await page.screenshot({ path: `test-results/screens/user-not-found-${form}.png`, fullPage: true })
      await fitsNarrowScreen(page, `test-results/screens/user-not-found-${form}-320.png`)
      await tabTo(page, page.getByRole('link', { name: 'Back to users' }))
      await page.keyboard.press('Enter')
      await expect(users).toBeFocused()
    }
  })
})
