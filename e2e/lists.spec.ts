// Managers act from lists (issue 12, items 10 and 11): a manager sorts and filters My caseload, All
// open episodes, Referrals, the export history and the audit trail with the keyboard alone (headings
// are buttons, aria-sort says the order); sees what is due within 7 days and a long gap since the last
// contact; opens a closure waiting for approval from its own list, reads it, and confirms. Each screen
// is axe-clean at every impact, fits 320 px (wide tables scroll in their own box), and is
// photographed at 1280, 1024 and 320 px wide.
import { randomUUID } from 'node:crypto'
import type { Page } from '@playwright/test'
import { test, expect, expectAccessibleAtEveryImpact, PASSWORD, type Harness } from './harness/fixtures'
import { asColleague, CATHERINE, GRACE, openEpisodeFor, registerOkafors } from './harness/earlyHelp'
import { fitsNarrowScreen, shotsFolder, tabTo } from './harness/screen'
import { directoryRows, requestInput } from '../src/main/referrals/testWorld'
import { addDays, todayIso } from '../src/shared/dates'
import { AUDIT_ACTION_LABELS } from '../src/shared/audit/schemas'

const SHOTS = shotsFolder('lists')
const today = todayIso()

/** The screen at 1280 and 1024 px, then at 320 px (where nothing may run off the side). */
async function photograph(page: Page, name: string) {
  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 900 })
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true })
  }
  await fitsNarrowScreen(page, `${SHOTS}/${name}-320.png`)
  await page.setViewportSize({ width: 1280, height: 900 })
}

/** Presses the sort button in a heading with the keyboard alone, and waits for the order it says. */
async function sortBy(page: Page, table: string, heading: string, order: 'ascending' | 'descending') {
  const button = page.getByRole('table', { name: table, exact: true }).getByRole('button', { name: heading, exact: true })
  await tabTo(page, button)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('table', { name: table, exact: true }).getByRole('columnheader', { name: heading, exact: true })).toHaveAttribute(
    'aria-sort',
    order
  )
  await expect(button).toBeFocused()
}

/** The text of the first cell of each body row (not a row of more detail across the table). */
const firstCells = (page: Page, table: string) => page.getByRole('table', { name: table, exact: true }).locator('tbody > tr > td:first-child:not([colspan])')

/**
 * The Okafors (an episode opened 60 days ago, no contact since, a closure waiting for approval) and
 * the Adams (opened 10 days ago, a home visit 3 days ago, an action due in 3 days, led by molly);
 * two requests for help; two export runs.
 */
