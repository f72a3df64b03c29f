// A draft belongs to one record and is never written behind the user's back: a form opened for
// another family starts afresh, a saved note leaves no draft, and a save that fails says so.
import type { Page } from '@playwright/test'
import { test, expect, expectAccessible } from './harness/fixtures'
import { signIn, signOut } from './harness/signIn'
import { asColleague, registerOkafors } from './harness/earlyHelp'
import { fillTheDisk, makeSpace } from './harness/disk'
import { fillDate } from './harness/forms'
import { addDays, isoToDateParts, todayIso } from '../src/shared/dates'
import type { Harness } from './harness/fixtures'

test.use({ account: { username: 'pat', role: 'practitioner' } })

/** The Lees of 4 Elm Grove: a second family, registered at another desk. */
async function registerLees(harness: Pick<Harness, 'casebook'>): Promise<string> {
  const family = await asColleague(harness, 'earlier', 'families.register', {
    family: { addressLine1: '4 Elm Grove', town: 'Leeds', postcode: 'LS8 2PF', mainLanguage: 'English' },
    members: [
      { member: { kind: 'adult', givenName: 'Ann', familyName: 'Lee', dateOfBirth: '1990-05-01', sex: 'F', ethnicity: 'CHNE', relationship: 'PARENT_CARER' } }
    ]
  })
  return family.id as string
}

/** The draft the signed-in practitioner has for `key`, as the database holds it. */
async function draftText(harness: Harness, key: string): Promise<string | null> {
  const [row] = await harness.casebook.core.db.query(`SELECT payload FROM draft WHERE draft_key = ? AND user_name = 'pat'`, [key])
  return row ? (JSON.parse(row.payload).text as string) : null
}

/** Changes the address as someone typing it in (or following a stale link) would. */
const goTo = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash)

test('a form belongs to one family: another family’s form opened by the address starts empty, and each draft comes back only to its own family', async ({
  page,
  harness
}) => {
  const okafors = await registerOkafors(harness)
  const lees = await registerLees(harness)
  const note = page.getByLabel('Note', { exact: true })

  await page.goto(`${harness.url}#/families/${okafors}/notes/new`)
  await expect(page.locator('.govuk-caption-l')).toHaveText('Okafor family (RV-000001)')
  await note.fill('Grace says the boiler is fixed.')
  await expect.poll(() => draftText(harness, `case-note:${okafors}`)).toBe('Grace says the boiler is fixed.')

  await goTo(page, `#/families/${lees}/notes/new`)
  await expect(page.locator('.govuk-caption-l')).toHaveText('Lee family (RV-000002)')
  await expect(note).toHaveValue('')
  await expect(page.getByText(/has been brought back/)).toHaveCount(0)
  await note.fill('Ann asked about the toddler group.')
  await expect.poll(() => draftText(harness, `case-note:${lees}`)).toBe('Ann asked about the toddler group.')

  await goTo(page, `#/families/${okafors}/notes/new`)
  await expect(page.locator('.govuk-caption-l')).toHaveText('Okafor family (RV-000001)')
  await expect(page.getByText(/Your unsaved note from \d\d:\d\d has been brought back\./)).toBeVisible()
  await expect(note).toHaveValue('Grace says the boiler is fixed.')
  expect(await draftText(harness, `case-note:${okafors}`)).toBe('Grace says the boiler is fixed.')
  expect(await draftText(harness, `case-note:${lees}`)).toBe('Ann asked about the toddler group.')

  // A form without a draft is keyed to its record too: the second family's details, not the first's edits.
  await goTo(page, `#/families/${okafors}/edit`)
  const town = page.getByLabel('Town or city')
  await expect(town).toHaveValue('Birmingham')
  await town.fill('Wakefield')
  await goTo(page, `#/families/${lees}/edit`)
  await expect(page.locator('.govuk-caption-l')).toHaveText('Lee family (RV-000002)')
  await expect(town).toHaveValue('Leeds')
  await expect(page.getByLabel('Address line 1')).toHaveValue('4 Elm Grove')
})

