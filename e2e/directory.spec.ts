// The agency directory: a manager imports the Open Referral UK feed IT set (served over http on
// 127.0.0.1 by the test, a page at a time), keeps organisations and services by hand with the
// keyboard alone, and reception reads it without being offered what only managers do.
import { test, expect, expectAccessible } from './harness/fixtures'
import { fitsNarrowScreen, tabTo } from './harness/screen'
import { feeds, serveFeed, v3Routes } from '../src/main/directory/import/testFeeds'

const MANAGER = { username: 'molly', role: 'manager' } as const

test.describe('a manager with a directory feed', () => {
  test.use({
    account: MANAGER,
    // The feed as a council serves it: two pages of services, one listed without its details. Page 2
    // also lists a service with no organisation (skipped), and the food bank's phone is no UK number.
    // Playwright reads a fixture's dependencies from its first parameter, so it must be a pattern.
    // eslint-disable-next-line no-empty-pattern
    directoryFeed: async ({}, use) => {
      const routes = v3Routes()
      const page1 = feeds.v3Page1()
      page1.contents[1].contacts[0].phones[0].number = '+1 555 0100 ext 7'
      const page2 = feeds.v3Page2()
      page2.contents.push({ id: 'c0ffee00-0000-4000-8000-000000000009', name: 'Baby massage', status: 'active', organization: null, service_at_locations: [] })
      routes['/api/services'] = { body: page1 }
      routes['/api/services?page=2'] = { body: page2 }
      const server = await serveFeed(routes)
      await use(`${server.base}/api/services`)
      await server.close()
    }
  })

  test('a manager imports a directory feed', async ({ page, directoryFeed }) => {
    await page.getByRole('link', { name: 'Directory', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Directory', exact: true })).toBeVisible()
    await expect(page.getByText('The directory has no active services yet.')).toBeVisible()
    await page.getByRole('link', { name: 'Import from the feed' }).click()
    await expect(page.getByRole('heading', { name: 'Import from the feed', exact: true })).toBeFocused()
    await expect(page.getByText('Casebook imports the directory from the Open Referral UK feed IT set up')).toContainText(directoryFeed!)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Import from the feed' }).click()

    await expect(page.getByRole('heading', { name: 'The directory feed has been imported.', exact: true })).toBeVisible()
    const summary = page.locator('.govuk-notification-banner .govuk-summary-list')
    await expect(summary).toContainText('Open Referral UK version 3')
    await expect(summary).toContainText('2 added, 0 updated, 0 unchanged')
    await expect(summary).toContainText('3 added, 0 updated, 0 unchanged, 0 made inactive')
    await expect(page.getByRole('table', { name: 'Services skipped' })).toContainText('Baby massage')
    await expect(page.getByRole('table', { name: 'Services skipped' })).toContainText('the feed names no organisation for it')
    await expect(page.getByRole('table', { name: 'Changed to fit' })).toContainText(
      'its phone number was left out: "+1 555 0100 ext 7" is not a UK phone number'
    )
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/screens/directory-import.png', fullPage: true })
    await fitsNarrowScreen(page, 'test-results/screens/directory-import-320.png')

    // Importing again finds nothing new, and duplicates nothing.
    await page.getByRole('button', { name: 'Import from the feed' }).click()
    await expect(summary).toContainText('0 added, 0 updated, 3 unchanged, 0 made inactive')

    await page.getByRole('link', { name: 'Back to the directory' }).click()
    const services = page.getByRole('table', { name: 'Services' })
    await expect(services.getByRole('row')).toHaveCount(4)
    await expect(page.getByText('Showing 1 to 3 of 3 services')).toBeVisible()
    await page.getByLabel('Kind of service').selectOption({ label: 'Mental health' })
    await page.getByRole('button', { name: 'Search' }).click()
    await expect(page.getByText('Showing 1 to 1 of 1 service')).toBeVisible()
    await expect(services).toContainText('Talking therapies for parents')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/screens/directory.png', fullPage: true })
    await fitsNarrowScreen(page, 'test-results/screens/directory-320.png')

    await page.getByLabel('Kind of service').selectOption({ label: 'Any kind' })
    await page.getByLabel('Name of the service or organisation').fill('health visiting')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.getByRole('link', { name: 'Health visiting: Riverside' }).click()
    await expect(page.getByRole('heading', { name: 'Health visiting: Riverside', exact: true })).toBeVisible()
    const details = page.locator('.govuk-summary-list')
    await expect(details).toContainText("Riverside Children's Centre, 12 Mill Lane")
    await expect(details).toContainText('B33 8TH')
    await expect(details).toContainText('3B: Health visitor')
    await expect(details).toContainText('0 to 5')
    await expect(details).toContainText('The directory feed, last changed there on 1 September 2026')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/screens/directory-service.png', fullPage: true })
    await fitsNarrowScreen(page, 'test-results/screens/directory-service-320.png')

    await page.getByRole('link', { name: 'Riverside Community Health NHS Trust' }).click()
    await expect(page.getByRole('heading', { name: 'Riverside Community Health NHS Trust', exact: true })).toBeVisible()
    await expect(page.getByRole('table', { name: 'Services of Riverside Community Health NHS Trust' }).getByRole('row')).toHaveCount(3)
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/screens/directory-organisation.png', fullPage: true })
    await fitsNarrowScreen(page, 'test-results/screens/directory-organisation-320.png')
  })
})

test.describe('a manager keeping the directory by hand', () => {
  test.use({ account: MANAGER })

  test('adds an organisation and a service, then makes the service inactive, with the keyboard alone', async ({ page }) => {
    await tabTo(page, page.getByRole('link', { name: 'Directory', exact: true }))
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: 'Directory', exact: true })).toBeFocused()
    await tabTo(page, page.getByRole('link', { name: 'Add an organisation' }))
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: 'Add an organisation', exact: true })).toBeFocused()
    await tabTo(page, page.getByRole('button', { name: 'Save organisation' }))
    await page.keyboard.press('Enter')
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter the organisation’s name')
    await expectAccessible(page)
    // The phone number first: typed after the name, its first digit (not yet a number) would bring
    // the error summary back, which takes the focus (ErrorSummary's, in every form).
    await tabTo(page, page.getByLabel('Phone number (optional)'))
    await page.keyboard.type('0121 496 0020')
    await tabTo(page, page.getByLabel('Name'))
    await page.keyboard.type('Acorn Community Trust')
    await tabTo(page, page.getByRole('button', { name: 'Save organisation' }))
    await page.keyboard.press('Enter')

    await expect(page.getByRole('heading', { name: 'Acorn Community Trust', exact: true })).toBeVisible()
    await expect(page.getByText('Acorn Community Trust has been added to the directory.')).toBeVisible()
    await tabTo(page, page.getByRole('link', { name: 'Add a service' }))
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: 'Add a service', exact: true })).toBeFocused()
    await tabTo(page, page.getByLabel('Name of the service'))
    await page.keyboard.type('Acorn Food Bank')
    await tabTo(page, page.getByLabel('Kind of service'))
    // "Community and voluntary" is the 11th kind.
    for (let i = 0; i < 11; i++) await page.keyboard.press('ArrowDown')
    await expect(page.getByLabel('Kind of service')).toHaveValue('COMMUNITY')
    await tabTo(page, page.getByLabel('Secure email for referrals (optional)'))
    await page.keyboard.type('referrals@acorn.example.org.uk')
    await tabTo(page, page.getByLabel('Youngest age it serves (optional)'))
    await page.keyboard.type('12')
    await tabTo(page, page.getByLabel('Oldest age it serves (optional)'))
    await page.keyboard.type('5')
    await tabTo(page, page.getByRole('button', { name: 'Save service' }))
    await page.keyboard.press('Enter')
    await expect(page.locator('.govuk-error-summary')).toContainText('The youngest age must be the same as the oldest or below it')
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/screens/directory-service-form-error.png', fullPage: true })
    await fitsNarrowScreen(page, 'test-results/screens/directory-service-form-320.png')
    // Typed over, not cleared first: an empty box is no error, and the summary coming back would take the focus.
    await tabTo(page, page.getByLabel('Oldest age it serves (optional)'))
    await page.keyboard.press('Control+A')
    await page.keyboard.type('18')
    await tabTo(page, page.getByRole('button', { name: 'Save service' }))
    await page.keyboard.press('Enter')

    await expect(page.getByRole('heading', { name: 'Acorn Food Bank', exact: true })).toBeVisible()
    await expect(page.getByText('Acorn Food Bank has been added to the directory.')).toBeVisible()
    const details = page.locator('.govuk-summary-list')
    await expect(details).toContainText('12 to 18')
    await expect(details).toContainText('referrals@acorn.example.org.uk')
    await expect(details).toContainText('Added by hand')
    await tabTo(page, page.getByRole('link', { name: 'Change the service' }))
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: 'Change Acorn Food Bank', exact: true })).toBeFocused()
    await tabTo(page, page.getByLabel('Active', { exact: true }))
    await page.keyboard.press('ArrowDown')
    await expect(page.getByLabel('Inactive', { exact: true })).toBeChecked()
    await tabTo(page, page.getByRole('button', { name: 'Save service' }))
    await page.keyboard.press('Enter')
    await expect(page.getByText('Acorn Food Bank has been changed.')).toBeVisible()
    await expect(details).toContainText('Inactive')

    // Inactive: not offered by default, found when asked for.
    await tabTo(page, page.getByRole('link', { name: 'Directory', exact: true }))
    await page.keyboard.press('Enter')
    await tabTo(page, page.getByLabel('Name of the service or organisation'))
    await page.keyboard.type('acorn')
    await page.keyboard.press('Enter')
    await expect(page.getByText('No services match that search.')).toBeVisible()
    await tabTo(page, page.getByLabel('Include services that are not active'))
    await page.keyboard.press('Space')
    await tabTo(page, page.getByRole('button', { name: 'Search' }))
    await page.keyboard.press('Enter')
    await expect(page.getByRole('table', { name: 'Services' })).toContainText('Inactive')

    // With no feed set, the import page says who sets one, and where.
    await page.getByRole('link', { name: 'Import from the feed' }).click()
    await expect(page.getByText('No directory feed is set up.')).toContainText('casebook.json')
    await expect(page.getByRole('button', { name: 'Import from the feed' })).toHaveCount(0)
    await expectAccessible(page)
    await fitsNarrowScreen(page, 'test-results/screens/directory-no-feed-320.png')
  })
})

test('reception reads the directory and is offered nothing only managers do', async ({ page, harness }) => {
  const it = harness.casebook.connect({ name: 'harness' })
  const organisation = await it.invoke('directory.saveOrganisation', { name: 'Riverside Community Health NHS Trust' })
  if (!organisation.ok) throw new Error(organisation.error.message)
  const { id } = organisation.value as { id: string }
  await it.invoke('directory.saveService', { organisationId: id, name: 'Health visiting', serviceType: 'HEALTH', referralSource: '3B', status: 'active' })
  await page.getByRole('link', { name: 'Directory', exact: true }).click()
  await expect(page.getByRole('table', { name: 'Services' })).toContainText('Health visiting')
  await expect(page.getByRole('link', { name: 'Add an organisation' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Import from the feed' })).toHaveCount(0)
  await page.getByRole('link', { name: 'Health visiting' }).click()
  await expect(page.getByRole('heading', { name: 'Health visiting', exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Change the service' })).toHaveCount(0)
  await page.goto(`${harness.url}#/directory/import`)
  await expect(page.getByRole('heading', { name: 'You cannot see this page', exact: true })).toBeVisible()
})
