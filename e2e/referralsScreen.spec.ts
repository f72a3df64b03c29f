// The Referrals screen: a practitioner filters requests and referrals with the keyboard alone, reads
// the counts per status and the months' table beside the chart; reception sees where each has got
// to but not whom a referral went to; a family's page shows its referrals. At 1280 and 320 px wide.
import { test, expect, expectAccessible, type Harness } from './harness/fixtures'
import { asColleague, openEpisodeFor, registerOkafors } from './harness/earlyHelp'
import { fitsNarrowScreen, tabTo } from './harness/screen'
import { directoryRows, requestInput } from '../src/main/referrals/testWorld'
import { insertOutboundSql, outboundValues } from '../src/main/referrals/overviewWorld'
import { addMonths, todayIso } from '../src/shared/dates'
import type { OutboundStatus } from '../src/shared/referrals/outbound'

const screens = (name: string) => `test-results/screens/${name}.png`
const today = todayIso()
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const monthName = (day: string) => `${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`

/** The Okafors, two requests about Catherine (one two months old), and two referrals on to Riverside Health's health visiting. */
async function world(harness: Harness) {
  const directory = await directoryRows(harness.casebook)
  const familyId = await registerOkafors(harness)
  const [{ id: catherine }] = await harness.casebook.core.db.query(`SELECT id FROM person WHERE family_id = ? AND given_name = 'Catherine'`, [familyId])
  const [{ id: userId }] = await harness.casebook.core.db.query(`SELECT id FROM app_user ORDER BY username LIMIT 1`)
  const old = addMonths(today, -2)
  await asColleague(harness, 'rita', 'referrals.logRequest', requestInput(familyId, [catherine], { receivedOn: old, organisationId: directory.organisationId }))
  await asColleague(harness, 'rita', 'referrals.logRequest', requestInput(familyId, [catherine], { receivedOn: today, receivedTime: '00:00' }))
  const refer = (status: OutboundStatus, createdAt: string, episodeId: string | null = null) =>
    harness.casebook.core.writes.run((m) =>
      m.query(
        insertOutboundSql,
        outboundValues({ familyId, serviceId: directory.serviceId, organisationId: directory.organisationId, status, createdAt, userId, episodeId })
      )
    )
  await refer('sent', new Date(`${old}T11:00:00`).toISOString())
  await refer('acknowledged', new Date(`${today}T00:00:00`).toISOString())
  return { familyId, refer }
}

