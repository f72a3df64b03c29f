// A window's session follows its account and the core's idle clock: a disabled user, a new role
// or a window idle too long is dealt with by the core, and the page shows it. Signing out, however
// it happens, leaves nothing of the last user in the page.
import type { Page } from '@playwright/test'
import { IDLE_GRACE_SECONDS } from '../src/shared/accounts/schemas'
import { test, expect, expectAccessible, PASSWORD } from './harness/fixtures'
import { signIn, signOut } from './harness/signIn'
import { fitsNarrowScreen } from './harness/screen'
import { fillHousehold } from './harness/forms'
import { registerOkafors } from './harness/earlyHelp'

/** Something left in the page's memory by whoever used it: gone only if the page started again. */
const leaveMarker = (page: Page) => page.evaluate(() => ((window as unknown as { marker?: string }).marker = 'left by the last user'))
const marker = (page: Page) => page.evaluate(() => (window as unknown as { marker?: string }).marker ?? null)

/** The label of whatever has focus. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    const label = el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null
    return (label ?? el?.textContent ?? '').trim()
  })

test('signing out leaves nothing for the next user: no search, no half-typed registration, nothing in memory', async ({ page, harness }) => {
  await harness.createUser({ username: 'rita', role: 'reception' })
  const search = page.getByLabel('Search people and families')
  await search.fill('Okafor 3/7/2019')
  await page.getByRole('link', { name: 'Register a family', exact: true }).click()
  await fillHousehold(page, { address: '3 Station Road', town: 'Leeds', postcode: 'LS11 5AB' })
  // Both are kept while the user moves about (that is what they are for).
  await page.getByRole('link', { name: 'Find a family' }).click()
  await expect(search).toHaveValue('Okafor 3/7/2019')
  await leaveMarker(page)

  await signOut(page)
  expect(await marker(page)).toBeNull()
  expect(new URL(page.url()).hash).toBe('#/')
  await expect(page.getByText('You have been signed out')).toHaveCount(0)

  await signIn(page, 'rita')
  await expect(search).toHaveValue('')
  await page.getByRole('link', { name: 'Register a family', exact: true }).click()
  await expect(page.getByRole('group', { name: 'Household' }).getByLabel('Address line 1')).toHaveValue('')
  await expect(page.getByRole('group', { name: 'Household' }).getByLabel('Postcode')).toHaveValue('')
})

test.describe('a practitioner', () => {
  test.use({ account: { username: 'pat', role: 'practitioner' } })

  test('disabled by an administrator while a family is open: the next action lands on the sign-in page, which says why, with nothing of the family left', async ({
    page,
    harness
  }) => {
    const id = await registerOkafors(harness)
    await page.goto(`${harness.url}#/families/${id}`)
    await expect(page.getByRole('heading', { name: 'Okafor family (RV-000001)' })).toBeVisible()
    await expect(page.getByText('Grace Okafor').first()).toBeVisible()
    await leaveMarker(page)

    const admin = await harness.openPage({ username: 'admin1', role: 'admin' })
    await admin.getByRole('button', { name: 'Disable Pat Practitioner' }).click()
    await expect(admin.getByText('Pat Practitioner can no longer sign in.')).toBeVisible()

    await page.getByRole('button', { name: 'Add a case note' }).click()
    await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible()
    const banner = page.getByRole('region', { name: 'You have been signed out' })
    await expect(banner).toContainText('This account has been disabled. Ask an administrator if you need it again.')
    expect(await marker(page)).toBeNull()
    expect(new URL(page.url()).hash).toBe('#/')
    await expect(page.getByText(/Okafor|Acacia|RV-000001/)).toHaveCount(0)
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/screens/signed-out-because.png', fullPage: true })
    await fitsNarrowScreen(page, 'test-results/screens/signed-out-because-320.png')

    // With the keyboard alone: the fields and the button in order, and the account is refused.
    await page.getByRole('heading', { name: 'Sign in', exact: true }).focus()
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Username')
    await page.keyboard.type('pat')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Password')
    await page.keyboard.type(PASSWORD)
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Sign in')
    await page.keyboard.press('Enter')
    await expect(page.getByText('You have not been signed in')).toBeVisible()

    // Enabled again, they sign in, and the reason is not told twice.
    await admin.getByRole('button', { name: 'Enable Pat Practitioner' }).click()
    await expect(admin.getByText('Pat Practitioner can sign in again.')).toBeVisible()
    await signIn(page, 'pat')
    await expect(page.getByLabel('Search people and families')).toBeVisible()
    await signOut(page)
    await expect(banner).toHaveCount(0)
  })

  test('a window whose page never locks itself is locked by the core; nothing of the record shows, and the lock screen unlocks or signs out', async ({
    page,
    harness
  }) => {
    const id = await registerOkafors(harness)
    await page.clock.install()
    await page.goto(`${harness.url}#/families/${id}/notes/new`)
    const note = page.getByLabel('Note', { exact: true })
    await note.fill('Grace rang about the rent')
    await expect(page.getByText(/^Draft saved at \d\d:\d\d$/)).toBeVisible()
    await note.press('End')

    // Eleven minutes pass at the core, and for the page's Date, but no timer of the page fires: its
    // own lock never comes (a hung script, a lost message). The core's clock alone decides.
    const away = (10 * 60 + IDLE_GRACE_SECONDS + 1) * 1000
    harness.clock.advance(away)
    await page.clock.setSystemTime((await page.evaluate(() => Date.now())) + away)
    // The user comes back and types: the page tells the core they are here, and the core says it is locked.
    await page.keyboard.type('.')

    const dialog = page.getByRole('dialog', { name: 'Casebook is locked' })
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('heading', { name: 'Casebook is locked' })).toBeFocused()
    // Nothing of the record can be read: not the family, not the note, not the window's title.
    await expect(note).toBeHidden()
    await expect(page.locator('#main-content')).toBeHidden()
    await expect(page.getByText(/Okafor|Acacia|RV-000001|rent/).filter({ visible: true })).toHaveCount(0)
    await expect(page).toHaveTitle('Casebook is locked')
    expect(await page.evaluate(() => (window as any).casebook.invoke('families.get', { id: crypto.randomUUID() }))).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' }
    })
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/screens/locked-by-core.png' })
    await fitsNarrowScreen(page, 'test-results/screens/locked-by-core-320.png')

    // With the keyboard alone: password, Unlock, then Sign out, and nothing of the page behind.
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Password')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Unlock')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Sign out')
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.type(PASSWORD)
    await page.keyboard.press('Enter')
    await expect(dialog).toHaveCount(0)
    await expect(note).toHaveValue('Grace rang about the rent.')
    // The draft of what was typed as the core locked (it refused to save it then) is saved once unlocked.
    await expect
      .poll(async () => {
        const [row] = await harness.casebook.core.db.query(`SELECT payload FROM draft WHERE draft_key = ?`, [`case-note:${id}`])
        return row ? JSON.parse(row.payload).text : null
      })
      .toBe('Grace rang about the rent.')

    // Locked again by the core; this time the lock screen's Sign out, which leaves nothing behind.
    await leaveMarker(page)
    harness.clock.advance(away)
    await page.clock.setSystemTime((await page.evaluate(() => Date.now())) + away)
    await page.keyboard.press('Shift')
    await expect(dialog).toBeVisible()
    await dialog.getByRole('button', { name: 'Sign out' }).click()
    await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible()
    expect(await marker(page)).toBeNull()
    await expect(page.getByText(/Okafor|rent/)).toHaveCount(0)

    // The draft is theirs when they come back.
    await signIn(page, 'pat')
    await page.goto(`${harness.url}#/families/${id}/notes/new`)
    await expect(page.getByText(/Your unsaved note from \d\d:\d\d has been brought back\./)).toBeVisible()
    await expect(note).toHaveValue('Grace rang about the rent.')
  })
})

test('someone reading without making a call keeps the window unlocked: the page tells the core they are there', async ({ page, harness }) => {
  await page.clock.install()
  const search = page.getByLabel('Search people and families')
  await expect(search).toBeVisible()
  // Twelve and a half minutes of moving the mouse over the page, and not one call of the page's own.
  for (let i = 0; i < 25; i++) {
    harness.clock.advance(30_000)
    await page.clock.runFor(30_000)
    await page.mouse.move(100 + (i % 2) * 50, 300)
  }
  await expect.poll(() => page.evaluate(() => (window as any).casebook.invoke('hub.get', {}))).toMatchObject({ ok: true })
  await expect(page.getByRole('dialog', { name: 'Casebook is locked' })).toHaveCount(0)
  await search.fill('Okafor')
  await expect(page.getByText(/No people found|0 people found/)).toBeVisible()
})

test.describe('an administrator', () => {
  test.use({ account: { username: 'admin1', role: 'admin' } })

  test("changes a user's name and role with the keyboard alone; the user's window signs out; the last administrator keeps their role", async ({
    page,
    harness
  }) => {
    const pat = await harness.openPage({ username: 'pat', role: 'practitioner' })
    await expect(pat.getByLabel('Search people and families')).toBeVisible()
    await page.reload()

    await page.getByRole('button', { name: 'Change name or role of Pat Practitioner' }).focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: "Change Pat Practitioner's name or role" })).toBeFocused()
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Name')
    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.type('Patricia Okoro')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Role')
    await page.keyboard.press('ArrowDown')
    await expect(page.getByLabel('Role')).toHaveValue('manager')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Save changes')
    await page.keyboard.press('Enter')
    await expect(page.getByText('Patricia Okoro now has the hub manager role. They must sign in again to use it.')).toBeVisible()
    await expect(page.getByRole('row', { name: /Patricia Okoro/ })).toContainText('Hub manager')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/screens/users-role-changed.png', fullPage: true })
    await fitsNarrowScreen(page, 'test-results/screens/users-role-changed-320.png')

    // Pat's window is signed out at its next call, and told why.
    await pat.getByLabel('Search people and families').fill('Okafor')
    await expect(pat.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible()
    await expect(pat.getByRole('region', { name: 'You have been signed out' })).toContainText(
      'An administrator has changed your role. Sign in again to carry on with your new role.'
    )
    await signIn(pat, 'pat')
    await expect(pat.getByRole('link', { name: 'All open episodes' })).toBeVisible()
    await expect(pat.getByRole('link', { name: 'Patricia Okoro' })).toBeVisible()

    // The only active administrator cannot be made anything else: the core says so, and nothing changes.
    await page.getByRole('button', { name: 'Change name or role of Admin One' }).click()
    // The users page has a Role field of its own (Add a user): the edit page must be there first.
    await expect(page.getByRole('heading', { name: "Change Admin One's name or role" })).toBeVisible()
    await page.getByLabel('Role').selectOption({ label: 'Reception' })
    await page.getByRole('button', { name: 'Save changes' }).click()
    const refused = page.locator('.govuk-error-summary')
    await expect(refused).toContainText('The changes have not been saved')
    await expect(refused).toContainText('You cannot change the role of the last active administrator. Add another administrator first.')
    await expect(refused).toBeFocused()
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/screens/user-change-role.png', fullPage: true })
    await fitsNarrowScreen(page, 'test-results/screens/user-change-role-320.png')
    await page.getByRole('link', { name: 'Cancel' }).click()
    await expect(page.getByRole('row', { name: /Admin One/ })).toContainText('Administrator (IT)')
  })
})
