// Requests for help: reception logs one for a family registered there and then; a practitioner
// screens (accepts, which opens an episode; signposts; declines); the person who asked is told.
import type { Page } from '@playwright/test'
import { test, expect, expectAccessible, type Harness } from './harness/fixtures'
import { registerOkafors } from './harness/earlyHelp'
import { dateParts, fillHousehold, fillPerson, member } from './harness/forms'
import { fitsNarrowScreen, tabTo } from './harness/screen'
import { directoryRows, requestInput } from '../src/main/referrals/testWorld'
import { ROLE_PERMISSIONS, type Role } from '../src/shared/roles'

const screens = (name: string) => `test-results/screens/${name}.png`

/** A colleague's call through the core, as a signed-in user of that name would make it. */
async function as(harness: Harness, username: string, channel: string, input: unknown): Promise<any> {
  const [user] = await harness.casebook.core.db.query('SELECT id, role FROM app_user WHERE username = ?', [username])
  const result = await harness.casebook.connect({ name: username, userId: user.id, permissions: ROLE_PERMISSIONS[user.role as Role] }).invoke(channel, input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value
}

/** The Okafors (Grace and Catherine) and a health visitor's request about Catherine, logged by rita. */
async function loggedRequest(harness: Harness, more: Record<string, unknown> = {}) {
  if ((await harness.casebook.core.db.query(`SELECT 1 FROM app_user WHERE username = 'rita'`)).length === 0)
    await harness.createUser({ username: 'rita', role: 'reception' })
  const familyId = (await harness.casebook.core.db.query(`SELECT id FROM family WHERE reference = 'RV-000001'`))[0]?.id ?? (await registerOkafors(harness))
  const [{ id: catherine }] = await harness.casebook.core.db.query(`SELECT id FROM person WHERE family_id = ? AND given_name = 'Catherine'`, [familyId])
  const request = await as(harness, 'rita', 'referrals.logRequest', requestInput(familyId, [catherine], { receivedOn: '2026-11-02', ...more }))
  return { familyId, requestId: request.id as string }
}

const summary = (page: Page) => page.locator('.govuk-error-summary')

test.describe('reception', () => {
  test.use({ account: { username: 'rita', role: 'reception' } })

  test('registering on the spot finds the family is on record: opening it goes back to the request with that family', async ({ page, harness }) => {
    await registerOkafors(harness)
    await page.getByRole('link', { name: 'Requests', exact: true }).click()
    await page.getByRole('button', { name: 'Log a request for help' }).click()
    await page.getByLabel('Search people and families').fill('Kathryn')
    await page.getByRole('button', { name: 'Register a new family' }).click()
    await fillHousehold(page, { address: '7 Mill Lane', town: 'Birmingham', postcode: 'B12 9QA' })
    await page.getByRole('button', { name: 'Add a child' }).click()
    await fillPerson(member(page, 'Child 1'), { first: 'Kathryn', last: 'Okafor', born: ['3', '7', '2019'], sex: 'Female', ethnicity: 'Black African' })
    await page.getByRole('button', { name: 'Save family' }).click()
    const warning = page.getByRole('region', { name: 'Possible duplicates of Kathryn Okafor' })
    await expect(warning).toContainText('RV-000001')
    await warning.getByRole('link', { name: /Open existing record/ }).click()
    // Back on the request, with the family on record chosen, and nothing registered twice.
    await expect(page.getByRole('heading', { name: 'Log a request for help' })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Family' })).toContainText('Okafor family (RV-000001)')
    expect(page.url()).toMatch(/#\/requests\/new\?family=/)
    expect(await harness.casebook.core.db.query('SELECT count(*) AS "n" FROM family')).toEqual([{ n: 1 }])
  })

  test("logs a health visitor's request for a new family (registered on the spot)", async ({ page, harness }) => {
    await directoryRows(harness.casebook)
    await page.getByRole('link', { name: 'Requests', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Requests for help' })).toBeVisible()
    await page.getByRole('button', { name: 'Log a request for help' }).click()
    await page.getByLabel('Search people and families').fill('Okafor')
    await expect(page.getByRole('status').filter({ hasText: '0 people found' })).toBeVisible()
    await expectAccessible(page)
    await page.screenshot({ path: screens('request-choose-family'), fullPage: true })

    // Not on record: registered through the usual form, duplicate check and all, then back to the request.
    await page.getByRole('button', { name: 'Register a new family' }).click()
    await expect(page.getByRole('heading', { name: 'Register a family' })).toBeVisible()
    await fillHousehold(page, { address: '12 Acacia Road', town: 'Birmingham', postcode: 'B33 8TH', phone: '0121 496 0000' })
    await page.getByRole('button', { name: 'Add an adult' }).click()
    await fillPerson(member(page, 'Adult 1'), { first: 'Grace', last: 'Okafor', born: dateParts(-31), sex: 'Female', ethnicity: 'Black African' })
    await page.getByRole('button', { name: 'Add a child' }).click()
    await fillPerson(member(page, 'Child 1'), { first: 'Catherine', last: 'Okafor', born: ['3', '7', '2019'], sex: 'Female', ethnicity: 'Black African' })
    await page.getByRole('button', { name: 'Add an unborn baby' }).click()
    await fillPerson(member(page, 'Unborn baby 1'), { last: 'Okafor', due: dateParts(0, 3) })
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Save family' }).click()

    await expect(page.getByRole('heading', { name: 'Log a request for help' })).toBeVisible()
    await expect(page.getByText('Family registered. Their reference is RV-000001.')).toBeVisible()
    await expect(page.getByRole('region', { name: 'Family' })).toContainText('Okafor family (RV-000001)')
    expect(page.url()).toMatch(/#\/requests\/new\?family=/)

    // What is typed stays while the user goes to choose the family again.
    await page.getByRole('group', { name: 'How it came' }).getByLabel('Phone').check()
    await page.getByLabel('Name', { exact: true }).fill('Dee Patel')
    await page.getByLabel('Why they asked for help').fill('Grace is exhausted since Catherine stopped sleeping.\nShe asked me to refer her.')
    await page.getByRole('link', { name: 'Choose another family' }).click()
    await page.getByLabel('Search people and families').fill('Okafor')
    await page.getByRole('link', { name: 'Choose the family of Catherine Okafor' }).click()
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Dee Patel')
    await expect(page.getByLabel('Why they asked for help')).toHaveValue('Grace is exhausted since Catherine stopped sleeping.\nShe asked me to refer her.')
    await expect(page.getByRole('group', { name: 'How it came' }).getByLabel('Phone')).toBeChecked()

    await page.getByRole('button', { name: 'Log the request' }).click()
    await expect(summary(page)).toContainText('Select where the request came from')
    await expect(summary(page)).toContainText('Select the children the request is about')
    await expect(summary(page)).toContainText('Select what the family knows of the request')
    await expect(summary(page)).toContainText('Select how urgent it is')

    await page.getByLabel('Their role').fill('Health visitor')
    await page.getByLabel('Search the directory').fill('riverside')
    await page.getByLabel('Riverside Health').check()
    await expect(page.getByText('Chosen: Riverside Health')).toBeVisible()
    await page.getByLabel('Phone number').fill('01632 960 001')
    await page.getByLabel('Where the request came from').selectOption({ label: '3B Health visitor' })
    await page.getByLabel('Catherine Okafor').check()
    await page.getByLabel('Unborn baby Okafor').check()
    await page.getByLabel('They know about it and agree').check()
    await page.getByLabel('Routine').check()
    await expectAccessible(page)
    await page.screenshot({ path: screens('request-log'), fullPage: true })
    await fitsNarrowScreen(page, screens('request-log-320'))
    await page.getByRole('button', { name: 'Log the request' }).click()

    await expect(page.getByText('Request for help logged. It is waiting for a practitioner to decide on it.')).toBeVisible()
    const details = page.locator('.govuk-summary-list').first()
    await expect(details).toContainText('Dee Patel, Health visitor, Riverside Health')
    await expect(details).toContainText('3B Health visitor')
    await expect(details).toContainText('Catherine Okafor, Unborn baby Okafor')
    // Reception sees where it has got to, never what was asked.
    await expect(page.getByText('Waiting for a decision', { exact: true })).toBeVisible()
    await expect(page.getByText('Grace is exhausted')).toHaveCount(0)
    await expect(page.getByRole('heading', { name: 'Screen the request' })).toHaveCount(0)
    await expectAccessible(page)
    await page.screenshot({ path: screens('request-logged-reception'), fullPage: true })

    await page.getByRole('link', { name: 'Requests', exact: true }).click()
    const row = page.getByRole('row', { name: /RV-000001/ })
    await expect(row).toContainText('Dee Patel, Riverside Health')
    await expect(row).toContainText('Waiting for a decision')
    await expectAccessible(page)
    await page.screenshot({ path: screens('requests-list'), fullPage: true })
    await fitsNarrowScreen(page, screens('requests-list-320'))
  })

  test('the referrer is told: recorded with the keyboard alone, then the list of those not told no longer shows it', async ({ page, harness }) => {
    await harness.createUser({ username: 'pat', role: 'practitioner' })
    const { requestId } = await loggedRequest(harness)
    await as(harness, 'pat', 'referrals.screenRequest', {
      id: requestId,
      version: 1,
      decision: 'DECLINE',
      decline: { reason: 'The school nurse is already helping.' }
    })

    await page.getByRole('link', { name: 'Requests', exact: true }).click()
    await page.getByLabel('Decided, the person who asked not yet told').check()
    await page.getByRole('button', { name: 'Show requests' }).click()
    const row = page.getByRole('row', { name: /RV-000001/ })
    await expect(row).toContainText('Declined')
    await expect(row).toContainText('Not yet')
    await expectAccessible(page)
    await page.screenshot({ path: screens('requests-not-fed-back'), fullPage: true })
    await row.getByRole('link').click()

    await expect(page.getByRole('heading', { name: 'Tell Dee Patel' })).toBeVisible()
    await expect(page.getByText('The school nurse')).toHaveCount(0)
    // The keyboard alone: the date is today's already; how they were told, a note, and Enter.
    await tabTo(page, page.getByLabel('Phone', { exact: true }))
    await page.keyboard.press('Space')
    await expect(page.getByLabel('Phone', { exact: true })).toBeChecked()
    await tabTo(page, page.getByLabel('Note (optional)'))
    await page.keyboard.type('Rang Dee: the school nurse is already helping.')
    await tabTo(page, page.getByRole('button', { name: 'Record that they were told' }))
    await expectAccessible(page)
    await page.screenshot({ path: screens('request-feedback'), fullPage: true })
    await fitsNarrowScreen(page, screens('request-feedback-320'))
    await page.keyboard.press('Enter')
    await expect(page.getByText('Recorded that Dee Patel was told what was decided.')).toBeVisible()
    await expect(page.getByText(/^Told on \d+ \w+ \d{4} by phone, recorded by Rita Reception\.$/)).toBeVisible()

    await page.getByRole('link', { name: 'Requests', exact: true }).click()
    await expect(page.getByLabel('Decided, the person who asked not yet told')).toBeChecked()
    await expect(page.getByText('No requests to show: decided, the person who asked not yet told.')).toBeVisible()
  })
})

test.describe('a practitioner', () => {
  test.use({ account: { username: 'pat', role: 'practitioner' } })

  test('screens a request and accepts it, which opens an episode', async ({ page, harness }) => {
    const { familyId } = await loggedRequest(harness)
    await page.getByRole('link', { name: 'Requests', exact: true }).click()
    const row = page.getByRole('row', { name: /RV-000001/ })
    // Received on 2 November: past the two working days of the hub's target.
    await expect(row).toContainText('overdue')
    await row.getByRole('link').click()
    await expect(page.getByText('Mum is finding the nights hard since the baby came.')).toBeVisible()
    await expect(page.getByText('Overdue', { exact: true })).toBeVisible()

    await page.getByLabel('Accept for early help').check()
    await expect(page.getByLabel('Why the family needs early help')).toHaveValue('Mum is finding the nights hard since the baby came.')
    await page.getByRole('button', { name: 'Record the decision' }).click()
    await expect(summary(page)).toContainText('Select the lead practitioner')
    await expect(summary(page)).toContainText('Select at least one headline the family needs help with')
    await expect(summary(page)).toContainText('Select the family’s consent to early help')
    await page.getByLabel('Lead practitioner').selectOption({ label: 'Pat Practitioner' })
    await page.getByLabel('Improved mental and physical health').check()
    await page.getByLabel('Good early years development').check()
    await page.getByLabel('They have given it: record it now').check()
    await page.getByLabel('Who gave consent').selectOption({ label: 'Grace Okafor' })
    await page.getByLabel('Verbal').check()
    await expectAccessible(page)
    await page.screenshot({ path: screens('request-screen-accept'), fullPage: true })
    await fitsNarrowScreen(page, screens('request-screen-accept-320'))
    await page.getByRole('button', { name: 'Record the decision' }).click()

    await expect(page.getByText('Request accepted. An early-help episode has been opened for the family.')).toBeVisible()
    await expect(page.getByText('Accepted').first()).toBeVisible()
    await expectAccessible(page)
    await page.screenshot({ path: screens('request-accepted'), fullPage: true })
    await page.getByRole('link', { name: 'Go to the episode' }).click()
    await expect(page.getByRole('heading', { name: 'Early-help episode' })).toBeVisible()
    await expect(page.locator('.govuk-summary-list').first()).toContainText('Pat Practitioner')

    await page.goto(`${harness.url}#/families/${familyId}/chronology`)
    const timeline = page.locator('.app-timeline')
    await expect(timeline).toContainText('Request for help accepted: an early-help episode opened')
    await expect(timeline).toContainText('Request for help received from Dee Patel (3B Health visitor)')
  })

  test('signposts one request to a service of the directory, and declines another', async ({ page, harness }) => {
    await directoryRows(harness.casebook)
    const first = await loggedRequest(harness)
    const second = await loggedRequest(harness, { receivedOn: '2026-11-20', source: '2A', referrerName: 'Ann Lee', referrerRole: 'Class teacher' })

    await page.goto(`${harness.url}#/requests/${first.requestId}`)
    await page.getByLabel('Signpost to another service').check()
    // A service not taking anyone is not offered.
    await page.getByLabel('Search the directory').fill('stay and play')
    await expect(page.getByText('Nothing found in the directory')).toBeVisible()
    await page.getByLabel('Search the directory').fill('health')
    await page.getByLabel('Health visiting, Riverside Health').check()
    await page.getByLabel('What the family was told').fill('The health visitor will ring Grace on Thursday about sleep.')
    await expectAccessible(page)
    await page.screenshot({ path: screens('request-screen-signpost'), fullPage: true })
    await page.getByRole('button', { name: 'Record the decision' }).click()
    await expect(page.getByText('Request decided: the family was signposted.')).toBeVisible()
    await expect(page.getByText('Health visiting, Riverside Health')).toBeVisible()
    await expect(page.getByText('The health visitor will ring Grace on Thursday about sleep.')).toBeVisible()

    await page.goto(`${harness.url}#/requests/${second.requestId}`)
    await page.getByLabel('Decline', { exact: true }).check()
    await page.getByRole('button', { name: 'Record the decision' }).click()
    await expect(summary(page)).toContainText('Enter why the request was declined')
    await page.getByLabel('Why the request was declined').fill('The school already has a plan for Catherine; nothing more is needed from the hub.')
    await expectAccessible(page)
    await page.screenshot({ path: screens('request-screen-decline'), fullPage: true })
    await page.getByRole('button', { name: 'Record the decision' }).click()
    await expect(page.getByText('Request declined.')).toBeVisible()
    await expect(page.getByText('The school already has a plan for Catherine')).toBeVisible()
    // A decision is final: there is nothing to screen any more, and the person who asked is next.
    await expect(page.getByRole('heading', { name: 'Screen the request' })).toHaveCount(0)
    await expect(page.getByRole('heading', { name: 'Tell Ann Lee' })).toBeVisible()
  })
})