test.describe('a practitioner', () => {
  test.use({ account: { username: 'pat', role: 'practitioner' } })

  test('filters the referrals with the keyboard alone, and reads the counts and the months', async ({ page, harness }) => {
    const { familyId, refer } = await world(harness)
    await tabTo(page, page.getByRole('link', { name: 'Referrals', exact: true }))
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: 'Referrals', level: 1 })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Showing 1 to 4 of 4' })).toBeVisible()

    const counts = page.getByRole('region', { name: 'How many of each status' })
    await expect(counts.getByRole('row', { name: 'Request waiting for a decision 2' })).toBeVisible()
    await expect(counts.getByRole('row', { name: 'Referral sent 1' })).toBeVisible()
    await expect(counts.getByRole('row', { name: 'Referral acknowledged 1' })).toBeVisible()
    await expect(counts.getByRole('row', { name: 'Referral completed 0' })).toBeVisible()
    // The chart is to look at; its numbers are the table's, which is what a screen reader reads.
    const months = page.getByRole('table', { name: 'Requests and referrals per month' })
    await expect(months.getByRole('row', { name: `${monthName(today)} 1 1` })).toBeVisible()
    await expect(months.getByRole('row', { name: `${monthName(addMonths(today, -2))} 1 1` })).toBeVisible()
    await expect(page.locator('.app-referrals-chart')).toHaveAttribute('aria-hidden', 'true')
    await expect(page.locator('.app-referrals-chart .recharts-bar-rectangle').first()).toBeVisible()
    await expectAccessible(page)
    await page.screenshot({ path: screens('referrals'), fullPage: true })

    // Referrals on, sent, to Riverside Health, made since the first of January last year, overdue.
    await tabTo(page, page.getByRole('radio', { name: 'In and out' }))
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await expect(page.getByRole('radio', { name: 'Referrals on (out)' })).toBeChecked()
    await tabTo(page, page.getByLabel('Status', { exact: true }))
    await page.keyboard.type('Referral s')
    await expect(page.getByLabel('Status', { exact: true })).toHaveValue('out-sent')
    await tabTo(page, page.getByLabel('Search the directory'))
    await page.keyboard.type('Riverside')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('radio', { name: 'Riverside Health' })).toBeVisible()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Space')
    await expect(page.getByRole('radio', { name: 'Riverside Health' })).toBeChecked()
    const from = page.getByRole('group', { name: 'Start date (optional)' })
    await tabTo(page, from.getByLabel('Day'))
    await page.keyboard.type('1')
    await page.keyboard.press('Tab')
    await page.keyboard.type('1')
    await page.keyboard.press('Tab')
    await page.keyboard.type(String(Number(today.slice(0, 4)) - 1))
    await tabTo(page, page.getByLabel('Only the overdue'))
    await page.keyboard.press('Space')
    await tabTo(page, page.getByRole('button', { name: 'Show referrals' }))
    await page.keyboard.press('Enter')

    await expect(page.getByRole('heading', { name: 'Showing 1 to 1 of 1' })).toBeVisible()
    const list = page.getByRole('table', { name: 'Requests and referrals', exact: true })
    await expect(list.getByRole('row')).toHaveCount(2)
    await expect(list).toContainText('Health visiting, Riverside Health')
    await expect(list).toContainText('Referral sent')
    await expect(list).toContainText('Not acknowledged in time')
    // The counts follow the direction, organisation and dates: not the status or overdue chosen.
    await expect(counts.getByRole('row', { name: 'Referral acknowledged 1' })).toBeVisible()
    await expect(counts.getByRole('row', { name: /^Request/ })).toHaveCount(0)
    await expectAccessible(page)
    await page.screenshot({ path: screens('referrals-filtered'), fullPage: true })
    await fitsNarrowScreen(page, screens('referrals-filtered-320'))

    // A problem is said next to its field.
    await tabTo(page, page.getByRole('group', { name: 'End date (optional)' }).getByLabel('Day'))
    await page.keyboard.type('1')
    await page.keyboard.press('Tab')
    await page.keyboard.type('1')
    await page.keyboard.press('Tab')
    await page.keyboard.type(String(Number(today.slice(0, 4)) - 2))
    await tabTo(page, page.getByRole('button', { name: 'Show referrals' }))
    await page.keyboard.press('Enter')
    await expect(page.locator('.govuk-error-summary')).toContainText('End date must be the same as or after the start date')
    await expectAccessible(page)

    // An episode's page shows the episode's own: here the one referral made from it.
    const { episodeId } = await openEpisodeFor(harness, familyId, { openedOn: today, headlines: ['HEALTH'] })
    await refer('draft', new Date().toISOString(), episodeId)
    await page.goto(`${harness.url}#/families/${familyId}/episodes/${episodeId}`)
    const section = page.getByRole('region', { name: 'Referrals of this episode', exact: true })
    await expect(section).toContainText('1 request or referral, newest first.')
    await expect(section.getByRole('table')).toContainText('Referral draft')
    await expect(section.getByRole('table')).toContainText('Health visiting, Riverside Health')
    await expect(section.getByRole('link', { name: /referral RV-000001/ })).toHaveAttribute('href', /#\/outbound\//)
    await expectAccessible(page)
    await section.screenshot({ path: screens('episode-referrals') })
  })
})

test.describe('reception', () => {
  test.use({ account: { username: 'rita', role: 'reception' } })

  test("sees where each has got to, not whom a referral went to; and the family's referrals on its page", async ({ page, harness }) => {
    const { familyId } = await world(harness)
    await page.getByRole('link', { name: 'Referrals', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Showing 1 to 4 of 4' })).toBeVisible()
    const list = page.getByRole('table', { name: 'Requests and referrals', exact: true })
    await expect(list).toContainText('Referral sent')
    await expect(list).toContainText('Dee Patel, Riverside Health')
    await expect(list).not.toContainText('Health visiting')
    await expectAccessible(page)
    await page.screenshot({ path: screens('referrals-reception'), fullPage: true })
    await fitsNarrowScreen(page, screens('referrals-reception-320'))

    await page.goto(`${harness.url}#/families/${familyId}`)
    const section = page.getByRole('region', { name: 'Referrals', exact: true })
    await expect(section).toContainText('4 requests and referrals, newest first.')
    await expect(section.getByRole('table')).toContainText('Referral acknowledged')
    await expect(section.getByRole('table')).not.toContainText('Health visiting')
    await expectAccessible(page)
    await section.screenshot({ path: screens('family-referrals') })
  })
})
