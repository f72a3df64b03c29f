// The heart of the casework, as a practitioner does it: open an episode, assess two children and
// their parents, agree a plan, review it twice, write notes, print the plan, close with outcomes;
// then a manager approves the closure and reopens the episode.
import { readFileSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { test, expect, expectAccessible, PASSWORD } from './harness/fixtures'
import { signIn, signOut } from './harness/signIn'
import { fillDate } from './harness/forms'
import { pdfText } from './harness/pdf'
import { asColleague, CATHERINE, GRACE, openEpisodeFor, registerOkafors } from './harness/earlyHelp'

test.use({ account: { username: 'pat', role: 'practitioner' } })

/** An ISO date `days` from today, and the same date as the three boxes of a date field. */
function day(days: number): { iso: string; parts: [string, string, string] } {
  const d = new Date()
  d.setDate(d.getDate() + days)
  const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  return { iso, parts: [String(d.getDate()), String(d.getMonth() + 1), String(d.getFullYear())] }
}
const MOHAMMED = { kind: 'child', givenName: 'Mohammed', familyName: 'Okafor', dateOfBirth: day(-800).iso, sex: 'M', ethnicity: 'BAFR' }
const longDate = (iso: string) => new Date(`${iso}T00:00:00`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true })

async function assessSubject(section: Locator, level: string) {
  for (const domain of ["child's development", 'parents and carers', 'family and environment']) {
    await section.getByLabel(`Strengths: ${domain}`).fill(`Strengths in ${domain}`)
    await section.getByLabel(`Needs: ${domain}`).fill(`Needs in ${domain}`)
    await section
      .getByRole('group', { name: `Level of need: ${domain}` })
      .getByLabel(level, { exact: true })
      .check()
  }
}

async function fillOutcome(
  page: Page,
  n: number,
  o: { text: string; headline: string; people: string[]; action: string; who: string; due: [string, string, string] }
) {
  const section = region(page, `Outcome ${n}`)
  await section.getByLabel(`Outcome ${n}: what will be different, and for whom`).fill(o.text)
  await section.getByLabel(`Outcome ${n}: headline`).selectOption({ label: o.headline })
  for (const person of o.people)
    await section
      .getByRole('group', { name: `Outcome ${n}: who it is for` })
      .getByLabel(person)
      .check()
  await section.getByLabel(`Action ${n}.1: what will be done`).fill(o.action)
  await section.getByLabel(`Action ${n}.1: who will do it`).selectOption({ label: o.who })
  await fillDate(section, `Action ${n}.1: by when`, o.due)
}

async function review(page: Page, scores: string[], comment: string) {
  await page.getByRole('button', { name: 'Record a review' }).click()
  await expect(page.getByRole('heading', { name: 'Record a Team Around the Family review' })).toBeVisible()
  await page.getByLabel('Grace Okafor').check()
  await page.getByLabel('Dee Brown (Health visitor, Riverside Health Visiting)').check()
  for (const [i, score] of scores.entries()) await page.getByLabel(`Progress on outcome ${i + 1}, from 0 to 10`).selectOption(score)
  await page.getByLabel('Comment on outcome 1 (optional)').fill(comment)
}

