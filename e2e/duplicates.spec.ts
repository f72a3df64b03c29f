import { test, expect, expectAccessible } from './harness/fixtures'
import { fillHousehold, fillPerson, member } from './harness/forms'

test.beforeEach(async ({ harness }) => {
  const result = await harness.casebook.connect({ name: 'earlier' }).invoke('families.register', {
    family: { addressLine1: '12 Acacia Road', town: 'Birmingham', postcode: 'B33 8TH', mainLanguage: 'English' },
    members: [{ member: { kind: 'child', givenName: 'Catherine', familyName: 'Okafor', dateOfBirth: '2019-07-03', sex: 'F', ethnicity: 'BAFR' } }]
  })
  expect(result.ok).toBe(true)
})

async function startSoundAlike(page: import('@playwright/test').Page) {
  await page.getByRole('link', { name: 'Register a family', exact: true }).click()
  await fillHousehold(page, { address: '7 Mill Lane', town: 'Birmingham', postcode: 'B12 9QA' })
  await page.getByRole('button', { name: 'Add a child' }).click()
  await fillPerson(member(page, 'Child 1'), { first: 'Kathryn', last: 'Okafor', born: ['3', '7', '2019'], sex: 'Female', ethnicity: 'Black African' })
  await page.getByRole('button', { name: 'Save family' }).click()
  const warning = page.getByRole('region', { name: 'Possible duplicates of Kathryn Okafor' })
  await expect(warning).toBeFocused()
  await expect(warning).toContainText('likely')
  await expect(warning).toContainText('Catherine Okafor')
  await expect(warning).toContainText('RV-000001')
  return warning
}

test('a sound-alike child with the same birthday: opening the existing record loses nothing', async ({ page, harness }) => {
  const warning = await startSoundAlike(page)
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/register-duplicate-warning.png', fullPage: true })
  await warning.getByRole('link', { name: /Open existing record/ }).click()
  await expect(page.getByRole('heading', { name: 'Okafor family (RV-000001)' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Members of the family' })).toContainText('Catherine Okafor')

  // Coming back, the registration is as it was left, and nothing was saved meanwhile.
  await page.getByRole('link', { name: 'Register a family', exact: true }).click()
  await expect(member(page, 'Child 1').getByLabel('First name')).toHaveValue('Kathryn')
  await expect(page.getByRole('group', { name: 'Household' }).getByLabel('Postcode')).toHaveValue('B12 9QA')
  const [{ n }] = await harness.casebook.core.db.query('SELECT count(*) AS n FROM family')
  expect(n).toBe(1)
})

test('a sound-alike child with the same birthday: confirming a different person saves and stores the decision', async ({ page, harness }) => {
  const warning = await startSoundAlike(page)
  await warning.getByRole('button', { name: 'This is a different person' }).click()
  await expect(page.getByText('You confirmed this is a different person')).toBeVisible()
  await page.getByRole('button', { name: 'Save family' }).click()
  await expect(page.getByRole('heading', { name: 'Okafor family (RV-000002)' })).toBeVisible()
  const decisions = await harness.casebook.core.db.query(
    `SELECT p.given_name AS person, o.given_name AS other, u.username AS decidedBy FROM duplicate_decision d
     JOIN person p ON p.id = d.person_id JOIN person o ON o.id = d.other_person_id JOIN app_user u ON u.id = d.decided_by_user_id`
  )
  expect(decisions).toEqual([{ person: 'Kathryn', other: 'Catherine', decidedBy: 'reception1' }])
})