test('a note saved with Enter, without leaving the field, leaves no draft behind', async ({ page, harness }) => {
  const id = await registerOkafors(harness)
  const key = `case-note:${id}`
  await page.clock.install()
  await page.goto(`${harness.url}#/families/${id}/notes/new`)
  await page.getByLabel('Home visit').check()
  await page.getByLabel('Note', { exact: true }).fill('Visited: the rent is being paid.')
  // The day before: a time today is refused until it has come, and the test runs at any hour.
  const { day, month, year } = isoToDateParts(addDays(todayIso(), -1))
  await fillDate(page.locator('form'), 'Date of the contact', [day, month, year])
  await expect.poll(() => draftText(harness, key)).toBe('Visited: the rent is being paid.')
  // The last change is typed into a text box and sent with Enter: a draft save is still waiting.
  const time = page.getByLabel('Time')
  await time.fill('')
  await time.pressSequentially('10:30')
  await time.press('Enter')
  await expect(page.getByText('Case note saved.')).toBeVisible()
  // Any draft timer the form left would have fired by now.
  await page.clock.runFor(10_000)

  // Opening a new note shows a blank form: nothing of the saved note came back as a draft.
  await page.goto(`${harness.url}#/families/${id}/notes/new`)
  await expect(page.getByRole('heading', { name: 'Add a case note' })).toBeVisible()
  await expect(page.getByLabel('Note', { exact: true })).toHaveValue('')
  await expect(page.getByText(/has been brought back/)).toHaveCount(0)
  // Signing out saves every draft still waiting and is answered only once they are all in the
  // database: after it, one read of the draft table is final (a poll would pass at the first null).
  await signOut(page)
  expect(await draftText(harness, key)).toBeNull()
  const [{ n }] = await harness.casebook.core.db.query(`SELECT count(*) AS n FROM case_note WHERE family_id = ?`, [id])
  expect(n).toBe(1)
})

test('a draft that cannot be saved says so and keeps what was typed; it is saved at the next change once it can be', async ({ page, harness }) => {
  const id = await registerOkafors(harness)
  const key = `case-note:${id}`
  await page.goto(`${harness.url}#/families/${id}/notes/new`)
  const note = page.getByLabel('Note', { exact: true })
  await note.fill('Grace rang.')
  await expect(page.getByText(/^Draft saved at \d\d:\d\d$/)).toBeVisible()

  // The disk fills up; a long note needs more room than the database has.
  await fillTheDisk(harness.casebook)
  const long = 'Grace described the week: the bailiffs came on Monday, the school rang on Tuesday. '.repeat(80)
  await note.fill(long)
  const failed = page.getByRole('alert').filter({ hasText: 'Your draft could not be saved' })
  await expect(failed).toHaveText(
    'Your draft could not be saved. The disk is full. Ask IT to make space on the disk. What you typed is still on the screen, and Casebook will try again as you type.'
  )
  await expect(failed).toBeInViewport()
  await expect(page.getByText(/^Draft saved at/)).toHaveCount(0)
  await expect(note).toHaveValue(long)
  expect(await draftText(harness, key)).toBe('Grace rang.')
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/draft-failed.png', fullPage: true })
  // On a narrow screen the message waits by the buttons rather than cover the note being typed.
  await page.setViewportSize({ width: 320, height: 640 })
  await failed.scrollIntoViewIfNeeded()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
  await page.screenshot({ path: 'test-results/screens/draft-failed-320.png' })
  await page.setViewportSize({ width: 1280, height: 900 })

  // Room again: the next change saves the whole note, and the message goes.
  await makeSpace(harness.casebook)
  await note.press('End')
  await note.pressSequentially(' Done.')
  await expect(page.getByText(/^Draft saved at \d\d:\d\d$/)).toBeVisible()
  await expect(failed).toHaveCount(0)
  await expect.poll(() => draftText(harness, key)).toBe(`${long} Done.`)
})

test('signing out straight after typing keeps the note as a draft for when they come back', async ({ page, harness }) => {
  const id = await registerOkafors(harness)
  await page.clock.install()
  await page.goto(`${harness.url}#/families/${id}/notes/new`)
  const note = page.getByLabel('Note', { exact: true })
  await expect(note).toBeEditable()
  // The page's timers stand still (from a minute on, a time never already past however slow the
  // machine): only signing out can save what is typed.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 60_000)
  await note.fill('Grace rang as I was leaving')
  await signOut(page)
  expect(await draftText(harness, `case-note:${id}`)).toBe('Grace rang as I was leaving')

  await signIn(page, 'pat')
  await page.goto(`${harness.url}#/families/${id}/notes/new`)
  await expect(page.getByText(/Your unsaved note from \d\d:\d\d has been brought back\./)).toBeVisible()
  await expect(note).toHaveValue('Grace rang as I was leaving')
})
