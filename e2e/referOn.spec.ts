// Referring a family on: a practitioner refers the Okafors from their episode to a service of the
// directory, is stopped until the family's consent to share with that organisation is recorded, then
// sends it, prints it (the PDF says what was ticked to share, and nothing else), and records that the
// service acknowledged it. A manager sees a referral sent without consent in the overrides list.
import { readFileSync } from 'node:fs'
import { test, expect, expectAccessible } from './harness/fixtures'
import { openEpisodeFor, registerOkafors } from './harness/earlyHelp'
import { fitsNarrowScreen } from './harness/screen'
import { pdfText } from './harness/pdf'
import { directoryRows } from '../src/main/referrals/testWorld'

const screens = (name: string) => `test-results/screens/${name}.png`

test.describe('a practitioner', () => {
  test.use({ account: { username: 'pat', role: 'practitioner' } })

  test('refers the family on, is stopped until consent to share is recorded, sends, prints and records the acknowledgement', async ({ page, harness }) => {
    await directoryRows(harness.casebook)
    const familyId = await registerOkafors(harness)
    const { episodeId } = await openEpisodeFor(harness, familyId, { openedOn: '2026-11-02', headlines: ['HEALTH'] })
    await page.goto(`${harness.url}#/families/${familyId}/episodes/${episodeId}`)
    await page.getByRole('button', { name: 'Refer on' }).click()
    await expect(page.getByRole('heading', { name: 'Refer on to a service' })).toBeVisible()

    // Nothing chosen: each missing answer is named.
    await page.getByRole('button', { name: 'Save the referral as a draft' }).click()
    const summary = page.locator('.govuk-error-summary')
    await expect(summary).toContainText('Choose the service to refer the family to')
    await expect(summary).toContainText('Enter why the family is being referred')
    await expect(summary).toContainText('Select the people the referral is about')
    await expect(summary).toContainText('Select what will be shared with the service')

    await page.getByLabel('Search the directory').fill('health visiting')
    await page.getByLabel('Health visiting, Riverside Health').check()
    await page.getByLabel('Why the family is being referred').fill('Grace would like help with Catherine’s sleep.')
    await page.getByRole('group', { name: 'The people the referral is about' }).getByLabel('Catherine Okafor').check()
    await page.getByLabel(/^Identifiers/).check()
    await page.getByLabel('Address and contact details').check()
    await expectAccessible(page)
    await page.screenshot({ path: screens('refer-on-form'), fullPage: true })
    await fitsNarrowScreen(page, screens('refer-on-form-320'))
    await page.getByRole('button', { name: 'Save the referral as a draft' }).click()

    await expect(page.getByText('Referral saved as a draft. Check it, then send it.')).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Referral to Health visiting' })).toBeVisible()
    // Only what the transition table allows from a draft is offered.
    const actions = page.getByRole('group', { name: 'What to record' })
    await expect(actions.getByRole('radio')).toHaveCount(2)
    await actions.getByLabel('Record that it was sent').check()
    await expect(page.getByText('The family has not agreed to share information with Riverside Health')).toBeVisible()
    await page.getByRole('group', { name: 'How it was sent' }).getByLabel('Secure email').check()
    await expectAccessible(page)
    await page.screenshot({ path: screens('referral-consent-gate'), fullPage: true })
    await fitsNarrowScreen(page, screens('referral-consent-gate-320'))

    // Trying anyway: the core refuses it; nothing is sent.
    await page.getByRole('button', { name: 'Record that it was sent' }).click()
    await expect(summary.first()).toContainText('The family has not agreed to share information with Riverside Health')
    expect((await harness.casebook.core.db.query(`SELECT status FROM outbound_referral`))[0].status).toBe('draft')

    // Nor is it printed: the PDF is how it is really shared.
    await page.getByRole('link', { name: 'Print the referral or save it as a PDF' }).click()
    await expect(page.getByText('The family has not agreed to share information with Riverside Health').first()).toBeVisible()
    await page.goBack()
    await expect(page.getByRole('heading', { name: 'Referral to Health visiting' })).toBeVisible()

    // Sharing without consent is there, behind its warning, recorded on the draft before printing: shown, not used.
    await expect(page.getByText('Share without consent only where seeking it would put a child at risk')).toBeVisible()
    await page.getByRole('button', { name: 'Share without the family’s consent, for a safeguarding reason' }).click()
    await expect(page.getByLabel('The safeguarding reason for sharing without consent')).toBeVisible()
    await expectAccessible(page)
    await page.screenshot({ path: screens('referral-override-form'), fullPage: true })

    // Record Grace's consent to share with Riverside Health, from the link, and come back.
    await page.getByRole('group', { name: 'What to record' }).getByLabel('Record that it was sent').check()
    await page.getByRole('link', { name: 'Record the family’s consent to share with Riverside Health' }).click()
    await expect(page.getByRole('heading', { name: 'Record consent' })).toBeVisible()
    await expect(page.getByText('Chosen: Riverside Health')).toBeVisible()
    await page.getByLabel('Who gave consent').selectOption({ label: 'Grace Okafor' })
    await page.getByRole('group', { name: 'How consent was given' }).getByLabel('Written').check()
    await expectAccessible(page)
    await page.screenshot({ path: screens('consent-to-organisation'), fullPage: true })
    await fitsNarrowScreen(page, screens('consent-to-organisation-320'))
    await page.getByRole('button', { name: 'Record consent' }).click()
    await expect(page.getByText('Consent recorded.')).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Referral to Health visiting' })).toBeVisible()

    // Printed first: the PDF is what is sent by secure email.
    await page.getByRole('link', { name: 'Print the referral or save it as a PDF' }).click()
    await expect(page.getByRole('heading', { name: 'Referral to Health visiting' })).toBeVisible()
    await expectAccessible(page)
    await page.screenshot({ path: screens('referral-print'), fullPage: true })
    await page.getByRole('button', { name: 'Save as PDF' }).click()
    await expect(page.getByText('The referral has been saved as a PDF')).toBeVisible()
    const [exported] = await harness.casebook.core.db.query(`SELECT actor, record_type AS type, changes FROM audit_entry WHERE action = 'export'`)
    expect(exported).toMatchObject({ actor: 'pat', type: 'outbound-referral' })
    const text = await pdfText(readFileSync(JSON.parse(exported.changes).path as string))
    for (const expected of [
      'Referral to Health visiting',
      'Riverside Family Hub',
      'Health visiting, Riverside Health',
      'Grace would like help with Catherine’s sleep.',
      'Catherine Okafor, born 3 July 2019',
      '12 Acacia Road, Birmingham, B33 8TH',
      'Grace Okafor agreed to share information with Riverside Health'
    ])
      expect(text).toContain(expected)
    // Not ticked, not printed.
    expect(text).not.toContain('The family plan')
    expect(text).not.toContain('The assessment summary')

    await page.getByRole('link', { name: 'Back to the referral' }).click()
    await page.getByRole('group', { name: 'What to record' }).getByLabel('Record that it was sent').check()
    await expect(page.getByText('Grace Okafor agreed to share information with Riverside Health')).toBeVisible()
    await page.getByRole('group', { name: 'How it was sent' }).getByLabel('Secure email').check()
    await page.getByRole('button', { name: 'Record that it was sent' }).click()
    await expect(page.getByText('Recorded that the referral was sent.')).toBeVisible()
    await expect(page.getByText('Waiting for acknowledgement')).toBeVisible()

    await page.getByRole('group', { name: 'What to record' }).getByLabel('Record that they acknowledged it').check()
    await page.getByRole('button', { name: 'Record that they acknowledged it' }).click()
    await expect(page.getByText('Recorded that the service acknowledged the referral.')).toBeVisible()
    await expect(page.locator('.govuk-tag').first()).toHaveText('Acknowledged')
    await expect(page.getByRole('group', { name: 'What to record' }).getByRole('radio')).toHaveCount(3)
    await expectAccessible(page)
    await page.screenshot({ path: screens('referral-acknowledged'), fullPage: true })
    await fitsNarrowScreen(page, screens('referral-acknowledged-320'))
    expect(await harness.casebook.core.db.query(`SELECT status, sent_method AS method, consent_id IS NOT NULL AS onConsent FROM outbound_referral`)).toEqual([
      { status: 'acknowledged', method: 'SECURE_EMAIL', onConsent: 1 }
    ])
  })
})

