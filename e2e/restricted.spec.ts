import { test, expect, expectAccessible } from './harness/fixtures'

test.use({ account: { username: 'molly', role: 'manager' } })

test('a manager restricts a family; another receptionist finds that it exists but cannot open it', async ({ page, harness }) => {
  await harness.createUser({ username: 'rita', role: 'reception' })
  const registered = await harness.casebook.connect({ name: 'earlier' }).invoke('families.register', {
    family: { addressLine1: '1 Hidden Lane', town: 'York', postcode: 'YO1 7HH', mainLanguage: 'English' },
    members: [
      {
        member: {
          kind: 'adult',
          givenName: 'Hannah',
          familyName: 'Staffmember',
          dateOfBirth: '1985-04-04',
          sex: 'F',
          ethnicity: 'WBRI',
          relationship: 'PARENT_CARER'
        }
      }
    ]
  })
  if (!registered.ok) throw new Error(registered.error.message)
  const { id } = registered.value as { id: string }

  await page.goto(`${harness.url}#/families/${id}`)
  await page.getByRole('button', { name: 'Change who can open this record' }).click()
  await page.getByLabel('Restrict this record').check()
  await page.getByLabel('Rita Reception (Reception)').check()
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/restrict.png', fullPage: true })
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('The record is now restricted.')).toBeVisible()
  await expect(page.getByText('Restricted: Rita Reception, hub managers.')).toBeVisible()

  const rob = await harness.openPage({ username: 'rob', role: 'reception' })
  await rob.getByLabel('Search people and families').fill('staffmember')
  const row = rob.getByRole('row', { name: /Hannah Staffmember/ })
  await expect(row).toContainText('Restricted record')
  await expect(row).not.toContainText('Hidden Lane')
  await expectAccessible(rob)
  await row.getByRole('link', { name: 'Hannah Staffmember' }).click()
  await expect(rob.getByRole('heading', { name: 'This record is restricted' })).toBeVisible()
  await expect(rob.getByText("This family's record is restricted. Ask Rita Reception or a hub manager if you need to see it.")).toBeVisible()
  await rob.screenshot({ path: 'test-results/screens/restricted-refused.png', fullPage: true })
})
