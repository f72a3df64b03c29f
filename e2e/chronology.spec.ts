// The chronology as a practitioner uses it with the keyboard alone: filtered by kind, person and
// dates (a range that is not one is refused next to its field), then printed: every page of the PDF
// carries the protective marking at its top and foot, the family's name, the date printed and its
// page number. The printed plan keeps none of the screen's chrome: no focus ring, no red for
// overdue (the words say it). At 1280, 1024 and 320 px wide, and as printed.
import { writeFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import type { Locator, Page } from '@playwright/test'
import { test, expect, expectAccessibleAtEveryImpact, type Harness } from './harness/fixtures'
import { openEpisodeFor, registerOkafors } from './harness/earlyHelp'
import { fitsNarrowScreen, shotsFolder, tabTo } from './harness/screen'
import { pdfPages, pdfText } from './harness/pdf'
import { formatDate, todayIso } from '../src/shared/dates'
import { requestInput } from '../src/main/referrals/testWorld'

const SHOTS = shotsFolder('chronology')
const shot = (name: string) => `${SHOTS}/${name}.png`

test.use({ account: { username: 'pat', role: 'practitioner' } })

/** A call to the core from the page: as the signed-in user, through the same bridge the screens use. */
const call = (page: Page, channel: string, input: unknown) =>
  page.evaluate(
    async ([c, i]) => {
      const result = await (window as any).casebook.invoke(c, i)
      if (!result.ok) throw new Error(`${c}: ${JSON.stringify(result.error)}`)
      return result.value
    },
    [channel, input] as const
  )

/** Tabs to a box and types over what it holds, with the keyboard alone. */
async function typeOver(page: Page, box: Locator, text: string) {
  await tabTo(page, box)
  await page.keyboard.press('Control+A')
  await page.keyboard.type(text)
}

/** The Okafors, an episode opened on 2 March 2026, a case note on each of 28 days of March (Catherine's on even days), and in April a note and a request for help about Catherine. */
async function world(page: Page, harness: Harness) {
  const familyId = await registerOkafors(harness)
  const episode = await openEpisodeFor(harness, familyId, { openedOn: '2026-03-02', headlines: ['HOUSING'] })
  const [{ id: catherine }] = await harness.casebook.core.db.query(`SELECT id FROM person WHERE family_id = ? AND given_name = 'Catherine'`, [familyId])
  const note = (day: string, about: string, text: string) =>
    call(page, 'notes.add', { familyId, occurredOn: day, occurredAt: '10:30', type: 'HOME_VISIT', peopleIds: [about], text, significant: false })
  for (let d = 1; d <= 28; d++) {
    const about = d % 2 === 0 ? catherine : episode.grace
    await note(
      `2026-03-${String(d).padStart(2, '0')}`,
      about,
      `Visit ${d}. We talked about the rent, the landlord's letter, the school run and how the nights are going. ` +
        'Grace said the health visitor had been helpful and that Catherine is sleeping better since the new routine started.'
    )
  }
  await note('2026-04-14', catherine, 'Catherine’s teacher says she is settled.')
  await call(page, 'referrals.logRequest', requestInput(familyId, [catherine], { receivedOn: '2026-04-02' }))
  return { familyId, catherine: catherine as string, ...episode }
}

test('filters the chronology with the keyboard, and prints it marked, named, dated and numbered on every page', async ({ page, harness }) => {
  const { familyId } = await world(page, harness)
  await page.goto(`${harness.url}#/families/${familyId}/chronology`)
  await expect(page.getByRole('heading', { name: 'Chronology', level: 1 })).toBeVisible()
  await expect(page.locator('.govuk-caption-l')).toHaveText('Okafor family (RV-000001)')
  const status = page.getByRole('status').filter({ hasText: /entries/ })
  await expect(status).toHaveText(/^\d+ entries$/)
  const total = Number((await status.textContent())!.split(' ')[0])
  const timeline = page.locator('.app-timeline')
  await expect(timeline.getByRole('heading')).toHaveCount(total)
  // Staff by name, not username.
  await expect(timeline).toContainText('by Pat Practitioner')
  await expect(timeline).not.toContainText('by pat ')
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Request for help received' })).toContainText('by Pat Practitioner · with Catherine Okafor')
  await expectAccessibleAtEveryImpact(page)
  await page.screenshot({ path: shot('chronology-1280'), fullPage: true })

  // Case notes about Catherine in March, with the keyboard alone: Space ticks, typing picks, Enter applies.
  await tabTo(page, page.getByRole('checkbox', { name: 'Case notes' }))
  await page.keyboard.press('Space')
  await tabTo(page, page.getByLabel('Who it is about'))
  await page.keyboard.type('Cath')
  await expect(page.getByLabel('Who it is about').locator('option:checked')).toHaveText('Catherine Okafor')
  const start = page.getByRole('group', { name: 'Start date (optional)' })
  const end = page.getByRole('group', { name: 'End date (optional)' })
  await tabTo(page, start.getByLabel('Day'))
  for (const part of ['1', '3', '2026']) {
    await page.keyboard.type(part)
    await page.keyboard.press('Tab')
  }
  for (const part of ['31', '3', '2026']) {
    await page.keyboard.type(part)
    await page.keyboard.press('Tab')
  }
  await expect(page.getByRole('button', { name: 'Apply filters' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(status).toHaveText(`Showing 14 of ${total} entries: case notes; about Catherine Okafor; from 1 March 2026 to 31 March 2026`)
  await expect(timeline.getByRole('heading')).toHaveCount(14)
  for (const meta of await timeline.locator('.app-timeline__meta').allTextContents())
    expect(meta).toMatch(/^\d+ March 2026, 10:30 · by Pat Practitioner · with Catherine Okafor$/)
  await expectAccessibleAtEveryImpact(page)
  await page.screenshot({ path: shot('chronology-filtered-1280'), fullPage: true })
  await page.setViewportSize({ width: 1024, height: 800 })
  await page.screenshot({ path: shot('chronology-filtered-1024'), fullPage: true })
  await page.setViewportSize({ width: 1280, height: 900 })

  // An end before the start is refused next to the end date, and the list stays as it was.
  await typeOver(page, end.getByLabel('Month'), '1')
  await page.keyboard.press('Enter')
  const summary = page.locator('.govuk-error-summary')
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link', { name: 'End date must be the same as or after the start date' })).toBeVisible()
  await expect(end).toContainText('Error: End date must be the same as or after the start date')
  await expect(timeline.getByRole('heading')).toHaveCount(14)
  // A day that is not one is refused next to its own field.
  await typeOver(page, start.getByLabel('Month'), '2')
  await typeOver(page, start.getByLabel('Day'), '30')
  await page.keyboard.press('Enter')
  await expect(start).toContainText('Error: Start date must be a real date')
  await expectAccessibleAtEveryImpact(page)
  await page.screenshot({ path: shot('chronology-errors-1280'), fullPage: true })
  await fitsNarrowScreen(page, shot('chronology-errors-320'))
  // The filters as a narrow screen shows them (the full page is too long to read in one picture).
  await page.setViewportSize({ width: 320, height: 1400 })
  await page.getByRole('heading', { name: 'Filter the chronology' }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: shot('chronology-errors-320-filters') })
  await page.setViewportSize({ width: 1280, height: 900 })
  // A day in the calendar before any family's record, a year before 1000 too: the filter says the earliest day it takes.
  await typeOver(page, start.getByLabel('Day'), '1')
  await typeOver(page, start.getByLabel('Year'), '0999')
  await page.keyboard.press('Enter')
  await expect(summary.getByRole('link', { name: 'Start date must be 1 January 1900 or later' })).toBeVisible()
  await expect(start).toContainText('Error: Start date must be 1 January 1900 or later')
  await expect(timeline.getByRole('heading')).toHaveCount(14)
  await page.screenshot({ path: shot('chronology-error-before-1900-1280'), fullPage: true })

  // Cleared, everything again; and the whole chronology printed.
  await tabTo(page, page.getByRole('button', { name: 'Clear filters' }))
  await page.keyboard.press('Enter')
  await expect(status).toHaveText(`${total} entries`)
  await expect(page.locator('.govuk-error-summary')).toHaveCount(0)
  await fitsNarrowScreen(page, shot('chronology-320'))

  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('button', { name: 'Apply filters' })).toBeHidden()
  await page.screenshot({ path: shot('chronology-print-emulated'), fullPage: true })
  const pdf = await page.pdf({ format: 'A4' })
  writeFileSync(`${SHOTS}/chronology.pdf`, pdf)
  const pages = await pdfPages(pdf)
  await page.emulateMedia({ media: 'screen' })
  expect(pages.length).toBeGreaterThan(1)
  const printedOn = formatDate(todayIso())
  pages.forEach((text, i) => {
    expect(text.match(/OFFICIAL-SENSITIVE/g), `page ${i + 1}: ${text}`).toHaveLength(2)
    expect(text, `page ${i + 1}`).toContain(`Chronology of Okafor family (RV-000001) · Printed on ${printedOn}`)
    expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`)
  })
  const all = pages.join(' ')
  for (const chrome of ['Apply filters', 'Add a case note', 'Sign out', 'Skip to main content']) expect(all).not.toContain(chrome)
  expect(all).toContain('Visit 1. We talked about the rent')
  expect(all).toContain('Catherine’s teacher says she is settled.')
})

test('the printed plan has no focus ring and no red: an overdue action says so in words', async ({ page, harness }) => {
  const familyId = await registerOkafors(harness)
  const { episodeId, grace } = await openEpisodeFor(harness, familyId, { openedOn: '2026-03-02', headlines: ['HOUSING'] })
  await call(page, 'plan.save', {
    episodeId,
    agreedOn: '2026-03-05',
    outcomes: [
      {
        id: randomUUID(),
        text: 'Grace knows the rent is paid',
        headline: 'HOUSING',
        peopleIds: [grace],
        actions: [
          { id: randomUUID(), what: 'Apply for discretionary housing payment', owner: `person:${grace}`, due: '2026-03-20', status: 'NOT_STARTED' },
          { id: randomUUID(), what: 'Ring the landlord', owner: `person:${grace}`, due: '2026-03-10', status: 'DONE' }
        ]
      }
    ]
  })
  await page.goto(`${harness.url}#/families/${familyId}/episodes/${episodeId}/plan/print`)
  await expect(page.getByRole('heading', { name: 'Our family plan' })).toBeVisible()
  const printed = page.locator('.app-print-document')
  await expect(printed).toContainText('Overdue since 20 March 2026')
  await expect(printed).toContainText('Pat Practitioner, Riverside Family Hub')
  await expect(printed.locator('.govuk-tag--red, .app-overdue')).toHaveCount(0)
  await expectAccessibleAtEveryImpact(page)
  await page.screenshot({ path: shot('plan-print-1280'), fullPage: true })
  await fitsNarrowScreen(page, shot('plan-print-320'))

  // What has focus is ringed on screen, and not on paper: the heading the page focuses as it opens
  // (printed at once with Ctrl+P), then the actions' table (it scrolls on a narrow screen, so it takes focus).
  const focusStyle = () =>
    page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!)
      return { outline: s.outlineStyle === 'none' || s.outlineColor === 'rgba(0, 0, 0, 0)' ? 'none' : s.outlineStyle, boxShadow: s.boxShadow }
    })
  const table = page.getByRole('region', { name: 'Actions for outcome 1' })
  for (const focused of [page.getByRole('heading', { name: 'Our family plan' }), table]) {
    if (focused === table) await tabTo(page, table)
    await expect(focused).toBeFocused()
    await page.emulateMedia({ media: 'screen' })
    const onScreen = await focusStyle()
    expect(onScreen.outline !== 'none' || onScreen.boxShadow !== 'none').toBe(true)
    await page.emulateMedia({ media: 'print' })
    expect(await focusStyle()).toEqual({ outline: 'none', boxShadow: 'none' })
  }
  // Nothing on the page is drawn in red: text, background or border.
  const red = await printed.evaluate((root) => {
    const reddish = (colour: string) => {
      const [r, g, b, a = 1] = (colour.match(/[\d.]+/g) ?? []).map(Number)
      return a > 0 && r! >= 150 && g! <= 100 && b! <= 100
    }
    return [root, ...Array.from(root.querySelectorAll('*'))]
      .filter((el) => (el as HTMLElement).offsetParent !== null || el === root)
      .flatMap((el) => {
        const s = getComputedStyle(el)
        return [s.color, s.backgroundColor, s.borderTopColor, s.borderLeftColor, s.outlineColor].filter(reddish).map((c) => `${el.tagName} ${c}`)
      })
  })
  expect(red).toEqual([])
  await page.screenshot({ path: shot('plan-print-emulated'), fullPage: true })
  const pdf = await page.pdf({ format: 'A4' })
  writeFileSync(`${SHOTS}/plan.pdf`, pdf)
  const text = await pdfText(pdf)
  expect(text).toContain('Overdue since 20 March 2026')
  expect(text).toContain('Pat Practitioner')
  expect(text).not.toContain('Back to the episode')
})
