import { test, expect, expectAccessible } from './harness/fixtures'
import type { Page } from '@playwright/test'
import { openEpisodeFor, registerOkafors } from './harness/earlyHelp'
import { fillDate } from './harness/forms'
import { CLOSURE_REASON } from '../src/shared/codes'
import { addDays, isoToDateParts, todayIso } from '../src/shared/dates'

const STEPPED_UP = CLOSURE_REASON.label('STEPPED_UP')

test.use({ account: { username: 'pat', role: 'practitioner' } })

const noteText = (page: Page) => page.getByLabel('Note', { exact: true })
/** The note form's date, as its three boxes. */
const noteDate = (page: Page) => page.getByRole('group', { name: 'Date of the contact' })
// Notes are dated the day before: a time today is refused until it has come, and the tests run at any hour.
const { day, month, year } = isoToDateParts(addDays(todayIso(), -1))
const yesterday: [string, string, string] = [day, month, year]

test('a practitioner opens an episode, writes notes (a draft survives a reload), and reads the chronology', async ({ page, harness }) => {
  const id = await registerOkafors(harness)
  await page.goto(`${harness.url}#/families/${id}`)
  await page.getByRole('button', { name: 'Open an early-help episode' }).click()
  await page.getByRole('button', { name: 'Open episode' }).click()
  const summary = page.locator('.govuk-error-summary')
  await expect(summary).toContainText('Select the lead practitioner')
  await expect(summary).toContainText('Enter why early help is needed')
  await expect(summary).toContainText('Select at least one headline the family needs help with')
  await expect(summary).toContainText('Select the family’s consent to early help')
  await page.getByLabel('Lead practitioner').selectOption({ label: 'Pat Practitioner' })
  await page.getByLabel('Why the family needs early help').fill('Rent arrears, and Grace is finding the evenings hard.')
  await page.getByLabel('Secure housing').check()
  await page.getByLabel('Improved mental and physical health').check()
  await page.getByLabel('They have given it: record it now').check()
  await page.getByRole('button', { name: 'Open episode' }).click()
  await expect(summary).toContainText('Select who gave consent')
  await expect(summary).toContainText('Select how consent was given')
  await page.getByLabel('Who gave consent').selectOption({ label: 'Grace Okafor' })
  await page.getByLabel('Verbal').check()
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/open-episode.png', fullPage: true })
  await page.getByRole('button', { name: 'Open episode' }).click()
  await expect(page.getByText('Early-help episode opened. Next, add the Team Around the Family and start the assessment.')).toBeVisible()
  await expect(page.locator('.govuk-summary-list')).toContainText('Pat Practitioner')
  await expect(page.locator('.govuk-summary-list')).toContainText(/Consent to early help\s*Given by Grace Okafor on .* \(verbal\)/)

  // Typing, then the window goes away: the note comes back from the database.
  await page.getByRole('button', { name: 'Add a case note' }).click()
  await page.getByLabel('Home visit').check()
  await page.getByLabel('Grace Okafor').check()
  await noteText(page).fill('Visited at home. Grace showed me the letter from the landlord.')
  await fillDate(page.locator('form'), 'Date of the contact', yesterday)
  await page.getByLabel('Time').fill('09:15')
  // Leaving the field saves at once; the draft in the database has everything typed.
  await page.keyboard.press('Tab')
  await expect(page.getByText(/Draft saved at \d\d:\d\d/)).toBeVisible()
  await expect
    .poll(async () => (await harness.casebook.core.db.query(`SELECT payload FROM draft WHERE user_name = 'pat'`))[0]?.payload ?? '')
    .toContain('"occurredAt":"09:15"')
  await page.reload()
  await expect(page.getByText(/Your unsaved note from \d\d:\d\d has been brought back\./)).toBeVisible()
  await expect(noteText(page)).toHaveValue('Visited at home. Grace showed me the letter from the landlord.')
  await expect(noteDate(page).getByLabel('Day')).toHaveValue(day)
  await expect(page.getByLabel('Time')).toHaveValue('09:15')
  await expect(page.getByLabel('Home visit')).toBeChecked()
  await expect(page.getByLabel('Grace Okafor')).toBeChecked()
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/case-note-restored.png', fullPage: true })
  await page.getByRole('button', { name: 'Save note' }).click()
  await expect(page.getByText('Case note saved.')).toBeVisible()

  await page.getByRole('button', { name: 'Add a case note' }).click()
  // The form shows only once its draft has been looked for: then, and not before, nothing brought back is final.
  await expect(noteText(page)).toHaveValue('')
  await expect(page.getByText(/has been brought back/)).toHaveCount(0)
  await page.getByLabel('Phone call').check()
  await fillDate(page.locator('form'), 'Date of the contact', yesterday)
  await page.getByLabel('Time').fill('16:40')
  await noteText(page).fill('Landlord served a section 21 notice.')
  await page.getByLabel('Significant event').check()
  await page.getByRole('button', { name: 'Save note' }).click()

  const timeline = page.locator('.app-timeline')
  // Newest first: today's registration and opening, then yesterday's notes, 16:40 before 09:15.
  await expect(timeline.getByRole('heading')).toHaveCount(4)
  const headings = await timeline.getByRole('heading').allTextContents()
  expect([...headings].sort()).toEqual([
    'Early-help episode opened, led by Pat Practitioner',
    'Family registered (RV-000001)',
    'Home visit',
    'Phone call Significant'
  ])
  expect(headings.slice(2)).toEqual(['Phone call Significant', 'Home visit'])
  // Staff are kept by user id and shown by name.
  await expect(timeline).toContainText('09:15 · by Pat Practitioner · with Grace Okafor')
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/chronology.png', fullPage: true })
  await page.getByLabel('Significant events only').check()
  await expect(timeline.getByRole('heading')).toHaveText(['Phone call Significant'])
})

