import { test, expect } from './harness/fixtures'
import type { Page } from '@playwright/test'
import { asColleague, GRACE, openEpisodeFor, registerOkafors } from './harness/earlyHelp'

/** The accessible label of whatever has focus. */
const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el) return ''
    const byFor = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null
    return (byFor ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim()
  })

async function tabUntil(page: Page, label: string, limit = 60) {
  for (let i = 0; i < limit; i++) {
    if ((await focusedLabel(page)) === label) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached "${label}"`)
}

/** One pass forwards: each Tab must land on the next field in reading order, filled as it comes. */
async function walkInOrder(page: Page, plan: [string, () => Promise<unknown>][]) {
  const order: string[] = []
  for (const [, act] of plan) {
    order.push(await focusedLabel(page))
    await act()
    await page.keyboard.press('Tab')
  }
  expect(order).toEqual(plan.map(([label]) => label))
}

test('a family can be registered with the keyboard alone, fields in reading order', async ({ page }) => {
  await tabUntil(page, 'Register a family')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Register a family' })).toBeFocused()
  await tabUntil(page, 'Add an adult')
  await page.keyboard.press('Enter')

  const down = (n: number) => async () => {
    for (let i = 0; i < n; i++) await page.keyboard.press('ArrowDown')
  }
  const typeText = (text: string) => () => page.keyboard.type(text)
  const skip = async () => undefined
  const plan: [string, () => Promise<unknown>][] = [
    ['Address line 1', typeText('3 Station Road')],
    ['Address line 2 (optional)', skip],
    ['Town or city', typeText('Leeds')],
    ['Postcode', typeText('LS11 5AB')],
    ['Phone number', skip],
    ['Email address', skip],
    ['Main language', skip],
    ['Interpreter needed', skip],
    ['How they heard of the hub', skip],
    ['First name', typeText('Maya')],
    ['Last name', typeText('Patel')],
    ['Day', typeText('14')],
    ['Month', typeText('2')],
    ['Year', typeText('1990')],
    ['Sex', down(1)],
    ['Ethnicity', down(10)],
    ['Role in the family', skip],
    ['Has parental responsibility', () => page.keyboard.press('Space')],
    ['NHS number', skip],
    // GP practice and disabilities wait behind the disclosure: the keyboard passes it by.
    ['Add more details for Adult 1', skip]
  ]
  await tabUntil(page, 'Address line 1')
  await walkInOrder(page, plan)
  await tabUntil(page, 'Save family')
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { name: 'Patel family (RV-000001)' })).toBeVisible()
  const row = page.getByRole('row', { name: /Maya Patel/ })
  await expect(row).toContainText('Female')
  await expect(row).toContainText('Indian')
  await expect(row).toContainText('parental responsibility')
})

test.describe('a practitioner', () => {
  test.use({ account: { username: 'pat', role: 'practitioner' } })

  test('records a review with the keyboard alone, fields in reading order', async ({ page, harness }) => {
    const familyId = await registerOkafors(harness, [GRACE])
    const { episodeId, grace } = await openEpisodeFor(harness, familyId, { openedOn: '2026-01-05', headlines: ['HOUSING'], reason: 'Rent' })
    await asColleague(harness, 'pat', 'plan.save', {
      episodeId,
      agreedOn: '2026-01-10',
      outcomes: [
        {
          id: crypto.randomUUID(),
          text: 'The rent is paid',
          headline: 'HOUSING',
          peopleIds: [grace],
          actions: [{ id: crypto.randomUUID(), what: 'Apply for help with rent', owner: `person:${grace}`, due: '2026-02-01', status: 'NOT_STARTED' }]
        }
      ]
    })

    await page.goto(`${harness.url}#/families/${familyId}/episodes/${episodeId}`)
    await tabUntil(page, 'Record a review', 80)
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: 'Record a Team Around the Family review' })).toBeFocused()
    const down = (n: number) => async () => {
      for (let i = 0; i < n; i++) await page.keyboard.press('ArrowDown')
    }
    const typeText = (text: string) => () => page.keyboard.type(text)
    const skip = async () => undefined
    // The review's date and the next one are filled in already from the plan and the hub's interval.
    const plan: [string, () => Promise<unknown>][] = [
      ['Day', skip],
      ['Month', skip],
      ['Year', skip],
      ['Grace Okafor', () => page.keyboard.press('Space')],
      ['Anyone else who attended (optional)', typeText('Ruth Bell, grandmother')],
      ['Progress on outcome 1, from 0 to 10', down(5)],
      ['Comment on outcome 1 (optional)', typeText('Two payments made.')],
      ['Action: Apply for help with rent (due 1 February 2026)', down(2)],
      ['Day', skip],
      ['Month', skip],
      ['Year', skip]
    ]
    await tabUntil(page, 'Day')
    await walkInOrder(page, plan)
    await tabUntil(page, 'Save the review')
    await page.keyboard.press('Enter')
    await expect(page.getByText(/The review has been recorded\. The next is on/)).toBeVisible()
    const saved = await asColleague(harness, 'pat', 'episodes.get', { id: episodeId })
    expect(saved.reviews[0]).toMatchObject({
      attendees: [`person:${grace}`],
      otherAttendees: 'Ruth Bell, grandmother',
      scores: [{ score: 4, comment: 'Two payments made.' }]
    })
    expect(saved.plan.outcomes[0].actions[0].status).toBe('DONE')
  })
})
