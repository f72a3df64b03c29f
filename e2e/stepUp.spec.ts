// Step-ups to children's social care: a practitioner escalates a request (the safeguarding warning
// shown first), prints the referral as a PDF that says what was referred, and saves each child's
// census file (checked before it is written); a manager sees every step-up and records social
// care's acknowledgement.
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { test, expect, expectAccessible, type Harness } from './harness/fixtures'
import { asColleague, CATHERINE, GRACE, openEpisodeFor, registerOkafors } from './harness/earlyHelp'
import { pdfText } from './harness/pdf'
import { fitsNarrowScreen } from './harness/screen'
import { requestInput } from '../src/main/referrals/testWorld'
import { at, parseXml } from '../src/main/referrals/xmlTesting'

const screens = (name: string) => `test-results/screens/${name}.png`
const CONCERN = 'Catherine told the health visitor she is scared of the man who has moved in with her mum.'
const MOHAMMED = { kind: 'child', givenName: 'Mohammed', familyName: 'Okafor', dateOfBirth: '2023-08-14', sex: 'M', ethnicity: 'BAFR' }
const UNBORN = { kind: 'unborn', familyName: 'Okafor', expectedDate: '2027-03-01' }

/** The Okafors (Catherine with a UPN, Mohammed without, a baby due) and a health visitor's request about the three children. */
async function escalatable(harness: Harness) {
  const familyId = await registerOkafors(harness, [GRACE, { ...CATHERINE, upn: 'Q823456789012' }, MOHAMMED, UNBORN])
  const children = await harness.casebook.core.db.query(`SELECT id FROM person WHERE family_id = ? AND kind <> 'adult'`, [familyId])
  const request = await asColleague(
    harness,
    'rita',
    'referrals.logRequest',
    requestInput(
      familyId,
      children.map((c: { id: string }) => c.id),
      { receivedOn: '2026-11-20', urgency: 'URGENT' }
    )
  )
  return { familyId, requestId: request.id as string }
}

/** The one export the audit trail has of this format: where the file went. */
async function exported(harness: Harness, format: string): Promise<string[]> {
  const rows = await harness.casebook.core.db.query(`SELECT changes FROM audit_entry WHERE action = 'export' AND record_type = 'step-up' ORDER BY seq`)
  return rows
    .map((r: { changes: string }) => JSON.parse(r.changes))
    .filter((c: { format: string }) => c.format === format)
    .map((c: { path: string }) => c.path)
}

const childSection = (page: Page, name: string) => page.locator('.app-cin-child').filter({ has: page.getByRole('heading', { name, exact: true }) })