test.describe('reception', () => {
  test.use({ account: { username: 'rita', role: 'reception' } })

  test('sees that an episode is open and who leads it, but not the casework', async ({ page, harness }) => {
    const id = await registerOkafors(harness)
    await harness.createUser({ username: 'pat', role: 'practitioner' })
    await openEpisodeFor(harness, id, { openedOn: '2026-11-02', headlines: ['HOUSING'] })
    await page.goto(`${harness.url}#/families/${id}`)
    await expect(page.getByText('An early-help episode has been open since 2 November 2026, led by Pat Practitioner.')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Add a case note' })).toHaveCount(0)
    await page.goto(`${harness.url}#/families/${id}/chronology`)
    await expect(page.getByRole('heading', { name: 'You cannot see this page' })).toBeVisible()
    expect(await page.evaluate((familyId) => (window as any).casebook.invoke('chronology.get', { familyId }), id)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
  })
})

test.describe('a manager', () => {
  test.use({ account: { username: 'molly', role: 'manager' } })

  test('reallocates an episode, and the new lead finds it in their caseload', async ({ page, harness }) => {
    const id = await registerOkafors(harness)
    await harness.createUser({ username: 'pat', role: 'practitioner' })
    await harness.createUser({ username: 'paula', role: 'practitioner' })
    const { patId } = await openEpisodeFor(harness, id, { openedOn: '2026-11-02', headlines: ['HOUSING'] })

    await page.getByRole('link', { name: 'All open episodes' }).click()
    const row = page.getByRole('row', { name: /RV-000001/ })
    await expect(row).toContainText('Okafor')
    await expect(row.getByLabel('Lead for RV-000001')).toHaveValue(patId)
    await expectAccessible(page)
    await page.screenshot({ path: 'test-results/screens/all-open-episodes.png', fullPage: true })
    await row.getByLabel('Lead for RV-000001').selectOption({ label: 'Paula Practitioner' })
    await row.getByRole('button', { name: 'Change lead for RV-000001' }).click()
    await expect(page.getByText('RV-000001 is now led by Paula Practitioner.')).toBeVisible()

    const paula = await harness.openPage({ username: 'paula', role: 'practitioner' })
    await paula.getByRole('link', { name: 'My caseload' }).click()
    await expect(paula.getByRole('row', { name: /RV-000001/ })).toContainText('None yet')
    await expectAccessible(paula)
    const pat = await harness.openPage({ username: 'pat', role: 'practitioner' })
    await pat.getByRole('link', { name: 'My caseload' }).click()
    await expect(pat.getByText('You lead no open early-help episodes.')).toBeVisible()
  })
})

test('a practitioner closes an episode with outcomes; a manager approves the closure', async ({ page, harness }) => {
  const id = await registerOkafors(harness)
  await openEpisodeFor(harness, id, { openedOn: '2026-11-02', headlines: ['HOUSING', 'HEALTH'] })
  await page.goto(`${harness.url}#/families/${id}`)
  await page.getByRole('button', { name: 'Close the episode' }).click()
  // A date of the step-up typed before the reason changed is not sent, nor checked.
  await page.getByLabel(STEPPED_UP).check()
  await fillDate(page.locator('form'), 'Date of the step-up', ['31', '2', '2026'])
  await page.getByLabel('Outcomes achieved').check()
  await page.getByRole('group', { name: 'Outcome: Secure housing' }).getByLabel('Achieved', { exact: true }).check()
  await page.getByRole('button', { name: 'Close the episode' }).click()
  const summary = page.locator('.govuk-error-summary')
  await expect(summary).toContainText("Enter the family's view of the help they had")
  await page.getByLabel("The family's view of the help they had").fill('We are in a safer flat now.')
  await page.getByRole('button', { name: 'Close the episode' }).click()
  await expect(summary).toContainText('Select the outcome for this headline')
  await page.getByRole('group', { name: 'Outcome: Improved mental and physical health' }).getByLabel('Partly achieved').check()
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/close-episode.png', fullPage: true })
  await page.getByRole('button', { name: 'Close the episode' }).click()
  await expect(page.getByText("Its closure has been recorded and is waiting for a manager's approval.")).toBeVisible()
  await expect(page.getByRole('button', { name: 'Approve closure' })).toHaveCount(0)

  const molly = await harness.openPage({ username: 'molly', role: 'manager' })
  await molly.goto(`${harness.url}#/families/${id}`)
  await molly.getByRole('button', { name: 'Approve closure' }).click()
  // The closure is shown first, and approved only once the manager confirms; the episode says so.
  await expect(molly.getByRole('region', { name: 'The closure waiting for approval' })).toContainText('We are in a safer flat now.')
  await molly.getByRole('button', { name: 'Approve the closure' }).click()
  await molly.getByRole('button', { name: 'Yes, approve the closure' }).click()
  await expect(molly.getByText('Closure approved. The episode is closed.')).toBeVisible()
  await molly.getByRole('button', { name: 'Chronology' }).click()
  await expect(molly.locator('.app-timeline')).toContainText('Early-help episode closed: Outcomes achieved')
  await expect(molly.locator('.app-timeline')).toContainText("The family's view: We are in a safer flat now.")
})