async function world(harness: Harness) {
  await harness.createUser({ username: 'pat', role: 'practitioner' })
  const okafors = await registerOkafors(harness)
  const adams = await registerOkafors(harness, [
    { ...GRACE, givenName: 'Alice', familyName: 'Adams', dateOfBirth: '1985-05-05' },
    { ...CATHERINE, givenName: 'Arthur', familyName: 'Adams', dateOfBirth: '2020-01-01', sex: 'M' }
  ])
  const o = await openEpisodeFor(harness, okafors, { openedOn: addDays(today, -60), headlines: ['HOUSING', 'HEALTH'] })
  const [{ id: alice }] = await harness.casebook.core.db.query(`SELECT id FROM person WHERE family_id = ? AND given_name = 'Alice'`, [adams])
  const [{ id: patId }] = await harness.casebook.core.db.query(`SELECT id FROM app_user WHERE username = 'pat'`)
  const a = await asColleague(harness, 'pat', 'episodes.open', {
    familyId: adams,
    openedOn: addDays(today, -10),
    leadUserId: patId,
    reason: 'Money worries',
    headlines: ['HOUSING'],
    consentId: 'new',
    consentGivenById: alice,
    consentMethod: 'VERBAL',
    consentGivenOn: addDays(today, -10)
  })
  await asColleague(harness, 'pat', 'notes.add', { familyId: adams, occurredOn: addDays(today, -3), occurredAt: '10:00', type: 'HOME_VISIT', text: 'Visited.' })
  await asColleague(harness, 'pat', 'plan.save', {
    episodeId: a.id,
    agreedOn: addDays(today, -3),
    outcomes: [
      {
        id: randomUUID(),
        text: 'The rent is paid each month',
        headline: 'HOUSING',
        peopleIds: [alice],
        actions: [{ id: randomUUID(), what: 'Call the landlord', owner: `person:${alice}`, due: addDays(today, 3), status: 'NOT_STARTED' }]
      }
    ]
  })
  const [{ id: mollyId }] = await harness.casebook.core.db.query(`SELECT id FROM app_user WHERE username = 'molly'`)
  const [{ version }] = await harness.casebook.core.db.query(`SELECT version FROM episode WHERE id = ?`, [a.id])
  await asColleague(harness, 'molly', 'episodes.reallocate', { id: a.id, version, leadUserId: mollyId })
  // Pat closes the Okafors' episode from Pat's own desk: the closure waits for a manager.
  const pat = harness.casebook.connect()
  expect((await pat.invoke('auth.signIn', { username: 'pat', password: PASSWORD })).ok).toBe(true)
  const closed = await pat.invoke('episodes.close', {
    id: o.episodeId,
    version: 1,
    closedOn: today,
    reason: 'MOVED_AWAY',
    note: 'They have a council flat in Leeds.',
    outcomes: { HOUSING: 'ACHIEVED', HEALTH: 'PARTLY' },
    familyView: 'We are glad of the help and sad to go.'
  })
  expect(closed.ok, JSON.stringify(closed)).toBe(true)

  const directory = await directoryRows(harness.casebook)
  const [{ id: catherine }] = await harness.casebook.core.db.query(`SELECT id FROM person WHERE family_id = ? AND given_name = 'Catherine'`, [okafors])
  await asColleague(
    harness,
    'rita',
    'referrals.logRequest',
    requestInput(okafors, [catherine], { receivedOn: addDays(today, -30), organisationId: directory.organisationId })
  )
  await asColleague(harness, 'rita', 'referrals.logRequest', requestInput(okafors, [catherine], { receivedOn: today, receivedTime: '00:00' }))

  const run = (id: string, sequence: number, status: string, startedAt: string, more: Record<string, unknown> = {}) =>
    harness.casebook.core.writes.run((m) =>
      m.query(
        `INSERT INTO export_run (id, kind, pseudonymised, status, package_sequence, change_from, change_to, export_folder, package_name, started_at, heartbeat_at,
           finished_at, started_by_user_id, started_via, os_user, host, pid, records_done, records_total, error)
         VALUES (?, 'full', 0, ?, ?, 0, ?, '/exports', ?, ?, ?, ?, NULL, 'command-line', 'itadmin', 'desk-1', 4242, 10, 10, ?)`,
        [id, status, sequence, more.changeTo ?? null, more.packageName ?? null, startedAt, startedAt, startedAt, more.error ?? null]
      )
    )
  await run(randomUUID(), 1, 'succeeded', `${addDays(today, -2)}T09:00:00.000Z`, { changeTo: 40, packageName: 'TH-1' })
  await run(randomUUID(), 2, 'failed', `${addDays(today, -1)}T09:00:00.000Z`, { error: 'The export folder cannot be reached.' })
  return { okafors, adams, okaforEpisode: o.episodeId }
}