test.describe('a practitioner', () => {
  test.use({ account: { username: 'pat', role: 'practitioner' } })

  test('escalates a request: the step-up, its referral as a PDF and each child’s census file', async ({ page, harness }) => {
    const { requestId } = await escalatable(harness)
    await page.goto(`${harness.url}#/requests/${requestId}`)
    await page.getByLabel("Escalate to children's social care").check()
    const warning = page.locator('.govuk-warning-text')
    await expect(warning).toContainText('If a child is in immediate danger, call the police on 999 now.')
    await expect(warning).toContainText('children’s services front door')
    // The request's words and children are where the step-up starts.
    await expect(page.getByLabel('The concern for the children')).toHaveValue('Mum is finding the nights hard since the baby came.')
    await page.getByLabel('The concern for the children').fill('')
    await page.getByRole('button', { name: 'Record the decision' }).click()
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter the concern for the children')
    await page.getByLabel('The concern for the children').fill(CONCERN)
    await expectAccessible(page)
    await page.screenshot({ path: screens('step-up-escalate'), fullPage: true })
    await fitsNarrowScreen(page, screens('step-up-escalate-320'))
    await page.getByRole('button', { name: 'Record the decision' }).click()

    await expect(page.getByText('Request escalated: the step-up to children’s social care has been made.')).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Step-up to children’s social care', exact: true })).toBeVisible()
    await expect(page.getByText(CONCERN)).toBeVisible()
    await expect(page.getByText('Not yet acknowledged', { exact: true })).toBeVisible()
    // The unborn baby's record has no ethnicity: said next to the baby, before anything is tried.
    await expect(childSection(page, 'Unborn baby Okafor')).toContainText('No ethnicity recorded')
    await expectAccessible(page)
    await page.screenshot({ path: screens('step-up'), fullPage: true })
    await fitsNarrowScreen(page, screens('step-up-320'))

    // Catherine has a UPN: her file is written at once, in the census's shape.
    await childSection(page, 'Catherine Okafor').getByRole('button', { name: 'Save the census file' }).click()
    await expect(childSection(page, 'Catherine Okafor')).toContainText('Saved:')
    const [catherineFile] = await exported(harness, 'CIN XML')
    const catherine = parseXml(readFileSync(catherineFile!, 'utf8'))
    expect(at(catherine, 'Children', 'Child', 'ChildIdentifiers', 'UPN')?.text).toBe('Q823456789012')
    expect(at(catherine, 'Children', 'Child', 'ChildIdentifiers', 'PersonBirthDate')?.text).toBe('2019-07-03')
    expect(at(catherine, 'Children', 'Child', 'ChildCharacteristics', 'Ethnicity')?.text).toBe('BAFR')
    expect(at(catherine, 'Children', 'Child', 'CINdetails', 'CINreferralDate')?.text).toMatch(/^\d{4}-\d\d-\d\d$/)
    expect(at(catherine, 'Children', 'Child', 'CINdetails', 'ReferralSource')?.text).toBe('8')

    // Mohammed has none: the census needs the reason, asked for next to him.
    const mohammed = childSection(page, 'Mohammed Okafor')
    await mohammed.getByRole('button', { name: 'Save the census file' }).click()
    await expect(mohammed.locator('.govuk-error-message')).toContainText('No UPN recorded: select why it is not known')
    await expectAccessible(page)
    await mohammed.getByLabel('Why Mohammed Okafor’s UPN is not known').selectOption('UN1')
    await mohammed.getByRole('button', { name: 'Save the census file' }).click()
    await expect(mohammed).toContainText('Saved:')
    const [, mohammedFile] = await exported(harness, 'CIN XML')
    expect(at(parseXml(readFileSync(mohammedFile!, 'utf8')), 'Children', 'Child', 'ChildIdentifiers', 'UPNunknown')?.text).toBe('UN1')

    // The baby's file is refused, with the reason, and nothing is written.
    const baby = childSection(page, 'Unborn baby Okafor')
    await baby.getByLabel('Why Unborn baby Okafor’s UPN is not known').selectOption('UN1')
    await baby.getByRole('button', { name: 'Save the census file' }).click()
    await expect(baby.locator('.govuk-error-message')).toContainText('No ethnicity recorded')
    expect(await exported(harness, 'CIN XML')).toHaveLength(2)

    // The referral prints as a plain document; its PDF says what was referred.
    await page.getByRole('link', { name: 'Print or save the referral' }).click()
    await expect(page.getByRole('heading', { name: 'Referral to children’s social care' })).toBeVisible()
    await expectAccessible(page)
    await page.screenshot({ path: screens('step-up-print'), fullPage: true })
    await fitsNarrowScreen(page, screens('step-up-print-320'))
    await page.getByRole('button', { name: 'Save as PDF' }).click()
    await expect(page.getByText('The referral has been saved as a PDF')).toBeVisible()
    const [pdfPath] = await exported(harness, 'PDF')
    expect(pdfPath).toMatch(/Step-up RV-000001 \d{4}-\d\d-\d\d\.pdf$/)
    const text = await pdfText(readFileSync(pdfPath!))
    for (const expected of [
      'Referral to children’s social care',
      'Riverside Family Hub',
      CONCERN,
      'Catherine Okafor',
      'Mohammed Okafor',
      'Unborn baby Okafor',
      'UPN Q823456789012',
      '12 Acacia Road, Birmingham, B33 8TH',
      'Grace Okafor',
      'The request for help came from Dee Patel, Health visitor on',
      'Mum is finding the nights hard since the baby came.',
      'Pat Practitioner screened the request and escalated it',
      "8: Other, including children's centres"
    ]) {
      expect(text).toContain(expected)
    }
    expect(text).not.toContain('Save as PDF')
  })
})

