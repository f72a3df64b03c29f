// Finding anyone, however it is typed (issue 12, items 1 to 5), as reception do it with the keyboard:
// a date with a two-digit year, a child found by the mother's surname, a postcode's first half with
// the results grouped by family, the last search selected when the box is focused again, and the
// families opened lately listed before anything is typed. At 1280, 1024 and 320 px wide.
import { test, expect, type Harness } from './harness/fixtures'
import { lookAt, shotsFolder, tabTo } from './harness/screen'
import { asColleague, registerOkafors } from './harness/earlyHelp'

const SHOTS = shotsFolder('search')

const person = (kind: string, givenName: string, familyName: string, dateOfBirth: string, sex = 'F') => ({
  member: { kind, givenName, familyName, dateOfBirth, sex, ethnicity: 'WBRI', ...(kind === 'adult' ? { relationship: 'PARENT_CARER' } : {}) }
})

/** Kerry Mottram and her children Tyler and Zoe Brookes in B33 9QX, and the Okafors (Grace and Catherine) in B33 8TH. */
async function world(harness: Harness) {
  const mottram = await asColleague(harness, 'earlier', 'families.register', {
    family: { addressLine1: '4 Station Road', town: 'Birmingham', postcode: 'B33 9QX', mainLanguage: 'English' },
    members: [
      person('adult', 'Kerry', 'Mottram', '1988-04-12'),
      person('child', 'Tyler', 'Brookes', '2016-10-01', 'M'),
      person('child', 'Zoe', 'Brookes', '2019-07-03')
    ]
  })
  const okafor = await registerOkafors(harness)
  return { mottram: mottram.id as string, okafor }
}

test('reception finds a child by a two-digit date, by the mother’s surname, and a district’s families grouped by family', async ({ page, harness }) => {
  await world(harness)
  const search = page.getByLabel('Search people and families')
  await expect(search).toBeFocused()
  const results = page.getByRole('table', { name: 'People found' })

  await search.fill('zoe 3/7/19')
  await expect(page.getByRole('status')).toHaveText('1 person found in 1 family for Name zoe, Date 3 July 2019')
  await expect(results.getByRole('link')).toHaveText(['Zoe Brookes'])
  await expect(results).toContainText('Mottram family (')
  await lookAt(page, SHOTS, 'two-digit-date')

  // Her children after her, though their surname is not hers.
  await search.fill('mottram')
  await expect(results.getByRole('link')).toHaveText(['Kerry Mottram', 'Tyler Brookes', 'Zoe Brookes'])

  await search.fill('B33')
  await expect(page.getByRole('status')).toHaveText('5 people found in 2 families for Postcode district B33')
  await expect(results.getByRole('link')).toHaveCount(5)
  await page.getByLabel('Group results by family').check()
  const okafors = page.getByRole('region', { name: /^Okafor family/ })
  const mottrams = page.getByRole('region', { name: /^Mottram family/ })
  await expect(okafors.getByRole('heading', { name: /^Okafor family \(/ })).toBeVisible()
  await expect(okafors).toContainText('12 Acacia Road, Birmingham, B33 8TH')
  await expect(okafors.getByRole('link')).toHaveText(['Catherine Okafor', 'Grace Okafor'])
  await expect(mottrams.getByRole('link')).toHaveText(['Tyler Brookes', 'Zoe Brookes', 'Kerry Mottram'])
  await lookAt(page, SHOTS, 'grouped-by-family')

  // The arrows go family by family, as shown; Enter opens the family of the one chosen.
  await search.focus()
  await page.keyboard.press('ArrowDown')
  await expect(okafors.getByRole('link', { name: 'Catherine Okafor' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(mottrams.getByRole('link', { name: 'Tyler Brookes' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/families\//)
  await expect(page.locator('h1')).toContainText(/RV-\d{6}/)
})

test('the box selects the last search when focused again, and the families opened lately show before anything is typed', async ({ page, harness }) => {
  const { mottram } = await world(harness)
  const search = page.getByLabel('Search people and families')
  await expect(search).toBeFocused()
  await expect(page.getByRole('heading', { name: 'Families you opened recently' })).toHaveCount(0)

  await search.fill('tyler')
  await expect(page.getByRole('table', { name: 'People found' }).getByRole('link')).toHaveText(['Tyler Brookes'])
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`#/families/${mottram}`))
  // The family is on screen, so its opening is on the trail.
  await expect(page.locator('h1')).toContainText(/RV-\d{6}/)

  // Back to the search from anywhere: the last search is there, selected, so typing replaces it.
  await page.keyboard.press('Control+k')
  await expect(search).toBeFocused()
  await expect(search).toHaveValue('tyler')
  expect(await search.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, 5])
  await page.keyboard.type('ok')
  await expect(search).toHaveValue('ok')
  await expect(page.getByRole('table', { name: 'People found' }).getByRole('link')).toHaveText(['Catherine Okafor', 'Grace Okafor'])
  // Tabbing away and back selects it again.
  await page.keyboard.press('Tab')
  await page.keyboard.press('Shift+Tab')
  await expect(search).toBeFocused()
  expect(await search.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, 2])

  // Nothing typed: the families opened lately, the latest first; Enter on one opens it.
  await page.keyboard.press('Backspace')
  const recent = page.getByRole('region', { name: 'Families you opened recently' })
  await expect(recent.getByRole('link')).toHaveText([/^Mottram family \(/])
  await expect(recent).toContainText('4 Station Road, Birmingham, B33 9QX')
  await lookAt(page, SHOTS, 'recent-families')
  await tabTo(page, recent.getByRole('link'))
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`#/families/${mottram}`))
  await expect(page.locator('h1')).toContainText(/RV-\d{6}/)
})
