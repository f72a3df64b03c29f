// Forms that respect time (issue 12, items 13 to 17): focus where the work starts and on what was
// saved, a shorter registration, several consents at once, moving a person by the search, long forms
// with a contents list and errors that say which outcome or person they are about; and WCAG 2.2:
// nothing scrolls sideways at 320 px, and the sticky family bar never hides the field with focus.
import type { Page } from '@playwright/test'
import { test, expect, type Harness } from './harness/fixtures'
import { signIn, signOut } from './harness/signIn'
import { dateParts, fillHousehold, fillPerson, member } from './harness/forms'
import { lookAt, shotsFolder, tabTo } from './harness/screen'
import { asColleague, CATHERINE, GRACE, openEpisodeFor, registerOkafors } from './harness/earlyHelp'
import { todayIso } from '../src/shared/dates'

const SHOTS = shotsFolder('forms')

const successBanner = (page: Page) => page.locator('.govuk-notification-banner--success')
const errorSummary = (page: Page) => page.locator('.govuk-error-summary').filter({ hasText: 'There is a problem' })

/**
 * The element with focus is in full view below the family bar (WCAG 2.2, 2.4.11): never under it,
 * whichever way the keyboard came.
 */
async function expectNotUnderTheBar(page: Page) {
  const where = await page.evaluate(() => {
    const focused = document.activeElement as HTMLElement | null
    const bar = document.querySelector('.app-identity-bar')
    if (!focused || !bar || bar.contains(focused) || focused === document.body) return null
    const field = focused.getBoundingClientRect()
    const covering = bar.getBoundingClientRect()
    // Above the bar is fine (the page's own header, with the page scrolled to the top); under it is not.
    return {
      label: focused.id || focused.textContent || focused.tagName,
      overlap: Math.max(0, Math.min(field.bottom, covering.bottom) - Math.max(field.top, covering.top))
    }
  })
  if (where) expect(where.overlap, `${where.label} is under the family bar`).toBe(0)
}

/**
 * Tabs forward to a field low on the page, on to the form's save button, then back up the form with
 * Shift+Tab, checking at every step that the focus is clear of the bar.
 */
async function walkTheFormByKeyboard(page: Page, target: ReturnType<Page['getByLabel']>, save: string, stepsBack: number) {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.evaluate(() => window.scrollTo(0, 0))
  await tabTo(page, target, 200)
  await expectNotUnderTheBar(page)
  const box = await target.boundingBox()
  expect(box!.y).toBeGreaterThan(0)
  // On to the end of the form, then back up it: the fields above come into view at the top of the window, where the bar is.
  await tabTo(page, page.getByRole('button', { name: save }), 200)
  await expectNotUnderTheBar(page)
  for (let i = 0; i < stepsBack; i++) {
    await page.keyboard.press('Shift+Tab')
    await expectNotUnderTheBar(page)
  }
}

test('sign-in puts focus on the username, and a save puts it on the success message', async ({ page }) => {
  await signOut(page)
  await expect(page.getByLabel('Username')).toBeFocused()
  await lookAt(page, SHOTS, 'sign-in')
  await page.keyboard.type('reception1')
  await signIn(page, 'reception1')
  await expect(page.getByLabel('Search people and families')).toBeVisible()

  await page.getByRole('link', { name: 'Register a family', exact: true }).click()
  await fillHousehold(page, { address: '3 Station Road', town: 'Leeds', postcode: 'LS11 5AB' })
  await page.getByRole('button', { name: 'Add an adult' }).click()
  await fillPerson(member(page, 'Adult 1'), { first: 'Maya', last: 'Patel', born: ['14', '2', '1990'], sex: 'Female', ethnicity: 'Indian' })
  await page.getByRole('button', { name: 'Save family' }).click()
  await expect(successBanner(page)).toContainText('Family registered. Their reference is RV-000001.')
  await expect(successBanner(page)).toBeFocused()
  await lookAt(page, SHOTS, 'family-saved')
})