test.describe('a manager', () => {
  test.use({ account: { username: 'molly', role: 'manager' } })

  test('sorts and filters each list with the keyboard alone, and approves a closure after reading it', async ({ page, harness }) => {
    test.setTimeout(120_000)
    const { okafors, okaforEpisode } = await world(harness)
    await page.setViewportSize({ width: 1280, height: 900 })

    // All open episodes: sorted in the query; a closing episode is still open, and says it waits.
    await tabTo(page, page.getByRole('link', { name: 'All open episodes' }))
    await page.keyboard.press('Enter')
    const all = 'All open episodes'
    await expect(page.getByRole('heading', { name: all, level: 1 })).toBeVisible()
    await expect(page.getByRole('table', { name: all }).getByRole('columnheader', { name: 'Opened', exact: true })).toHaveAttribute('aria-sort', 'ascending')
    const okaforRow = page.getByRole('row', { name: /Okafor family/ })
    await expect(okaforRow).toContainText('Closure awaiting approval')
    await expect(okaforRow).toContainText('No contact for 60 days')
    await expect(page.getByRole('row', { name: /Adams family/ })).toContainText('1 due within 7 days')
    await sortBy(page, all, 'Family', 'ascending')
    await expect(firstCells(page, all)).toHaveText([/Adams family/, /Okafor family/])
    await sortBy(page, all, 'Family', 'descending')
    await expect(firstCells(page, all)).toHaveText([/Okafor family/, /Adams family/])
    await tabTo(page, page.getByLabel('Only those with no contact for more than 28 days'))
    await page.keyboard.press('Space')
    await tabTo(page, page.getByRole('button', { name: 'Show episodes' }))
    await page.keyboard.press('Enter')
    await expect(page.getByText('Showing 1 to 1 of 1 open episode, no contact for more than 28 days')).toBeVisible()
    await expect(firstCells(page, all)).toHaveText([/Okafor family/])
    await expectAccessibleAtEveryImpact(page)
    await photograph(page, 'all-open-episodes')

    // My caseload: the whole list in the window, sorted and filtered there.
    await tabTo(page, page.getByRole('link', { name: 'My caseload' }))
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: 'My caseload', level: 1 })).toBeVisible()
    await expect(firstCells(page, 'My caseload')).toHaveText([/Adams family/])
    await sortBy(page, 'My caseload', 'Days open', 'descending')
    await tabTo(page, page.getByLabel('Only those with a review or action due within 7 days'))
    await page.keyboard.press('Space')
    await tabTo(page, page.getByRole('button', { name: 'Show episodes' }))
    await page.keyboard.press('Enter')
    await expect(firstCells(page, 'My caseload')).toHaveText([/Adams family/])
    await expect(page.getByText('1 episode with something due within 7 days')).toBeVisible()
    await expectAccessibleAtEveryImpact(page)
    await photograph(page, 'my-caseload')

    // Referrals: the date sorts the whole list, newest or oldest first.
    await tabTo(page, page.getByRole('link', { name: 'Referrals', exact: true }))
    await page.keyboard.press('Enter')
    const referrals = 'Requests and referrals'
    await expect(page.getByRole('table', { name: referrals, exact: true })).toBeVisible()
    await expect(page.getByRole('table', { name: referrals, exact: true }).getByRole('columnheader', { name: 'Date', exact: true })).toHaveAttribute(
      'aria-sort',
      'descending'
    )
    const dates = page.getByRole('table', { name: referrals, exact: true }).locator('tbody > tr > td:nth-child(2)')
    const newestFirst = await dates.allTextContents()
    await sortBy(page, referrals, 'Date', 'ascending')
    await expect(dates).toHaveText([...newestFirst].reverse())
    await expectAccessibleAtEveryImpact(page)
    await photograph(page, 'referrals')

    // The export history: sorted by start, filtered by status, in the query.
    await tabTo(page, page.getByRole('link', { name: 'Export', exact: true }))
    await page.keyboard.press('Enter')
    const runs = 'Export runs'
    await expect(firstCells(page, runs)).toHaveText(['2', '1'])
    await sortBy(page, runs, 'Started', 'ascending')
    await expect(firstCells(page, runs)).toHaveText(['1', '2'])
    await tabTo(page, page.locator('#history-status'))
    await page.locator('#history-status').selectOption({ label: 'Failed' })
    await tabTo(page, page.getByRole('button', { name: 'Show runs' }))
    await page.keyboard.press('Enter')
    await expect(page.getByRole('table', { name: runs }).locator('tbody > tr')).toHaveCount(2)
    await expect(page.getByRole('table', { name: runs })).toContainText('The export folder cannot be reached.')
    await expectAccessibleAtEveryImpact(page)
    await photograph(page, 'export-history')

    // The audit trail: oldest first over the whole trail, and filtered by action.
    await tabTo(page, page.getByRole('link', { name: 'Audit trail' }))
    await page.keyboard.press('Enter')
    await expect(page.getByRole('table', { name: 'Entries, newest first' })).toBeVisible()
    const [first] = await harness.casebook.core.db.query(`SELECT actor, action FROM audit_entry ORDER BY seq LIMIT 1`)
    const whenButton = page.getByRole('button', { name: 'When', exact: true })
    await tabTo(page, whenButton)
    await page.keyboard.press('Enter')
    // The caption says the order, and the heading says it to a screen reader.
    const oldest = page.getByRole('table', { name: 'Entries, oldest first' })
    await expect(oldest.getByRole('columnheader', { name: 'When', exact: true })).toHaveAttribute('aria-sort', 'ascending')
    await expect(whenButton).toBeFocused()
    await expect(oldest.locator('tbody > tr').first().locator('td').nth(1)).toHaveText(first.actor)
    await expect(oldest.locator('tbody > tr').first().locator('td').nth(2)).toHaveText(AUDIT_ACTION_LABELS[first.action as keyof typeof AUDIT_ACTION_LABELS])
    await tabTo(page, page.getByLabel('Action'))
    await page.getByLabel('Action').selectOption({ label: 'Created' })
    await tabTo(page, page.getByRole('button', { name: 'Apply filters' }))
    await page.keyboard.press('Enter')
    await expect.poll(async () => new Set(await oldest.locator('tbody > tr td:nth-child(3)').allTextContents())).toEqual(new Set(['Created']))
    await expectAccessibleAtEveryImpact(page)
    await photograph(page, 'audit-trail')

    // Closures to approve: the list, then the closure itself, then a question before anything changes.
    await tabTo(page, page.getByRole('link', { name: 'Closures to approve' }))
    await page.keyboard.press('Enter')
    await expect(page.getByText('1 closure is waiting for approval.')).toBeVisible()
    await expect(page.getByRole('row', { name: /Okafor family/ })).toContainText('Pat Practitioner')
    await expect(page.getByRole('row', { name: /Okafor family/ })).toContainText('Family moved away')
    await expectAccessibleAtEveryImpact(page)
    await photograph(page, 'closures-to-approve')
    await tabTo(page, page.getByRole('link', { name: /Okafor family/ }))
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: 'Approve the closure', level: 1 })).toBeVisible()
    const closure = page.getByRole('region', { name: 'The closure waiting for approval' })
    await expect(closure).toContainText('Family moved away')
    await expect(closure).toContainText('They have a council flat in Leeds.')
    await expect(closure.locator('.govuk-summary-list__row', { hasText: 'Outcome: Secure housing' })).toContainText('Achieved')
    await expect(closure).toContainText('Partly achieved')
    await expect(closure).toContainText('We are glad of the help and sad to go.')
    await expect(closure).toContainText('Pat Practitioner')
    await expectAccessibleAtEveryImpact(page)
    await photograph(page, 'approve-closure')
    await tabTo(page, page.getByRole('button', { name: 'Approve the closure' }))
    await page.keyboard.press('Enter')
    // Asked, and nothing done yet.
    await expect(page.getByRole('heading', { name: 'Are you sure you want to approve this closure?' })).toBeFocused()
    expect((await harness.casebook.core.db.query(`SELECT status FROM episode WHERE id = ?`, [okaforEpisode]))[0].status).toBe('closing')
    await expectAccessibleAtEveryImpact(page)
    await photograph(page, 'approve-closure-confirm')
    await tabTo(page, page.getByRole('button', { name: 'Yes, approve the closure' }))
    await page.keyboard.press('Enter')
    await expect(page.getByText('Closure approved. The episode is closed.')).toBeVisible()
    await expect(page.getByText('This episode is closed, so its record is read-only.')).toBeVisible()
    await expect(page.getByRole('region', { name: 'The closure' })).toContainText('Molly Manager')
    await page.goto(`${harness.url}#/closures`)
    await expect(page.getByText('No closures are waiting for approval.')).toBeVisible()
    expect(okafors).toBeTruthy()
  })
})