test('a practitioner runs an episode from opening to closure, and a manager approves and reopens it', async ({ page, harness }) => {
  test.setTimeout(120_000)
  const id = await registerOkafors(harness, [GRACE, CATHERINE, MOHAMMED])
  await harness.createUser({ username: 'molly', role: 'manager' })
  const opened = day(-100)
  const agreed = day(-90)

  // Open the episode, on consent given there and then.
  await page.goto(`${harness.url}#/families/${id}/early-help/open`)
  await fillDate(page.locator('form'), 'Date opened', opened.parts)
  await page.getByLabel('Lead practitioner').selectOption({ label: 'Pat Practitioner' })
  await page.getByLabel('Why the family needs early help').fill('Rent arrears; Mohammed is not in nursery; Catherine’s hearing needs checking.')
  await page.getByLabel('Secure housing').check()
  await page.getByLabel('Good early years development').check()
  await page.getByLabel('They have given it: record it now').check()
  await page.getByLabel('Who gave consent').selectOption({ label: 'Grace Okafor' })
  await page.getByLabel('Written').check()
  await page.getByRole('button', { name: 'Open episode' }).click()
  await expect(page.getByText('Early-help episode opened.', { exact: false })).toBeVisible()
  const episodeUrl = page.url().replace(/\?.*$/, '')

  // The Team Around the Family.
  await page.getByRole('button', { name: 'Add a team member' }).click()
  await page.getByLabel('Email address (optional)').fill('not an email')
  await page.getByRole('button', { name: 'Save team member' }).click()
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter their name')
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter an email address in the correct format')
  await page.getByLabel('Name', { exact: true }).fill('Dee Brown')
  await page.getByLabel('Role').fill('Health visitor')
  await page.getByLabel('Agency').fill('Riverside Health Visiting')
  await page.getByLabel('Phone number (optional)').fill('0121 496 0123')
  await page.getByLabel('Email address (optional)').fill('dee.brown@example.nhs.uk')
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/team-member.png', fullPage: true })
  await page.getByRole('button', { name: 'Save team member' }).click()
  await expect(page.getByText('Dee Brown has joined the Team Around the Family.')).toBeVisible()

  // The assessment: two children and the parents, three domains each; completing asks for everything.
  await page.getByRole('button', { name: 'Start the assessment' }).click()
  await fillDate(page.locator('form'), 'Date started', opened.parts)
  await assessSubject(region(page, 'Catherine Okafor'), 'Additional needs')
  await page.getByLabel('Secure housing').check()
  await page.getByLabel('Evidence: Secure housing').fill('Two months behind with the rent; a section 21 notice.')
  await fillDate(page.locator('form'), 'Date completed', day(-95).parts)
  await page.getByRole('button', { name: 'Save assessment' }).click()
  const summary = page.locator('.govuk-error-summary')
  await expect(summary).toContainText("Select the level of need for child's development")
  await expect(summary).toContainText("Record the family's own words before completing the assessment")
  await assessSubject(region(page, 'Mohammed Okafor'), 'Complex needs')
  await assessSubject(region(page, 'Parents and carers'), 'Additional needs')
  await page.getByLabel('The voice of the child and family').fill('Grace: "I just want the letters to stop." Catherine: "I like my teacher."')
  await page.getByLabel('Good early years development').check()
  await page.getByLabel('Evidence: Good early years development').fill('Mohammed has no nursery place.')
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/assessment.png', fullPage: true })
  await page.getByRole('button', { name: 'Save assessment' }).click()
  await expect(page.getByText('The assessment is complete.')).toBeVisible()
  await expect(page.getByText(/Completed .* by Pat Practitioner\. Headlines found: Good early years development; Secure housing\./)).toBeVisible()

  // The plan: three outcomes with actions. A draft of it survives a reload.
  await page.getByRole('button', { name: 'Write the family plan' }).click()
  await fillDate(page.locator('form'), 'Date the plan was agreed with the family', agreed.parts)
  await fillOutcome(page, 1, {
    text: 'Grace knows the rent is paid each month',
    headline: 'Secure housing',
    people: ['Grace Okafor'],
    action: 'Apply for discretionary housing payment',
    who: 'Grace Okafor',
    due: day(-10).parts
  })
  await page.keyboard.press('Tab')
  await expect(page.getByText(/Draft saved at \d\d:\d\d/)).toBeVisible()
  // That line may be an earlier save's (moving from field to field saves too): the reload tests the
  // draft only once the save of the last field typed, the due date's year, is in the database.
  const planDraftDue = async () => {
    const [saved] = await harness.casebook.core.db.query(`SELECT payload FROM draft WHERE draft_key = ?`, [`family-plan:${episodeUrl.split('/').at(-1)}`])
    return saved ? JSON.parse(saved.payload).outcomes?.[0]?.actions?.[0]?.due : null
  }
  const [dueDay, dueMonth, dueYear] = day(-10).parts
  await expect.poll(planDraftDue).toMatchObject({ day: dueDay, month: dueMonth, year: dueYear })
  await page.reload()
  await expect(page.getByText(/Your unsaved plan from \d\d:\d\d has been brought back\./)).toBeVisible()
  await expect(region(page, 'Outcome 1').getByLabel('Outcome 1: what will be different, and for whom')).toHaveValue('Grace knows the rent is paid each month')
  await page.getByRole('button', { name: 'Add another outcome' }).click()
  await fillOutcome(page, 2, {
    text: 'Mohammed goes to nursery three mornings a week',
    headline: 'Good early years development',
    people: ['Mohammed Okafor', 'Grace Okafor'],
    action: 'Find a funded nursery place',
    who: 'Dee Brown (Health visitor, Riverside Health Visiting)',
    due: day(30).parts
  })
  await page.getByRole('button', { name: 'Add another outcome' }).click()
  await fillOutcome(page, 3, {
    text: 'Catherine hears well in class',
    headline: 'Good early years development',
    people: ['Catherine Okafor'],
    action: 'Book an audiology check',
    who: 'Grace Okafor',
    due: day(20).parts
  })
  await region(page, 'Outcome 3').getByRole('button', { name: 'Add an action to outcome 3' }).click()
  await page.getByRole('button', { name: 'Save the plan' }).click()
  await expect(summary).toContainText('Enter what will be done')
  await expect(summary).toContainText('Select who will do it')
  await region(page, 'Outcome 3').getByLabel('Action 3.2: what will be done').fill('Tell the school about the hearing aids')
  await region(page, 'Outcome 3').getByLabel('Action 3.2: who will do it').selectOption({ label: 'Dee Brown (Health visitor, Riverside Health Visiting)' })
  await fillDate(region(page, 'Outcome 3'), 'Action 3.2: by when', day(40).parts)
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/family-plan.png', fullPage: true })
  await page.getByRole('button', { name: 'Save the plan' }).click()
  await expect(page.getByText('The family plan has been agreed.')).toBeVisible()
  // Saving the plan leaves no draft of it. Signing out saves any draft still waiting and answers only
  // once it is in the database, so one read after it is final (a read straight after the save is not).
  await signOut(page)
  expect(await harness.casebook.core.db.query(`SELECT count(*) AS n FROM draft`)).toEqual([{ n: 0 }])
  await signIn(page, 'pat')
  await page.goto(episodeUrl)

  // Two practitioners change the plan from the same version: the second is told, nothing is overwritten.
  await page.getByRole('button', { name: 'Change the plan' }).click()
  const outcome1 = region(page, 'Outcome 1').getByLabel('Outcome 1: what will be different, and for whom')
  await outcome1.fill('Pat’s wording of outcome 1')
  const episodeId = episodeUrl.split('/').at(-1)!
  const { plan } = await asColleague(harness, 'paula', 'episodes.get', { id: episodeId })
  await asColleague(harness, 'paula', 'plan.save', {
    episodeId,
    version: plan.version,
    agreedOn: plan.agreedOn,
    outcomes: [{ ...plan.outcomes[0], text: 'Paula’s wording of outcome 1' }, ...plan.outcomes.slice(1)]
  })
  await page.getByRole('button', { name: 'Save the plan' }).click()
  await expect(page.getByText('The plan has not been saved')).toBeVisible()
  await expect(page.getByText(/Someone else saved changes to this family plan after you opened it/)).toBeVisible()
  await expect(outcome1).toHaveValue('Pat’s wording of outcome 1')
  await page.screenshot({ path: 'test-results/screens/family-plan-conflict.png', fullPage: true })
  await page.reload()
  await expect(page.getByText(/Someone else has saved changes since you started it/)).toBeVisible()
  await page.getByRole('button', { name: 'Discard it and start again' }).click()
  await expect(outcome1).toHaveValue('Paula’s wording of outcome 1')
  // Discarding leaves no draft behind, not even a blank one: signing out writes any draft still
  // waiting, and answers only once it is in the database.
  await signOut(page)
  expect(await harness.casebook.core.db.query(`SELECT count(*) AS n FROM draft`)).toEqual([{ n: 0 }])
  await signIn(page, 'pat')
  await page.goto(episodeUrl)

  // Two reviews with progress scores; the first moves an action on.
  await review(page, ['3', '2', '6'], 'Payments have started.')
  await page.getByLabel('Action: Book an audiology check', { exact: false }).selectOption({ label: 'Done' })
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/review.png', fullPage: true })
  await page.getByRole('button', { name: 'Save the review' }).click()
  await expect(page.getByText(/The review has been recorded\. The next is on/)).toBeVisible()
  await review(page, ['7', '5', '9'], 'Rent up to date.')
  await page.getByRole('button', { name: 'Save the review' }).click()
  await expect(page.getByText(/The review has been recorded\. The next is on/)).toBeVisible()
  await expect(page.getByRole('table', { name: 'Progress scores: outcome 1' }).getByRole('row')).toHaveCount(3)
  await expect(page.getByRole('table', { name: 'Progress scores: outcome 1' })).toContainText('Rent up to date.')
  await expect(page.getByRole('table', { name: 'Progress scores: outcome 2' }).locator('td.govuk-table__cell--numeric')).toHaveText(['2', '5'])
  await expect(page.locator('.app-progress__chart svg')).toHaveCount(3)
  await expect(page.getByText('Overdue').first()).toBeVisible()
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/episode.png', fullPage: true })

  // The caseload shows the overdue action.
  await page.getByRole('link', { name: 'My caseload' }).click()
  await expect(page.getByRole('row', { name: /RV-000001/ })).toContainText('1 overdue')
  await expect(page.getByText('1 open episode · 0 reviews overdue · 1 action overdue')).toBeVisible()
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/caseload.png', fullPage: true })

  // Notes, one significant, and the chronology with the episode's own events.
  for (const [kind, time, text, significant] of [
    ['Home visit', '10:00', 'Visited. The rent is being paid.', false],
    ['Phone call', '15:30', 'Landlord withdrew the notice.', true]
  ] as const) {
    await page.goto(`${harness.url}#/families/${id}/notes/new`)
    await page.getByLabel(kind).check()
    // The day before: a time today is refused until it has come, and the test runs at any hour.
    await fillDate(page.locator('form'), 'Date of the contact', day(-1).parts)
    await page.getByLabel('Time').fill(time)
    await page.getByLabel('Note', { exact: true }).fill(text)
    if (significant) await page.getByLabel('Significant event').check()
    await page.getByRole('button', { name: 'Save note' }).click()
    await expect(page.getByText('Case note saved.')).toBeVisible()
  }
  const timeline = page.locator('.app-timeline')
  await expect(timeline).toContainText('Early help assessment completed')
  await expect(timeline).toContainText('Family plan agreed')
  await expect(timeline.getByRole('heading', { name: 'Team Around the Family review' })).toHaveCount(2)
  await page.getByLabel('Significant events only').check()
  await expect(timeline.getByRole('heading')).toHaveText(['Phone call Significant'])

  // The plan prints as a plain document; its PDF says what the plan says.
  await page.goto(`${episodeUrl}/plan/print`)
  await expect(page.getByRole('heading', { name: 'Our family plan' })).toBeVisible()
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/plan-print.png', fullPage: true })
  await page.getByRole('button', { name: 'Save as PDF' }).click()
  await expect(page.getByText('The plan has been saved as a PDF')).toBeVisible()
  const [exported] = await harness.casebook.core.db.query(`SELECT actor, record_type AS type, changes FROM audit_entry WHERE action = 'export'`)
  expect(exported).toMatchObject({ actor: 'pat', type: 'family-plan' })
  const pdfPath = JSON.parse(exported.changes).path as string
  expect(pdfPath).toMatch(/Family plan RV-000001 \d{4}-\d\d-\d\d\.pdf$/)
  await expect(page.getByText(pdfPath)).toBeVisible()
  const text = await pdfText(readFileSync(pdfPath))
  for (const expected of [
    'Our family plan',
    'Riverside Family Hub',
    'Paula’s wording of outcome 1',
    'Mohammed goes to nursery three mornings a week',
    'Catherine hears well in class',
    'Apply for discretionary housing payment',
    'Book an audiology check',
    'Done',
    'Dee Brown, Health visitor, Riverside Health Visiting, 0121 496 0123',
    `Agreed on ${longDate(agreed.iso)}`,
    'we scored this 7 out of 10'
  ]) {
    expect(text).toContain(expected)
  }
  expect(text).not.toContain('Save as PDF')
  expect(text).not.toContain('The plan has been saved')
  expect(text).not.toContain('My caseload')

  // Closing with an outcome for each headline waits for the manager's approval.
  await page.goto(`${harness.url}#/families/${id}/early-help/close`)
  await page.getByLabel('Outcomes achieved').check()
  await page.getByRole('group', { name: 'Outcome: Secure housing' }).getByLabel('Achieved', { exact: true }).check()
  await page.getByRole('group', { name: 'Outcome: Good early years development' }).getByLabel('Partly achieved').check()
  await page.getByLabel("The family's view of the help they had").fill('Things are calmer. Mohammed loves nursery.')
  await page.getByRole('button', { name: 'Close the episode' }).click()
  await expect(page.getByText("Its closure has been recorded and is waiting for a manager's approval.")).toBeVisible()

  const molly = await harness.openPage({ username: 'molly', role: 'manager' })
  await molly.getByRole('link', { name: 'All open episodes' }).click()
  await molly.getByLabel('Only those with an overdue review or action').check()
  await molly.getByRole('button', { name: 'Show episodes' }).click()
  await expect(molly.getByText('Showing 1 to 1 of 1 open episode with something overdue')).toBeVisible()
  await expectAccessible(molly)
  await molly.screenshot({ path: 'test-results/screens/all-open-overdue.png', fullPage: true })
  await molly.getByRole('link', { name: /RV-000001/ }).click()
  await expect(molly.getByText('Closure awaiting approval')).toBeVisible()
  await molly.getByRole('button', { name: 'Approve closure' }).click()
  // The closure is shown first, and approved only once the manager confirms.
  await expect(molly.getByRole('region', { name: 'The closure waiting for approval' })).toContainText('Things are calmer. Mohammed loves nursery.')
  await molly.getByRole('button', { name: 'Approve the closure' }).click()
  await molly.getByRole('button', { name: 'Yes, approve the closure' }).click()
  await expect(molly.getByText('This episode is closed, so its record is read-only.')).toBeVisible()
  await expect(molly.getByRole('button', { name: 'Change the plan' })).toHaveCount(0)
  await molly.getByRole('button', { name: 'Reopen the episode' }).click()
  await molly.getByRole('button', { name: 'Reopen the episode' }).click()
  await expect(molly.locator('.govuk-error-summary')).toContainText('Enter why the episode is being reopened')
  await molly.getByLabel('Why it is being reopened').fill('Grace asked for help again: a new landlord.')
  await expectAccessible(molly)
  await molly.screenshot({ path: 'test-results/screens/reopen-episode.png', fullPage: true })
  await molly.getByRole('button', { name: 'Reopen the episode' }).click()
  await expect(molly.getByText('The episode has been reopened.')).toBeVisible()
  await expect(molly.locator('.govuk-summary-list')).toContainText('Grace asked for help again: a new landlord.')
  await expect(molly.getByRole('button', { name: 'Change the plan' })).toBeVisible()
  await expectAccessible(molly)
})