test('registration keeps rarely used fields behind "Add more details", names the member in each error, and a restored registration can be discarded', async ({
  page,
  harness
}) => {
  await page.getByRole('link', { name: 'Register a family', exact: true }).click()
  await fillHousehold(page, { address: '12 Acacia Road', town: 'Birmingham', postcode: 'B33 8TH' })
  for (const kind of ['Add an adult', 'Add a child', 'Add a child', 'Add an unborn baby']) await page.getByRole('button', { name: kind }).click()

  // Each member's rarely used fields are closed; an unborn baby has none.
  const adultDetails = member(page, 'Adult 1').getByRole('button', { name: 'Add more details for Adult 1' })
  await expect(adultDetails).toHaveAttribute('aria-expanded', 'false')
  await expect(member(page, 'Adult 1').getByLabel('GP practice')).toHaveCount(0)
  await expect(member(page, 'Unborn baby 1').getByRole('button', { name: /Add more details/ })).toHaveCount(0)
  await fillPerson(member(page, 'Adult 1'), { first: '', last: 'Okafor', born: dateParts(-31), sex: 'Female', ethnicity: 'Black African' })

  const child1 = member(page, 'Child 1')
  await fillPerson(child1, { first: 'Catherine', last: 'Okafor', born: ['3', '7', '2019'], sex: 'Female', ethnicity: 'Black African' })
  await child1.getByRole('button', { name: 'Add more details for Child 1' }).click()
  await expect(child1.getByRole('button', { name: 'Add more details for Child 1' })).toHaveAttribute('aria-expanded', 'true')
  await child1.getByLabel('School or setting').fill('Acacia Primary')
  await child1.getByLabel('Hearing').check()

  // Child 2's GP practice is too long, then its details are closed again: the error opens them.
  const child2 = member(page, 'Child 2')
  await fillPerson(child2, { first: 'Mohammed', last: 'Okafor', sex: 'Male', ethnicity: 'Black African' })
  const child2Details = child2.getByRole('button', { name: 'Add more details for Child 2' })
  await child2Details.click()
  await child2.getByLabel('GP practice').fill('x'.repeat(201))
  await child2Details.click()
  await expect(child2.getByLabel('GP practice')).toHaveCount(0)
  await fillPerson(member(page, 'Unborn baby 1'), { last: 'Okafor', due: dateParts(0, 3) })
  await page.getByRole('button', { name: 'Save family' }).click()

  const summary = errorSummary(page)
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link', { name: 'Adult 1: Enter first name', exact: true })).toBeVisible()
  await expect(summary.getByRole('link', { name: /^Child 2: Enter date of birth$/ })).toBeVisible()
  await expect(summary.getByRole('link', { name: /^Child 2: GP practice must be 200 characters or fewer$/ })).toBeVisible()
  // Beside the field, the message needs no name: it is in the member's section.
  await expect(child2.locator('.govuk-error-message', { hasText: 'Enter date of birth' })).toBeVisible()
  await expect(child2Details).toHaveAttribute('aria-expanded', 'true')
  await summary.getByRole('link', { name: /^Child 2: GP practice/ }).click()
  await expect(child2.getByLabel('GP practice')).toBeFocused()
  await lookAt(page, SHOTS, 'register-errors')

  // Away to find a family and back: the registration comes back, and says so.
  await page.getByRole('link', { name: 'Find a family' }).click()
  await expect(page.getByLabel('Search people and families')).toBeVisible()
  await page.getByRole('link', { name: 'Register a family', exact: true }).click()
  await expect(page.getByText(/^Your unsaved registration from \d\d:\d\d has been brought back\.$/)).toBeVisible()
  await expect(member(page, 'Child 1').getByLabel('School or setting')).toHaveValue('Acacia Primary')
  await expect(member(page, 'Child 1').getByRole('button', { name: 'Add more details for Child 1' })).toHaveAttribute('aria-expanded', 'true')
  await expect(page.getByRole('group', { name: 'Household' }).getByLabel('Postcode')).toHaveValue('B33 8TH')
  await lookAt(page, SHOTS, 'register-restored')

  await page.getByRole('button', { name: 'Discard it and start again' }).click()
  await expect(page.getByRole('heading', { name: 'Register a family', level: 1 })).toBeFocused()
  await expect(page.getByText(/has been brought back/)).toHaveCount(0)
  await expect(member(page, 'Adult 1')).toHaveCount(0)
  await expect(page.getByRole('group', { name: 'Household' }).getByLabel('Postcode')).toHaveValue('')
  // Discarded for good: going away and back brings nothing back.
  await page.getByRole('link', { name: 'Find a family' }).click()
  await page.getByRole('link', { name: 'Register a family', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Register a family', level: 1 })).toBeVisible()
  await expect(page.getByText(/has been brought back/)).toHaveCount(0)

  const [{ n }] = await harness.casebook.core.db.query('SELECT count(*) AS n FROM person')
  expect(n).toBe(0)
})

test('the duplicate warning keeps the headings in order, on the registration form and on a person’s own form', async ({ page, harness }) => {
  const familyId = await registerOkafors(harness)
  await page.getByRole('link', { name: 'Register a family', exact: true }).click()
  await fillHousehold(page, { address: '12 Acacia Road', town: 'Birmingham', postcode: 'B33 8TH' })
  await page.getByRole('button', { name: 'Add a child' }).click()
  await fillPerson(member(page, 'Child 1'), { first: 'Catherine', last: 'Okafor', born: ['3', '7', '2019'], sex: 'Female', ethnicity: 'Black African' })
  await page.getByRole('button', { name: 'Save family' }).click()
  const warning = page.getByRole('region', { name: 'Possible duplicates of Catherine Okafor' })
  await expect(warning).toBeFocused()
  await expect(warning.getByRole('heading', { level: 4, name: 'Catherine Okafor may already be on record' })).toBeVisible()
  await lookAt(page, SHOTS, 'register-duplicate')

  await page.goto(`${harness.url}#/families/${familyId}/add/child`)
  await fillPerson(page.locator('form'), { first: 'Catherine', last: 'Okafor', born: ['3', '7', '2019'], sex: 'Female', ethnicity: 'Black African' })
  await page.getByRole('button', { name: 'Save child' }).click()
  const again = page.getByRole('region', { name: 'Possible duplicates of Catherine Okafor' })
  await expect(again).toBeFocused()
  await expect(again.getByRole('heading', { level: 2, name: 'Catherine Okafor may already be on record' })).toBeVisible()
  await lookAt(page, SHOTS, 'add-member-duplicate')
})

test('several kinds of consent are recorded at once, each its own record', async ({ page, harness }) => {
  const familyId = await registerOkafors(harness)
  await page.goto(`${harness.url}#/families/${familyId}`)
  await page.getByRole('button', { name: 'Record consent' }).first().click()
  await expect(page.getByRole('heading', { name: 'Record consent', level: 1 })).toBeVisible()
  await page.getByLabel('Who gave consent').selectOption({ label: 'Grace Okafor' })
  await page.getByRole('group', { name: 'How consent was given' }).getByLabel('Written').check()
  await page.getByRole('button', { name: 'Record consent' }).click()
  await expect(errorSummary(page).getByRole('link', { name: 'Select what was agreed' })).toBeVisible()

  const agreed = page.getByRole('group', { name: 'What was agreed' })
  await agreed.getByLabel('Registration with the hub').check()
  await agreed.getByLabel('Being contacted by the hub').check()
  await agreed.getByLabel('Sharing information with a named agency').check()
  await page.getByLabel('Agency, if it is not in the directory').fill('Health visiting team')
  await lookAt(page, SHOTS, 'consent-several')
  await page.getByRole('button', { name: 'Record consent' }).click()
  await expect(successBanner(page)).toBeFocused()
  await expect(successBanner(page)).toContainText('Consent recorded.')
  const table = page.getByRole('table', { name: 'Consent recorded' })
  await expect(table).toContainText('Registration with the hub')
  await expect(table).toContainText('Being contacted by the hub')
  await expect(table).toContainText('Sharing information with a named agency: Health visiting team')
  const rows = await harness.casebook.core.db.query(`SELECT scope, method FROM consent ORDER BY scope`)
  expect(rows).toEqual([
    { scope: 'CONTACT', method: 'WRITTEN' },
    { scope: 'REGISTRATION', method: 'WRITTEN' },
    { scope: 'SHARING', method: 'WRITTEN' }
  ])
  const [{ n }] = await harness.casebook.core.db.query(`SELECT count(*) AS n FROM audit_entry WHERE record_type = 'consent' AND action = 'create'`)
  expect(n).toBe(3)
  // Each is withdrawn on its own.
  await expect(page.getByRole('button', { name: 'Withdraw consent to being contacted by the hub' })).toBeVisible()
})

test('moving a person to another family finds that family with the search', async ({ page, harness }) => {
  const okafors = await registerOkafors(harness)
  await asColleague(harness, 'earlier', 'families.register', {
    family: { addressLine1: '9 Park Avenue', town: 'Bradford', postcode: 'BD8 7QT', mainLanguage: 'English' },
    members: [{ member: { ...GRACE, givenName: 'Sana', familyName: 'Iqbal', dateOfBirth: '1988-03-12' } }]
  })
  await page.goto(`${harness.url}#/families/${okafors}`)
  await page.getByRole('link', { name: 'Move Catherine Okafor to another family' }).click()
  await expect(page.getByRole('heading', { name: 'Move Catherine Okafor to another family', level: 1 })).toBeFocused()
  await tabTo(page, page.getByLabel('Find the family they are joining'))
  // Her own family is not offered.
  await page.keyboard.type('Okafor')
  await expect(page.getByRole('status').filter({ hasText: 'No other family found' })).toBeVisible()
  await page.getByLabel('Find the family they are joining').fill('Iqbal')
  await expect(page.getByRole('status').filter({ hasText: '1 family found' })).toBeVisible()
  const found = page.getByRole('list', { name: 'Families found' })
  await expect(found).toContainText('RV-000002')
  await expect(found).toContainText('Sana Iqbal')
  await expect(found).toContainText('9 Park Avenue, Bradford, BD8 7QT')
  await lookAt(page, SHOTS, 'move-person-search')
  await tabTo(page, page.getByRole('button', { name: 'Choose family RV-000002' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'The family Catherine Okafor is joining' })).toBeFocused()
  await lookAt(page, SHOTS, 'move-person-confirm')
  await tabTo(page, page.getByRole('button', { name: 'Move Catherine Okafor' }))
  await page.keyboard.press('Enter')
  await expect(successBanner(page)).toBeFocused()
  await expect(successBanner(page)).toContainText('Catherine Okafor has joined this family. Their records came with them.')
  await expect(page.getByRole('table', { name: 'Members of the family' })).toContainText('Catherine Okafor')
  const [{ reference }] = await harness.casebook.core.db.query(
    `SELECT f.reference FROM person p JOIN family f ON f.id = p.family_id WHERE p.given_name = 'Catherine'`
  )
  expect(reference).toBe('RV-000002')
})

test('the highlighted search row is outlined at 3:1 or more against the page and the row', async ({ page, harness }) => {
  await registerOkafors(harness)
  const search = page.getByLabel('Search people and families')
  await search.fill('Okafor')
  const active = page.locator('.app-results__row--active')
  await expect(active).toHaveCount(1)
  const colours = await active.evaluate((row) => {
    const rgb = (css: string) => (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number)
    return { outline: rgb(getComputedStyle(row).outlineColor), width: getComputedStyle(row).outlineWidth, row: rgb(getComputedStyle(row).backgroundColor) }
  })
  // WCAG's relative luminance and contrast ratio.
  const luminance = (rgb: number[]) => {
    const [r, g, b] = rgb.map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4))
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
  }
  const contrast = (a: number[], b: number[]) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
    return (hi! + 0.05) / (lo! + 0.05)
  }
  expect(colours.width).toBe('3px')
  // Against the white page around the row, and the row's own tint inside it.
  expect(contrast(colours.outline, [255, 255, 255])).toBeGreaterThanOrEqual(3)
  expect(contrast(colours.outline, colours.row)).toBeGreaterThanOrEqual(3)
  await lookAt(page, SHOTS, 'search-highlighted-row')
})

