import { expect, type Page } from '@playwright/test'
import { PASSWORD } from './fixtures'

/** Signs in on the sign-in page, as a user the harness made (their password is the harness's). */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/**
 * Signs out from the header. Sign-out saves every draft still waiting and waits for the core to
 * answer before the page starts again, so once the sign-in page shows, every draft is in the database.
 */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible()
}