test('a draft typed just before the screen locks is kept, and comes back after unlocking and reloading', async ({ page, harness }) => {
  const id = await registerOkafors(harness, [GRACE, CATHERINE, MOHAMMED])
  const episode = { id: (await openEpisodeFor(harness, id, { openedOn: day(-1).iso, headlines: ['HOUSING'], reason: 'Housing' })).episodeId }
  // Lock after one minute; the clock is the page's own, moved on by Playwright.
  const settings = await asColleague(harness, 'admin', 'hub.settings', {})
  await asColleague(harness, 'admin', 'hub.update', { ...settings, idleLockMinutes: 1 })
  await page.clock.install()
  await page.goto(`${harness.url}#/families/${id}/episodes/${episode.id}/assessment`)
  await page.reload()
  const voice = page.getByLabel('The voice of the child and family')
  await voice.fill('Grace said the evenings are the hardest')
  // A minute without use: the screen locks only once the draft's save has been answered, so the
  // draft is in the database by the time the lock screen shows (the poll waits for the row, never a time).
  await page.clock.runFor(61_000)
  await expect(page.getByRole('heading', { name: 'Casebook is locked' })).toBeVisible()
  const savedVoice = async () => {
    const [saved] = await harness.casebook.core.db.query(`SELECT payload FROM draft WHERE draft_key = ?`, [`assessment:${episode.id}`])
    return saved ? JSON.parse(saved.payload).familyVoice : null
  }
  await expect.poll(savedVoice).toBe('Grace said the evenings are the hardest')
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Unlock' }).click()
  await expect(voice).toHaveValue('Grace said the evenings are the hardest')
  await page.reload()
  await expect(page.getByText(/Your unsaved assessment from \d\d:\d\d has been brought back\./)).toBeVisible()
  await expect(voice).toHaveValue('Grace said the evenings are the hardest')
})