test.describe('an administrator', () => {
  test.use({ account: { username: 'ada', role: 'admin' } })

  test('sets after how many days without contact the lists flag a family, told beside the field what is wrong', async ({ page }) => {
    await tabTo(page, page.getByRole('link', { name: 'Hub settings' }))
    await page.keyboard.press('Enter')
    const field = page.getByLabel('Flag an open episode after this many days without contact')
    await expect(field).toHaveValue('28')
    for (const [typed, message] of [
      ['', 'Enter a number of days'],
      ['a month', 'Enter a number of days'],
      ['200', 'Days without contact must be 7 to 180']
    ] as const) {
      await tabTo(page, field)
      await page.keyboard.press('Control+A')
      if (typed) await page.keyboard.type(typed)
      else await page.keyboard.press('Delete')
      await tabTo(page, page.getByRole('button', { name: 'Save settings' }))
      await page.keyboard.press('Enter')
      // Said in the summary at the top and beside the field itself, which it names.
      await expect(page.locator('.govuk-error-summary')).toContainText(message)
      await expect(page.locator('#contactGapDays-error')).toContainText(message)
      await expect(field).toHaveAttribute('aria-describedby', /contactGapDays-error/)
    }
    await expectAccessibleAtEveryImpact(page)
    await photograph(page, 'hub-settings-error')
    await tabTo(page, field)
    await page.keyboard.press('Control+A')
    await page.keyboard.type('42')
    await tabTo(page, page.getByRole('button', { name: 'Save settings' }))
    await page.keyboard.press('Enter')
    await expect(page.getByText('Hub settings saved.')).toBeVisible()
    await page.reload()
    await expect(page.getByLabel('Flag an open episode after this many days without contact')).toHaveValue('42')
  })
})
