// Families read as people (issue 12, items 7 to 9): a family is named by its people in the family
// bar, the heading, the window's title and the lists; staff are named by their names; the family
// page puts its common actions first. A restricted family keeps its reference alone for those who
// may not open it. With the keyboard alone, at 1280, 1024 and 320 px wide.
import type { Page } from '@playwright/test'
import { test, expect, expectAccessibleAtEveryImpact, type Harness } from './harness/fixtures'
import { asColleague, CATHERINE, GRACE, openEpisodeFor, registerOkafors } from './harness/earlyHelp'
import { fitsNarrowScreen, shotsFolder, tabTo } from './harness/screen'
import { requestInput } from '../src/main/referrals/testWorld'
import { formatDate, todayIso } from '../src/shared/dates'

const SHOTS = shotsFolder('people')
const today = todayIso()

const TOM = { kind: 'adult', givenName: 'Tom', familyName: 'Reid', dateOfBirth: '1988-05-09', sex: 'M', ethnicity: 'WBRI', relationship: 'PARENT_CARER' }
const NAME = 'Tom Reid and Grace Okafor (RV-000001)'

/** Grace Okafor, Tom Reid and Catherine, and a request for help about Catherine, waiting. */
async function world(harness: Harness) {
  const familyId = await registerOkafors(harness, [GRACE, TOM, CATHERINE])
  const [{ id: catherine }] = await harness.casebook.core.db.query(`SELECT id FROM person WHERE family_id = ? AND given_name = 'Catherine'`, [familyId])
  const request = await asColleague(harness, 'pat', 'referrals.logRequest', requestInput(familyId, [catherine], { receivedOn: today, receivedTime: '00:00' }))
  return { familyId, requestId: request.id as string }
}

/** The world, with an episode led by pat, who logged the request too. */
async function patsWorld(harness: Harness) {
  const made = await world(harness)
  const { patId } = await openEpisodeFor(harness, made.familyId, { openedOn: today, headlines: ['HOUSING'] })
  // A colleague's call through the core has no account behind it; this one was pat's, as at the desk.
  await harness.casebook.core.writes.run((m) => m.query(`UPDATE request_for_help SET logged_by_user_id = ? WHERE id = ?`, [patId, made.requestId]))
  return made
}

/** The buttons of the page's main content, in the order a keyboard or screen reader meets them. */
const buttonsInOrder = (page: Page) => page.locator('main button').evaluateAll((buttons) => buttons.map((b) => (b.textContent ?? '').trim()))

test.describe('a practitioner', () => {
  test.use({ account: { username: 'pat', role: 'practitioner' } })

  test('reads the family by its people in the bar, the heading and the window title, and finds the common actions first', async ({ page, harness }) => {
    const { familyId, requestId } = await patsWorld(harness)
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${harness.url}#/families/${familyId}`)

    await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeFocused()
    await expect(page).toHaveTitle(`${NAME} – Casebook`)
    const bar = page.getByRole('region', { name: 'Family' })
    await expect(bar.getByRole('link', { name: NAME })).toBeVisible()
    await expect(bar).toContainText(`Early-help episode open since ${formatDate(today)}, led by Pat Practitioner`)
    await expect(bar.getByRole('list', { name: 'Alerts' })).toHaveText('A request for help is waiting for a decision')
    await expect(bar).not.toContainText('Restricted record')

    // The common actions come first, before anything else on the page; the rest sit under their headings.
    const common = page.getByRole('region', { name: 'Common actions' })
    await expect(common.getByRole('button')).toHaveText(['Add a case note', 'Log a request for help', 'Chronology'])
    const order = await buttonsInOrder(page)
    expect(order.slice(0, 3)).toEqual(['Add a case note', 'Log a request for help', 'Chronology'])
    for (const rest of ['Close the episode', 'Add an adult', 'Change household details', 'Record consent']) expect(order.indexOf(rest)).toBeGreaterThan(2)
    await expect(page.getByRole('button', { name: 'Add a case note' })).toHaveClass(/govuk-button(?!--)/)

    await expectAccessibleAtEveryImpact(page)
    await page.screenshot({ path: `${SHOTS}/family-1280.png`, fullPage: true })
    await page.setViewportSize({ width: 1024, height: 900 })
    await page.screenshot({ path: `${SHOTS}/family-1024.png`, fullPage: true })
    await fitsNarrowScreen(page, `${SHOTS}/family-320.png`)
    await page.setViewportSize({ width: 1280, height: 900 })

    // With the keyboard alone: from the heading, the first Tab reaches the first common action.
    await page.getByRole('heading', { level: 1, name: NAME }).focus()
    await page.keyboard.press('Tab')
    await expect(page.getByRole('button', { name: 'Add a case note' })).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(page.getByRole('button', { name: 'Log a request for help' })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1, name: 'Log a request for help' })).toBeVisible()
    // Every page about the family names it in the window's title too.
    await expect(page).toHaveTitle(new RegExp(` – ${NAME.replace(/[()]/g, '\\$&')} – Casebook$`))

    // The request reads the family by its people and who logged it by their name, not their username.
    await page.goto(`${harness.url}#/requests/${requestId}`)
    await expect(page.locator('.govuk-caption-l')).toHaveText(NAME)
    await expect(page).toHaveTitle(`Request for help – ${NAME} – Casebook`)
    await expect(page.getByText(/^Pat Practitioner, /)).toBeVisible()
    await expect(page.locator('main')).not.toContainText('by pat')
    await expectAccessibleAtEveryImpact(page)
    await page.screenshot({ path: `${SHOTS}/request-1280.png`, fullPage: true })
    await fitsNarrowScreen(page, `${SHOTS}/request-320.png`)

    // The list of requests names the family too, and leaving the family takes its name off the title.
    await tabTo(page, page.getByRole('link', { name: 'Requests', exact: true }))
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1, name: 'Requests for help' })).toBeVisible()
    await expect(page.getByRole('link', { name: NAME })).toBeVisible()
    await expect(page).toHaveTitle('Requests for help – Casebook')
    await expectAccessibleAtEveryImpact(page)
    await page.screenshot({ path: `${SHOTS}/requests-1280.png`, fullPage: true })
    await page.setViewportSize({ width: 1024, height: 900 })
    await page.screenshot({ path: `${SHOTS}/requests-1024.png`, fullPage: true })
    await fitsNarrowScreen(page, `${SHOTS}/requests-320.png`)
  })
})