test.describe('a practitioner with a safeguarding reason', () => {
  test.use({ account: { username: 'pat', role: 'practitioner' } })

  test('records why the referral is shared without consent on the draft, then prints it and records it sent', async ({ page, harness }) => {
    const { serviceId } = await directoryRows(harness.casebook)
    const familyId = await registerOkafors(harness)
    const { episodeId, grace } = await openEpisodeFor(harness, familyId, { openedOn: '2026-11-02', headlines: ['HEALTH'] })
    const [pat] = await harness.casebook.core.db.query(`SELECT id FROM app_user WHERE username = 'pat'`)
    const made = await harness.casebook
      .connect({ name: 'pat', userId: pat.id, permissions: new Set(['referrals.screen']) })
      .invoke('referrals.createOutbound', {
        familyId,
        episodeId,
        serviceId,
        reason: 'Grace has told us of injuries.',
        personIds: [grace],
        shared: ['identifiers']
      })
    if (!made.ok) throw new Error(made.error.message)
    await page.goto(`${harness.url}#/outbound/${(made.value as { id: string }).id}`)
    await page.getByRole('button', { name: 'Share without the family’s consent, for a safeguarding reason' }).click()
    // Refused without its lawful basis, next to the field.
    await page.getByLabel('The safeguarding reason for sharing without consent').fill('Asking Grace would put Catherine at risk of harm.')
    await page.getByRole('button', { name: 'Record why it is shared without consent' }).click()
    await expect(page.locator('.govuk-error-summary').first()).toContainText('Select the lawful basis (Article 6)')
    await page.getByLabel('Article 6(1)(e): public task').check()
    await page.getByLabel(/^DPA 2018 Schedule 1 paragraph 18/).check()
    await page.getByRole('button', { name: 'Record why it is shared without consent' }).click()
    await expect(page.getByText('Recorded why the referral is shared without consent. It can now be printed, saved and sent.')).toBeVisible()
    await expect(page.getByText(/To be shared without the family’s consent/)).toBeVisible()
    await expectAccessible(page)
    await page.screenshot({ path: screens('referral-override-recorded'), fullPage: true })

    await page.getByRole('link', { name: 'Print the referral or save it as a PDF' }).click()
    await page.getByRole('button', { name: 'Save as PDF' }).click()
    await expect(page.getByText('The referral has been saved as a PDF')).toBeVisible()
    await page.getByRole('link', { name: 'Back to the referral' }).click()
    await page.getByRole('group', { name: 'What to record' }).getByLabel('Record that it was sent').check()
    await expect(page.getByText(/Shared without the family’s consent, for the safeguarding reason recorded by/)).toBeVisible()
    await page.getByRole('group', { name: 'How it was sent' }).getByLabel('Secure email').check()
    await page.getByRole('button', { name: 'Record that it was sent' }).click()
    await expect(page.getByText('Recorded that the referral was sent.')).toBeVisible()
    const [row] = await harness.casebook.core.db.query(`SELECT status, consent_id AS "consentId", lawful_basis_6 AS "basis" FROM outbound_referral`)
    expect(row).toEqual({ status: 'sent', consentId: null, basis: '6_1_E' })
  })
})

