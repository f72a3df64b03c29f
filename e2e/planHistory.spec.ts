// Plans and assessments keep their history: a colleague agrees the plan and completes the
// assessment, the practitioner changes both, a review moves an action on; the episode page lists
// the earlier versions, and each opens read-only with who saved it, when, and what changed. With
// the keyboard alone, at 320 pixels wide, and axe-clean.
import { randomUUID } from 'node:crypto'
import type { Page } from '@playwright/test'
import { test, expect, expectAccessible, type Harness } from './harness/fixtures'
import { asColleague, CATHERINE, GRACE, openEpisodeFor, registerOkafors } from './harness/earlyHelp'
import { tabTo } from './harness/screen'

test.use({ account: { username: 'pat', role: 'practitioner' } })

/** An ISO date `days` from today. */
function day(days: number): string {
  const d = new Date()
  d.setDate(d.getDate() + days)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true })
/** A name as a regular expression that matches it and nothing else ("pat (practitioner)" has brackets). */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * How often the plan's and the assessment's versions have been read (listed or opened), as the audit
 * trail records it. Read after an outcome on the screen that needs the reading's answer.
 */
async function versionViews(harness: Harness): Promise<{ plan: number; assessment: number }> {
  const rows: { type: string; n: number }[] = await harness.casebook.core.db.query(
    `SELECT record_type AS type, count(*) AS n FROM audit_entry WHERE action = 'view' AND record_type IN ('family-plan', 'assessment') GROUP BY record_type`
  )
  const count = (type: string) => rows.find((r) => r.type === type)?.n ?? 0
  return { plan: count('family-plan'), assessment: count('assessment') }
}

