import { test, expect, expectAccessible } from './harness/fixtures'
import { fillPerson } from './harness/forms'

test('adding, changing and moving members of a family', async ({ page, harness }) => {
  const core = harness.casebook.connect({ name: 'earlier' })
  const register = async (postcode: string, givenName: string, familyName: string, nhsNumber: string | null) => {
    const r = await core.invoke('families.register', {
      family: { addressLine1: '9 Park Avenue', town: 'Bradford', postcode, mainLanguage: 'Urdu', interpreterNeeded: true },
      members: [
        {
          member: {
            kind: 'adult',
            givenName,
            familyName,
            dateOfBirth: '1988-03-12',
            sex: 'F',
            ethnicity: 'APKN',
            relationship: 'PARENT_CARER',
            parentalResponsibility: true,
            nhsNumber
          }
        }
      ]
    })
    if (!r.ok) throw new Error(r.error.message)
    return r.value as { id: string; reference: string }
  }
  const khan = await register('BD3 9AL', 'Aisha', 'Khan', null)
  const other = await register('BD8 7QT', 'Sana', 'Iqbal', '943 476 5919')

  await page.goto(`${harness.url}#/families/${khan.id}`)
  await expect(page.getByRole('region', { name: 'Family' })).toContainText('Interpreter needed (Urdu)')
  await page.getByRole('button', { name: 'Add a child' }).click()
  await expect(page.getByRole('heading', { name: 'Add a child' })).toBeFocused()
  await expect(page.getByLabel('Last name')).toHaveValue('Khan')
  await fillPerson(page.locator('form'), { first: 'Zayn', last: 'Khan', born: ['1', '9', '2020'], sex: 'Male', ethnicity: 'Pakistani' })
  // Disabilities, school and GP are asked of few: they sit behind "Add more details".
  await page.getByRole('button', { name: 'Add more details' }).click()
  await page.getByLabel('Communication').check()
  // No UPN: the census's reason can be recorded with the child.
  await page.getByLabel('Why the UPN is not known').selectOption('UN1')
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/add-member.png', fullPage: true })
  await page.getByRole('button', { name: 'Save child' }).click()
  await expect(page.getByText('Zayn Khan added to the family.')).toBeVisible()
  const zayn = async () => (await harness.casebook.core.db.query(`SELECT upn, upn_unknown AS reason FROM person WHERE given_name = 'Zayn'`))[0]
  expect(await zayn()).toEqual({ upn: null, reason: 'UN1' })

  // A UPN and a reason it is not known together are refused next to the reason; taking the reason off saves.
  await page.getByRole('link', { name: 'Change Zayn Khan' }).click()
  await expect(page.getByLabel('Why the UPN is not known')).toHaveValue('UN1')
  await page.getByLabel('UPN', { exact: true }).fill('Q823456789012')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.locator('#upnUnknown-error')).toContainText('Enter the UPN or say why it is not known, not both')
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/edit-person-upn-reason-error.png', fullPage: true })
  await page.getByLabel('Why the UPN is not known').selectOption('')
  await expect(page.getByLabel('Why the UPN is not known')).toHaveCount(0)
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText("Zayn Khan's details saved.")).toBeVisible()
  expect(await zayn()).toEqual({ upn: 'Q823456789012', reason: null })

  // Typing an NHS number someone else has: the warning, then the user's decision.
  await page.getByRole('link', { name: 'Change Aisha Khan' }).click()
  await expect(page.getByRole('heading', { name: "Change Aisha Khan's details" })).toBeFocused()
  await page.getByLabel('NHS number').fill('9434765919')
  await page.getByRole('button', { name: 'Save changes' }).click()
  const warning = page.getByRole('region', { name: 'Possible duplicates of Aisha Khan' })
  await expect(warning).toContainText('certain')
  await expect(warning).toContainText('Sana Iqbal')
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/edit-person-duplicate.png', fullPage: true })
  await warning.getByRole('button', { name: 'This is a different person' }).click()
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText("Aisha Khan's details saved.")).toBeVisible()
  await expect(page.getByRole('row', { name: /Aisha Khan/ })).toContainText('943 476 5919')

  // Moving the child: the family they join is found with the search (a reference no family has finds
  // none, and their own family is not offered), then chosen; the move takes their history with them.
  await page.getByRole('link', { name: 'Move Zayn Khan to another family' }).click()
  await expect(page.getByRole('heading', { name: 'Move Zayn Khan to another family' })).toBeFocused()
  const findFamily = page.getByLabel('Find the family they are joining')
  await findFamily.fill('RV-000999')
  await expect(page.getByRole('status').filter({ hasText: 'No other family found' })).toBeVisible()
  await findFamily.fill('Khan')
  await expect(page.getByRole('status').filter({ hasText: 'No other family found' })).toBeVisible()
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/move-person-none-found.png', fullPage: true })
  await findFamily.fill('Iqbal')
  await page.getByRole('button', { name: `Choose family ${other.reference}` }).click()
  await expect(page.getByRole('heading', { name: 'The family Zayn Khan is joining' })).toBeFocused()
  await page.getByRole('button', { name: 'Move Zayn Khan' }).click()
  await expect(page.getByRole('heading', { name: `Iqbal family (${other.reference})` })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Members of the family' })).toContainText('Zayn Khan')
  await expect(page.getByText('Zayn Khan has joined this family. Their records came with them.')).toBeVisible()
})