test.describe('a manager', () => {
  test.use({ account: { username: 'molly', role: 'manager' } })

  test('sees a referral sent without consent, its reason and lawful basis', async ({ page, harness }) => {
    await harness.createUser({ username: 'pat', role: 'practitioner' })
    const { serviceId } = await directoryRows(harness.casebook)
    const familyId = await registerOkafors(harness)
    const { episodeId, grace } = await openEpisodeFor(harness, familyId, { openedOn: '2026-11-02', headlines: ['HEALTH'] })
    const pat = harness.casebook.connect({ name: 'pat' })
    const made = await pat.invoke('referrals.createOutbound', {
      familyId,
      episodeId,
      serviceId,
      reason: 'Urgent health concern.',
      personIds: [grace],
      shared: ['identifiers']
    })
    if (!made.ok) throw new Error(made.error.message)
    const override = { reason: 'Asking would put the children at risk.', lawfulBasis6: '6_1_E', lawfulBasis9: 'DPA_S1_P18' }
    const sent = await pat.invoke('referrals.moveOutbound', { id: (made.value as { id: string }).id, version: 1, to: 'sent', method: 'SECURE_EMAIL', override })
    if (!sent.ok) throw new Error(sent.error.message)
    await page.getByRole('link', { name: 'Referrals', exact: true }).click()
    await page.getByRole('link', { name: 'Referrals sent without consent' }).click()
    await expect(page.getByRole('heading', { name: 'Referrals sent without consent' })).toBeVisible()
    const table = page.getByRole('table')
    await expect(table).toContainText('Asking would put the children at risk.')
    await expect(table).toContainText('Article 6(1)(e): public task')
    await expectAccessible(page)
    await page.screenshot({ path: screens('referral-overrides'), fullPage: true })
    await fitsNarrowScreen(page, screens('referral-overrides-320'))
    await table.getByRole('link').first().click()
    await expect(page.getByText('Sent without consent', { exact: true })).toBeVisible()
    await expectAccessible(page)
    await page.screenshot({ path: screens('referral-overridden'), fullPage: true })
  })
})
