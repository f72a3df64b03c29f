import { test, expect, expectAccessible } from './harness/fixtures'

test('two windows editing one family: the second save is refused and neither edit is lost', async ({ page, harness }) => {
  const saved = await harness.casebook.connect({ name: 'earlier' }).invoke('families.register', {
    family: { addressLine1: '4 Elm Grove', town: 'Leeds', postcode: 'LS8 2PF', phone: '0113 496 0000', mainLanguage: 'English' },
    members: [
      { member: { kind: 'adult', givenName: 'Ann', familyName: 'Lee', dateOfBirth: '1990-05-01', sex: 'F', ethnicity: 'CHNE', relationship: 'PARENT_CARER' } }
    ]
  })
  if (!saved.ok) throw new Error(saved.error.message)
  const { id } = saved.value as { id: string }

  const colleague = await harness.openPage()
  for (const p of [page, colleague]) {
    await p.goto(`${harness.url}#/families/${id}/edit`)
    await expect(p.getByRole('heading', { name: 'Change household details' })).toBeVisible()
  }
  await colleague.getByLabel('Phone number').fill('0113 496 0999')
  await colleague.getByRole('button', { name: 'Save family' }).click()
  await expect(colleague.getByText('Household details saved.')).toBeVisible()

  await page.getByLabel('Town or city').fill('Wakefield')
  await page.getByRole('button', { name: 'Save family' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Your changes have not been saved' })).toContainText(
    'Someone else saved changes to this family after you opened it'
  )
  await expect(page.getByLabel('Town or city')).toHaveValue('Wakefield')
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/edit-family-conflict.png', fullPage: true })

  await page.getByRole('button', { name: 'Discard my changes and load the latest version' }).click()
  await expect(page.getByLabel('Phone number')).toHaveValue('0113 496 0999')
  await expect(page.getByLabel('Town or city')).toHaveValue('Leeds')
  await page.getByLabel('Town or city').fill('Wakefield')
  await page.getByRole('button', { name: 'Save family' }).click()
  await expect(page.getByText('Household details saved.')).toBeVisible()
  await expect(page.locator('.govuk-summary-list')).toContainText('4 Elm Grove, Wakefield')
  await expect(page.locator('.govuk-summary-list')).toContainText('0113 496 0999')
})