test.describe('reception', () => {
  test.use({ account: { username: 'rob', role: 'reception' } })

  test('sees a restricted family they may not open by its reference only, and an open one by its people', async ({ page, harness }) => {
    const { familyId } = await world(harness)
    const other = await registerOkafors(harness, [
      { ...GRACE, givenName: 'Ada', familyName: 'Bell' },
      { ...CATHERINE, givenName: 'Lily', familyName: 'Bell' }
    ])
    const [{ id: lily }] = await harness.casebook.core.db.query(`SELECT id FROM person WHERE family_id = ? AND given_name = 'Lily'`, [other])
    await asColleague(harness, 'pat', 'referrals.logRequest', requestInput(other, [lily], { receivedOn: today, receivedTime: '00:00', source: '1C' }))
    await harness.casebook.core.writes.run((m) => m.query(`UPDATE family SET restricted = 1 WHERE id = ?`, [familyId]))

    await page.goto(`${harness.url}#/requests`)
    await expect(page.getByRole('heading', { level: 1, name: 'Requests for help' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Bell family (RV-000002)' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Family RV-000001' })).toBeVisible()
    const main = page.locator('main')
    for (const name of ['Okafor', 'Reid', 'Grace', 'Tom']) await expect(main).not.toContainText(name)
    await expectAccessibleAtEveryImpact(page)
    await page.screenshot({ path: `${SHOTS}/requests-restricted-1280.png`, fullPage: true })

    // The family's page itself refuses, and says whom to ask, without naming it.
    await page.goto(`${harness.url}#/families/${familyId}`)
    await expect(page.getByText(/This family's record is restricted/)).toBeVisible()
    await expect(page).not.toHaveTitle(/Okafor|Reid/)
  })
})

test.describe('a manager', () => {
  test.use({ account: { username: 'molly', role: 'manager' } })

  test('opens a restricted family and reads the restriction in its bar, with its name', async ({ page, harness }) => {
    const { familyId } = await world(harness)
    await harness.casebook.core.writes.run((m) => m.query(`UPDATE family SET restricted = 1 WHERE id = ?`, [familyId]))
    await page.goto(`${harness.url}#/families/${familyId}`)
    await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeFocused()
    const bar = page.getByRole('region', { name: 'Family' })
    await expect(bar.getByText('Restricted record', { exact: true })).toBeVisible()
    await expect(bar).toContainText('No early-help episode open')
    await expect(page.getByRole('region', { name: 'Common actions' }).getByRole('button')).toHaveText([
      'Open an early-help episode',
      'Add a case note',
      'Log a request for help',
      'Chronology'
    ])
    await expectAccessibleAtEveryImpact(page)
    await page.screenshot({ path: `${SHOTS}/family-restricted-manager-1280.png`, fullPage: true })
    await fitsNarrowScreen(page, `${SHOTS}/family-restricted-manager-320.png`)
  })
})