test.describe('a practitioner closing an episode', () => {
  test.use({ account: { username: 'pat', role: 'practitioner' } })

  test('closes it as stepped up and makes the step-up straight after, under the same warning', async ({ page, harness }) => {
    const familyId = await registerOkafors(harness, [GRACE, { ...CATHERINE, upn: 'Q823456789012' }])
    await openEpisodeFor(harness, familyId, { openedOn: '2026-11-02', headlines: ['HOUSING'] })
    await page.goto(`${harness.url}#/families/${familyId}/early-help/close`)
    await page.getByLabel("Stepped up to children's social care").check()
    const stepUpDate = page.getByRole('group', { name: 'Date of the step-up' })
    await stepUpDate.getByLabel('Day').fill('23')
    await stepUpDate.getByLabel('Month').fill('11')
    await stepUpDate.getByLabel('Year').fill('2026')
    await page.getByRole('group', { name: 'Outcome: Secure housing' }).getByLabel('Not achieved').check()
    await page.getByLabel("The family's view of the help they had").fill('Grace knows why and has agreed to it.')
    await page.getByRole('button', { name: 'Close the episode' }).click()

    await expect(page.getByRole('heading', { name: 'Step up to children’s social care' })).toBeVisible()
    await expect(page.locator('.govuk-warning-text')).toContainText('call the police on 999')
    // The day of the step-up is the closure's.
    await expect(page.getByRole('group', { name: 'Date of the step-up' }).getByLabel('Day')).toHaveValue('23')
    await page.getByLabel('The concern for the children').fill(CONCERN)
    await expectAccessible(page)
    await page.screenshot({ path: screens('step-up-from-episode'), fullPage: true })
    await fitsNarrowScreen(page, screens('step-up-from-episode-320'))
    await page.getByRole('button', { name: 'Make the step-up' }).click()
    await expect(page.getByText('The step-up to children’s social care has been made.')).toBeVisible()
    await expect(page.getByText('The early-help episode opened on 2 November 2026')).toBeVisible()
    await expect(page.getByText('23 November 2026', { exact: true })).toBeVisible()
  })
})

test.describe('the hub manager', () => {
  test.use({ account: { username: 'mo', role: 'manager' } })

  test('sees every step-up and records social care’s acknowledgement', async ({ page, harness }) => {
    const { requestId } = await escalatable(harness)
    await asColleague(harness, 'pat', 'referrals.screenRequest', {
      id: requestId,
      version: 1,
      decision: 'ESCALATE',
      escalate: {
        concern: CONCERN,
        childIds: (await harness.casebook.core.db.query(`SELECT person_id FROM request_child`)).map((r: { person_id: string }) => r.person_id),
        steppedUpOn: '2026-11-20'
      }
    })
    await page.getByRole('link', { name: 'Step-ups', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Step-ups to children’s social care' })).toBeVisible()
    const row = page.getByRole('row', { name: /RV-000001/ })
    await expect(row).toContainText('20 November 2026')
    await expect(row).toContainText('Not yet')
    await expectAccessible(page)
    await page.screenshot({ path: screens('step-ups'), fullPage: true })
    await fitsNarrowScreen(page, screens('step-ups-320'))

    await row.getByRole('link').click()
    await page.getByLabel('Social care’s reference').fill('SC-2026-0042')
    await page.getByRole('button', { name: 'Record the acknowledgement' }).click()
    await expect(page.getByText('Social care’s acknowledgement has been recorded.')).toBeVisible()
    await expect(page.getByText(/their reference SC-2026-0042, recorded by Mo Manager/)).toBeVisible()
    await expectAccessible(page)
    await page.screenshot({ path: screens('step-up-acknowledged'), fullPage: true })

    await page.getByRole('link', { name: 'Step-ups', exact: true }).click()
    await expect(page.getByRole('row', { name: /RV-000001/ })).toContainText('reference SC-2026-0042')
    await page.getByLabel('Only those not yet acknowledged').check()
    await expect(page.getByText('No step-ups to show')).toBeVisible()
  })
})