test('someone who types without a pause still has a draft saved every few seconds', async ({ page, harness }) => {
  const id = await registerOkafors(harness, [GRACE, CATHERINE, MOHAMMED])
  await page.clock.install()
  await page.goto(`${harness.url}#/families/${id}/notes/new`)
  const note = page.getByLabel('Note', { exact: true })
  await note.click()
  // From a minute on (a time never already past however slow the machine), the page's time moves
  // only when the test moves it.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 60_000)
  // A key every second for eight seconds: never the pause after which a draft is usually saved.
  for (const word of ['Grace ', 'rang ', 'to ', 'say ', 'the ', 'bailiffs ', 'came ', 'today']) {
    await page.keyboard.type(word)
    await page.clock.runFor(1000)
  }
  // The save was sent while the keys were still coming; the poll waits for it to land.
  const savedText = async () => {
    const [draft] = await harness.casebook.core.db.query(`SELECT payload FROM draft WHERE draft_key = ?`, [`case-note:${id}`])
    return draft ? (JSON.parse(draft.payload).text as string) : ''
  }
  let saved = ''
  await expect.poll(async () => (saved = await savedText())).toMatch(/^Grace rang to say the /)
  // The save that landed was sent while the keys were coming, not after the pause that follows the
  // last of them (the page's clock stands still, so that pause never comes). The assertion is on the
  // save the poll saw, not a second read that a save still on its way could beat.
  expect(saved).not.toContain('today')
})