/** Nothing on the screen needs scrolling sideways. */
async function expectReflow(page: Page) {
  const overflow = await page.locator('#main-content').evaluate((main) => main.scrollWidth - main.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
}

test('earlier versions of the plan and the assessment open read-only, saying who saved them, when, and what changed', async ({ page, harness }) => {
  test.setTimeout(90_000)
  const id = await registerOkafors(harness, [GRACE, CATHERINE])
  const { episodeId, grace } = await openEpisodeFor(harness, id, { openedOn: day(-30), headlines: ['HOUSING', 'EARLY_YEARS'] })
  const [{ id: catherine }] = await harness.casebook.core.db.query(`SELECT id FROM person WHERE family_id = ? AND given_name = 'Catherine'`, [id])
  const [{ name: pat }] = await harness.casebook.core.db.query(`SELECT display_name AS name FROM app_user WHERE username = 'pat'`)
  const episodeUrl = `${harness.url}#/families/${id}/episodes/${episodeId}`

  // Paula, at another desk, agreed the plan and completed the assessment.
  const rent = { id: randomUUID(), what: 'Apply for discretionary housing payment', owner: `person:${grace}`, due: day(20), status: 'NOT_STARTED' }
  const outcome = { id: randomUUID(), text: 'Grace knows the rent is paid each month', headline: 'HOUSING', peopleIds: [grace], actions: [rent] }
  await asColleague(harness, 'paula', 'plan.save', { episodeId, agreedOn: day(-20), outcomes: [outcome] })
  const domain = (level: string) => ({ strengths: 'Warm and loving', needs: 'Some worries', level })
  await asColleague(harness, 'paula', 'assessment.save', {
    episodeId,
    startedOn: day(-29),
    completedOn: day(-25),
    subjects: [
      {
        personId: catherine,
        domains: { CHILD_DEVELOPMENT: domain('ADDITIONAL'), PARENTS_CARERS: domain('ADDITIONAL'), FAMILY_ENVIRONMENT: domain('ADDITIONAL') }
      },
      { personId: null, domains: { CHILD_DEVELOPMENT: domain('ADDITIONAL'), PARENTS_CARERS: domain('ADDITIONAL'), FAMILY_ENVIRONMENT: domain('ADDITIONAL') } }
    ],
    familyVoice: 'Grace: "I just want the letters to stop."',
    identified: ['HOUSING'],
    evidence: { HOUSING: 'Two months behind with the rent' }
  })

  // With one version of each, there is nothing earlier to show.
  await page.goto(episodeUrl)
  await expect(page.getByRole('heading', { name: 'Early-help episode' })).toBeVisible()
  await expect(page.getByText(/Earlier versions of the/)).toHaveCount(0)

  // Pat rewords the outcome, and changes the completed assessment: Catherine's development needs are now complex.
  await page.goto(`${episodeUrl}/plan`)
  await region(page, 'Outcome 1').getByLabel('Outcome 1: what will be different, and for whom').fill('The rent is paid on time every month')
  await page.getByRole('button', { name: 'Save the plan' }).click()
  await expect(page.getByText('The family plan has been changed.')).toBeVisible()
  await page.goto(`${episodeUrl}/assessment`)
  await region(page, 'Catherine Okafor').getByRole('group', { name: "Level of need: child's development" }).getByLabel('Complex needs', { exact: true }).check()
  await page.getByRole('button', { name: 'Save assessment' }).click()
  await expect(page.getByText('The assessment is complete.')).toBeVisible()
  // And at the next review Paula moves the action on.
  await asColleague(harness, 'paula', 'reviews.add', {
    episodeId,
    planVersion: 2,
    heldOn: day(-1),
    attendees: [`person:${grace}`],
    scores: [{ outcomeId: outcome.id, score: 5 }],
    actions: [{ id: rent.id, status: 'IN_PROGRESS' }],
    nextReviewOn: day(41)
  })

  // The episode page offers the earlier versions of each, closed. Showing the page reads neither
  // list: reading one is a view of the family's record, so it waits until the user opens the section.
  await page.goto(episodeUrl)
  const planVersions = page.locator('summary', { hasText: 'Earlier versions of the family plan' })
  const assessmentVersions = page.locator('summary', { hasText: 'Earlier versions of the assessment' })
  await expect(planVersions).toBeVisible()
  await expect(assessmentVersions).toBeVisible()
  await expect(page.locator('details', { has: planVersions })).not.toHaveAttribute('open')
  expect(await versionViews(harness)).toEqual({ plan: 0, assessment: 0 })
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/episode-versions-closed.png', fullPage: true })

  // Keyboard alone opens the plan's: its versions, newest first, read (and the reading recorded) once.
  await tabTo(page, planVersions)
  await page.keyboard.press('Enter')
  const list = page.locator('details', { has: planVersions })
  await expect(list).toHaveAttribute('open')
  await expect(list.getByRole('listitem')).toHaveText([
    /^Version 3 \(the current one\) saved .* by paula\s*Actions moved on at a review\. 1 action moved on$/,
    new RegExp(`^Version 2 saved .* by ${literal(pat)}\\s*1 change to an outcome$`),
    /^Version 1 saved .* by paula\s*Agreed .*: 1 outcome, 1 action$/
  ])
  expect(await versionViews(harness)).toEqual({ plan: 1, assessment: 0 })
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/screens/plan-versions.png', fullPage: true })
  await page.setViewportSize({ width: 320, height: 900 })
  await expectReflow(page)
  await page.screenshot({ path: 'test-results/screens/plan-versions-320.png', fullPage: true })
  await page.setViewportSize({ width: 1280, height: 900 })
  // Closed and opened again, it shows the list it has: nothing more is read.
  await expect(planVersions).toBeFocused()
  await page.keyboard.press('Space')
  await expect(list).not.toHaveAttribute('open')
  await page.keyboard.press('Space')
  await expect(list.getByRole('listitem')).toHaveCount(3)
  expect(await versionViews(harness)).toEqual({ plan: 1, assessment: 0 })
  await tabTo(page, list.getByRole('link', { name: 'Version 1' }))
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { level: 1, name: 'Family plan: version 1' })).toBeFocused()
  await expect(page.getByText(/^Saved .* by paula\.$/)).toBeVisible()
  await expect(page.getByText('This is an earlier version, kept as it was saved. It cannot be changed. The current version is version 3.')).toBeVisible()
  await expect(page.getByText('This is the first version kept.')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Outcome 1: Grace knows the rent is paid each month' })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Actions for outcome 1' })).toContainText('Apply for discretionary housing payment: Grace Okafor')
  await expect(page.getByRole('list', { name: 'Actions for outcome 1' })).toContainText('Not started.')
  // Read-only: nothing on it to press or type into.
  await expect(page.locator('#main-content').getByRole('button')).toHaveCount(0)
  await expect(page.locator('#main-content').getByRole('textbox')).toHaveCount(0)
  await expectAccessible(page)
  await page.setViewportSize({ width: 320, height: 900 })
  await expectReflow(page)
  await page.screenshot({ path: 'test-results/screens/plan-version-320.png', fullPage: true })
  await page.setViewportSize({ width: 1280, height: 900 })

  // Version 2: Pat's rewording, said in plain words, and a way back to the version before.
  await page.goto(`${episodeUrl}/plan/versions/2`)
  await expect(page.getByRole('heading', { level: 1, name: 'Family plan: version 2' })).toBeVisible()
  await expect(page.getByText(new RegExp(`^Saved .* by ${literal(pat)}\\.$`))).toBeVisible()
  await expect(page.getByRole('heading', { name: 'What changed from version 1' })).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: 'Outcome changed' })).toHaveText(
    'Outcome changed: “Grace knows the rent is paid each month” now reads “The rent is paid on time every month”'
  )
  await tabTo(page, page.getByRole('link', { name: 'See version 1' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Family plan: version 1' })).toBeFocused()

  // Version 3: the review's change to the plan.
  await page.goto(`${episodeUrl}/plan/versions/3`)
  await expect(page.getByText('This is the current version of the family plan.')).toBeVisible()
  await expect(page.getByText(/^Saved .* by paula\. Actions moved on at a review\.$/)).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: 'Action moved on' })).toHaveText(
    'Action moved on: “Apply for discretionary housing payment”: Not started → In progress'
  )

  // The assessment's versions: Paula's completion, and Pat's change of a level of need.
  await page.goto(episodeUrl)
  await tabTo(page, assessmentVersions)
  await page.keyboard.press('Enter')
  await expect(page.locator('details', { has: assessmentVersions }).getByRole('listitem')).toHaveCount(2)
  expect((await versionViews(harness)).assessment).toBe(1)
  await tabTo(page, page.locator('details', { has: assessmentVersions }).getByRole('link', { name: 'Version 2 (the current one)' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Assessment: version 2' })).toBeFocused()
  await expect(page.getByRole('listitem').filter({ hasText: 'Level of need' })).toHaveText(
    "Level of need: Catherine Okafor, child's development: Additional needs → Complex needs"
  )
  const catherineAsAssessed = region(page, 'Catherine Okafor')
  await expect(catherineAsAssessed.getByRole('definition').filter({ hasText: 'Complex needs' })).toHaveCount(1)
  await expectAccessible(page)
  await page.setViewportSize({ width: 320, height: 900 })
  await expectReflow(page)
  await page.screenshot({ path: 'test-results/screens/assessment-version-320.png', fullPage: true })
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto(`${episodeUrl}/assessment/versions/1`)
  await expect(page.getByText('This is the first version kept.')).toBeVisible()
  await expect(page.getByText('This is an earlier version, kept as it was saved. It cannot be changed. The current version is version 2.')).toBeVisible()
  await expect(page.getByText('Completed by')).toBeVisible()

  // A version that does not exist is said plainly.
  await page.goto(`${episodeUrl}/plan/versions/9`)
  await expect(page.getByText('That version of the family plan could not be found. It may have been moved or removed.')).toBeVisible()

  // The audit trail says what Pat's save changed, and who looked at the versions.
  const molly = await harness.openPage({ username: 'molly', role: 'manager' })
  await molly.goto(`${harness.url}#/audit?family=RV-000001`)
  await expect(molly.getByRole('cell', { name: /outcomesChanged: .*now reads “The rent is paid on time every month”/ })).toBeVisible()
  await expect(molly.getByRole('cell', { name: /actionsMovedOn: .*Not started → In progress/ })).toBeVisible()
  await expect(molly.getByRole('cell', { name: /levels: .*Catherine Okafor, child's development: Additional needs → Complex needs/ })).toBeVisible()
  await expect(molly.getByRole('cell', { name: 'versionsListed: 3' }).first()).toBeVisible()
})
