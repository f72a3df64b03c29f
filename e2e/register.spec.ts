import { test, expect, expectAccessible } from './harness/fixtures'
import { dateParts, fillHousehold, fillPerson, member } from './harness/forms'
import { lookAt, shotsFolder, tabTo } from './harness/screen'
import { signIn } from './harness/signIn'
import type { Harness } from './harness/fixtures'
import type { Locator, Page } from '@playwright/test'

test('reception registers a family of two adults, two children and an unborn baby, records consent, then finds them every way', async ({ page, harness }) => {
  await expect(page.getByLabel('Search people and families')).toBeFocused()
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/find-a-family-empty.png' })

  await page.getByRole('link', { name: 'Register a family', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Register a family' })).toBeVisible()
  await fillHousehold(page, { address: '12 Acacia Road', town: 'Birmingham', postcode: 'b338th', phone: '0121 496 0000', email: 'okafor@example.com' })
  await page.getByRole('button', { name: 'Add an adult' }).click()
  await fillPerson(member(page, 'Adult 1'), {
    first: 'Grace',
    last: "O'Neill",
    born: dateParts(-31),
    sex: 'Female',
    ethnicity: 'Black African',
    nhs: '943 476 5919',
    parentalResponsibility: true
  })
  await page.getByRole('button', { name: 'Add an adult' }).click()
  await fillPerson(member(page, 'Adult 2'), {
    first: 'Samuel',
    last: 'Okafor',
    born: dateParts(-34),
    sex: 'Male',
    ethnicity: 'Black African',
    parentalResponsibility: true
  })
  await page.getByRole('button', { name: 'Add a child' }).click()
  await fillPerson(member(page, 'Child 1'), {
    first: 'Catherine',
    last: 'Okafor',
    born: ['3', '7', '2019'],
    sex: 'Female',
    ethnicity: 'Black African',
    upn: 'Q823456789012'
  })
  await page.getByRole('button', { name: 'Add a child' }).click()
  await fillPerson(member(page, 'Child 2'), { first: 'Mohammed', last: 'Okafor', born: dateParts(-2, -3), sex: 'Male', ethnicity: 'Black African' })
  // Catherine has a UPN, so she is not asked why it is not known; Mohammed is.
  await expect(member(page, 'Child 1').getByLabel('Why the UPN is not known')).toHaveCount(0)
  await member(page, 'Child 2').getByLabel('Why the UPN is not known').selectOption('UN1')
  await page.getByRole('button', { name: 'Add an unborn baby' }).click()
  await fillPerson(member(page, 'Unborn baby 1'), { last: 'Okafor', due: dateParts(0, 3) })
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/register-filled.png', fullPage: true })
  await page.getByRole('button', { name: 'Save family' }).click()

  await expect(page.getByRole('heading', { name: "Samuel Okafor and Grace O'Neill (RV-000001)", exact: true })).toBeVisible()
  await expect(page.getByText('Family registered. Their reference is RV-000001.')).toBeVisible()
  const members = page.getByRole('table', { name: 'Members of the family' })
  await expect(members.getByRole('row')).toHaveCount(6)
  await expect(members).toContainText("Grace O'Neill")
  await expect(members).toContainText('943 476 5919')
  await expect(members).toContainText('Unborn baby Okafor')
  expect(await harness.casebook.core.db.query(`SELECT given_name AS name, upn_unknown AS reason FROM person WHERE kind = 'child' ORDER BY given_name`)).toEqual(
    [
      { name: 'Catherine', reason: null },
      { name: 'Mohammed', reason: 'UN1' }
    ]
  )
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/family.png', fullPage: true })

  await page.getByRole('button', { name: 'Record consent' }).first().click()
  await expect(page.getByRole('heading', { name: 'Record consent' })).toBeVisible()
  await page.getByLabel('Who gave consent').selectOption({ label: "Grace O'Neill" })
  await page.getByLabel('Sharing information with a named agency').check()
  await page.getByLabel('Agency, if it is not in the directory').fill('Health visiting team')
  await page.getByLabel('Written').check()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Record consent' }).click()
  await expect(page.getByText('Consent recorded.')).toBeVisible()
  await expect(page.getByRole('table', { name: 'Consent recorded' })).toContainText('Sharing information with a named agency: Health visiting team')
  // Grace changes her mind: the withdrawal is recorded with its date, and the row stays on record.
  page.once('dialog', (dialog) => void dialog.accept())
  await page.getByRole('button', { name: 'Withdraw consent to sharing information with a named agency' }).click()
  await expect(page.getByRole('table', { name: 'Consent recorded' })).toContainText(/Health visiting team \(withdrawn \d+ \w+ \d{4}\)/)
  await expect(page.getByRole('button', { name: /Withdraw consent/ })).toHaveCount(0)

  const search = page.getByLabel('Search people and families')
  const find = async (text: string, expected: string[]) => {
    await page.keyboard.press('Control+k')
    await expect(search).toBeFocused()
    await search.fill(text)
    const results = page.getByRole('table', { name: 'People found' })
    for (const name of expected) await expect(results.getByRole('link', { name, exact: true })).toBeVisible()
    await expect(results.getByRole('link')).toHaveCount(expected.length)
  }
  // Grace, then her household, found by her surname too (issue 12).
  await find('oneil', ["Grace O'Neill", 'Samuel Okafor', 'Catherine Okafor', 'Mohammed Okafor', 'Unborn baby Okafor'])
  await find('kathryn', ['Catherine Okafor'])
  await find('muhammad okafor', ['Mohammed Okafor'])
  await find('3 July 2019', ['Catherine Okafor'])
  await find('03/07/2019', ['Catherine Okafor'])
  await find('B33 8TH', ["Grace O'Neill", 'Samuel Okafor', 'Catherine Okafor', 'Mohammed Okafor', 'Unborn baby Okafor'])
  await find('9434765919', ["Grace O'Neill"])
  await expect(page.getByRole('table', { name: 'People found' })).toContainText('RV-000001')
  await expect(page.getByRole('table', { name: 'People found' })).toContainText('12 Acacia Road')
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/find-a-family-results.png' })

  // Keyboard alone: down to the result, Enter opens the family.
  await search.fill('catherine')
  await expect(page.getByRole('link', { name: 'Catherine Okafor' })).toBeVisible()
  await search.press('ArrowDown')
  await expect(page.getByRole('link', { name: 'Catherine Okafor' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: "Samuel Okafor and Grace O'Neill (RV-000001)" })).toBeVisible()
})

test('invalid entries are named next to each field and in the summary, and nothing is saved', async ({ page, harness }) => {
  await page.getByRole('link', { name: 'Register a family', exact: true }).click()
  await fillHousehold(page, { address: '', town: 'Leeds', postcode: 'LS1 XYZ' })
  await page.getByRole('button', { name: 'Add a child' }).click()
  await fillPerson(member(page, 'Child 1'), {
    first: 'Tom',
    last: 'Bell',
    born: dateParts(1),
    sex: 'Male',
    ethnicity: 'White British',
    nhs: '943 476 5918',
    upn: 'A823456789012'
  })
  await page.getByRole('button', { name: 'Add an unborn baby' }).click()
  await fillPerson(member(page, 'Unborn baby 1'), { last: 'Bell', due: dateParts(0, -1) })
  await page.getByRole('button', { name: 'Add an adult' }).click()
  await fillPerson(member(page, 'Adult 1'), { first: '', last: 'Bell', born: ['31', '2', '1990'] })
  await page.getByRole('button', { name: 'Save family' }).click()

  const summary = page.locator('.govuk-error-summary').filter({ hasText: 'There is a problem' })
  await expect(summary).toBeFocused()
  const messages = [
    'Enter address line 1',
    'Enter a real UK postcode, like SW1A 1AA',
    'Date of birth must be today or in the past',
    'Enter a valid NHS number, like 943 476 5919',
    'Enter a valid UPN: 13 characters starting with the right check letter',
    'Expected date of delivery must be today or in the future',
    'Enter first name',
    'Date of birth must be a real date',
    'Select sex',
    'Select ethnicity'
  ]
  for (const m of messages) {
    await expect(summary.getByRole('link', { name: m })).toBeVisible()
    await expect(page.locator('.govuk-error-message', { hasText: m }).first()).toBeVisible()
  }
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/register-errors.png', fullPage: true })

  // The summary's links take the user to the field.
  await summary.getByRole('link', { name: 'Enter a real UK postcode, like SW1A 1AA' }).click()
  await expect(page.getByRole('group', { name: 'Household' }).getByLabel('Postcode')).toBeFocused()

  const [{ n }] = await harness.casebook.core.db.query('SELECT count(*) AS n FROM person')
  expect(n).toBe(0)
})

const SHOTS = shotsFolder('register')

/** The registration draft `username` has in the database, as the form sent it; null when there is none. */
async function registrationDraft(harness: Harness, username: string): Promise<{ family?: Record<string, unknown>; members?: unknown[] } | null> {
  const [row] = await harness.casebook.core.db.query(`SELECT payload FROM draft WHERE draft_key = 'registration:new' AND user_name = ?`, [username])
  return row ? JSON.parse(row.payload) : null
}

/** Tab to a box and type into it, as someone without a mouse does. */
async function typeInto(page: Page, box: Locator, text: string): Promise<void> {
  await tabTo(page, box)
  await page.keyboard.type(text)
}

/** Sign out with the keyboard: the header's button, then Enter. */
async function signOutByKeyboard(page: Page): Promise<void> {
  await tabTo(page, page.getByRole('button', { name: 'Sign out' }), 200)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible()
}

test('a half-typed registration survives the window starting again, comes back to its own user only, saying so, and Discard empties it', async ({
  page,
  harness
}) => {
  const household = page.getByRole('group', { name: 'Household' })
  const registerLink = page.getByRole('link', { name: 'Register a family', exact: true })
  const heading = page.getByRole('heading', { name: 'Register a family', level: 1 })
  const restored = page.getByText(/^Your unsaved registration from \d\d:\d\d has been brought back\.$/)
  const child = member(page, 'Child 1')

  // Half a registration, with the keyboard alone: the household's address without its town, a
  // postcode not finished, a child with a first name and only the day of their birth.
  await tabTo(page, registerLink)
  await page.keyboard.press('Enter')
  await expect(heading).toBeFocused()
  await typeInto(page, household.getByLabel('Address line 1'), '3 Station Road')
  await typeInto(page, household.getByLabel('Postcode'), 'LS11')
  await tabTo(page, page.getByRole('button', { name: 'Add a child' }))
  await page.keyboard.press('Enter')
  await typeInto(page, child.getByLabel('First name'), 'Zoë')
  await typeInto(page, child.getByRole('group', { name: 'Date of birth' }).getByLabel('Day'), '3')
  await expect(page.getByText(/^Draft saved at \d\d:\d\d$/)).toBeVisible()
  await expect
    .poll(async () => (await registrationDraft(harness, 'reception1'))?.members)
    .toEqual([expect.objectContaining({ member: expect.objectContaining({ kind: 'child', givenName: 'Zoë', dateOfBirth: '3//' }) })])

  // The window starts again (closed and opened, or its page crashed): nothing of the form is left
  // in its memory, and the registration comes back from the database, saying so.
  await page.reload()
  await expect(heading).toBeVisible()
  await expect(restored).toBeVisible()
  await expect(household.getByLabel('Address line 1')).toHaveValue('3 Station Road')
  await expect(household.getByLabel('Town or city')).toHaveValue('')
  await expect(household.getByLabel('Postcode')).toHaveValue('LS11')
  await expect(household.getByLabel('Main language')).toHaveValue('English')
  await expect(child.getByLabel('First name')).toHaveValue('Zoë')
  await expect(child.getByRole('group', { name: 'Date of birth' }).getByLabel('Day')).toHaveValue('3')
  await expect(child.getByRole('group', { name: 'Date of birth' }).getByLabel('Month')).toHaveValue('')
  await lookAt(page, SHOTS, 'registration-restored')

  // Someone else signs in at the same desk: the registration is not theirs to see.
  await signOutByKeyboard(page)
  await harness.createUser({ username: 'rita', role: 'reception' })
  await signIn(page, 'rita')
  await tabTo(page, registerLink)
  await page.keyboard.press('Enter')
  await expect(heading).toBeFocused()
  await expect(household.getByLabel('Address line 1')).toHaveValue('')
  await expect(member(page, 'Child 1')).toHaveCount(0)
  await expect(page.getByText(/has been brought back/)).toHaveCount(0)
  expect(await registrationDraft(harness, 'rita')).toBeNull()
  await signOutByKeyboard(page)

  // Back to its own user, who discards it with the keyboard: the form is empty, and stays so.
  await signIn(page, 'reception1')
  await tabTo(page, registerLink)
  await page.keyboard.press('Enter')
  await expect(restored).toBeVisible()
  await expect(child.getByLabel('First name')).toHaveValue('Zoë')
  await tabTo(page, page.getByRole('button', { name: 'Discard it and start again' }))
  await page.keyboard.press('Enter')
  await expect(heading).toBeFocused()
  await expect(page.getByText(/has been brought back/)).toHaveCount(0)
  await expect(household.getByLabel('Address line 1')).toHaveValue('')
  await expect(household.getByLabel('Postcode')).toHaveValue('')
  await expect(member(page, 'Child 1')).toHaveCount(0)
  await expect.poll(() => registrationDraft(harness, 'reception1')).toBeNull()
  await lookAt(page, SHOTS, 'registration-discarded')
  await page.reload()
  await expect(heading).toBeVisible()
  await expect(page.getByText(/has been brought back/)).toHaveCount(0)
  await expect(household.getByLabel('Address line 1')).toHaveValue('')
})

test('a registration kept as a draft is gone once the family is saved', async ({ page, harness }) => {
  await page.getByRole('link', { name: 'Register a family', exact: true }).click()
  await fillHousehold(page, { address: '4 Elm Grove', town: 'Leeds', postcode: 'LS8 2PF' })
  await page.getByRole('button', { name: 'Add an adult' }).click()
  await fillPerson(member(page, 'Adult 1'), { first: 'Ann', last: 'Lee', born: dateParts(-30), sex: 'Female', ethnicity: 'Chinese' })
  await expect.poll(async () => (await registrationDraft(harness, 'reception1'))?.family?.town).toBe('Leeds')
  await page.getByRole('button', { name: 'Save family' }).click()
  await expect(page.getByText(/Family registered\. Their reference is RV-000001\./)).toBeVisible()
  expect(await registrationDraft(harness, 'reception1')).toBeNull()
  await page.getByRole('link', { name: 'Register a family', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Register a family', level: 1 })).toBeVisible()
  await expect(page.getByText(/has been brought back/)).toHaveCount(0)
  await expect(page.getByRole('group', { name: 'Household' }).getByLabel('Address line 1')).toHaveValue('')
})