test.describe('a practitioner', () => {
  test.use({ account: { username: 'pat', role: 'practitioner' } })

  async function episode(harness: Harness) {
    const familyId = await registerOkafors(harness, [GRACE, CATHERINE, { ...CATHERINE, givenName: 'Tyler', dateOfBirth: '2021-05-01', sex: 'M' }])
    const opened = await openEpisodeFor(harness, familyId, { openedOn: todayIso(), headlines: ['HOUSING'], reason: 'Rent arrears' })
    return { familyId, ...opened }
  }

  test('the assessment has a contents list, names the person in each error, and keeps the focused field clear of the family bar', async ({ page, harness }) => {
    const { familyId, episodeId } = await episode(harness)
    await page.goto(`${harness.url}#/families/${familyId}/episodes/${episodeId}/assessment`)
    const contents = page.getByRole('navigation', { name: 'Contents' })
    await expect(contents.getByRole('link')).toHaveText([
      'Catherine Okafor',
      'Tyler Okafor',
      'Parents and carers',
      "The family's own words",
      'Supporting Families headlines'
    ])
    await contents.getByRole('link', { name: 'Tyler Okafor' }).click()
    await expect(page.getByRole('heading', { name: 'Tyler Okafor', level: 2 })).toBeFocused()
    await expectNotUnderTheBar(page)

    const completed = page.getByRole('group', { name: 'Date completed' })
    const [d, m, y] = todayIso().split('-').reverse()
    await completed.getByLabel('Day').fill(String(Number(d)))
    await completed.getByLabel('Month').fill(String(Number(m)))
    await completed.getByLabel('Year').fill(y!)
    await page.getByRole('button', { name: 'Save assessment' }).click()
    const summary = errorSummary(page)
    await expect(summary).toBeFocused()
    await expect(summary.getByRole('link', { name: "Catherine Okafor: Select the level of need for child's development", exact: true })).toBeVisible()
    await expect(summary.getByRole('link', { name: "Tyler Okafor: Select the level of need for child's development", exact: true })).toBeVisible()
    await expect(summary.getByRole('link', { name: 'Parents and carers: Select the level of need for parents and carers', exact: true })).toBeVisible()
    await lookAt(page, SHOTS, 'assessment-errors')

    await walkTheFormByKeyboard(page, page.getByLabel('Strengths: family and environment').nth(1), 'Save assessment', 40)
  })

  test('the plan has a contents list, names the outcome in each error, and keeps the focused field clear of the family bar', async ({ page, harness }) => {
    const { familyId, episodeId } = await episode(harness)
    await page.goto(`${harness.url}#/families/${familyId}/episodes/${episodeId}/plan`)
    await page.getByRole('button', { name: 'Add another outcome' }).click()
    await page.getByLabel('Outcome 2: headline').selectOption({ label: 'Secure housing' })
    await page.getByLabel('Outcome 1: what will be different, and for whom').fill('Grace knows the rent is paid')
    const contents = page.getByRole('navigation', { name: 'Contents' })
    await expect(contents.getByRole('link')).toHaveText(['Outcome 1', 'Outcome 2 (Secure housing)'])
    await page.getByRole('button', { name: 'Save the plan' }).click()
    const summary = errorSummary(page)
    await expect(summary).toBeFocused()
    await expect(summary.getByRole('link', { name: 'Outcome 1: Select the headline this outcome is for', exact: true })).toBeVisible()
    await expect(summary.getByRole('link', { name: 'Outcome 2 (Secure housing): Enter what will be different, and for whom', exact: true })).toBeVisible()
    await expect(summary.getByRole('link', { name: 'Outcome 2 (Secure housing), action 2.1: Enter what will be done', exact: true })).toBeVisible()
    await expect(summary.getByRole('link', { name: 'Outcome 1, action 1.1: Select who will do it', exact: true })).toBeVisible()
    await lookAt(page, SHOTS, 'plan-errors')

    await contents.getByRole('link', { name: 'Outcome 2 (Secure housing)' }).click()
    await expect(page.getByRole('heading', { name: 'Outcome 2', exact: true })).toBeFocused()
    await expectNotUnderTheBar(page)
    await walkTheFormByKeyboard(page, page.getByLabel('Action 2.1: where it has got to'), 'Save the plan', 30)
  })

  test('the review has a contents list, names the outcome in each error, and keeps the focused field clear of the family bar', async ({ page, harness }) => {
    const { familyId, episodeId, grace } = await episode(harness)
    const outcome = (text: string, headline: string, what: string) => ({
      id: crypto.randomUUID(),
      text,
      headline,
      peopleIds: [grace],
      actions: [{ id: crypto.randomUUID(), what, owner: `person:${grace}`, due: todayIso(), status: 'NOT_STARTED' }]
    })
    await asColleague(harness, 'pat', 'plan.save', {
      episodeId,
      agreedOn: todayIso(),
      outcomes: [outcome('The rent is paid', 'HOUSING', 'Apply for help with rent'), outcome('Grace sleeps well', 'HEALTH', 'See the GP')]
    })
    await page.goto(`${harness.url}#/families/${familyId}/episodes/${episodeId}/review`)
    const contents = page.getByRole('navigation', { name: 'Contents' })
    await expect(contents.getByRole('link')).toHaveText([
      'The review',
      'Outcome 1 (Secure housing)',
      'Outcome 2 (Improved mental and physical health)',
      'The next review'
    ])
    await page.getByRole('button', { name: 'Save the review' }).click()
    const summary = errorSummary(page)
    await expect(summary).toBeFocused()
    await expect(summary.getByRole('link', { name: 'Outcome 1 (Secure housing): Select a score from 0 to 10', exact: true })).toBeVisible()
    await expect(summary.getByRole('link', { name: 'Outcome 2 (Improved mental and physical health): Select a score from 0 to 10', exact: true })).toBeVisible()
    await lookAt(page, SHOTS, 'review-errors')

    await contents.getByRole('link', { name: 'The next review' }).click()
    await expect(page.getByRole('heading', { name: 'The next review' })).toBeFocused()
    await walkTheFormByKeyboard(page, page.getByLabel('Comment on outcome 2 (optional)'), 'Save the review', 20)
  })
})
